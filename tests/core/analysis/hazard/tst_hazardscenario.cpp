// HazardScenario on hand-made cases: a shelter in a flood polygon is unsuitable and
// left out; a street under a flood polygon is closed for the profiles whose depth
// threshold the water reaches (the path detours: 300 m instead of 100 m), slowed when
// asked; the scenario's coverage against the baseline per area, computed by hand.
#include "../../network/NetworkTestData.h"
#include "TestSupport.h"
#include "analysis/hazard/HazardScenario.h"
#include "network/ShortestPathTree.h"
#include "network/Snapper.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QJsonArray>
#include <QTest>
#include <cmath>

using namespace refuge;
using namespace refuge::test;

namespace {

Geometry square(double x, double y, double w, double h) { return Geometry::polygon({{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}, {x, y}}}); }

HazardZones zonesOf(const Geometry &g, int level, double depth = std::nan(""), const QString &layer = QStringLiteral("flood"))
{
    HazardZones z;
    HazardZone zone;
    zone.polygon = g;
    zone.level = level;
    zone.depthMeters = depth;
    zone.type = HazardType::Flood;
    zone.layer = layer;
    z.addZone(zone);
    return z;
}

FacilityTable twoShelters()
{
    FacilityTable t;
    t.crs = Crs::fromEpsg(26986);
    t.source = QStringLiteral("shelters");
    for (const QPointF &p : {QPointF(50, 50), QPointF(150, 50)}) {
        t.points.push_back(p);
        t.ids << QStringLiteral("S%1").arg(t.ids.size() + 1);
        t.names << QStringLiteral("Shelter %1").arg(t.names.size() + 1);
        t.capacity.push_back(100);
        t.areaM2.push_back(FacilityTable::kUnknown);
        t.grades << QString();
        t.turnoutSeconds.push_back(FacilityTable::kUnknown);
    }
    return t;
}

CoverageRequest baselineRequest()
{
    CoverageRequest q;
    q.facilities = twoShelters();
    q.demand.crs = Crs::fromEpsg(26986);
    q.demand.source = QStringLiteral("demand");
    q.demand.add({10, 10}, 30, 0);
    q.demand.add({90, 50}, 40, 1);
    q.demand.add({160, 50}, 50, 2);
    q.areas.crs = Crs::fromEpsg(26986);
    q.areas.polygons = {square(0, 0, 100, 100), square(100, 0, 100, 100)};
    q.areas.names = QStringList{QStringLiteral("A"), QStringLiteral("B")};
    q.costs = CoverageCosts::fromLists({{{0, 20}}, {{0, 40}, {1, 60}}, {{1, 10}}}, 2, 100);
    return q;
}

RoutingOptions meters()
{
    RoutingOptions o;
    o.unit = CostUnit::Meters;
    o.limit = 1e9;
    o.snapLegs = false;
    return o;
}

double costAtoB(const RoadGraph &g, const std::vector<float> &factors)
{
    RoutingOptions o = meters();
    o.linkFactors = factors;
    const Snapper s(g);
    NetworkSource src;
    src.at = s.snap({0, 0}, 300);
    return double(ShortestPathTree::compute(g, {src}, o).nodeCost(nodeAt(g, {100, 0})));
}

} // namespace

class TestHazardScenario : public QObject {
    Q_OBJECT
private slots:
    void shelterInFloodExcluded()
    {
        const HazardZones flood = zonesOf(square(20, 20, 60, 60), 4);
        ScenarioRules rules;
        rules.shelterMinLevel = 3;
        const auto out = HazardScenario::unsuitableShelters(twoShelters(), flood, rules);
        QCOMPARE(int(out.size()), 1);
        QCOMPARE(out[0].id, QStringLiteral("S1"));
        QCOMPARE(out[0].level, 4);
        QCOMPARE(out[0].capacity, 100.0);
        rules.shelterMinLevel = 5; // a level-4 zone does not rule it out
        QVERIFY(HazardScenario::unsuitableShelters(twoShelters(), flood, rules).empty());
        rules.shelterMinLevel = 1;
        rules.types = {HazardType::Earthquake}; // another hazard's scenario
        QVERIFY(HazardScenario::unsuitableShelters(twoShelters(), flood, rules).empty());
    }

    void roadUnderFloodClosed()
    {
        // Direct A(0,0)–B(100,0) is 100 m; the detour over (0,100) and (100,100) is 300 m.
        const std::vector<Road> roads{{{{0, 0}, {100, 0}}}, {{{0, 0}, {0, 100}}}, {{{0, 100}, {100, 100}}}, {{{100, 100}, {100, 0}}}};
        const RoadGraph walk = buildGraph(roads, QStringLiteral("walk"));
        const RoadGraph drive = buildGraph(roads, QStringLiteral("drive"));
        const Geometry overAB = square(40, -10, 20, 20);
        ScenarioRules rules; // 0.15 m closes driving, 0.3 m walking
        int closed = -1;
        QCOMPARE(costAtoB(walk, HazardScenario::linkFactors(walk, zonesOf(overAB, 3, 0.2), rules, {}, &closed)), 100.0);
        QCOMPARE(closed, 0);
        QCOMPARE(costAtoB(drive, HazardScenario::linkFactors(drive, zonesOf(overAB, 3, 0.2), rules, {}, &closed)), 300.0);
        QCOMPARE(closed, 1);
        QCOMPARE(costAtoB(walk, HazardScenario::linkFactors(walk, zonesOf(overAB, 3, 0.5), rules, {})), 300.0);
        // Edited thresholds.
        rules.closeDepthMeters[QStringLiteral("walk")] = 0.1;
        QCOMPARE(costAtoB(walk, HazardScenario::linkFactors(walk, zonesOf(overAB, 3, 0.2), rules, {})), 300.0);
        // Depth unknown: the level decides.
        rules.roadMinLevel = 3;
        QCOMPARE(costAtoB(walk, HazardScenario::linkFactors(walk, zonesOf(overAB, 2), rules, {})), 100.0);
        QCOMPARE(costAtoB(walk, HazardScenario::linkFactors(walk, zonesOf(overAB, 3), rules, {})), 300.0);
        // Slowed instead of closed: 100 m × 2 = 200 m beats the 300 m detour.
        rules.roadFactor = 2;
        QCOMPARE(costAtoB(walk, HazardScenario::linkFactors(walk, zonesOf(overAB, 3), rules, {})), 200.0);
        // Existing barriers stay: a closed link (factor 0) stays closed.
        rules.roadFactor = 0;
        const auto baseFactors = HazardScenario::linkFactors(walk, zonesOf(square(-10, 40, 20, 20), 3), rules, {}); // closes A–(0,100)
        QVERIFY(std::isinf(costAtoB(walk, HazardScenario::linkFactors(walk, zonesOf(overAB, 3), rules, baseFactors))));
    }

    void coverageUnderScenario()
    {
        const CoverageRequest base = baselineRequest();
        Feedback fb;
        const CoverageOutcome before = CoverageAnalysis::run(base, fb);
        QCOMPARE(before.coverage.coveredPopulation, 120.0);
        ScenarioRules rules;
        const auto unsuitable = HazardScenario::unsuitableShelters(base.facilities, zonesOf(square(20, 20, 60, 60), 4), rules);
        const CoverageRequest scen = HazardScenario::scenarioRequest(base, unsuitable, base.costs);
        QCOMPARE(scen.facilities.size(), 1);
        QCOMPARE(scen.facilities.ids, QStringList{QStringLiteral("S2")});
        QCOMPARE(scen.costs.facilityCount(), 1);
        QCOMPARE(scen.costs.nearestFacility(1), 0);
        QCOMPARE(double(scen.costs.nearestCost(1)), 60.0);
        QCOMPARE(scen.costs.nearestFacility(0), -1);
        const CoverageOutcome after = CoverageAnalysis::run(scen, fb);
        const ScenarioComparison c = HazardScenario::compare(base, before, after, unsuitable);
        // By hand: without S1, the 30 people at (10,10) reach no shelter; (90,50) walks 60 m to S2.
        QCOMPARE(c.overall.baselineCovered, 120.0);
        QCOMPARE(c.overall.scenarioCovered, 90.0);
        QCOMPARE(c.overall.newlyUncovered, 30.0);
        QCOMPARE(c.overall.scenarioAssigned, 90.0);
        QCOMPARE(c.overall.sheltersLost, 1);
        QCOMPARE(c.overall.capacityLost, 100.0);
        QCOMPARE(int(c.areas.size()), 2);
        QCOMPARE(c.areas[0].name, QStringLiteral("A"));
        QCOMPARE(c.areas[0].newlyUncovered, 30.0);
        QCOMPARE(c.areas[0].sheltersLost, 1);
        QCOMPARE(c.areas[0].scenarioCovered, 40.0);
        QCOMPARE(c.areas[1].newlyUncovered, 0.0);
        QCOMPARE(c.areas[1].sheltersLost, 0);
        QCOMPARE(c.unsuitable[0].area, QStringLiteral("A"));
        const QJsonObject s = c.summaryJson(rules);
        QCOMPARE(s.value(QStringLiteral("newly_uncovered")).toDouble(), 30.0);
        QCOMPARE(s.value(QStringLiteral("unsuitable_shelters")).toArray().size(), 1);
    }

    void everyShelterFlooded()
    {
        const CoverageRequest base = baselineRequest();
        const auto all = HazardScenario::unsuitableShelters(base.facilities, zonesOf(square(0, 0, 200, 100), 5), ScenarioRules());
        QCOMPARE(int(all.size()), 2);
        QVERIFY_THROWS_EXCEPTION(InvalidInput, HazardScenario::scenarioRequest(base, all, base.costs));
    }

    void rulesJson()
    {
        ScenarioRules r = ScenarioRules::fromJson(QJsonObject{{QStringLiteral("shelter_min_level"), 4},
                                                              {QStringLiteral("close_depth_m"), QJsonObject{{QStringLiteral("drive"), 0.2}}},
                                                              {QStringLiteral("types"), QJsonArray{QStringLiteral("flood")}}},
                                                  QStringLiteral("analysis.hazard"));
        QCOMPARE(r.shelterMinLevel, 4);
        QCOMPARE(r.closeDepthFor(QStringLiteral("drive")), 0.2);
        QCOMPARE(r.closeDepthFor(QStringLiteral("walk")), 0.3);
        QCOMPARE(r.closeDepthFor(QStringLiteral("bike")), 0.2); // not listed: the smallest threshold
        const ScenarioRules back = ScenarioRules::fromJson(r.toJson(), QStringLiteral("x"));
        QCOMPARE(back.toJson(), r.toJson());
        try {
            ScenarioRules::fromJson(QJsonObject{{QStringLiteral("road_factor"), 0.5}}, QStringLiteral("analysis.hazard"));
            QFAIL("accepted");
        } catch (const InvalidInput &e) {
            QCOMPARE(e.message(), QStringLiteral("analysis.hazard.road_factor: 0 (closed) or a cost factor above 1 (slowed)"));
        }
    }
};

QTEST_GUILESS_MAIN(TestHazardScenario)
#include "tst_hazardscenario.moc"
