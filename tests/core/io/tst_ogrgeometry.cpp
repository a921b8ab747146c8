// OgrGeometry: OGR ↔ Geometry conversion for every simple type, curves linearised,
// mixed collections keep their highest dimension, empties stay empty.
#include "io/OgrGeometry.h"

#include <QTest>
#include <cmath>

using namespace refuge;

Q_DECLARE_METATYPE(refuge::GeometryType)

namespace {

OgrGeometry fromWkt(const char *wkt)
{
    OGRGeometryH g = nullptr;
    char *text = const_cast<char *>(wkt);
    OGR_G_CreateFromWkt(&text, nullptr, &g);
    return OgrGeometry(g);
}

QString toWkt(OGRGeometryH g)
{
    char *wkt = nullptr;
    OGR_G_ExportToWkt(g, &wkt);
    const QString out = QString::fromUtf8(wkt);
    CPLFree(wkt);
    return out;
}

} // namespace

class TestOgrGeometry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("wkt");
        QTest::addColumn<GeometryType>("type");
        QTest::addColumn<int>("parts");
        QTest::addColumn<double>("area");
        QTest::addColumn<double>("length");
        QTest::newRow("point") << "POINT (230000.5 900000.25)" << GeometryType::Point << 1 << 0.0 << 0.0;
        QTest::newRow("linestring") << "LINESTRING (0 0,3 4,3 10)" << GeometryType::LineString << 1 << 0.0 << 11.0;
        QTest::newRow("polygon with hole") << "POLYGON ((0 0,100 0,100 100,0 100,0 0),(40 40,60 40,60 60,40 60,40 40))"
                                           << GeometryType::Polygon << 1 << 9600.0 << 480.0;
        QTest::newRow("multipoint") << "MULTIPOINT (1 2,3 4)" << GeometryType::MultiPoint << 2 << 0.0 << 0.0;
        QTest::newRow("multilinestring") << "MULTILINESTRING ((0 0,0 2),(1 1,4 5))" << GeometryType::MultiLineString << 2 << 0.0 << 7.0;
        QTest::newRow("multipolygon") << "MULTIPOLYGON (((0 0,10 0,10 10,0 10,0 0)),((20 0,25 0,25 5,20 5,20 0),(21 1,22 1,22 2,21 2,21 1)))"
                                      << GeometryType::MultiPolygon << 2 << 124.0 << 64.0;
        QTest::newRow("multipolygon of one") << "MULTIPOLYGON (((0 0,1 0,1 1,0 1,0 0)))" << GeometryType::MultiPolygon << 1 << 1.0 << 4.0;
    }

    void roundTrip()
    {
        QFETCH(QString, wkt);
        QFETCH(GeometryType, type);
        QFETCH(int, parts);
        QFETCH(double, area);
        QFETCH(double, length);
        const OgrGeometry og = fromWkt(wkt.toUtf8().constData());
        QVERIFY(og);
        const Geometry g = fromOgr(og.get());
        QCOMPARE(g.type(), type);
        QCOMPARE(g.partCount(), parts);
        QCOMPARE(g.area(), area);
        QCOMPARE(g.length(), length);
        const OgrGeometry back = toOgr(g);
        QCOMPARE(toWkt(back.get()), wkt);
    }

    void zAndMAreDropped()
    {
        const OgrGeometry og = fromWkt("LINESTRING Z (0 0 5,3 4 6)");
        const Geometry g = fromOgr(og.get());
        QCOMPARE(g.type(), GeometryType::LineString);
        QCOMPARE(g.points(), (std::vector<QPointF>{{0, 0}, {3, 4}}));
        QCOMPARE(toWkt(toOgr(g).get()), QStringLiteral("LINESTRING (0 0,3 4)"));
    }

    void curvesAreLinearised()
    {
        // half circle of radius 1 from (-1,0) over (0,1) to (1,0): length close to π
        const OgrGeometry og = fromWkt("CIRCULARSTRING (-1 0,0 1,1 0)");
        const Geometry g = fromOgr(og.get());
        QCOMPARE(g.type(), GeometryType::LineString);
        QVERIFY(g.ringSize(0) > 10);
        QVERIFY2(std::abs(g.length() - M_PI) < 1e-3, qPrintable(QString::number(g.length(), 'f', 6)));
        const OgrGeometry disc = fromWkt("CURVEPOLYGON (CIRCULARSTRING (-1 0,1 0,-1 0))");
        const Geometry d = fromOgr(disc.get());
        QCOMPARE(d.type(), GeometryType::Polygon);
        QVERIFY2(std::abs(d.area() - M_PI) < 1e-2, qPrintable(QString::number(d.area(), 'f', 6)));
    }

    void mixedCollectionKeepsHighestDimension()
    {
        const OgrGeometry og = fromWkt("GEOMETRYCOLLECTION (POINT (9 9),LINESTRING (0 0,1 1),POLYGON ((0 0,2 0,2 2,0 2,0 0)))");
        const Geometry g = fromOgr(og.get());
        QCOMPARE(g.type(), GeometryType::MultiPolygon);
        QCOMPARE(g.partCount(), 1);
        QCOMPARE(g.area(), 4.0);
        QCOMPARE(g.bounds(), QRectF(0, 0, 2, 2));
    }

    void empties()
    {
        QVERIFY(fromOgr(nullptr).isEmpty());
        QCOMPARE(fromOgr(nullptr).type(), GeometryType::Unknown);
        for (const char *wkt : {"POINT EMPTY", "POLYGON EMPTY", "MULTIPOINT EMPTY", "GEOMETRYCOLLECTION EMPTY"}) {
            const OgrGeometry og = fromWkt(wkt);
            QVERIFY2(fromOgr(og.get()).isEmpty(), wkt);
        }
        QCOMPARE(toWkt(toOgr(Geometry(GeometryType::Polygon)).get()), QStringLiteral("POLYGON EMPTY"));
        QCOMPARE(toWkt(toOgr(Geometry(GeometryType::LineString)).get()), QStringLiteral("LINESTRING EMPTY"));
        QCOMPARE(toWkt(toOgr(Geometry(GeometryType::MultiPolygon)).get()), QStringLiteral("MULTIPOLYGON EMPTY"));
    }
};

QTEST_GUILESS_MAIN(TestOgrGeometry)
#include "tst_ogrgeometry.moc"
