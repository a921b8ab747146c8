#include "analysis/jobs/ProjectJobSettings.h"

#include <QDir>
#include <QJsonArray>
#include <QFileInfo>
#include <cmath>

namespace refuge {

namespace {

QJsonObject section(const Project &project, const QString &name)
{
    return project.analysis.value(name).toObject();
}

void setLimit(NetworkSettings &n, const QJsonObject &s)
{
    if (s.contains(QStringLiteral("max_meters"))) {
        n.unit = CostUnit::Meters;
        n.limit = s.value(QStringLiteral("max_meters")).toDouble();
    } else if (s.contains(QStringLiteral("max_minutes"))) {
        n.unit = CostUnit::Seconds;
        n.limit = s.value(QStringLiteral("max_minutes")).toDouble();
    }
    n.breaks.clear();
    for (const QJsonValue &b : s.value(QStringLiteral("breaks")).toArray())
        n.breaks.push_back(b.toDouble());
}

DataSource sourceOf(const Project &project, Role role)
{
    const ProjectLayer *l = project.layerWithRole(role);
    return l ? project.dataSource(*l) : DataSource();
}

QString fieldOf(const Project &project, Role role, const QString &key)
{
    const ProjectLayer *l = project.layerWithRole(role);
    return l ? l->field(key) : QString();
}

} // namespace

NetworkSettings ProjectJobSettings::network(const Project &project, const QJsonObject &s, const QString &defaultProfile)
{
    NetworkSettings n;
    n.network = sourceOf(project, Role::Roads);
    n.profile = s.value(QStringLiteral("profile")).toString(defaultProfile);
    n.onewayField = fieldOf(project, Role::Roads, QStringLiteral("oneway"));
    n.speedField = fieldOf(project, Role::Roads, QStringLiteral("speed"));
    if (project.crs.isValid() && !project.crs.isGeographic())
        n.crs = project.crs;
    setLimit(n, s);
    return n;
}

QString ProjectJobSettings::standardName(const Project &project)
{
    return project.analysis.value(QStringLiteral("standard")).toString(QStringLiteral("shanghai"));
}

QStringList ProjectJobSettings::standardOverrides(const Project &project)
{
    QStringList out;
    const QJsonObject overrides = project.analysis.value(QStringLiteral("standard_overrides")).toObject();
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        out << QStringLiteral("%1=%2").arg(it.key()).arg(it.value().toDouble(), 0, 'g', 17);
    return out;
}

CoverageSettings ProjectJobSettings::coverage(const Project &project)
{
    const QJsonObject c = section(project, QStringLiteral("coverage"));
    CoverageSettings s;
    s.network = network(project, c, QStringLiteral("walk"));
    s.euclidean = s.network.network.path.isEmpty() || c.value(QStringLiteral("euclidean")).toBool();
    s.network.facilities = sourceOf(project, Role::Shelters);
    const QString name = fieldOf(project, Role::Shelters, QStringLiteral("name"));
    const QString id = fieldOf(project, Role::Shelters, QStringLiteral("id"));
    s.fields.id = id.isEmpty() ? name : id;
    s.fields.name = name;
    s.fields.capacity = fieldOf(project, Role::Shelters, QStringLiteral("capacity"));
    s.fields.area = fieldOf(project, Role::Shelters, QStringLiteral("area"));
    s.demand = sourceOf(project, Role::Population);
    s.populationField = fieldOf(project, Role::Population, QStringLiteral("population"));
    const QString areaField = fieldOf(project, Role::Communities, QStringLiteral("name"));
    if (!areaField.isEmpty()) {
        s.areas = sourceOf(project, Role::Communities);
        s.areaField = areaField;
    }
    s.assignment = c.value(QStringLiteral("assignment")).toString(QStringLiteral("nearest"));
    if (c.contains(QStringLiteral("area_from_capacity"))) // m² per person; not a number: refused by CoverageJob
        s.areaFromCapacityM2 = c.value(QStringLiteral("area_from_capacity")).isDouble() ? c.value(QStringLiteral("area_from_capacity")).toDouble()
                                                                                         : std::nan("");
    s.standard = standardName(project);
    s.standardOverrides = standardOverrides(project);
    return s;
}

FireSettings ProjectJobSettings::fire(const Project &project)
{
    const QJsonObject f = section(project, QStringLiteral("fire"));
    FireSettings s;
    s.network = network(project, f, QStringLiteral("drive"));
    s.euclidean = s.network.network.path.isEmpty() || f.value(QStringLiteral("euclidean")).toBool();
    s.network.facilities = sourceOf(project, Role::FireStations);
    const QString id = fieldOf(project, Role::FireStations, QStringLiteral("id"));
    s.fields.name = fieldOf(project, Role::FireStations, QStringLiteral("name"));
    s.fields.id = id.isEmpty() ? s.fields.name : id;
    s.fields.grade = fieldOf(project, Role::FireStations, QStringLiteral("grade"));
    s.fields.turnout = fieldOf(project, Role::FireStations, QStringLiteral("turnout"));
    if (f.contains(QStringLiteral("turnout_seconds")))
        s.turnoutSeconds = f.value(QStringLiteral("turnout_seconds")).toDouble();
    if (f.contains(QStringLiteral("max_minutes")))
        s.responseMinutes = f.value(QStringLiteral("max_minutes")).toDouble();
    if (project.layerWithRole(Role::OfficialDistricts)) {
        s.official = sourceOf(project, Role::OfficialDistricts);
        s.officialField = fieldOf(project, Role::OfficialDistricts, QStringLiteral("facility"));
    }
    if (project.layerWithRole(Role::Population)) {
        s.demand = sourceOf(project, Role::Population);
        s.populationField = fieldOf(project, Role::Population, QStringLiteral("population"));
    }
    s.suburban = f.value(QStringLiteral("suburban")).toBool();
    s.standard = standardName(project);
    s.standardOverrides = standardOverrides(project);
    return s;
}

ServiceAreaSettings ProjectJobSettings::serviceArea(const Project &project)
{
    const QJsonObject own = section(project, QStringLiteral("service_area"));
    ServiceAreaSettings s;
    s.network = network(project, own.isEmpty() ? section(project, QStringLiteral("coverage")) : own, QStringLiteral("walk"));
    s.network.facilities = sourceOf(project, Role::Shelters);
    const QString id = fieldOf(project, Role::Shelters, QStringLiteral("id"));
    s.network.facilityIdField = id.isEmpty() ? fieldOf(project, Role::Shelters, QStringLiteral("name")) : id;
    return s;
}

ZonesSettings ProjectJobSettings::zones(const Project &project)
{
    const ServiceAreaSettings sa = serviceArea(project);
    ZonesSettings s;
    s.network = sa.network;
    s.network.limit = 0;
    s.network.breaks.clear();
    return s;
}

QString ProjectJobSettings::resultsDirectory(const Project &project)
{
    if (project.filePath().isEmpty())
        return {};
    return QDir(QFileInfo(project.filePath()).absolutePath()).filePath(QStringLiteral("results"));
}

} // namespace refuge
