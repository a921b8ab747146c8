// Hand-made graphs with known answers: topology, one-way, turnout, barrier, partial
// edge at the cutoff, ties, islands, snapping to an edge's middle.
#include "NetworkTestData.h"
#include "TestSupport.h"
#include "analysis/NearestFacility.h"
#include "analysis/ServiceArea.h"
#include "network/Barriers.h"
#include "network/ShortestPathTree.h"
#include "network/Snapper.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QTest>
#include <cmath>

using namespace refuge;
using namespace refuge::test;

class TestRouting : public QObject {
    Q_OBJECT

private:
    static NetworkSource sourceAt(const Snapper &s, QPointF p, double start = 0)
    {
        NetworkSource src;
        src.at = s.snap(p, 300);
        src.startCost = start;
        return src;
    }
    static RoutingOptions meters(double limit = 1e9)
    {
        RoutingOptions o;
        o.unit = CostUnit::Meters;
        o.limit = limit;
        o.snapLegs = false;
        return o;
    }

private Q_SLOTS:
    void splitsAtSharedVertices()
    {
        // A cross drawn as two lines sharing their middle vertex, plus a line ending
        // 0.3 m from a vertex (within the 0.5 m tolerance).
        const RoadGraph g = buildGraph({{{{0, 0}, {100, 0}, {200, 0}}}, {{{100, -100}, {100, 0}, {100, 100}}},
                                        {{{200.3, 0}, {300, 0}}}});
        QCOMPARE(g.nodeCount(), 6);
        QCOMPARE(g.linkCount(), 5);
        QCOMPARE(g.arcCount(), 10);
        double total = 0;
        for (int l = 0; l < g.linkCount(); ++l)
            total += g.linkMeters(l);
        QVERIFY(std::abs(total - 500.0) < 0.01); // the 0.3 m gap closes on the first vertex
    }

    void oneWay_data()
    {
        QTest::addColumn<QString>("oneway");
        QTest::addColumn<double>("forward");  // cost A → B
        QTest::addColumn<double>("backward"); // cost B → A
        const double inf = std::numeric_limits<double>::infinity();
        QTest::newRow("two-way") << "no" << 100.0 << 100.0;
        QTest::newRow("yes") << "yes" << 100.0 << inf;
        QTest::newRow("1") << "1" << 100.0 << inf;
        QTest::newRow("-1 against digitising") << "-1" << inf << 100.0;
        QTest::newRow("FT") << "FT" << 100.0 << inf;
        QTest::newRow("TF") << "TF" << inf << 100.0;
        QTest::newRow("B") << "B" << 100.0 << 100.0;
    }
    void oneWay()
    {
        QFETCH(QString, oneway);
        QFETCH(double, forward);
        QFETCH(double, backward);
        const RoadGraph g = buildGraph({{{{0, 0}, {100, 0}}, oneway}}, QStringLiteral("drive"));
        const Snapper s(g);
        const int a = nodeAt(g, {0, 0}), b = nodeAt(g, {100, 0});
        const auto ab = ShortestPathTree::compute(g, {sourceAt(s, {0, 0})}, meters());
        const auto ba = ShortestPathTree::compute(g, {sourceAt(s, {100, 0})}, meters());
        QCOMPARE(double(ab.nodeCost(b)), forward);
        QCOMPARE(double(ba.nodeCost(a)), backward);
        // Walking ignores one-way.
        const RoadGraph w = buildGraph({{{{0, 0}, {100, 0}}, oneway}}, QStringLiteral("walk"));
        const auto wba = ShortestPathTree::compute(w, {sourceAt(Snapper(w), {100, 0})}, meters());
        QCOMPARE(double(wba.nodeCost(nodeAt(w, {0, 0}))), 100.0);
    }

    void walkExcludesMotorways()
    {
        const RoadGraph g = buildGraph({{{{0, 0}, {100, 0}}}, {{{100, 0}, {200, 0}}, QStringLiteral("no"), QStringLiteral("motorway")}});
        QCOMPARE(g.linkCount(), 1);
        QCOMPARE(buildGraph({{{{0, 0}, {100, 0}}}, {{{100, 0}, {200, 0}}, QStringLiteral("no"), QStringLiteral("motorway")}},
                            QStringLiteral("drive")).linkCount(), 2);
    }

    void turnoutAndSeconds()
    {
        // Walk at 1 m/s: 100 m = 100 s, plus 60 s turnout.
        const RoadGraph g = buildGraph({{{{0, 0}, {100, 0}}}});
        RoutingOptions o;
        o.snapLegs = false;
        const auto t = ShortestPathTree::compute(g, {sourceAt(Snapper(g), {0, 0}, 60)}, o);
        QCOMPARE(double(t.nodeCost(nodeAt(g, {100, 0}))), 160.0);
        // Elderly walk at 0.6 m/s.
        const RoadGraph e = buildGraph({{{{0, 0}, {60, 0}}}}, QStringLiteral("walk-elderly"));
        const auto te = ShortestPathTree::compute(e, {sourceAt(Snapper(e), {0, 0})}, o);
        QVERIFY(std::abs(te.nodeCost(nodeAt(e, {60, 0})) - 100.0) < 1e-3);
    }

    void barrier()
    {
        // Direct A–B is 100 m; the detour A–C–D–B is 300 m.
        const RoadGraph g = buildGraph({{{{0, 0}, {100, 0}}}, {{{0, 0}, {0, 100}}}, {{{0, 100}, {100, 100}}}, {{{100, 100}, {100, 0}}}});
        VectorLayer flood(QStringLiteral("flood"), GeometryType::Polygon, g.crs());
        flood.addFeature(Geometry::polygon({{{40, -10}, {60, -10}, {60, 10}, {40, 10}, {40, -10}}}));
        int affected = 0;
        RoutingOptions o = meters();
        o.linkFactors = Barriers::linkFactors(g, flood, 0.0, &affected);
        QCOMPARE(affected, 1);
        const Snapper s(g);
        const int b = nodeAt(g, {100, 0});
        QCOMPARE(double(ShortestPathTree::compute(g, {sourceAt(s, {0, 0})}, o).nodeCost(b)), 300.0);
        o.linkFactors = Barriers::linkFactors(g, flood, 2.0);
        QCOMPARE(double(ShortestPathTree::compute(g, {sourceAt(s, {0, 0})}, o).nodeCost(b)), 200.0);
    }

    void partialEdgeAtCutoff()
    {
        const RoadGraph g = buildGraph({{{{0, 0}, {200, 0}}}, {{{200, 0}, {200, 200}}}});
        const auto t = ShortestPathTree::compute(g, {sourceAt(Snapper(g), {0, 0})}, meters(250));
        QCOMPARE(double(t.nodeCost(nodeAt(g, {200, 0}))), 200.0);
        double total = 0;
        const auto sections = ServiceArea::reachedSections(t, 250, -1, &total);
        QVERIFY(std::abs(total - 250.0) < 1e-6);
        // The far end of the partial section is interpolated at (200, 50).
        bool found = false;
        for (const auto &s : sections)
            for (const QPointF &p : s)
                found = found || (std::abs(p.x() - 200) < 1e-6 && std::abs(p.y() - 50) < 1e-6);
        QVERIFY(found);
        QVERIFY(!std::isfinite(t.nodeCost(nodeAt(g, {200, 200}))));
        // Inside a link too: source in the middle of a 200 m link, limit 30.
        const auto mid = ShortestPathTree::compute(g, {sourceAt(Snapper(g), {100, 5})}, meters(30));
        ServiceArea::reachedSections(mid, 30, -1, &total);
        QVERIFY(std::abs(total - 60.0) < 1e-6);
    }

    void twoFacilitiesTie()
    {
        // A 200 m street with a spur from its middle; facilities at both ends.
        const RoadGraph g = buildGraph({{{{0, 0}, {100, 0}, {200, 0}}}, {{{100, 0}, {100, 50}}}});
        const Snapper s(g);
        const SnappedLayer fac = s.snapAll({{0, 0}, {200, 0}}, 300);
        const SnappedLayer dem = s.snapAll({{100, 50}, {150, 0}, {20, 0}}, 300);
        Feedback fb;
        const NearestFacilityResult r = NearestFacility::run(g, NearestFacility::sources(fac), dem, meters(), fb);
        const int mid = nodeAt(g, {100, 0});
        QCOMPARE(double(r.nodeCost[std::size_t(mid)]), 100.0);
        QCOMPARE(r.nodeFacility[std::size_t(mid)], 0); // ties go to the lower index
        QCOMPARE(double(r.demandCost[0]), 150.0);
        QCOMPARE(r.demandFacility[0], 0);
        QCOMPARE(double(r.demandCost[1]), 50.0);
        QCOMPARE(r.demandFacility[1], 1);
        QCOMPARE(double(r.demandCost[2]), 20.0);
        QCOMPARE(r.demandFacility[2], 0);
        // All facilities within 160 m of each demand point, cheapest first.
        const FacilityCosts all = FacilityCosts::compute(g, NearestFacility::sources(fac), dem, meters(160), fb);
        QCOMPARE(int(all.forDemand(0).size()), 2);
        QCOMPARE(double(all.forDemand(0)[0].cost), 150.0);
        QCOMPARE(int(all.forDemand(1).size()), 2);
        QCOMPARE(all.forDemand(1)[0].facility, 1);
        QCOMPARE(double(all.forDemand(1)[1].cost), 150.0);
        QCOMPARE(int(all.forDemand(2).size()), 1);
    }

    void disconnectedIsland()
    {
        const RoadGraph g = buildGraph({{{{0, 0}, {100, 0}}}, {{{500, 0}, {600, 0}}}});
        const Snapper s(g);
        const auto t = ShortestPathTree::compute(g, {sourceAt(s, {0, 0})}, meters());
        QCOMPARE(t.reachedNodeCount(), 2);
        QVERIFY(!std::isfinite(t.nodeCost(nodeAt(g, {600, 0}))));
        QCOMPARE(t.nodeSource(nodeAt(g, {600, 0})), -1);
        int src = 7;
        QVERIFY(!std::isfinite(t.costTo(s.snap({550, 3}, 300), &src)));
        QCOMPARE(src, -1);
    }

    void snapToEdgeMiddle()
    {
        const RoadGraph g = buildGraph({{{{0, 0}, {100, 0}}}, {{{100, 0}, {100, 100}}}});
        const Snapper s(g);
        const SnappedPoint p = s.snap({50, 10}, 300);
        QVERIFY(p.isSnapped());
        QCOMPARE(p.offsetMeters, 50.0);
        QCOMPARE(p.distanceMeters, 10.0);
        QCOMPARE(p.position, QPointF(50, 0));
        QVERIFY(!s.snap({50, 400}, 300).isSnapped());
        RoutingOptions o = meters();
        o.snapLegs = true;
        NetworkSource src;
        src.at = s.snap({0, -5}, 300);
        const auto t = ShortestPathTree::compute(g, {src}, o);
        QCOMPARE(t.costTo(p), 5.0 + 50.0 + 10.0);
        o.snapLegs = false;
        QCOMPARE(ShortestPathTree::compute(g, {src}, o).costTo(p), 50.0);
        // Unsnapped points are listed, never dropped.
        const SnappedLayer all = s.snapAll({{50, 10}, {5000, 5000}, {100, 50}}, 300);
        QCOMPARE(int(all.points.size()), 3);
        QCOMPARE(all.unsnapped, std::vector<int>{1});
    }

    void badLimit()
    {
        const RoadGraph g = buildGraph({{{{0, 0}, {100, 0}}}});
        QVERIFY_THROWS_EXCEPTION(InvalidInput, ShortestPathTree::compute(g, {}, meters(0)));
        QVERIFY_THROWS_EXCEPTION(InvalidInput, Profile::load(QStringLiteral("teleport")));
    }
};

QTEST_GUILESS_MAIN(TestRouting)
#include "tst_routing.moc"
