// HazardScenarioJob: the project's shelter coverage, baseline and under a hazard
// scenario (unsuitable shelters out, flooded streets closed), compared per community.
#include "analysis/hazard/HazardJobs.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/CoverageNetwork.h"
#include "analysis/jobs/NetworkInputs.h"
#include "analysis/jobs/ProjectJobSettings.h"
#include "io/OutputGuard.h"
#include "io/VectorWriter.h"
#include "model/RasterLayer.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>

namespace refuge {

namespace {

void loadDemandAndAreas(const CoverageSettings &s, const Crs &crs, CoverageRequest &q, Feedback &feedback)
{
    if (CoverageJob::isRaster(s.demand))
        q.demand = Demand::fromRaster(RasterLayer::open(s.demand.path), 0, crs, feedback);
    else
        q.demand = Demand::load(s.demand, s.populationField, s.splitCellMeters, LoadOptions{crs, {}, {}, true}, feedback);
    if (q.demand.size() == 0)
        throw InvalidInput(fileMessage(s.demand.displayName(), QStringLiteral("no population: every value is zero, null or negative")));
    if (!s.areas.path.isEmpty()) {
        const VectorLayer areas = VectorLayer::load(s.areas, LoadOptions{crs, {}, {}, true, s.areaField});
        areas.report().reportTo(feedback, s.areas.displayName(), QStringLiteral("areas"));
        q.areas = CoverageAreas::fromLayer(areas, s.areaField);
    }
}

VectorLayer areasLayer(const CoverageRequest &q, const ScenarioComparison &c)
{
    VectorLayer l(QStringLiteral("areas"), GeometryType::MultiPolygon, q.areas.crs);
    const char *names[] = {"name", "population", "baseline_covered", "scenario_covered", "newly_uncovered", "baseline_assigned",
                           "scenario_assigned", "shelters_lost", "capacity_lost"};
    for (const char *n : names)
        l.addField({QString::fromLatin1(n), QLatin1String(n) == QLatin1String("name") ? FieldType::String
                                                 : QLatin1String(n) == QLatin1String("shelters_lost") ? FieldType::Integer : FieldType::Real});
    for (int a = 0; a < q.areas.size(); ++a)
        for (const ScenarioAreaRow &r : c.areas)
            if (r.name == q.areas.names[a])
                l.addFeature(q.areas.polygons[std::size_t(a)], {r.name, r.population, r.baselineCovered, r.scenarioCovered, r.newlyUncovered,
                                                                 r.baselineAssigned, r.scenarioAssigned, r.sheltersLost, r.capacityLost});
    return l;
}

VectorLayer sheltersLayer(const CoverageRequest &q, const ScenarioComparison &c)
{
    VectorLayer l(QStringLiteral("unsuitable_shelters"), GeometryType::Point, q.facilities.crs);
    for (const char *n : {"id", "name", "area", "hazard_layer", "hazard_type", "level", "level_label", "capacity"})
        l.addField({QString::fromLatin1(n), QLatin1String(n) == QLatin1String("level") ? FieldType::Integer
                                             : QLatin1String(n) == QLatin1String("capacity") ? FieldType::Real : FieldType::String});
    for (const UnsuitableShelter &u : c.unsuitable)
        l.addFeature(Geometry::point(q.facilities.points[std::size_t(u.facility)]),
                     {u.id, u.name, u.area, u.hazardLayer, hazardTypeName(u.type), u.level,
                      hazardLevelLabel(u.level, true) + QLatin1Char(' ') + hazardLevelLabel(u.level, false), u.capacity});
    return l;
}

void write(const ScenarioJobResult &r, const VectorLayer &closures, const QString &dir)
{
    const VectorLayer areas = areasLayer(r.baseline, r.comparison), shelters = sheltersLayer(r.baseline, r.comparison);
    VectorWriter::writeAll({{QStringLiteral("areas"), &areas}, {QStringLiteral("unsuitable_shelters"), &shelters},
                            {QStringLiteral("closures"), &closures}},
                           QDir(dir).filePath(QStringLiteral("scenario.gpkg")));
    std::vector<QVariantList> rows;
    for (const ScenarioAreaRow &a : r.comparison.areas)
        rows.push_back({a.name, a.population, a.baselineCovered, a.scenarioCovered, a.newlyUncovered, a.baselineAssigned, a.scenarioAssigned,
                        a.sheltersLost, a.capacityLost});
    AnalysisFiles::writeCsv(QDir(dir).filePath(QStringLiteral("scenario_areas.csv")),
                            {QStringLiteral("area"), QStringLiteral("population"), QStringLiteral("baseline_covered"), QStringLiteral("scenario_covered"),
                             QStringLiteral("newly_uncovered"), QStringLiteral("baseline_assigned"), QStringLiteral("scenario_assigned"),
                             QStringLiteral("shelters_lost"), QStringLiteral("capacity_lost")},
                            rows);
    rows.clear();
    for (const UnsuitableShelter &u : r.comparison.unsuitable)
        rows.push_back({u.id, u.name, u.area, u.hazardLayer, hazardTypeName(u.type), u.level, u.capacity});
    AnalysisFiles::writeCsv(QDir(dir).filePath(QStringLiteral("unsuitable_shelters.csv")),
                            {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("area"), QStringLiteral("hazard_layer"),
                             QStringLiteral("hazard_type"), QStringLiteral("level"), QStringLiteral("capacity")},
                            rows);
}

} // namespace

QStringList HazardScenarioJob::fileNames()
{
    return {QStringLiteral("scenario.gpkg"), QStringLiteral("scenario_areas.csv"), QStringLiteral("unsuitable_shelters.csv")};
}

ScenarioRules HazardScenarioJob::rulesOf(const Project &project)
{
    const QJsonValue v = project.analysis.value(QStringLiteral("hazard"));
    const QString where = (project.filePath().isEmpty() ? QStringLiteral("project") : project.filePath()) + QStringLiteral(": analysis.hazard");
    if (!v.isUndefined() && !v.isObject())
        throw InvalidInput(where + QStringLiteral(": expected an object"));
    return ScenarioRules::fromJson(v.toObject(), where);
}

ScenarioJobResult HazardScenarioJob::run(const Project &project, const ScenarioRules &rules, const QString &outDir, Feedback &feedback)
{
    QElapsedTimer timer;
    timer.start();
    const CoverageSettings s = ProjectJobSettings::coverage(project);
    HazardInputs::check(project, rules.layers);
    if (!outDir.isEmpty()) {
        OutputGuard guard;
        guard.addProject(project);
        AnalysisFiles::prepareOutputFolder(outDir, fileNames(), guard);
    }
    ScenarioJobResult r;
    r.rules = rules;
    CoverageRequest &q = r.baseline;
    q.standard = StandardsProfile::load(s.standard.isEmpty() ? QStringLiteral("shanghai") : s.standard);
    q.standard.applyOverrides(s.standardOverrides);
    q.assignment = assignmentMethodFromName(s.assignment);
    q.areaFromCapacityM2 = s.areaFromCapacityM2;

    NetworkSettings ns = s.network;
    ns.facilityIdField = s.fields.id;
    feedback.setProgressSpan(0, 25);
    const NetworkInputs net = NetworkInputs::open(ns, feedback);
    const Crs crs = net.graph.crs();
    q.facilities = FacilityTable::fromLayer(net.facilities, s.fields);
    q.facilities.reportValues(feedback);
    feedback.setProgressSpan(25, 35);
    loadDemandAndAreas(s, crs, q, feedback);
    const HazardInputs hazards = HazardInputs::load(project, crs, rules.layers, feedback);

    feedback.setProgressSpan(35, 45);
    const SnappedLayer demandSnapped = CoverageNetwork::snapAll(Snapper(net.graph), q.demand.points, s.network.snapMaxMeters, feedback);
    feedback.setProgressSpan(45, 60);
    q.costs = CoverageNetwork::costs(net.graph, net.sources, net.snapped, demandSnapped, net.routing, feedback);
    RoutingOptions flooded = net.routing;
    flooded.linkFactors = HazardScenario::linkFactors(net.graph, hazards.zones, rules, net.routing.linkFactors, &r.comparison.closedLinks);
    feedback.setProgressSpan(60, 75);
    const CoverageCosts scenarioCosts = CoverageNetwork::costs(net.graph, net.sources, net.snapped, demandSnapped, flooded, feedback);

    feedback.setProgressSpan(75, 95);
    r.before = CoverageAnalysis::run(q, feedback);
    const auto unsuitable = HazardScenario::unsuitableShelters(q.facilities, hazards.zones, rules, &r.before.capacity);
    const CoverageRequest scen = HazardScenario::scenarioRequest(q, unsuitable, scenarioCosts);
    r.after = CoverageAnalysis::run(scen, feedback);
    const int closed = r.comparison.closedLinks;
    r.comparison = HazardScenario::compare(q, r.before, r.after, unsuitable);
    r.comparison.closedLinks = closed;

    r.summary = r.comparison.summaryJson(rules);
    r.summary.insert(QStringLiteral("hazard_layers"), QJsonArray::fromStringList(hazards.layerIds));
    r.summary.insert(QStringLiteral("profile"), net.graph.profileName());
    r.summary.insert(QStringLiteral("limit"), q.costs.limit());
    r.summary.insert(QStringLiteral("unit"), q.costs.unit);
    net.finishCacheSave(feedback);
    r.warnings = AnalysisFiles::completeSummary(r.summary, {}, feedback.warnings());
    AnalysisFiles::addInputProblems(r.summary, feedback);
    r.inputProblems = feedback.inputProblems();
    if (!outDir.isEmpty()) {
        feedback.throwIfCanceled();
        write(r, HazardScenario::closurePolygons(hazards.zones, rules, net.graph.profileName(), crs), outDir);
        AnalysisFiles::writeSummary(outDir, r.summary, QStringLiteral("seconds"), double(timer.nsecsElapsed()) / 1e9);
        r.outDir = outDir;
    }
    return r;
}

} // namespace refuge
