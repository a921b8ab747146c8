#pragma once
// ScenarioCompare: two scenarios of a project side by side ("baseline" = the project
// as it is). Each is applied (ScenarioApply, into OUT/a and OUT/b), shelter coverage
// runs on each derived project (its streets closed by the scenario's hazard through
// the barriers), and, where the project configures analysis.risk, the risk index on
// each (its unsheltered indicator from that same coverage). The delta per community
// (covered, assigned, unassigned residents in a and b and b − a; risk class change)
// and the per-shelter loads a/b are written as delta.csv, shelters_delta.csv,
// delta.gpkg (communities, shelters) and summary.json (last; with each side's own time,
// "timing_ms", and what side b reused of side a, "reuse_b"). Side b reuses side a's
// network, demand and the searches of the shelters it did not change (CoverageReuse),
// with the same results as from scratch. Synchronous, polls Feedback, any thread;
// throws refuge::Error (one line naming the file) or Canceled.
#include "analysis/jobs/CoverageJob.h"
#include "analysis/jobs/CoverageReuse.h"
#include "analysis/hazard/HazardJobs.h"
#include "analysis/scenario/ScenarioApply.h"

#include <optional>

namespace refuge {

struct CompareAreaRow {
    QString name;
    double population = 0;
    double coveredA = 0, coveredB = 0;
    double assignedA = 0, assignedB = 0;
    double unassignedA = 0, unassignedB = 0;
    int riskA = 0, riskB = 0;            // 1 low … 5 high; 0: no risk index
    double coveredDelta() const { return coveredB - coveredA; }
    double assignedDelta() const { return assignedB - assignedA; }
    double unassignedDelta() const { return unassignedB - unassignedA; }
};

struct CompareShelterRow {
    QString id, name;
    bool inA = false, inB = false;
    double capacityA = 0, capacityB = 0;
    double assignedA = 0, assignedB = 0;
    QPointF at;                          // in b when there, else in a
    double assignedDelta() const { return assignedB - assignedA; }
};

struct ScenarioSide {
    AppliedScenario applied;
    CoverageJobResult coverage;
    std::optional<RiskJobResult> risk;
};

struct CompareResult {
    ScenarioSide a, b;
    std::vector<CompareAreaRow> areas;   // as a's coverage areas
    CompareAreaRow overall;
    std::vector<CompareShelterRow> shelters;
    QJsonObject summary;
    QStringList warnings, inputProblems;
    QString outDir;                      // empty: nothing written
};

class ScenarioCompare {
public:
    static QStringList fileNames();
    static CompareResult run(const Project &project, const QString &a, const QString &b, const QString &outDir, Feedback &feedback);
    // One side: the scenario applied into `dir`, its coverage (and risk) run.
    // `exposure`: the project's exposure when already computed (the risk index reuses it).
    // `reuse`: what an earlier side's coverage run kept (the network, demand, areas and
    // the searches of shelters whose point is unchanged); the results are the same.
    static ScenarioSide runSide(const Project &project, const QString &name, const QString &dir, Feedback &feedback,
                                std::shared_ptr<const ExposureResult> exposure = {}, CoverageReuse *reuse = nullptr);
    // The delta of two sides' outcomes (areas by name, shelters by id).
    static void compare(CompareResult &r);
};

} // namespace refuge
