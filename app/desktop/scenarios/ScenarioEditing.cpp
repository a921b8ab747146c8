// ScenarioEditing: a role's facilities under a scenario, and the edits the tools record.
#include "scenarios/ScenarioEditing.h"

#include "analysis/scenario/ScenarioEdits.h"
#include "crs/CoordinateTransform.h"
#include "model/VectorLayer.h"
#include "util/Error.h"

#include <QLineF>
#include <algorithm>

namespace refuge::desktop {

const QStringList ScenarioEditing::kRoles{QStringLiteral("shelters"), QStringLiteral("fire_stations")};

namespace {

QPointF inProjectCrs(const Project &project, const ScenarioPoint &p)
{
    if (!p.lonLat)
        return p.xy;
    try {
        return CoordinateTransform(Crs::fromEpsg(4326), project.crs).transform(p.xy);
    } catch (const Error &) {
        return p.xy;
    }
}

const FacilityEdits *editsOf(const Scenario &s, const QString &role)
{
    for (const FacilityEdits &e : s.edits)
        if (e.role == role)
            return &e;
    return nullptr;
}

FacilityEdits &editsFor(Scenario &s, const QString &role)
{
    for (FacilityEdits &e : s.edits)
        if (e.role == role)
            return e;
    FacilityEdits e;
    e.role = role;
    s.edits.push_back(e);
    return s.edits.back();
}

void dropEmpty(Scenario &s)
{
    std::erase_if(s.edits, [](const FacilityEdits &e) { return e.isEmpty(); });
}

std::optional<double> capacityOf(const VectorLayer &layer, int field, int row)
{
    if (field < 0)
        return std::nullopt;
    bool ok = false;
    const double v = layer.attribute(row, field).toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

void addOriginals(const Project &project, const ProjectLayer &l, const VectorLayer &layer, const FacilityEdits *e, ScenarioFacilities &out)
{
    QStringList ids;
    try {
        ids = ScenarioEdits::idsOf(l, layer);
    } catch (const Error &) {
        return; // a mapped id field that is missing: the layer's own problem, shown elsewhere
    }
    const int nameF = layer.fieldIndex(l.field(QStringLiteral("name")));
    const int capF = l.field(QStringLiteral("capacity")).isEmpty() ? -1 : layer.fieldIndex(l.field(QStringLiteral("capacity")));
    for (int r = 0; r < layer.featureCount(); ++r) {
        const Geometry &g = layer.geometry(r);
        if (g.isEmpty())
            continue;
        ScenarioFacility f;
        f.index = r;
        f.id = ids[r];
        f.name = nameF >= 0 ? layer.attribute(r, nameF).toString() : f.id;
        f.original = f.at = g.ringPoints(0)[0];
        f.capacity = capacityOf(layer, capF, r);
        if (e) {
            f.deleted = e->remove.contains(f.id);
            if (e->move.contains(f.id)) {
                f.moved = true;
                f.at = inProjectCrs(project, e->move.value(f.id));
            }
            if (e->capacity.contains(f.id)) {
                f.capacityChanged = true;
                f.capacity = e->capacity.value(f.id);
            }
        }
        out.items.push_back(f);
    }
}

} // namespace

const ProjectLayer *ScenarioEditing::layerFor(const Project &project, const Scenario &scenario, const QString &role)
{
    FacilityEdits probe;
    probe.role = role;
    if (const FacilityEdits *e = editsOf(scenario, role))
        probe = *e;
    try {
        return &ScenarioEdits::layerOf(project, probe);
    } catch (const Error &) {
        return nullptr;
    }
}

ScenarioFacilities ScenarioEditing::facilities(const Project &project, const Scenario &scenario, const QString &role, const VectorLayer *layer)
{
    ScenarioFacilities out;
    out.role = role;
    const ProjectLayer *l = layerFor(project, scenario, role);
    if (!l)
        return out;
    out.layerId = l->id;
    out.hasCapacity = !l->field(QStringLiteral("capacity")).isEmpty();
    const FacilityEdits *e = editsOf(scenario, role);
    if (layer)
        addOriginals(project, *l, *layer, e, out);
    if (!e)
        return out;
    for (std::size_t i = 0; i < e->add.size(); ++i) {
        const FacilityAddition &a = e->add[i];
        ScenarioFacility f;
        f.added = true;
        f.index = int(i);
        f.id = a.id.isEmpty() ? QStringLiteral("new-%1").arg(i + 1) : a.id;
        f.name = a.name.isEmpty() ? f.id : a.name;
        f.at = inProjectCrs(project, a.at);
        f.capacity = a.capacity;
        out.items.push_back(f);
    }
    return out;
}

const ScenarioFacility *ScenarioEditing::nearest(const ScenarioFacilities &set, QPointF p, double tolerance, bool withDeleted)
{
    const ScenarioFacility *best = nullptr;
    double bestDistance = tolerance;
    for (const ScenarioFacility &f : set.items) {
        if (f.deleted && !withDeleted)
            continue;
        const double d = QLineF(p, f.at).length();
        if (d <= bestDistance) {
            bestDistance = d;
            best = &f;
        }
    }
    return best;
}

void ScenarioEditing::add(Scenario &s, const QString &role, const QString &name, std::optional<double> capacity, QPointF at)
{
    FacilityAddition a;
    a.name = name.trimmed();
    a.capacity = capacity;
    a.at = ScenarioPoint{at, false};
    editsFor(s, role).add.push_back(a);
}

void ScenarioEditing::move(Scenario &s, const QString &role, const ScenarioFacility &f, QPointF to)
{
    FacilityEdits &e = editsFor(s, role);
    if (f.added) {
        e.add[std::size_t(f.index)].at = ScenarioPoint{to, false};
        return;
    }
    if (QLineF(to, f.original).length() < 1e-9)
        e.move.remove(f.id); // back where the layer has it
    else
        e.move.insert(f.id, ScenarioPoint{to, false});
    dropEmpty(s);
}

void ScenarioEditing::toggleDelete(Scenario &s, const QString &role, const ScenarioFacility &f)
{
    FacilityEdits &e = editsFor(s, role);
    if (f.added) {
        e.add.erase(e.add.begin() + f.index);
    } else if (e.remove.contains(f.id)) {
        e.remove.removeAll(f.id);
    } else { // a deleted facility keeps no move or capacity (the scenario would be refused)
        e.move.remove(f.id);
        e.capacity.remove(f.id);
        e.remove << f.id;
    }
    dropEmpty(s);
}

void ScenarioEditing::setCapacity(Scenario &s, const QString &role, const ScenarioFacility &f, double capacity)
{
    FacilityEdits &e = editsFor(s, role);
    if (f.added)
        e.add[std::size_t(f.index)].capacity = capacity;
    else
        e.capacity.insert(f.id, capacity);
}

ScenarioEditing::Counts ScenarioEditing::counts(const Scenario &s)
{
    Counts c;
    for (const FacilityEdits &e : s.edits) {
        c.added += int(e.add.size());
        c.moved += int(e.move.size());
        c.deleted += int(e.remove.size());
        c.capacity += int(e.capacity.size());
    }
    return c;
}

} // namespace refuge::desktop
