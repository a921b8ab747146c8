#pragma once
// ScenarioEditing: the facilities of one role (shelters, fire stations) as a scenario
// leaves them — the loaded layer's features with the scenario's moves, deletions and
// capacity changes, plus its additions — for the map overlay and the edit tools'
// hit-testing, and the edit operations on a Scenario value that the tools record
// (ScenarioSession turns them into undo commands). Points are in the project CRS.
// Original features are named by the ids the analyses use (ScenarioEdits::idsOf);
// additions by their position in the scenario's "add" list. Pure functions; any thread.
#include "model/Project.h"
#include "model/Scenario.h"

#include <QPointF>
#include <optional>
#include <vector>

namespace refuge {
class VectorLayer;
}

namespace refuge::desktop {

struct ScenarioFacility {
    bool added = false;        // an addition of the scenario (index into its add list)
    int index = -1;            // row of the loaded layer, or position in the add list
    QString id, name;
    QPointF original;          // where the layer has it (originals only)
    QPointF at;                // where it stands in the scenario
    std::optional<double> capacity; // in the scenario (the layer's value when unchanged)
    bool deleted = false, moved = false, capacityChanged = false;
};

struct ScenarioFacilities {
    QString role;              // "shelters" / "fire_stations"
    QString layerId;           // the project layer edited (empty: none)
    bool hasCapacity = false;  // the layer maps a capacity field
    std::vector<ScenarioFacility> items;
};

namespace ScenarioEditing {

extern const QStringList kRoles; // shelters, fire_stations

// The project layer a scenario's edits of `role` go to (nullptr: the project has none).
const ProjectLayer *layerFor(const Project &project, const Scenario &scenario, const QString &role);
// `layer`: the loaded layer of layerFor() (nullptr while loading: additions only).
// Edits naming unknown ids are left out (ScenarioApply reports them when run).
ScenarioFacilities facilities(const Project &project, const Scenario &scenario, const QString &role, const VectorLayer *layer);
// The facility nearest `p` within `tolerance` map units (deleted ones only when
// `withDeleted`); nullptr when none.
const ScenarioFacility *nearest(const ScenarioFacilities &set, QPointF p, double tolerance, bool withDeleted);

// The edits (each keeps the scenario valid; the list's empty entries are dropped).
void add(Scenario &s, const QString &role, const QString &name, std::optional<double> capacity, QPointF at);
void move(Scenario &s, const QString &role, const ScenarioFacility &f, QPointF to);
// Deletes a facility of the layer, removes an addition; a deleted one is restored.
void toggleDelete(Scenario &s, const QString &role, const ScenarioFacility &f);
void setCapacity(Scenario &s, const QString &role, const ScenarioFacility &f, double capacity);

// Counts for the panel: additions, moves, deletions, capacity changes over all roles.
struct Counts {
    int added = 0, moved = 0, deleted = 0, capacity = 0;
};
Counts counts(const Scenario &s);

} // namespace ScenarioEditing

} // namespace refuge::desktop
