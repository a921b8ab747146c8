#pragma once
// The topology step of RoadGraphBuilder::build (internal to network/): the usable road
// lines cut into links between nodes — by the lines' from/to node ids, or by
// clustering their vertices within the tolerance — each link's points one after
// another in one array, parts taken in spatial (Hilbert) order. One thread.
#include "network/RoadGraphBuilder.h"
#include "network/RoadGraphSource.h"

#include <QPointF>
#include <cstdint>
#include <vector>

namespace refuge::detail {

struct RawLink {
    std::uint32_t from, to, feature;
    std::uint32_t firstPoint, pointCount; // into Topology::pts
};

struct Topology {
    std::vector<QPointF> nodePos; // per node (ids as in RawLink; some unused)
    std::vector<RawLink> raw;     // the links in the order they were made
    std::vector<QPointF> pts;     // the links' points, link after link
};

double polylineLength(const QPointF *p, std::size_t n);

// Nodes from the from/to node id columns (a feature is one link; missing ids counted).
Topology topologyFromNodeIds(const RoadLines &lines, const std::vector<char> &usable, RoadGraphReport &report);
// Nodes where vertices within `tol` (CRS units) meet: line ends and shared vertices.
Topology topologyFromVertices(const RoadLines &lines, const std::vector<char> &usable, double tol, Feedback *feedback,
                              RoadGraphReport &report);

} // namespace refuge::detail
