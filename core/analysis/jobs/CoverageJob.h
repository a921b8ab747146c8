#pragma once
// CoverageJob: the shelter question end to end — load shelters, demand and areas,
// compute costs along the network (or straight lines), run CoverageAnalysis and (with
// an output folder) write the CLI contract files (CoverageOutputs + summary.json).
// Settings are a plain value filled by `refuge-cli coverage`, the desktop dialog or a
// project (ProjectJobSettings). run() is synchronous, polls Feedback, any thread;
// throws refuge::Error (one line naming the file) or Canceled.
#include "analysis/CoverageAnalysis.h"
#include "analysis/jobs/NetworkInputs.h"

namespace refuge {

class CoverageReuse;

struct CoverageSettings {
    bool euclidean = false;          // straight lines instead of the network
    NetworkSettings network;         // facilities = shelters; unit + limit; crs also for euclidean
    FacilityFields fields;           // id, name, capacity, area (id also used for snapping messages)
    DataSource demand;               // polygons, points or a raster (.tif)
    QString populationField;         // required for vector demand
    double splitCellMeters = 0;      // spread large demand polygons over cells
    DataSource areas;                // empty path = none
    QString areaField;
    QString assignment;              // "nearest" (default) or "optimal"
    QString standard = QStringLiteral("shanghai");
    QStringList standardOverrides;   // KEY=NUMBER
    double walkSpeedMps = 0;         // euclidean with minutes; 0 = the standard's
    double areaFromCapacityM2 = 0;   // > 0: shelters without an effective area get capacity × this m² (listed); 0 = never
    QString outDir;                  // empty: nothing written
    bool demandLayer = false;        // coverage.gpkg also gets the per-unit layers demand + uncovered (--demand-layer)
    bool serviceAreas = true;        // the per-shelter service areas (for the output layer); compare needs none
};

struct CoverageJobResult {
    CoverageRequest request;
    CoverageOutcome outcome;
    QJsonObject summary;             // as written to summary.json
    QStringList warnings;            // feedback warnings + the outcome's
    QStringList inputProblems;       // input data left out (in warnings too): the CLI's stderr lines
    QString outDir;                  // where the files went (empty: not written)
    QStringList layers;              // the layers of coverage.gpkg (empty: not written)
};

class CoverageJob {
public:
    static bool isRaster(const DataSource &source);
    // `reuse`: inputs and per-shelter searches kept from an earlier run in this process
    // (and kept for the next); the results are the same as without.
    static CoverageJobResult run(const CoverageSettings &settings, Feedback &feedback, CoverageReuse *reuse = nullptr);
};

} // namespace refuge
