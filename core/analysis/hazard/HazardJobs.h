#pragma once
// HazardJobs: the hazard analyses end to end on a project — read the hazard layers
// (role `hazard`, with their "hazard" settings), the population, communities,
// shelters and roads by their roles, run Exposure / HazardScenario / RiskIndex and,
// with an output folder, write a GeoPackage, CSV tables and summary.json (last, the
// mark of a complete run) through OutputGuard + OutputFile like the other analyses.
// Settings come from the project's `analysis.hazard` (scenario rules) and
// `analysis.risk` (risk settings). run() functions are synchronous, poll Feedback,
// any thread; they throw refuge::Error (one line naming the file) or Canceled.
#include "analysis/hazard/Exposure.h"
#include "analysis/hazard/HazardScenario.h"
#include "analysis/risk/RiskIndex.h"
#include "model/Project.h"

#include <QJsonObject>
#include <QStringList>
#include <memory>

namespace refuge {

class Feedback;

struct HazardInputs {
    HazardZones zones;
    QStringList layerIds;
    // Every hazard layer of the project (only `layerIds` when given: each must be a
    // hazard layer), in `working`. Features left out are Feedback input problems.
    // Throws InvalidInput naming the project when there is none.
    static HazardInputs load(const Project &project, const Crs &working, const QStringList &only, Feedback &feedback);
    // The settings alone, before anything is read: `only` names hazard layers, each has
    // valid "hazard" settings with a level mapping. Throws InvalidInput naming the project.
    static void check(const Project &project, const QStringList &only);
};

struct HazardJobResult {
    QJsonObject summary;
    QStringList warnings, inputProblems;
    QString outDir;                   // empty: nothing written
};

struct ExposureJobResult : HazardJobResult {
    ExposureResult exposure;
};

struct ScenarioJobResult : HazardJobResult {
    CoverageRequest baseline;
    CoverageOutcome before, after;
    ScenarioComparison comparison;
    ScenarioRules rules;
};

struct RiskJobResult : HazardJobResult {
    std::shared_ptr<const ExposureResult> exposure; // the exposure the index was computed on
    QStringList communities;
    std::vector<RiskIndicator> indicators;
    RiskResult risk;
    RiskSettings settings;
};

class ExposureJob {
public:
    static QStringList fileNames();
    static ExposureJobResult run(const Project &project, const QString &outDir, Feedback &feedback);
};

class HazardScenarioJob {
public:
    static QStringList fileNames();
    // rules: analysis.hazard of the project unless given.
    static ScenarioRules rulesOf(const Project &project);
    static ScenarioJobResult run(const Project &project, const ScenarioRules &rules, const QString &outDir, Feedback &feedback);
};

class RiskJob {
public:
    static QStringList fileNames();
    static RiskSettings settingsOf(const Project &project);
    // `coverage`: a shelter coverage already run on the project's communities (e.g. a
    // scenario's, with its closed streets) to take the unsheltered shares from; else
    // the project's coverage is run here. `exposure`: the project's exposure already
    // computed (scenarios change facilities, not hazards or residents); else computed here.
    static RiskJobResult run(const Project &project, const QString &outDir, Feedback &feedback, const CoverageOutcome *coverage = nullptr,
                             std::shared_ptr<const ExposureResult> exposure = {});
};

} // namespace refuge
