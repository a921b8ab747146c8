// ScenarioEdits: a facility layer with a scenario's add / move / delete / capacity edits.
#include "analysis/scenario/ScenarioEdits.h"
#include "analysis/FacilityIds.h"
#include "crs/CoordinateTransform.h"
#include "util/Error.h"

#include <QJsonObject>
#include <QSet>

namespace refuge {

namespace {

QString projectName(const Project &p) { return p.filePath().isEmpty() ? QStringLiteral("project") : p.filePath(); }

[[noreturn]] void fail(const Project &p, const QString &key, const QString &what)
{
    throw InvalidInput(fileMessage(projectName(p), key + QStringLiteral(": ") + what));
}

VectorLayer loadLayer(const Project &project, const ProjectLayer &l)
{
    LoadOptions o;
    o.targetCrs = project.crs;
    o.encoding = l.encoding;
    if (!l.crs.isEmpty())
        o.assumedCrs = Crs::fromUserInput(l.crs);
    return VectorLayer::load(project.dataSource(l), o);
}

// The ids the analyses name this layer's rows by, and the field holding them (-1: row numbers).
int idFieldOf(const ProjectLayer &l, const VectorLayer &layer)
{
    const QString mapped = !l.field(QStringLiteral("id")).isEmpty() ? l.field(QStringLiteral("id")) : l.field(QStringLiteral("name"));
    return FacilityIds::field(layer, mapped);
}

QPointF projectPoint(const Project &project, const ScenarioPoint &p)
{
    if (!p.lonLat)
        return p.xy;
    return CoordinateTransform(Crs::fromEpsg(4326), project.crs).transform(p.xy);
}

// Row of `id` in `ids`: the key names the edit; an unknown or repeated id is refused.
int rowOf(const Project &project, const QStringList &ids, const QString &id, const QString &key, const ProjectLayer &l)
{
    const qsizetype first = ids.indexOf(id);
    if (first < 0)
        fail(project, key, QStringLiteral("no feature with id '%1' in layer '%2' (%3)").arg(id, l.id, project.dataSource(l).displayName()));
    if (ids.indexOf(id, first + 1) >= 0)
        fail(project, key, QStringLiteral("id '%1' names more than one feature of layer '%2'; map a unique id field (fields.id)").arg(id, l.id));
    return int(first);
}

int capacityField(const Project &project, const ProjectLayer &l, const VectorLayer &layer, const QString &key)
{
    const int f = layer.fieldIndex(l.field(QStringLiteral("capacity")));
    if (l.field(QStringLiteral("capacity")).isEmpty() || f < 0)
        fail(project, key, QStringLiteral("layer '%1' has no capacity field (map one as fields.capacity)").arg(l.id));
    return f;
}

VectorLayer emptyCopy(const VectorLayer &src)
{
    VectorLayer out(src.name(), src.geometryType(), src.crs());
    for (const Field &f : src.fields())
        out.addField(f);
    return out;
}

QVariantList rowValues(const VectorLayer &l, int row)
{
    QVariantList v;
    for (int f = 0; f < int(l.fields().size()); ++f)
        v << l.attribute(row, f);
    return v;
}

void addFeatures(const Project &project, const FacilityEdits &e, const ProjectLayer &l, EditedLayer &out)
{
    QStringList ids = out.ids();
    const int idF = out.layer.fieldIndex(out.idField);
    const int nameF = out.layer.fieldIndex(l.field(QStringLiteral("name")));
    for (std::size_t i = 0; i < e.add.size(); ++i) {
        const FacilityAddition &a = e.add[i];
        const QString key = e.key + QStringLiteral(".add[%1]").arg(i);
        QString id = a.id.isEmpty() ? QStringLiteral("new-%1").arg(i + 1) : a.id;
        if (idF == nameF && !a.name.isEmpty()) // the names are the ids
            id = a.name;
        if (ids.contains(id))
            fail(project, key, QStringLiteral("id '%1' is already taken in layer '%2'").arg(id, l.id));
        QVariantList v;
        for (int f = 0; f < int(out.layer.fields().size()); ++f)
            v << QVariant();
        v[idF] = id;
        if (nameF >= 0)
            v[nameF] = a.name.isEmpty() ? id : a.name;
        if (a.capacity)
            v[capacityField(project, l, out.layer, key + QStringLiteral(".capacity"))] = *a.capacity;
        out.layer.addFeature(Geometry::point(projectPoint(project, a.at)), v);
        ids << id;
        out.changes.append(QJsonObject{{QStringLiteral("action"), QStringLiteral("add")}, {QStringLiteral("id"), id}});
    }
}

} // namespace

QStringList EditedLayer::ids() const
{
    const int f = layer.fieldIndex(idField);
    QStringList out;
    for (int r = 0; r < layer.featureCount(); ++r)
        out << FacilityIds::id(layer, f, r);
    return out;
}

void EditedLayer::removeRows(const std::vector<char> &drop)
{
    VectorLayer kept = emptyCopy(layer);
    for (int r = 0; r < layer.featureCount(); ++r)
        if (std::size_t(r) >= drop.size() || !drop[std::size_t(r)])
            kept.addFeature(layer.geometry(r), rowValues(layer, r));
    layer = std::move(kept);
}

QStringList ScenarioEdits::idsOf(const ProjectLayer &l, const VectorLayer &layer)
{
    const int f = idFieldOf(l, layer);
    QStringList ids;
    for (int r = 0; r < layer.featureCount(); ++r)
        ids << FacilityIds::id(layer, f, r);
    return ids;
}

const ProjectLayer &ScenarioEdits::layerOf(const Project &project, const FacilityEdits &e)
{
    const Role role = *roleFromName(e.role);
    if (e.layerId.isEmpty()) {
        if (const ProjectLayer *l = project.layerWithRole(role))
            return *l;
        fail(project, e.key, QStringLiteral("the project has no %1 layer to edit").arg(e.role));
    }
    const ProjectLayer *l = project.layerById(e.layerId);
    if (!l)
        fail(project, e.key + QStringLiteral(".layer"), QStringLiteral("no layer '%1' in the project (deleted or renamed?)").arg(e.layerId));
    if (l->role != role)
        fail(project, e.key + QStringLiteral(".layer"), QStringLiteral("layer '%1' has role %2, not %3").arg(e.layerId, roleName(l->role), e.role));
    return *l;
}

EditedLayer ScenarioEdits::apply(const Project &project, const FacilityEdits &e)
{
    const ProjectLayer &l = layerOf(project, e);
    const VectorLayer src = loadLayer(project, l);
    const bool points = dimension(src.geometryType()) == 0;
    if (!points && (!e.add.empty() || !e.move.isEmpty()))
        fail(project, e.key, QStringLiteral("layer '%1' holds %2; additions and moves need a point layer").arg(l.id, geometryTypeName(src.geometryType())));
    EditedLayer out;
    out.derived = l;
    out.gpkgLayer = e.role;
    out.layer = emptyCopy(src);
    int idF = idFieldOf(l, src);
    const QStringList ids = idsOf(l, src);
    if (idF < 0) { // row numbers: keep them in a field of their own
        out.idField = src.fieldIndex(QStringLiteral("id")) < 0 ? QStringLiteral("id") : QStringLiteral("refuge_id");
        idF = out.layer.addField({out.idField, FieldType::String});
        out.derived.fields.insert(QStringLiteral("id"), out.idField);
    } else {
        out.idField = src.fields()[std::size_t(idF)].name;
    }
    std::vector<char> removed(std::size_t(src.featureCount()), 0);
    for (const QString &id : e.remove)
        removed[std::size_t(rowOf(project, ids, id, e.key + QStringLiteral(".delete"), l))] = 1;
    QMap<int, QPointF> moved;
    for (auto it = e.move.begin(); it != e.move.end(); ++it)
        moved.insert(rowOf(project, ids, it.key(), e.key + QStringLiteral(".move"), l), projectPoint(project, it.value()));
    QMap<int, double> capacity;
    for (auto it = e.capacity.begin(); it != e.capacity.end(); ++it)
        capacity.insert(rowOf(project, ids, it.key(), e.key + QStringLiteral(".capacity"), l), it.value());
    const int capF = capacity.isEmpty() ? -1 : capacityField(project, l, src, e.key + QStringLiteral(".capacity"));
    for (int r = 0; r < src.featureCount(); ++r) {
        if (removed[std::size_t(r)]) {
            out.changes.append(QJsonObject{{QStringLiteral("action"), QStringLiteral("delete")}, {QStringLiteral("id"), ids[r]}});
            continue;
        }
        QVariantList v = rowValues(src, r);
        if (v.size() < int(out.layer.fields().size()))
            v << ids[r];
        if (capacity.contains(r)) {
            out.changes.append(QJsonObject{{QStringLiteral("action"), QStringLiteral("capacity")}, {QStringLiteral("id"), ids[r]},
                                           {QStringLiteral("from"), v[capF].toDouble()}, {QStringLiteral("to"), capacity[r]}});
            v[capF] = capacity[r];
        }
        Geometry g = src.geometry(r);
        if (moved.contains(r)) {
            g = Geometry::point(moved[r]);
            out.changes.append(QJsonObject{{QStringLiteral("action"), QStringLiteral("move")}, {QStringLiteral("id"), ids[r]},
                                           {QStringLiteral("x"), moved[r].x()}, {QStringLiteral("y"), moved[r].y()}});
        }
        out.layer.addFeature(std::move(g), v);
    }
    addFeatures(project, e, l, out);
    return out;
}

} // namespace refuge
