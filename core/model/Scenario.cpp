// Scenario: the project's named what-ifs (hazard rules and facility edits) from and to JSON.
#include "model/Scenario.h"
#include "model/Project.h"
#include "util/Error.h"

#include <QJsonArray>
#include <QSet>
#include <cmath>

namespace refuge {

namespace {

const QStringList kRoles{QStringLiteral("shelters"), QStringLiteral("fire_stations")};

[[noreturn]] void fail(const QString &where, const QString &what) { throw InvalidInput(where + QStringLiteral(": ") + what); }

QJsonObject objectAt(const QJsonValue &v, const QString &where)
{
    if (!v.isObject())
        fail(where, QStringLiteral("expected an object"));
    return v.toObject();
}

QJsonArray arrayAt(const QJsonValue &v, const QString &where)
{
    if (!v.isArray())
        fail(where, QStringLiteral("expected a list"));
    return v.toArray();
}

double number(const QJsonValue &v, const QString &where, double min = -1e300)
{
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        fail(where, QStringLiteral("expected a number"));
    if (v.toDouble() < min)
        fail(where, QStringLiteral("must be %1 or more (got %2)").arg(min).arg(v.toDouble()));
    return v.toDouble();
}

QString text(const QJsonValue &v, const QString &where)
{
    if (!v.isString() || v.toString().trimmed().isEmpty())
        fail(where, QStringLiteral("expected a non-empty text"));
    return v.toString().trimmed();
}

void refuseUnknownKeys(const QJsonObject &o, const QStringList &known, const QString &where)
{
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()))
            fail(where, QStringLiteral("unknown key '%1' (expected %2)").arg(it.key(), known.join(QStringLiteral(", "))));
}

// {"lon": .., "lat": ..} or {"x": .., "y": ..} (also inside an addition).
ScenarioPoint pointOf(const QJsonObject &o, const QString &where)
{
    const bool lonLat = o.contains(QStringLiteral("lon")) || o.contains(QStringLiteral("lat"));
    const bool xy = o.contains(QStringLiteral("x")) || o.contains(QStringLiteral("y"));
    if (lonLat == xy)
        fail(where, QStringLiteral("give the point as lon/lat or as x/y in the project CRS"));
    ScenarioPoint p;
    p.lonLat = lonLat;
    const QString a = lonLat ? QStringLiteral("lon") : QStringLiteral("x"), b = lonLat ? QStringLiteral("lat") : QStringLiteral("y");
    p.xy = QPointF(number(o.value(a), where + QLatin1Char('.') + a), number(o.value(b), where + QLatin1Char('.') + b));
    if (lonLat && (std::abs(p.xy.x()) > 180 || std::abs(p.xy.y()) > 90))
        fail(where, QStringLiteral("lon must be -180…180 and lat -90…90 (got %1, %2)").arg(p.xy.x()).arg(p.xy.y()));
    return p;
}

void pointTo(QJsonObject &o, const ScenarioPoint &p)
{
    o.insert(p.lonLat ? QStringLiteral("lon") : QStringLiteral("x"), p.xy.x());
    o.insert(p.lonLat ? QStringLiteral("lat") : QStringLiteral("y"), p.xy.y());
}

FacilityAddition additionOf(const QJsonValue &v, const QString &where)
{
    const QJsonObject o = objectAt(v, where);
    refuseUnknownKeys(o, {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("capacity"), QStringLiteral("lon"), QStringLiteral("lat"),
                          QStringLiteral("x"), QStringLiteral("y")},
                      where);
    FacilityAddition a;
    if (o.contains(QStringLiteral("id")))
        a.id = text(o.value(QStringLiteral("id")), where + QStringLiteral(".id"));
    if (o.contains(QStringLiteral("name")))
        a.name = text(o.value(QStringLiteral("name")), where + QStringLiteral(".name"));
    if (o.contains(QStringLiteral("capacity")))
        a.capacity = number(o.value(QStringLiteral("capacity")), where + QStringLiteral(".capacity"), 0);
    a.at = pointOf(o, where);
    return a;
}

FacilityEdits editsOf(const QString &role, const QJsonValue &v, const QString &where)
{
    const QJsonObject o = objectAt(v, where);
    refuseUnknownKeys(o, {QStringLiteral("layer"), QStringLiteral("add"), QStringLiteral("move"), QStringLiteral("delete"), QStringLiteral("capacity")}, where);
    FacilityEdits e;
    e.role = role;
    e.key = where;
    if (o.contains(QStringLiteral("layer")))
        e.layerId = text(o.value(QStringLiteral("layer")), where + QStringLiteral(".layer"));
    const QJsonArray add = o.contains(QStringLiteral("add")) ? arrayAt(o.value(QStringLiteral("add")), where + QStringLiteral(".add")) : QJsonArray();
    for (qsizetype i = 0; i < add.size(); ++i)
        e.add.push_back(additionOf(add[i], where + QStringLiteral(".add[%1]").arg(i)));
    const QJsonObject move = o.contains(QStringLiteral("move")) ? objectAt(o.value(QStringLiteral("move")), where + QStringLiteral(".move")) : QJsonObject();
    for (auto it = move.begin(); it != move.end(); ++it)
        e.move.insert(it.key(), pointOf(objectAt(it.value(), where + QStringLiteral(".move.") + it.key()), where + QStringLiteral(".move.") + it.key()));
    const QJsonArray del = o.contains(QStringLiteral("delete")) ? arrayAt(o.value(QStringLiteral("delete")), where + QStringLiteral(".delete")) : QJsonArray();
    for (qsizetype i = 0; i < del.size(); ++i)
        e.remove << text(del[i], where + QStringLiteral(".delete[%1]").arg(i));
    const QJsonObject cap = o.contains(QStringLiteral("capacity")) ? objectAt(o.value(QStringLiteral("capacity")), where + QStringLiteral(".capacity")) : QJsonObject();
    for (auto it = cap.begin(); it != cap.end(); ++it)
        e.capacity.insert(it.key(), number(it.value(), where + QStringLiteral(".capacity.") + it.key(), 0));
    for (const QString &id : e.remove)
        if (e.move.contains(id) || e.capacity.contains(id))
            fail(where, QStringLiteral("id '%1' is both deleted and edited").arg(id));
    return e;
}

QString projectName(const Project &project) { return project.filePath().isEmpty() ? QStringLiteral("project") : project.filePath(); }

} // namespace

Scenario Scenario::fromJson(const QJsonObject &json, const QString &where)
{
    refuseUnknownKeys(json, {QStringLiteral("name"), QStringLiteral("hazard"), QStringLiteral("edits"), QStringLiteral("description")}, where);
    Scenario s;
    s.key = where.mid(where.lastIndexOf(QStringLiteral(": ")) + 2);
    s.name = text(json.value(QStringLiteral("name")), where + QStringLiteral(".name"));
    if (s.name.compare(kBaseline, Qt::CaseInsensitive) == 0)
        fail(where + QStringLiteral(".name"), QStringLiteral("'baseline' is the project without a scenario; choose another name"));
    if (json.contains(QStringLiteral("hazard")))
        s.hazard = objectAt(json.value(QStringLiteral("hazard")), where + QStringLiteral(".hazard"));
    const QString editsKey = where + QStringLiteral(".edits");
    const QJsonObject edits = json.contains(QStringLiteral("edits")) ? objectAt(json.value(QStringLiteral("edits")), editsKey) : QJsonObject();
    refuseUnknownKeys(edits, kRoles, editsKey);
    for (const QString &role : kRoles)
        if (edits.contains(role))
            s.edits.push_back(editsOf(role, edits.value(role), editsKey + QLatin1Char('.') + role));
    return s;
}

QJsonObject Scenario::toJson() const
{
    QJsonObject o{{QStringLiteral("name"), name}};
    if (hazard)
        o.insert(QStringLiteral("hazard"), *hazard);
    QJsonObject edits;
    for (const FacilityEdits &e : this->edits) {
        QJsonObject r;
        if (!e.layerId.isEmpty())
            r.insert(QStringLiteral("layer"), e.layerId);
        QJsonArray add;
        for (const FacilityAddition &a : e.add) {
            QJsonObject j;
            if (!a.id.isEmpty())
                j.insert(QStringLiteral("id"), a.id);
            if (!a.name.isEmpty())
                j.insert(QStringLiteral("name"), a.name);
            if (a.capacity)
                j.insert(QStringLiteral("capacity"), *a.capacity);
            pointTo(j, a.at);
            add.append(j);
        }
        if (!add.isEmpty())
            r.insert(QStringLiteral("add"), add);
        QJsonObject move, cap;
        for (auto it = e.move.begin(); it != e.move.end(); ++it) {
            QJsonObject j;
            pointTo(j, it.value());
            move.insert(it.key(), j);
        }
        for (auto it = e.capacity.begin(); it != e.capacity.end(); ++it)
            cap.insert(it.key(), it.value());
        if (!move.isEmpty())
            r.insert(QStringLiteral("move"), move);
        if (!e.remove.isEmpty())
            r.insert(QStringLiteral("delete"), QJsonArray::fromStringList(e.remove));
        if (!cap.isEmpty())
            r.insert(QStringLiteral("capacity"), cap);
        edits.insert(e.role, r);
    }
    if (!edits.isEmpty())
        o.insert(QStringLiteral("edits"), edits);
    return o;
}

std::vector<Scenario> Scenario::listOf(const Project &project)
{
    const QJsonValue v = project.toJson().value(QStringLiteral("scenarios"));
    const QString where = projectName(project) + QStringLiteral(": scenarios");
    if (v.isUndefined() || v.isNull())
        return {};
    const QJsonArray list = arrayAt(v, where);
    std::vector<Scenario> out;
    QSet<QString> names;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString key = where + QStringLiteral("[%1]").arg(i);
        Scenario s = fromJson(objectAt(list[i], key), key);
        if (names.contains(s.name))
            fail(key + QStringLiteral(".name"), QStringLiteral("another scenario is already named '%1'").arg(s.name));
        names.insert(s.name);
        out.push_back(std::move(s));
    }
    return out;
}

Scenario Scenario::named(const Project &project, const QString &name)
{
    if (name == kBaseline) { // the list is not read: a baseline run does not depend on it
        Scenario s;
        s.name = kBaseline;
        return s;
    }
    const std::vector<Scenario> all = listOf(project);
    QStringList names;
    for (const Scenario &s : all) {
        if (s.name == name)
            return s;
        names << s.name;
    }
    fail(projectName(project) + QStringLiteral(": scenarios"),
         names.isEmpty() ? QStringLiteral("no scenario named '%1' (the project has none; 'baseline' is the project as it is)").arg(name)
                         : QStringLiteral("no scenario named '%1' (the project has: baseline, %2)").arg(name, names.join(QStringLiteral(", "))));
}

} // namespace refuge
