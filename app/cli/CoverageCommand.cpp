// refuge-cli coverage: who is within reach of a shelter, who gets a place, and does
// each area meet the standard (see issue "Coverage"). Network options are shared with
// service-area/zones (NetworkOptions); --euclidean measures straight lines instead.
#include "Cli.h"
#include "NetworkOptions.h"
#include "analysis/CoverageAnalysis.h"
#include "analysis/CoverageNetwork.h"
#include "analysis/CoverageOutputs.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/ServiceArea.h"
#include "model/RasterLayer.h"
#include "network/Snapper.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <cmath>

namespace refuge::cli {

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

} // namespace

int runCoverage(const QStringList &args)
{
    QElapsedTimer timer;
    timer.start();
    QCommandLineParser parser;
    NetworkOptions net;
    net.addTo(parser);
    parser.addOptions({
        option("euclidean", "Measure straight-line distance instead of the network (a labelled fallback; --network not needed)."),
        option("capacity-field", "Shelter capacity field (persons).", "field"),
        option("shelter-area-field", "Shelter effective area field (m²): capacity = area ÷ space per evacuee when no capacity.", "field"),
        option("name-field", "Shelter name field (default: the id).", "field"),
        option("demand", "Population: polygons or points PATH[:LAYER], or a raster (.tif).", "path"),
        option("population-field", "Population field of the demand layer.", "field"),
        option("split-cell", "Spread demand polygons larger than one cell over cells of M metres, by area.", "m"),
        option("areas", "Areas to sum by (communities, streets, districts): PATH[:LAYER].", "path"),
        option("area-field", "Name field of the areas.", "field"),
        option("assignment", "Capacity assignment: nearest (default; overflow to the next nearest) or optimal (least person-metres).", "method"),
        option("standard", "Standards profile: shanghai (default), china-national, nfpa1710.", "name"),
        option("standard-override", "Change one value of the profile: KEY=NUMBER (repeatable; e.g. shelter.district_supply_m2_per_resident=2).", "kv"),
        option("walk-speed", "Speed for --euclidean with --max-minutes (m/s; default the standard's walking speed).", "mps"),
    });
    parseOrThrow(parser, args, QStringLiteral("Shelter coverage, capacity assignment and per-capita shelter area, per shelter, per area and overall."));
    const bool euclidean = parser.isSet(QStringLiteral("euclidean"));
    for (const char *required : {"facilities", "demand", "out"})
        if (!parser.isSet(QLatin1String(required)))
            throw UsageError(QStringLiteral("coverage: --%1 is required (see refuge-cli coverage --help)").arg(QLatin1String(required)));
    if (!euclidean && !parser.isSet(QStringLiteral("network")))
        throw UsageError(QStringLiteral("coverage: give --network PATH[:LAYER], or --euclidean for straight-line distances"));
    if (parser.isSet(QStringLiteral("areas")) != parser.isSet(QStringLiteral("area-field")))
        throw UsageError(QStringLiteral("coverage: --areas and --area-field go together"));
    const bool meters = parser.isSet(QStringLiteral("max-meters")), minutes = parser.isSet(QStringLiteral("max-minutes"));
    if (meters == minutes)
        throw UsageError(QStringLiteral("coverage: give one of --max-meters M or --max-minutes T"));

    Feedback feedback;
    CoverageRequest q;
    q.standard = StandardsProfile::load(parser.isSet(QStringLiteral("standard")) ? parser.value(QStringLiteral("standard")) : QStringLiteral("shanghai"));
    q.standard.applyOverrides(parser.values(QStringLiteral("standard-override")));
    q.assignment = assignmentMethodFromName(parser.value(QStringLiteral("assignment")));
    const FacilityFields fields{parser.value(QStringLiteral("facility-id")), parser.value(QStringLiteral("name-field")),
                                parser.value(QStringLiteral("capacity-field")), parser.value(QStringLiteral("shelter-area-field")), {}, {}};
    if (fields.capacity.isEmpty() && fields.area.isEmpty())
        throw UsageError(QStringLiteral("coverage: give --capacity-field or --shelter-area-field"));
    const DataSource demandSource = DataSource::parse(parser.value(QStringLiteral("demand")));
    const bool rasterDemand = demandSource.path.endsWith(QLatin1String(".tif"), Qt::CaseInsensitive)
        || demandSource.path.endsWith(QLatin1String(".tiff"), Qt::CaseInsensitive);
    if (!rasterDemand && !parser.isSet(QStringLiteral("population-field")))
        throw UsageError(QStringLiteral("coverage: --population-field is required for a vector demand layer"));
    const double splitCell = numberOption(parser, QStringLiteral("split-cell"), 0);

    QJsonObject summaryExtra;
    Crs crs;
    VectorLayer facilitiesLayer;
    if (!euclidean) {
        net.setUp(parser, NetworkOptions::NeedFacilities | NetworkOptions::NeedLimit, feedback);
        crs = net.graph.crs();
        facilitiesLayer = net.facilities;
        summaryExtra = net.summary();
    } else {
        if (parser.isSet(QStringLiteral("crs")))
            crs = Crs::fromUserInput(parser.value(QStringLiteral("crs")));
        facilitiesLayer = VectorLayer::load(DataSource::parse(parser.value(QStringLiteral("facilities"))), LoadOptions{crs, {}, {}, true});
        if (!crs.isValid()) {
            crs = metricCrsFor(facilitiesLayer.crs(), facilitiesLayer.extent());
            facilitiesLayer = facilitiesLayer.reprojected(crs);
        }
        if (crs.isGeographic())
            throw UsageError(QStringLiteral("--crs must be a projected CRS"));
    }
    q.facilities = FacilityTable::fromLayer(facilitiesLayer, fields);

    // Demand.
    if (rasterDemand) {
        q.demand = Demand::fromRaster(RasterLayer::open(demandSource.path), 0, crs, feedback);
    } else {
        q.demand = Demand::load(demandSource, parser.value(QStringLiteral("population-field")), splitCell, LoadOptions{crs, {}, {}, true}, feedback);
    }
    if (q.demand.size() == 0)
        throw InvalidInput(fileMessage(demandSource.displayName(), QStringLiteral("no population: every value is zero, null or negative")));
    if (parser.isSet(QStringLiteral("areas"))) {
        const VectorLayer areas = VectorLayer::load(DataSource::parse(parser.value(QStringLiteral("areas"))), LoadOptions{crs, {}, {}, true});
        q.areas = CoverageAreas::fromLayer(areas, parser.value(QStringLiteral("area-field")));
    }

    // Costs.
    const double limitUser = meters ? numberOption(parser, QStringLiteral("max-meters"), 0) : numberOption(parser, QStringLiteral("max-minutes"), 0);
    if (!euclidean) {
        const SnappedLayer demandSnapped = CoverageNetwork::snapAll(Snapper(net.graph), q.demand.points, net.snapMaxMeters, feedback);
        q.costs = CoverageNetwork::costs(net.graph, net.sources, net.snapped, demandSnapped, net.routing, feedback);
        ServiceAreaParameters sp;
        sp.graph = net.graph;
        sp.facilities = net.sources;
        sp.facilityIds = q.facilities.ids;
        sp.breaks = {net.routing.limit};
        sp.routing = net.routing;
        const VectorLayer areas = ServiceArea::run(sp, feedback);
        q.serviceAreas.assign(std::size_t(q.facilities.size()), Geometry());
        const int idField = areas.fieldIndex(QStringLiteral("facility_id"));
        for (int i = 0; i < areas.featureCount(); ++i) {
            const int f = q.facilities.indexOf(areas.attribute(i, idField).toString());
            if (f >= 0)
                q.serviceAreas[std::size_t(f)] = areas.geometry(i);
        }
        q.serviceAreaMethod = QStringLiteral("network (%1)").arg(net.graph.profileName());
    } else {
        const double speed = minutes ? numberOption(parser, QStringLiteral("walk-speed"), q.standard.number(QStringLiteral("shelter.walk_speed_mps"), 1.0)) : 1.0;
        const double limit = meters ? limitUser : limitUser * 60.0;
        q.costs = CoverageCosts::euclidean(q.demand.points, q.facilities.points, limit, crs.metresPerUnit(), speed, {}, feedback);
        q.serviceAreas = circles(q.facilities, (meters ? limit : limit * speed) / crs.metresPerUnit());
        q.serviceAreaMethod = QStringLiteral("straight-line buffer");
    }

    const CoverageOutcome o = CoverageAnalysis::run(q, feedback);
    const QString outDir = parser.value(QStringLiteral("out"));
    CoverageOutputs::write(q, o, outDir);
    QJsonObject summary = o.summaryJson(q);
    for (auto it = summaryExtra.begin(); it != summaryExtra.end(); ++it)
        if (!summary.contains(it.key()))
            summary.insert(it.key(), it.value());
    summary.insert(QStringLiteral("limit_user"), limitUser);
    summary.insert(QStringLiteral("limit_user_unit"), meters ? QStringLiteral("m") : QStringLiteral("min"));
    summary.insert(QStringLiteral("euclidean"), euclidean);
    QJsonArray warnings = summary.value(QStringLiteral("warnings")).toArray();
    for (const QString &w : feedback.warnings())
        warnings.append(w);
    summary.insert(QStringLiteral("warnings"), warnings);
    summary.insert(QStringLiteral("seconds"), double(timer.nsecsElapsed()) / 1e9);
    AnalysisFiles::writeJson(QDir(outDir).filePath(QStringLiteral("summary.json")), summary);

    out() << QStringLiteral("coverage: %1 of %2 people within %3 %4 of a shelter (%5 %); assigned %6, unassigned %7\n")
                 .arg(o.coverage.coveredPopulation, 0, 'f', 0)
                 .arg(o.coverage.totalPopulation, 0, 'f', 0)
                 .arg(limitUser)
                 .arg(meters ? QStringLiteral("m") : QStringLiteral("min"))
                 .arg(100.0 * o.coverage.coveredShare(), 0, 'f', 1)
                 .arg(o.assignment.assigned, 0, 'f', 0)
                 .arg(o.assignment.unassigned(), 0, 'f', 0);
    for (const QJsonValue &w : warnings)
        out() << "  note: " << w.toString() << "\n";
    out() << "results: " << QDir(outDir).absolutePath() << "\n";
    return Ok;
}

static const bool registered = registerCommand({QStringLiteral("coverage"), QStringLiteral("Shelter coverage, capacity and per-capita area"), runCoverage});

} // namespace refuge::cli
