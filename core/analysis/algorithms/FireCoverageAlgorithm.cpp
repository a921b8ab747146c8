// FireCoverageAlgorithm: fire response coverage on the analysis interface.
#include "analysis/algorithms/FireCoverageAlgorithm.h"
#include "analysis/algorithms/NetworkParameters.h"
#include "analysis/jobs/ProjectJobSettings.h"
#include "analysis/FireCoverageOutputs.h"

#include <QDir>
#include <QJsonArray>

namespace refuge {

using namespace param;

LocalText FireCoverageAlgorithm::title() const { return text("Fire response", "消防响应"); }

LocalText FireCoverageAlgorithm::summary() const
{
    return text("Fire response reach, first-due zones and district agreement", "消防响应可达范围、首到责任区与辖区一致性");
}

LocalText FireCoverageAlgorithm::help() const
{
    return text("Fire response coverage: reach within the response time, first-due zones, district area limits and agreement with official "
                "districts.",
                "消防响应覆盖：响应时间内的可达范围、首到责任区、辖区面积上限以及与现行辖区的一致性。");
}

namespace {

void declareFire(std::vector<Parameter> &p)
{
    auto in = [&p](Parameter q, const char *group = "inputs") {
        q.group = QString::fromLatin1(group);
        p.push_back(std::move(q));
    };
    in(flag("euclidean", text("Straight lines", "直线距离"),
            text("Straight-line travel at --speed-kmh instead of the network (a labelled fallback).", "按 --speed-kmh 直线行驶代替路网（标注的后备方法）。")),
       "network");
    Parameter speed = number("speed-kmh", "speed-kmh", text("Engine speed", "车速"));
    speed.valueName = QStringLiteral("kmh");
    speed.defaultNote = text("the standard's planning speed", "标准中的规划车速");
    in(speed, "limits");
    Parameter name = field("name-field", text("Name field", "名称字段"), text("Station name field.", "消防站名称字段。"), "facilities");
    name.project = {Role::FireStations, QStringLiteral("name"), {}};
    in(name);
    Parameter grade = field("grade-field", text("Grade field", "等级字段"),
                            text("Station grade field (一级/二级/小型/微型 or 1/2/small) for the district area limit.", "消防站等级字段（一级/二级/小型/微型 或 1/2/small），用于辖区面积上限。"),
                            "facilities");
    grade.project = {Role::FireStations, QStringLiteral("grade"), {}};
    in(grade);
    Parameter turnout = field("turnout-field", text("Turnout field", "出动时间字段"),
                              text("Per-station turnout seconds field (else --turnout-seconds / the standard).", "各站出动时间（秒）字段（否则用 --turnout-seconds 或标准）。"),
                              "facilities", true);
    turnout.project = {Role::FireStations, QStringLiteral("turnout"), {}};
    in(turnout);
    in(layer("official", text("Official districts", "现行辖区"), text("Official first-due districts: PATH[:LAYER].", "现行首到辖区：PATH[:LAYER]。"),
             Role::OfficialDistricts, PolygonLayer));
    Parameter officialField = field("official-field", text("District station field", "辖区站名字段"),
                                    text("Field of the official districts naming the station (its --facility-id value).", "现行辖区中标明所属消防站的字段（其 --facility-id 取值）。"),
                                    "official");
    officialField.project = {Role::OfficialDistricts, QStringLiteral("facility"), {}};
    in(officialField);
    in(layer("demand", text("Population", "人口"), text("Population: polygons or points PATH[:LAYER].", "人口：面或点 PATH[:LAYER]。"), Role::Population,
             PointLayer | PolygonLayer));
    Parameter population = field("population-field", text("Population field", "人口字段"), text("Population field of the demand layer.", "人口图层的人口字段。"), "demand", true);
    population.project = {Role::Population, QStringLiteral("population"), {}};
    in(population);
    Parameter study = layer("study-area", text("Study area", "研究区"),
                            text("Polygons bounding the analysis (default: the official districts, else the demand).", "分析范围多边形（默认：现行辖区，否则人口范围）。"),
                            std::nullopt, PolygonLayer);
    in(study);
    Parameter grid = number("grid-cell", "grid-cell", text("Grid cell", "网格尺寸"));
    grid.advanced = true;
    grid.project.setting = QStringLiteral("analysis.fire.grid_cell");
    in(grid, "limits");
    Parameter suburban = flag("suburban", text("Suburban", "郊区"), text("Use the suburban district area limit (15 km²) for every station.", "所有消防站采用郊区辖区面积上限（15 km²）。"));
    suburban.project.setting = QStringLiteral("analysis.fire.suburban");
    in(suburban, "limits");
    NetworkParameters::declareStandard(p, "fire");
}

} // namespace

const std::vector<Parameter> &FireCoverageAlgorithm::parameters() const
{
    static const std::vector<Parameter> list = [] {
        std::vector<Parameter> p;
        NetworkParameters::declare(p, {Role::FireStations, "drive", true});
        declareFire(p);
        for (Parameter &q : p) {
            if (q.name == QLatin1String("facilities"))
                q.required = true;
            if (q.name == QLatin1String("max-minutes")) {
                q.label = text("Response time", "响应时间");
                q.defaultNote = text("the standard's response time", "标准中的响应时间");
            }
            if (q.name == QLatin1String("turnout-seconds")) {
                q.defaultValue = QVariant();
                q.defaultNote = text("the standard's turnout time", "标准中的出动时间");
            }
            if (q.name == QLatin1String("max-minutes") || q.name == QLatin1String("profile") || q.name == QLatin1String("turnout-seconds"))
                q.project.setting = QStringLiteral("analysis.fire.") + QString(q.name).replace(QLatin1Char('-'), QLatin1Char('_'));
        }
        return p;
    }();
    return list;
}

void FireCoverageAlgorithm::checkRules(const ParameterValues &v, ValidationIssues &issues) const
{
    NetworkParameters::checkRules(v, issues);
    if (!v.flag(QStringLiteral("euclidean")) && !v.has(QStringLiteral("network")))
        issues.push_back({QStringLiteral("network"), QStringLiteral("give {network} PATH[:LAYER] (drive profile), or {euclidean}")});
    if (v.has(QStringLiteral("official")) != v.has(QStringLiteral("official-field")))
        issues.push_back({QStringLiteral("official"), QStringLiteral("{official} and {official-field} go together")});
    if (v.has(QStringLiteral("demand")) != v.has(QStringLiteral("population-field")))
        issues.push_back({QStringLiteral("demand"), QStringLiteral("{demand} and {population-field} go together")});
    if (v.has(QStringLiteral("max-meters")))
        issues.push_back({QStringLiteral("max-meters"), QStringLiteral("the response limit is a time: use {max-minutes}")});
    if (!v.has(QStringLiteral("official")) && !v.has(QStringLiteral("study-area")) && !v.has(QStringLiteral("demand")))
        issues.push_back({QStringLiteral("study-area"), QStringLiteral("give {official}, {study-area} or {demand} to bound the analysis")});
    NetworkParameters::checkStandard(v, issues);
}

FireSettings FireCoverageAlgorithm::settings(const ParameterValues &v)
{
    FireSettings s;
    s.euclidean = v.flag(QStringLiteral("euclidean"));
    s.network = NetworkParameters::settings(v, "drive");
    s.fields = {v.text(QStringLiteral("facility-id")), v.text(QStringLiteral("name-field")), {}, {}, v.text(QStringLiteral("grade-field")),
                v.text(QStringLiteral("turnout-field"))};
    s.suburban = v.flag(QStringLiteral("suburban"));
    s.responseMinutes = v.number(QStringLiteral("max-minutes"), 0);
    s.turnoutSeconds = v.number(QStringLiteral("turnout-seconds"), -1);
    s.speedKmh = v.number(QStringLiteral("speed-kmh"), 0);
    s.gridCellMeters = v.number(QStringLiteral("grid-cell"), 50);
    s.demand = v.source(QStringLiteral("demand"));
    s.populationField = v.text(QStringLiteral("population-field"));
    s.official = v.source(QStringLiteral("official"));
    s.officialField = v.text(QStringLiteral("official-field"));
    s.studyArea = v.source(QStringLiteral("study-area"));
    s.standard = v.text(QStringLiteral("standard"), QStringLiteral("shanghai"));
    s.standardOverrides = v.texts(QStringLiteral("standard-override"));
    s.outDir = v.text(QStringLiteral("out"));
    return s;
}

ParameterValues FireCoverageAlgorithm::values(const FireSettings &s)
{
    using namespace NetworkParameters;
    ParameterValues v;
    addValues(s.network, v, Role::FireStations);
    v.remove(QStringLiteral("max-minutes")); // the response time is responseMinutes (0: the standard's)
    v.remove(QStringLiteral("breaks"));
    if (s.euclidean)
        v.set(QStringLiteral("euclidean"), true);
    setText(v, QStringLiteral("facility-id"), s.fields.id);
    setText(v, QStringLiteral("name-field"), s.fields.name);
    setText(v, QStringLiteral("grade-field"), s.fields.grade);
    setText(v, QStringLiteral("turnout-field"), s.fields.turnout);
    if (s.responseMinutes != 0) // 0: the standard's; anything else is checked
        v.set(QStringLiteral("max-minutes"), s.responseMinutes);
    v.remove(QStringLiteral("turnout-seconds"));
    if (!(s.turnoutSeconds < 0)) // < 0: the standard's (NaN is checked)
        v.set(QStringLiteral("turnout-seconds"), s.turnoutSeconds);
    if (s.speedKmh != 0)
        v.set(QStringLiteral("speed-kmh"), s.speedKmh);
    v.set(QStringLiteral("grid-cell"), s.gridCellMeters);
    setLayer(v, QStringLiteral("official"), s.official, Role::OfficialDistricts);
    setText(v, QStringLiteral("official-field"), s.officialField);
    setLayer(v, QStringLiteral("demand"), s.demand, Role::Population);
    setText(v, QStringLiteral("population-field"), s.populationField);
    setLayer(v, QStringLiteral("study-area"), s.studyArea, std::nullopt);
    if (s.suburban)
        v.set(QStringLiteral("suburban"), true);
    setText(v, QStringLiteral("standard"), s.standard);
    if (!s.standardOverrides.isEmpty())
        v.set(QStringLiteral("standard-override"), s.standardOverrides);
    setText(v, QStringLiteral("out"), s.outDir);
    return v;
}

ParameterValues FireCoverageAlgorithm::projectValues(const Project &project) const { return values(ProjectJobSettings::fire(project)); }

AnalysisResult FireCoverageAlgorithm::result(const FireJobResult &r)
{
    AnalysisResult out;
    out.analysisId = QStringLiteral("fire-coverage");
    out.outDir = r.outDir;
    const FireOutcome &o = r.outcome;
    const QString gpkg = r.outDir.isEmpty() ? QString() : QDir(r.outDir).filePath(QStringLiteral("fire.gpkg"));
    const QJsonObject zoneStyle{{QStringLiteral("facility_ids"), QJsonArray::fromStringList(r.request.stations.ids)},
                                {QStringLiteral("field"), QStringLiteral("station")}};
    out.layers.push_back({QStringLiteral("zones"), text("First-due zones", "首到责任区"), gpkg, QStringLiteral("zones"), zoneStyle, {}});
    out.layers.push_back({QStringLiteral("unreached"), text("Not reached in time", "超时未达区域"), gpkg, QStringLiteral("unreached"), {}, {}});
    if (o.hasOfficial)
        out.layers.push_back({QStringLiteral("differences"), text("Differences with official districts", "与现行辖区的差异"), gpkg,
                              QStringLiteral("differences"), {}, {}});
    out.figures.push_back({QStringLiteral("reached_share"), text("Population reached in time", "按时可达人口比例"), o.reachedShare(), QString()});
    out.figures.push_back({QStringLiteral("reached_area_km2"), text("Area reached in time", "按时可达面积"), o.reachedAreaKm2, QStringLiteral("km²")});
    if (o.hasOfficial)
        out.figures.push_back({QStringLiteral("agreement_area_share"), text("Agreement with official districts", "与现行辖区一致的面积比例"),
                               o.agreementAreaShare(), QString()});
    addChecks(out, r.summary.value(QStringLiteral("checks")).toObject());
    out.warnings = r.warnings;
    out.inputProblems = r.inputProblems;
    out.summary = r.summary;
    out.report << QStringLiteral("fire-coverage: %1 of %2 people reached within %3 s (%4 %); ")
                          .arg(o.reachedPopulation, 0, 'f', 0).arg(o.totalPopulation, 0, 'f', 0).arg(r.request.responseLimitSeconds)
                          .arg(100 * o.reachedShare(), 0, 'f', 1)
            + (r.studyArea.isEmpty() ? QStringLiteral("area reached: no study area given (--study-area or --official)")
                                     : QStringLiteral("area reached %1 of %2 km²").arg(o.reachedAreaKm2, 0, 'f', 2).arg(o.studyAreaKm2, 0, 'f', 2));
    if (o.hasOfficial)
        out.report << QStringLiteral("  agreement with official districts: %1 % of area, %2 % of population")
                          .arg(100 * o.agreementAreaShare(), 0, 'f', 1).arg(100 * o.agreementPopulationShare(), 0, 'f', 1);
    out.reportEnd << QStringLiteral("results: ") + QDir(r.outDir).absolutePath();
    out.detail = r;
    return out;
}

AnalysisResult FireCoverageAlgorithm::run(const ParameterValues &values, Feedback &feedback) const
{
    requireValid(values);
    return result(FireJob::run(settings(values), feedback));
}

QStringList FireCoverageAlgorithm::outputFiles() const { return QStringList{QStringLiteral("summary.json")} + FireCoverageOutputs::fileNames(); }

void FireCoverageAlgorithm::check(const FireSettings &settings)
{
    static const FireCoverageAlgorithm analysis;
    analysis.requireValid(values(settings), {QStringLiteral("out")});
}

} // namespace refuge
