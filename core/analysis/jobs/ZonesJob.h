#pragma once
// ZonesJob: nearest-facility zones end to end — network inputs, Zones::run, and (with
// an output folder) zones.gpkg (layer zones) + summary.json. Synchronous, polls
// Feedback, any thread; throws refuge::Error / Canceled.
#include "analysis/jobs/NetworkInputs.h"

namespace refuge {

struct ZonesSettings {
    NetworkSettings network;     // facilities required; limit optional (0 = all reachable)
    QString outDir;              // empty: nothing written
};

struct ZonesJobResult {
    VectorLayer zones;           // facility_id, area_m2, street_m
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
