// CoordinateTransform against reference values computed once with PROJ's cs2cs
// (PROJ 9.1, same machine), e.g.:
//   echo "42.3736 -71.1190" | cs2cs -f %.4f EPSG:4326 EPSG:26986  → 231379.7510 902636.3042
// and bounds against GDAL's OCTTransformBounds (python3-gdal, 21 densify points).
#include "crs/CoordinateTransform.h"
#include "util/Error.h"

#include <QTest>
#include <cmath>
#include <thread>

using namespace refuge;

namespace {
bool near(QPointF a, QPointF b, double tol) { return std::abs(a.x() - b.x()) <= tol && std::abs(a.y() - b.y()) <= tol; }
QString str(QPointF p) { return QStringLiteral("(%1, %2)").arg(p.x(), 0, 'f', 9).arg(p.y(), 0, 'f', 9); }
} // namespace

class TestCoordinateTransform : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void forward_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QPointF>("in");
        QTest::addColumn<QPointF>("expected");
        QTest::addColumn<double>("tolerance");
        // Harvard Square, cs2cs EPSG:4326 → EPSG:26986 (NAD83 / Massachusetts Mainland)
        QTest::newRow("4326 → 26986") << "EPSG:4326" << "EPSG:26986" << QPointF(-71.1190, 42.3736) << QPointF(231379.7510, 902636.3042) << 1e-3;
        // same point, UTM 19N
        QTest::newRow("4326 → 32619") << "EPSG:4326" << "EPSG:32619" << QPointF(-71.1190, 42.3736) << QPointF(325535.9977, 4693432.7827) << 1e-3;
        // People's Square, Shanghai, UTM 51N
        QTest::newRow("4326 → 32651") << "EPSG:4326" << "EPSG:32651" << QPointF(121.4737, 31.2304) << QPointF(354633.6490, 3456140.5296) << 1e-3;
        // the other way: cs2cs -f %.8f EPSG:26986 EPSG:4326 <<< "230000 900000"
        QTest::newRow("26986 → 4326") << "EPSG:26986" << "EPSG:4326" << QPointF(230000, 900000) << QPointF(-71.13588880, 42.34992042) << 1e-8;
        // CRS84 takes lon/lat like 4326 here, but PROJ picks another operation for it
        // (a Helmert WGS 84 → NAD83 instead of the null one): cs2cs OGC:CRS84 EPSG:26986
        // gives 231379.8056 902635.3409, about 1 m from the 4326 result. We follow PROJ.
        QTest::newRow("CRS84 → 26986") << "OGC:CRS84" << "EPSG:26986" << QPointF(-71.1190, 42.3736) << QPointF(231379.8056, 902635.3409) << 1e-3;
        // metres → US survey feet: cs2cs EPSG:4326 EPSG:2249 → 759118.4000 2961399.2747
        QTest::newRow("4326 → 2249 (ftUS)") << "EPSG:4326" << "EPSG:2249" << QPointF(-71.1190, 42.3736) << QPointF(759118.4000, 2961399.2747) << 1e-3;
    }

    void forward()
    {
        QFETCH(QString, source);
        QFETCH(QString, target);
        QFETCH(QPointF, in);
        QFETCH(QPointF, expected);
        QFETCH(double, tolerance);
        const CoordinateTransform ct(Crs::fromUserInput(source), Crs::fromUserInput(target));
        QVERIFY(!ct.isIdentity());
        const QPointF out = ct.transform(in);
        QVERIFY2(near(out, expected, tolerance), qPrintable(str(out) + QStringLiteral(" expected ") + str(expected)));
        // the inverse brings it back (1e-9 degrees is 0.1 mm; 1e-6 m for metric sources)
        const QPointF back = ct.inverse(out);
        QVERIFY2(near(back, in, Crs::fromUserInput(source).isGeographic() ? 1e-9 : 1e-6), qPrintable(str(back)));
    }

    void identity()
    {
        const Crs c = Crs::fromEpsg(26986);
        const CoordinateTransform ct(c, c);
        QVERIFY(ct.isIdentity());
        QCOMPARE(ct.transform(QPointF(1.5, -2.25)), QPointF(1.5, -2.25));
        QCOMPARE(ct.transformBounds(QRectF(1, 2, 3, 4)), QRectF(1, 2, 3, 4));
        QCOMPARE(ct.source().authId(), QStringLiteral("EPSG:26986"));
        QCOMPARE(ct.target().authId(), QStringLiteral("EPSG:26986"));
    }

    void transformInPlaceArrayAndGeometry()
    {
        const CoordinateTransform ct(Crs::fromEpsg(4326), Crs::fromEpsg(26986));
        std::vector<QPointF> pts = {{-71.1190, 42.3736}, {-71.13588880, 42.34992042}};
        ct.transformInPlace(pts);
        QVERIFY(near(pts[0], {231379.7510, 902636.3042}, 1e-3));
        QVERIFY(near(pts[1], {230000, 900000}, 1e-3));
        Geometry line = Geometry::lineString({{-71.1190, 42.3736}, {-71.13588880, 42.34992042}});
        ct.transformInPlace(line);
        QVERIFY(near(line.ringPoints(0)[0], {231379.7510, 902636.3042}, 1e-3));
        // length in metres: hypot(1379.7510, 2636.3042)
        QVERIFY(std::abs(line.length() - std::hypot(1379.7510, 2636.3042)) < 2e-3);
        std::vector<QPointF> none;
        ct.transformInPlace(none); // no-op
        QVERIFY(none.empty());
    }

    void transformBounds_data()
    {
        QTest::addColumn<QRectF>("in");
        QTest::addColumn<QRectF>("expected");
        // Cambridge city boundary extent (EPSG:26986) → EPSG:4326; GDAL TransformBounds.
        QTest::newRow("Cambridge") << QRectF(QPointF(227964.703161171, 900298.95636307), QPointF(235908.925697473, 905981.46375856))
                                   << QRectF(QPointF(-71.160576568, 42.352362377), QPointF(-71.063801822, 42.403845165));
        // A large box: the top edge bulges north of its corners (36.9534 vs 36.9299 at the corners).
        QTest::newRow("large box, curved edge") << QRectF(0, 0, 400000, 300000)
                                                << QRectF(QPointF(-73.735967783, 34.244386753), QPointF(-69.264032217, 36.953442439));
    }

    void transformBounds()
    {
        QFETCH(QRectF, in);
        QFETCH(QRectF, expected);
        const CoordinateTransform ct(Crs::fromEpsg(26986), Crs::fromEpsg(4326));
        const QRectF b = ct.transformBounds(in);
        const double tol = 1e-6;
        QVERIFY2(std::abs(b.left() - expected.left()) < tol && std::abs(b.right() - expected.right()) < tol
                     && std::abs(b.top() - expected.top()) < tol && std::abs(b.bottom() - expected.bottom()) < tol,
                 qPrintable(QStringLiteral("%1 %2 %3 %4").arg(b.left(), 0, 'f', 9).arg(b.top(), 0, 'f', 9).arg(b.right(), 0, 'f', 9).arg(b.bottom(), 0, 'f', 9)));
    }

    void errors()
    {
        QVERIFY_THROWS_EXCEPTION(CrsError, CoordinateTransform(Crs(), Crs::fromEpsg(4326)));
        QVERIFY_THROWS_EXCEPTION(CrsError, CoordinateTransform(Crs::fromEpsg(4326), Crs()));
        const CoordinateTransform ct(Crs::fromEpsg(4326), Crs::fromEpsg(32651));
        // latitude 95 is outside the domain: PROJ fails, we throw naming both CRSs
        try {
            (void)ct.transform(QPointF(121, 95));
            QFAIL("expected CrsError");
        } catch (const CrsError &e) {
            QVERIFY2(e.message().contains(QLatin1String("EPSG:4326")) && e.message().contains(QLatin1String("EPSG:32651")), qPrintable(e.message()));
        }
        std::vector<QPointF> pts = {{121.47, 31.23}, {121.47, 95.0}};
        QVERIFY_THROWS_EXCEPTION(CrsError, ct.transformInPlace(pts));
        QVERIFY_THROWS_EXCEPTION(CrsError, ct.transform(QPointF(std::nan(""), 31)));
        QVERIFY_THROWS_EXCEPTION(CrsError, ct.transformBounds(QRectF(121, 80, 1, 15)));
    }

    void move()
    {
        CoordinateTransform a(Crs::fromEpsg(4326), Crs::fromEpsg(26986));
        CoordinateTransform b = std::move(a);
        QVERIFY(near(b.transform({-71.1190, 42.3736}), {231379.7510, 902636.3042}, 1e-3));
        CoordinateTransform c(Crs::fromEpsg(26986), Crs::fromEpsg(26986));
        c = std::move(b);
        QVERIFY(!c.isIdentity());
        QVERIFY(near(c.transform({-71.1190, 42.3736}), {231379.7510, 902636.3042}, 1e-3));
    }

    // One transform per thread (PJ objects are bound to their thread's context).
    void threads()
    {
        std::vector<QPointF> out(4);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                const CoordinateTransform ct(Crs::fromEpsg(4326), Crs::fromEpsg(32651));
                for (int i = 0; i < 100; ++i)
                    out[std::size_t(t)] = ct.transform({121.4737, 31.2304});
            });
        for (auto &t : threads)
            t.join();
        for (const QPointF &p : out)
            QVERIFY(near(p, {354633.6490, 3456140.5296}, 1e-3));
    }
};

QTEST_GUILESS_MAIN(TestCoordinateTransform)
#include "tst_coordinatetransform.moc"
