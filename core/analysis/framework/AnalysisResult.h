#pragma once
// AnalysisResult: what a run of an Analysis gives back, typed — its output layers
// (with the file they were written to and the name of their default style), its
// tables, a summary of headline figures and standards checks, warnings (input data left
// out separately: refuge-cli prints those on stderr and exits 1), the lines refuge-cli
// prints, and the analysis's own job result for front ends that show more (the desktop's
// Results dock). A plain value, moved from the worker thread to the GUI thread.
#include "analysis/framework/Parameter.h"
#include "model/VectorLayer.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <any>
#include <optional>
#include <vector>

namespace refuge {

struct OutputLayer {
    QString id;               // "service_areas": the layer name in its GeoPackage
    LocalText title;          // for the layer tree ("Service areas" / "服务区")
    QString file;             // the GeoPackage written ("" when the run wrote nothing)
    QString style;            // default style name: "service_areas", "zones", "covered_demand",
                              // "shelter_load", "outline", "unreached", "differences", "network_problems"
    QJsonObject styleOptions; // what the style needs from the run: {"breaks": [5, 10], "unit": "min"},
                              // {"facility_ids": [...]}
    VectorLayer data;         // the features (may be empty when only written)
    bool detail = false;      // bulky detail (one point per population unit): added hidden,
                              // shown when asked, so it does not drown the map and its labels
};

struct OutputTable {
    QString id;               // "areas"
    LocalText title;
    QString file;             // the CSV written ("" when none)
};

struct SummaryFigure {
    QString id;               // "covered_share"
    LocalText label;
    double value = 0;
    QString unit;             // "%", "persons", "km²", "s"...
};

struct ResultCheck {
    QString id;               // "district_supply"
    LocalText label;
    std::optional<bool> pass; // none: not evaluated
    QString detail;           // the standard's clause, the value against its threshold
};

struct AnalysisResult {
    QString analysisId;
    QString outDir;                  // where the files went ("" when nothing was written)
    std::vector<OutputLayer> layers;
    std::vector<OutputTable> tables;
    std::vector<SummaryFigure> figures;
    std::vector<ResultCheck> checks;
    QStringList warnings;            // every warning of the run, input problems included
    QStringList inputProblems;       // input data left out (also in warnings)
    // The analysis's own finding (network-check: problems in the network) decides "problems
    // found" (refuge-cli exit 1); when not set, input data left out does.
    std::optional<bool> problemsFound;
    QJsonObject summary;             // as written to summary.json
    QStringList report;              // the lines refuge-cli prints on stdout, before the warnings
    QStringList reportEnd;           // ... and after them ("results: DIR")
    bool warningsOnStderr = false;   // every warning on stderr; else only input problems there, the rest as "note:" lines
    std::any detail;                 // the job's own result (CoverageJobResult, FireJobResult...)

    const OutputLayer *layer(QStringView id) const;
};

// The checks of a summary.json "checks" object ({"district_supply": {"pass": true|false|null,
// "clause": ..., "measured": ..., "limit": ...}, ...}) as ResultChecks.
void addChecks(AnalysisResult &result, const QJsonObject &checks);

} // namespace refuge
