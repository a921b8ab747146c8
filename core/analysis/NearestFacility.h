#pragma once
// NearestFacility: network cost from every node and every demand point to its nearest
// facility, and (FacilityCosts) the costs from each demand point to every facility
// within a limit — the two questions coverage, capacity, fire response and siting ask
// of the road network. Both take their inputs by value (a RoadGraph copy is O(1)),
// run synchronously, poll Feedback for cancel, and may be run from any thread.
//
// Typical use (graph + facility layer + demand layer):
//   RoadGraph graph = RoadGraphBuilder::open(networkOptions, feedback);
//   Snapper snapper(graph);
//   SnappedLayer fac = snapper.snapAll(Snapper::representativePoints(shelters, graph.crs()), 300);
//   SnappedLayer dem = snapper.snapAll(Snapper::representativePoints(blocks, graph.crs()), 300);
//   NearestFacilityResult r = NearestFacility::run(graph, NearestFacility::sources(fac), dem, options, feedback);
//   // r.demandCost[i], r.demandFacility[i] (row index into the facility layer)
//   FacilityCosts all = FacilityCosts::compute(graph, NearestFacility::sources(fac), dem, options, feedback);
//   // all.forDemand(i): (facility row, cost) sorted by cost, within options.limit
#include "network/ShortestPathTree.h"

#include <span>
#include <vector>

namespace refuge {

class Feedback;

struct NearestFacilityResult {
    CostUnit unit = CostUnit::Seconds;
    // Per graph node.
    std::vector<float> nodeCost;          // +inf beyond the limit / unreachable
    std::vector<std::int32_t> nodeFacility; // facility index or -1
    // Per demand point (same order as the SnappedLayer given).
    std::vector<float> demandCost;        // +inf when unsnapped, unreachable or beyond the limit
    std::vector<std::int32_t> demandFacility; // -1 likewise
};

class NearestFacility {
public:
    // Facility i of `facilities` becomes source i (start cost 0; unsnapped rows are
    // kept as sources that reach nothing, so indices stay row indices).
    static std::vector<NetworkSource> sources(const SnappedLayer &facilities, const std::vector<double> &startCosts = {});

    static NearestFacilityResult run(RoadGraph graph, std::vector<NetworkSource> facilities, const SnappedLayer &demand,
                                     RoutingOptions options, Feedback &feedback);
};

struct FacilityCost {
    std::int32_t facility = -1;
    float cost = 0;
};

// One facility's search: the demand points it reaches within the limit (any order).
struct FacilityHit {
    std::uint32_t demand = 0;
    float cost = 0;
};
using FacilityHits = std::vector<FacilityHit>;

// Sparse demand × facility cost table, within a limit.
class FacilityCosts {
public:
    // One bounded search per facility (in parallel, QtConcurrent); options.limit
    // should be finite (the table grows with it). Same as merge(search(...)).
    static FacilityCosts compute(RoadGraph graph, std::vector<NetworkSource> facilities, const SnappedLayer &demand,
                                 RoutingOptions options, Feedback &feedback);
    // The searches alone, one list per facility (unsnapped facilities reach nothing).
    // Each list depends only on its facility, the graph, the routing options and the
    // demand points — never on the other facilities — so it can be kept and reused.
    static std::vector<FacilityHits> search(const RoadGraph &graph, const std::vector<NetworkSource> &facilities,
                                            const SnappedLayer &demand, const RoutingOptions &options, Feedback &feedback);
    // The table from per-facility lists: perFacility[f] is facility f's (never null).
    static FacilityCosts merge(const std::vector<const FacilityHits *> &perFacility, std::size_t demandCount);

    int demandCount() const { return int(m_first.empty() ? 0 : m_first.size() - 1); }
    // Facilities reachable from demand point i within the limit, cheapest first.
    std::vector<FacilityCost> forDemand(int i) const
    {
        return {m_entries.begin() + m_first[std::size_t(i)], m_entries.begin() + m_first[std::size_t(i) + 1]};
    }
    // The same without a copy.
    std::span<const FacilityCost> within(int i) const
    {
        return {m_entries.data() + m_first[std::size_t(i)], m_entries.data() + m_first[std::size_t(i) + 1]};
    }
    std::size_t entryCount() const { return m_entries.size(); }

private:
    std::vector<std::uint32_t> m_first; // demandCount + 1
    std::vector<FacilityCost> m_entries;
};

} // namespace refuge
