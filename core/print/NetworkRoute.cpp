#include "print/NetworkRoute.h"

#include "network/ShortestPathTree.h"

#include <QSet>
#include <algorithm>
#include <cmath>

namespace refuge {
namespace {

// A piece of a link walked from metres a to b (b < a: against its digitised direction).
struct Piece {
    int link;
    double a, b;
};

bool near(double x, double y) { return std::abs(x - y) <= 1e-4 * std::max(std::abs(x), std::abs(y)) + 0.01; }

} // namespace

NetworkRoute::NetworkRoute(RoadGraph graph, double snapMaxMeters)
    : m_graph(std::move(graph)), m_snapper(std::make_shared<Snapper>(m_graph)), m_snapMax(snapMaxMeters)
{
    const int nodes = m_graph.nodeCount(), links = m_graph.linkCount();
    m_nodeFirst.assign(std::size_t(nodes) + 1, 0);
    for (int l = 0; l < links; ++l)
        if (m_graph.linkFrom(l) != m_graph.linkTo(l)) {
            ++m_nodeFirst[std::size_t(m_graph.linkFrom(l)) + 1];
            ++m_nodeFirst[std::size_t(m_graph.linkTo(l)) + 1];
        }
    for (int n = 0; n < nodes; ++n)
        m_nodeFirst[std::size_t(n) + 1] += m_nodeFirst[std::size_t(n)];
    m_nodeLinks.resize(m_nodeFirst.back());
    std::vector<std::uint32_t> fill(m_nodeFirst.begin(), m_nodeFirst.end() - 1);
    for (int l = 0; l < links; ++l)
        if (m_graph.linkFrom(l) != m_graph.linkTo(l)) {
            m_nodeLinks[fill[std::size_t(m_graph.linkFrom(l))]++] = std::uint32_t(l);
            m_nodeLinks[fill[std::size_t(m_graph.linkTo(l))]++] = std::uint32_t(l);
        }
}

namespace {

// The pieces from the start (snapped at `s`) to node v, in walking order; false when
// the tree gives no consistent way back (not reached).
bool traceToNode(const ShortestPathTree &tree, const SnappedPoint &s, int v, const std::vector<std::uint32_t> &first,
                 const std::vector<std::uint32_t> &links, std::vector<Piece> &out)
{
    const RoadGraph &g = tree.graph();
    const double len = g.linkMeters(s.link);
    std::vector<Piece> back;
    QSet<int> seen;
    for (int cur = v; !seen.contains(cur); ) {
        seen.insert(cur);
        const double c = tree.nodeCost(cur);
        if (!std::isfinite(c))
            return false;
        if (cur == g.linkTo(s.link) && std::isfinite(tree.linkCost(s.link, false)) && near(c, len - s.offsetMeters)) {
            back.push_back({s.link, s.offsetMeters, len});
            break;
        }
        if (cur == g.linkFrom(s.link) && std::isfinite(tree.linkCost(s.link, true)) && near(c, s.offsetMeters)) {
            back.push_back({s.link, s.offsetMeters, 0});
            break;
        }
        int next = -1;
        for (std::uint32_t i = first[std::size_t(cur)]; i < first[std::size_t(cur) + 1] && next < 0; ++i) {
            const int l = int(links[i]);
            const bool backward = g.linkTo(l) != cur; // walking u → cur
            const int u = backward ? g.linkTo(l) : g.linkFrom(l);
            const double lc = tree.linkCost(l, backward);
            if (std::isfinite(lc) && tree.nodeCost(u) <= c && near(double(tree.nodeCost(u)) + lc, c) && !seen.contains(u)) {
                back.push_back(backward ? Piece{l, g.linkMeters(l), 0} : Piece{l, 0, g.linkMeters(l)});
                next = u;
            }
        }
        if (next < 0)
            return false;
        cur = next;
    }
    out.assign(back.rbegin(), back.rend());
    return true;
}

// The pieces from s to t: along their common link, or through one of t's link ends.
bool tracePieces(const ShortestPathTree &tree, const SnappedPoint &s, const SnappedPoint &t, const std::vector<std::uint32_t> &first,
                 const std::vector<std::uint32_t> &links, std::vector<Piece> &out)
{
    const RoadGraph &g = tree.graph();
    const int l = t.link;
    const double len = g.linkMeters(l);
    const bool fwdOk = std::isfinite(tree.linkCost(l, false)), bwdOk = std::isfinite(tree.linkCost(l, true));
    double best = std::numeric_limits<double>::infinity();
    int via = 0; // 1: direct, 2: from-node, 3: to-node
    if (s.link == l && ((t.offsetMeters >= s.offsetMeters && fwdOk) || (t.offsetMeters <= s.offsetMeters && bwdOk)))
        best = std::abs(t.offsetMeters - s.offsetMeters), via = 1;
    const double viaFrom = fwdOk ? double(tree.nodeCost(g.linkFrom(l))) + t.offsetMeters : best;
    const double viaTo = bwdOk ? double(tree.nodeCost(g.linkTo(l))) + len - t.offsetMeters : best;
    if (viaFrom < best)
        best = viaFrom, via = 2;
    if (viaTo < best)
        best = viaTo, via = 3;
    if (via == 0 || best > tree.options().limit)
        return false;
    if (via == 1) {
        out = {{l, s.offsetMeters, t.offsetMeters}};
        return true;
    }
    if (!traceToNode(tree, s, via == 2 ? g.linkFrom(l) : g.linkTo(l), first, links, out))
        return false;
    out.push_back(via == 2 ? Piece{l, 0, t.offsetMeters} : Piece{l, len, t.offsetMeters});
    return true;
}

Route routeOf(const RoadGraph &g, const std::vector<Piece> &pieces, const SnappedPoint &s, const SnappedPoint &t)
{
    Route r;
    r.points.push_back(s.input);
    r.meters = s.distanceMeters + t.distanceMeters;
    r.seconds = r.meters / g.snapSpeed();
    for (const Piece &p : pieces) {
        std::vector<QPointF> section = g.linkSection(p.link, std::min(p.a, p.b), std::max(p.a, p.b));
        if (p.b < p.a)
            std::reverse(section.begin(), section.end());
        for (const QPointF &q : section)
            if (r.points.back() != q) // consecutive pieces meet at their node
                r.points.push_back(q);
        const double len = g.linkMeters(p.link), walked = std::abs(p.b - p.a);
        r.meters += walked;
        if (len > 0)
            r.seconds += g.linkCost(p.link, p.b < p.a, CostUnit::Seconds) * walked / len;
    }
    if (r.points.back() != t.input)
        r.points.push_back(t.input);
    return r;
}

} // namespace

std::vector<Route> NetworkRoute::routes(QPointF from, const std::vector<QPointF> &to, double maxMeters) const
{
    std::vector<Route> out(to.size());
    const SnappedPoint s = m_snapper->snap(from, m_snapMax);
    if (!s.isSnapped() || to.empty())
        return out;
    RoutingOptions options;
    options.unit = CostUnit::Meters;
    options.limit = maxMeters;
    options.snapLegs = false;
    const ShortestPathTree tree = ShortestPathTree::compute(m_graph, {NetworkSource{s, 0}}, options);
    for (std::size_t i = 0; i < to.size(); ++i) {
        const SnappedPoint t = m_snapper->snap(to[i], m_snapMax);
        std::vector<Piece> pieces;
        if (t.isSnapped() && tracePieces(tree, s, t, m_nodeFirst, m_nodeLinks, pieces))
            out[i] = routeOf(m_graph, pieces, s, t);
    }
    return out;
}

} // namespace refuge
