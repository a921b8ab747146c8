#include "network/RoadGraphBuilder.h"
#include "geom/Hilbert.h"
#include "network/GraphCache.h"
#include "network/OsmSource.h"
#include "network/RoadGraphSource.h"
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

// Open-addressing hash from grid cell to vertex cluster. Most lookups are of the empty
// cells around a new vertex: a small bit filter (cache-resident, 8 bits per entry)
// answers those without touching the big table.
class CellMap {
public:
    explicit CellMap(std::size_t expected)
    {
        std::size_t cap = 16;
        while (cap < expected * 2)
            cap <<= 1;
        m_keys.assign(cap, kEmpty);
        m_values.resize(cap);
        m_filterBits = 10;
        while ((std::size_t(1) << m_filterBits) < expected * 8 && m_filterBits < 26)
            ++m_filterBits;
        m_filter.assign((std::size_t(1) << m_filterBits) / 64, 0);
    }
    std::uint32_t find(std::uint64_t key) const
    {
        const std::uint64_t f = filterBit(key);
        if ((m_filter[f >> 6] & (std::uint64_t(1) << (f & 63))) == 0)
            return kNone;
        for (std::size_t i = slot(key);; i = (i + 1) & (m_keys.size() - 1)) {
            if (m_keys[i] == key)
                return m_values[i];
            if (m_keys[i] == kEmpty)
                return kNone;
        }
    }
    void insert(std::uint64_t key, std::uint32_t value)
    {
        if ((m_size + 1) * 2 > m_keys.size())
            grow();
        const std::uint64_t f = filterBit(key);
        m_filter[f >> 6] |= std::uint64_t(1) << (f & 63);
        for (std::size_t i = slot(key);; i = (i + 1) & (m_keys.size() - 1)) {
            if (m_keys[i] == key)
                return;
            if (m_keys[i] == kEmpty) {
                m_keys[i] = key;
                m_values[i] = value;
                ++m_size;
                return;
            }
        }
    }
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

private:
    static constexpr std::uint64_t kEmpty = ~std::uint64_t(0);
    std::size_t slot(std::uint64_t k) const { return std::size_t((k * 0x9E3779B97F4A7C15ull) >> 20) & (m_keys.size() - 1); }
    std::uint64_t filterBit(std::uint64_t k) const { return (k * 0xC2B2AE3D27D4EB4Full) >> (64 - m_filterBits); }
    void grow()
    {
        std::vector<std::uint64_t> keys = std::move(m_keys);
        std::vector<std::uint32_t> values = std::move(m_values);
        m_keys.assign(keys.size() * 2, kEmpty);
        m_values.assign(keys.size() * 2, 0);
        m_size = 0;
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i] != kEmpty)
                insert(keys[i], values[i]);
    }
    std::vector<std::uint64_t> m_keys;
    std::vector<std::uint32_t> m_values;
    std::vector<std::uint64_t> m_filter;
    int m_filterBits = 10;
    std::size_t m_size = 0;
};

struct RawLink {
    std::uint32_t from, to, feature;
    std::uint32_t firstPoint, pointCount; // into the builder's point buffer
};

double polylineLength(const QPointF *p, std::size_t n)
{
    double s = 0;
    for (std::size_t i = 1; i < n; ++i) {
        // sqrt, not std::hypot (several times slower): street coordinates are far from
        // overflow, and a length is kept as a float.
        const double dx = p[i].x() - p[i - 1].x(), dy = p[i].y() - p[i - 1].y();
        s += std::sqrt(dx * dx + dy * dy);
    }
    return s;
}

// The parts `starts` (indices into lines' parts) in the Hilbert order of their first
// points: links made in that order sit near their neighbours in memory, and the points
// written for them are already the graph's (no reordering copy).
std::vector<std::uint32_t> spatialOrder(std::vector<std::uint32_t> starts, const RoadLines &lines)
{
    if (starts.empty() || lines.points.empty())
        return starts;
    // (A part with no point of its own, last in the layer, takes the last point.)
    auto firstPoint = [&](std::size_t i) {
        return lines.points[std::min<std::size_t>(lines.partFirst[starts[i]], lines.points.size() - 1)];
    };
    std::vector<std::uint32_t> out;
    out.reserve(starts.size());
    for (const std::uint32_t i : hilbertOrder(starts.size(), firstPoint))
        out.push_back(starts[i]);
    return out;
}

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
    report.skippedGeometry = lines.skippedGeometry;
    report.excludedWays = lines.excluded;
    if (lines.featureCount == 0 && !lines.excluded.isEmpty()) {
        QStringList reasons;
        for (auto it = lines.excluded.begin(); it != lines.excluded.end(); ++it)
            reasons << QStringLiteral("%1: %2").arg(it.key()).arg(it->ways);
        throw InvalidInput(fileMessage(display, QStringLiteral("no way the profile '%1' may use (left out: %2)")
                                                    .arg(options.profile.name(), reasons.join(QStringLiteral(", ")))));
    }
    report.dropped = lines.dropped;
    if (lines.featureCount == 0)
        throw InvalidInput(fileMessage(display, lines.skippedGeometry > 0
                                                    ? QStringLiteral("no usable line in the network layer (%1 features without a usable line geometry)")
                                                          .arg(lines.skippedGeometry)
                                                    : QStringLiteral("the network layer is empty")));
    if (lines.crs.isValid() && lines.crs.isGeographic())
        throw CrsError(fileMessage(display, QStringLiteral("the network must be in a metric CRS to build a graph (got %1)").arg(lines.crs.label())));
    const Profile &profile = options.profile;
    const double toUnit = lines.crs.isValid() && lines.crs.metresPerUnit() > 0 ? lines.crs.metresPerUnit() : 1.0;
    const double tol = std::max(options.toleranceMeters, 1e-9) / toUnit;
    report.onewayField = lines.oneway.name;
    report.classField = lines.roadClass.name;
    report.speedField = lines.speed.name;
    const bool useNodeFields = lines.fromNode.present() && lines.toNode.present();

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
    std::vector<OneWay> featureOneWay(nf, OneWay::Both);
    std::vector<float> featureSpeed(nf, float(profile.defaultSpeed()));
    std::vector<char> usable(nf, 1);
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
    std::vector<QPointF> nodePos;  // per cluster / node id
    std::vector<RawLink> raw;
    std::vector<QPointF> pts;      // link points
    const std::size_t totalVertices = lines.points.size();
    const std::size_t np = lines.partCount();
    raw.reserve(nf);
    if (useNodeFields) {
        std::vector<std::uint32_t> valueNode(lines.fromNode.values.size(), 0xFFFFFFFFu);
        auto nodeId = [&](std::uint32_t value, QPointF p) {
            if (valueNode[value] == 0xFFFFFFFFu) {
                valueNode[value] = std::uint32_t(nodePos.size());
                nodePos.push_back(p);
            }
            return valueNode[value];
        };
        // The feature's parts are consecutive: its points run from its first part's start
        // to its last part's end. Features taken in the order of their first points.
        std::vector<std::uint32_t> featureStarts;
        std::size_t usableVertices = 0;
        for (std::size_t k = 0; k < np; ++k) {
            if (!usable[lines.partFeature[k]])
                continue;
            usableVertices += lines.partFirst[k + 1] - lines.partFirst[k];
            if (k == 0 || lines.partFeature[k] != lines.partFeature[k - 1])
                featureStarts.push_back(std::uint32_t(k));
        }
        pts.reserve(usableVertices);
        for (const std::uint32_t k : spatialOrder(std::move(featureStarts), lines)) {
            const std::uint32_t i = lines.partFeature[k];
            std::size_t e = k + 1;
            while (e < np && lines.partFeature[e] == i)
                ++e;
            const QPointF *gp = lines.points.data() + lines.partFirst[k];
            const std::size_t gn = lines.partFirst[e] - lines.partFirst[k];
            const std::uint32_t a = lines.fromNode.index[i], b = lines.toNode.index[i];
            if (a == 0 || b == 0 || gn < 2) {
                ++report.missingNodeIds;
                continue;
            }
            const auto first = std::uint32_t(pts.size());
            for (std::size_t j = 0; j < gn; ++j)
                if (pts.size() == first || pts.back() != gp[j])
                    pts.push_back(gp[j]);
            const auto count = std::uint32_t(pts.size() - first);
            if (count < 2) {
                pts.resize(first);
                ++report.zeroLength;
                continue;
            }
            raw.push_back({nodeId(a, gp[0]), nodeId(b, gp[gn - 1]), i, first, count});
        }
    } else {
        // Cluster every vertex on a grid of cell size = tolerance.
        std::vector<std::uint32_t> vertexCluster(totalVertices);
        std::vector<std::uint32_t> clusterUse;
        {
            CellMap cells(totalVertices / 2 + 16);
            const double tol2 = tol * tol;
            // Offset so no reachable cell maps to the hash's empty marker (all bits set).
            auto cellKey = [](std::int64_t ix, std::int64_t iy) {
                return (std::uint64_t(std::uint32_t(ix + 0x40000000)) << 32) | std::uint64_t(std::uint32_t(iy + 0x40000000));
            };
            for (std::size_t v = 0; v < totalVertices; ++v) {
                const QPointF p = lines.points[v];
                const auto ix = std::int64_t(std::floor(p.x() / tol)), iy = std::int64_t(std::floor(p.y() / tol));
                std::uint32_t c = cells.find(cellKey(ix, iy));
                if (c != CellMap::kNone) {
                    const QPointF q = nodePos[c];
                    if ((q.x() - p.x()) * (q.x() - p.x()) + (q.y() - p.y()) * (q.y() - p.y()) > tol2)
                        c = CellMap::kNone;
                }
                for (std::int64_t dx = -1; c == CellMap::kNone && dx <= 1; ++dx)
                    for (std::int64_t dy = -1; c == CellMap::kNone && dy <= 1; ++dy) {
                        const std::uint32_t cand = cells.find(cellKey(ix + dx, iy + dy));
                        if (cand == CellMap::kNone)
                            continue;
                        const QPointF q = nodePos[cand];
                        if ((q.x() - p.x()) * (q.x() - p.x()) + (q.y() - p.y()) * (q.y() - p.y()) <= tol2)
                            c = cand;
                    }
                if (c == CellMap::kNone) {
                    c = std::uint32_t(nodePos.size());
                    nodePos.push_back(p);
                    clusterUse.push_back(0);
                    cells.insert(cellKey(ix, iy), c);
                }
                vertexCluster[v] = c;
            }
        }
        // Uses: endpoints count twice so they are always nodes.
        for (std::size_t k = 0; k < np; ++k) {
            if (!usable[lines.partFeature[k]])
                continue;
            const std::uint32_t b = lines.partFirst[k], e = lines.partFirst[k + 1];
            for (std::uint32_t v = b; v < e; ++v)
                clusterUse[vertexCluster[v]] += (v == b || v + 1 == e) ? 2 : 1;
        }
        if (feedback) {
            feedback->throwIfCanceled();
            feedback->setProgress(40);
        }
        // Only node clusters (line ends and shared vertices: used twice or more) need a
        // position from here on. Most clusters are single interior vertices: number the
        // nodes 0..n-1 and drop the other positions (-50 MB at 0.9 M links).
        std::vector<std::uint32_t> nodeOf(nodePos.size(), CellMap::kNone);
        {
            std::size_t nodeCount = 0;
            for (const std::uint32_t use : clusterUse)
                nodeCount += use >= 2;
            std::vector<QPointF> nodes;
            nodes.reserve(nodeCount);
            for (std::uint32_t c = 0; c < nodePos.size(); ++c) {
                if (clusterUse[c] >= 2) {
                    nodeOf[c] = std::uint32_t(nodes.size());
                    nodes.push_back(nodePos[c]);
                }
            }
            nodePos = std::move(nodes);
            std::vector<std::uint32_t>().swap(clusterUse);
        }
        // Each vertex's cluster, in place: its node, or kInterior | cluster for the other
        // clusters (still told apart, to drop repeated vertices). nodeOf is done with.
        constexpr std::uint32_t kInterior = 0x80000000u;
        if (nodeOf.size() >= kInterior)
            throw InvalidInput(fileMessage(display, QStringLiteral("too many vertices for one network (%1)").arg(nodeOf.size())));
        for (std::uint32_t &c : vertexCluster)
            c = nodeOf[c] != CellMap::kNone ? nodeOf[c] : (kInterior | c);
        std::vector<std::uint32_t>().swap(nodeOf);
        // Cut lines at node vertices. Each cut repeats its node as the next piece's first
        // point, and one dangling point is pushed at the end: room for exactly that, so
        // the buffer never reallocates (a reallocation doubled it: +29 MB at 0.9 M links).
        // The buffer becomes the graph's points: room for the usable parts only.
        std::size_t usableVertices = 0, interiorNodes = 0;
        std::vector<std::uint32_t> partStarts;
        partStarts.reserve(np);
        for (std::size_t k = 0; k < np; ++k) {
            if (!usable[lines.partFeature[k]] || lines.partFirst[k + 1] - lines.partFirst[k] < 2)
                continue;
            partStarts.push_back(std::uint32_t(k));
            usableVertices += lines.partFirst[k + 1] - lines.partFirst[k];
            for (std::uint32_t v = lines.partFirst[k] + 1; v + 1 < lines.partFirst[k + 1]; ++v)
                interiorNodes += (vertexCluster[v] & kInterior) == 0;
        }
        pts.reserve(usableVertices + interiorNodes + 1);
        for (const std::uint32_t k : spatialOrder(std::move(partStarts), lines)) {
            const std::uint32_t i = lines.partFeature[k];
            const std::uint32_t base = lines.partFirst[k];
            const int n = int(lines.partFirst[k + 1] - base);
            const QPointF *gp = lines.points.data() + base;
            if (!usable[i] || n < 2)
                continue;
            // A line's ends are always nodes (they count two uses).
            std::uint32_t startNode = vertexCluster[base];
            auto first = std::uint32_t(pts.size());
            pts.push_back(nodePos[startNode]);
            std::uint32_t prevCluster = startNode;
            for (int j = 1; j < n; ++j) {
                const std::uint32_t c = vertexCluster[base + std::uint32_t(j)];
                if (c == prevCluster)
                    continue; // repeated vertex (endpoint clusters are always nodes)
                prevCluster = c;
                const bool isNode = (c & kInterior) == 0;
                pts.push_back(isNode ? nodePos[c] : gp[j]);
                if (!isNode)
                    continue;
                const auto count = std::uint32_t(pts.size() - first);
                if (c == startNode && polylineLength(pts.data() + first, count) < tol) {
                    ++report.zeroLength;
                    pts.resize(first);
                } else {
                    raw.push_back({startNode, c, i, first, count});
                }
                startNode = c;
                first = std::uint32_t(pts.size());
                pts.push_back(nodePos[c]);
            }
            pts.resize(first); // the dangling start point of the next piece
        }
    }
    const Crs crs = lines.crs;
    lines = RoadLines(); // the source arrays are no longer needed: free them before the graph's
    if (raw.empty())
        throw InvalidInput(fileMessage(display, QStringLiteral("no usable road for profile '%1' (%2 features; %3)")
                                                    .arg(profile.name()).arg(nf).arg(report.messages().join(QStringLiteral("; ")))));
    if (feedback) {
        feedback->throwIfCanceled();
        feedback->setProgress(60);
    }

    // Nodes actually used, renumbered in Hilbert order.
    std::vector<std::uint32_t> used;
    {
        std::vector<char> isUsed(nodePos.size(), 0);
        for (const RawLink &l : raw)
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
        const RawLink &r = raw[l];
        Q_ASSERT(r.firstPoint == (l == 0 ? 0 : raw[l - 1].firstPoint + raw[l - 1].pointCount));
        linkFrom[l] = newId[r.from];
        linkTo[l] = newId[r.to];
        linkFeature[l] = r.feature;
        linkFirstPoint[l] = r.firstPoint;
        const double meters = polylineLength(pts.data() + r.firstPoint, r.pointCount) * toUnit;
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
    std::vector<RawLink>().swap(raw);
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
    report.nodes = int(used.size());
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
