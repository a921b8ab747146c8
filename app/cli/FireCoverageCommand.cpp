// refuge-cli fire-coverage: fire response (turnout + travel) from the stations, first-due
// zones against the district area limits, and agreement with official districts.
#include "Cli.h"
#include "NetworkOptions.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/FireCoverage.h"
#include "analysis/FireCoverageOutputs.h"
#include "analysis/NearestFacility.h"
#include "network/Snapper.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <cmath>

namespace refuge::cli {

namespace {



Geometry unionOf(const std::vector<Geometry> &parts)
{
    GEOSContextHandle_t ctx = geosContext();
    std::vector<GEOSGeometry *> gs;
    for (const Geometry &g : parts)
        gs.push_back(g.toGeos().release());
    GeosGeom coll(GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, gs.data(), unsigned(gs.size())));
    GeosGeom u = checkedGeos(GEOSUnaryUnion_r(ctx, coll.get()), "union of the study area");
    return Geometry::fromGeos(u.get());
}

NearestCosts fromNetwork(const NearestFacilityResult &r)
{
    NearestCosts c;
    c.seconds = r.demandCost;
    c.station.assign(r.demandFacility.begin(), r.demandFacility.end());
    return c;
}

NearestCosts straightLine(const std::vector<QPointF> &pts, const FacilityTable &st, const std::vector<double> &turnout, double mPerUnit,
                          double speed)
{
    NearestCosts c;
    c.seconds.assign(pts.size(), std::numeric_limits<float>::infinity());
    c.station.assign(pts.size(), -1);
    for (std::size_t i = 0; i < pts.size(); ++i) {
        for (int s = 0; s < st.size(); ++s) {
            const QPointF f = st.points[std::size_t(s)];
            if (!std::isfinite(f.x()))
                continue;
            const double t = std::hypot(f.x() - pts[i].x(), f.y() - pts[i].y()) * mPerUnit / speed + turnout[std::size_t(s)];
            if (t < c.seconds[i]) {
                c.seconds[i] = float(t);
                c.station[i] = s;
            }
        }
    }
    return c;
}

} // namespace

int runFireCoverage(const QStringList &args)
{
    QElapsedTimer timer;
    timer.start();
    QCommandLineParser parser;
    NetworkOptions net;
    net.addTo(parser);
    parser.addOptions({
        option("euclidean", "Straight-line travel at --speed-kmh instead of the network (a labelled fallback)."),
        option("speed-kmh", "Engine speed for --euclidean (default the standard's planning speed, unverified).", "kmh"),
        option("name-field", "Station name field.", "field"),
        option("grade-field", "Station grade field (一级/二级/小型/微型 or 1/2/small) for the district area limit.", "field"),
        option("turnout-field", "Per-station turnout seconds field (else --turnout-seconds / the standard).", "field"),
        option("official", "Official first-due districts: PATH[:LAYER].", "path"),
        option("official-field", "Field of the official districts naming the station (its --facility-id value).", "field"),
        option("demand", "Population: polygons or points PATH[:LAYER].", "path"),
        option("population-field", "Population field of the demand layer.", "field"),
        option("study-area", "Polygons bounding the analysis (default: the official districts, else the demand).", "path"),
        option("grid-cell", "Sample grid cell for zones and areas, metres (default 50).", "m"),
        option("suburban", "Use the suburban district area limit (15 km²) for every station."),
        option("standard", "Standards profile: shanghai (default), china-national, nfpa1710.", "name"),
        option("standard-override", "Change one value of the profile: KEY=NUMBER (repeatable; e.g. shelter.district_supply_m2_per_resident=2).", "kv"),
    });
    parseOrThrow(parser, args, QStringLiteral("Fire response coverage: reach within the response time, first-due zones, district area limits and agreement with official districts."));
    const bool euclidean = parser.isSet(QStringLiteral("euclidean"));
    for (const char *required : {"facilities", "out"})
        if (!parser.isSet(QLatin1String(required)))
            throw UsageError(QStringLiteral("fire-coverage: --%1 is required").arg(QLatin1String(required)));
    if (!euclidean && !parser.isSet(QStringLiteral("network")))
        throw UsageError(QStringLiteral("fire-coverage: give --network PATH[:LAYER] (drive profile), or --euclidean"));
    if (parser.isSet(QStringLiteral("official")) != parser.isSet(QStringLiteral("official-field")))
        throw UsageError(QStringLiteral("fire-coverage: --official and --official-field go together"));
    if (parser.isSet(QStringLiteral("demand")) != parser.isSet(QStringLiteral("population-field")))
        throw UsageError(QStringLiteral("fire-coverage: --demand and --population-field go together"));
    if (parser.isSet(QStringLiteral("max-meters")))
        throw UsageError(QStringLiteral("fire-coverage: the response limit is a time: use --max-minutes"));

    Feedback feedback;
    FireRequest q;
    q.standard = StandardsProfile::load(parser.isSet(QStringLiteral("standard")) ? parser.value(QStringLiteral("standard")) : QStringLiteral("shanghai"));
    q.standard.applyOverrides(parser.values(QStringLiteral("standard-override")));
    q.suburban = parser.isSet(QStringLiteral("suburban"));
    const double defaultLimit = q.standard.number(q.suburban && q.standard.contains(QStringLiteral("fire.response_suburban_s"))
                                                      ? QStringLiteral("fire.response_suburban_s") : QStringLiteral("fire.response_s"), 300);
    q.responseLimitSeconds = parser.isSet(QStringLiteral("max-minutes")) ? numberOption(parser, QStringLiteral("max-minutes"), 5) * 60.0 : defaultLimit;
    q.turnoutSeconds = parser.isSet(QStringLiteral("turnout-seconds")) ? parser.value(QStringLiteral("turnout-seconds")).toDouble()
                                                                        : q.standard.number(QStringLiteral("fire.turnout_s"), 60);
    if (!(q.turnoutSeconds >= 0) || !std::isfinite(q.turnoutSeconds))
        throw UsageError(QStringLiteral("--turnout-seconds must be ≥ 0"));
    const double cell = numberOption(parser, QStringLiteral("grid-cell"), 50);

    Crs crs;
    VectorLayer stationsLayer;
    QJsonObject networkSummary;
    QStringList netArgs = args;
    if (!euclidean) {
        if (!parser.isSet(QStringLiteral("profile")))
            netArgs << QStringLiteral("--profile") << QStringLiteral("drive");
        if (!parser.isSet(QStringLiteral("max-minutes")))
            netArgs << QStringLiteral("--max-minutes") << QString::number(q.responseLimitSeconds / 60.0);
        if (!parser.isSet(QStringLiteral("turnout-seconds")))
            netArgs << QStringLiteral("--turnout-seconds") << QString::number(q.turnoutSeconds);
        QCommandLineParser p2;
        NetworkOptions tmp;
        tmp.addTo(p2);
        p2.addOptions({option("euclidean", ""), option("speed-kmh", "", "k"), option("name-field", "", "f"), option("grade-field", "", "f"),
                       option("turnout-field", "", "f"), option("official", "", "p"), option("official-field", "", "f"), option("demand", "", "p"),
                       option("population-field", "", "f"), option("study-area", "", "p"), option("grid-cell", "", "m"), option("suburban", ""),
                       option("standard", "", "s"), option("standard-override", "", "kv")});
        parseOrThrow(p2, netArgs, QString());
        net.setUp(p2, NetworkOptions::NeedFacilities | NetworkOptions::NeedLimit, feedback);
        crs = net.graph.crs();
        stationsLayer = net.facilities;
        networkSummary = net.summary();
        q.method = QStringLiteral("network (%1)").arg(net.graph.profileName());
    } else {
        if (parser.isSet(QStringLiteral("crs")))
            crs = Crs::fromUserInput(parser.value(QStringLiteral("crs")));
        stationsLayer = VectorLayer::load(DataSource::parse(parser.value(QStringLiteral("facilities"))), LoadOptions{crs, {}, {}, true});
        if (!crs.isValid()) {
            crs = metricCrsFor(stationsLayer.crs(), stationsLayer.extent());
            stationsLayer = stationsLayer.reprojected(crs);
        }
        q.method = QStringLiteral("straight line");
    }
    q.stations = FacilityTable::fromLayer(stationsLayer, {parser.value(QStringLiteral("facility-id")), parser.value(QStringLiteral("name-field")), {}, {},
                                                          parser.value(QStringLiteral("grade-field")), parser.value(QStringLiteral("turnout-field"))});
    std::vector<double> turnout(std::size_t(q.stations.size()), q.turnoutSeconds);
    for (int s = 0; s < q.stations.size(); ++s)
        if (std::isfinite(q.stations.turnoutSeconds[std::size_t(s)]))
            turnout[std::size_t(s)] = q.stations.turnoutSeconds[std::size_t(s)];

    if (parser.isSet(QStringLiteral("demand"))) {
        q.demand = Demand::load(DataSource::parse(parser.value(QStringLiteral("demand"))), parser.value(QStringLiteral("population-field")), 0,
                                LoadOptions{crs, {}, {}, true}, feedback);
    }
    q.demand.crs = crs;
    if (parser.isSet(QStringLiteral("official"))) {
        const VectorLayer off = VectorLayer::load(DataSource::parse(parser.value(QStringLiteral("official"))), LoadOptions{crs, {}, {}, true});
        q.official = CoverageAreas::fromLayer(off, parser.value(QStringLiteral("official-field")));
    }
    Geometry study;
    if (parser.isSet(QStringLiteral("study-area"))) {
        const VectorLayer sa = VectorLayer::load(DataSource::parse(parser.value(QStringLiteral("study-area"))), LoadOptions{crs, {}, {}, true});
        study = unionOf(sa.geometries());
    } else if (!q.official.isEmpty()) {
        study = unionOf(q.official.polygons);
    } else if (q.demand.size() > 0) {
        QRectF b(q.demand.points.front(), q.demand.points.front());
        for (const QPointF &p : q.demand.points)
            b = b.united(QRectF(p, p));
        study = Geometry::polygon({{b.topLeft(), b.topRight(), b.bottomRight(), b.bottomLeft(), b.topLeft()}});
    } else {
        throw UsageError(QStringLiteral("fire-coverage: give --official, --study-area or --demand to bound the analysis"));
    }
    q.grid = FireGrid::over(study, cell, crs.metresPerUnit(), feedback);

    if (!euclidean) {
        std::vector<NetworkSource> sources = net.sources;
        for (std::size_t s = 0; s < sources.size(); ++s)
            sources[s].startCost = turnout[s];
        RoutingOptions ro = net.routing;
        ro.limit = std::numeric_limits<double>::infinity(); // zones: every reachable cell
        const Snapper snapper(net.graph);
        const SnappedLayer gridSnapped = snapper.snapAll(q.grid.centres, net.snapMaxMeters, &feedback);
        const SnappedLayer demandSnapped = snapper.snapAll(q.demand.points, net.snapMaxMeters, &feedback);
        q.gridCosts = fromNetwork(NearestFacility::run(net.graph, sources, gridSnapped, ro, feedback));
        q.demandCosts = fromNetwork(NearestFacility::run(net.graph, sources, demandSnapped, ro, feedback));
    } else {
        const double speed = numberOption(parser, QStringLiteral("speed-kmh"), q.standard.number(QStringLiteral("fire.planning_speed_kmh"), 30)) / 3.6;
        q.gridCosts = straightLine(q.grid.centres, q.stations, turnout, crs.metresPerUnit(), speed);
        q.demandCosts = straightLine(q.demand.points, q.stations, turnout, crs.metresPerUnit(), speed);
    }

    const FireOutcome o = FireCoverage::run(q, feedback);
    const QString outDir = parser.value(QStringLiteral("out"));
    FireCoverageOutputs::write(q, o, outDir);
    QJsonObject summary = o.summaryJson(q);
    for (auto it = networkSummary.begin(); it != networkSummary.end(); ++it)
        if (!summary.contains(it.key()))
            summary.insert(it.key(), it.value());
    QJsonArray warnings = summary.value(QStringLiteral("warnings")).toArray();
    for (const QString &w : feedback.warnings() + q.demand.stats.messages())
        warnings.append(w);
    summary.insert(QStringLiteral("warnings"), warnings);
    summary.insert(QStringLiteral("euclidean"), euclidean);
    summary.insert(QStringLiteral("seconds"), double(timer.nsecsElapsed()) / 1e9);
    AnalysisFiles::writeJson(QDir(outDir).filePath(QStringLiteral("summary.json")), summary);

    out() << QStringLiteral("fire-coverage: %1 of %2 people reached within %3 s (%4 %); area reached %5 of %6 km²\n")
                 .arg(o.reachedPopulation, 0, 'f', 0).arg(o.totalPopulation, 0, 'f', 0).arg(q.responseLimitSeconds)
                 .arg(100 * o.reachedShare(), 0, 'f', 1).arg(o.reachedAreaKm2, 0, 'f', 2).arg(o.studyAreaKm2, 0, 'f', 2);
    if (o.hasOfficial)
        out() << QStringLiteral("  agreement with official districts: %1 % of area, %2 % of population\n")
                     .arg(100 * o.agreementAreaShare(), 0, 'f', 1).arg(100 * o.agreementPopulationShare(), 0, 'f', 1);
    for (const QJsonValue &w : warnings)
        out() << "  note: " << w.toString() << "\n";
    out() << "results: " << QDir(outDir).absolutePath() << "\n";
    return Ok;
}

static const bool registered = registerCommand({QStringLiteral("fire-coverage"), QStringLiteral("Fire response reach, first-due zones and district agreement"), runFireCoverage});

} // namespace refuge::cli
