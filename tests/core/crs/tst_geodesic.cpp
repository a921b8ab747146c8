// Geodesic: lengths and areas on WGS 84 against closed forms — the equator's arc
// a·Δλ, the meridian quadrant (10,001,965.729 m), and the octant bounded by the equator
// and two meridians, one eighth of the ellipsoid's surface
// 2πa²(1 + (1 − e²)/(2e)·ln((1 + e)/(1 − e))).
#include "crs/Geodesic.h"

#include <QTest>
#include <cmath>
#include <numbers>

using namespace refuge;

namespace {
constexpr double kA = 6378137.0;
constexpr double kF = 1.0 / 298.257223563;
constexpr double kQuadrant = 10001965.729; // metres, equator to pole along a meridian

double surface()
{
    const double e2 = kF * (2 - kF), e = std::sqrt(e2);
    return 2 * std::numbers::pi * kA * kA * (1 + (1 - e2) / (2 * e) * std::log((1 + e) / (1 - e)));
}
} // namespace

class TestGeodesic : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lengths()
    {
        QCOMPARE(Geodesic::pathLength({}), 0.0);
        QCOMPARE(Geodesic::pathLength({{121.47, 31.23}}), 0.0);
        // One degree along the equator, then back: 2·a·π/180.
        const double degree = kA * std::numbers::pi / 180;
        QVERIFY(std::abs(Geodesic::pathLength({{0, 0}, {1, 0}}) - degree) < 1e-6);
        QVERIFY(std::abs(Geodesic::pathLength({{0, 0}, {1, 0}, {0, 0}}) - 2 * degree) < 1e-6);
        // Equator to the pole along a meridian.
        QVERIFY(std::abs(Geodesic::pathLength({{121.47, 0}, {121.47, 90}}) - kQuadrant) < 0.001);
    }

    void areas()
    {
        QCOMPARE(Geodesic::polygonArea({{0, 0}, {1, 0}}), 0.0);
        double perimeter = -1;
        const double octant = Geodesic::polygonArea({{0, 0}, {90, 0}, {0, 90}}, &perimeter);
        QVERIFY2(std::abs(octant - surface() / 8) < 1.0, qPrintable(QString::number(octant - surface() / 8)));
        QVERIFY(std::abs(perimeter - (2 * kQuadrant + kA * std::numbers::pi / 2)) < 0.01);
        // Either winding gives the same (absolute) area.
        QVERIFY(std::abs(Geodesic::polygonArea({{0, 0}, {0, 90}, {90, 0}}) - octant) < 1e-3);
    }
};

QTEST_GUILESS_MAIN(TestGeodesic)
#include "tst_geodesic.moc"
