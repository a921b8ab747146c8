// refuge-cli run: the main job — every analysis configured in a project, into one folder.
#include "Cli.h"
#include "JobReports.h"
#include "analysis/jobs/ProjectJobSettings.h"
#include "util/Feedback.h"
#include "model/Project.h"
#include "io/Gdal.h"
#include "model/ProjectCheck.h"
#include "model/RasterLayer.h"
#include "model/VectorLayer.h"
#include "util/Error.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <algorithm>
#include <functional>

namespace refuge::cli {

namespace {

void writeJson(const QString &path, const QJsonObject &o)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        throw IoError(fileMessage(path, QStringLiteral("cannot be written")));
    f.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
    if (!f.commit())
        throw IoError(fileMessage(path, QStringLiteral("cannot be written")));
}

// layers.json: what every project layer holds once loaded into the project CRS.
QJsonObject layerSummary(const Project &project)
{
    QJsonArray layers;
    for (const ProjectLayer &l : project.layers) {
        const DataSource src = project.dataSource(l);
        if (!isConnectionString(src.path) && !probeDataset(src.path).vector) {
            const RasterLayer r = RasterLayer::open(src.path, l.crs.isEmpty() ? Crs() : Crs::fromUserInput(l.crs));
            layers.append(QJsonObject{{QStringLiteral("id"), l.id},
                                      {QStringLiteral("role"), roleName(l.role)},
                                      {QStringLiteral("raster"), QJsonArray{r.width(), r.height(), r.bandCount()}},
                                      {QStringLiteral("source_crs"), r.crs().authId()}});
            continue;
        }
        LoadOptions opts;
        opts.targetCrs = project.crs;
        opts.encoding = l.encoding;
        if (!l.crs.isEmpty())
            opts.assumedCrs = Crs::fromUserInput(l.crs);
        const VectorLayer v = VectorLayer::load(src, opts);
        layers.append(QJsonObject{{QStringLiteral("id"), l.id},
                                  {QStringLiteral("role"), roleName(l.role)},
                                  {QStringLiteral("features"), v.featureCount()},
                                  {QStringLiteral("geometry_type"), geometryTypeName(v.geometryType())},
                                  {QStringLiteral("source_crs"), v.sourceCrs().authId()},
                                  {QStringLiteral("messages"), QJsonArray::fromStringList(v.report().messages())}});
    }
    return QJsonObject{{QStringLiteral("project"), project.title},
                       {QStringLiteral("crs"), project.crs.authId()},
                       {QStringLiteral("layers"), layers}};
}


// --- Analyses configured in project.analysis (coverage, fire, report) -------------
// Coverage and fire run through the same core jobs as the single commands, with
// settings filled from the project's roles and field mappings (ProjectJobSettings),
// so `run`, the single commands and the desktop give the same figures.
int runCommandNamed(const QString &name, const QStringList &args)
{
    for (const Command &c : commands())
        if (c.name == name)
            return c.run(QStringList{name} + args);
    throw UsageError(QStringLiteral("run: command '%1' is not available").arg(name));
}

// Returns the number of analyses that failed or left input data out (each printed, the others still run).
int runConfiguredAnalyses(const Project &project, const QString &outDir)
{
    const QJsonObject analysis = project.analysis;
    int failures = 0;
    auto attempt = [&](const QString &what, const std::function<void()> &fn) {
        try {
            fn();
        } catch (const UsageError &e) {
            printError(QStringLiteral("%1: %2: %3").arg(project.filePath(), what, e.message));
            ++failures;
        } catch (const Error &e) {
            printError(QStringLiteral("%1: %2: %3").arg(project.filePath(), what, e.message()));
            ++failures;
        }
    };
    const QDir dir(outDir);
    QStringList done;
    if (analysis.contains(QStringLiteral("coverage"))) {
        attempt(QStringLiteral("coverage"), [&] {
            CoverageSettings s = ProjectJobSettings::coverage(project);
            s.outDir = dir.filePath(QStringLiteral("coverage"));
            Feedback feedback;
            failures += printCoverage(CoverageJob::run(s, feedback)) != Ok ? 1 : 0; // input data left out: exit 1 (results kept)
            done << QStringLiteral("coverage");
        });
    }
    if (analysis.contains(QStringLiteral("fire"))) {
        attempt(QStringLiteral("fire"), [&] {
            FireSettings s = ProjectJobSettings::fire(project);
            s.outDir = dir.filePath(QStringLiteral("fire"));
            Feedback feedback;
            failures += printFire(FireJob::run(s, feedback)) != Ok ? 1 : 0;
            done << QStringLiteral("fire");
        });
    }
    const bool wantReport = !analysis.contains(QStringLiteral("report")) || analysis.value(QStringLiteral("report")).toBool(true);
    const bool haveReport = std::any_of(commands().begin(), commands().end(), [](const Command &c) { return c.name == QLatin1String("report"); });
    if (wantReport && haveReport && !done.isEmpty()) {
        attempt(QStringLiteral("report"), [&] {
            QStringList a{project.filePath(), QStringLiteral("--results"), outDir, QStringLiteral("--out"), dir.filePath(QStringLiteral("report"))};
            const QString lang = analysis.value(QStringLiteral("language")).toString();
            if (!lang.isEmpty())
                a << QStringLiteral("--lang") << lang;
            runCommandNamed(QStringLiteral("report"), a);
        });
    }
    return failures;
}

} // namespace

int runRun(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("A *.refuge project file."));
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("Output folder (created if needed)."), QStringLiteral("dir"));
    parser.addOption(outOpt);
    parseOrThrow(parser, args, QStringLiteral("Run every analysis configured in a project and write the results (GeoPackage layers, tables, report) into one folder."));
    if (parser.positionalArguments().size() != 1 || !parser.isSet(outOpt))
        throw UsageError(QStringLiteral("run: expected PROJECT.refuge and --out DIR (see refuge-cli run --help)"));
    const QString path = parser.positionalArguments().at(0);
    const QString outDir = parser.value(outOpt);
    const Project project = Project::load(path);
    const ProjectCheckResult check = checkProject(project);
    // Same form as `validate`: "refuge-cli: <project>: error: layer <id>: <what>".
    for (const ProjectProblem &p : check.problems)
        printError(QStringLiteral("%1: %2: %3%4")
                       .arg(path, p.severity == ProjectProblem::Severity::Error ? QStringLiteral("error") : QStringLiteral("warning"),
                            p.layerId.isEmpty() ? QString() : QStringLiteral("layer %1: ").arg(p.layerId), p.message));
    if (check.errorCount())
        return ProblemsFound;
    if (!QDir().mkpath(outDir))
        throw IoError(fileMessage(outDir, QStringLiteral("cannot create the output folder")));
    const QDir dir(outDir);
    writeJson(dir.filePath(QStringLiteral("layers.json")), layerSummary(project));
    out() << "layers: " << dir.filePath(QStringLiteral("layers.json")) << "\n";
    out().flush();
    if (runConfiguredAnalyses(project, outDir) > 0)
        return ProblemsFound;
    return Ok;
}

static const bool registered = registerCommand({QStringLiteral("run"), QStringLiteral("Run every analysis configured in a project into a folder"), runRun, true});

} // namespace refuge::cli
