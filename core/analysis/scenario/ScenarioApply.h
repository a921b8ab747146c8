#pragma once
// ScenarioApply: a named scenario of the project made concrete — a derived Project
// whose edited facility layers (shelters, fire stations: additions, moves, deletions,
// capacity changes; under hazard rules also the shelters standing in the hazard
// removed, as the hazard scenario leaves them out) live in the scenario's own
// GeoPackage `scenario.gpkg` in an output folder (never the source files), with the
// streets the hazard closes as one barrier layer per travel profile. The derived
// project is saved next to it (`scenario.refuge`, absolute layer paths), so every
// analysis runs on it unchanged; scenario.json lists what changed. Every referenced
// layer and feature id is checked first: one InvalidInput line naming the project and
// the scenario's key. Synchronous, polls Feedback, any thread.
#include "analysis/hazard/HazardScenario.h"
#include "model/Project.h"
#include "model/Scenario.h"

#include <QJsonObject>
#include <QMap>
#include <optional>

namespace refuge {

class Feedback;

struct AppliedScenario {
    Scenario scenario;
    Project project;                      // the derived project (the project itself for "baseline")
    std::optional<ScenarioRules> rules;   // hazard rules, when the scenario has them
    std::vector<UnsuitableShelter> unsuitable;
    QMap<QString, QString> barriers;      // profile name → "scenario.gpkg:closures_<profile>" (only non-empty ones)
    double roadFactor = 0;                // as the rules' road_factor (0: closed)
    QJsonObject summary;                  // as written to scenario.json
    QString outDir;                       // empty for the baseline

    // The barriers for an analysis with this profile ("" when none).
    QString barriersFor(const QString &profile) const { return barriers.value(profile); }
};

class ScenarioApply {
public:
    static QStringList fileNames(); // scenario.gpkg, scenario.refuge, scenario.json
    // Writes the scenario's name into the complete summary.json of an analysis folder
    // run under it (nothing for the baseline or an incomplete folder): the CLI's
    // `run --scenario` and the desktop's scenario runs both do.
    static void stampSummary(const QString &analysisDir, const AppliedScenario &applied);
    // The scenario `name` of `project` ("baseline": the project as it is, nothing written)
    // applied into `outDir`. Hazard rules are analysis.hazard overlaid with the scenario's
    // "hazard" keys. Throws InvalidInput naming the project and key (unknown scenario,
    // missing layer, unknown feature id, no capacity field for a capacity), IoError.
    static AppliedScenario apply(const Project &project, const QString &name, const QString &outDir, Feedback &feedback);
    // The scenario's hazard rules (analysis.hazard overlaid with its own keys).
    static ScenarioRules rulesOf(const Project &project, const Scenario &scenario);
};

} // namespace refuge
