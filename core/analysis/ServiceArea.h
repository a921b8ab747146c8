#pragma once
// ServiceArea: the area a planner can reach from each facility within each break
// (e.g. 5/10/15 minutes' walk) along the streets. The polygon of a break is every
// reached street section — links reached completely, and links reached part-way up
// to the interpolated point where the budget runs out — buffered by the lateral
// access distance (50 m walking, 25 m driving by default) and merged with a cascaded
// union (GEOSUnaryUnion). It covers every reached street and nothing farther than the
// access distance from one.
//
// Per facility (overlapping polygons, computed in parallel with QtConcurrent, each
// worker on its own GEOS context) or dissolved (one polygon per break from one
// multi-source search). Inputs by value; synchronous; polls Feedback; any thread.
#include "model/VectorLayer.h"
#include "network/ShortestPathTree.h"

#include <QStringList>
#include <vector>

namespace refuge {

class Feedback;

struct ServiceAreaParameters {
    RoadGraph graph;
    std::vector<NetworkSource> facilities;
    QStringList facilityIds;     // output facility_id per facility (default: row number from 1)
    std::vector<double> breaks;  // in routing.unit; sorted ascending, all > 0
    RoutingOptions routing;      // unit, snap legs, barrier factors (the limit is the last break)
    bool dissolve = false;       // one polygon per break for all facilities
    double accessMeters = -1;    // lateral access distance; < 0 = the graph profile's
    int quadrantSegments = 4;    // buffer roundness (segments per quarter circle)
    bool polygons = true;        // build the polygons (GEOS: almost all the time)
    bool lines = false;          // also give the reached street sections as lines
};

// The two outputs of one run; a layer not asked for is empty.
struct ServiceAreaResult {
    VectorLayer areas; // "service_areas": MultiPolygon; facility_id, break, unit, area_m2, street_m
    VectorLayer lines; // "service_lines": MultiLineString; facility_id, break, unit, street_m
};

class ServiceArea {
public:
    // Layer "service_areas" (MultiPolygon, graph CRS): facility_id, break, unit,
    // area_m2, street_m. Throws InvalidInput on empty/invalid breaks or no facility.
    static VectorLayer run(ServiceAreaParameters parameters, Feedback &feedback);
    // Polygons and/or lines as parameters.polygons / parameters.lines ask (same checks).
    static ServiceAreaResult compute(ServiceAreaParameters parameters, Feedback &feedback);

    // The reached sections (polylines) of a tree within `limit`, counting only
    // `onlySource` when ≥ 0; totalMeters receives their length.
    static std::vector<std::vector<QPointF>> reachedSections(const ShortestPathTree &tree, double limit, int onlySource = -1,
                                                             double *totalMeters = nullptr);
    // Buffer + cascaded union of sections on the calling thread's GEOS context.
    static Geometry bufferSections(const std::vector<std::vector<QPointF>> &sections, double distance, int quadrantSegments = 4);
};

} // namespace refuge
