// ChinaOffsets: GCJ-02 / BD-09 ↔ WGS 84. Published pairs reproduced, round trips over a
// grid covering China below 0.01 m, points outside China refused; "GCJ-02"/"BD-09" as a
// stated CRS, converted on load.
//
// tests/data/crs/shanghai_points_{gcj02,bd09}.csv hold the points of
// shanghai_points_wgs84.geojson offset with the published forward formulas, computed
// outside Refuge (a separate Python transcription of wandergis/coordTransform_py).
#include "crs/ChinaOffsets.h"
#include "crs/CoordinateTransform.h"
#include "crs/Crs.h"
#include "model/Project.h"
#include "model/VectorLayer.h"
#include "render/ProjectLayers.h"
#include "util/Error.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <cmath>

#include "TestSupport.h"

using namespace refuge;

namespace {

// Great-circle distance in metres (haversine, mean Earth radius): independent of the code under test.
double metresBetween(QPointF a, QPointF b)
{
    const double rad = M_PI / 180.0;
    const double dLat = (b.y() - a.y()) * rad, dLon = (b.x() - a.x()) * rad;
    const double h = std::sin(dLat / 2) * std::sin(dLat / 2)
        + std::cos(a.y() * rad) * std::cos(b.y() * rad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * 6371008.8 * std::asin(std::sqrt(h));
}

void compareDegrees(QPointF got, QPointF expected, double tolerance)
{
    QVERIFY2(std::abs(got.x() - expected.x()) <= tolerance && std::abs(got.y() - expected.y()) <= tolerance,
             qPrintable(QStringLiteral("got %1, %2 expected %3, %4")
                            .arg(got.x(), 0, 'f', 12).arg(got.y(), 0, 'f', 12).arg(expected.x(), 0, 'f', 12).arg(expected.y(), 0, 'f', 12)));
}

} // namespace

class TestChinaOffsets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Pairs from the test files of github.com/googollee/eviltransform (go/transform_test.go,
    // javascript/test.js), given there as lat, lng; here as lon, lat.
    void eviltransformPairs_data()
    {
        QTest::addColumn<QPointF>("wgs");
        QTest::addColumn<QPointF>("gcj");
        QTest::newRow("shanghai") << QPointF(121.5272106, 31.1774276) << QPointF(121.531541859215, 31.17530398364597);
        QTest::newRow("shenzhen") << QPointF(113.912316, 22.543847) << QPointF(113.9171764808363, 22.540796131694766);
        QTest::newRow("beijing") << QPointF(116.377817, 39.911954) << QPointF(116.38404722455657, 39.91334545536069);
    }

    void eviltransformPairs()
    {
        QFETCH(QPointF, wgs);
        QFETCH(QPointF, gcj);
        compareDegrees(wgs84ToGcj02(wgs), gcj, 1e-11);
        // eviltransform's own exact inverse promises 0.5 m; ours 0.01 m.
        QVERIFY(metresBetween(gcj02ToWgs84(gcj), wgs) < 0.01);
        // The offset is several hundred metres: converting is not a no-op.
        QVERIFY(metresBetween(wgs, gcj) > 300);
    }

    // Pairs from github.com/dromara/hutool (hutool-core/src/test/java/cn/hutool/core/util/
    // CoordinateUtilTest.java, "测试参考 github.com/wandergis/coordtransform") and the
    // wgs84togcj02(116.404, 39.915) example of wandergis/coordtransform.
    void coordtransformPairs()
    {
        compareDegrees(wgs84ToGcj02({116.404, 39.915}), {116.41024449916938, 39.91640428150164}, 1e-11);
        compareDegrees(gcj02ToBd09({116.404, 39.915}), {116.41036949371029, 39.92133699351022}, 1e-11);
        compareDegrees(wgs84ToBd09({122.99395597, 44.99804071}), {123.00636516028885, 45.00636909189589}, 1e-11);
        // The published closed-form BD-09 → GCJ-02 is approximate: ours (exact) lies within 0.1 m of it.
        const QPointF bdPublishedInverse(116.39762729119315, 39.90865673957631);
        QVERIFY(metresBetween(bd09ToGcj02({116.404, 39.915}), bdPublishedInverse) < 0.1);
        compareDegrees(gcj02ToBd09(bd09ToGcj02({116.404, 39.915})), {116.404, 39.915}, 1e-9);
    }

    // Every 0.5° over 73–135° E, 18–53° N: WGS → offset → WGS within 0.01 m.
    void roundTripsOverChina()
    {
        double worstGcj = 0, worstBd = 0, worstGcjFromOffset = 0;
        int points = 0;
        for (double lon = 73.0; lon <= 135.0; lon += 0.5) {
            for (double lat = 18.0; lat <= 53.0; lat += 0.5) {
                const QPointF wgs(lon, lat);
                worstGcj = std::max(worstGcj, metresBetween(gcj02ToWgs84(wgs84ToGcj02(wgs)), wgs));
                worstBd = std::max(worstBd, metresBetween(bd09ToWgs84(wgs84ToBd09(wgs)), wgs));
                // And the other way: a point read as GCJ-02 maps back onto itself.
                worstGcjFromOffset = std::max(worstGcjFromOffset, metresBetween(wgs84ToGcj02(gcj02ToWgs84(wgs)), wgs));
                ++points;
            }
        }
        QCOMPARE(points, 125 * 71);
        qInfo("worst round trip over %d points: GCJ-02 %.2e m, BD-09 %.2e m, GCJ-02 read back %.2e m", points, worstGcj, worstBd,
              worstGcjFromOffset);
        QVERIFY2(worstGcj < 0.01, qPrintable(QString::number(worstGcj)));
        QVERIFY2(worstBd < 0.01, qPrintable(QString::number(worstBd)));
        QVERIFY2(worstGcjFromOffset < 0.01, qPrintable(QString::number(worstGcjFromOffset)));
    }

    void dispatchByName()
    {
        QCOMPARE(chinaOffsetFromName(QStringLiteral("GCJ-02")), ChinaOffset::Gcj02);
        QCOMPARE(chinaOffsetFromName(QStringLiteral(" gcj02 ")), ChinaOffset::Gcj02);
        QCOMPARE(chinaOffsetFromName(QStringLiteral("BD-09")), ChinaOffset::Bd09);
        QCOMPARE(chinaOffsetFromName(QStringLiteral("bd09")), ChinaOffset::Bd09);
        QVERIFY(!chinaOffsetFromName(QStringLiteral("EPSG:4326")));
        QVERIFY(!chinaOffsetFromName(QString()));
        QCOMPARE(chinaOffsetName(ChinaOffset::Bd09), QStringLiteral("BD-09"));
        const QPointF shanghai(121.4737, 31.2304);
        compareDegrees(chinaOffsetToWgs84(ChinaOffset::Gcj02, shanghai), gcj02ToWgs84(shanghai), 0);
        compareDegrees(chinaOffsetToWgs84(ChinaOffset::Bd09, shanghai), bd09ToWgs84(shanghai), 0);
        compareDegrees(wgs84ToChinaOffset(ChinaOffset::Bd09, shanghai), wgs84ToBd09(shanghai), 0);
    }

    void outsideChinaRefused_data()
    {
        QTest::addColumn<QPointF>("lonLat");
        QTest::newRow("Boston") << QPointF(-71.06, 42.36);
        QTest::newRow("Moscow") << QPointF(37.62, 55.75);
        QTest::newRow("Sydney") << QPointF(151.21, -33.87);
        QTest::newRow("north of the box") << QPointF(120.0, 56.0);
        QTest::newRow("lat/lon swapped Shanghai") << QPointF(31.23, 121.47);
        QTest::newRow("NaN") << QPointF(std::nan(""), 31.0);
    }

    void outsideChinaRefused()
    {
        QFETCH(QPointF, lonLat);
        QVERIFY(!isInsideChinaOffsetArea(lonLat));
        for (int f = 0; f < 6; ++f) {
            try {
                switch (f) {
                case 0: wgs84ToGcj02(lonLat); break;
                case 1: gcj02ToWgs84(lonLat); break;
                case 2: gcj02ToBd09(lonLat); break;
                case 3: bd09ToGcj02(lonLat); break;
                case 4: wgs84ToBd09(lonLat); break;
                default: bd09ToWgs84(lonLat); break;
                }
                QFAIL(qPrintable(QStringLiteral("conversion %1 accepted a point outside China").arg(f)));
            } catch (const InvalidInput &e) {
                QVERIFY2(e.message().contains(QLatin1String("outside China")), qPrintable(e.message()));
                QVERIFY2(e.message().contains(QStringLiteral("defined only inside China (72.004–137.8347° E, 0.8293–55.8271° N)")), qPrintable(e.message()));
            }
        }
        QVERIFY(isInsideChinaOffsetArea({121.47, 31.23}));
    }

    void statedCrs()
    {
        const Crs gcj = Crs::fromUserInput(QStringLiteral("GCJ-02"));
        QVERIFY(gcj.isValid());
        QVERIFY(gcj.isGeographic());
        QCOMPARE(gcj.name(), QStringLiteral("GCJ-02"));
        QCOMPARE(gcj.label(), QStringLiteral("GCJ-02"));
        QCOMPARE(gcj.authId(), QString());
        QCOMPARE(gcj.chinaOffset(), ChinaOffset::Gcj02);
        QVERIFY(gcj != Crs::fromEpsg(4326));
        QVERIFY(Crs::fromEpsg(4326) != gcj);
        QVERIFY(!Crs::fromEpsg(4326).chinaOffset());
        // Its WKT reads back as the same stated CRS (projects and caches store WKT).
        const Crs again = Crs::fromUserInput(gcj.wkt());
        QCOMPARE(again.chinaOffset(), ChinaOffset::Gcj02);
        QVERIFY(again == gcj);
        const Crs bd = Crs::fromUserInput(QStringLiteral("bd09"));
        QCOMPARE(bd.chinaOffset(), ChinaOffset::Bd09);
        QCOMPARE(bd.name(), QStringLiteral("BD-09"));
        QVERIFY(bd != gcj);
    }

    void transformRemovesTheOffset()
    {
        // eviltransform's Shanghai pair again, through CoordinateTransform.
        const QPointF wgs(121.5272106, 31.1774276), gcj(121.531541859215, 31.17530398364597);
        const CoordinateTransform toWgs(Crs::fromUserInput(QStringLiteral("GCJ-02")), Crs::fromEpsg(4326));
        QVERIFY(!toWgs.isIdentity());
        QVERIFY(metresBetween(toWgs.transform(gcj), wgs) < 0.01);
        compareDegrees(toWgs.inverse(wgs), gcj, 1e-9);
        // GCJ-02 → UTM 51N lands where WGS 84 → UTM 51N does.
        const CoordinateTransform gcjToUtm(Crs::fromUserInput(QStringLiteral("GCJ-02")), Crs::fromEpsg(32651));
        const CoordinateTransform wgsToUtm(Crs::fromEpsg(4326), Crs::fromEpsg(32651));
        const QPointF a = gcjToUtm.transform(gcj), b = wgsToUtm.transform(wgs);
        QVERIFY(std::hypot(a.x() - b.x(), a.y() - b.y()) < 0.01);
        const CoordinateTransform same(Crs::fromUserInput(QStringLiteral("GCJ-02")), Crs::fromUserInput(QStringLiteral("gcj02")));
        QVERIFY(same.isIdentity());
    }

    // A CSV of Shanghai points in GCJ-02 / BD-09, stated as such, loads onto the WGS 84 truth.
    void csvStatedAsOffsetLandsOnWgs84_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("stated");
        QTest::newRow("GCJ-02") << "crs/shanghai_points_gcj02.csv" << "GCJ-02";
        QTest::newRow("BD-09") << "crs/shanghai_points_bd09.csv" << "BD-09";
    }

    void csvStatedAsOffsetLandsOnWgs84()
    {
        QFETCH(QString, file);
        QFETCH(QString, stated);
        const VectorLayer truth = VectorLayer::load(DataSource{test::dataPath(QStringLiteral("crs/shanghai_points_wgs84.geojson"))});
        LoadOptions options;
        options.assumedCrs = Crs::fromUserInput(stated);
        options.targetCrs = Crs::fromEpsg(4326);
        const VectorLayer loaded = VectorLayer::load(DataSource{test::dataPath(file)}, options);
        QCOMPARE(loaded.featureCount(), 3);
        double worst = 0;
        for (int i = 0; i < loaded.featureCount(); ++i) {
            QCOMPARE(loaded.attribute(i, QStringLiteral("name")), truth.attribute(i, QStringLiteral("name")));
            worst = std::max(worst, metresBetween(loaded.geometry(i).points().front(), truth.geometry(i).points().front()));
        }
        QVERIFY2(worst < 0.01, qPrintable(QString::number(worst)));

        // Taken as plain WGS 84 the same table is hundreds of metres off.
        LoadOptions plain;
        plain.targetCrs = Crs::fromEpsg(4326);
        const VectorLayer unconverted = VectorLayer::load(DataSource{test::dataPath(file)}, plain);
        QVERIFY(metresBetween(unconverted.geometry(0).points().front(), truth.geometry(0).points().front()) > 300);

        // Into a metric project CRS directly.
        options.targetCrs = Crs::fromEpsg(32651);
        const VectorLayer metric = VectorLayer::load(DataSource{test::dataPath(file)}, options);
        const CoordinateTransform toUtm(Crs::fromEpsg(4326), Crs::fromEpsg(32651));
        for (int i = 0; i < metric.featureCount(); ++i) {
            const QPointF a = metric.geometry(i).points().front(), b = toUtm.transform(truth.geometry(i).points().front());
            QVERIFY(std::hypot(a.x() - b.x(), a.y() - b.y()) < 0.01);
        }
    }

    // The project layer key "crs": "GCJ-02" flows into loading like any stated CRS.
    void projectLayerStatedAsGcj02()
    {
        const QByteArray json = R"({"format": "refuge-project", "version": 1, "crs": "EPSG:32651",
            "layers": [{"id": "shelters", "source": "shanghai_points_gcj02.csv", "role": "shelters", "crs": "GCJ-02"}]})";
        const Project project = Project::fromJson(QJsonDocument::fromJson(json).object(), test::dataPath(QStringLiteral("crs/p.refuge")));
        QCOMPARE(project.layers.at(0).crs, QStringLiteral("GCJ-02"));
        const std::vector<MapLayer> layers = ProjectLayers::load(project);
        QCOMPARE(layers.size(), std::size_t(1));
        QVERIFY(layers[0].vector);
        const VectorLayer &shelters = *layers[0].vector;
        QCOMPARE(shelters.sourceCrs().chinaOffset(), ChinaOffset::Gcj02);
        const VectorLayer truth = VectorLayer::load(DataSource{test::dataPath(QStringLiteral("crs/shanghai_points_wgs84.geojson"))},
                                                    LoadOptions{Crs::fromEpsg(32651), {}, {}, true});
        QCOMPARE(shelters.featureCount(), 3);
        for (int i = 0; i < shelters.featureCount(); ++i) {
            const QPointF a = shelters.geometry(i).points().front(), b = truth.geometry(i).points().front();
            QVERIFY(std::hypot(a.x() - b.x(), a.y() - b.y()) < 0.01);
        }
    }

    // Refused when reprojected to WGS 84 and when kept in the stated GCJ-02 (no target CRS).
    void csvOutsideChinaStatedAsGcj02Refused()
    {
        for (const Crs &target : {Crs::fromEpsg(4326), Crs()}) {
            LoadOptions options;
            options.assumedCrs = Crs::fromUserInput(QStringLiteral("GCJ-02"));
            options.targetCrs = target;
            try {
                VectorLayer::load(DataSource{test::dataPath(QStringLiteral("crs/boston_points_gcj02.csv"))}, options);
                QFAIL("a GCJ-02 table in Boston was accepted");
            } catch (const InvalidInput &e) {
                QVERIFY2(e.message().contains(QLatin1String("outside China")), qPrintable(e.message()));
                QVERIFY2(e.message().contains(QLatin1String("boston_points_gcj02.csv")), qPrintable(e.message()));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestChinaOffsets)
#include "tst_chinaoffsets.moc"
