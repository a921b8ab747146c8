// refuge-cli atlas: one page of a print layout per feature of a coverage layer
// (communities, streets, districts), as one multi-page PDF or one file per feature.
// Every check (layout, coverage layer, fields, output paths, writable folder) runs
// before anything is written.
#include "Cli.h"
#include "PrintOptions.h"
#include "model/Project.h"
#include "print/Atlas.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>

namespace refuge::cli {

namespace {

// The nearest existing folder at or above `dir`.
QFileInfo existingAncestor(const QString &dir)
{
    QFileInfo info(QDir::cleanPath(QDir(dir).absolutePath()));
    while (!info.exists() && !info.absoluteFilePath().isEmpty() && !info.isRoot())
        info = QFileInfo(info.absolutePath());
    return info;
}

void checkOutputs(const QString &outDir, const QStringList &files, const Project &project, const QString &layoutFile)
{
    const QFileInfo outInfo(outDir);
    if (outInfo.exists() && !outInfo.isDir())
        throw UsageError(QStringLiteral("atlas: --out %1: is a file, not a folder").arg(outDir));
    const QFileInfo ancestor = existingAncestor(outDir);
    if (!ancestor.isDir() || !ancestor.isWritable())
        throw UsageError(QStringLiteral("atlas: --out %1: folder %2 cannot be written").arg(outDir, ancestor.absoluteFilePath()));
    QStringList inputs{QFileInfo(project.filePath()).absoluteFilePath()};
    if (!layoutFile.isEmpty())
        inputs << QFileInfo(layoutFile).absoluteFilePath();
    for (const ProjectLayer &layer : project.layers)
        inputs << QFileInfo(project.resolvedPath(layer)).absoluteFilePath();
    for (const QString &file : files) {
        const QString abs = QFileInfo(file).absoluteFilePath();
        if (inputs.contains(abs, Qt::CaseInsensitive))
            throw UsageError(QStringLiteral("atlas: %1: would overwrite an input").arg(file));
    }
}

} // namespace

int runAtlas(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file (*.refuge)."));
    const QCommandLineOption layoutOpt(QStringLiteral("layout"), QStringLiteral("Layout file (*.json), template name (resources/templates) or standard-a4|a3|a2[-landscape]."), QStringLiteral("name"));
    const QCommandLineOption coverageOpt(QStringLiteral("coverage"), QStringLiteral("Id of the project layer with one feature per page."), QStringLiteral("layer"));
    const QCommandLineOption fieldOpt(QStringLiteral("field"), QStringLiteral("Field naming each file ({feature.FIELD}.pdf); default: the page number."), QStringLiteral("name"));
    const QCommandLineOption singleOpt(QStringLiteral("single-file"), QStringLiteral("One multi-page PDF (atlas.pdf) instead of one file per feature."));
    const QCommandLineOption formatOpt(QStringLiteral("format"), QStringLiteral("pdf (default) or png, for one file per feature."), QStringLiteral("pdf|png"));
    const QCommandLineOption dpiOpt(QStringLiteral("dpi"), QStringLiteral("PNG resolution (default 150)."), QStringLiteral("n"));
    const QCommandLineOption marginOpt(QStringLiteral("margin"), QStringLiteral("Margin around each feature, % of its size (default 10)."), QStringLiteral("percent"));
    const QCommandLineOption scaleOpt(QStringLiteral("scale"), QStringLiteral("Fixed scale 1:N around each feature instead of fitting it."), QStringLiteral("n"));
    const QCommandLineOption titleOpt(QStringLiteral("title"), QStringLiteral("Title (default: the project's)."), QStringLiteral("text"));
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("Output folder (default: atlas)."), QStringLiteral("dir"));
    parser.addOptions({layoutOpt, coverageOpt, fieldOpt, singleOpt, formatOpt, dpiOpt, marginOpt, scaleOpt, titleOpt, outOpt});
    parseOrThrow(parser, args, QStringLiteral("One page of a print layout per feature of a coverage layer (PDF or PNG)."));
    if (parser.positionalArguments().size() != 1)
        throw UsageError(QStringLiteral("atlas: expected one PROJECT (see refuge-cli atlas --help)"));
    if (!parser.isSet(layoutOpt) || !parser.isSet(coverageOpt))
        throw UsageError(QStringLiteral("atlas: --layout and --coverage are required"));
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        throw UsageError(QStringLiteral("atlas: needs a GUI application object for fonts"));
    const QString format = parser.value(formatOpt).isEmpty() ? QStringLiteral("pdf") : parser.value(formatOpt).toLower();
    if (format != QLatin1String("pdf") && format != QLatin1String("png"))
        throw UsageError(QStringLiteral("atlas: --format must be pdf or png"));
    if (format == QLatin1String("png") && parser.isSet(singleOpt))
        throw UsageError(QStringLiteral("atlas: --single-file writes a PDF; drop --format png"));
    bool ok = true;
    const int dpi = parser.isSet(dpiOpt) ? parser.value(dpiOpt).toInt(&ok) : 150;
    if (!ok || dpi < 30 || dpi > 1200)
        throw UsageError(QStringLiteral("atlas: --dpi must be an integer between 30 and 1200"));

    AtlasOptions options;
    options.coverageLayerId = parser.value(coverageOpt);
    options.nameField = parser.value(fieldOpt);
    if (!options.nameField.isEmpty())
        options.nameTemplate = QStringLiteral("{feature.%1}.%2").arg(options.nameField, format);
    else
        options.nameTemplate = QStringLiteral("{page}.%1").arg(format);
    options.singleFile = parser.isSet(singleOpt);
    options.dpi = dpi;
    options.marginPercent = numberOption(parser, QStringLiteral("margin"), 10);
    options.fixedScale = numberOption(parser, QStringLiteral("scale"), 0);
    options.outDir = parser.isSet(outOpt) ? parser.value(outOpt) : QStringLiteral("atlas");
    if (options.outDir.isEmpty())
        throw UsageError(QStringLiteral("atlas: --out must name a folder"));

    const QString layoutValue = parser.value(layoutOpt);
    const PrintLayout layout = layoutFor(QStringLiteral("atlas"), layoutValue);
    const Project project = Project::load(parser.positionalArguments().at(0));
    if (!project.layerById(options.coverageLayerId)) {
        QStringList ids;
        for (const ProjectLayer &l : project.layers)
            ids << l.id;
        throw UsageError(QStringLiteral("atlas: --coverage: no layer '%1' in the project (layers: %2)")
                             .arg(options.coverageLayerId, ids.join(QStringLiteral(", "))));
    }
    Feedback feedback;
    PrintContext base = projectContext(QStringLiteral("atlas"), project, &feedback);
    if (parser.isSet(titleOpt))
        base.title = parser.value(titleOpt);
    const AtlasPlan plan = Atlas::plan(layout, base, options);
    checkOutputs(options.outDir, plan.files, project,
                 layoutValue.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? layoutValue : QString());
    if (!QDir().mkpath(options.outDir))
        throw UsageError(QStringLiteral("atlas: --out %1: folder cannot be created").arg(options.outDir));

    const AtlasResult result = Atlas::write(layout, plan, options, &feedback);
    for (const QString &w : feedback.warnings())
        err() << "warning: " << w << Qt::endl;
    for (const AtlasFailure &f : result.failures)
        printError(QStringLiteral("atlas: %1").arg(f.message));
    for (const QString &file : result.files)
        out() << file << Qt::endl;
    out() << QStringLiteral("%1 pages exported, %2 failed").arg(result.pages).arg(result.failures.size()) << Qt::endl;
    return result.failures.empty() && result.pages > 0 ? Ok : ProblemsFound;
}

static const bool registered = registerCommand({QStringLiteral("atlas"),
                                                QStringLiteral("One layout page per feature of a coverage layer (PDF/PNG)"), runAtlas, true});

} // namespace refuge::cli
