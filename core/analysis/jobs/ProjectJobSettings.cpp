#include "analysis/jobs/ProjectJobSettings.h"
#include "analysis/Assignment.h"
#include "analysis/ParameterRanges.h"
#include "analysis/framework/AnalysisRegistry.h"
#include "network/Profile.h"
#include "util/Error.h"

#include <QDir>
#include <QJsonArray>
#include <QFileInfo>
#include <cmath>

namespace refuge {

namespace {

// The project as messages name it: its file, or "project" before it is first saved.
QString projectName(const Project &project)
{
    return project.filePath().isEmpty() ? QStringLiteral("project") : project.filePath();
}

// Typed, range-checked reads of project.analysis: every error is one InvalidInput
// "<project>: analysis.<section>.<key>: <what>" (ranges from ParameterRanges).
class AnalysisReader {
public:
    AnalysisReader(const Project &project, const QString &sectionName)
        : m_project(project), m_name(sectionName)
    {
        const QJsonValue v = project.analysis.value(sectionName);
        if (!v.isUndefined() && !v.isNull() && !v.isObject())
            fail(QString(), QStringLiteral("expected an object"));
        m_section = v.toObject();
    }
    const QJsonObject &section() const { return m_section; }
    bool has(const QString &key) const { return m_section.contains(key); }
    QString label(const QString &key) const
    {
        return QStringLiteral("analysis.%1").arg(m_name) + (key.isEmpty() ? QString() : QLatin1Char('.') + key);
    }
    [[noreturn]] void fail(const QString &key, const QString &what) const
    {
        throw InvalidInput(fileMessage(projectName(m_project), QStringLiteral("%1: %2").arg(label(key), what)));
    }
    double number(const QString &key, QStringView spec) const { return number(m_section.value(key), key, spec); }
    // `value` found at `key` (e.g. "breaks[1]") of this section.
    double number(const QJsonValue &value, const QString &key, QStringView spec) const
    {
        try {
            return ParameterRanges::fromJson(spec, value, label(key));
        } catch (const InvalidInput &e) {
            throw InvalidInput(fileMessage(projectName(m_project), e.message()));
        }
    }
    QString string(const QString &key, const QString &fallback) const
    {
        const QJsonValue v = m_section.value(key);
        if (v.isUndefined())
            return fallback;
        if (!v.isString())
            fail(key, QStringLiteral("expected a string"));
        return v.toString();
    }
    bool boolean(const QString &key) const
    {
        const QJsonValue v = m_section.value(key);
        if (!v.isUndefined() && !v.isBool())
            fail(key, QStringLiteral("expected true or false"));
        return v.toBool();
    }

private:
    const Project &m_project;
    QString m_name;
    QJsonObject m_section;
};

void setLimit(NetworkSettings &n, const AnalysisReader &r)
{
    const bool meters = r.has(QStringLiteral("max_meters")), minutes = r.has(QStringLiteral("max_minutes"));
    if (meters && minutes)
        r.fail(QStringLiteral("max_meters"), QStringLiteral("give either max_meters or max_minutes, not both"));
    if (meters) {
        n.unit = CostUnit::Meters;
        n.limit = r.number(QStringLiteral("max_meters"), u"max-meters");
    } else if (minutes) {
        n.unit = CostUnit::Seconds;
        n.limit = r.number(QStringLiteral("max_minutes"), u"max-minutes");
    }
    n.breaks.clear();
    const QJsonValue breaks = r.section().value(QStringLiteral("breaks"));
    if (!breaks.isUndefined() && !breaks.isArray())
        r.fail(QStringLiteral("breaks"), QStringLiteral("expected a list of numbers"));
    const QJsonArray list = breaks.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const double b = r.number(list[i], QStringLiteral("breaks[%1]").arg(i), u"breaks");
        if (n.limit > 0 && b > n.limit)
            r.fail(QStringLiteral("breaks[%1]").arg(i), QStringLiteral("%1 exceeds the limit %2").arg(b).arg(n.limit));
        n.breaks.push_back(b);
    }
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

NetworkSettings ProjectJobSettings::network(const Project &project, const QString &sectionName, const QString &defaultProfile)
{
    const AnalysisReader r(project, sectionName);
    NetworkSettings n;
    n.network = sourceOf(project, Role::Roads);
    n.profile = r.string(QStringLiteral("profile"), defaultProfile);
    try {
        Profile::load(n.profile);
    } catch (const Error &e) {
        r.fail(QStringLiteral("profile"), e.message());
    }
    n.onewayField = fieldOf(project, Role::Roads, QStringLiteral("oneway"));
    n.speedField = fieldOf(project, Role::Roads, QStringLiteral("speed"));
    if (project.crs.isValid() && !project.crs.isGeographic())
        n.crs = project.crs;
    setLimit(n, r);
    return n;
}

QString ProjectJobSettings::standardName(const Project &project)
{
    return project.analysis.value(QStringLiteral("standard")).toString(QStringLiteral("shanghai"));
}

QStringList ProjectJobSettings::standardOverrides(const Project &project)
{
    const QString file = projectName(project);
    const QJsonValue standard = project.analysis.value(QStringLiteral("standard"));
    if (!standard.isUndefined() && !standard.isString())
        throw InvalidInput(fileMessage(file, QStringLiteral("analysis.standard: expected a string")));
    const QJsonValue value = project.analysis.value(QStringLiteral("standard_overrides"));
    if (!value.isUndefined() && !value.isObject())
        throw InvalidInput(fileMessage(file, QStringLiteral("analysis.standard_overrides: expected an object {\"KEY\": NUMBER}")));
    const QJsonObject overrides = value.toObject();
    try {
        StandardsProfile::load(standardName(project)).applyOverrides(overrides); // names, keys and ranges
    } catch (const InvalidInput &e) {
        throw InvalidInput(fileMessage(file, QStringLiteral("analysis.%1: %2")
                                                 .arg(overrides.isEmpty() ? QStringLiteral("standard") : QStringLiteral("standard_overrides"), e.message())));
    }
    QStringList out;
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        out << QStringLiteral("%1=%2").arg(it.key()).arg(it.value().toDouble(), 0, 'g', 17);
    return out;
}

CoverageSettings ProjectJobSettings::coverage(const Project &project, bool demandLayerByDefault)
{
    const AnalysisReader c(project, QStringLiteral("coverage"));
    CoverageSettings s;
    s.network = network(project, QStringLiteral("coverage"), QStringLiteral("walk"));
    s.euclidean = c.boolean(QStringLiteral("euclidean")) || s.network.network.path.isEmpty();
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
    s.assignment = c.string(QStringLiteral("assignment"), QStringLiteral("nearest"));
    try {
        assignmentMethodFromName(s.assignment);
    } catch (const InvalidInput &e) {
        c.fail(QStringLiteral("assignment"), e.message());
    }
    if (c.has(QStringLiteral("area_from_capacity"))) // m² per person, checked like --area-from-capacity
        s.areaFromCapacityM2 = c.number(QStringLiteral("area_from_capacity"), u"area-from-capacity");
    s.demandLayer = c.has(QStringLiteral("demand_layer")) ? c.boolean(QStringLiteral("demand_layer")) : demandLayerByDefault;
    s.standard = standardName(project);
    s.standardOverrides = standardOverrides(project);
    return s;
}

FireSettings ProjectJobSettings::fire(const Project &project)
{
    const AnalysisReader f(project, QStringLiteral("fire"));
    FireSettings s;
    s.network = network(project, QStringLiteral("fire"), QStringLiteral("drive"));
    s.euclidean = f.boolean(QStringLiteral("euclidean")) || s.network.network.path.isEmpty();
    s.network.facilities = sourceOf(project, Role::FireStations);
    const QString id = fieldOf(project, Role::FireStations, QStringLiteral("id"));
    s.fields.name = fieldOf(project, Role::FireStations, QStringLiteral("name"));
    s.fields.id = id.isEmpty() ? s.fields.name : id;
    s.fields.grade = fieldOf(project, Role::FireStations, QStringLiteral("grade"));
    s.fields.turnout = fieldOf(project, Role::FireStations, QStringLiteral("turnout"));
    if (f.has(QStringLiteral("turnout_seconds")))
        s.turnoutSeconds = f.number(QStringLiteral("turnout_seconds"), u"turnout-seconds");
    if (f.has(QStringLiteral("max_meters")))
        f.fail(QStringLiteral("max_meters"), QStringLiteral("the response limit is a time: use max_minutes"));
    if (f.has(QStringLiteral("max_minutes")))
        s.responseMinutes = s.network.limit; // read and checked by network()
    if (f.has(QStringLiteral("grid_cell")))
        s.gridCellMeters = f.number(QStringLiteral("grid_cell"), u"grid-cell");
    if (project.layerWithRole(Role::OfficialDistricts)) {
        s.official = sourceOf(project, Role::OfficialDistricts);
        s.officialField = fieldOf(project, Role::OfficialDistricts, QStringLiteral("facility"));
    }
    if (project.layerWithRole(Role::Population)) {
        s.demand = sourceOf(project, Role::Population);
        s.populationField = fieldOf(project, Role::Population, QStringLiteral("population"));
    }
    if (f.has(QStringLiteral("study_area"))) { // the id of a polygon layer bounding the analysis
        const QString id = f.string(QStringLiteral("study_area"), QString());
        const ProjectLayer *l = project.layerById(id);
        if (!l)
            f.fail(QStringLiteral("study_area"), QStringLiteral("no layer with id '%1'").arg(id));
        s.studyArea = project.dataSource(*l);
    }
    s.suburban = f.boolean(QStringLiteral("suburban"));
    s.standard = standardName(project);
    s.standardOverrides = standardOverrides(project);
    return s;
}

ServiceAreaSettings ProjectJobSettings::serviceArea(const Project &project)
{
    const bool own = project.analysis.contains(QStringLiteral("service_area"));
    ServiceAreaSettings s;
    s.network = network(project, own ? QStringLiteral("service_area") : QStringLiteral("coverage"), QStringLiteral("walk"));
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
    s.studyArea = sourceOf(project, Role::Communities); // the zones tile the communities
    return s;
}

void ProjectJobSettings::check(const Project &project)
{
    const QJsonValue report = project.analysis.value(QStringLiteral("report"));
    if (!report.isUndefined() && !report.isBool())
        throw InvalidInput(fileMessage(projectName(project), QStringLiteral("analysis.report: expected true or false")));
    const QJsonValue language = project.analysis.value(QStringLiteral("language"));
    if (!language.isUndefined() && !language.isString())
        throw InvalidInput(fileMessage(projectName(project), QStringLiteral("analysis.language: expected a string (en or zh_CN)")));
    standardOverrides(project);
    for (const Analysis *a : AnalysisRegistry::all()) // the settings of every analysis the project configures
        if (!a->projectSection().isEmpty() && project.analysis.contains(a->projectSection()))
            a->projectValues(project);
}

QString ProjectJobSettings::resultsDirectory(const Project &project)
{
    if (project.filePath().isEmpty())
        return {};
    return QDir(QFileInfo(project.filePath()).absolutePath()).filePath(QStringLiteral("results"));
}

} // namespace refuge
