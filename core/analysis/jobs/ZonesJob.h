#pragma once
// ZonesJob: nearest-facility zones end to end — network inputs, the study area the
// zones tile, Zones::run, and (with an output folder) zones.gpkg (layer zones) +
// summary.json (areas within / beyond the access distance, the share of the study
// area tiled). Synchronous, polls Feedback, any thread; throws refuge::Error / Canceled.
#include "analysis/jobs/NetworkInputs.h"

namespace refuge {

struct ZonesSettings {
    NetworkSettings network;     // facilities required; limit optional (0 = all reachable)
    DataSource studyArea;        // polygons the zones tile; empty path: the streets' box grown by the access distance
    QString outDir;              // empty: nothing written
};

struct ZonesJobResult {
    VectorLayer zones;           // facility_id, access, area_m2, street_m (Zones::run)
    QString outputPath;
    int snappedFacilities = 0, totalFacilities = 0;
    QJsonObject summary;
    QStringList warnings;
    QStringList inputProblems;       // input data left out (in warnings too): the CLI's stderr lines
};

class ZonesJob {
public:
    static ZonesJobResult run(const ZonesSettings &settings, Feedback &feedback);
};

} // namespace refuge
