// RunSummary: outcomes read back from a results folder (see the header).
#include "analysis/RunSummary.h"

#include "analysis/scenario/ScenarioCompare.h"
#include "model/VectorLayer.h"

#include "util/Error.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <map>

namespace refuge {

namespace {

// A summary table ({"columns": [...], "rows": [[...], ...]}) read by column name.
class Table {
public:
    Table(const QJsonObject &table) : m_rows(table.value(QStringLiteral("rows")).toArray())
    {
        const QJsonArray columns = table.value(QStringLiteral("columns")).toArray();
        for (int i = 0; i < columns.size(); ++i)
            m_columns.insert(columns[i].toString(), i);
    }
    int size() const { return int(m_rows.size()); }
    QJsonValue value(int row, const QString &column) const
    {
        const int c = m_columns.value(column, -1);
        return c < 0 ? QJsonValue() : m_rows[row].toArray().at(c);
    }
    double number(int row, const char *column) const { return value(row, QString::fromLatin1(column)).toDouble(); }
    QString text(int row, const char *column) const { return value(row, QString::fromLatin1(column)).toString(); }

private:
    QJsonArray m_rows;
    QHash<QString, int> m_columns;
};

CheckResult checkOf(const QJsonObject &o)
{
    CheckResult c;
    c.key = o.value(QStringLiteral("key")).toString();
    c.measured = o.value(QStringLiteral("measured")).toDouble();
    c.limit = o.value(QStringLiteral("limit")).toDouble();
    c.compare = o.value(QStringLiteral("compare")).toString();
    c.pass = o.value(QStringLiteral("pass")).toBool();
    c.citation = o.value(QStringLiteral("clause")).toString();
    c.citationZh = o.value(QStringLiteral("clause_zh")).toString();
    c.status = o.value(QStringLiteral("status")).toString();
    c.evaluated = o.value(QStringLiteral("evaluated")).toBool(!o.value(QStringLiteral("pass")).isNull());
    c.note = o.value(QStringLiteral("note")).toString();
    return c;
}

QStringList warningsOf(const QJsonObject &summary)
{
    QStringList out;
    for (const QJsonValue &w : summary.value(QStringLiteral("warnings")).toArray())
        out << w.toString();
    return out;
}

void requireReadable(const QJsonObject &s, const QString &path, const QString &table, const QString &analysis)
{
    if (!s.value(QStringLiteral("complete")).toBool())
        throw InvalidInput(fileMessage(path, QStringLiteral("not marked complete (the run failed or was stopped)")));
    if (s.value(QStringLiteral("results_format")).toInt() < 2 || !s.value(QStringLiteral("tables")).toObject().contains(table))
        throw InvalidInput(fileMessage(path, QStringLiteral("not a %1 summary this version reads (re-run the analysis)").arg(analysis)));
}

} // namespace

CoverageOutcome RunSummary::coverage(const QJsonObject &s, const QString &path)
{
    requireReadable(s, path, QStringLiteral("areas"), QStringLiteral("coverage"));
    CoverageOutcome o;
    o.coverage.totalPopulation = s.value(QStringLiteral("total_population")).toDouble();
    o.coverage.coveredPopulation = s.value(QStringLiteral("covered_population")).toDouble();
    o.coverage.unsnappedPopulation = s.value(QStringLiteral("unsnapped_population")).toDouble();
    o.coverage.unsnappedDemand = s.value(QStringLiteral("unsnapped_demand")).toInt();
    o.coverage.unsnappedFacilities = s.value(QStringLiteral("unsnapped_facilities")).toInt();
    o.assignment.method = assignmentMethodFromName(s.value(QStringLiteral("assignment")).toString());
    o.assignment.assigned = s.value(QStringLiteral("assigned_population")).toDouble();
    o.assignment.unassignedNoReach = s.value(QStringLiteral("unassigned_no_shelter_in_reach")).toDouble();
    o.assignment.unassignedFull = s.value(QStringLiteral("unassigned_shelters_full")).toDouble();
    o.assignment.personCost = s.value(QStringLiteral("person_cost")).toDouble();
    o.limit = s.value(QStringLiteral("limit")).toDouble();
    o.unit = s.value(QStringLiteral("unit")).toString();
    o.method = s.value(QStringLiteral("method")).toString();
    o.warnings = warningsOf(s);

    const QJsonObject supply = s.value(QStringLiteral("checks")).toObject().value(QStringLiteral("district_supply")).toObject();
    o.overall.name = QStringLiteral("(all)");
    o.overall.population = o.coverage.totalPopulation;
    o.overall.covered = o.coverage.coveredPopulation;
    o.overall.assigned = o.assignment.assigned;
    o.overall.unassignedNoReach = o.assignment.unassignedNoReach;
    o.overall.unassignedFull = o.assignment.unassignedFull;
    o.overall.shelterAreaPerResident = s.value(QStringLiteral("shelter_area_per_resident")).toDouble();
    o.overall.sheltersWithoutArea = s.value(QStringLiteral("shelters_without_area")).toInt();
    if (!supply.isEmpty())
        o.overall.supplyCheck = checkOf(supply);

    const QJsonObject tables = s.value(QStringLiteral("tables")).toObject();
    const Table areas(tables.value(QStringLiteral("areas")).toObject());
    for (int r = 0; r < areas.size(); ++r) {
        CoverageAreaRow a;
        a.name = areas.text(r, "area");
        a.population = areas.number(r, "population");
        a.covered = areas.number(r, "covered_population");
        a.assigned = areas.number(r, "assigned_population");
        a.unassignedNoReach = areas.number(r, "unassigned_no_reach");
        a.unassignedFull = areas.number(r, "unassigned_full");
        a.shelters = int(areas.number(r, "shelters"));
        a.shelterAreaM2 = areas.number(r, "shelter_area_m2");
        a.shelterAreaPerResident = areas.number(r, "shelter_area_per_resident");
        const QJsonValue pass = areas.value(r, QStringLiteral("pass"));
        a.supplyCheck.citation = areas.text(r, "clause");
        if (!a.supplyCheck.citation.isEmpty())
            a.supplyCheck.key = o.overall.supplyCheck.key;
        a.supplyCheck.evaluated = !pass.isNull() && !pass.isUndefined();
        a.supplyCheck.pass = pass.toBool();
        o.areas.push_back(a);
    }
    const Table facilities(tables.value(QStringLiteral("facilities")).toObject());
    for (int r = 0; r < facilities.size(); ++r) {
        CoverageFacilityRow f;
        f.id = facilities.value(r, QStringLiteral("facility")).toVariant().toString();
        f.name = facilities.text(r, "name");
        f.capacity = facilities.number(r, "capacity");
        f.capacityBasis = facilities.text(r, "capacity_basis");
        const QJsonValue area = facilities.value(r, QStringLiteral("shelter_area_m2"));
        f.areaKnown = !area.isNull() && !area.isUndefined();
        f.areaM2 = area.toDouble();
        f.populationInReach = facilities.number(r, "population_in_reach");
        f.nearestPopulation = facilities.number(r, "nearest_population");
        f.assigned = facilities.number(r, "assigned_population");
        f.snapped = facilities.value(r, QStringLiteral("snapped")).toBool(true);
        f.area = facilities.text(r, "area");
        o.facilities.push_back(f);
    }
    return o;
}

FireOutcome RunSummary::fire(const QJsonObject &s, const QString &path, const QString &gpkg)
{
    requireReadable(s, path, QStringLiteral("zones"), QStringLiteral("fire"));
    FireOutcome o;
    o.totalPopulation = s.value(QStringLiteral("total_population")).toDouble();
    o.reachedPopulation = s.value(QStringLiteral("reached_population")).toDouble();
    o.studyAreaKm2 = s.value(QStringLiteral("study_area_km2")).toDouble();
    o.reachedAreaKm2 = s.value(QStringLiteral("reached_area_km2")).toDouble();
    o.officialAreaKm2 = s.value(QStringLiteral("official_area_km2")).toDouble();
    o.hasOfficial = o.officialAreaKm2 > 0;
    o.agreementAreaKm2 = s.value(QStringLiteral("agreement_area_km2")).toDouble();
    // Only the share of residents in agreement is recorded: kept as a share of 1.
    o.officialPopulation = o.hasOfficial ? 1.0 : 0.0;
    o.agreementPopulation = s.value(QStringLiteral("agreement_population_share")).toDouble();
    if (const QJsonObject rc = s.value(QStringLiteral("response_check")).toObject(); !rc.isEmpty())
        o.responseCheck = checkOf(rc);
    o.warnings = warningsOf(s);

    // The zones' shapes (for the rows' extents) and the differences, as written.
    std::map<QString, Geometry> shapes;
    const VectorLayer zones = VectorLayer::load(DataSource{gpkg, QStringLiteral("zones")});
    const int stationField = zones.requireField(QStringLiteral("station"));
    for (int i = 0; i < zones.featureCount(); ++i)
        shapes[zones.attribute(i, stationField).toString()] = zones.geometry(i);
    if (o.hasOfficial) {
        const VectorLayer differences = VectorLayer::load(DataSource{gpkg, QStringLiteral("differences")});
        for (int i = 0; i < differences.featureCount(); ++i) {
            FireDifference d;
            d.geometry = differences.geometry(i);
            o.differences.push_back(d);
        }
    }

    const Table table(s.value(QStringLiteral("tables")).toObject().value(QStringLiteral("zones")).toObject());
    for (int r = 0; r < table.size(); ++r) {
        FireZoneRow z;
        z.station = table.value(r, QStringLiteral("station")).toVariant().toString();
        z.name = table.text(r, "name");
        z.grade = table.text(r, "grade");
        z.zoneAreaKm2 = table.number(r, "zone_area_km2");
        z.reachedAreaKm2 = table.number(r, "reached_area_km2");
        z.population = table.number(r, "population");
        z.populationReached = table.number(r, "population_reached");
        z.officialAreaKm2 = table.number(r, "official_area_km2");
        z.agreementAreaKm2 = table.number(r, "agreement_area_km2");
        const QJsonValue limit = table.value(r, QStringLiteral("limit_km2"));
        if (!limit.isNull() && !limit.isUndefined()) { // the zone was checked against its grade's limit
            z.areaCheck.key = QStringLiteral("fire.district_km2");
            z.areaCheck.limit = limit.toDouble();
            z.areaCheck.measured = z.zoneAreaKm2;
            z.areaCheck.pass = table.value(r, QStringLiteral("pass")).toBool();
            z.areaCheck.citation = table.text(r, "clause");
        }
        const auto shape = shapes.find(z.station);
        if (shape != shapes.end())
            z.zone = shape->second;
        o.zones.push_back(z);
    }
    return o;
}

SitingJobResult RunSummary::siting(const QJsonObject &s, const QString &path)
{
    requireReadable(s, path, QStringLiteral("curve"), QStringLiteral("siting"));
    SitingJobResult r;
    r.summary = s;
    try {
        r.result.model = sitingModelFromName(s.value(QStringLiteral("model")).toString());
    } catch (const InvalidInput &e) {
        throw InvalidInput(fileMessage(path, e.message()));
    }
    r.result.k = s.value(QStringLiteral("k")).toInt();
    r.result.solver = s.value(QStringLiteral("solver")).toString();
    r.result.objective = s.value(QStringLiteral("objective")).toDouble(qQNaN());
    const Table curve(s.value(QStringLiteral("tables")).toObject().value(QStringLiteral("curve")).toObject());
    for (int i = 0; i < curve.size(); ++i) {
        SitingCurvePoint p;
        p.k = int(curve.number(i, "k"));
        p.objective = curve.value(i, QStringLiteral("objective")).toDouble(qQNaN());
        p.coveredPopulation = curve.number(i, "covered_population");
        p.personCost = curve.number(i, "person_cost");
        p.worstCost = curve.value(i, QStringLiteral("worst_cost")).toDouble(qInf());
        p.feasible = curve.value(i, QStringLiteral("feasible")).toBool();
        p.gap = curve.value(i, QStringLiteral("gap")).toDouble(qQNaN());
        p.solver = curve.text(i, "solver");
        r.result.curve.push_back(p);
    }
    r.warnings = warningsOf(s);
    r.outDir = QFileInfo(path).absolutePath();
    return r;
}

CompareResult RunSummary::compare(const QJsonObject &s, const QString &path)
{
    requireReadable(s, path, QStringLiteral("areas"), QStringLiteral("scenario comparison"));
    CompareResult r;
    r.summary = s;
    r.a.applied.scenario.name = s.value(QStringLiteral("a")).toString();
    r.b.applied.scenario.name = s.value(QStringLiteral("b")).toString();
    auto row = [](auto number) {
        CompareAreaRow a;
        a.population = number("population");
        a.coveredA = number("covered_a");
        a.coveredB = number("covered_b");
        a.assignedA = number("assigned_a");
        a.assignedB = number("assigned_b");
        a.unassignedA = number("unassigned_a");
        a.unassignedB = number("unassigned_b");
        return a;
    };
    const QJsonObject overall = s.value(QStringLiteral("overall")).toObject();
    r.overall = row([&](const char *k) { return overall.value(QLatin1String(k)).toDouble(); });
    const Table areas(s.value(QStringLiteral("tables")).toObject().value(QStringLiteral("areas")).toObject());
    for (int i = 0; i < areas.size(); ++i) {
        CompareAreaRow a = row([&](const char *k) { return areas.number(i, k); });
        a.name = areas.text(i, "community");
        a.riskA = int(areas.number(i, "risk_class_a")); // null (no risk index): 0
        a.riskB = int(areas.number(i, "risk_class_b"));
        r.areas.push_back(a);
    }
    r.warnings = warningsOf(s);
    r.outDir = QFileInfo(path).absolutePath();
    return r;
}

} // namespace refuge
