#pragma once
// Barriers: polygons (floods, closures, hazard zones) turned into per-link cost
// factors for routing — every link crossing a barrier is closed (factor 0) or slowed
// (its cost multiplied by `factor` > 1, e.g. 2 for half speed). Uses prepared GEOS
// geometries on the calling thread; the result is a plain vector for RoutingOptions.
#include "model/VectorLayer.h"
#include "network/RoadGraph.h"

#include <vector>

namespace refuge {

class Barriers {
public:
    // barriers: a polygon layer (reprojected to the graph CRS when needed).
    // factor: 0 closes crossing links; > 0 multiplies their cost. Throws InvalidInput
    // when the layer is not polygons or the factor is negative.
    static std::vector<float> linkFactors(const RoadGraph &graph, const VectorLayer &barriers, double factor = 0.0,
                                          int *affectedLinks = nullptr);
};

} // namespace refuge
