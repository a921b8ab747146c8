#pragma once
// Zones: nearest-facility zones that tile a study area (a shelter's responsibility
// zone, 就近避难责任区; a station's first-due area). Every reached street section is
// given to the facility that reaches it at least cost, with the costs coverage uses
// (ShortestPathTree::linkShares: links split where two facilities' costs are equal);
// every place goes to the zone of its nearest street access (Voronoi cells of points
// sampled along the sections, denser where zones meet, plus each facility's own snap
// point), cut to the study area. Each zone is split into the part within the access
// distance of a reached street and the part beyond it (marked, not left out). The
// zones do not overlap and together are the study area. Inputs by value; synchronous;
// any thread.
#include "model/VectorLayer.h"
#include "network/ShortestPathTree.h"

#include <QStringList>

namespace refuge {

class Feedback;

struct ZonesParameters {
    RoadGraph graph;
    std::vector<NetworkSource> facilities;
    QStringList facilityIds;   // default: row number from 1 (FacilityIds::rowNumber)
    RoutingOptions routing;    // limit: +inf = everything reachable
    double accessMeters = -1;  // < 0: the profile's
    double sampleMeters = -1;  // spacing of Voronoi samples along streets; < 0: accessMeters / 2
    Geometry studyArea;        // polygons (graph CRS) the zones tile; empty: the streets' box grown by accessMeters
};

class Zones {
public:
    // Layer "zones" (MultiPolygon): facility_id, access ("within_access_distance" or
    // "beyond_access_distance": up to two features per facility), area_m2, street_m (the
    // facility's owned street length, on both). Facilities that own no street get none.
    static VectorLayer run(ZonesParameters parameters, Feedback &feedback);

    // (section, owning facility) pairs: each reached section goes to its nearest facility
    // (ShortestPathTree::linkShares).
    struct OwnedSection {
        std::vector<QPointF> points;
        int facility = -1;
        double meters = 0;
    };
    static std::vector<OwnedSection> ownedSections(const ShortestPathTree &tree);
};

} // namespace refuge
