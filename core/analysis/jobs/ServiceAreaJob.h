#pragma once
// ServiceAreaJob: service areas end to end — network inputs, ServiceArea::run with
// the breaks in the user's unit, and (with an output folder) service_areas.gpkg
// (layers service_areas and/or service_lines) + summary.json. Settings are a plain value; run() is
// synchronous, polls Feedback, any thread; throws refuge::Error / Canceled.
#include "analysis/jobs/NetworkInputs.h"

namespace refuge {

struct ServiceAreaSettings {
    NetworkSettings network;     // facilities and a limit are required
    bool dissolve = false;       // one polygon per break for all facilities together
    double accessMeters = -1;    // < 0: the profile's
    bool polygons = true;        // service_areas polygons
    bool lines = false;          // service_lines: the reached street sections
    QString outDir;              // empty: nothing written
};

struct ServiceAreaJobResult {
    VectorLayer areas;           // facility_id, break (user unit), unit, area_m2, street_m
    VectorLayer lines;           // facility_id, break (user unit), unit, street_m (when asked)
    QString outputPath;          // service_areas.gpkg when written
    int snappedFacilities = 0, totalFacilities = 0;
    QJsonObject summary;
    QStringList warnings;
    QStringList inputProblems;       // input data left out (in warnings too): the CLI's stderr lines
};

class ServiceAreaJob {
public:
    static ServiceAreaJobResult run(const ServiceAreaSettings &settings, Feedback &feedback);
};

} // namespace refuge
