#include "analysis/CoverageAnalysis.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QJsonArray>
#include <cmath>

namespace refuge {

namespace {

const QString kSupplyKey = QStringLiteral("shelter.district_supply_m2_per_resident");

void perCapita(CoverageAreaRow &row, const StandardsProfile &standard)
{
    row.shelterAreaPerResident = row.population > 0 ? row.shelterAreaM2 / row.population : 0.0;
    if (standard.contains(kSupplyKey)) {
        row.supplyCheck = standard.check(kSupplyKey, row.shelterAreaPerResident);
        if (row.sheltersWithoutArea > 0) {
            row.supplyCheck.evaluated = false;
            row.supplyCheck.pass = false;
            row.supplyCheck.note = QStringLiteral("not evaluated: %1 shelters without an effective area").arg(row.sheltersWithoutArea);
        }
    }
}

} // namespace

CoverageOutcome CoverageAnalysis::run(const CoverageRequest &request, Feedback &feedback)
{
    const DemandSet &demand = request.demand;
    const FacilityTable &fac = request.facilities;
    if (demand.size() == 0)
        throw InvalidInput(fileMessage(demand.source, QStringLiteral("no population to cover (all populations are zero, null or negative)")));
    if (request.costs.facilityCount() != fac.size())
        throw InvalidInput(QStringLiteral("cost table has %1 facilities, the shelter layer %2").arg(request.costs.facilityCount()).arg(fac.size()));

    CoverageOutcome o;
    o.limit = request.costs.limit();
    o.unit = request.costs.unit;
    o.method = request.costs.method;
    o.warnings << demand.stats.messages();
    const double space = request.standard.number(QStringLiteral("shelter.space_per_evacuee_m2"), 1.5);
    o.capacity = Capacity::resolve(fac, space, request.areaFromCapacityM2);
    o.warnings << o.capacity.messages();
    if (fac.nullCapacity > 0)
        o.warnings << QStringLiteral("%1 shelters with a null capacity value").arg(fac.nullCapacity);
    if (fac.negativeCapacity > 0)
        o.warnings << QStringLiteral("%1 shelters with a negative capacity value (ignored)").arg(fac.negativeCapacity);

    // Areas: demand units and shelters located once.
    std::vector<int> facilityArea(std::size_t(fac.size()), -1);
    if (!request.areas.isEmpty()) {
        o.demandArea = request.demandArea.size() == demand.size() ? request.demandArea : request.areas.locate(demand.points, feedback);
        facilityArea = request.areas.locate(fac.points, feedback);
        int inside = 0;
        for (int a : o.demandArea)
            inside += a >= 0 ? 1 : 0;
        if (inside == 0)
            throw InvalidInput(fileMessage(request.areas.source, QStringLiteral("no demand unit lies inside any area (do the areas overlap the demand?)")));
        if (std::size_t(inside) < demand.size())
            o.warnings << QStringLiteral("%1 demand units outside every area").arg(demand.size() - std::size_t(inside));
    }
    feedback.setProgress(10);
    o.coverage = Coverage::run(demand, request.costs, o.demandArea, request.areas.size(), feedback);
    feedback.throwIfCanceled();
    o.assignment = Assignment::run(request.assignment, demand.population, request.costs, o.capacity.persons, feedback);
    if (o.coverage.unsnappedDemand > 0)
        o.warnings << QStringLiteral("%1 demand units could not be placed on the network (not covered)").arg(o.coverage.unsnappedDemand);
    if (o.coverage.unsnappedFacilities > 0)
        o.warnings << QStringLiteral("%1 shelters could not be placed on the network").arg(o.coverage.unsnappedFacilities);

    // Per area.
    const int areaCount = request.areas.size();
    std::vector<CoverageAreaRow> rows(std::size_t(areaCount) + 1);
    for (int a = 0; a < areaCount; ++a)
        rows[std::size_t(a)].name = request.areas.names[a];
    rows.back().name = QStringLiteral("(outside areas)");
    for (std::size_t i = 0; i < demand.size(); ++i) {
        const int a = o.demandArea.empty() || o.demandArea[i] < 0 ? areaCount : o.demandArea[i];
        CoverageAreaRow &r = rows[std::size_t(a)];
        const double pop = demand.population[i];
        r.population += pop;
        r.covered += o.coverage.covered[i] ? pop : 0.0;
        r.assigned += o.assignment.demandAssigned[i];
        const double left = std::max(0.0, pop - o.assignment.demandAssigned[i]);
        (request.costs.within(int(i)).empty() ? r.unassignedNoReach : r.unassignedFull) += left;
    }
    for (int f = 0; f < fac.size(); ++f) {
        const int a = facilityArea[std::size_t(f)] < 0 ? areaCount : facilityArea[std::size_t(f)];
        rows[std::size_t(a)].shelters += 1;
        rows[std::size_t(a)].shelterAreaM2 += o.capacity.areaM2[std::size_t(f)];
        rows[std::size_t(a)].sheltersWithoutArea += o.capacity.areaKnown[std::size_t(f)] ? 0 : 1;
    }
    for (CoverageAreaRow &r : rows)
        perCapita(r, request.standard);
    if (rows.back().population <= 0 && rows.back().shelters == 0)
        rows.pop_back();
    o.areas = std::move(rows);

    o.overall.name = QStringLiteral("(all)");
    for (const CoverageAreaRow &r : o.areas) {
        o.overall.population += r.population;
        o.overall.covered += r.covered;
        o.overall.assigned += r.assigned;
        o.overall.unassignedNoReach += r.unassignedNoReach;
        o.overall.unassignedFull += r.unassignedFull;
        o.overall.shelters += r.shelters;
        o.overall.shelterAreaM2 += r.shelterAreaM2;
        o.overall.sheltersWithoutArea += r.sheltersWithoutArea;
    }
    perCapita(o.overall, request.standard);

    // Per facility.
    std::vector<char> unsnapped(std::size_t(fac.size()), 0);
    for (int f : request.costs.unsnappedFacilities)
        if (f >= 0 && f < fac.size())
            unsnapped[std::size_t(f)] = 1;
    for (int f = 0; f < fac.size(); ++f) {
        CoverageFacilityRow r;
        r.id = fac.ids[f];
        r.name = fac.names[f];
        r.capacity = o.capacity.persons[std::size_t(f)];
        r.capacityBasis = o.capacity.basis[std::size_t(f)];
        r.areaM2 = o.capacity.areaM2[std::size_t(f)];
        r.areaKnown = o.capacity.areaKnown[std::size_t(f)] != 0;
        r.populationInReach = o.coverage.populationInReach[std::size_t(f)];
        r.nearestPopulation = o.coverage.nearestPopulation[std::size_t(f)];
        r.assigned = o.assignment.facilityAssigned[std::size_t(f)];
        r.snapped = !unsnapped[std::size_t(f)];
        r.area = facilityArea[std::size_t(f)] >= 0 ? request.areas.names[facilityArea[std::size_t(f)]] : QString();
        o.facilities.push_back(r);
    }
    feedback.setProgress(100);
    return o;
}

QJsonObject CoverageOutcome::summaryJson(const CoverageRequest &request) const
{
    const CoverageResult &c = coverage;
    QJsonArray warn;
    for (const QString &w : warnings)
        warn.append(w);
    QJsonObject checks;
    checks.insert(QStringLiteral("district_supply"), overall.supplyCheck.toJson());
    return QJsonObject{
        {QStringLiteral("total_population"), c.totalPopulation},
        {QStringLiteral("covered_population"), c.coveredPopulation},
        {QStringLiteral("covered_share"), c.coveredShare()},
        {QStringLiteral("assigned_population"), assignment.assigned},
        {QStringLiteral("unassigned_population"), assignment.unassigned()},
        {QStringLiteral("unassigned_no_shelter_in_reach"), assignment.unassignedNoReach},
        {QStringLiteral("unassigned_shelters_full"), assignment.unassignedFull},
        {QStringLiteral("unsnapped_facilities"), c.unsnappedFacilities},
        {QStringLiteral("unsnapped_demand"), c.unsnappedDemand},
        {QStringLiteral("unsnapped_population"), c.unsnappedPopulation},
        {QStringLiteral("demand_units"), int(request.demand.size())},
        {QStringLiteral("demand_features"), request.demand.stats.features},
        {QStringLiteral("null_population"), request.demand.stats.nullPopulation},
        {QStringLiteral("negative_population"), request.demand.stats.negativePopulation},
        {QStringLiteral("facilities"), request.facilities.size()},
        {QStringLiteral("facilities_without_capacity"), capacity.missing},
        {QStringLiteral("total_capacity"), [&] { double s = 0; for (double v : capacity.persons) s += v; return s; }()},
        {QStringLiteral("assignment"), assignmentMethodName(assignment.method)},
        {QStringLiteral("person_cost"), assignment.personCost},
        {QStringLiteral("limit"), limit},
        {QStringLiteral("unit"), unit},
        {QStringLiteral("method"), method},
        {QStringLiteral("standard"), request.standard.id()},
        {QStringLiteral("shelter_area_per_resident"), overall.sheltersWithoutArea > 0 ? QJsonValue() : QJsonValue(overall.shelterAreaPerResident)},
        {QStringLiteral("shelters_without_area"), overall.sheltersWithoutArea},
        {QStringLiteral("area_from_capacity_m2_per_person"), capacity.areaFromCapacityM2 > 0 ? QJsonValue(capacity.areaFromCapacityM2) : QJsonValue()},
        {QStringLiteral("areas_from_capacity"), QJsonArray::fromStringList(capacity.substitutedIds)},
        {QStringLiteral("checks"), checks},
        {QStringLiteral("warnings"), warn},
    };
}

} // namespace refuge
