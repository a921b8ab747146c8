// refuge-cli run: the main job — every analysis configured in a project, into one folder
// (or, with --out PG:..., into one PostGIS schema through ResultsStore: no report then).
#include "AnalysisCommand.h"
#include "Cli.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/framework/AnalysisRegistry.h"
#include "analysis/framework/ResultsStore.h"
#include "analysis/jobs/ProjectJobSettings.h"
#include "analysis/scenario/ScenarioApply.h"
#include "analysis/scenario/ScenarioParameters.h"
#include "io/OutputGuard.h"
#include "io/PgOutput.h"
#include "report/Report.h"
#include "util/Feedback.h"
#include "model/Project.h"
#include "io/Gdal.h"
#include "io/ProjectCheck.h"
#include "model/RasterLayer.h"
#include "model/VectorLayer.h"
#include "util/Error.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <functional>

namespace refuge::cli {

namespace {

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


// --- Analyses configured in project.analysis (every registered analysis whose section
// the project has: coverage, fire...; then the report) ----------------------------------
// Each runs through the same Analysis as its single command, with the values the project
// supplies (roles, field mappings, analysis settings: Analysis::projectValues), so
// `run`, the single commands and the desktop give the same figures.
int runCommandNamed(const QString &name, const QStringList &args)
{
    for (const Command &c : commands())
        if (c.name == name)
            return c.run(QStringList{name} + args);
    throw UsageError(QStringLiteral("run: command '%1' is not available").arg(name));
}

// The registered analyses the project configures (has an analysis.<section> for).
std::vector<const Analysis *> configuredAnalyses(const Project &project)
{
    std::vector<const Analysis *> out;
    for (const Analysis *a : AnalysisRegistry::all())
        if (!a->projectSection().isEmpty() && project.analysis.contains(a->projectSection()))
            out.push_back(a);
    return out;
}

// One analysis into `out` (<outDir>/<section>, or the database): false when it failed
// (printed); `leftOut` when input data was left out (exit 1, results kept).
// `perUnit`: a report or an atlas follows; coverage then writes its per-unit layer (the
// report's map draws the people out of reach, the atlas sums each community's residents
// per shelter) unless analysis.coverage.demand_layer says no.
// `scenario`: its closed streets become the barriers (ScenarioParameters), and its name
// goes into the analysis's summary.json (ScenarioApply::stampSummary).

bool runConfigured(const Analysis &analysis, const Project &project, const QString &out, bool perUnit, bool overwrite,
                   const AppliedScenario &scenario, bool &leftOut)
{
    const QString section = analysis.projectSection();
    ParameterValues values = analysis.projectValues(project);
    values.set(QStringLiteral("out"), out);
    ScenarioParameters::apply(analysis, scenario, values); // its closed streets as barriers
    const QJsonObject settings = project.analysis.value(section).toObject();
    if (perUnit && analysis.parameter(u"demand-layer") && !settings.contains(QStringLiteral("demand_layer")))
        values.set(QStringLiteral("demand-layer"), true);
    const ValidationIssues issues = analysis.validate(values);
    for (const ValidationIssue &issue : issues)
        printError(QStringLiteral("%1: %2: %3").arg(project.filePath(), section, issue.line()));
    if (!issues.empty())
        return false;
    Feedback feedback;
    const QString lang = normalizedLanguage(project.analysis.value(QStringLiteral("language")).toString());
    leftOut = printResult(runAnalysisStyled(analysis, values, feedback, overwrite, lang)) != Ok;
    if (!ResultsStore::isDatabase(out))
        ScenarioApply::stampSummary(out, scenario);
    return true;
}

// Returns results.json: {"complete": true, "succeeded": [...], "failed": [...],
// "input_data_left_out": [...]} (each failure printed, the others still run). Into a
// database (`outDir` a PG: string) only the analyses run: the report and the atlas read
// results folders.
QJsonObject runConfiguredAnalyses(const Project &project, const QString &outDir, bool overwrite, const AppliedScenario &scenario)
{
    const bool database = ResultsStore::isDatabase(outDir);
    const QJsonObject analysis = project.analysis;
    QStringList failed, leftOut;
    auto attempt = [&](const QString &what, const std::function<bool()> &fn) {
        try {
            if (fn())
                return true;
        } catch (const UsageError &e) {
            printError(QStringLiteral("%1: %2: %3").arg(project.filePath(), what, e.message));
        } catch (const Error &e) {
            printError(QStringLiteral("%1: %2: %3").arg(project.filePath(), what, e.message()));
        }
        failed << what;
        return false;
    };
    const QDir dir(outDir);
    QStringList done;
    const bool wantReport = !database && (!analysis.contains(QStringLiteral("report")) || analysis.value(QStringLiteral("report")).toBool(true));
    const bool haveReport = std::any_of(commands().begin(), commands().end(), [](const Command &c) { return c.name == QLatin1String("report"); });
    const bool atlas = !database && project.toJson().contains(QStringLiteral("atlas"));
    for (const Analysis *a : configuredAnalyses(project)) {
        const QString section = a->projectSection();
        bool left = false;
        const QString out = database ? outDir : dir.filePath(section);
        if (attempt(section, [&] { return runConfigured(*a, project, out, (wantReport && haveReport) || atlas, overwrite, scenario, left); }))
            done << section;
        if (left)
            leftOut << section;
    }
    if (wantReport && haveReport && !done.isEmpty()) {
        attempt(QStringLiteral("report"), [&] {
            QStringList a{project.filePath(), QStringLiteral("--results"), outDir, QStringLiteral("--out"), dir.filePath(QStringLiteral("report"))};
            const QString lang = analysis.value(QStringLiteral("language")).toString();
            if (!lang.isEmpty())
                a << QStringLiteral("--lang") << lang;
            runCommandNamed(QStringLiteral("report"), a);
            done << QStringLiteral("report");
            return true;
        });
    }
    if (atlas && !done.isEmpty()) // the project's atlas batch (AtlasConfig), on this run's results
        attempt(QStringLiteral("atlas"), [&] {
            if (runCommandNamed(QStringLiteral("atlas"), {project.filePath(), QStringLiteral("--results"), outDir, QStringLiteral("--out"), dir.filePath(QStringLiteral("atlas"))}) != Ok)
                leftOut << QStringLiteral("atlas"); // pages that failed are named on stderr
            done << QStringLiteral("atlas");
            return true;
        });
    return QJsonObject{{QStringLiteral("complete"), true},
                       {QStringLiteral("project"), project.filePath()},
                       {QStringLiteral("scenario"), scenario.scenario.isBaseline() ? QString() : scenario.scenario.name},
                       {QStringLiteral("succeeded"), QJsonArray::fromStringList(done)},
                       {QStringLiteral("failed"), QJsonArray::fromStringList(failed)},
                       {QStringLiteral("input_data_left_out"), QJsonArray::fromStringList(leftOut)}};
}

// Before a run writes into `outDir`: refuses when a file it would write (or remove) is
// the project or one of its layers' sources, then removes the previous run's marker
// (results.json) and every analysis's previous outputs, so an analysis that fails this
// time leaves no figures of the last run to be read as its results.
QDir prepareRunFolder(const Project &project, const QString &outDir)
{
    if (outDir.isEmpty())
        throw UsageError(QStringLiteral("run: --out needs a folder name"));
    OutputGuard guard;
    guard.addProject(project);
    const QDir dir(outDir);
    const QStringList ownFiles{QStringLiteral("results.json"), QStringLiteral("layers.json")};
    std::vector<std::pair<QString, QStringList>> analyses;
    for (const Analysis *a : AnalysisRegistry::all()) // every analysis's folder: one not configured now may hold an old run
        if (!a->projectSection().isEmpty())
            analyses.emplace_back(a->projectSection(), a->outputFiles()); // summary.json first
    analyses.emplace_back(QStringLiteral("report"), Report::fileNames());
    analyses.emplace_back(QStringLiteral("scenario"), ScenarioApply::fileNames());
    guard.checkFolder(outDir, ownFiles);
    for (const auto &[name, files] : analyses)
        guard.checkFolder(dir.filePath(name), files);
    AnalysisFiles::outputFolder(outDir);
    AnalysisFiles::removeOutputs(outDir, ownFiles); // results.json, the mark of a finished run, first
    for (const auto &[name, files] : analyses)
        AnalysisFiles::removeOutputs(dir.filePath(name), files);
    return dir;
}

// `run --out PG:...`: every configured analysis into the schema (one transaction each,
// its record in refuge_runs); the report and the atlas need a folder and are not made.
int runIntoDatabase(const Project &project, const QString &connection, bool overwrite)
{
    PgOutput(connection).prepare(); // an unreachable server or a read-only schema: one line, exit 2
    const QJsonObject state = runConfiguredAnalyses(project, connection, overwrite, AppliedScenario{});
    out() << "report: not written (the results went to the database " << redactedSource(connection)
          << "; run with --out DIR for the report and the atlas)\n";
    out().flush();
    const bool clean = state.value(QStringLiteral("failed")).toArray().isEmpty() && state.value(QStringLiteral("input_data_left_out")).toArray().isEmpty();
    return clean ? Ok : ProblemsFound;
}

} // namespace

int runRun(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("A *.refuge project file."));
    const QCommandLineOption outOpt(QStringLiteral("out"),
                                    QStringLiteral("Output folder (created if needed), or a PostGIS schema 'PG:dbname=... schemas=NAME': each "
                                                   "analysis's layers as tables <analysis>_<layer> and its record in NAME.refuge_runs; no "
                                                   "report, atlas or CSV then (they need a folder)."),
                                    QStringLiteral("dir"));
    parser.addOption(outOpt);
    parser.addOption(overwriteOption(QStringLiteral("en")));
    const QCommandLineOption scenarioOpt(QStringLiteral("scenario"),
                                         QStringLiteral("A scenario of the project's \"scenarios\" to run instead of the baseline: its edited facilities and hazard "
                                                        "closures are written to DIR/scenario (scenario.gpkg, scenario.refuge) and every analysis runs on them."),
                                         QStringLiteral("name"));
    parser.addOption(scenarioOpt);
    parseOrThrow(parser, args, QStringLiteral("Run every analysis configured in a project and write the results (GeoPackage layers, tables, report) into one folder."));
    if (parser.positionalArguments().size() != 1 || !parser.isSet(outOpt))
        throw UsageError(QStringLiteral("run: expected PROJECT.refuge and --out DIR (see refuge-cli run --help)"));
    const QString path = parser.positionalArguments().at(0);
    const QString outDir = parser.value(outOpt);
    if (outDir.trimmed().isEmpty())
        throw UsageError(QStringLiteral("--out: empty path (give the output folder)"));
    const Project project = loadProject(path);
    ProjectJobSettings::check(project); // the same check as `validate`, before anything is read or written
    const QString scenarioName = parser.isSet(scenarioOpt) ? parser.value(scenarioOpt) : Scenario::kBaseline;
    Scenario::named(project, scenarioName); // an unknown name or a malformed list, before anything is written
    const ProjectCheckResult check = checkProject(project);
    // Same form as `validate`: "refuge-cli: <project>: error: layer <id>: <what>".
    for (const ProjectProblem &p : check.problems)
        printError(QStringLiteral("%1: %2: %3%4")
                       .arg(path, p.severity == ProjectProblem::Severity::Error ? QStringLiteral("error") : QStringLiteral("warning"),
                            p.layerId.isEmpty() ? QString() : QStringLiteral("layer %1: ").arg(p.layerId), p.message));
    if (check.errorCount())
        return ProblemsFound;
    if (ResultsStore::isDatabase(outDir) && scenarioName != Scenario::kBaseline)
        throw UsageError(QStringLiteral("--scenario: needs --out DIR (the scenario's edited layers are written into DIR/scenario), not a database"));
    if (ResultsStore::isDatabase(outDir))
        return runIntoDatabase(project, outDir, parser.isSet(QStringLiteral("overwrite")));
    const QDir dir = prepareRunFolder(project, outDir);
    AnalysisFiles::writeJson(dir.filePath(QStringLiteral("layers.json")), layerSummary(project));
    out() << "layers: " << dir.filePath(QStringLiteral("layers.json")) << "\n";
    out().flush();
    Feedback feedback;
    const AppliedScenario scenario = ScenarioApply::apply(project, scenarioName, dir.filePath(QStringLiteral("scenario")), feedback);
    if (!scenario.outDir.isEmpty())
        out() << "scenario: " << scenario.scenario.name << ": " << scenario.project.filePath() << "\n";
    const QJsonObject state = runConfiguredAnalyses(scenario.project, outDir, false, scenario);
    // Last: the mark that the run ended, with what each analysis gave.
    AnalysisFiles::writeJson(dir.filePath(QStringLiteral("results.json")), state);
    const bool clean = state.value(QStringLiteral("failed")).toArray().isEmpty() && state.value(QStringLiteral("input_data_left_out")).toArray().isEmpty();
    return clean ? Ok : ProblemsFound;
}

static const bool registered = registerCommand({QStringLiteral("run"), QStringLiteral("Run every analysis configured in a project into a folder"), runRun, true});

} // namespace refuge::cli
