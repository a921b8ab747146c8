// Geos RAII layer: per-thread contexts, error capture, checkedGeos and prepared geometries.
#include "geom/Geometry.h"
#include "geom/Geos.h"
#include "util/Error.h"

#include <QTest>
#include <thread>

using namespace refuge;

class TestGeos : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void contextIsPerThread()
    {
        GEOSContextHandle_t a = geosContext();
        QVERIFY(a != nullptr);
        QCOMPARE(geosContext(), a);
        GEOSContextHandle_t other = nullptr, otherAgain = nullptr;
        std::thread t([&] {
            other = geosContext();
            otherAgain = geosContext();
        });
        t.join();
        QVERIFY(other != nullptr);
        QVERIFY(other != a);
        QCOMPARE(otherAgain, other);
    }

    void checkedGeosThrowsWithGeosMessage()
    {
        GEOSContextHandle_t ctx = geosContext();
        // An open ring is not a LinearRing: GEOS reports why.
        const double xy[] = {0, 0, 1, 0, 1, 1};
        GEOSCoordSequence *seq = GEOSCoordSeq_copyFromBuffer_r(ctx, xy, 3, 0, 0);
        try {
            (void)checkedGeos(GEOSGeom_createLinearRing_r(ctx, seq), "create ring");
            QFAIL("expected GeometryError");
        } catch (const GeometryError &e) {
            QVERIFY2(e.message().startsWith(QLatin1String("GEOS create ring failed: ")), qPrintable(e.message()));
            QVERIFY2(e.message().contains(QLatin1String("LinearRing")), qPrintable(e.message()));
            // the message was taken by the error: a later failure without one says so
            QCOMPARE(lastGeosError(), QStringLiteral("no message from GEOS"));
        }
        GeosGeom ok = checkedGeos(GEOSGeom_createEmptyPoint_r(ctx), "create");
        QVERIFY(ok != nullptr);
        QCOMPARE(GEOSisEmpty_r(ctx, ok.get()), char(1));
    }

    void preparedContains()
    {
        GEOSContextHandle_t ctx = geosContext();
        const Geometry poly = Geometry::polygon({{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, {{4, 4}, {6, 4}, {6, 6}, {4, 6}, {4, 4}}});
        GeosGeom g = poly.toGeos();
        GeosPrepared p = prepare(g.get());
        auto contains = [&](double x, double y) {
            GeosGeom pt = Geometry::point({x, y}).toGeos();
            return GEOSPreparedContains_r(ctx, p.get(), pt.get()) == 1;
        };
        QVERIFY(contains(1, 1));
        QVERIFY(contains(9.5, 2));
        QVERIFY(!contains(5, 5));   // in the hole
        QVERIFY(!contains(11, 5));  // outside
        QVERIFY(!contains(0, 5));   // on the boundary: not contained
    }

    void strTreeHandle()
    {
        GEOSContextHandle_t ctx = geosContext();
        GeosTree tree(GEOSSTRtree_create_r(ctx, 4));
        std::vector<GeosGeom> geoms;
        std::vector<int> ids = {0, 1, 2};
        for (int i = 0; i < 3; ++i) {
            geoms.push_back(Geometry::point({double(i * 10), 0}).toGeos());
            GEOSSTRtree_insert_r(ctx, tree.get(), geoms.back().get(), &ids[std::size_t(i)]);
        }
        GeosGeom box = Geometry::polygon({{{5, -1}, {25, -1}, {25, 1}, {5, 1}, {5, -1}}}).toGeos();
        std::vector<int> hits;
        GEOSSTRtree_query_r(ctx, tree.get(), box.get(), [](void *item, void *user) {
            static_cast<std::vector<int> *>(user)->push_back(*static_cast<int *>(item));
        }, &hits);
        std::sort(hits.begin(), hits.end());
        QCOMPARE(hits, (std::vector<int>{1, 2}));
    }
};

QTEST_GUILESS_MAIN(TestGeos)
#include "tst_geos.moc"
