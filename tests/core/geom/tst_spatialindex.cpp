// SpatialIndex (packed Hilbert R-tree): query/visit/nearest checked against brute force
// over thousands of random boxes, for several node sizes; edge cases (empty, one item,
// skipped items, inclusive edges).
#include "geom/SpatialIndex.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace refuge;

namespace {

std::vector<QRectF> randomBoxes(int n, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> pos(-1000.0, 1000.0);
    std::uniform_real_distribution<double> size(0.0, 40.0);
    std::vector<QRectF> out;
    out.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i) {
        // every 10th box is a point (zero size), like point features
        const double w = i % 10 == 0 ? 0.0 : size(rng), h = i % 10 == 0 ? 0.0 : size(rng);
        out.emplace_back(pos(rng), pos(rng), w, h);
    }
    return out;
}

bool intersects(const QRectF &a, const QRectF &b)
{
    return !(a.right() < b.left() || a.bottom() < b.top() || a.left() > b.right() || a.top() > b.bottom());
}

double boxDistance(QPointF p, const QRectF &r)
{
    const double dx = p.x() < r.left() ? r.left() - p.x() : (p.x() > r.right() ? p.x() - r.right() : 0.0);
    const double dy = p.y() < r.top() ? r.top() - p.y() : (p.y() > r.bottom() ? p.y() - r.bottom() : 0.0);
    return std::hypot(dx, dy);
}

std::vector<std::uint32_t> bruteQuery(const std::vector<QRectF> &boxes, const QRectF &q)
{
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < boxes.size(); ++i)
        if (std::isfinite(boxes[i].left()) && intersects(boxes[i], q))
            out.push_back(std::uint32_t(i));
    return out;
}

std::vector<std::uint32_t> sorted(std::vector<std::uint32_t> v)
{
    std::sort(v.begin(), v.end());
    return v;
}

} // namespace

class TestSpatialIndex : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void empty()
    {
        const SpatialIndex index;
        QCOMPARE(index.size(), std::size_t(0));
        QVERIFY(index.query(QRectF(-1e9, -1e9, 2e9, 2e9)).empty());
        QVERIFY(index.nearest({0, 0}, 5, 1e9).empty());
        QCOMPARE(index.extent(), QRectF());
        const SpatialIndex fromNothing(std::vector<QRectF>{});
        QCOMPARE(fromNothing.size(), std::size_t(0));
        QVERIFY(fromNothing.query(QRectF(0, 0, 1, 1)).empty());
    }

    void singleItem()
    {
        const SpatialIndex index({QRectF(10, 20, 5, 5)});
        QCOMPARE(index.size(), std::size_t(1));
        QCOMPARE(index.extent(), QRectF(10, 20, 5, 5));
        QCOMPARE(index.query(QRectF(0, 0, 11, 21)), (std::vector<std::uint32_t>{0}));
        QVERIFY(index.query(QRectF(0, 0, 9, 9)).empty());
        QCOMPARE(index.nearest({0, 0}, 3, 1e9), (std::vector<std::uint32_t>{0}));
        // box distance from (0,0) to (10,20)-(15,25) is sqrt(10²+20²) = 22.36
        QVERIFY(index.nearest({0, 0}, 1, 22.3).empty());
        QCOMPARE(index.nearest({0, 0}, 1, 22.4), (std::vector<std::uint32_t>{0}));
    }

    void inclusiveEdgesAndPoints()
    {
        const SpatialIndex index({QRectF(0, 0, 10, 10), QRectF(5, 5, 0, 0), QRectF(20, 0, 10, 10)});
        // touching the right edge x = 10 counts
        QCOMPARE(sorted(index.query(QRectF(10, 0, 5, 5))), (std::vector<std::uint32_t>{0}));
        // a zero-size query at the point feature
        QCOMPARE(sorted(index.query(QRectF(5, 5, 0, 0))), (std::vector<std::uint32_t>{0, 1}));
        // a query rectangle given with negative width/height is normalised
        QCOMPARE(sorted(index.query(QRectF(25, 5, -20, -1))), (std::vector<std::uint32_t>{0, 1, 2}));
        QCOMPARE(sorted(index.query(QRectF(25, 5, -10, -1))), (std::vector<std::uint32_t>{2}));
        QCOMPARE(index.extent(), QRectF(0, 0, 30, 10));
    }

    void itemsWithoutBoxAreSkippedButKeepTheirIds()
    {
        const SpatialIndex index({SpatialIndex::noBox(), QRectF(0, 0, 1, 1), SpatialIndex::noBox(), QRectF(5, 5, 1, 1),
                                  QRectF(std::numeric_limits<double>::infinity(), 0, 1, 1)});
        QCOMPARE(index.size(), std::size_t(2));
        QCOMPARE(sorted(index.query(QRectF(-100, -100, 200, 200))), (std::vector<std::uint32_t>{1, 3}));
        QCOMPARE(index.nearest({6, 6}, 1, 100), (std::vector<std::uint32_t>{3}));
        QCOMPARE(index.extent(), QRectF(0, 0, 6, 6));
    }

    void visitStopsEarly()
    {
        const std::vector<QRectF> boxes = randomBoxes(500, 7);
        const SpatialIndex index(boxes);
        int calls = 0;
        index.visit(QRectF(-2000, -2000, 4000, 4000), [&](std::uint32_t) { return ++calls < 10; });
        QCOMPARE(calls, 10);
    }

    void queryMatchesBruteForce_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("nodeSize");
        QTest::newRow("3000 boxes, node 16") << 3000 << 16;
        QTest::newRow("3000 boxes, node 4") << 3000 << 4;
        QTest::newRow("3000 boxes, node 2") << 3000 << 2;
        QTest::newRow("2049 boxes, node 64") << 2049 << 64;
        QTest::newRow("17 boxes, node 16") << 17 << 16;
        QTest::newRow("16 boxes, node 16") << 16 << 16;
    }

    void queryMatchesBruteForce()
    {
        QFETCH(int, count);
        QFETCH(int, nodeSize);
        const std::vector<QRectF> boxes = randomBoxes(count, 42);
        const SpatialIndex index(boxes, nodeSize);
        QCOMPARE(index.size(), std::size_t(count));
        QRectF ext = boxes[0];
        for (const QRectF &b : boxes)
            ext = ext.united(b);
        QCOMPARE(index.extent(), ext);
        std::mt19937 rng(1234);
        std::uniform_real_distribution<double> pos(-1100.0, 1100.0), size(0.0, 300.0);
        std::size_t totalHits = 0;
        for (int q = 0; q < 300; ++q) {
            const QRectF box(pos(rng), pos(rng), size(rng), size(rng));
            const auto expected = bruteQuery(boxes, box);
            const auto got = sorted(index.query(box));
            if (got != expected)
                QFAIL(qPrintable(QStringLiteral("query %1: %2 hits, expected %3").arg(q).arg(got.size()).arg(expected.size())));
            totalHits += expected.size();
        }
        if (count == 3000)
            QVERIFY(totalHits > 3000); // the queries really hit things
        // the whole extent returns every item exactly once
        QCOMPARE(sorted(index.query(ext)).size(), std::size_t(count));
    }

    void nearestMatchesBruteForce_data() { queryMatchesBruteForce_data(); }

    void nearestMatchesBruteForce()
    {
        QFETCH(int, count);
        QFETCH(int, nodeSize);
        const std::vector<QRectF> boxes = randomBoxes(count, 99);
        const SpatialIndex index(boxes, nodeSize);
        std::mt19937 rng(5);
        std::uniform_real_distribution<double> pos(-1200.0, 1200.0);
        for (int q = 0; q < 200; ++q) {
            const QPointF p(pos(rng), pos(rng));
            std::vector<double> dist(boxes.size());
            for (std::size_t i = 0; i < boxes.size(); ++i)
                dist[i] = boxDistance(p, boxes[i]);
            std::vector<double> sortedDist = dist;
            std::sort(sortedDist.begin(), sortedDist.end());
            for (std::size_t k : {std::size_t(1), std::size_t(5), std::size_t(20)}) {
                const double maxDistance = q % 3 == 0 ? 60.0 : std::numeric_limits<double>::infinity();
                const auto got = index.nearest(p, k, maxDistance);
                std::size_t expectedCount = 0;
                while (expectedCount < std::min(k, sortedDist.size()) && sortedDist[expectedCount] <= maxDistance)
                    ++expectedCount;
                QCOMPARE(got.size(), expectedCount);
                for (std::size_t r = 0; r < got.size(); ++r) {
                    // same distance at each rank (ties may swap ids)
                    if (std::abs(dist[got[r]] - sortedDist[r]) > 1e-9)
                        QFAIL(qPrintable(QStringLiteral("point %1, k %2, rank %3: distance %4, expected %5")
                                             .arg(q).arg(k).arg(r).arg(dist[got[r]]).arg(sortedDist[r])));
                }
                // no duplicates
                std::vector<std::uint32_t> ids = sorted(got);
                QVERIFY(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
            }
        }
    }

    // With an exact-distance callback (distance to the box centre, as to a point inside
    // the box) the order is by that distance, not by box distance.
    void nearestWithExactDistance()
    {
        const std::vector<QRectF> boxes = randomBoxes(3000, 3);
        const SpatialIndex index(boxes);
        auto centreDistance = [&](QPointF p, std::uint32_t i) {
            const QPointF c = boxes[i].center();
            return std::hypot(c.x() - p.x(), c.y() - p.y());
        };
        std::mt19937 rng(11);
        std::uniform_real_distribution<double> pos(-1000.0, 1000.0);
        for (int q = 0; q < 200; ++q) {
            const QPointF p(pos(rng), pos(rng));
            std::vector<double> dist(boxes.size());
            for (std::size_t i = 0; i < boxes.size(); ++i)
                dist[i] = centreDistance(p, std::uint32_t(i));
            std::vector<double> sortedDist = dist;
            std::sort(sortedDist.begin(), sortedDist.end());
            const auto got = index.nearest(p, 8, 100.0, [&](std::uint32_t i) { return centreDistance(p, i); });
            std::size_t expectedCount = 0;
            while (expectedCount < 8 && sortedDist[expectedCount] <= 100.0)
                ++expectedCount;
            QCOMPARE(got.size(), expectedCount);
            for (std::size_t r = 0; r < got.size(); ++r)
                QCOMPARE(dist[got[r]], sortedDist[r]);
        }
    }

    void nearestKZero()
    {
        const SpatialIndex index(randomBoxes(100, 1));
        QVERIFY(index.nearest({0, 0}, 0, 1e9).empty());
    }

    // Many identical boxes (a degenerate extent) still index and query correctly.
    void identicalBoxes()
    {
        const std::vector<QRectF> boxes(1000, QRectF(3, 3, 0, 0));
        const SpatialIndex index(boxes, 8);
        QCOMPARE(index.query(QRectF(2, 2, 2, 2)).size(), std::size_t(1000));
        QVERIFY(index.query(QRectF(4, 4, 1, 1)).empty());
        QCOMPARE(index.nearest({0, 0}, 7, 10).size(), std::size_t(7));
    }
};

QTEST_GUILESS_MAIN(TestSpatialIndex)
#include "tst_spatialindex.moc"
