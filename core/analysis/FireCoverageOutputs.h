#pragma once
// FireCoverageOutputs: the files of `refuge-cli fire-coverage` — summary.json,
// zones.csv and fire.gpkg (layers zones, unreached, differences, demand, stations) —
// and the result layers for the desktop and the report. Synchronous; any thread.
#include "analysis/FireCoverage.h"
#include "model/VectorLayer.h"

namespace refuge {

class FireCoverageOutputs {
public:
    static VectorLayer zonesLayer(const FireRequest &request, const FireOutcome &outcome);
    static VectorLayer differencesLayer(const FireRequest &request, const FireOutcome &outcome);
    static VectorLayer unreachedLayer(const FireRequest &request, const FireOutcome &outcome);
    static VectorLayer demandLayer(const FireRequest &request, const FireOutcome &outcome);
    static QStringList zonesHeader();
    static std::vector<QVariantList> zonesRows(const FireOutcome &outcome);
    // The files write() puts into the folder (summary.json apart: the job writes it last).
    static QStringList fileNames();
    static void write(const FireRequest &request, const FireOutcome &outcome, const QString &dir);
};

} // namespace refuge
