#pragma once
// CoverageOutputs: turns a CoverageOutcome into the files of the CLI contract —
// summary.json, areas.csv, facilities.csv and coverage.gpkg (layers areas, facilities,
// service_areas and, only when asked, the per-unit layers demand and uncovered — a view
// of the demand not covered) — and the result layers themselves (for the desktop and the
// report). The per-unit layer is optional because it dominates the command on large
// inputs (one row per demand unit with its GeoPackage R-tree: ~5 s of CPU for 487k units
// with GDAL 3.6, against ~1 s for everything else). Synchronous; any thread.
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
    // Whether coverage.gpkg gets the per-unit layers `demand` and `uncovered`.
    enum class DemandLayer { Omit, Write };
    // Writes every file into `dir` (created if needed); returns the names of the layers
    // written into coverage.gpkg (views included). Throws IoError.
    static QStringList write(const CoverageRequest &request, const CoverageOutcome &outcome, const QString &dir,
                             DemandLayer perUnit = DemandLayer::Omit);
    // The results model's part of summary.json (AnalysisFiles::addResultsModel): the tables
    // "areas" and "facilities" (the CSVs' rows), the files and coverage.gpkg's `layers`.
    static void addResults(QJsonObject &summary, const CoverageOutcome &outcome, const QStringList &layers);
};

} // namespace refuge
