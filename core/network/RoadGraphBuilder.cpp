#include "network/RoadGraphBuilder.h"
#include "geom/Hilbert.h"
#include "network/GraphCache.h"
#include "network/OsmSource.h"
#include "network/RoadGraphSource.h"
#include "network/RoadGraphTopology.h"
#include "io/FeatureStream.h"
#include "io/TextEncoding.h"
#include "model/VectorLayer.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace refuge {

namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();

// Sources RoadLines::read handles exactly as VectorLayer::load would; the others
// (OSM configuration, CSV coordinate columns, GeoJSON "crs" names, Shapefile text
// encoding detection) take the VectorLayer path.
bool streamable(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("osm") || suffix == QLatin1String("pbf") || suffix == QLatin1String("csv")
        || suffix == QLatin1String("geojson") || suffix == QLatin1String("json") || suffix == QLatin1String("dbf"))
        return false;
    if (suffix == QLatin1String("shp")) {
        const QString declared = declaredShapefileEncoding(path);
        return !declared.isEmpty() && declared != QLatin1String("LDID/87");
    }
    return true;
}

// Refuses lines a graph cannot be built from (none the profile may use, none at all,
// lon/lat), naming the source; the counts so far go to `report`.
void checkLines(const RoadLines &lines, const Profile &profile, RoadGraphReport &report)
{
    const QString &display = lines.display;
    report.skippedGeometry = lines.skippedGeometry;
    report.excludedWays = lines.excluded;
    if (lines.featureCount == 0 && !lines.excluded.isEmpty()) {
        QStringList reasons;
        for (auto it = lines.excluded.begin(); it != lines.excluded.end(); ++it)
            reasons << QStringLiteral("%1: %2").arg(it.key()).arg(it->ways);
        throw InvalidInput(fileMessage(display, QStringLiteral("no way the profile '%1' may use (left out: %2)")
                                                    .arg(profile.name(), reasons.join(QStringLiteral(", ")))));
    }
    report.dropped = lines.dropped;
    if (lines.featureCount == 0)
        throw InvalidInput(fileMessage(display, lines.skippedGeometry > 0
                                                    ? QStringLiteral("no usable line in the network layer (%1 features without a usable line geometry)")
                                                          .arg(lines.skippedGeometry)
                                                    : QStringLiteral("the network layer is empty")));
    if (lines.crs.isValid() && lines.crs.isGeographic())
        throw CrsError(fileMessage(display, QStringLiteral("the network must be in a metric CRS to build a graph (got %1)").arg(lines.crs.label())));
}

// Per feature: usable (not excluded by class, not closed by one-way), one-way and
// speed (m/s), from the profile's rules applied once per distinct value; counted.
struct FeatureRules {
    std::vector<OneWay> oneWay;
    std::vector<float> speed;
    std::vector<char> usable;
};

FeatureRules featureRules(const RoadLines &lines, const Profile &profile, RoadGraphReport &report)
{
    // Per distinct value: class exclusion and speed, speed override, one-way.
    constexpr double kNoSpeed = -1;
    const auto &classes = lines.roadClass.values;
    std::vector<char> classExcluded(classes.size(), 0);
    std::vector<double> classSpeed(classes.size());
    for (std::size_t v = 0; v < classes.size(); ++v) {
        const QString cls = classes[v].toString();
        classExcluded[v] = lines.roadClass.present() && profile.excludes(cls) ? 1 : 0;
        classSpeed[v] = profile.classSpeed(cls);
    }
    std::vector<double> speedValue(lines.speed.values.size(), kNoSpeed); // kNoSpeed: null; 0: unusable
    for (std::size_t v = 1; v < lines.speed.values.size(); ++v) {
        const QVariant &x = lines.speed.values[v];
        bool ok = false;
        double s = x.toDouble(&ok) / 3.6;
        if (!ok)
            s = parseMaxspeed(x.toString());
        speedValue[v] = s > 0 && std::isfinite(s) ? s : 0.0;
    }
    const bool readOneway = lines.oneway.present() && profile.obeysOneWay();
    std::vector<OneWay> wayValue(lines.oneway.values.size(), OneWay::Both);
    std::vector<char> wayKnown(lines.oneway.values.size(), 1);
    for (std::size_t v = 0; readOneway && v < wayValue.size(); ++v) {
        bool recognised = true;
        wayValue[v] = parseOneWay(lines.oneway.values[v], &recognised);
        wayKnown[v] = recognised ? 1 : 0;
    }

    // Per feature: usable?, one-way, speed.
    const std::size_t nf = lines.featureCount;
    report.features = qint64(nf);
    FeatureRules out;
    std::vector<OneWay> &featureOneWay = out.oneWay;
    std::vector<float> &featureSpeed = out.speed;
    std::vector<char> &usable = out.usable;
    featureOneWay.assign(nf, OneWay::Both);
    featureSpeed.assign(nf, float(profile.defaultSpeed()));
    usable.assign(nf, 1);
    for (std::size_t i = 0; i < nf; ++i) {
        const std::uint32_t c = lines.roadClass.index[i];
        if (classExcluded[c]) {
            usable[i] = 0;
            ++report.excludedByClass;
            continue;
        }
        double speed = classSpeed[c];
        if (lines.speed.present()) {
            const double s = speedValue[lines.speed.index[i]];
            if (s > 0)
                speed = s;
            else if (s == 0)
                ++report.badSpeed;
        }
        featureSpeed[i] = float(speed);
        if (readOneway) {
            const std::uint32_t w = lines.oneway.index[i];
            report.unknownOneWay += wayKnown[w] ? 0 : 1;
            if (wayValue[w] == OneWay::Closed) {
                usable[i] = 0;
                ++report.closedByOneWay;
                continue;
            }
            featureOneWay[i] = wayValue[w];
        }
    }
    return out;
}

// The graph from the topology: the nodes the links use, renumbered in Hilbert order;
// the links with their lengths and travel times (the features' speeds and one-way
// rules); the arcs (CSR). `nodes`: how many nodes the graph has.
std::shared_ptr<RoadGraph::Data> assemble(detail::Topology topology, const Crs &crs, const Profile &profile, double toUnit,
                                          const FeatureRules &rules, std::size_t &nodes)
{
    std::vector<QPointF> &nodePos = topology.nodePos;
    std::vector<detail::RawLink> &raw = topology.raw;
    std::vector<QPointF> &pts = topology.pts;
    const std::vector<OneWay> &featureOneWay = rules.oneWay;
    const std::vector<float> &featureSpeed = rules.speed;
    // Nodes actually used, renumbered in Hilbert order.
    std::vector<std::uint32_t> used;
    {
        std::vector<char> isUsed(nodePos.size(), 0);
        for (const detail::RawLink &l : raw)
            isUsed[l.from] = isUsed[l.to] = 1;
        for (std::uint32_t c = 0; c < nodePos.size(); ++c)
            if (isUsed[c])
                used.push_back(c);
    }
    const std::vector<std::uint32_t> order = hilbertOrder(used.size(), [&](std::size_t k) { return nodePos[used[k]]; });
    std::vector<std::uint32_t> newId(nodePos.size(), 0xFFFFFFFFu);
    auto data = std::make_shared<RoadGraph::Data>();
    data->crs = crs;
    data->profileName = profile.name();
    data->accessMeters = profile.accessMeters();
    data->snapSpeed = profile.snapSpeed();
    // Filled here, then handed to the graph's arrays.
    std::vector<double> nodeX, nodeY;
    std::vector<std::uint32_t> firstArc, arcTarget, arcLink, linkFrom, linkTo, linkFeature, linkFirstPoint;
    std::vector<float> arcSeconds, arcMeters, linkMeters, linkSecondsForward, linkSecondsBackward;
    std::vector<QPointF> points;
    nodeX.resize(used.size());
    nodeY.resize(used.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::uint32_t c = used[order[k]];
        newId[c] = std::uint32_t(k);
        nodeX[k] = nodePos[c].x();
        nodeY[k] = nodePos[c].y();
    }

    // Links in the order they were made (parts in spatial order), their points already
    // one after another in pts: those become the graph's points as they are.
    const std::size_t nl = raw.size();
    linkFrom.resize(nl);
    linkTo.resize(nl);
    linkMeters.resize(nl);
    linkSecondsForward.resize(nl);
    linkSecondsBackward.resize(nl);
    linkFeature.resize(nl);
    linkFirstPoint.resize(nl + 1);
    std::vector<std::uint32_t> outDegree(used.size() + 1, 0);
    for (std::size_t l = 0; l < nl; ++l) {
        const detail::RawLink &r = raw[l];
        Q_ASSERT(r.firstPoint == (l == 0 ? 0 : raw[l - 1].firstPoint + raw[l - 1].pointCount));
        linkFrom[l] = newId[r.from];
        linkTo[l] = newId[r.to];
        linkFeature[l] = r.feature;
        linkFirstPoint[l] = r.firstPoint;
        const double meters = detail::polylineLength(pts.data() + r.firstPoint, r.pointCount) * toUnit;
        linkMeters[l] = float(meters);
        const OneWay w = featureOneWay[r.feature];
        const float secs = float(meters / featureSpeed[r.feature]);
        linkSecondsForward[l] = (w == OneWay::Both || w == OneWay::Forward) ? secs : kInf;
        linkSecondsBackward[l] = (w == OneWay::Both || w == OneWay::Backward) ? secs : kInf;
        if (linkFrom[l] == linkTo[l])
            continue; // loops carry no arc
        if (std::isfinite(linkSecondsForward[l]))
            ++outDegree[linkFrom[l] + 1];
        if (std::isfinite(linkSecondsBackward[l]))
            ++outDegree[linkTo[l] + 1];
    }
    linkFirstPoint[nl] = std::uint32_t(pts.size());
    points = std::move(pts);
    // The working copies are done with: free them before the arcs (peak memory).
    std::vector<detail::RawLink>().swap(raw);
    std::vector<QPointF>().swap(nodePos);
    std::vector<std::uint32_t>().swap(newId);
    std::partial_sum(outDegree.begin(), outDegree.end(), outDegree.begin());
    firstArc = std::move(outDegree);
    const std::size_t na = firstArc.back();
    arcTarget.resize(na);
    arcLink.resize(na);
    arcSeconds.resize(na);
    arcMeters.resize(na);
    std::vector<std::uint32_t> fill(firstArc.begin(), firstArc.end() - 1);
    for (std::size_t l = 0; l < nl; ++l) {
        const std::uint32_t a = linkFrom[l], b = linkTo[l];
        if (a == b)
            continue;
        if (std::isfinite(linkSecondsForward[l])) {
            const std::uint32_t k = fill[a]++;
            arcTarget[k] = b;
            arcLink[k] = std::uint32_t(l);
            arcSeconds[k] = linkSecondsForward[l];
            arcMeters[k] = linkMeters[l];
        }
        if (std::isfinite(linkSecondsBackward[l])) {
            const std::uint32_t k = fill[b]++;
            arcTarget[k] = a;
            arcLink[k] = std::uint32_t(l) | RoadGraph::kBackward;
            arcSeconds[k] = linkSecondsBackward[l];
            arcMeters[k] = linkMeters[l];
        }
    }
    data->nodeX = std::move(nodeX);
    data->nodeY = std::move(nodeY);
    data->firstArc = std::move(firstArc);
    data->arcTarget = std::move(arcTarget);
    data->arcLink = std::move(arcLink);
    data->arcSeconds = std::move(arcSeconds);
    data->arcMeters = std::move(arcMeters);
    data->linkFrom = std::move(linkFrom);
    data->linkTo = std::move(linkTo);
    data->linkMeters = std::move(linkMeters);
    data->linkSecondsForward = std::move(linkSecondsForward);
    data->linkSecondsBackward = std::move(linkSecondsBackward);
    data->linkFeature = std::move(linkFeature);
    data->linkFirstPoint = std::move(linkFirstPoint);
    data->points = std::move(points);
    nodes = used.size();
    return data;
}

} // namespace

QStringList RoadGraphReport::messages() const
{
    QStringList out;
    auto add = [&](qint64 n, const QString &what) {
        if (n > 0)
            out << QStringLiteral("%1 %2").arg(n).arg(what);
    };
    add(skippedGeometry, QStringLiteral("road features without a usable line geometry skipped (null, empty, not a line, "
                                        "bad coordinates or unreadable)"));
    add(excludedByClass, QStringLiteral("road features excluded by the profile (road class)"));
    add(closedByOneWay, QStringLiteral("road features closed by their one-way value"));
    add(unknownOneWay, QStringLiteral("one-way values not understood (taken as two-way)"));
    add(badSpeed, QStringLiteral("speed values missing, ≤ 0 or unreadable (class or default speed used)"));
    add(zeroLength, QStringLiteral("zero-length road pieces dropped"));
    add(missingNodeIds, QStringLiteral("road features without from/to node ids skipped"));
    qint64 excluded = 0;
    for (const ExcludedWays &e : excludedWays)
        excluded += e.ways;
    add(excluded, QStringLiteral("OSM ways left out by the profile's OSM rules (railways, walls, private roads…; "
                                 "network-check lists them by reason)"));
    return out;
}

RoadGraph RoadGraphBuilder::build(const VectorLayer &lines, const RoadGraphOptions &options, Feedback *feedback, RoadGraphReport *reportOut)
{
    return build(RoadLines::fromLayer(lines, options), options, feedback, reportOut);
}

RoadGraph RoadGraphBuilder::build(RoadLines lines, const RoadGraphOptions &options, Feedback *feedback, RoadGraphReport *reportOut)
{
    QElapsedTimer timer;
    timer.start();
    RoadGraphReport local;
    RoadGraphReport &report = reportOut ? *reportOut : local;
    const QString display = lines.display;
    checkLines(lines, options.profile, report);
    const Profile &profile = options.profile;
    const double toUnit = lines.crs.isValid() && lines.crs.metresPerUnit() > 0 ? lines.crs.metresPerUnit() : 1.0;
    const double tol = std::max(options.toleranceMeters, 1e-9) / toUnit;
    report.onewayField = lines.oneway.name;
    report.classField = lines.roadClass.name;
    report.speedField = lines.speed.name;
    const bool useNodeFields = lines.fromNode.present() && lines.toNode.present();

    const std::size_t nf = lines.featureCount;
    const FeatureRules rules = featureRules(lines, profile, report);
    // The per-feature attribute indexes are done with (all five are feature-long, read
    // or not; the node ids only serve the node-field topology below): 18 MB at 0.9 M.
    for (RoadLines::Column *c : {&lines.roadClass, &lines.oneway, &lines.speed})
        std::vector<std::uint32_t>().swap(c->index);
    if (!useNodeFields)
        for (RoadLines::Column *c : {&lines.fromNode, &lines.toNode})
            std::vector<std::uint32_t>().swap(c->index);
    if (feedback) {
        feedback->throwIfCanceled();
        feedback->setProgress(10);
    }

    // Topology.
    detail::Topology topology = useNodeFields ? detail::topologyFromNodeIds(lines, rules.usable, report)
                                              : detail::topologyFromVertices(lines, rules.usable, tol, feedback, report);
    const Crs crs = lines.crs;
    lines = RoadLines(); // the source arrays are no longer needed: free them before the graph's
    if (topology.raw.empty())
        throw InvalidInput(fileMessage(display, QStringLiteral("no usable road for profile '%1' (%2 features; %3)")
                                                    .arg(profile.name()).arg(nf).arg(report.messages().join(QStringLiteral("; ")))));
    if (feedback) {
        feedback->throwIfCanceled();
        feedback->setProgress(60);
    }

    std::size_t nodes = 0;
    const std::size_t nl = topology.raw.size();
    std::shared_ptr<RoadGraph::Data> data = assemble(std::move(topology), crs, profile, toUnit, rules, nodes);
    report.nodes = int(nodes);
    report.links = int(nl);
    report.buildSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (feedback)
        feedback->setProgress(100);
    return RoadGraph(std::move(data));
}

VectorLayer RoadGraphBuilder::loadLines(const RoadGraphOptions &options, Feedback *feedback)
{
    const bool osm = OsmSource::isOsmFile(options.source.path);
    LoadOptions lo;
    lo.assumedCrs = options.assumedCrs;
    lo.targetCrs = options.crs;
    lo.repairInvalid = false;
    VectorLayer layer;
    if (osm) {
        DataSource src = options.source;
        if (src.layer.isEmpty())
            src.layer = QStringLiteral("lines");
        layer = OsmSource::loadLayer(src, lo, feedback);
    } else {
        layer = VectorLayer::load(options.source, lo, feedback);
    }
    if (layer.crs().isValid() && layer.crs().isGeographic())
        layer = layer.reprojected(metricCrsFor(layer.crs(), layer.extent()));
    return layer;
}

RoadGraph RoadGraphBuilder::open(const RoadGraphOptions &options, Feedback *feedback, RoadGraphReport *reportOut)
{
    RoadGraphReport local;
    RoadGraphReport &report = reportOut ? *reportOut : local;
    QElapsedTimer timer;
    timer.start();
    if (options.source.layer.isEmpty() && streamable(options.source.path))
        (void)FeatureStream::fieldNames(options.source); // a cached graph too: never the first of several layers
    const QByteArray key = options.useCache ? GraphCache::key(options) : QByteArray();
    const QString cacheFile = key.isEmpty() ? QString() : GraphCache::fileFor(options, key);
    if (!key.isEmpty()) {
        if (std::optional<RoadGraph> cached = GraphCache::load(cacheFile, key, feedback)) {
            report.fromCache = true;
            report.cacheFile = cacheFile;
            report.nodes = cached->nodeCount();
            report.links = cached->linkCount();
            report.buildSeconds = double(timer.nsecsElapsed()) / 1e9;
            return *cached;
        }
    }
    RoadGraph graph;
    // A converted OSM extract (OSM fields in a GeoPackage...) goes through the OSM rules
    // like the file itself: RoadLines::fromLayer (the streamed reader knows none).
    const bool osmRules = !options.profile.osmRules().isEmpty();
    if (streamable(options.source.path) && !(osmRules && OsmSource::isOsmSource(options.source))) {
        graph = build(RoadLines::read(options, feedback), options, feedback, &report);
    } else if (OsmSource::isOsmFile(options.source.path) && osmRules
               && (options.source.layer.isEmpty() || options.source.layer == QLatin1String("lines"))) {
        const OsmSource::Ways ways = OsmSource::loadWays(options, feedback);
        graph = build(OsmSource::roadLines(ways.lines, &ways.areas, options), options, feedback, &report);
    } else {
        graph = build(loadLines(options, feedback), options, feedback, &report);
    }
    report.buildSeconds = double(timer.nsecsElapsed()) / 1e9;
    // A graph built without some features is not cached: a cached graph could not say
    // which were dropped, and every run must (RoadGraphReport::dropped).
    if (!key.isEmpty() && report.skippedGeometry == 0) {
        // Written while the caller goes on; a failure is a warning (GraphCache::finishSave).
        report.cacheSave = GraphCache::saveInBackground(graph, cacheFile, key);
        report.cacheFile = cacheFile;
    }
    return graph;
}

} // namespace refuge
