// A street that comes back to its own node (tests/data/osm/lollipop.osm: a stem of
// S ≈ 111 m from node 1 to node 2, then a ring of L ≈ 444 m from node 2 round a block
// back to node 2, one link from a node to itself with no arc) is reached along its
// length by every analysis: a point at s metres along the ring costs node 2's cost +
// min(s, L − s). Costs in metres, no snap legs, so every figure is exact.
#include "TestSupport.h"
#include "analysis/NearestFacility.h"
#include "analysis/ServiceArea.h"
#include "analysis/Zones.h"
#include "network/RoadGraphBuilder.h"
#include "network/Snapper.h"
#include "util/Feedback.h"

#include <QTest>
#include <algorithm>
#include <cmath>

using namespace refuge;

namespace {

struct Lollipop {
    RoadGraph graph;
    int stem = -1, ring = -1;
    SnappedPoint west; // node 1, the stem's free end
    double S = 0, L = 0;
};

Lollipop lollipop()
{
    RoadGraphOptions o;
    o.source = DataSource{refuge::test::dataPath(QStringLiteral("osm/lollipop.osm")), {}};
    o.profile = Profile::load(QStringLiteral("walk"));
    o.useCache = false;
    Lollipop p;
    p.graph = RoadGraphBuilder::open(o);
    const RoadGraph &g = p.graph;
    if (g.linkCount() != 2 || g.loopLinks().size() != 1)
        return p;
    p.ring = g.loopLinks().front();
    p.stem = 1 - p.ring;
    p.S = g.linkMeters(p.stem);
    p.L = g.linkMeters(p.ring);
    const bool fromIsWest = g.node(g.linkFrom(p.stem)).x() < g.node(g.linkTo(p.stem)).x();
    p.west.link = p.stem;
    p.west.offsetMeters = fromIsWest ? 0.0 : p.S;
    p.west.position = p.west.input = g.node(fromIsWest ? g.linkFrom(p.stem) : g.linkTo(p.stem));
    return p;
}

SnappedPoint onRing(const Lollipop &p, double s)
{
    SnappedPoint q;
    q.link = p.ring;
    q.offsetMeters = s;
    q.position = q.input = p.graph.linkPointAt(p.ring, s);
    return q;
}

RoutingOptions metres(double limit)
{
    RoutingOptions o;
    o.unit = CostUnit::Meters;
    o.limit = limit;
    o.snapLegs = false;
    return o;
}

} // namespace

class TestLoops : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void graph()
    {
        const Lollipop p = lollipop();
        QCOMPARE(p.graph.linkCount(), 2);
        QCOMPARE(int(p.graph.loopLinks().size()), 1);
        QCOMPARE(p.graph.linkFrom(p.ring), p.graph.linkTo(p.ring));
        QVERIFY2(std::abs(p.S - 111.3) < 1 && std::abs(p.L - 443.8) < 2, qPrintable(QStringLiteral("%1 %2").arg(p.S).arg(p.L)));
        // A graph's copies share the list.
        const RoadGraph copy = p.graph;
        QCOMPARE(&copy.loopLinks(), &p.graph.loopLinks());
        QVERIFY(RoadGraph().loopLinks().empty());
        // Points beside the ring snap onto it, at their offset along it.
        const QPointF corner = p.graph.linkPointAt(p.ring, p.L / 2);
        const SnappedLayer snapped = Snapper::snapPoints(p.graph, {corner + QPointF(3, 3)}, 10.0);
        QCOMPARE(snapped.points.at(0).link, p.ring);
        QCOMPARE_LE(std::abs(snapped.points.at(0).offsetMeters - p.L / 2), 3.01);
    }

    void serviceArea()
    {
        // 100 m past node 2 reaches 100 m of the ring each way round.
        const Lollipop p = lollipop();
        const double limit = p.S + 100;
        double reached = 0;
        const auto tree = ShortestPathTree::compute(p.graph, {NetworkSource{p.west}}, metres(limit));
        ServiceArea::reachedSections(tree, limit, -1, &reached);
        QCOMPARE_LE(std::abs(reached - (p.S + 200)), 1e-3);
        ServiceArea::reachedSections(tree, limit, 0, &reached);
        QCOMPARE_LE(std::abs(reached - (p.S + 200)), 1e-3);
    }

    void coverageCosts()
    {
        // FacilityCosts (coverage, capacity): demand on the ring has its cost from the
        // facility (was: none, the ring was never visited).
        const Lollipop p = lollipop();
        const std::vector<double> at{0.0, 50.0, 210.0, 300.0, p.L / 2, p.L - 10};
        SnappedLayer demand;
        for (double s : at)
            demand.points.push_back(onRing(p, s));
        Feedback feedback;
        const FacilityCosts table = FacilityCosts::compute(p.graph, {NetworkSource{p.west}}, demand, metres(p.S + 200), feedback);
        for (std::size_t i = 0; i < at.size(); ++i) {
            const double want = p.S + std::min(at[i], p.L - at[i]);
            const std::vector<FacilityCost> got = table.forDemand(int(i));
            if (want > p.S + 200) {
                QVERIFY2(got.empty(), qPrintable(QString::number(at[i])));
                continue;
            }
            QCOMPARE(int(got.size()), 1);
            QCOMPARE(got[0].facility, 0);
            QCOMPARE_LE(std::abs(double(got[0].cost) - want), 1e-3);
        }
        QCOMPARE(int(table.entryCount()), 4); // 0, 50, 300 (144 m) and L − 10; not 210, L/2 (222 m)
    }

    void nearestFacility()
    {
        // NearestFacility::run (fire first-due, coverage's nearest): the same costs, and
        // the nearer of two facilities: one at node 1, one on the ring at L/2.
        const Lollipop p = lollipop();
        const std::vector<double> at{0.0, 40.0, 60.0, 200.0, p.L - 60, p.L - 40};
        SnappedLayer demand;
        for (double s : at)
            demand.points.push_back(onRing(p, s));
        Feedback feedback;
        const NearestFacilityResult r =
            NearestFacility::run(p.graph, {NetworkSource{p.west}, NetworkSource{onRing(p, p.L / 2)}}, demand, metres(1e6), feedback);
        for (std::size_t i = 0; i < at.size(); ++i) {
            const double fromWest = p.S + std::min(at[i], p.L - at[i]);
            const double fromRing = std::abs(at[i] - p.L / 2);
            QCOMPARE_LE(std::abs(double(r.demandCost[i]) - std::min(fromWest, fromRing)), 1e-3);
            QCOMPARE(r.demandFacility[i], fromWest <= fromRing ? 0 : 1);
        }
    }

    void zones()
    {
        // Facility 0 at node 1 and facility 1 on the ring at L/2: the ring splits where
        // S + s = L/2 − s, i.e. (L/2 − S)/2 from node 2 on each side. Facility 0 owns the
        // stem and those two pieces (L/2 in all), facility 1 the rest (L/2 + S).
        const Lollipop p = lollipop();
        const auto tree = ShortestPathTree::compute(p.graph, {NetworkSource{p.west}, NetworkSource{onRing(p, p.L / 2)}}, metres(1e6));
        double owned[2] = {0, 0};
        for (const Zones::OwnedSection &s : Zones::ownedSections(tree)) {
            QVERIFY(s.facility == 0 || s.facility == 1);
            owned[s.facility] += s.meters;
        }
        QCOMPARE_LE(std::abs(owned[0] - p.L / 2), 1e-3);
        QCOMPARE_LE(std::abs(owned[1] - (p.L / 2 + p.S)), 1e-3);
        const std::vector<ShortestPathTree::LinkShare> ring = tree.linkShares(p.ring);
        QCOMPARE(int(ring.size()), 3);
        const double cut = (p.L / 2 - p.S) / 2;
        QCOMPARE(ring[0].source, 0);
        QCOMPARE_LE(std::abs(ring[0].toMeters - cut), 1e-3);
        QCOMPARE(ring[1].source, 1);
        QCOMPARE_LE(std::abs(ring[1].toMeters - (p.L - cut)), 1e-3);
        QCOMPARE(ring[2].source, 0);
    }
};

QTEST_GUILESS_MAIN(TestLoops)
#include "tst_loops.moc"
