#pragma once
// Zones: nearest-facility zones over the reachable network area (a shelter's
// responsibility zone, a station's first-due area). Every reached street section is
// given to the facility that reaches it at least cost (links reached from both ends
// are split where the two costs meet); the plane is divided among facilities by the
// Voronoi cells of points sampled along their sections, and each facility's cells are
// clipped to the service area of all facilities (reached streets buffered by the
// access distance). The zones do not overlap. Inputs by value; synchronous; any thread.
#include "model/VectorLayer.h"
#include "network/ShortestPathTree.h"

#include <QStringList>

namespace refuge {

class Feedback;

struct ZonesParameters {
    RoadGraph graph;
    std::vector<NetworkSource> facilities;
    QStringList facilityIds;   // default: row number
    RoutingOptions routing;    // limit: +inf = everything reachable
    double accessMeters = -1;  // < 0: the profile's
    double sampleMeters = -1;  // spacing of Voronoi samples along streets; < 0: accessMeters / 2
};

class Zones {
public:
    // Layer "zones" (MultiPolygon): facility_id, area_m2, street_m. Facilities that
    // reach nothing get no feature.
    static VectorLayer run(ZonesParameters parameters, Feedback &feedback);

    // (section, owning facility) pairs: each reached section goes to its nearest facility.
    struct OwnedSection {
        std::vector<QPointF> points;
        int facility = -1;
        double meters = 0;
    };
    static std::vector<OwnedSection> ownedSections(const ShortestPathTree &tree);
};

} // namespace refuge
