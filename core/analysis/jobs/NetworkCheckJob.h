#pragma once
// NetworkCheckJob: the network check end to end — the graph (built, not loaded, for an
// OSM extract so what its rules leave out is counted), the facilities when any snap
// (none snapping is a finding, not an error: NoFacilitySnapped), NetworkCheck::run and
// (with an output folder) network_check.gpkg (layer network_problems) + summary.json.
// Synchronous, polls Feedback, any thread; throws refuge::Error / Canceled.
#include "analysis/NetworkCheck.h"
#include "analysis/jobs/NetworkInputs.h"

namespace refuge {

struct NetworkCheckSettings {
    NetworkSettings network;     // facilities optional
    QString outDir;              // empty: nothing written
};

struct NetworkCheckJobResult {
    NetworkCheckReport report;
    QStringList graphMessages;   // what the graph build noted (OSM ways left out...)
    QString outputPath;          // network_check.gpkg when written
    QJsonObject summary;
    QStringList warnings;
    QStringList inputProblems;
};

class NetworkCheckJob {
public:
    static NetworkCheckJobResult run(const NetworkCheckSettings &settings, Feedback &feedback);
};

} // namespace refuge
