// ZonesAlgorithm: nearest-facility zones on the analysis interface.
#include "analysis/algorithms/ZonesAlgorithm.h"
#include "analysis/algorithms/NetworkParameters.h"
#include "analysis/jobs/ProjectJobSettings.h"

#include <QJsonArray>

namespace refuge {

LocalText ZonesAlgorithm::title() const { return text("Nearest-facility zones", "最近设施分区"); }

LocalText ZonesAlgorithm::summary() const { return text("Nearest-facility zones along the road network", "沿路网的最近设施分区"); }

LocalText ZonesAlgorithm::help() const
{
    return text("Nearest-facility zones (responsibility zones, first-due areas) that tile the study area: each street point goes to the "
                "facility that reaches it at least cost (as coverage measures), each place to the zone of its nearest street access. "
                "Writes zones.gpkg (layer zones: facility_id, access = within_access_distance | beyond_access_distance, area_m2, street_m) "
                "and summary.json. Facility ids: --facility-id, else the layer's 'id' field if it names every row once, else the row "
                "number counted from 1.",
                "铺满研究区的最近设施分区（责任区、首到区）：每个道路点归到以最小耗时到达它的设施（与覆盖分析的度量相同），每个地点归到"
                "其最近道路接入点所在的分区。输出 zones.gpkg（图层 zones：facility_id、access = within_access_distance | "
                "beyond_access_distance、area_m2、street_m）和 summary.json。设施编号：--facility-id，否则图层的 'id' 字段"
                "（若每行唯一），否则为从 1 开始的行号。");
}

const std::vector<Parameter> &ZonesAlgorithm::parameters() const
{
    static const std::vector<Parameter> list = [] {
        std::vector<Parameter> p;
        NetworkParameters::declare(p, {Role::Shelters, "walk", true});
        Parameter study = param::layer("study-area", text("Study area", "研究区"),
                                       text("Polygons the zones tile, PATH[:LAYER] (e.g. the communities; default: the streets' box grown by "
                                            "the access distance).",
                                            "分区铺满的多边形，PATH[:LAYER]（如社区；默认：道路范围外扩接入距离）。"),
                                       Role::Communities, PolygonLayer);
        study.role.reset(); // any polygons; the project gives its communities
        study.group = QStringLiteral("inputs");
        p.push_back(study);
        for (Parameter &q : p)
            if (q.name == QLatin1String("network") || q.name == QLatin1String("facilities"))
                q.required = true;
        return p;
    }();
    return list;
}

void ZonesAlgorithm::checkRules(const ParameterValues &values, ValidationIssues &issues) const
{
    NetworkParameters::checkRules(values, issues);
}

ZonesSettings ZonesAlgorithm::settings(const ParameterValues &v)
{
    ZonesSettings s;
    s.network = NetworkParameters::settings(v, "walk");
    s.studyArea = v.source(QStringLiteral("study-area"));
    s.outDir = v.text(QStringLiteral("out"));
    return s;
}

ParameterValues ZonesAlgorithm::values(const ZonesSettings &s)
{
    ParameterValues v;
    NetworkParameters::addValues(s.network, v, Role::Shelters);
    NetworkParameters::setLayer(v, QStringLiteral("study-area"), s.studyArea, Role::Communities);
    NetworkParameters::setText(v, QStringLiteral("out"), s.outDir);
    return v;
}

ParameterValues ZonesAlgorithm::projectValues(const Project &project) const { return values(ProjectJobSettings::zones(project)); }

AnalysisResult ZonesAlgorithm::result(const ZonesJobResult &r, const ZonesSettings &s)
{
    AnalysisResult out;
    out.analysisId = QStringLiteral("zones");
    out.outDir = s.outDir;
    QStringList ids;
    for (int i = 0; i < r.zones.featureCount(); ++i)
        ids << r.zones.attribute(i, QStringLiteral("facility_id")).toString();
    ids.removeDuplicates();
    out.layers.push_back({QStringLiteral("zones"), text("Zones", "分区"), r.outputPath, QStringLiteral("zones"),
                          QJsonObject{{QStringLiteral("facility_ids"), QJsonArray::fromStringList(ids)}}, r.zones});
    out.figures.push_back({QStringLiteral("zones"), text("Zones", "分区"), r.summary.value(QStringLiteral("zones")).toDouble(), QString()});
    out.figures.push_back({QStringLiteral("area_m2"), text("Area tiled", "分区面积"), r.summary.value(QStringLiteral("area_m2")).toDouble(), QStringLiteral("m²")});
    out.warnings = r.warnings;
    out.inputProblems = r.inputProblems;
    out.summary = r.summary;
    out.warningsOnStderr = true;
    out.report << QStringLiteral("zones: %1 zones for %2 of %3 facilities -> %4")
                      .arg(r.summary.value(QStringLiteral("zones")).toInt()).arg(r.snappedFacilities).arg(r.totalFacilities).arg(r.outputPath);
    out.detail = r;
    return out;
}

AnalysisResult ZonesAlgorithm::run(const ParameterValues &values, Feedback &feedback) const
{
    requireValid(values);
    const ZonesSettings s = settings(values);
    return result(ZonesJob::run(s, feedback), s);
}

QStringList ZonesAlgorithm::outputFiles() const { return {QStringLiteral("summary.json"), QStringLiteral("zones.gpkg")}; }

void ZonesAlgorithm::check(const ZonesSettings &settings)
{
    static const ZonesAlgorithm analysis;
    analysis.requireValid(values(settings), {QStringLiteral("out")});
}

} // namespace refuge
