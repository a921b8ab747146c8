#pragma once
// NetworkRoute: the walking route printed on a community page — the least-cost path
// along the road network from one point (the community's centre) to others (its
// assigned shelters). One bounded ShortestPathTree (metres, no snap legs) from the
// start, then each target's path traced back node by node: at every node the incoming
// link whose far end's cost plus the link's length gives the node's cost. The route
// runs start → (straight snap leg) → streets → (snap leg) → target; its length and
// walking time count the legs (at the profile's snap speed) as the coverage costs do.
// Immutable; const methods from any thread.
#include "network/RoadGraph.h"
#include "network/Snapper.h"

#include <QPointF>
#include <memory>
#include <vector>

namespace refuge {

struct Route {
    std::vector<QPointF> points; // graph CRS, start first
    double meters = 0;           // streets + the two snap legs
    double seconds = 0;          // at the profile's speeds (legs at its snap speed)
    bool found() const { return !points.empty(); }
};

class NetworkRoute {
public:
    // `snapMaxMeters`: how far the start and the targets may lie from a street.
    NetworkRoute(RoadGraph graph, double snapMaxMeters = 500);

    const RoadGraph &graph() const { return m_graph; }
    // Routes from `from` to each of `to` (same order), within maxMeters along the
    // streets; a target unsnapped or beyond reach gets an empty Route.
    std::vector<Route> routes(QPointF from, const std::vector<QPointF> &to, double maxMeters = 50000) const;

private:
    RoadGraph m_graph;
    std::shared_ptr<const Snapper> m_snapper;
    std::vector<std::uint32_t> m_nodeFirst, m_nodeLinks; // links at each node (CSR)
    double m_snapMax;
};

} // namespace refuge
