#pragma once
// SitingJob: the siting question end to end — load demand, candidate sites (a point
// layer or a grid, filtered by an area and hazard zones) and existing facilities, snap
// them to the streets, compute the candidate × demand costs within the limit with the
// network engine's bounded searches (or straight lines, a labelled fallback), solve
// the model (Siting) and, with an output folder, write sites.gpkg, sites.csv,
// curve.csv and summary.json (SitingOutputs). Settings are a plain value filled by
// `refuge-cli site` (or a dialog). run() is synchronous, polls Feedback, any thread;
// throws refuge::Error (one line naming the file or the parameter) or Canceled.
#include "analysis/Demand.h"
#include "analysis/FacilityTable.h"
#include "analysis/jobs/NetworkInputs.h"
#include "analysis/siting/Siting.h"
#include "io/OutputGuard.h"

namespace refuge {

struct SitingSettings {
    bool euclidean = false;          // straight lines instead of the network
    NetworkSettings network;         // network, profile, limit, snap (its facilities are not used)
    DataSource candidates;           // candidate points; or a grid:
    double gridMeters = 0;           // > 0: candidates at the centres of cells this size
    DataSource inside;               // keep candidates inside these polygons (grid default: the demand's extent)
    DataSource hazard;               // candidates inside these polygons are left out (listed)
    DataSource existing;             // existing facilities: kept open, not counted in k
    QString idField, nameField;      // of the candidates (id: FacilityIds' rule)
    QString capacityField;           // non-empty: the capacitated model (candidates and existing need it)
    DataSource demand;               // population polygons or points
    QString populationField;
    double splitCellMeters = 0;
    QString model = QStringLiteral("mclp");
    int k = 1;
    QString solver = QStringLiteral("auto");
    double timeLimitSeconds = 60;
    bool curve = true;
    double walkSpeedMps = 1.0;       // straight lines with a time limit
    QString outDir;                  // empty: nothing written
};

struct SitingJobResult {
    SitingProblem problem;
    SitingResult result;
    FacilityTable sites;             // candidates first, then the existing facilities (the problem's columns)
    int candidateCount = 0;          // new candidates among `sites`
    DemandSet demand;
    QString unit;                    // "m" or "min" (the user's unit); costs below are in it
    double costScale = 1;            // routing unit → user unit
    QJsonObject summary;             // as written to summary.json
    QStringList warnings, inputProblems;
    QString outDir;
};

class SitingJob {
public:
    static OutputGuard inputs(const SitingSettings &settings);
    static SitingJobResult run(const SitingSettings &settings, Feedback &feedback);
};

} // namespace refuge
