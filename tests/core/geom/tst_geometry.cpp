// Geometry value type: construction, bounds, planar area/length against hand values,
// GEOS round trips (toGeos/fromGeos) and MakeValid repair of a bow-tie.
#include "geom/Geometry.h"
#include "util/Error.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

using namespace refuge;

Q_DECLARE_METATYPE(refuge::Geometry)
Q_DECLARE_METATYPE(refuge::GeometryType)

namespace {

using Ring = std::vector<QPointF>;

Ring square(double x, double y, double size, bool clockwise = false)
{
    Ring r = {{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}};
    if (clockwise)
        std::reverse(r.begin(), r.end());
    return r;
}

GeosGeom readWkt(const char *wkt)
{
    GEOSContextHandle_t ctx = geosContext();
    GEOSWKTReader *reader = GEOSWKTReader_create_r(ctx);
    GeosGeom g = checkedGeos(GEOSWKTReader_read_r(ctx, reader, wkt), "read WKT");
    GEOSWKTReader_destroy_r(ctx, reader);
    return g;
}

QString toWkt(const GEOSGeometry *g)
{
    GEOSContextHandle_t ctx = geosContext();
    GEOSWKTWriter *writer = GEOSWKTWriter_create_r(ctx);
    GEOSWKTWriter_setTrim_r(ctx, writer, 1);
    GEOSWKTWriter_setRoundingPrecision_r(ctx, writer, 6);
    char *text = GEOSWKTWriter_write_r(ctx, writer, g);
    const QString out = QString::fromUtf8(text);
    GEOSFree_r(ctx, text);
    GEOSWKTWriter_destroy_r(ctx, writer);
    return out;
}

double geosArea(const GEOSGeometry *g)
{
    double a = -1;
    GEOSArea_r(geosContext(), g, &a);
    return a;
}

double geosLength(const GEOSGeometry *g)
{
    double l = -1;
    GEOSLength_r(geosContext(), g, &l);
    return l;
}

Geometry multiPolygon(const std::vector<std::vector<Ring>> &polys)
{
    Geometry g(GeometryType::MultiPolygon);
    for (const auto &rings : polys) {
        g.beginPart();
        for (const Ring &r : rings)
            g.addRing(r);
    }
    return g;
}

} // namespace

class TestGeometry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void typeHelpers()
    {
        QCOMPARE(dimension(GeometryType::Point), 0);
        QCOMPARE(dimension(GeometryType::MultiPoint), 0);
        QCOMPARE(dimension(GeometryType::LineString), 1);
        QCOMPARE(dimension(GeometryType::MultiLineString), 1);
        QCOMPARE(dimension(GeometryType::Polygon), 2);
        QCOMPARE(dimension(GeometryType::MultiPolygon), 2);
        QCOMPARE(dimension(GeometryType::Unknown), -1);
        QCOMPARE(geometryTypeName(GeometryType::MultiLineString), QStringLiteral("MultiLineString"));
        QCOMPARE(geometryTypeName(GeometryType::Unknown), QStringLiteral("Unknown"));
        QCOMPARE(multiType(GeometryType::Point), GeometryType::MultiPoint);
        QCOMPARE(multiType(GeometryType::Polygon), GeometryType::MultiPolygon);
        QCOMPARE(multiType(GeometryType::MultiLineString), GeometryType::MultiLineString);
    }

    void structure()
    {
        const Geometry empty;
        QVERIFY(empty.isEmpty());
        QCOMPARE(empty.partCount(), 0);
        QCOMPARE(empty.ringCount(), 0);
        QCOMPARE(empty.bounds(), QRectF());

        const Geometry p = Geometry::point({3, 4});
        QCOMPARE(p.type(), GeometryType::Point);
        QCOMPARE(p.partCount(), 1);
        QCOMPARE(p.ringCount(), 1);
        QCOMPARE(p.ringSize(0), 1);
        QCOMPARE(p.ringPoints(0)[0], QPointF(3, 4));

        const Geometry poly = Geometry::polygon({square(0, 0, 100), square(40, 40, 20)});
        QCOMPARE(poly.partCount(), 1);
        QCOMPARE(poly.ringCount(), 2);
        QCOMPARE(poly.partFirstRing(0), 0);
        QCOMPARE(poly.partEndRing(0), 2);
        QCOMPARE(poly.ringSize(1), 5);
        QCOMPARE(poly.ringPoints(1)[2], QPointF(60, 60));
        QCOMPARE(poly.points().size(), std::size_t(10));

        const Geometry mp = multiPolygon({{square(0, 0, 10)}, {square(20, 0, 5), square(21, 1, 1)}, {square(40, 0, 2)}});
        QCOMPARE(mp.partCount(), 3);
        QCOMPARE(mp.ringCount(), 4);
        QCOMPARE(mp.partFirstRing(1), 1);
        QCOMPARE(mp.partEndRing(1), 3);
        QCOMPARE(mp.partFirstRing(2), 3);
        QCOMPARE(mp.partEndRing(2), 4);
    }

    void bounds()
    {
        const Geometry line = Geometry::lineString({{5, -2}, {-3, 7}, {10, 1}});
        QCOMPARE(line.bounds(), QRectF(QPointF(-3, -2), QPointF(10, 7)));
        QCOMPARE(Geometry::point({2, 3}).bounds(), QRectF(2, 3, 0, 0));
    }

    void allFinite()
    {
        QVERIFY(Geometry::lineString({{0, 0}, {1, 1}}).allFinite());
        QVERIFY(!Geometry::lineString({{0, 0}, {std::numeric_limits<double>::quiet_NaN(), 1}}).allFinite());
        QVERIFY(!Geometry::point({std::numeric_limits<double>::infinity(), 0}).allFinite());
    }

    void areaAndLength_data()
    {
        QTest::addColumn<Geometry>("geometry");
        QTest::addColumn<double>("area");
        QTest::addColumn<double>("length");
        QTest::newRow("point") << Geometry::point({1, 1}) << 0.0 << 0.0;
        // 3-4-5 then 6 up: 5 + 6
        QTest::newRow("line 5+6") << Geometry::lineString({{0, 0}, {3, 4}, {3, 10}}) << 0.0 << 11.0;
        // right triangle legs 4 and 3: area 6, perimeter 3 + 4 + 5
        QTest::newRow("triangle") << Geometry::polygon({{{0, 0}, {4, 0}, {0, 3}, {0, 0}}}) << 6.0 << 12.0;
        QTest::newRow("square ccw") << Geometry::polygon({square(0, 0, 100)}) << 10000.0 << 400.0;
        QTest::newRow("square cw") << Geometry::polygon({square(0, 0, 100, true)}) << 10000.0 << 400.0;
        // 100 x 100 minus a 20 x 20 hole; perimeter counts both rings
        QTest::newRow("square with hole") << Geometry::polygon({square(0, 0, 100), square(40, 40, 20)}) << 9600.0 << 480.0;
        QTest::newRow("hole same orientation") << Geometry::polygon({square(0, 0, 100), square(40, 40, 20, false)}) << 9600.0 << 480.0;
        // large coordinates (EPSG:26986 metres) must not lose precision: 50 x 30
        QTest::newRow("far from origin") << Geometry::polygon({{{230000, 900000}, {230050, 900000}, {230050, 900030}, {230000, 900030}, {230000, 900000}}})
                                         << 1500.0 << 160.0;
        // parts: 10x10, 5x5 with a 1x1 hole, 2x2
        QTest::newRow("multipolygon") << multiPolygon({{square(0, 0, 10)}, {square(20, 0, 5), square(21, 1, 1)}, {square(40, 0, 2)}})
                                      << (100.0 + 25.0 - 1.0 + 4.0) << (40.0 + 20.0 + 4.0 + 8.0);
        Geometry ml(GeometryType::MultiLineString);
        ml.beginPart();
        ml.addRing({{0, 0}, {0, 2}});
        ml.beginPart();
        ml.addRing({{1, 1}, {4, 5}});
        QTest::newRow("multilinestring") << ml << 0.0 << 7.0;
    }

    void areaAndLength()
    {
        QFETCH(Geometry, geometry);
        QFETCH(double, area);
        QFETCH(double, length);
        QCOMPARE(geometry.area(), area);
        QCOMPARE(geometry.length(), length);
        // GEOS agrees.
        GeosGeom g = geometry.toGeos();
        QCOMPARE(geosArea(g.get()), area);
        QCOMPARE(geosLength(g.get()), length);
    }

    void toGeosWkt_data()
    {
        QTest::addColumn<Geometry>("geometry");
        QTest::addColumn<QString>("wkt");
        QTest::newRow("point") << Geometry::point({1.5, -2}) << QStringLiteral("POINT (1.5 -2)");
        QTest::newRow("line") << Geometry::lineString({{0, 0}, {3, 4}}) << QStringLiteral("LINESTRING (0 0, 3 4)");
        QTest::newRow("polygon with hole") << Geometry::polygon({square(0, 0, 10), square(2, 2, 1)})
                                           << QStringLiteral("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 3 2, 3 3, 2 3, 2 2))");
        Geometry mpt(GeometryType::MultiPoint);
        mpt.beginPart();
        const QPointF a(1, 2), b(3, 4);
        mpt.addRing(&a, 1);
        mpt.beginPart();
        mpt.addRing(&b, 1);
        QTest::newRow("multipoint") << mpt << QStringLiteral("MULTIPOINT (1 2, 3 4)"); // GEOS 3.11 writer style
        QTest::newRow("multipolygon 1 part") << multiPolygon({{square(0, 0, 1)}}) << QStringLiteral("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)))");
        QTest::newRow("empty polygon") << Geometry(GeometryType::Polygon) << QStringLiteral("POLYGON EMPTY");
        QTest::newRow("empty point") << Geometry(GeometryType::Point) << QStringLiteral("POINT EMPTY");
        QTest::newRow("empty line") << Geometry(GeometryType::LineString) << QStringLiteral("LINESTRING EMPTY");
    }

    void toGeosWkt()
    {
        QFETCH(Geometry, geometry);
        QFETCH(QString, wkt);
        QCOMPARE(toWkt(geometry.toGeos().get()), wkt);
    }

    void fromGeos_data()
    {
        QTest::addColumn<QString>("wkt");
        QTest::addColumn<GeometryType>("type");
        QTest::addColumn<int>("parts");
        QTest::addColumn<int>("rings");
        QTest::addColumn<double>("area");
        QTest::addColumn<double>("length");
        QTest::newRow("point") << "POINT (3 4)" << GeometryType::Point << 1 << 1 << 0.0 << 0.0;
        QTest::newRow("line") << "LINESTRING (0 0, 3 4, 6 8)" << GeometryType::LineString << 1 << 1 << 0.0 << 10.0;
        QTest::newRow("linearring") << "LINEARRING (0 0, 1 0, 1 1, 0 0)" << GeometryType::LineString << 1 << 1 << 0.0 << (2.0 + std::sqrt(2.0));
        QTest::newRow("polygon") << "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))" << GeometryType::Polygon << 1 << 2 << 99.0 << 44.0;
        QTest::newRow("multipolygon") << "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((2 2, 3 2, 3 3, 2 3, 2 2)))" << GeometryType::MultiPolygon << 2 << 2 << 2.0 << 8.0;
        QTest::newRow("multilinestring") << "MULTILINESTRING ((0 0, 0 5), (1 1, 4 5))" << GeometryType::MultiLineString << 2 << 2 << 0.0 << 10.0;
        QTest::newRow("multipoint") << "MULTIPOINT ((0 0), (5 5), (6 6))" << GeometryType::MultiPoint << 3 << 3 << 0.0 << 0.0;
        // Mixed collection (typical MakeValid output): only the polygons are kept.
        QTest::newRow("collection keeps highest dimension")
            << "GEOMETRYCOLLECTION (POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0)), LINESTRING (5 5, 9 9), POINT (7 7))"
            << GeometryType::MultiPolygon << 1 << 1 << 4.0 << 8.0;
        QTest::newRow("collection of lines and points")
            << "GEOMETRYCOLLECTION (LINESTRING (0 0, 3 4), POINT (7 7), LINESTRING (0 0, 0 1))"
            << GeometryType::MultiLineString << 2 << 2 << 0.0 << 6.0;
        QTest::newRow("empty polygon") << "POLYGON EMPTY" << GeometryType::Polygon << 0 << 0 << 0.0 << 0.0;
        QTest::newRow("empty collection") << "GEOMETRYCOLLECTION EMPTY" << GeometryType::Unknown << 0 << 0 << 0.0 << 0.0;
    }

    void fromGeos()
    {
        QFETCH(QString, wkt);
        QFETCH(GeometryType, type);
        QFETCH(int, parts);
        QFETCH(int, rings);
        QFETCH(double, area);
        QFETCH(double, length);
        const GeosGeom g = readWkt(wkt.toUtf8().constData());
        const Geometry geom = Geometry::fromGeos(g.get());
        QCOMPARE(geom.type(), type);
        QCOMPARE(geom.partCount(), parts);
        QCOMPARE(geom.ringCount(), rings);
        QCOMPARE(geom.isEmpty(), parts == 0);
        QCOMPARE(geom.area(), area);
        QVERIFY(std::abs(geom.length() - length) < 1e-12);
    }

    void roundTrip_data() { toGeosWkt_data(); }

    // Geometry → GEOS → Geometry keeps type, structure and every coordinate bit for bit.
    void roundTrip()
    {
        QFETCH(Geometry, geometry);
        const Geometry back = Geometry::fromGeos(geometry.toGeos().get());
        QCOMPARE(back.type(), geometry.type());
        QCOMPARE(back.partCount(), geometry.partCount());
        QCOMPARE(back.ringCount(), geometry.ringCount());
        QCOMPARE(back.points(), geometry.points());
    }

    void roundTripMultiPolygonWithHoles()
    {
        const Geometry g = multiPolygon({{square(230000.125, 900000.5, 100), square(230010.25, 900010.75, 3)}, {square(231000, 901000, 50)}});
        const Geometry back = Geometry::fromGeos(g.toGeos().get());
        QCOMPARE(back.type(), GeometryType::MultiPolygon);
        QCOMPARE(back.partCount(), 2);
        QCOMPARE(back.partEndRing(0), 2);
        QCOMPARE(back.points(), g.points());
        QCOMPARE(back.area(), 10000.0 - 9.0 + 2500.0);
    }

    // A bow-tie ring is invalid; GEOSMakeValid splits it into two triangles of area 1.
    void makeValidBowTie()
    {
        const Geometry bow = Geometry::polygon({{{0, 0}, {2, 2}, {2, 0}, {0, 2}, {0, 0}}});
        QCOMPARE(bow.area(), 0.0); // the shoelace sum cancels out
        GEOSContextHandle_t ctx = geosContext();
        GeosGeom g = bow.toGeos();
        QCOMPARE(GEOSisValid_r(ctx, g.get()), char(0));
        GeosGeom fixed = checkedGeos(GEOSMakeValid_r(ctx, g.get()), "MakeValid");
        const Geometry repaired = Geometry::fromGeos(fixed.get());
        QCOMPARE(repaired.type(), GeometryType::MultiPolygon);
        QCOMPARE(repaired.partCount(), 2);
        QCOMPARE(repaired.area(), 2.0);
        QCOMPARE(repaired.bounds(), QRectF(0, 0, 2, 2));
    }

    void invalidRingThrowsWithGeosMessage()
    {
        // Not closed: GEOS refuses to build a LinearRing.
        const Geometry open = Geometry::polygon({{{0, 0}, {1, 0}, {1, 1}, {0, 1}}});
        try {
            (void)open.toGeos();
            QFAIL("expected GeometryError");
        } catch (const GeometryError &e) {
            QVERIFY2(e.message().contains(QLatin1String("closed")), qPrintable(e.message()));
        }
        Geometry multi = multiPolygon({{square(0, 0, 1)}, {{{5, 5}, {6, 5}, {6, 6}}}});
        QVERIFY_THROWS_EXCEPTION(GeometryError, (void)multi.toGeos());
    }

    void valueSemantics()
    {
        Geometry a = Geometry::polygon({square(0, 0, 2)});
        Geometry b = a;
        b.points()[1] = QPointF(4, 0);
        QCOMPARE(a.area(), 4.0);
        QCOMPARE(b.area(), 6.0); // (0,0) (4,0) (2,2) (0,2): trapezoid
    }

    // Each thread converts with its own GEOS context.
    void threads()
    {
        GEOSContextHandle_t mainCtx = geosContext();
        QCOMPARE(geosContext(), mainCtx);
        const Geometry g = Geometry::polygon({square(0, 0, 10), square(1, 1, 2)});
        std::vector<double> areas(4, 0.0);
        std::vector<GEOSContextHandle_t> contexts(4, nullptr);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                contexts[std::size_t(t)] = geosContext();
                for (int i = 0; i < 50; ++i) {
                    GeosGeom gg = g.toGeos();
                    areas[std::size_t(t)] = Geometry::fromGeos(gg.get()).area();
                }
            });
        for (auto &t : threads)
            t.join();
        for (int t = 0; t < 4; ++t) {
            QCOMPARE(areas[std::size_t(t)], 96.0);
            QVERIFY(contexts[std::size_t(t)] != mainCtx);
        }
    }
};

QTEST_GUILESS_MAIN(TestGeometry)
#include "tst_geometry.moc"
