#pragma once
// CoverageCostCache: the per-facility network searches of coverage kept between runs,
// so a what-if (a shelter added, moved, deleted, a capacity changed) searches only
// the facilities whose point is new. A search is kept under the facility's snapped
// position and start cost plus a context fingerprint: the graph (its data, held
// alive here), profile, unit, limit, snap legs, the barriers' link factors (XXH3) and
// the snapped demand points (XXH3). A search depends on nothing else — not on the
// other facilities, their capacities or the assignment — so the table built from
// kept and fresh searches equals a from-scratch CoverageNetwork::costs() exactly.
// Not thread-safe (one run at a time); costs() itself searches in parallel.
#include "analysis/CoverageCosts.h"
#include "analysis/NearestFacility.h"

#include <memory>
#include <string>
#include <unordered_map>

namespace refuge {

class Feedback;

class CoverageCostCache {
public:
    // As CoverageNetwork::costs(graph, facilities, facilityPoints, demand, routing):
    // the kept searches reused, the others run and kept.
    CoverageCosts costs(const RoadGraph &graph, const std::vector<NetworkSource> &facilities, const SnappedLayer &facilityPoints,
                        const SnappedLayer &demand, const RoutingOptions &routing, Feedback &feedback);

    // Of the last costs(): searches reused and searches run (unsnapped facilities: neither).
    int reused() const { return m_reused; }
    int searched() const { return m_searched; }
    std::size_t size() const { return m_searches.size(); } // searches kept
    void clear();

    // XXH3 of the snapped points (link, offset, snap leg, position) and of link factors.
    static std::uint64_t fingerprint(const SnappedLayer &points);
    static std::uint64_t fingerprint(const std::vector<float> &linkFactors);

private:
    std::string contextKey(const RoadGraph &graph, const SnappedLayer &demand, const RoutingOptions &routing);
    static std::string facilityKey(const std::string &context, const NetworkSource &source);

    std::unordered_map<std::string, std::shared_ptr<const FacilityHits>> m_searches;
    std::vector<RoadGraph> m_graphs; // keeps every keyed graph's data (and address) alive
    int m_reused = 0, m_searched = 0;
};

} // namespace refuge
