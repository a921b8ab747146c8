// ServiceAreaAlgorithm: service areas on the analysis interface.
#include "analysis/algorithms/ServiceAreaAlgorithm.h"
#include "analysis/algorithms/NetworkParameters.h"
#include "analysis/jobs/ProjectJobSettings.h"

#include <QJsonArray>

namespace refuge {

LocalText ServiceAreaAlgorithm::title() const { return text("Service areas", "服务区"); }

LocalText ServiceAreaAlgorithm::summary() const
{
    return text("Service areas along the road network (per facility and break)", "沿路网的服务区（按设施和分段）");
}

LocalText ServiceAreaAlgorithm::help() const
{
    return text("Service areas: the area within each break of every facility along the streets. Writes service_areas.gpkg (layer "
                "service_areas: facility_id, break, unit, area_m2, street_m; with --output lines|both layer service_lines: facility_id, "
                "break, unit, street_m) and summary.json.",
                "服务区：每个设施沿道路在各分段内可达的范围。输出 service_areas.gpkg（图层 service_areas：facility_id、break、unit、"
                "area_m2、street_m；--output lines|both 时另有图层 service_lines：facility_id、break、unit、street_m）和 summary.json。");
}

const std::vector<Parameter> &ServiceAreaAlgorithm::parameters() const
{
    static const std::vector<Parameter> list = [] {
        std::vector<Parameter> p;
        NetworkParameters::declare(p, {Role::Shelters, "walk", true});
        Parameter dissolve = param::flag("dissolve", text("Dissolve", "合并"), text("One polygon per break for all facilities together.", "所有设施每个分段合并为一个多边形。"));
        dissolve.group = QStringLiteral("output");
        p.push_back(dissolve);
        Parameter access = param::number("access-meters", "access-meters", text("Access distance", "接入距离"));
        access.defaultNote = text("the profile's (50 walking, 25 driving)", "出行方式的设定（步行 50，车行 25）");
        access.advanced = true;
        p.push_back(access);
        Parameter output = param::choice("output", {QStringLiteral("polygons"), QStringLiteral("lines"), QStringLiteral("both")}, "polygons",
                                         text("Output", "输出"),
                                         text("polygons, lines (the reached street sections, layer service_lines) or both.",
                                              "polygons（多边形）、lines（可达路段，图层 service_lines）或 both（两者）。"));
        output.valueName = QStringLiteral("what");
        output.choiceLabels = {text("Polygons", "多边形"), text("Lines (street sections)", "可达路段"), text("Both", "两者")};
        output.group = QStringLiteral("output");
        p.push_back(output);
        for (Parameter &q : p) {
            if (q.name == QLatin1String("network") || q.name == QLatin1String("facilities"))
                q.required = true;
            if (q.name == QLatin1String("max-meters") || q.name == QLatin1String("max-minutes") || q.name == QLatin1String("breaks")
                || q.name == QLatin1String("profile"))
                q.project.setting = QStringLiteral("analysis.service_area.") + QString(q.name).replace(QLatin1Char('-'), QLatin1Char('_'));
        }
        return p;
    }();
    return list;
}

void ServiceAreaAlgorithm::checkRules(const ParameterValues &values, ValidationIssues &issues) const
{
    NetworkParameters::checkRules(values, issues);
    if (!values.has(QStringLiteral("max-meters")) && !values.has(QStringLiteral("max-minutes")))
        issues.push_back({QStringLiteral("max-minutes"), QStringLiteral("{max-meters} M or {max-minutes} T is required")});
}

ServiceAreaSettings ServiceAreaAlgorithm::settings(const ParameterValues &v)
{
    ServiceAreaSettings s;
    s.network = NetworkParameters::settings(v, "walk");
    s.dissolve = v.flag(QStringLiteral("dissolve"));
    const QString what = v.text(QStringLiteral("output"), QStringLiteral("polygons"));
    s.polygons = what != QLatin1String("lines");
    s.lines = what != QLatin1String("polygons");
    if (v.has(QStringLiteral("access-meters")))
        s.accessMeters = v.number(QStringLiteral("access-meters"), -1);
    s.outDir = v.text(QStringLiteral("out"));
    return s;
}

ParameterValues ServiceAreaAlgorithm::values(const ServiceAreaSettings &s)
{
    ParameterValues v;
    NetworkParameters::addValues(s.network, v, Role::Shelters);
    if (s.dissolve)
        v.set(QStringLiteral("dissolve"), true);
    if (!(s.accessMeters < 0)) // < 0: the profile's (NaN is checked)
        v.set(QStringLiteral("access-meters"), s.accessMeters);
    v.set(QStringLiteral("output"), s.polygons && s.lines ? QStringLiteral("both") : s.lines ? QStringLiteral("lines") : QStringLiteral("polygons"));
    NetworkParameters::setText(v, QStringLiteral("out"), s.outDir);
    return v;
}

ParameterValues ServiceAreaAlgorithm::projectValues(const Project &project) const
{
    return values(ProjectJobSettings::serviceArea(project));
}

AnalysisResult ServiceAreaAlgorithm::result(const ServiceAreaJobResult &r, const ServiceAreaSettings &s)
{
    AnalysisResult out;
    out.analysisId = QStringLiteral("service-area");
    out.outDir = s.outDir;
    QJsonObject style{{QStringLiteral("breaks"), r.summary.value(QStringLiteral("breaks"))},
                      {QStringLiteral("unit"), s.network.unitLabel()}};
    if (s.polygons)
        out.layers.push_back({QStringLiteral("service_areas"), text("Service areas", "服务区"), r.outputPath, QStringLiteral("service_areas"), style, r.areas});
    if (s.lines)
        out.layers.push_back({QStringLiteral("service_lines"), text("Reached streets", "可达路段"), r.outputPath, QStringLiteral("service_lines"), style, r.lines});
    out.figures.push_back({QStringLiteral("facilities_snapped"), text("Facilities on the network", "接入路网的设施"), double(r.snappedFacilities), QString()});
    out.figures.push_back({QStringLiteral("facilities"), text("Facilities", "设施"), double(r.totalFacilities), QString()});
    out.warnings = r.warnings;
    out.inputProblems = r.inputProblems;
    out.summary = r.summary;
    out.warningsOnStderr = true;
    out.report << QStringLiteral("service areas: %1 polygons, %2 line features for %3 of %4 facilities -> %5")
                      .arg(r.areas.featureCount()).arg(r.lines.featureCount()).arg(r.snappedFacilities).arg(r.totalFacilities).arg(r.outputPath);
    out.detail = r;
    return out;
}

AnalysisResult ServiceAreaAlgorithm::run(const ParameterValues &values, Feedback &feedback) const
{
    requireValid(values);
    const ServiceAreaSettings s = settings(values);
    return result(ServiceAreaJob::run(s, feedback), s);
}

QStringList ServiceAreaAlgorithm::outputFiles() const { return {QStringLiteral("summary.json"), QStringLiteral("service_areas.gpkg")}; }

void ServiceAreaAlgorithm::check(const ServiceAreaSettings &settings)
{
    static const ServiceAreaAlgorithm analysis;
    analysis.requireValid(values(settings), {QStringLiteral("out")});
}

} // namespace refuge
