// The topology step of RoadGraphBuilder::build (see RoadGraphTopology.h).
#include "network/RoadGraphTopology.h"
#include "geom/Hilbert.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <algorithm>
#include <cmath>

namespace refuge::detail {

namespace {

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

} // namespace

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

Topology topologyFromNodeIds(const RoadLines &lines, const std::vector<char> &usable, RoadGraphReport &report)
{
    Topology t;
    std::vector<QPointF> &nodePos = t.nodePos;
    std::vector<RawLink> &raw = t.raw;
    std::vector<QPointF> &pts = t.pts;
    const std::size_t np = lines.partCount();
    raw.reserve(lines.featureCount);
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
    return t;
}

Topology topologyFromVertices(const RoadLines &lines, const std::vector<char> &usable, double tol, Feedback *feedback,
                              RoadGraphReport &report)
{
    Topology t;
    std::vector<QPointF> &nodePos = t.nodePos;
    std::vector<RawLink> &raw = t.raw;
    std::vector<QPointF> &pts = t.pts;
    const std::size_t totalVertices = lines.points.size();
    const std::size_t np = lines.partCount();
    raw.reserve(lines.featureCount);
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
        throw InvalidInput(fileMessage(lines.display, QStringLiteral("too many vertices for one network (%1)").arg(nodeOf.size())));
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
    return t;
}

} // namespace refuge::detail
