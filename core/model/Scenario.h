#pragma once
// Scenario: a named what-if stored in the project's "scenarios" list — hazard rules
// (as analysis.hazard: shelters in the hazard unsuitable, streets closed) and/or edits
// of the facility layers (shelters, fire stations): add, move, delete, capacity
// change. Pure data; the project keeps the list as an extra key, so the JSON round
// trip is exact. Applying one (ScenarioApply, core/analysis/scenario) checks the
// layers and ids it references. Errors are one InvalidInput line naming the project
// and the key: "<project>: scenarios[1].edits.shelters.add[0].capacity: ...".
#include <QJsonObject>
#include <QMap>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace refuge {

class Project;

// A point given as lon/lat (WGS 84) or x/y in the project CRS.
struct ScenarioPoint {
    QPointF xy;
    bool lonLat = false;
    bool operator==(const ScenarioPoint &) const = default;
};

struct FacilityAddition {
    QString id;                 // empty: "new-<n>"
    QString name;
    std::optional<double> capacity;
    ScenarioPoint at;
    bool operator==(const FacilityAddition &) const = default;
};

// The edits of one facility layer.
struct FacilityEdits {
    QString role;               // "shelters" or "fire_stations"
    QString layerId;            // empty: the project's first layer with the role
    std::vector<FacilityAddition> add;
    QMap<QString, ScenarioPoint> move;  // id → new point
    QStringList remove;                 // ids ("delete")
    QMap<QString, double> capacity;     // id → new capacity
    QString key;                        // "scenarios[1].edits.shelters", for messages
    bool isEmpty() const { return add.empty() && move.isEmpty() && remove.isEmpty() && capacity.isEmpty(); }
    bool operator==(const FacilityEdits &) const = default;
};

struct Scenario {
    static inline const QString kBaseline = QStringLiteral("baseline");

    QString name;
    std::optional<QJsonObject> hazard;  // rules as analysis.hazard (checked by ScenarioRules)
    std::vector<FacilityEdits> edits;
    QString key;                        // "scenarios[1]", for messages

    // `where`: "<project>: scenarios[i]". Throws InvalidInput "<where>.<key>: <what>".
    static Scenario fromJson(const QJsonObject &json, const QString &where);
    QJsonObject toJson() const;

    // The project's "scenarios" (empty when it has none). Names are unique and not
    // "baseline". Throws InvalidInput naming the project and the key.
    static std::vector<Scenario> listOf(const Project &project);
    // The scenario named `name` ("baseline": none, an empty scenario). Throws
    // InvalidInput "<project>: scenarios: no scenario named 'X' (the project has: a, b)".
    static Scenario named(const Project &project, const QString &name);
    bool isBaseline() const { return name == kBaseline; }
    bool operator==(const Scenario &) const = default;
};

} // namespace refuge
