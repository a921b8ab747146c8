// HazardScenario: unsuitable shelters, closed streets and the baseline/scenario comparison.
#include "analysis/hazard/HazardScenario.h"
#include "network/Barriers.h"
#include "network/RoadGraph.h"
#include "util/Error.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace refuge {

namespace {

int levelKey(const QJsonObject &o, const QString &key, const QString &where, int def)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return def;
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d != std::floor(d) || d < 1 || d > kHazardLevels)
        throw InvalidInput(QStringLiteral("%1.%2: a level from 1 (low) to 5 (high)").arg(where, key));
    return int(d);
}

} // namespace

double ScenarioRules::closeDepthFor(const QString &profile) const
{
    if (closeDepthMeters.contains(profile))
        return closeDepthMeters.value(profile);
    if (closeDepthMeters.isEmpty())
        return 0.15;
    return *std::min_element(closeDepthMeters.begin(), closeDepthMeters.end());
}

bool ScenarioRules::appliesTo(const HazardZone &zone) const
{
    if (!types.empty() && std::find(types.begin(), types.end(), zone.type) == types.end())
        return false;
    return layers.isEmpty() || layers.contains(zone.layer);
}

ScenarioRules ScenarioRules::fromJson(const QJsonObject &o, const QString &where)
{
    ScenarioRules r;
    r.name = o.value(QStringLiteral("name")).toString(r.name);
    for (const QJsonValue &v : o.value(QStringLiteral("types")).toArray()) {
        const auto t = hazardTypeFromName(v.toString());
        if (!t)
            throw InvalidInput(QStringLiteral("%1.types: unknown hazard type '%2' (one of: %3)")
                                   .arg(where, v.toString(), allHazardTypeNames().join(QStringLiteral(", "))));
        r.types.push_back(*t);
    }
    for (const QJsonValue &v : o.value(QStringLiteral("layers")).toArray())
        r.layers << v.toString();
    r.shelterMinLevel = levelKey(o, QStringLiteral("shelter_min_level"), where, r.shelterMinLevel);
    r.roadMinLevel = levelKey(o, QStringLiteral("road_min_level"), where, r.roadMinLevel);
    const QJsonObject depths = o.value(QStringLiteral("close_depth_m")).toObject();
    for (auto it = depths.begin(); it != depths.end(); ++it) {
        if (!it.value().isDouble() || !(it.value().toDouble() >= 0))
            throw InvalidInput(QStringLiteral("%1.close_depth_m.%2: a depth in metres, 0 or more").arg(where, it.key()));
        r.closeDepthMeters.insert(it.key(), it.value().toDouble());
    }
    const QJsonValue f = o.value(QStringLiteral("road_factor"));
    if (!f.isUndefined()) {
        if (!f.isDouble() || !(f.toDouble() == 0 || f.toDouble() > 1) || !std::isfinite(f.toDouble()))
            throw InvalidInput(QStringLiteral("%1.road_factor: 0 (closed) or a cost factor above 1 (slowed)").arg(where));
        r.roadFactor = f.toDouble();
    }
    return r;
}

QJsonObject ScenarioRules::toJson() const
{
    QJsonArray t;
    for (HazardType type : types)
        t.append(hazardTypeName(type));
    QJsonObject depths;
    for (auto it = closeDepthMeters.begin(); it != closeDepthMeters.end(); ++it)
        depths.insert(it.key(), it.value());
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("types"), t},
                       {QStringLiteral("layers"), QJsonArray::fromStringList(layers)},
                       {QStringLiteral("shelter_min_level"), shelterMinLevel},
                       {QStringLiteral("road_min_level"), roadMinLevel},
                       {QStringLiteral("close_depth_m"), depths},
                       {QStringLiteral("road_factor"), roadFactor}};
}

std::vector<UnsuitableShelter> HazardScenario::unsuitableShelters(const FacilityTable &shelters, const HazardZones &zones,
                                                                  const ScenarioRules &rules, const CapacityTable *capacity)
{
    HazardZones applied;
    for (const HazardZone &z : zones.zones())
        if (rules.appliesTo(z) && z.level >= rules.shelterMinLevel)
            applied.addZone(z);
    std::vector<UnsuitableShelter> out;
    for (int f = 0; f < shelters.size(); ++f) {
        const QPointF p = shelters.points[std::size_t(f)];
        if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
            continue;
        const int k = applied.zoneAt(p);
        if (k < 0)
            continue;
        const HazardZone &z = applied.zones()[std::size_t(k)];
        UnsuitableShelter u;
        u.facility = f;
        u.id = shelters.ids[f];
        u.name = shelters.names[f];
        u.hazardLayer = z.layer;
        u.level = z.level;
        u.type = z.type;
        u.capacity = capacity ? capacity->persons[std::size_t(f)]
                              : (std::isfinite(shelters.capacity[std::size_t(f)]) ? shelters.capacity[std::size_t(f)] : 0.0);
        out.push_back(u);
    }
    return out;
}

VectorLayer HazardScenario::closurePolygons(const HazardZones &zones, const ScenarioRules &rules, const QString &profile, const Crs &crs)
{
    VectorLayer out(QStringLiteral("closures"), GeometryType::MultiPolygon, crs);
    const double threshold = rules.closeDepthFor(profile);
    for (const HazardZone &z : zones.zones()) {
        if (!rules.appliesTo(z) || z.polygon.isEmpty())
            continue;
        const bool closes = std::isfinite(z.depthMeters) ? z.depthMeters >= threshold : z.level >= rules.roadMinLevel;
        if (closes)
            out.addFeature(z.polygon);
    }
    return out;
}

std::vector<float> HazardScenario::linkFactors(const RoadGraph &graph, const HazardZones &zones, const ScenarioRules &rules,
                                               const std::vector<float> &base, int *affectedLinks)
{
    const VectorLayer closures = closurePolygons(zones, rules, graph.profileName(), graph.crs());
    std::vector<float> f = Barriers::linkFactors(graph, closures, rules.roadFactor, affectedLinks);
    if (base.size() == f.size())
        for (std::size_t l = 0; l < f.size(); ++l)
            f[l] = (f[l] == 0.0f || base[l] == 0.0f) ? 0.0f : f[l] * base[l];
    return f;
}

CoverageCosts HazardScenario::withoutFacilities(const CoverageCosts &costs, const std::vector<char> &excluded)
{
    std::vector<int> renumber(std::size_t(costs.facilityCount()), -1);
    int kept = 0;
    for (int f = 0; f < costs.facilityCount(); ++f)
        if (std::size_t(f) >= excluded.size() || !excluded[std::size_t(f)])
            renumber[std::size_t(f)] = kept++;
    CoverageCosts out;
    out.setShape(kept, costs.limit());
    out.reserve(std::size_t(costs.demandCount()), costs.entryCount());
    for (int i = 0; i < costs.demandCount(); ++i) {
        out.beginDemand();
        for (const CostEntry &e : costs.within(i))
            if (renumber[std::size_t(e.facility)] >= 0)
                out.addEntry(renumber[std::size_t(e.facility)], e.cost);
        const int nearest = costs.nearestFacility(i);
        float cost = CoverageCosts::kUnreached;
        int facility = -1;
        if (nearest >= 0 && renumber[std::size_t(nearest)] >= 0) {
            cost = costs.nearestCost(i);
            facility = renumber[std::size_t(nearest)];
        } else {
            for (const CostEntry &e : costs.within(i))
                if (renumber[std::size_t(e.facility)] >= 0) {
                    cost = e.cost;
                    facility = renumber[std::size_t(e.facility)];
                    break;
                }
        }
        out.endDemand(cost, facility);
    }
    out.unsnappedDemand = costs.unsnappedDemand;
    for (int f : costs.unsnappedFacilities)
        if (f >= 0 && f < costs.facilityCount() && renumber[std::size_t(f)] >= 0)
            out.unsnappedFacilities.push_back(renumber[std::size_t(f)]);
    out.unit = costs.unit;
    out.method = costs.method;
    return out;
}

CoverageRequest HazardScenario::scenarioRequest(const CoverageRequest &baseline, const std::vector<UnsuitableShelter> &unsuitable,
                                                const CoverageCosts &costs)
{
    const FacilityTable &in = baseline.facilities;
    std::vector<char> excluded(std::size_t(in.size()), 0);
    for (const UnsuitableShelter &u : unsuitable)
        if (u.facility >= 0 && u.facility < in.size())
            excluded[std::size_t(u.facility)] = 1;
    CoverageRequest q = baseline;
    FacilityTable &t = q.facilities;
    t.points.clear(), t.ids.clear(), t.names.clear(), t.capacity.clear(), t.areaM2.clear(), t.grades.clear(), t.turnoutSeconds.clear();
    t.reformatted.clear(), t.unusable.clear(); // reported with the baseline
    q.serviceAreas.clear();
    for (int f = 0; f < in.size(); ++f) {
        if (excluded[std::size_t(f)])
            continue;
        const auto at = std::size_t(f);
        t.points.push_back(in.points[at]);
        t.ids << in.ids[f];
        t.names << in.names[f];
        t.capacity.push_back(in.capacity[at]);
        t.areaM2.push_back(in.areaM2[at]);
        if (f < in.grades.size())
            t.grades << in.grades[f];
        if (at < in.turnoutSeconds.size())
            t.turnoutSeconds.push_back(in.turnoutSeconds[at]);
        if (at < baseline.serviceAreas.size())
            q.serviceAreas.push_back(baseline.serviceAreas[at]);
    }
    if (t.size() == 0)
        throw InvalidInput(QStringLiteral("every shelter stands in the hazard: no shelter is left for the scenario's coverage"));
    q.costs = withoutFacilities(costs, excluded);
    return q;
}

ScenarioComparison HazardScenario::compare(const CoverageRequest &baseline, const CoverageOutcome &before, const CoverageOutcome &after,
                                           std::vector<UnsuitableShelter> unsuitable)
{
    ScenarioComparison c;
    const int areaCount = baseline.areas.size();
    auto rowFor = [&](const QString &name) -> ScenarioAreaRow & {
        for (ScenarioAreaRow &r : c.areas)
            if (r.name == name)
                return r;
        c.areas.push_back(ScenarioAreaRow{name});
        return c.areas.back();
    };
    for (const CoverageAreaRow &r : before.areas) {
        ScenarioAreaRow &s = rowFor(r.name);
        s.population = r.population;
        s.baselineCovered = r.covered;
        s.baselineAssigned = r.assigned;
    }
    for (const CoverageAreaRow &r : after.areas) {
        ScenarioAreaRow &s = rowFor(r.name);
        s.scenarioCovered = r.covered;
        s.scenarioAssigned = r.assigned;
    }
    const QString outside = QStringLiteral("(outside areas)");
    for (std::size_t i = 0; i < baseline.demand.size(); ++i) {
        if (!before.coverage.covered[i] || after.coverage.covered[i])
            continue;
        const int a = before.demandArea.empty() ? -1 : before.demandArea[i];
        rowFor(a >= 0 && a < areaCount ? baseline.areas.names[a] : outside).newlyUncovered += baseline.demand.population[i];
    }
    for (UnsuitableShelter &u : unsuitable) {
        if (u.facility >= 0 && std::size_t(u.facility) < before.facilities.size()) {
            u.area = before.facilities[std::size_t(u.facility)].area;
            u.capacity = before.facilities[std::size_t(u.facility)].capacity;
        }
        ScenarioAreaRow &s = rowFor(u.area.isEmpty() ? outside : u.area);
        s.sheltersLost += 1;
        s.capacityLost += u.capacity;
    }
    c.overall.name = QStringLiteral("(all)");
    for (const ScenarioAreaRow &r : c.areas) {
        c.overall.population += r.population;
        c.overall.baselineCovered += r.baselineCovered;
        c.overall.scenarioCovered += r.scenarioCovered;
        c.overall.baselineAssigned += r.baselineAssigned;
        c.overall.scenarioAssigned += r.scenarioAssigned;
        c.overall.newlyUncovered += r.newlyUncovered;
        c.overall.sheltersLost += r.sheltersLost;
        c.overall.capacityLost += r.capacityLost;
    }
    c.unsuitable = std::move(unsuitable);
    return c;
}

QJsonObject ScenarioComparison::summaryJson(const ScenarioRules &rules) const
{
    QJsonArray shelters;
    for (const UnsuitableShelter &u : unsuitable)
        shelters.append(QJsonObject{{QStringLiteral("id"), u.id},
                                    {QStringLiteral("name"), u.name},
                                    {QStringLiteral("area"), u.area},
                                    {QStringLiteral("hazard_layer"), u.hazardLayer},
                                    {QStringLiteral("hazard_type"), hazardTypeName(u.type)},
                                    {QStringLiteral("level"), u.level},
                                    {QStringLiteral("capacity"), u.capacity}});
    return QJsonObject{{QStringLiteral("scenario"), rules.toJson()},
                       {QStringLiteral("total_population"), overall.population},
                       {QStringLiteral("baseline_covered"), overall.baselineCovered},
                       {QStringLiteral("scenario_covered"), overall.scenarioCovered},
                       {QStringLiteral("baseline_assigned"), overall.baselineAssigned},
                       {QStringLiteral("scenario_assigned"), overall.scenarioAssigned},
                       {QStringLiteral("newly_uncovered"), overall.newlyUncovered},
                       {QStringLiteral("shelters_lost"), overall.sheltersLost},
                       {QStringLiteral("capacity_lost"), overall.capacityLost},
                       {QStringLiteral("closed_links"), closedLinks},
                       {QStringLiteral("unsuitable_shelters"), shelters}};
}

} // namespace refuge
