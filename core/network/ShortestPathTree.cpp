#include "network/ShortestPathTree.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <algorithm>
#include <cmath>

namespace refuge {

namespace {

constexpr double kInfD = std::numeric_limits<double>::infinity();

// 4-ary min-heap of (cost, node) with lazy deletion of stale entries.
class QuadHeap {
public:
    struct Item {
        float cost;
        std::uint32_t node;
    };
    bool empty() const { return m_items.empty(); }
    void reserve(std::size_t n) { m_items.reserve(n); }
    void push(float cost, std::uint32_t node)
    {
        std::size_t i = m_items.size();
        m_items.push_back({cost, node});
        while (i > 0) {
            const std::size_t parent = (i - 1) / 4;
            if (m_items[parent].cost <= cost)
                break;
            m_items[i] = m_items[parent];
            i = parent;
        }
        m_items[i] = {cost, node};
    }
    Item pop()
    {
        const Item top = m_items.front();
        const Item last = m_items.back();
        m_items.pop_back();
        const std::size_t n = m_items.size();
        if (n == 0)
            return top;
        std::size_t i = 0;
        for (;;) {
            const std::size_t c0 = 4 * i + 1;
            if (c0 >= n)
                break;
            std::size_t best = c0;
            const std::size_t end = std::min(c0 + 4, n);
            for (std::size_t c = c0 + 1; c < end; ++c)
                if (m_items[c].cost < m_items[best].cost)
                    best = c;
            if (m_items[best].cost >= last.cost)
                break;
            m_items[i] = m_items[best];
            i = best;
        }
        m_items[i] = last;
        return top;
    }

private:
    std::vector<Item> m_items;
};

// Per thread: node arrays handed back by recycle(), already reset (cost kUnreached,
// source -1), and the settled flags (all 0 between searches).
struct Spare {
    std::vector<float> cost;
    std::vector<std::int32_t> source;
    std::vector<char> done;
};
thread_local Spare t_spare;

} // namespace

// Relies on compute() running until its heap is empty: every node it gave a cost or a
// source is then in m_settled, so resetting those restores the arrays.
void ShortestPathTree::recycle(ShortestPathTree &&tree)
{
    if (tree.m_cost.size() != tree.m_source.size())
        return;
    for (const std::uint32_t node : tree.m_settled) {
        tree.m_cost[node] = kUnreached;
        tree.m_source[node] = -1;
    }
    t_spare.cost = std::move(tree.m_cost);
    t_spare.source = std::move(tree.m_source);
    tree = ShortestPathTree();
}

double ShortestPathTree::legCost(double meters) const
{
    if (!m_options.snapLegs)
        return 0.0;
    return m_options.unit == CostUnit::Seconds ? meters / m_graph.snapSpeed() : meters;
}

double ShortestPathTree::linkCost(int l, bool backward) const
{
    double c = m_graph.linkCost(l, backward, m_options.unit);
    if (!m_options.linkFactors.empty()) {
        const float f = m_options.linkFactors[std::size_t(l)];
        if (!(f > 0) || !std::isfinite(f))
            return kInfD;
        c *= double(f);
    }
    return c;
}

ShortestPathTree ShortestPathTree::compute(RoadGraph graph, std::vector<NetworkSource> sources, RoutingOptions options, Feedback *feedback)
{
    if (!(options.limit > 0))
        throw InvalidInput(QStringLiteral("the cost limit must be > 0 (got %1)").arg(options.limit));
    if (!options.linkFactors.empty() && int(options.linkFactors.size()) != graph.linkCount())
        throw InvalidInput(QStringLiteral("barrier factors do not match the network (%1 links, %2 factors)")
                               .arg(graph.linkCount()).arg(options.linkFactors.size()));
    ShortestPathTree t;
    t.m_graph = std::move(graph);
    t.m_options = std::move(options);
    t.m_sources = std::move(sources);
    const RoadGraph &g = t.m_graph;
    const RoadGraph::Data &d = g.data();
    const std::size_t n = std::size_t(g.nodeCount());
    if (t_spare.cost.size() == n && t_spare.source.size() == n) {
        t.m_cost = std::move(t_spare.cost);
        t.m_source = std::move(t_spare.source);
    } else {
        t.m_cost.assign(n, kUnreached);
        t.m_source.assign(n, -1);
    }
    std::vector<float>().swap(t_spare.cost); // a graph of another size: free them
    std::vector<std::int32_t>().swap(t_spare.source);
    const float limit = float(std::min(t.m_options.limit, double(std::numeric_limits<float>::max())));
    const float *arcCost = t.m_options.unit == CostUnit::Seconds ? d.arcSeconds.data() : d.arcMeters.data();
    const float *factors = t.m_options.linkFactors.empty() ? nullptr : t.m_options.linkFactors.data();

    QuadHeap heap;
    heap.reserve(1024);
    auto offer = [&](std::uint32_t node, double cost, int source) {
        if (!(cost <= double(limit)))
            return;
        const float c = float(cost);
        if (c < t.m_cost[node]) {
            t.m_cost[node] = c;
            t.m_source[node] = source;
            heap.push(c, node);
        } else if (c == t.m_cost[node] && source < t.m_source[node]) {
            t.m_source[node] = source; // ties go to the lower source index
        }
    };
    for (std::size_t s = 0; s < t.m_sources.size(); ++s) {
        const NetworkSource &src = t.m_sources[s];
        if (!src.at.isSnapped())
            continue;
        const int l = src.at.link;
        t.m_linkSources.emplace_back(l, int(s));
        const double c0 = src.startCost + t.legCost(src.at.distanceMeters);
        const double len = g.linkMeters(l);
        const double fwd = t.linkCost(l, false), bwd = t.linkCost(l, true);
        const double toEnd = len > 0 ? (len - src.at.offsetMeters) / len : 0.0;
        const double toStart = len > 0 ? src.at.offsetMeters / len : 0.0;
        // A source at a link end stands on the node, whatever the link's state.
        if (toEnd <= 0)
            offer(std::uint32_t(g.linkTo(l)), c0, int(s));
        else if (std::isfinite(fwd))
            offer(std::uint32_t(g.linkTo(l)), c0 + fwd * toEnd, int(s));
        if (toStart <= 0)
            offer(std::uint32_t(g.linkFrom(l)), c0, int(s));
        else if (std::isfinite(bwd))
            offer(std::uint32_t(g.linkFrom(l)), c0 + bwd * toStart, int(s));
    }
    std::sort(t.m_linkSources.begin(), t.m_linkSources.end());

    const std::uint32_t *firstArc = d.firstArc.data();
    const std::uint32_t *target = d.arcTarget.data();
    const std::uint32_t *arcLink = d.arcLink.data();
    float *cost = t.m_cost.data();
    std::int32_t *source = t.m_source.data();
    int settled = 0;
    std::vector<char> &done = t_spare.done;
    if (done.size() != n)
        done.assign(n, 0);
    // Clears the flags of the settled nodes, also when canceled (an exception).
    struct ClearDone {
        std::vector<char> &done;
        const std::vector<std::uint32_t> *settled;
        void clear()
        {
            if (settled)
                for (const std::uint32_t node : *settled)
                    done[node] = 0;
            settled = nullptr;
        }
        ~ClearDone() { clear(); }
    } clearDone{done, &t.m_settled};
    while (!heap.empty()) {
        const QuadHeap::Item it = heap.pop();
        if (it.cost > cost[it.node] || done[it.node])
            continue; // stale
        t.m_settled.push_back(it.node);
        done[it.node] = 1;
        ++settled;
        if (feedback && (settled & 0xFFFF) == 0) {
            feedback->throwIfCanceled();
            feedback->setProgress(std::min(99.0, 100.0 * double(settled) / double(n)));
        }
        const std::int32_t src = source[it.node];
        for (std::uint32_t a = firstArc[it.node], e = firstArc[it.node + 1]; a < e; ++a) {
            float c = arcCost[a];
            if (factors) {
                const float f = factors[arcLink[a] & RoadGraph::kLinkMask];
                if (!(f > 0) || !std::isfinite(f))
                    continue;
                c *= f;
            }
            const float nc = it.cost + c;
            const std::uint32_t v = target[a];
            if (nc < cost[v] && nc <= limit) {
                cost[v] = nc;
                source[v] = src;
                heap.push(nc, v);
            } else if (nc == cost[v] && src < source[v] && !done[v]) {
                source[v] = src; // ties go to the lower source index
            }
        }
    }
    clearDone.clear();
    t.m_reached = settled;
    if (feedback)
        feedback->setProgress(100);
    return t;
}

double ShortestPathTree::costTo(const SnappedPoint &p, int *sourceOut) const
{
    if (sourceOut)
        *sourceOut = -1;
    if (!p.isSnapped() || m_cost.empty())
        return kInfD;
    const int l = p.link;
    const double len = m_graph.linkMeters(l);
    const double fwd = linkCost(l, false), bwd = linkCost(l, true);
    double best = kInfD;
    int bestSource = -1;
    auto consider = [&](double c, int s) {
        if (c < best || (c == best && s >= 0 && (bestSource < 0 || s < bestSource))) {
            best = c;
            bestSource = s;
        }
    };
    const int a = m_graph.linkFrom(l), b = m_graph.linkTo(l);
    if (std::isfinite(fwd) && std::isfinite(m_cost[std::size_t(a)]))
        consider(double(m_cost[std::size_t(a)]) + (len > 0 ? fwd * p.offsetMeters / len : 0.0), m_source[std::size_t(a)]);
    if (std::isfinite(bwd) && std::isfinite(m_cost[std::size_t(b)]))
        consider(double(m_cost[std::size_t(b)]) + (len > 0 ? bwd * (len - p.offsetMeters) / len : 0.0), m_source[std::size_t(b)]);
    const auto range = std::equal_range(m_linkSources.begin(), m_linkSources.end(), std::pair<int, int>(l, -1),
                                        [](const auto &x, const auto &y) { return x.first < y.first; });
    for (auto it = range.first; it != range.second; ++it) {
        const NetworkSource &s = m_sources[std::size_t(it->second)];
        const double c0 = s.startCost + legCost(s.at.distanceMeters);
        const double ds = s.at.offsetMeters;
        if (ds <= p.offsetMeters && std::isfinite(fwd))
            consider(c0 + (len > 0 ? fwd * (p.offsetMeters - ds) / len : 0.0), it->second);
        if (ds >= p.offsetMeters && std::isfinite(bwd))
            consider(c0 + (len > 0 ? bwd * (ds - p.offsetMeters) / len : 0.0), it->second);
    }
    best += legCost(p.distanceMeters);
    if (!(best <= m_options.limit))
        return kInfD;
    if (sourceOut)
        *sourceOut = bestSource;
    return best;
}

ShortestPathTree::LinkReach ShortestPathTree::linkReach(int l, double limit, int onlySource) const
{
    LinkReach r;
    limit = std::min(limit, m_options.limit);
    const double len = m_graph.linkMeters(l);
    const double fwd = linkCost(l, false), bwd = linkCost(l, true);
    const int a = m_graph.linkFrom(l), b = m_graph.linkTo(l);
    auto reach = [&](int node, double perLink) {
        const double c = m_cost[std::size_t(node)];
        if (!std::isfinite(c) || c > limit || !std::isfinite(perLink))
            return 0.0;
        if (onlySource >= 0 && m_source[std::size_t(node)] != onlySource)
            return 0.0;
        if (perLink <= 0)
            return len;
        return std::min(len, (limit - c) / perLink * len);
    };
    r.fromStart = reach(a, fwd);
    r.fromEnd = reach(b, bwd);
    const auto range = std::equal_range(m_linkSources.begin(), m_linkSources.end(), std::pair<int, int>(l, -1),
                                        [](const auto &x, const auto &y) { return x.first < y.first; });
    for (auto it = range.first; it != range.second; ++it) {
        if (onlySource >= 0 && it->second != onlySource)
            continue;
        const NetworkSource &s = m_sources[std::size_t(it->second)];
        const double budget = limit - (s.startCost + legCost(s.at.distanceMeters));
        if (budget < 0)
            continue;
        const double ds = s.at.offsetMeters;
        const double hi = std::isfinite(fwd) ? (fwd > 0 ? std::min(len, ds + budget / fwd * len) : len) : ds;
        const double lo = std::isfinite(bwd) ? (bwd > 0 ? std::max(0.0, ds - budget / bwd * len) : 0.0) : ds;
        if (r.directB < r.directA) {
            r.directA = lo;
            r.directB = hi;
        } else {
            r.directA = std::min(r.directA, lo);
            r.directB = std::max(r.directB, hi);
        }
    }
    return r;
}

std::vector<ShortestPathTree::LinkShare> ShortestPathTree::linkShares(int l) const
{
    std::vector<LinkShare> out;
    const double len = m_graph.linkMeters(l);
    if (m_cost.empty() || !(len > 0))
        return out;
    // The costs along the link as lines cost(x) = k + m·x over [lo, hi], one per way in.
    struct Line {
        double k, m, lo, hi;
        int source;
        double at(double x) const { return k + m * x; }
    };
    std::vector<Line> lines;
    const double fwd = linkCost(l, false) / len, bwd = linkCost(l, true) / len; // per metre
    const int a = m_graph.linkFrom(l), b = m_graph.linkTo(l);
    if (std::isfinite(fwd) && std::isfinite(m_cost[std::size_t(a)]))
        lines.push_back({double(m_cost[std::size_t(a)]), fwd, 0, len, m_source[std::size_t(a)]});
    if (std::isfinite(bwd) && std::isfinite(m_cost[std::size_t(b)]))
        lines.push_back({double(m_cost[std::size_t(b)]) + bwd * len, -bwd, 0, len, m_source[std::size_t(b)]});
    const auto range = std::equal_range(m_linkSources.begin(), m_linkSources.end(), std::pair<int, int>(l, -1),
                                        [](const auto &x, const auto &y) { return x.first < y.first; });
    for (auto it = range.first; it != range.second; ++it) {
        const NetworkSource &s = m_sources[std::size_t(it->second)];
        const double c0 = s.startCost + legCost(s.at.distanceMeters);
        const double ds = std::clamp(s.at.offsetMeters, 0.0, len);
        if (std::isfinite(fwd))
            lines.push_back({c0 - fwd * ds, fwd, ds, len, it->second});
        if (std::isfinite(bwd))
            lines.push_back({c0 + bwd * ds, -bwd, 0, ds, it->second});
    }
    if (lines.empty())
        return out;
    // Between consecutive breakpoints (ends of lines, crossings of two lines, the
    // limit) one line is cheapest throughout: find it at the middle.
    const double limit = m_options.limit;
    std::vector<double> cuts{0.0, len};
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line &p = lines[i];
        cuts.push_back(p.lo);
        cuts.push_back(p.hi);
        if (p.m != 0 && std::isfinite(limit))
            cuts.push_back((limit - p.k) / p.m);
        for (std::size_t j = i + 1; j < lines.size(); ++j)
            if (lines[j].m != p.m)
                cuts.push_back((p.k - lines[j].k) / (lines[j].m - p.m));
    }
    for (double &c : cuts)
        c = std::clamp(c, 0.0, len);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
        const double x0 = cuts[k], x1 = cuts[k + 1];
        if (x1 - x0 <= 1e-9)
            continue;
        const double mid = (x0 + x1) / 2;
        double best = kInfD;
        int owner = -1;
        for (const Line &p : lines) {
            if (mid < p.lo || mid > p.hi)
                continue;
            const double c = p.at(mid);
            if (c < best || (c == best && p.source < owner)) {
                best = c;
                owner = p.source;
            }
        }
        if (owner < 0 || !(best <= limit))
            continue;
        if (!out.empty() && out.back().source == owner && out.back().toMeters == x0)
            out.back().toMeters = x1;
        else
            out.push_back({x0, x1, owner});
    }
    return out;
}

} // namespace refuge
