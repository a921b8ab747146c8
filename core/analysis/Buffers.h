#pragma once
// Buffers: straight-line (as the crow flies) circles around facilities — the explicit,
// labelled alternative to network service areas, for comparison or when no road data
// exists. Every feature says so in its `method` field. Inputs by value; any thread.
#include "model/VectorLayer.h"

#include <QStringList>
#include <vector>

namespace refuge {

class Feedback;

struct BufferParameters {
    std::vector<QPointF> facilities; // in `crs` (metric)
    QStringList facilityIds;
    std::vector<double> radiiMeters; // one ring per radius
    Crs crs;
    bool dissolve = false;
    int quadrantSegments = 16;
};

class Buffers {
public:
    static constexpr const char *kMethod = "straight-line (not along streets)";
    // Layer "buffers" (MultiPolygon): facility_id, break, unit ("m"), method, area_m2.
    static VectorLayer run(BufferParameters parameters, Feedback &feedback);
};

} // namespace refuge
