#pragma once
// OsmReader: the GDAL side of OsmSource (network/): GDAL's OSM driver configured with
// an osmconf.ini, and the one pass over an extract that gives its `lines` and its
// highway `multipolygons` together. Synchronous; the configuration is per thread.
#include "model/DataSource.h"
#include "model/VectorLayer.h"

#include <QString>

namespace refuge {

class Feedback;

// GDAL's OSM driver reads with `ini` (none: GDAL's own) on this thread while it lives.
class OsmDriverConfig {
public:
    explicit OsmDriverConfig(const QString &ini);
    ~OsmDriverConfig();
    OsmDriverConfig(const OsmDriverConfig &) = delete;
    OsmDriverConfig &operator=(const OsmDriverConfig &) = delete;
};

struct OsmWayLayers {
    VectorLayer lines, areas; // lon/lat (EPSG:4326), every field as text
    bool hasAreas = false;    // the file has a multipolygons layer
};

// In one pass over the file (GDAL's dataset-level reading: the driver parses the file
// and indexes its nodes once): the `lines` layer, and of `multipolygons` the closed
// ways with a highway tag. IoError naming the file when it has no `lines` or GDAL fails.
OsmWayLayers readOsmWays(const DataSource &source, Feedback *feedback);

} // namespace refuge
