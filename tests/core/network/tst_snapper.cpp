// Snapper on the Cambridge streets (maps/cambridge/cambridge.gpkg): for 6,000
// random points, the snapped link, point, distance and offset equal a brute-force scan
// of every segment of every link (nearest distance, ties to the lower link); points
// beyond the limit stay unsnapped; the parallel snapAll gives the same rows. The same
// on a hand-made network mixing a dense street grid with long diagonal roads (which
// the Snapper keeps out of its grid) and points far outside it.
#include "NetworkTestData.h"
#include "TestSupport.h"
#include "analysis/CoverageNetwork.h"
#include "network/RoadGraphBuilder.h"
#include "network/Snapper.h"
#include "util/Feedback.h"

#include <QTest>
#include <cmath>
#include <random>

using namespace refuge;

namespace {

struct Brute {
    int link = -1;
    double distance2 = std::numeric_limits<double>::infinity();
};

// Independent scan: squared distance to every segment of every link.
Brute bruteNearest(const RoadGraph &g, QPointF q)
{
    Brute best;
    for (int l = 0; l < g.linkCount(); ++l) {
        const QPointF *p = g.linkPoints(l);
        for (int i = 1; i < g.linkPointCount(l); ++i) {
            const double dx = p[i].x() - p[i - 1].x(), dy = p[i].y() - p[i - 1].y();
            const double len2 = dx * dx + dy * dy;
            const double t = len2 > 0 ? std::clamp(((q.x() - p[i - 1].x()) * dx + (q.y() - p[i - 1].y()) * dy) / len2, 0.0, 1.0) : 0.0;
            const double cx = p[i - 1].x() + t * dx, cy = p[i - 1].y() + t * dy;
            const double d2 = (cx - q.x()) * (cx - q.x()) + (cy - q.y()) * (cy - q.y());
            if (d2 < best.distance2) {
                best.distance2 = d2;
                best.link = l;
            }
        }
    }
    return best;
}

RoadGraph cambridge()
{
    RoadGraphOptions o;
    o.source = DataSource{refuge::test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")), QStringLiteral("streets")};
    o.profile = Profile::load(QStringLiteral("walk"));
    o.useCache = false;
    return RoadGraphBuilder::open(o, nullptr, nullptr);
}

} // namespace

class TestSnapper : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesBruteForce()
    {
        const RoadGraph g = cambridge();
        QVERIFY(g.linkCount() > 2000);
        QCOMPARE(g.crs().metresPerUnit(), 1.0);
        const Snapper snapper(g);
        const QRectF ext = g.extent();
        std::mt19937 rng(20261123);
        // A margin around the network so some points are beyond the limit.
        std::uniform_real_distribution<double> x(ext.left() - 400, ext.right() + 400), y(ext.top() - 400, ext.bottom() + 400);
        const double maxMeters = 200;
        std::vector<QPointF> points;
        for (int i = 0; i < 6000; ++i)
            points.emplace_back(x(rng), y(rng));
        // Points exactly on vertices and link ends: ties between the links meeting there.
        for (int l = 0; l < g.linkCount(); l += 97)
            points.push_back(g.linkPoints(l)[0]);
        int snapped = 0, far = 0;
        for (const QPointF &p : points) {
            const Brute b = bruteNearest(g, p);
            const SnappedPoint s = snapper.snap(p, maxMeters);
            if (std::sqrt(b.distance2) > maxMeters) {
                QVERIFY2(!s.isSnapped(), qPrintable(QStringLiteral("(%1, %2) snapped beyond the limit").arg(p.x()).arg(p.y())));
                ++far;
                continue;
            }
            QVERIFY2(s.isSnapped(), qPrintable(QStringLiteral("(%1, %2) not snapped").arg(p.x()).arg(p.y())));
            ++snapped;
            QCOMPARE(s.link, b.link);
            QCOMPARE(s.distanceMeters, std::sqrt(b.distance2));
            QCOMPARE(s.input, p);
            QVERIFY(std::abs(std::hypot(s.position.x() - p.x(), s.position.y() - p.y()) - s.distanceMeters) < 1e-6);
            QVERIFY(s.offsetMeters >= 0 && s.offsetMeters <= g.linkMeters(s.link));
            // The offset leads back to the snapped position along the link.
            const QPointF at = g.linkPointAt(s.link, s.offsetMeters);
            QVERIFY2(std::hypot(at.x() - s.position.x(), at.y() - s.position.y()) < 0.05,
                     qPrintable(QStringLiteral("link %1 offset %2").arg(s.link).arg(s.offsetMeters)));
        }
        QVERIFY(snapped > 2000);
        QVERIFY(far > 100);

        // The parallel snapAll: same rows, in order, unsnapped listed.
        Feedback fb;
        const SnappedLayer all = CoverageNetwork::snapAll(snapper, points, maxMeters, fb);
        QCOMPARE(all.points.size(), points.size());
        QCOMPARE(all.snappedCount(), snapped);
        for (std::size_t i = 0; i < points.size(); ++i) {
            const SnappedPoint one = snapper.snap(points[i], maxMeters);
            QCOMPARE(all.points[i].link, one.link);
            QCOMPARE(all.points[i].offsetMeters, one.offsetMeters);
        }
    }

    void longLinksAndFarPoints()
    {
        std::vector<test::Road> roads;
        for (int i = 0; i <= 20; ++i) {
            roads.push_back({{{0, i * 50.0}, {1000, i * 50.0}}});
            roads.push_back({{{i * 50.0, 0}, {i * 50.0, 1000}}});
        }
        roads.push_back({{{-5000, -3000}, {6000, 4000}}});          // long diagonals
        roads.push_back({{{-4000, 5000}, {300, 40}, {7000, -2000}}});
        const RoadGraph g = test::buildGraph(roads);
        const Snapper snapper(g);
        std::mt19937 rng(7);
        std::uniform_real_distribution<double> near(-200, 1200), far(-20000, 20000);
        std::vector<QPointF> points;
        for (int i = 0; i < 3000; ++i)
            points.emplace_back(i % 3 ? near(rng) : far(rng), i % 3 ? near(rng) : far(rng));
        points.emplace_back(25, 25);   // equally far from four streets: the lowest link
        points.emplace_back(300, 40);  // on the bend of a long road
        for (const double maxMeters : {1e12, 400.0, 30.0}) {
            int snapped = 0;
            std::vector<SnappedPoint> range(points.size());
            snapper.snapRange(points.data(), points.size(), maxMeters, range.data());
            for (std::size_t i = 0; i < points.size(); ++i) {
                const QPointF p = points[i];
                const Brute b = bruteNearest(g, p);
                const SnappedPoint s = snapper.snap(p, maxMeters);
                QCOMPARE(range[i].link, s.link);
                if (std::sqrt(b.distance2) > maxMeters) {
                    QVERIFY(!s.isSnapped());
                    continue;
                }
                ++snapped;
                QVERIFY2(s.link == b.link, qPrintable(QStringLiteral("(%1, %2): link %3, brute force %4").arg(p.x()).arg(p.y()).arg(s.link).arg(b.link)));
                QCOMPARE(s.distanceMeters, std::sqrt(b.distance2));
            }
            QVERIFY(snapped > (maxMeters > 1e9 ? 3000 : 1000));
        }
    }

    // snapPoints: few points on many links go through a scan of the links against a
    // grid of the points; it must give exactly what the link grid gives.
    void fewPointsScanMatchesGrid()
    {
        const RoadGraph g = cambridge();
        const Snapper snapper(g);
        const QRectF ext = g.extent();
        std::mt19937 rng(11);
        std::uniform_real_distribution<double> x(ext.left() - 400, ext.right() + 400), y(ext.top() - 400, ext.bottom() + 400);
        std::vector<QPointF> points;
        for (int i = 0; i < 90; ++i)
            points.emplace_back(x(rng), y(rng));
        for (int l = 0; l < g.linkCount(); l += 311) // on link ends: ties to the lower link
            points.push_back(g.linkPoints(l)[0]);
        points.emplace_back(std::numeric_limits<double>::quiet_NaN(), ext.center().y());
        QVERIFY(points.size() * 16 <= std::size_t(g.linkCount())); // the scan path
        for (const double maxMeters : {200.0, 30.0, 0.0, 1e12}) {
            const SnappedLayer scan = Snapper::snapPoints(g, points, maxMeters);
            const SnappedLayer grid = snapper.snapAll(points, maxMeters);
            // In link ranges (as on big networks): merged, the same rows, ties included.
            for (const int ranges : {2, 3, 7}) {
                const SnappedLayer split = Snapper::snapPoints(g, points, maxMeters, nullptr, ranges);
                QCOMPARE(split.unsnapped, grid.unsnapped);
                for (std::size_t i = 0; i < points.size(); ++i) {
                    QCOMPARE(split.points[i].link, grid.points[i].link);
                    QCOMPARE(split.points[i].offsetMeters, grid.points[i].offsetMeters);
                }
            }
            QCOMPARE(scan.points.size(), points.size());
            QCOMPARE(scan.unsnapped, grid.unsnapped);
            int snapped = 0, expected = 0;
            for (std::size_t i = 0; i < points.size(); ++i) {
                const SnappedPoint &a = scan.points[i], &b = grid.points[i];
                expected += std::sqrt(bruteNearest(g, points[i]).distance2) <= maxMeters;
                QCOMPARE(a.link, b.link);
                QCOMPARE(a.offsetMeters, b.offsetMeters);
                QCOMPARE(a.distanceMeters, b.distanceMeters);
                QCOMPARE(a.position, b.position);
                if (a.isSnapped()) {
                    ++snapped;
                    QCOMPARE(a.link, bruteNearest(g, points[i]).link);
                }
            }
            QCOMPARE(snapped, expected);
            QVERIFY(snapped >= (maxMeters == 0 ? 9 : maxMeters < 100 ? 15 : 40));
        }
        // Two points on the hand-made grid with long roads: a four-way tie, a bend.
        std::vector<test::Road> roads;
        for (int i = 0; i <= 20; ++i) {
            roads.push_back({{{0, i * 50.0}, {1000, i * 50.0}}});
            roads.push_back({{{i * 50.0, 0}, {i * 50.0, 1000}}});
        }
        roads.push_back({{{-4000, 5000}, {300, 40}, {7000, -2000}}});
        const RoadGraph h = test::buildGraph(roads);
        const std::vector<QPointF> two = {{25, 25}, {300, 40}};
        const SnappedLayer s = Snapper::snapPoints(h, two, 100);
        for (std::size_t i = 0; i < two.size(); ++i)
            QCOMPARE(s.points[i].link, bruteNearest(h, two[i]).link);
        QCOMPARE(s.points[0].distanceMeters, 25.0);
        QCOMPARE(s.points[1].distanceMeters, 0.0);
    }

    void nonFiniteAndEmpty()
    {
        const RoadGraph g = cambridge();
        const Snapper snapper(g);
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QVERIFY(!snapper.snap(QPointF(nan, 0), 1e9).isSnapped());
        QVERIFY(!snapper.snap(g.extent().center(), -1).isSnapped());
        const Snapper none{RoadGraph()};
        QVERIFY(!none.snap(QPointF(0, 0), 1e9).isSnapped());
    }
};

QTEST_MAIN(TestSnapper)
#include "tst_snapper.moc"
