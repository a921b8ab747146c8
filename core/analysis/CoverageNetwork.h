#pragma once
// CoverageNetwork: fills a CoverageCosts from the road network with the Network
// engine (FacilityCosts: one bounded search per facility), so coverage, capacity and
// fire response measure exactly as service areas and zones do. Unsnapped facilities
// and demand points are listed, never dropped. Inputs by value; synchronous; any thread.
#include "analysis/CoverageCosts.h"
#include "network/ShortestPathTree.h"
#include "network/Snapper.h"

namespace refuge {

class Feedback;
class FacilityCosts;
class Snapper;

class CoverageNetwork {
public:
    // Snapper::snapAll in parallel chunks (QtConcurrent): same result, in order.
    static SnappedLayer snapAll(const Snapper &snapper, const std::vector<QPointF> &points, double maxMeters, Feedback &feedback);

    // facilities[i] is facility row i (unsnapped rows reach nothing); demand has one
    // snapped point per demand unit. routing.limit must be finite.
    static CoverageCosts costs(RoadGraph graph, std::vector<NetworkSource> facilities, const SnappedLayer &facilityPoints,
                               const SnappedLayer &demand, RoutingOptions routing, Feedback &feedback);
    // The CoverageCosts of a FacilityCosts table (what costs() does after the searches).
    static CoverageCosts fromTable(const FacilityCosts &table, const QString &profile, int facilityCount, const SnappedLayer &facilityPoints,
                                   const SnappedLayer &demand, const RoutingOptions &routing);
};

} // namespace refuge
