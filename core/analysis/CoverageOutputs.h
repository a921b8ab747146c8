#pragma once
// CoverageOutputs: turns a CoverageOutcome into the files of the CLI contract —
// summary.json, areas.csv, facilities.csv and coverage.gpkg (layers demand, uncovered —
// a view of the demand not covered —, areas, facilities, service_areas) — and the result
// layers themselves (for the desktop and the report). Synchronous; any thread.
#include "analysis/CoverageAnalysis.h"
#include "model/VectorLayer.h"

namespace refuge {

class CoverageOutputs {
public:
    static VectorLayer demandLayer(const CoverageRequest &request, const CoverageOutcome &outcome);
    static VectorLayer areasLayer(const CoverageRequest &request, const CoverageOutcome &outcome);
    static VectorLayer facilitiesLayer(const CoverageRequest &request, const CoverageOutcome &outcome);
    static VectorLayer serviceAreasLayer(const CoverageRequest &request);

    static QStringList areasHeader();
    static std::vector<QVariantList> areasRows(const CoverageOutcome &outcome);
    static QStringList facilitiesHeader();
    static std::vector<QVariantList> facilitiesRows(const CoverageOutcome &outcome);

    // The files write() puts into the folder (summary.json apart: the job writes it last).
    static QStringList fileNames();
    // Writes every file into `dir` (created if needed). Throws IoError.
    static void write(const CoverageRequest &request, const CoverageOutcome &outcome, const QString &dir);
};

} // namespace refuge
