// FireCoverage on a hand-made 4 × 2 grid: first-due zones, reach within the limit,
// zone area against the grade limit, and agreement with official districts by area
// and by population — all exact.
#include "analysis/FireCoverage.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QTest>

using namespace refuge;

namespace {

Geometry rect(double x0, double y0, double x1, double y1)
{
    return Geometry::polygon({{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}});
}

FireRequest request()
{
    Feedback fb;
    FireRequest q;
    q.stations.crs = Crs::fromEpsg(26986);
    q.stations.points = {{50, 100}, {350, 100}};
    q.stations.ids = QStringList{QStringLiteral("E1"), QStringLiteral("E2")};
    q.stations.names = QStringList{QStringLiteral("Engine 1"), QStringLiteral("Engine 2")};
    q.stations.grades = QStringList{QStringLiteral("一级"), QString()};
    q.grid = FireGrid::over(rect(0, 0, 400, 200), 100, 1.0, fb);
    // Cells (row-major from y=0): centres x = 50, 150, 250, 350. E1 first-due for
    // x < 200, E2 beyond; the cell at (350, 150) takes 400 s (beyond 300 s).
    for (const QPointF &c : q.grid.centres) {
        q.gridCosts.station.push_back(c.x() < 200 ? 0 : 1);
        q.gridCosts.seconds.push_back(c.x() == 350 && c.y() == 150 ? 400.f : 120.f);
    }
    q.demand.crs = q.stations.crs;
    q.demand.add({50, 50}, 100, 0);
    q.demand.add({250, 50}, 50, 1);
    q.demandCosts.station = {0, 1};
    q.demandCosts.seconds = {100, 350};
    q.official.crs = q.stations.crs;
    q.official.polygons = {rect(0, 0, 300, 200), rect(300, 0, 400, 200)};
    q.official.names = QStringList{QStringLiteral("E1"), QStringLiteral("E2")};
    q.standard = StandardsProfile::load(QStringLiteral("shanghai"));
    q.responseLimitSeconds = 300;
    return q;
}

} // namespace

class TestFire : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void grid()
    {
        Feedback fb;
        const FireGrid g = FireGrid::over(rect(0, 0, 400, 200), 100, 1.0, fb);
        QCOMPARE(int(g.centres.size()), 8);
        QCOMPARE(g.cellAreaM2, 10000.0);
        QCOMPARE(g.centres.front(), QPointF(50, 50));
    }
    void zonesReachAgreement()
    {
        Feedback fb;
        const FireRequest q = request();
        const FireOutcome o = FireCoverage::run(q, fb);
        QCOMPARE(o.studyAreaKm2, 0.08);
        QCOMPARE(o.reachedAreaKm2, 0.07);
        QCOMPARE(o.zones[0].zoneAreaKm2, 0.04);
        QCOMPARE(o.zones[1].zoneAreaKm2, 0.04);
        QCOMPARE(o.zones[1].reachedAreaKm2, 0.03);
        QCOMPARE(o.zones[0].zone.area(), 40000.0);
        QCOMPARE(o.unreachedArea.area(), 10000.0);
        QCOMPARE(o.totalPopulation, 150.0);
        QCOMPARE(o.reachedPopulation, 100.0);
        QCOMPARE(o.zones[0].population, 100.0);
        QCOMPARE(o.zones[1].population, 50.0);
        QCOMPARE(o.zones[1].populationReached, 0.0);
        // Official: E1 x < 300. The two cells at x = 250 disagree.
        QCOMPARE(o.officialAreaKm2, 0.08);
        QCOMPARE(o.agreementAreaKm2, 0.06);
        QCOMPARE(o.agreementAreaShare(), 0.75);
        QCOMPARE(o.agreementPopulationShare(), 100.0 / 150.0);
        QCOMPARE(int(o.differences.size()), 1);
        QCOMPARE(o.differences[0].official, QStringLiteral("E1"));
        QCOMPARE(o.differences[0].computed, QStringLiteral("E2"));
        QCOMPARE(o.differences[0].areaKm2, 0.02);
        QCOMPARE(o.differences[0].population, 50.0);
        QCOMPARE(o.differences[0].geometry.area(), 20000.0);
        QCOMPARE(o.zones[0].agreementAreaKm2, 0.04);
        QCOMPARE(o.zones[0].officialAreaKm2, 0.06);
        // Grade limits: 一级 ≤ 7 km² (建标152-2017 §14); both pass.
        QCOMPARE(o.zones[0].areaCheck.key, QStringLiteral("fire.district_km2.grade1"));
        QVERIFY(o.zones[0].areaCheck.pass);
        QVERIFY(o.zones[0].areaCheck.citation.contains(QStringLiteral("§14")));
        QCOMPARE(o.zones[1].areaCheck.key, QStringLiteral("fire.district_km2.default"));
        const QJsonObject s = o.summaryJson(q);
        QCOMPARE(s.value("agreement_area_share").toDouble(), 0.75);
        QCOMPARE(s.value("reached_population").toDouble(), 100.0);
    }
    void areaLimitFails()
    {
        Feedback fb;
        FireRequest q = request();
        q.standard.applyOverrides(QJsonObject{{"fire.district_km2.default", 0.03}});
        const FireOutcome o = FireCoverage::run(q, fb);
        QVERIFY(o.zones[0].areaCheck.pass);
        QVERIFY(!o.zones[1].areaCheck.pass);
        QCOMPARE(o.zones[1].areaCheck.status, QStringLiteral("user"));
        q.suburban = true;
        QCOMPARE(FireCoverage::run(q, fb).zones[1].areaCheck.key, QStringLiteral("fire.district_km2.suburban"));
    }
    void gradeKeys()
    {
        QCOMPARE(FireCoverage::gradeKey(QStringLiteral("二级"), false), QStringLiteral("fire.district_km2.grade2"));
        QCOMPARE(FireCoverage::gradeKey(QStringLiteral("小型"), false), QStringLiteral("fire.district_km2.small"));
        QCOMPARE(FireCoverage::gradeKey(QStringLiteral("1"), true), QStringLiteral("fire.district_km2.suburban"));
    }
    void badSizes()
    {
        Feedback fb;
        FireRequest q = request();
        q.gridCosts.seconds.pop_back();
        QVERIFY_THROWS_EXCEPTION(InvalidInput, FireCoverage::run(q, fb));
    }
};

QTEST_MAIN(TestFire)
#include "tst_fire.moc"
