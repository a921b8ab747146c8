#pragma once
// ShortestPathTree: one multi-source, bounded Dijkstra (4-ary heap) over a RoadGraph.
// Every node gets the least cost from any source and the index of that source; a
// per-source start cost (e.g. fire turnout time) is added before the first step; the
// search stops at the cost limit. Sources sit anywhere on a link (SnappedPoint): the
// search starts towards both link ends the link's one-way rules allow.
//
// Also answers "cost to reach a snapped point" (demand points, partial edges) with
// the same rules, so every analysis measures the same way. Immutable once computed;
// const methods are safe from any thread. Holds a (shared) copy of the graph.
#include "network/RoadGraph.h"
#include "network/Snapper.h"

#include <limits>
#include <vector>

namespace refuge {

class Feedback;

struct NetworkSource {
    SnappedPoint at;
    double startCost = 0; // in the routing unit (seconds for turnout)
};

struct RoutingOptions {
    CostUnit unit = CostUnit::Seconds;
    double limit = std::numeric_limits<double>::infinity(); // in `unit`
    // Count the straight walk between a point and its street (at the profile's snap
    // speed for seconds) in every cost: at the sources and at demand points.
    bool snapLegs = true;
    // Per link multiplier of its cost (barriers): empty = none; 0 or +inf closes the link.
    std::vector<float> linkFactors;
};

class ShortestPathTree {
public:
    static constexpr float kUnreached = std::numeric_limits<float>::infinity();

    ShortestPathTree() = default;
    // Throws InvalidInput when limit ≤ 0; polls feedback for cancel.
    static ShortestPathTree compute(RoadGraph graph, std::vector<NetworkSource> sources, RoutingOptions options,
                                    Feedback *feedback = nullptr);

    // Hands a tree's node arrays back to this thread for its next compute() on a graph
    // of the same size: only the nodes it reached are reset, instead of filling two
    // whole-graph arrays per search (100 bounded searches on a 490k-node graph would
    // otherwise clear ~400 MB).
    static void recycle(ShortestPathTree &&tree);

    const RoadGraph &graph() const { return m_graph; }
    const RoutingOptions &options() const { return m_options; }
    const std::vector<NetworkSource> &sources() const { return m_sources; }

    // Per node: cost (kUnreached beyond the limit) and source index (-1).
    const std::vector<float> &nodeCosts() const { return m_cost; }
    const std::vector<std::int32_t> &nodeSources() const { return m_source; }
    float nodeCost(int n) const { return m_cost[std::size_t(n)]; }
    int nodeSource(int n) const { return m_source[std::size_t(n)]; }
    int reachedNodeCount() const { return m_reached; }
    // The reached nodes (finite cost), in the order the search settled them: what a
    // bounded search touched, without scanning every node of the graph.
    const std::vector<std::uint32_t> &reachedNodes() const { return m_settled; }

    // Cost of link l per unit in the direction given, with the barrier factor (inf: closed).
    double linkCost(int l, bool backward) const;
    // Least cost to a snapped point (including its snap leg when snapLegs), and the
    // source giving it; +inf / -1 when unsnapped or beyond the limit.
    double costTo(const SnappedPoint &p, int *source = nullptr) const;

    // How far link l is reached: metres from its from-node reached going forward
    // (reachedFromStart) and from its to-node going backward (reachedFromEnd), within
    // `limit` (≤ the search limit), counting only source `onlySource` when ≥ 0 (which
    // then must be the node's nearest source — use one tree per source for overlaps).
    struct LinkReach {
        double fromStart = 0; // metres covered from the from-node side
        double fromEnd = 0;   // metres covered from the to-node side
        // Sections reached directly by a source sitting on this link: [a, b] metres.
        double directA = 0, directB = -1;
        bool any() const { return fromStart > 0 || fromEnd > 0 || directB >= directA; }
    };
    LinkReach linkReach(int l, double limit, int onlySource = -1) const;

    // Link l divided among the sources by least cost, with exactly costTo()'s rules
    // (node costs plus the offset along the link from either end the one-way rules
    // allow, and sources sitting on the link itself), within the search limit: pieces
    // [fromMeters, toMeters] in order along the link, ties to the lower source index.
    // A piece ends where two sources' costs are equal (or where the limit is reached).
    struct LinkShare {
        double fromMeters = 0, toMeters = 0;
        int source = -1;
    };
    std::vector<LinkShare> linkShares(int l) const;

private:
    RoadGraph m_graph;
    RoutingOptions m_options;
    std::vector<NetworkSource> m_sources;
    std::vector<float> m_cost;
    std::vector<std::int32_t> m_source;
    std::vector<std::uint32_t> m_settled;
    std::vector<std::pair<int, int>> m_linkSources; // (link, source), sorted: sources sitting on links
    int m_reached = 0;
    double legCost(double meters) const;
};

} // namespace refuge
