// CoverageAlgorithm: shelter coverage, capacity and per-capita area on the analysis interface.
#include "analysis/algorithms/CoverageAlgorithm.h"
#include "analysis/algorithms/NetworkParameters.h"
#include "analysis/Assignment.h"
#include "util/Error.h"
#include "analysis/jobs/ProjectJobSettings.h"
#include "analysis/CoverageOutputs.h"

#include <QDir>

namespace refuge {

using namespace param;

LocalText CoverageAlgorithm::title() const { return text("Shelter coverage & capacity", "避难场所覆盖与容量"); }

LocalText CoverageAlgorithm::summary() const { return text("Shelter coverage, capacity and per-capita area", "避难场所覆盖、容量与人均面积"); }

LocalText CoverageAlgorithm::help() const
{
    return text("Shelter coverage, capacity assignment and per-capita shelter area, per shelter, per area and overall.",
                "避难场所覆盖、容量分配和人均避难面积，按场所、按片区和总体统计。");
}

namespace {

void declareCoverage(std::vector<Parameter> &p)
{
    auto in = [&p](Parameter q, const char *group = "inputs") {
        q.group = QString::fromLatin1(group);
        p.push_back(std::move(q));
    };
    p.push_back(NetworkParameters::straightLines());
    Parameter capacity = field("capacity-field", text("Capacity field", "容量字段"), text("Shelter capacity field (persons).", "避难场所容量字段（人）。"), "facilities", true);
    capacity.project = {Role::Shelters, QStringLiteral("capacity"), {}};
    in(capacity);
    Parameter area = field("shelter-area-field", text("Effective area field", "有效面积字段"),
                           text("Shelter effective area field (m²): capacity = area ÷ space per evacuee when no capacity.", "避难场所有效面积字段（m²）：无容量时容量 = 面积 ÷ 人均面积。"),
                           "facilities", true);
    area.project = {Role::Shelters, QStringLiteral("area"), {}};
    in(area);
    Parameter name = field("name-field", text("Name field", "名称字段"), text("Shelter name field (default: the id).", "避难场所名称字段（默认：编号）。"), "facilities");
    name.project = {Role::Shelters, QStringLiteral("name"), {}};
    in(name);
    Parameter demand = layer("demand", text("Population", "人口"), text("Population: polygons or points PATH[:LAYER], or a raster (.tif).", "人口：面或点 PATH[:LAYER]，或栅格（.tif）。"),
                             Role::Population, PointLayer | PolygonLayer | RasterLayerKind);
    demand.required = true;
    in(demand);
    Parameter population = field("population-field", text("Population field", "人口字段"), text("Population field of the demand layer.", "人口图层的人口字段。"), "demand", true);
    population.project = {Role::Population, QStringLiteral("population"), {}};
    in(population);
    Parameter split = number("split-cell", "split-cell", text("Split cell", "拆分网格"));
    split.advanced = true;
    in(split);
    in(layer("areas", text("Areas", "片区"), text("Areas to sum by (communities, streets, districts): PATH[:LAYER].", "汇总所用片区（社区、街道、区）：PATH[:LAYER]。"),
             Role::Communities, PolygonLayer));
    Parameter areaField = field("area-field", text("Area name field", "片区名称字段"), text("Name field of the areas.", "片区的名称字段。"), "areas");
    areaField.project = {Role::Communities, QStringLiteral("name"), {}};
    in(areaField);
    Parameter assignment = choice("assignment", {QStringLiteral("nearest"), QStringLiteral("optimal")}, "nearest", text("Capacity assignment", "容量分配"),
                                  text("Capacity assignment: nearest (nearer people first: (block, shelter) pairs in order of cost, so a shelter fills "
                                       "with the people closest to it and the rest overflow to the next nearest with room) or optimal (most people "
                                       "placed, then least person-metres).",
                                       "容量分配：nearest（就近优先：按耗时顺序配对，场所先接纳最近的人，其余溢出到下一个有空位的最近场所）或 optimal"
                                       "（安置人数最多，其次人·米最少）。"));
    assignment.valueName = QStringLiteral("method");
    assignment.choiceLabels = {text("Nearest first", "就近优先"), text("Optimal", "最优分配")};
    assignment.choiceCheckedByRule = true; // core's assignmentMethodFromName: one message with analysis.coverage.assignment
    assignment.project.setting = QStringLiteral("analysis.coverage.assignment");
    in(assignment, "limits");
    NetworkParameters::declareStandard(p, "coverage");
    Parameter walk = number("walk-speed", "walk-speed", text("Walking speed", "步行速度"));
    walk.valueName = QStringLiteral("mps");
    walk.defaultNote = text("the standard's", "标准中的取值");
    walk.advanced = true;
    in(walk, "limits");
    Parameter fromCapacity = number("area-from-capacity", "area-from-capacity", text("Area from capacity", "按容量推算面积"),
                                    text("Shelters without an effective area: take capacity × M m² per person as their area (each one listed in the "
                                         "warnings). Without it they have no area and the per-capita area check is not evaluated.",
                                         "无有效面积的避难场所：以容量 × 每人 M m² 作为面积（逐一列入警告）。不设置时它们没有面积，人均面积检查不评估。"));
    fromCapacity.valueName = QStringLiteral("m2");
    fromCapacity.advanced = true;
    fromCapacity.project.setting = QStringLiteral("analysis.coverage.area_from_capacity");
    in(fromCapacity, "limits");
    Parameter demandLayer = flag("demand-layer", text("Per-unit layers", "逐单元图层"),
                                 text("Also write the per-unit layers to coverage.gpkg: demand (one point per population unit: cost, nearest "
                                      "shelter, covered, assigned) and uncovered (a view of the units not covered). Large inputs take longer.",
                                      "同时向 coverage.gpkg 写入逐单元图层：demand（每个人口单元一个点：耗时、最近场所、是否覆盖、分配）和 "
                                      "uncovered（未覆盖单元的视图）。输入较大时耗时更长。"));
    demandLayer.project.setting = QStringLiteral("analysis.coverage.demand_layer");
    in(demandLayer, "output");
}

} // namespace

const std::vector<Parameter> &CoverageAlgorithm::parameters() const
{
    static const std::vector<Parameter> list = [] {
        std::vector<Parameter> p;
        NetworkParameters::declare(p, {Role::Shelters, "walk", true});
        declareCoverage(p);
        for (Parameter &q : p) {
            if (q.name == QLatin1String("facilities"))
                q.required = true;
            if (q.name == QLatin1String("max-meters") || q.name == QLatin1String("max-minutes") || q.name == QLatin1String("profile"))
                q.project.setting = QStringLiteral("analysis.coverage.") + QString(q.name).replace(QLatin1Char('-'), QLatin1Char('_'));
        }
        return p;
    }();
    return list;
}

void CoverageAlgorithm::checkRules(const ParameterValues &v, ValidationIssues &issues) const
{
    NetworkParameters::checkRules(v, issues);
    const bool euclidean = v.flag(QStringLiteral("euclidean"));
    if (!euclidean && !v.has(QStringLiteral("network")))
        issues.push_back({QStringLiteral("network"), QStringLiteral("give {network} PATH[:LAYER], or {euclidean} for straight-line distances")});
    if (v.has(QStringLiteral("areas")) != v.has(QStringLiteral("area-field")))
        issues.push_back({QStringLiteral("areas"), QStringLiteral("{areas} and {area-field} go together")});
    if (!v.has(QStringLiteral("max-meters")) && !v.has(QStringLiteral("max-minutes")))
        issues.push_back({QStringLiteral("max-minutes"), QStringLiteral("give one of {max-meters} M or {max-minutes} T")});
    if (!v.has(QStringLiteral("capacity-field")) && !v.has(QStringLiteral("shelter-area-field")))
        issues.push_back({QStringLiteral("capacity-field"), QStringLiteral("give {capacity-field} or {shelter-area-field}")});
    if (v.has(QStringLiteral("demand")) && !CoverageJob::isRaster(v.source(QStringLiteral("demand"))) && !v.has(QStringLiteral("population-field")))
        issues.push_back({QStringLiteral("population-field"), QStringLiteral("is required for a vector {demand} layer")});
    if (v.number(QStringLiteral("area-from-capacity"), 0) > 0 && !v.has(QStringLiteral("capacity-field")))
        issues.push_back({QStringLiteral("area-from-capacity"), QStringLiteral("needs {capacity-field}")});
    try {
        assignmentMethodFromName(v.text(QStringLiteral("assignment")));
    } catch (const InvalidInput &e) {
        issues.push_back({QStringLiteral("assignment"), e.message()});
    }
    NetworkParameters::checkStandard(v, issues);
}

CoverageSettings CoverageAlgorithm::settings(const ParameterValues &v)
{
    CoverageSettings s;
    s.euclidean = v.flag(QStringLiteral("euclidean"));
    s.network = NetworkParameters::settings(v, "walk");
    s.fields = {v.text(QStringLiteral("facility-id")), v.text(QStringLiteral("name-field")), v.text(QStringLiteral("capacity-field")),
                v.text(QStringLiteral("shelter-area-field")), {}, {}};
    s.demand = v.source(QStringLiteral("demand"));
    s.populationField = v.text(QStringLiteral("population-field"));
    s.splitCellMeters = v.number(QStringLiteral("split-cell"), 0);
    if (v.has(QStringLiteral("areas"))) {
        s.areas = v.source(QStringLiteral("areas"));
        s.areaField = v.text(QStringLiteral("area-field"));
    }
    s.assignment = v.text(QStringLiteral("assignment"));
    s.standard = v.text(QStringLiteral("standard"), QStringLiteral("shanghai"));
    s.standardOverrides = v.texts(QStringLiteral("standard-override"));
    if (v.has(QStringLiteral("max-minutes")) && s.euclidean) // a speed only matters for straight lines with a time limit
        s.walkSpeedMps = v.number(QStringLiteral("walk-speed"), 0);
    s.areaFromCapacityM2 = v.number(QStringLiteral("area-from-capacity"), 0);
    s.demandLayer = v.flag(QStringLiteral("demand-layer"));
    s.outDir = v.text(QStringLiteral("out"));
    return s;
}

ParameterValues CoverageAlgorithm::values(const CoverageSettings &s)
{
    using namespace NetworkParameters;
    ParameterValues v;
    addValues(s.network, v, Role::Shelters);
    if (s.euclidean)
        v.set(QStringLiteral("euclidean"), true);
    setText(v, QStringLiteral("facility-id"), s.fields.id);
    setText(v, QStringLiteral("name-field"), s.fields.name);
    setText(v, QStringLiteral("capacity-field"), s.fields.capacity);
    setText(v, QStringLiteral("shelter-area-field"), s.fields.area);
    setLayer(v, QStringLiteral("demand"), s.demand, Role::Population);
    setText(v, QStringLiteral("population-field"), s.populationField);
    if (s.splitCellMeters != 0)
        v.set(QStringLiteral("split-cell"), s.splitCellMeters);
    setLayer(v, QStringLiteral("areas"), s.areas, Role::Communities);
    setText(v, QStringLiteral("area-field"), s.areaField);
    setText(v, QStringLiteral("assignment"), s.assignment);
    setText(v, QStringLiteral("standard"), s.standard);
    if (!s.standardOverrides.isEmpty())
        v.set(QStringLiteral("standard-override"), s.standardOverrides);
    if (s.walkSpeedMps != 0)
        v.set(QStringLiteral("walk-speed"), s.walkSpeedMps);
    if (s.areaFromCapacityM2 != 0)
        v.set(QStringLiteral("area-from-capacity"), s.areaFromCapacityM2);
    if (s.demandLayer)
        v.set(QStringLiteral("demand-layer"), true);
    setText(v, QStringLiteral("out"), s.outDir);
    return v;
}

ParameterValues CoverageAlgorithm::projectValues(const Project &project) const { return values(ProjectJobSettings::coverage(project)); }

AnalysisResult CoverageAlgorithm::result(const CoverageJobResult &r)
{
    AnalysisResult out;
    out.analysisId = QStringLiteral("coverage");
    out.outDir = r.outDir;
    const CoverageOutcome &o = r.outcome;
    const QString gpkg = r.outDir.isEmpty() ? QString() : QDir(r.outDir).filePath(QStringLiteral("coverage.gpkg"));
    out.layers.push_back({QStringLiteral("service_areas"), text("Shelter service areas", "避难场所服务区"), gpkg, QStringLiteral("outline"), {}, {}});
    out.layers.push_back({QStringLiteral("areas"), text("Areas", "片区"), gpkg, QStringLiteral("outline"), {}, {}});
    if (r.layers.contains(QStringLiteral("demand"))) { // only with --demand-layer
        out.layers.push_back({QStringLiteral("demand"), text("Population covered", "人口覆盖"), gpkg, QStringLiteral("covered_demand"), {}, {}});
        out.layers.back().detail = true;
        // The view of the demand rows not within reach (the people to look at).
        out.layers.push_back({QStringLiteral("uncovered"), text("Population not within reach", "无法到达的人口"), gpkg, QStringLiteral("covered_demand"), {}, {}});
        out.layers.back().detail = true;
    }
    out.layers.push_back({QStringLiteral("facilities"), text("Shelter load", "避难场所负荷"), gpkg, QStringLiteral("shelter_load"), {}, {}});
    out.figures.push_back({QStringLiteral("total_population"), text("Population", "人口"), o.coverage.totalPopulation, QStringLiteral("persons")});
    out.figures.push_back({QStringLiteral("covered_population"), text("Population within reach", "可达人口"), o.coverage.coveredPopulation, QStringLiteral("persons")});
    out.figures.push_back({QStringLiteral("covered_share"), text("Share within reach", "覆盖率"), o.coverage.coveredShare(), QString()});
    out.figures.push_back({QStringLiteral("assigned_population"), text("Assigned a place", "已分配人数"), o.assignment.assigned, QStringLiteral("persons")});
    out.figures.push_back({QStringLiteral("unassigned_population"), text("Without a place", "未分配人数"), o.assignment.unassigned(), QStringLiteral("persons")});
    addChecks(out, r.summary.value(QStringLiteral("checks")).toObject());
    out.warnings = r.warnings;
    out.inputProblems = r.inputProblems;
    out.summary = r.summary;
    const bool meters = r.summary.value(QStringLiteral("limit_user_unit")).toString() == QLatin1String("m");
    out.report << QStringLiteral("coverage: %1 of %2 people within %3 %4 of a shelter (%5 %); assigned %6, unassigned %7")
                      .arg(o.coverage.coveredPopulation, 0, 'f', 0)
                      .arg(o.coverage.totalPopulation, 0, 'f', 0)
                      .arg(r.summary.value(QStringLiteral("limit_user")).toDouble())
                      .arg(meters ? QStringLiteral("m") : QStringLiteral("min"))
                      .arg(100.0 * o.coverage.coveredShare(), 0, 'f', 1)
                      .arg(o.assignment.assigned, 0, 'f', 0)
                      .arg(o.assignment.unassigned(), 0, 'f', 0);
    out.reportEnd << QStringLiteral("results: ") + QDir(r.outDir).absolutePath();
    out.detail = r;
    return out;
}

AnalysisResult CoverageAlgorithm::run(const ParameterValues &values, Feedback &feedback) const
{
    requireValid(values);
    return result(CoverageJob::run(settings(values), feedback));
}

QStringList CoverageAlgorithm::outputFiles() const { return QStringList{QStringLiteral("summary.json")} + CoverageOutputs::fileNames(); }

void CoverageAlgorithm::check(const CoverageSettings &settings)
{
    static const CoverageAlgorithm analysis;
    analysis.requireValid(values(settings), {QStringLiteral("out")});
}

} // namespace refuge
