// refuge-cli run: the main job — every analysis configured in a project, into one folder.
#include "Cli.h"
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
// Each runs through its own refuge-cli command with arguments built from the project's
// roles and field mappings, so `run` and the single commands give the same figures.
int runCommandNamed(const QString &name, const QStringList &args)
{
    for (const Command &c : commands())
        if (c.name == name)
            return c.run(QStringList{name} + args);
    throw UsageError(QStringLiteral("run: command '%1' is not available").arg(name));
}

QString layerArg(const Project &project, const ProjectLayer &l)
{
    const QString path = project.resolvedPath(l);
    return l.layer.isEmpty() ? path : path + QLatin1Char(':') + l.layer;
}

void addNetworkArgs(QStringList &a, const Project &project, const QJsonObject &settings, const QString &defaultProfile)
{
    const ProjectLayer *roads = project.layerWithRole(Role::Roads);
    a << QStringLiteral("--network") << layerArg(project, *roads)
      << QStringLiteral("--profile") << settings.value(QStringLiteral("profile")).toString(defaultProfile);
    if (!roads->field(QStringLiteral("oneway")).isEmpty())
        a << QStringLiteral("--oneway-field") << roads->field(QStringLiteral("oneway"));
    if (!roads->field(QStringLiteral("speed")).isEmpty())
        a << QStringLiteral("--speed-field") << roads->field(QStringLiteral("speed"));
    if (project.crs.isValid() && !project.crs.isGeographic())
        a << QStringLiteral("--crs") << project.crs.authId();
}

QStringList limitArgs(const QJsonObject &settings)
{
    if (settings.contains(QStringLiteral("max_meters")))
        return {QStringLiteral("--max-meters"), QString::number(settings.value(QStringLiteral("max_meters")).toDouble())};
    if (settings.contains(QStringLiteral("max_minutes")))
        return {QStringLiteral("--max-minutes"), QString::number(settings.value(QStringLiteral("max_minutes")).toDouble())};
    return {};
}

// Returns the number of analyses that failed (each failure printed, the others still run).
int runConfiguredAnalyses(const Project &project, const QString &outDir)
{
    const QJsonObject analysis = project.analysis;
    const QString standard = analysis.value(QStringLiteral("standard")).toString(QStringLiteral("shanghai"));
    QStringList overrideArgs; // user changes to the profile, saved in the project
    const QJsonObject overrides = analysis.value(QStringLiteral("standard_overrides")).toObject();
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        overrideArgs << QStringLiteral("--standard-override") << QStringLiteral("%1=%2").arg(it.key()).arg(it.value().toDouble(), 0, 'g', 17);
    const ProjectLayer *roads = project.layerWithRole(Role::Roads);
    const ProjectLayer *population = project.layerWithRole(Role::Population);
    const ProjectLayer *communities = project.layerWithRole(Role::Communities);
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
            const QJsonObject c = analysis.value(QStringLiteral("coverage")).toObject();
            const ProjectLayer *shelters = project.layerWithRole(Role::Shelters);
            if (!shelters || !population)
                throw UsageError(QStringLiteral("needs a shelters layer and a population layer"));
            QStringList a;
            if (roads && !c.value(QStringLiteral("euclidean")).toBool())
                addNetworkArgs(a, project, c, QStringLiteral("walk"));
            else
                a << QStringLiteral("--euclidean");
            a << QStringLiteral("--facilities") << layerArg(project, *shelters);
            const QString name = shelters->field(QStringLiteral("name"));
            if (!name.isEmpty())
                a << QStringLiteral("--facility-id") << name << QStringLiteral("--name-field") << name;
            if (!shelters->field(QStringLiteral("capacity")).isEmpty())
                a << QStringLiteral("--capacity-field") << shelters->field(QStringLiteral("capacity"));
            if (!shelters->field(QStringLiteral("area")).isEmpty())
                a << QStringLiteral("--shelter-area-field") << shelters->field(QStringLiteral("area"));
            a << QStringLiteral("--demand") << layerArg(project, *population) << QStringLiteral("--population-field")
              << population->field(QStringLiteral("population"));
            if (communities && !communities->field(QStringLiteral("name")).isEmpty())
                a << QStringLiteral("--areas") << layerArg(project, *communities) << QStringLiteral("--area-field")
                  << communities->field(QStringLiteral("name"));
            a << limitArgs(c) << QStringLiteral("--assignment") << c.value(QStringLiteral("assignment")).toString(QStringLiteral("nearest"))
              << QStringLiteral("--standard") << standard << overrideArgs << QStringLiteral("--out") << dir.filePath(QStringLiteral("coverage"));
            if (runCommandNamed(QStringLiteral("coverage"), a) == Ok)
                done << QStringLiteral("coverage");
        });
    }
    if (analysis.contains(QStringLiteral("fire"))) {
        attempt(QStringLiteral("fire"), [&] {
            const QJsonObject f = analysis.value(QStringLiteral("fire")).toObject();
            const ProjectLayer *stations = project.layerWithRole(Role::FireStations);
            if (!stations)
                throw UsageError(QStringLiteral("needs a fire_stations layer"));
            QStringList a;
            if (roads && !f.value(QStringLiteral("euclidean")).toBool())
                addNetworkArgs(a, project, f, QStringLiteral("drive"));
            else
                a << QStringLiteral("--euclidean");
            a << QStringLiteral("--facilities") << layerArg(project, *stations);
            const QString id = stations->field(QStringLiteral("id")).isEmpty() ? stations->field(QStringLiteral("name")) : stations->field(QStringLiteral("id"));
            if (!id.isEmpty())
                a << QStringLiteral("--facility-id") << id;
            if (!stations->field(QStringLiteral("name")).isEmpty())
                a << QStringLiteral("--name-field") << stations->field(QStringLiteral("name"));
            if (!stations->field(QStringLiteral("grade")).isEmpty())
                a << QStringLiteral("--grade-field") << stations->field(QStringLiteral("grade"));
            if (!stations->field(QStringLiteral("turnout")).isEmpty())
                a << QStringLiteral("--turnout-field") << stations->field(QStringLiteral("turnout"));
            if (f.contains(QStringLiteral("turnout_seconds")))
                a << QStringLiteral("--turnout-seconds") << QString::number(f.value(QStringLiteral("turnout_seconds")).toDouble());
            if (const ProjectLayer *off = project.layerWithRole(Role::OfficialDistricts))
                a << QStringLiteral("--official") << layerArg(project, *off) << QStringLiteral("--official-field") << off->field(QStringLiteral("facility"));
            if (population)
                a << QStringLiteral("--demand") << layerArg(project, *population) << QStringLiteral("--population-field")
                  << population->field(QStringLiteral("population"));
            if (f.value(QStringLiteral("suburban")).toBool())
                a << QStringLiteral("--suburban");
            a << limitArgs(f) << QStringLiteral("--standard") << standard << overrideArgs << QStringLiteral("--out") << dir.filePath(QStringLiteral("fire"));
            if (runCommandNamed(QStringLiteral("fire-coverage"), a) == Ok)
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

static const bool registered = registerCommand({QStringLiteral("run"), QStringLiteral("Run every analysis configured in a project into a folder"), runRun});

} // namespace refuge::cli
