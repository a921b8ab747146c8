// CGCS2000 (EPSG:4490) and its 3-degree Gauss-Kruger zones: the zone chosen for a
// longitude, detection from .prj WKT, and CGCS2000 GK data lining up with WGS 84 data.
//
// tests/data/crs/shanghai_points_cgcs2000_gk120.geojson was made from
// shanghai_points_wgs84.geojson with GDAL's command line, independently of Refuge:
//   ogr2ogr -f GeoJSON -s_srs EPSG:4326 -t_srs EPSG:4549 -lco COORDINATE_PRECISION=4 -lco RFC7946=NO ...
#include "crs/CoordinateTransform.h"
#include "crs/Crs.h"
#include "model/VectorLayer.h"
#include "util/Error.h"

#include <QTest>
#include <cmath>
#include <limits>

#include "TestSupport.h"

using namespace refuge;

namespace {

// ESRI .prj files as ArcGIS writes them for CGCS2000 (no authority codes).
const char *kEsriCgcs2000 = R"(GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]])";
const char *kEsriGkCm120 = R"(PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]])";

double distance(QPointF a, QPointF b) { return std::hypot(a.x() - b.x(), a.y() - b.y()); }

// Meridian arc length from the equator to latitude phi (degrees) on the CGCS2000
// ellipsoid, by Simpson's rule: the northing of a point on a Gauss-Kruger central meridian.
double meridianArc(double phiDegrees)
{
    const double a = 6378137.0, f = 1.0 / 298.257222101, e2 = f * (2 - f);
    const double phi = phiDegrees * M_PI / 180.0;
    const int n = 2000;
    auto m = [&](double t) { return a * (1 - e2) / std::pow(1 - e2 * std::sin(t) * std::sin(t), 1.5); };
    double sum = m(0) + m(phi);
    for (int i = 1; i < n; ++i)
        sum += (i % 2 ? 4 : 2) * m(phi * i / n);
    return sum * phi / n / 3;
}

} // namespace

class TestCgcs2000 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void zoneForLongitude_data()
    {
        QTest::addColumn<double>("lon");
        QTest::addColumn<QString>("authId");
        QTest::addColumn<QString>("name");
        QTest::newRow("western edge") << 73.5 << "EPSG:4534" << "CGCS2000 / 3-degree Gauss-Kruger CM 75E";
        QTest::newRow("People's Square") << 121.4737 << "EPSG:4549" << "CGCS2000 / 3-degree Gauss-Kruger CM 120E";
        QTest::newRow("just west of 121.5") << 121.4999 << "EPSG:4549" << "CGCS2000 / 3-degree Gauss-Kruger CM 120E";
        QTest::newRow("Lujiazui") << 121.5055 << "EPSG:4550" << "CGCS2000 / 3-degree Gauss-Kruger CM 123E";
        QTest::newRow("Beijing") << 116.40 << "EPSG:4548" << "CGCS2000 / 3-degree Gauss-Kruger CM 117E";
        QTest::newRow("eastern edge") << 136.49 << "EPSG:4554" << "CGCS2000 / 3-degree Gauss-Kruger CM 135E";
    }

    void zoneForLongitude()
    {
        QFETCH(double, lon);
        QFETCH(QString, authId);
        QFETCH(QString, name);
        const Crs gk = Crs::cgcs2000GaussKrugerFor(lon);
        QCOMPARE(gk.authId(), authId);
        QCOMPARE(gk.name(), name);
        QVERIFY(gk.isCgcs2000());
        QCOMPARE(gk.metresPerUnit(), 1.0);
    }

    void noZoneOutsideChina()
    {
        QVERIFY_THROWS_EXCEPTION(CrsError, Crs::cgcs2000GaussKrugerFor(73.49));
        QVERIFY_THROWS_EXCEPTION(CrsError, Crs::cgcs2000GaussKrugerFor(136.5));
        QVERIFY_THROWS_EXCEPTION(CrsError, Crs::cgcs2000GaussKrugerFor(-71.06));
        QVERIFY_THROWS_EXCEPTION(CrsError, Crs::cgcs2000GaussKrugerFor(std::numeric_limits<double>::quiet_NaN()));
        // CGCS2000 data outside the zones falls back to UTM.
        QCOMPARE(metricCrsFor(Crs::fromEpsg(4490), QRectF(10.0, 50.0, 0.1, 0.1)).authId(), QStringLiteral("EPSG:32632"));
    }

    void detected_data()
    {
        QTest::addColumn<QString>("definition");
        QTest::addColumn<QString>("authId");
        QTest::addColumn<bool>("cgcs2000");
        QTest::newRow("EPSG:4490") << "EPSG:4490" << "EPSG:4490" << true;
        QTest::newRow("EPSG:4549") << "EPSG:4549" << "EPSG:4549" << true;
        QTest::newRow("6-degree EPSG:4510") << "EPSG:4510" << "EPSG:4510" << true;
        QTest::newRow("ESRI prj geographic") << kEsriCgcs2000 << "EPSG:4490" << true;
        QTest::newRow("ESRI prj GK CM 120E") << kEsriGkCm120 << "EPSG:4549" << true;
        QTest::newRow("WGS 84") << "EPSG:4326" << "EPSG:4326" << false;
        QTest::newRow("UTM 51N") << "EPSG:32651" << "EPSG:32651" << false;
        QTest::newRow("Xian 1980") << "EPSG:4610" << "EPSG:4610" << false;
    }

    void detected()
    {
        QFETCH(QString, definition);
        QFETCH(QString, authId);
        QFETCH(bool, cgcs2000);
        const Crs c = Crs::fromUserInput(definition);
        QCOMPARE(c.authId(), authId);
        QCOMPARE(c.isCgcs2000(), cgcs2000);
    }

    void metricCrsOfEsriPrj()
    {
        const Crs geographic = Crs::fromUserInput(QString::fromLatin1(kEsriCgcs2000));
        QCOMPARE(metricCrsFor(geographic, QRectF(121.46, 31.22, 0.03, 0.02)).authId(), QStringLiteral("EPSG:4549"));
        const Crs gk = Crs::fromUserInput(QString::fromLatin1(kEsriGkCm120));
        QCOMPARE(metricCrsFor(gk, QRectF(640000, 3457000, 1000, 1000)), gk);
    }

    // Gauss-Kruger is a transverse Mercator with scale 1 and false easting 500 km: on the
    // central meridian, easting 500000 and northing the meridian arc (computed here).
    void centralMeridianByHand()
    {
        const CoordinateTransform toGk(Crs::fromEpsg(4490), Crs::fromEpsg(4549));
        const QPointF p = toGk.transform({120.0, 31.0});
        QVERIFY2(std::abs(p.x() - 500000.0) < 1e-6, qPrintable(QString::number(p.x(), 'f', 6)));
        QVERIFY2(std::abs(p.y() - meridianArc(31.0)) < 0.001, qPrintable(QString::number(p.y() - meridianArc(31.0))));
    }

    // Shanghai points WGS 84 → CGCS2000 GK CM 120E → WGS 84: the same place within 1 m
    // (CGCS2000 and WGS 84 agree to centimetres; PROJ treats them as equal).
    void wgs84RoundTrip()
    {
        const CoordinateTransform t(Crs::fromEpsg(4326), Crs::fromEpsg(4549));
        const CoordinateTransform toUtm(Crs::fromEpsg(4326), Crs::fromEpsg(32651));
        for (const QPointF p : {QPointF(121.4737, 31.2304), QPointF(121.4365, 31.1955), QPointF(121.5055, 31.2397)}) {
            const QPointF back = t.inverse(t.transform(p));
            QVERIFY(distance(toUtm.transform(back), toUtm.transform(p)) < 1.0);
            // The same lon/lat read as CGCS2000 lands on the same GK point.
            const QPointF viaCgcs = CoordinateTransform(Crs::fromEpsg(4490), Crs::fromEpsg(4549)).transform(p);
            QVERIFY(distance(viaCgcs, t.transform(p)) < 1.0);
        }
    }

    // A GeoJSON in CGCS2000 GK and the same points in WGS 84, both loaded into one project
    // CRS (the WGS 84 layer's metric CRS, UTM 51N; and the GK zone itself): within 1 m.
    void geojsonLinesUpWithWgs84()
    {
        const QString gkPath = test::dataPath(QStringLiteral("crs/shanghai_points_cgcs2000_gk120.geojson"));
        const QString wgsPath = test::dataPath(QStringLiteral("crs/shanghai_points_wgs84.geojson"));
        const VectorLayer gkRaw = VectorLayer::load(DataSource{gkPath});
        QCOMPARE(gkRaw.crs().authId(), QStringLiteral("EPSG:4549"));
        QVERIFY(gkRaw.crs().isCgcs2000());
        const VectorLayer wgsRaw = VectorLayer::load(DataSource{wgsPath});
        QCOMPARE(metricCrsFor(wgsRaw.crs(), wgsRaw.extent()).authId(), QStringLiteral("EPSG:32651"));
        QCOMPARE(metricCrsFor(gkRaw.crs(), gkRaw.extent()).authId(), QStringLiteral("EPSG:4549"));

        for (const Crs &projectCrs : {Crs::fromEpsg(32651), Crs::fromEpsg(4549)}) {
            LoadOptions options;
            options.targetCrs = projectCrs;
            const VectorLayer gk = VectorLayer::load(DataSource{gkPath}, options);
            const VectorLayer wgs = VectorLayer::load(DataSource{wgsPath}, options);
            QCOMPARE(gk.featureCount(), 4);
            QCOMPARE(wgs.featureCount(), 4);
            double worst = 0;
            for (int i = 0; i < gk.featureCount(); ++i) {
                QCOMPARE(gk.attribute(i, QStringLiteral("name")), wgs.attribute(i, QStringLiteral("name")));
                worst = std::max(worst, distance(gk.geometry(i).points().front(), wgs.geometry(i).points().front()));
            }
            // 0.1 mm coordinate precision in the fixture; the datums agree.
            QVERIFY2(worst < 1.0, qPrintable(QString::number(worst)));
            QVERIFY2(worst < 0.01, qPrintable(QString::number(worst)));
        }
    }
};

QTEST_GUILESS_MAIN(TestCgcs2000)
#include "tst_cgcs2000.moc"
