#pragma once
// CoverageSummary: a coverage run's outcome as its summary.json records it (results
// format 2) — the overall figures, the supply check, the areas and facilities tables,
// the warnings — so the desktop's Results dock can show a finished run again when the
// project is reopened, without re-running it. The per-demand-unit vectors (costs, flows)
// are not in the summary and stay empty. Pure function; any thread.
#include "analysis/CoverageAnalysis.h"

#include <QJsonObject>

namespace refuge {

class CoverageSummary {
public:
    // Throws InvalidInput "<path>: ..." for a summary that is not a complete coverage
    // run of results format 2 (path: for the message).
    static CoverageOutcome outcome(const QJsonObject &summary, const QString &path);
};

} // namespace refuge
