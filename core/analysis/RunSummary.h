#pragma once
// RunSummary: a finished run's outcome as its results folder records it (summary.json,
// results format 2), so the desktop's Results dock can show it again when the project
// is reopened, without re-running it. Coverage: the overall figures, the supply check,
// the areas and facilities tables, the warnings. Fire: the figures, the response check,
// the zones table, with the zones' and differences' geometry from fire.gpkg. Siting: the
// figures and the curve. Compare: the per-community delta. Per-demand-
// unit vectors (costs, flows) are not recorded and stay empty. Any thread.
#include "analysis/CoverageAnalysis.h"
#include "analysis/FireCoverage.h"
#include "analysis/siting/SitingJob.h"

#include <QJsonObject>

namespace refuge {

struct CompareResult;

class RunSummary {
public:
    // Throws InvalidInput "<path>: ..." for a summary that is not a complete coverage
    // run of results format 2 (path: for the message).
    static CoverageOutcome coverage(const QJsonObject &summary, const QString &path);
    // The same for a fire run; `gpkg`: its fire.gpkg (zones, differences). Throws
    // InvalidInput / IoError naming the file.
    static FireOutcome fire(const QJsonObject &summary, const QString &path, const QString &gpkg);
    // A siting run: its summary, model, k, solver, the curve and the warnings (what the
    // dock's Siting tab shows); no problem, sites or demand. Throws InvalidInput naming
    // the file for a summary without the curve table (written before it was recorded).
    static SitingJobResult siting(const QJsonObject &summary, const QString &path);
    // A scenario comparison: the two scenarios' names, the overall and per-community
    // rows (as the dock's Scenarios tab shows them); no sides' outcomes. Throws
    // InvalidInput naming the file for a summary without the areas table.
    static CompareResult compare(const QJsonObject &summary, const QString &path);
};

} // namespace refuge
