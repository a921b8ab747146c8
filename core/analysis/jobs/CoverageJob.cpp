#include "analysis/jobs/CoverageJob.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/algorithms/CoverageAlgorithm.h"
#include "analysis/CoverageNetwork.h"
#include "analysis/CoverageOutputs.h"
#include "analysis/ParameterRanges.h"
#include "analysis/ServiceArea.h"
#include "analysis/jobs/CoverageReuse.h"
#include "analysis/jobs/JobInputs.h"
#include "geom/Geos.h"
#include "model/RasterLayer.h"
#include "network/Snapper.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <cmath>

namespace refuge {

namespace {

// Buffers of the limit around each shelter: the straight-line "service area".
std::vector<Geometry> circles(const FacilityTable &f, double radius)
{
    std::vector<Geometry> out;
    GEOSContextHandle_t ctx = geosContext();
    for (const QPointF &p : f.points) {
        if (!std::isfinite(p.x())) {
            out.emplace_back();
            continue;
        }
        GeosGeom pt(GEOSGeom_createPointFromXY_r(ctx, p.x(), p.y()));
        GeosGeom b = checkedGeos(GEOSBuffer_r(ctx, pt.get(), radius, 16), "buffer");
        out.push_back(Geometry::fromGeos(b.get()));
    }
    return out;
}

DemandSet loadDemand(const CoverageSettings &s, const Crs &crs, Feedback &feedback)
{
    DemandSet d = CoverageJob::isRaster(s.demand) ? Demand::fromRaster(RasterLayer::open(s.demand.path), 0, crs, feedback)
                                                  : Demand::load(s.demand, s.populationField, s.splitCellMeters, LoadOptions{crs, {}, {}, true}, feedback);
    if (d.size() == 0)
        throw InvalidInput(fileMessage(s.demand.displayName(), QStringLiteral("no population: every value is zero, null or negative")));
    ParameterRanges::checkPopulation(s.demand.displayName(), d.population, d.feature);
    return d;
}

// What the demand units depend on (empty: never kept).
QString demandKey(const CoverageSettings &s, const Crs &crs)
{
    const QString source = CoverageReuse::sourceKey(s.demand);
    return source.isEmpty() ? QString() : QStringList{source, s.populationField, QString::number(s.splitCellMeters, 'g', 17), crs.wkt()}.join(QChar(0x1f));
}

CoverageAreas loadAreas(const CoverageSettings &s, const Crs &crs, Feedback &feedback)
{
    const VectorLayer areas = VectorLayer::load(s.areas, LoadOptions{crs, {}, {}, true, s.areaField});
    areas.report().reportTo(feedback, s.areas.displayName(), QStringLiteral("areas"));
    return CoverageAreas::fromLayer(areas, s.areaField);
}

// Demand and areas of the request, read (or taken from `reuse`).
void loadDemandAndAreas(const CoverageSettings &s, const Crs &crs, CoverageRequest &q, Feedback &feedback, CoverageReuse *reuse)
{
    auto demand = [&] { return loadDemand(s, crs, feedback); };
    q.demand = reuse ? reuse->demand(demandKey(s, crs), demand) : demand();
    if (!s.areas.path.isEmpty()) {
        auto areas = [&] { return loadAreas(s, crs, feedback); };
        const QString source = CoverageReuse::sourceKey(s.areas);
        const QString key = source.isEmpty() ? QString() : QStringList{source, s.areaField, crs.wkt()}.join(QChar(0x1f));
        q.areas = reuse ? reuse->areas(key, areas) : areas();
        if (reuse && !q.areas.isEmpty())
            q.demandArea = reuse->demandArea([&] {
                std::vector<int> located = q.areas.locate(q.demand.points, feedback);
                feedback.throwIfCanceled(); // never keep a partial result
                return located;
            });
    }
}

// Costs along the network (the kept searches of `reuse` used), and the service areas when asked.
void networkCosts(const CoverageSettings &s, const NetworkInputs &net, CoverageRequest &q, Feedback &feedback, CoverageReuse *reuse)
{
    feedback.setProgressSpan(40, 50);
    auto snap = [&] { return CoverageNetwork::snapAll(Snapper(net.graph), q.demand.points, s.network.snapMaxMeters, feedback); };
    const SnappedLayer demandSnapped = reuse ? reuse->snappedDemand(demandKey(s, net.graph.crs()), s.network.snapMaxMeters, snap) : snap();
    feedback.setProgressSpan(50, 65);
    q.costs = reuse ? reuse->costs().costs(net.graph, net.sources, net.snapped, demandSnapped, net.routing, feedback)
                    : CoverageNetwork::costs(net.graph, net.sources, net.snapped, demandSnapped, net.routing, feedback);
    if (!s.serviceAreas)
        return;
    ServiceAreaParameters sp;
    sp.graph = net.graph;
    sp.facilities = net.sources;
    sp.facilityIds = q.facilities.ids;
    sp.breaks = {net.routing.limit};
    sp.routing = net.routing;
    feedback.setProgressSpan(65, 85);
    const VectorLayer areas = ServiceArea::run(sp, feedback);
    q.serviceAreas.assign(std::size_t(q.facilities.size()), Geometry());
    const int idField = areas.fieldIndex(QStringLiteral("facility_id"));
    for (int i = 0; i < areas.featureCount(); ++i) {
        const int f = q.facilities.indexOf(areas.attribute(i, idField).toString());
        if (f >= 0)
            q.serviceAreas[std::size_t(f)] = areas.geometry(i);
    }
    q.serviceAreaMethod = QStringLiteral("network (%1)").arg(net.graph.profileName());
}

// The results model's record of what the user set and what the run read.
void addParametersAndInputs(QJsonObject &summary, const CoverageSettings &s)
{
    const NetworkSettings &n = s.network;
    summary.insert(QStringLiteral("parameters"),
                   QJsonObject{{QStringLiteral("euclidean"), s.euclidean},
                               {QStringLiteral("profile"), s.euclidean ? QJsonValue() : QJsonValue(n.profile)},
                               {n.unit == CostUnit::Meters ? QStringLiteral("max_meters") : QStringLiteral("max_minutes"), n.limit},
                               {QStringLiteral("snap_max_meters"), n.snapMaxMeters},
                               {QStringLiteral("barrier_factor"), n.barriers.path.isEmpty() ? QJsonValue() : QJsonValue(n.barrierFactor)},
                               {QStringLiteral("capacity_field"), s.fields.capacity},
                               {QStringLiteral("area_field"), s.fields.area},
                               {QStringLiteral("population_field"), s.populationField},
                               {QStringLiteral("area_name_field"), s.areaField},
                               {QStringLiteral("split_cell_meters"), s.splitCellMeters},
                               {QStringLiteral("assignment"), s.assignment.isEmpty() ? QStringLiteral("nearest") : s.assignment},
                               {QStringLiteral("standard"), s.standard},
                               {QStringLiteral("standard_overrides"), QJsonArray::fromStringList(s.standardOverrides)},
                               {QStringLiteral("walk_speed_mps"), s.walkSpeedMps},
                               {QStringLiteral("area_from_capacity_m2"), s.areaFromCapacityM2},
                               {QStringLiteral("demand_layer"), s.demandLayer}});
    summary.insert(QStringLiteral("inputs"), AnalysisFiles::inputs({{QStringLiteral("roads"), s.euclidean ? DataSource() : n.network},
                                                                   {QStringLiteral("barriers"), n.barriers},
                                                                   {QStringLiteral("shelters"), n.facilities},
                                                                   {QStringLiteral("population"), s.demand},
                                                                   {QStringLiteral("communities"), s.areas}}));
}

} // namespace

bool CoverageJob::isRaster(const DataSource &source)
{
    return source.path.endsWith(QLatin1String(".tif"), Qt::CaseInsensitive) || source.path.endsWith(QLatin1String(".tiff"), Qt::CaseInsensitive);
}

CoverageJobResult CoverageJob::run(const CoverageSettings &s, Feedback &feedback, CoverageReuse *reuse)
{
    QElapsedTimer timer;
    timer.start();
    CoverageAlgorithm::check(s); // every rule of the parameters, in one place
    const bool meters = s.network.unit == CostUnit::Meters;
    if (!s.outDir.isEmpty()) // before anything can fail: no previous figures survive a failed run
        AnalysisFiles::prepareOutputFolder(s.outDir, CoverageOutputs::fileNames(), JobInputs::of(s));

    CoverageJobResult r;
    CoverageRequest &q = r.request;
    q.standard = StandardsProfile::load(s.standard.isEmpty() ? QStringLiteral("shanghai") : s.standard);
    q.standard.applyOverrides(s.standardOverrides);
    q.assignment = assignmentMethodFromName(s.assignment);
    q.areaFromCapacityM2 = s.areaFromCapacityM2;

    QJsonObject summaryExtra;
    Crs crs;
    VectorLayer facilitiesLayer;
    NetworkInputs net;
    if (reuse)
        reuse->beginRun();
    if (!s.euclidean) {
        NetworkSettings ns = s.network;
        ns.facilityIdField = s.fields.id;
        feedback.setProgressSpan(0, 25);
        net = reuse ? reuse->open(ns, feedback) : NetworkInputs::open(ns, feedback);
        crs = net.graph.crs();
        facilitiesLayer = net.facilities;
        summaryExtra = net.summary();
    } else {
        crs = s.network.crs;
        facilitiesLayer = VectorLayer::load(s.network.facilities, LoadOptions{crs, {}, {}, true, s.fields.id});
        facilitiesLayer.report().reportTo(feedback, s.network.facilities.displayName(), QStringLiteral("facilities"));
        if (!crs.isValid()) {
            crs = metricCrsFor(facilitiesLayer.crs(), facilitiesLayer.extent());
            facilitiesLayer = facilitiesLayer.reprojected(crs);
        }
        if (crs.isGeographic())
            throw InvalidInput(QStringLiteral("%1 is not metric; use a projected CRS").arg(crs.authId()));
    }
    q.facilities = FacilityTable::fromLayer(facilitiesLayer, s.fields);
    q.facilities.reportValues(feedback);
    feedback.throwIfCanceled();

    feedback.setProgressSpan(25, 40);
    loadDemandAndAreas(s, crs, q, feedback, reuse);
    feedback.throwIfCanceled();

    const double limitUser = s.network.limit;
    if (!s.euclidean) {
        networkCosts(s, net, q, feedback, reuse);
    } else {
        const double speed = meters ? 1.0 : s.walkSpeedMps > 0 ? s.walkSpeedMps : q.standard.number(QStringLiteral("shelter.walk_speed_mps"), 1.0);
        const double limit = meters ? limitUser : limitUser * 60.0;
        q.costs = CoverageCosts::euclidean(q.demand.points, q.facilities.points, limit, crs.metresPerUnit(), speed, {}, feedback);
        if (s.serviceAreas) {
            q.serviceAreas = circles(q.facilities, (meters ? limit : limit * speed) / crs.metresPerUnit());
            q.serviceAreaMethod = QStringLiteral("straight-line buffer");
        }
    }

    feedback.setProgressSpan(85, 95);
    r.outcome = CoverageAnalysis::run(q, feedback);
    r.summary = r.outcome.summaryJson(q);
    summaryExtra.insert(QStringLiteral("limit_user"), limitUser);
    summaryExtra.insert(QStringLiteral("limit_user_unit"), meters ? QStringLiteral("m") : QStringLiteral("min"));
    summaryExtra.insert(QStringLiteral("euclidean"), s.euclidean);
    if (!s.euclidean)
        net.finishCacheSave(feedback, &summaryExtra); // the graph cache written meanwhile
    r.warnings = AnalysisFiles::completeSummary(r.summary, summaryExtra, feedback.warnings());
    AnalysisFiles::addInputProblems(r.summary, feedback);
    r.inputProblems = feedback.inputProblems();
    if (!s.outDir.isEmpty()) {
        feedback.throwIfCanceled();
        feedback.setProgressSpan(95, 100);
        r.layers = CoverageOutputs::write(q, r.outcome, s.outDir,
                                          s.demandLayer ? CoverageOutputs::DemandLayer::Write : CoverageOutputs::DemandLayer::Omit);
        CoverageOutputs::addResults(r.summary, r.outcome, r.layers);
        addParametersAndInputs(r.summary, s);
        AnalysisFiles::writeSummary(s.outDir, r.summary, QStringLiteral("seconds"), double(timer.nsecsElapsed()) / 1e9);
        r.outDir = s.outDir;
    }
    return r;
}

} // namespace refuge
