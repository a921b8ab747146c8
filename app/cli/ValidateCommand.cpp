// refuge-cli validate: check a project file and every layer it references.
#include "Cli.h"
#include "analysis/jobs/ProjectJobSettings.h"
#include "model/Project.h"
#include "io/ProjectCheck.h"

namespace refuge::cli {

int runValidate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("A *.refuge project file."));
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("Print problems only."));
    parser.addOption(quiet);
    parseOrThrow(parser, args, QStringLiteral("Check a project: its analysis settings are in range (as `run` reads them), every layer opens, the roles analyses need are present, CRSs transform to the project CRS and mapped fields exist. Exit 0 if clean, 1 if problems were found."));
    if (parser.positionalArguments().size() != 1)
        throw UsageError(QStringLiteral("validate: expected one PROJECT.refuge (see refuge-cli validate --help)"));
    const QString path = parser.positionalArguments().at(0);
    const Project project = loadProject(path);
    ProjectJobSettings::check(project); // the analysis settings, exactly as `run` reads them
    const ProjectCheckResult result = checkProject(project);
    if (!parser.isSet(quiet)) {
        out() << "Project: " << path << " (" << project.title << ")\n  CRS: " << project.crs.label() << "\n  Layers: " << project.layers.size() << "\n";
        for (const QString &n : result.notes)
            out() << "    " << n << "\n";
    }
    for (const ProjectProblem &p : result.problems) {
        const QString prefix = p.severity == ProjectProblem::Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
        const QString where = p.layerId.isEmpty() ? QString() : QStringLiteral("layer %1: ").arg(p.layerId);
        printError(QStringLiteral("%1: %2: %3%4").arg(path, prefix, where, p.message));
    }
    if (!parser.isSet(quiet))
        out() << (result.errorCount() ? QStringLiteral("%1 error(s)").arg(result.errorCount()) : QStringLiteral("OK")) << "\n";
    out().flush();
    return result.errorCount() ? ProblemsFound : Ok;
}

static const bool registered = registerCommand({QStringLiteral("validate"), QStringLiteral("Check a project: layers open, roles, CRS, mapped fields"), runValidate});

} // namespace refuge::cli
