#pragma once
// ScenarioEdits: one facility layer of a project with a scenario's edits applied —
// deletions, moves, capacity changes, additions — as a new in-memory VectorLayer in
// the project CRS (the source file is only read). Facilities are named by the ids the
// analyses use (the layer's `id` mapping, else its `name` mapping, else FacilityIds);
// when those are row numbers the edited layer gets an `id` field keeping them, so ids
// stay stable after a deletion. Part of ScenarioApply; synchronous, any thread.
#include "model/Project.h"
#include "model/Scenario.h"
#include "model/VectorLayer.h"

#include <QJsonArray>

namespace refuge {

struct EditedLayer {
    ProjectLayer derived;        // the project layer to point at the edited copy (fields.id set when added)
    VectorLayer layer;           // edited features, project CRS
    QString idField;             // field holding the ids in `layer`
    QString gpkgLayer;           // layer name inside scenario.gpkg
    QJsonArray changes;          // {"action": "add|move|delete|capacity", "id": ..., ...}

    QStringList ids() const;     // per feature of `layer`
    // `layer` without the rows flagged in `drop` (same order otherwise).
    void removeRows(const std::vector<char> &drop);
};

namespace ScenarioEdits {

// The project layer the edits name (`layer`, else the first with the role). Throws
// InvalidInput "<project>: <key>: ..." when it is missing or has another role.
const ProjectLayer &layerOf(const Project &project, const FacilityEdits &edits);
// The ids the edits name the rows of `layer` (loaded from `l`) by, in row order.
// Throws InvalidInput when l's mapped id field is missing.
QStringList idsOf(const ProjectLayer &l, const VectorLayer &layer);
// Loads the layer and applies the edits. Throws InvalidInput naming the project and the
// edit's key for an unknown id, an id given twice, a capacity without a capacity field,
// an addition or move on a layer that is not points.
EditedLayer apply(const Project &project, const FacilityEdits &edits);

} // namespace ScenarioEdits

} // namespace refuge
