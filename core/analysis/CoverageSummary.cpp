// CoverageSummary: a coverage outcome read back from summary.json (see the header).
#include "analysis/CoverageSummary.h"

#include "util/Error.h"

#include <QHash>
#include <QJsonArray>

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
    c.status = o.value(QStringLiteral("status")).toString();
    c.evaluated = o.value(QStringLiteral("evaluated")).toBool(!o.value(QStringLiteral("pass")).isNull());
    c.note = o.value(QStringLiteral("note")).toString();
    return c;
}

} // namespace

CoverageOutcome CoverageSummary::outcome(const QJsonObject &s, const QString &path)
{
    if (!s.value(QStringLiteral("complete")).toBool())
        throw InvalidInput(fileMessage(path, QStringLiteral("not marked complete (the run failed or was stopped)")));
    if (s.value(QStringLiteral("results_format")).toInt() < 2 || !s.value(QStringLiteral("tables")).toObject().contains(QStringLiteral("areas")))
        throw InvalidInput(fileMessage(path, QStringLiteral("not a coverage summary this version reads (re-run the analysis)")));
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
    for (const QJsonValue &w : s.value(QStringLiteral("warnings")).toArray())
        o.warnings << w.toString();

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

} // namespace refuge
