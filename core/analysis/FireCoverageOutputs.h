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
    // Returns the layers written into fire.gpkg.
    static QStringList write(const FireRequest &request, const FireOutcome &outcome, const QString &dir);
    // The results model's part of summary.json (AnalysisFiles::addResultsModel): the table
    // "zones" (zones.csv's rows), the files and fire.gpkg's `layers`.
    static void addResults(QJsonObject &summary, const FireOutcome &outcome, const QStringList &layers);
};

} // namespace refuge
