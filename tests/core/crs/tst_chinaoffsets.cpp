// ChinaOffsets: GCJ-02 / BD-09 ↔ WGS 84. Published pairs reproduced, round trips over a
// grid covering China below 0.01 m, points outside China refused.
#include "crs/ChinaOffsets.h"
#include "util/Error.h"

#include <QTest>
#include <cmath>

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
                QVERIFY2(e.message().contains(QLatin1String("defined only inside China")), qPrintable(e.message()));
            }
        }
        QVERIFY(isInsideChinaOffsetArea({121.47, 31.23}));
    }
};

QTEST_GUILESS_MAIN(TestChinaOffsets)
#include "tst_chinaoffsets.moc"
