// SiteAlgorithm: siting of new facilities on the analysis interface (see SiteAlgorithm.h).
#include "analysis/siting/SiteAlgorithm.h"
#include "analysis/algorithms/NetworkParameters.h"
#include "analysis/jobs/ProjectJobSettings.h"
#include "analysis/siting/SitingOutputs.h"

#include <QDir>
#include <cmath>

namespace refuge {

using namespace param;

LocalText SiteAlgorithm::title() const { return text("Siting of new facilities", "新设施选址"); }

LocalText SiteAlgorithm::summary() const
{
    return text("Siting of new shelters or fire stations (LSCP, MCLP, p-median, p-center)", "新避难场所或消防站选址（LSCP、MCLP、p-中位、p-中心）");
}

LocalText SiteAlgorithm::help() const
{
    return text("Where to put new shelters or fire stations: the candidate sites that best serve the population within the limit, existing "
                "facilities kept, ranked by what each adds, with the objective as the number of new sites grows. Writes sites.gpkg, "
                "sites.csv, curve.csv and summary.json (objective, bound, gap, solver).",
                "新避难场所或消防站建在哪里：在上限内最好地服务人口的候选点（保留现有设施），按各自的边际贡献排序，并给出新增数量变化时的目标值曲线。"
                "输出 sites.gpkg、sites.csv、curve.csv 和 summary.json（目标值、界、差距、求解器）。");
}

namespace {

// A choice with the names the desktop shows for its values (the CLI keeps the values).
Parameter labelled(Parameter p, std::vector<LocalText> labels)
{
    p.choiceLabels = std::move(labels);
    return p;
}

void declareSite(std::vector<Parameter> &p)
{
    auto in = [&p](Parameter q, const char *group = "inputs") {
        q.group = QString::fromLatin1(group);
        p.push_back(std::move(q));
    };
    p.push_back(NetworkParameters::straightLines());
    in(labelled(choice("model", {QStringLiteral("lscp"), QStringLiteral("mclp"), QStringLiteral("pmedian"), QStringLiteral("pcenter"), QStringLiteral("backup")}, "mclp",
              text("Model", "模型"),
              text("lscp: fewest new sites covering everyone reachable; mclp: k sites covering the most people; pmedian: k sites, least total "
                   "person-cost; pcenter: k sites, least worst cost; backup: k sites, most people covered once plus covered twice.",
                   "lscp：覆盖全部可达人口所需的最少新址；mclp：k 个新址覆盖最多人口；pmedian：k 个新址总人·距离最小；pcenter：k 个新址最差距离最小；"
                   "backup：k 个新址使一次覆盖加二次覆盖人口最多。")),
                { text("LSCP: fewest sites covering all", "集合覆盖：最少新址覆盖全部"), text("MCLP: maximal coverage", "最大覆盖"),
                  text("p-median: least total cost", "中位：总人·距离最小"), text("p-center: least worst cost", "中心：最差距离最小"),
                  text("Backup coverage", "备份覆盖（二次覆盖）") }), "limits");
    Parameter k = number("k", "k", text("New sites", "新址数量"), text("Number of new sites to choose (not for lscp).", "要选择的新址数量（lscp 不用）。"));
    k.valueName = QStringLiteral("n");
    in(k, "limits");
    Parameter candidates = layer("candidates", text("Candidate sites", "候选点"), text("Candidate sites: points PATH[:LAYER].", "候选点：点图层 PATH[:LAYER]。"),
                                 std::nullopt, PointLayer);
    candidates.alternatives = {QStringLiteral("grid")};
    in(candidates);
    Parameter grid = number("grid", "candidate-grid", text("Candidate grid", "候选网格"));
    grid.valueName = QStringLiteral("m");
    grid.alternatives = {candidates.name};
    in(grid);
    in(layer("inside", text("Inside", "范围"), text("Keep only candidates inside these polygons: PATH[:LAYER].", "只保留这些多边形内的候选点：PATH[:LAYER]。"),
             std::nullopt, PolygonLayer));
    in(layer("hazard", text("Hazard zones", "危险区"), text("Leave out candidates inside these polygons: PATH[:LAYER].", "排除这些多边形内的候选点：PATH[:LAYER]。"),
             Role::Hazard, PolygonLayer));
    in(layer("existing", text("Existing facilities", "现有设施"),
             text("Existing facilities, kept open and not counted in k: points PATH[:LAYER].", "现有设施：保留、不计入 k 的点图层 PATH[:LAYER]。"), std::nullopt,
             PointLayer | PolygonLayer));
    in(field("candidate-id", text("Candidate id field", "候选点编号字段"),
             text("Candidate id field (default: the layer's 'id' field if it names every row once, else the row number).", "候选点编号字段（默认：唯一的 'id' 字段，否则行号）。"),
             "candidates"));
    in(field("name-field", text("Candidate name field", "候选点名称字段"), text("Candidate name field.", "候选点名称字段。"), "candidates"));
    in(field("capacity-field", text("Capacity field", "容量字段"),
             text("Capacity (persons) of the candidates and the existing facilities: the capacitated model (lscp, mclp, pmedian).",
                  "候选点和现有设施的容量字段（人）：有容量约束的模型（lscp、mclp、pmedian）。"),
             "candidates", true));
    Parameter demand = layer("demand", text("Population", "人口"), text("Population: polygons or points PATH[:LAYER].", "人口：面或点 PATH[:LAYER]。"),
                             Role::Population, PointLayer | PolygonLayer);
    demand.required = true;
    in(demand);
    Parameter population = field("population-field", text("Population field", "人口字段"), text("Population field of the demand layer.", "人口图层的人口字段。"), "demand", true);
    population.project = {Role::Population, QStringLiteral("population"), {}};
    population.required = true;
    in(population);
    Parameter split = number("split-cell", "split-cell", text("Split cell", "拆分网格"));
    split.advanced = true;
    in(split);
    in(labelled(choice("solver", {QStringLiteral("auto"), QStringLiteral("exact"), QStringLiteral("heuristic")}, "auto", text("Solver", "求解器"),
              text("exact: CBC within the time limit; heuristic: greedy + Teitz-Bart swap with a bound; auto: exact when the cost table is small enough.",
                   "exact：CBC 在时限内精确求解；heuristic：贪心 + Teitz-Bart 交换并给出界；auto：代价表足够小时精确求解。")),
                { text("Automatic", "自动"), text("Exact (CBC)", "精确求解"), text("Heuristic", "启发式") }), "limits");
    Parameter limit = number("time-limit", "time-limit", text("Time limit", "求解时限"));
    limit.valueName = QStringLiteral("s");
    limit.advanced = true;
    in(limit, "limits");
    Parameter noCurve = flag("no-curve", text("No curve", "不求曲线"), text("Do not solve k = 1 .. k-1 for curve.csv.", "不为 curve.csv 求解 k = 1 .. k-1。"));
    noCurve.advanced = true;
    in(noCurve, "limits");
    Parameter walk = number("walk-speed", "walk-speed", text("Walking speed", "步行速度"));
    walk.valueName = QStringLiteral("mps");
    walk.defaultNote = text("1 m/s", "1 米/秒");
    walk.advanced = true;
    in(walk, "limits");
}

} // namespace

const std::vector<Parameter> &SiteAlgorithm::parameters() const
{
    static const std::vector<Parameter> list = [] {
        std::vector<Parameter> shared, p;
        NetworkParameters::declare(shared, {std::nullopt, "walk", false});
        for (Parameter &q : shared) // facilities are candidates and existing sites here; no breaks, no turnout
            if (q.name != QLatin1String("facilities") && q.name != QLatin1String("facility-id") && q.name != QLatin1String("breaks")
                && q.name != QLatin1String("turnout-seconds"))
                p.push_back(std::move(q));
        declareSite(p);
        return p;
    }();
    return list;
}

void SiteAlgorithm::checkRules(const ParameterValues &v, ValidationIssues &issues) const
{
    NetworkParameters::checkRules(v, issues);
    if (!v.flag(QStringLiteral("euclidean")) && !v.has(QStringLiteral("network")))
        issues.push_back({QStringLiteral("network"), QStringLiteral("give {network} PATH[:LAYER], or {euclidean} for straight-line distances")});
    if (!v.has(QStringLiteral("max-meters")) && !v.has(QStringLiteral("max-minutes")))
        issues.push_back({QStringLiteral("max-meters"), QStringLiteral("give one of {max-meters} M or {max-minutes} T")});
    // Both given is refused by the job (SitingJob): an issue here would hide the checks of
    // the candidate layer's fields.
    if (!v.has(QStringLiteral("candidates")) && !v.has(QStringLiteral("grid")))
        issues.push_back({QStringLiteral("candidates"), QStringLiteral("give one of {candidates} PATH[:LAYER] or {grid} M")});
    const QString model = v.text(QStringLiteral("model"), QStringLiteral("mclp"));
    const double k = v.number(QStringLiteral("k"), 1);
    if (k != std::floor(k))
        issues.push_back({QStringLiteral("k"), QStringLiteral("must be a whole number (got %1)").arg(k)});
    if (model == QLatin1String("lscp") && v.has(QStringLiteral("k")))
        issues.push_back({QStringLiteral("k"), QStringLiteral("does not apply to lscp (it finds the number of sites)")});
    if (v.has(QStringLiteral("capacity-field")) && (model == QLatin1String("pcenter") || model == QLatin1String("backup")))
        issues.push_back({QStringLiteral("capacity-field"), QStringLiteral("applies to lscp, mclp and pmedian, not %1").arg(model)});
    if (v.has(QStringLiteral("capacity-field")) && !v.has(QStringLiteral("candidates")))
        issues.push_back({QStringLiteral("capacity-field"), QStringLiteral("needs {candidates} (grid cells have no capacity)")});
}

SitingSettings SiteAlgorithm::settings(const ParameterValues &v)
{
    SitingSettings s;
    s.euclidean = v.flag(QStringLiteral("euclidean"));
    s.network = NetworkParameters::settings(v, "walk");
    s.network.facilities = {};
    s.candidates = v.source(QStringLiteral("candidates"));
    s.gridMeters = v.number(QStringLiteral("grid"), 0);
    s.inside = v.source(QStringLiteral("inside"));
    s.hazard = v.source(QStringLiteral("hazard"));
    s.existing = v.source(QStringLiteral("existing"));
    s.idField = v.text(QStringLiteral("candidate-id"));
    s.nameField = v.text(QStringLiteral("name-field"));
    s.capacityField = v.text(QStringLiteral("capacity-field"));
    s.demand = v.source(QStringLiteral("demand"));
    s.populationField = v.text(QStringLiteral("population-field"));
    s.splitCellMeters = v.number(QStringLiteral("split-cell"), 0);
    s.model = v.text(QStringLiteral("model"), QStringLiteral("mclp"));
    s.k = int(v.number(QStringLiteral("k"), 1));
    s.solver = v.text(QStringLiteral("solver"), QStringLiteral("auto"));
    s.timeLimitSeconds = v.number(QStringLiteral("time-limit"), 60);
    s.curve = !v.flag(QStringLiteral("no-curve"));
    s.walkSpeedMps = v.number(QStringLiteral("walk-speed"), 1.0);
    s.outDir = v.text(QStringLiteral("out"));
    return s;
}

// From a project: its roads and population as coverage reads them, its shelters as the
// existing facilities, and (no candidate role) a 250 m grid over the population.
ParameterValues SiteAlgorithm::projectValues(const Project &project) const
{
    using namespace NetworkParameters;
    const CoverageSettings c = ProjectJobSettings::coverage(project);
    NetworkSettings n = c.network;
    n.facilities = {};
    n.facilityIdField.clear();
    n.breaks.clear();
    ParameterValues v;
    addValues(n, v, std::nullopt);
    setLayer(v, QStringLiteral("existing"), c.network.facilities, Role::Shelters);
    setLayer(v, QStringLiteral("demand"), c.demand, Role::Population);
    setText(v, QStringLiteral("population-field"), c.populationField);
    v.set(QStringLiteral("grid"), 250.0);
    return v;
}

AnalysisResult SiteAlgorithm::result(const SitingJobResult &r)
{
    AnalysisResult out;
    out.analysisId = QStringLiteral("site");
    out.outDir = r.outDir;
    const SitingResult &s = r.result;
    const QString gpkg = r.outDir.isEmpty() ? QString() : QDir(r.outDir).filePath(QStringLiteral("sites.gpkg"));
    out.layers.push_back({QStringLiteral("demand"), text("Population served", "人口服务"), gpkg, QStringLiteral("covered_demand"), {}, {}});
    out.layers.back().detail = true;
    out.layers.push_back({QStringLiteral("candidates"), text("Candidate sites", "候选点"), gpkg, QStringLiteral("outline"), {}, {}});
    out.layers.push_back({QStringLiteral("sites"), text("Chosen new sites", "选中的新址"), gpkg, QStringLiteral("shelter_load"), {}, {}});
    out.tables.push_back({QStringLiteral("sites"), text("Chosen sites", "选中的新址"), r.outDir.isEmpty() ? QString() : QDir(r.outDir).filePath(QStringLiteral("sites.csv"))});
    out.tables.push_back({QStringLiteral("curve"), text("Objective as k grows", "目标值随 k 的变化"), r.outDir.isEmpty() ? QString() : QDir(r.outDir).filePath(QStringLiteral("curve.csv"))});
    const double total = r.problem.totalPopulation();
    out.figures.push_back({QStringLiteral("new_sites"), text("New sites", "新址数量"), double(s.k), QString()});
    out.figures.push_back({QStringLiteral("objective"), text("Objective", "目标值"), s.objective, QString()});
    out.figures.push_back({QStringLiteral("covered_population"), text("Population within reach", "可达人口"), s.evaluation.coveredPopulation, QStringLiteral("persons")});
    out.figures.push_back({QStringLiteral("covered_share"), text("Share within reach", "覆盖率"), total > 0 ? s.evaluation.coveredPopulation / total : 0.0, QString()});
    out.figures.push_back({QStringLiteral("gap"), text("Gap to the bound", "与界的差距"), s.gap, QString()});
    out.warnings = r.warnings;
    out.inputProblems = r.inputProblems;
    out.summary = r.summary;
    out.problemsFound = !r.inputProblems.isEmpty() || r.summary.value(QStringLiteral("partial")).toBool();
    auto figure = [](double v) { return std::isfinite(v) ? QString::number(v, 'f', 2) : QStringLiteral("none"); };
    out.report << QStringLiteral("site: %1, %2 new sites; objective %3 (bound %4, gap %5); solver %6")
                      .arg(sitingModelName(s.model))
                      .arg(s.k)
                      .arg(figure(s.objective), figure(s.bound),
                           std::isfinite(s.gap) ? QStringLiteral("%1 %").arg(100.0 * s.gap, 0, 'f', 2) : QStringLiteral("unknown"), s.solver);
    out.report << QStringLiteral("covered: %1 of %2 people (%3 %)")
                      .arg(s.evaluation.coveredPopulation, 0, 'f', 0)
                      .arg(total, 0, 'f', 0)
                      .arg(total > 0 ? 100.0 * s.evaluation.coveredPopulation / total : 0.0, 0, 'f', 1);
    int rank = 0;
    for (const SitingSite &site : s.sites) {
        // "id name", or the id alone when the candidates have no names (the name is the id).
        const QString id = r.sites.ids[site.candidate];
        const QString name = r.sites.names.value(site.candidate);
        const QString label = name.isEmpty() || name == id ? id : id + QLatin1Char(' ') + name;
        out.report << QStringLiteral("  %1. %2: +%3").arg(++rank).arg(label).arg(site.gain, 0, 'f', 1);
    }
    if (!r.outDir.isEmpty())
        out.reportEnd << QStringLiteral("results: ") + QDir(r.outDir).absolutePath();
    out.detail = r;
    return out;
}

AnalysisResult SiteAlgorithm::run(const ParameterValues &values, Feedback &feedback) const
{
    requireValid(values);
    return result(SitingJob::run(settings(values), feedback));
}

QStringList SiteAlgorithm::outputFiles() const { return QStringList{QStringLiteral("summary.json")} + SitingOutputs::fileNames(); }

} // namespace refuge
