#pragma once
// HazardScenario: what a hazard does to shelter coverage. Shelters standing in a zone
// at or above a level are unsuitable: excluded from the scenario's coverage and
// capacity (kept as rows with capacity 0, so per-shelter tables line up); streets
// crossing a zone are closed (or slowed) for the chosen profile — by the zone's water
// depth against the profile's threshold (editable; ≥ 0.15 m closes driving, ≥ 0.3 m
// walking), or by its level when the depth is unknown — through the network engine's
// Barriers. The coverage then reruns (CoverageAnalysis on a swapped CoverageRequest)
// and the two runs are compared per area: shelters lost, capacity lost, population
// newly uncovered. Pure functions on value snapshots; synchronous; any thread.
#include "analysis/CoverageAnalysis.h"
#include "analysis/hazard/HazardZones.h"
#include "model/VectorLayer.h"

#include <QJsonObject>
#include <QMap>
#include <optional>
#include <vector>

namespace refuge {

class RoadGraph;

struct ScenarioRules {
    QString name = QStringLiteral("hazard");
    std::vector<HazardType> types;      // empty: every hazard type
    QStringList layers;                 // hazard layer ids; empty: every hazard layer
    int shelterMinLevel = 1;            // shelters in a zone of this level or higher are unsuitable
    int roadMinLevel = 1;               // zones without a depth close streets from this level
    QMap<QString, double> closeDepthMeters{{QStringLiteral("drive"), 0.15}, {QStringLiteral("walk"), 0.3},
                                           {QStringLiteral("walk-elderly"), 0.3}};
    double roadFactor = 0;              // 0 closes the streets; > 1 multiplies their cost (slowed)

    // The profile's depth threshold: its own, else the smallest one given (0.15 m by default).
    double closeDepthFor(const QString &profile) const;
    bool appliesTo(const HazardZone &zone) const;
    // Throws InvalidInput "<where>.<key>: ..." for bad values (levels 1–5, depths ≥ 0, factor 0 or > 1).
    static ScenarioRules fromJson(const QJsonObject &json, const QString &where);
    QJsonObject toJson() const;
};

// A shelter the scenario takes away.
struct UnsuitableShelter {
    int facility = -1;
    QString id, name, area, hazardLayer;
    int level = 0;
    HazardType type = HazardType::Other;
    double capacity = 0;
};

struct ScenarioAreaRow {
    QString name;
    double population = 0;
    double baselineCovered = 0, scenarioCovered = 0;
    double baselineAssigned = 0, scenarioAssigned = 0;
    double newlyUncovered = 0;          // covered in the baseline, not in the scenario
    int sheltersLost = 0;
    double capacityLost = 0;
};

struct ScenarioComparison {
    std::vector<ScenarioAreaRow> areas; // as CoverageOutcome::areas
    ScenarioAreaRow overall;
    std::vector<UnsuitableShelter> unsuitable;
    int closedLinks = 0;
    QJsonObject summaryJson(const ScenarioRules &rules) const;
};

class HazardScenario {
public:
    // Shelters (facility rows) in a zone the rules apply to, at or above shelterMinLevel.
    static std::vector<UnsuitableShelter> unsuitableShelters(const FacilityTable &shelters, const HazardZones &zones,
                                                             const ScenarioRules &rules, const CapacityTable *capacity = nullptr);
    // The zones that close (or slow) streets for `profile`, as a polygon layer for Barriers.
    static VectorLayer closurePolygons(const HazardZones &zones, const ScenarioRules &rules, const QString &profile, const Crs &crs);
    // Link factors for the graph: `base` (existing barriers; empty = none) combined with
    // the scenario's closures (a closed link stays closed; factors multiply).
    static std::vector<float> linkFactors(const RoadGraph &graph, const HazardZones &zones, const ScenarioRules &rules,
                                          const std::vector<float> &base, int *affectedLinks = nullptr);
    // The baseline request without the unsuitable shelters: facility rows, service areas
    // and `costs` (the scenario's own costs over every baseline shelter, e.g. with closed
    // streets) renumbered. Throws InvalidInput when no shelter is left.
    static CoverageRequest scenarioRequest(const CoverageRequest &baseline, const std::vector<UnsuitableShelter> &unsuitable,
                                           const CoverageCosts &costs);
    // `costs` without the facilities flagged in `excluded`, the rest renumbered in order.
    static CoverageCosts withoutFacilities(const CoverageCosts &costs, const std::vector<char> &excluded);
    // Per area and overall: the two outcomes side by side.
    static ScenarioComparison compare(const CoverageRequest &baseline, const CoverageOutcome &before, const CoverageOutcome &after,
                                      std::vector<UnsuitableShelter> unsuitable);
};

} // namespace refuge
