// The measure tool: points clicked on the canvas measured on the WGS 84 ellipsoid.
// In lon/lat at 31° N, 0.01° along the parallel must be N(φ)·cos φ·Δλ (the parallel's
// arc; the geodesic between the two points is shorter by ~1e-8 of it); on the Cambridge
// sample (Massachusetts State Plane, a conformal plane with scale error below 1e-4 there) a
// 1,000 m side and a 1,000 × 1,000 m square measure 1,000 m and 1 km² within 0.05 % / 0.1 %.
// Right click ends a measurement, the next click starts a new one, Esc (cancel) clears.
#include "AppTestSupport.h"
#include "canvas/MapCanvas.h"
#include "canvas/MeasureTool.h"
#include "crs/Crs.h"
#include "document/ProjectDocument.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/ProjectController.h"

#include <QAction>
#include <QDir>
#include <QTest>
#include <cmath>
#include <numbers>

using namespace refuge;
using namespace refuge::desktop;

class TestMeasureTool : public QObject {
    Q_OBJECT

    static void click(MapCanvas *canvas, QPointF map, Qt::MouseButton button = Qt::LeftButton)
    {
        QTest::mouseClick(canvas, button, Qt::NoModifier, canvas->toPixel(map).toPoint());
    }
    // Map coordinates that fall exactly on a pixel (the tool measures pixel positions).
    static QPointF onPixel(MapCanvas *canvas, QPointF map) { return canvas->toMap(canvas->toPixel(map).toPoint()); }

private Q_SLOTS:
    void lonLatAt31North()
    {
        MainWindow window;
        window.setInteractive(false);
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.document()->setCrs(Crs::fromUserInput(QStringLiteral("EPSG:4326")));
        MapCanvas *canvas = window.canvas();
        canvas->setExtent(QRectF(121.45, 30.99, 0.04, 0.02));
        auto *tool = window.findChild<MeasureTool *>();
        QVERIFY(tool);
        window.findChild<QAction *>(QStringLiteral("measureAction"))->trigger();
        QCOMPARE(canvas->tool(), static_cast<MapTool *>(tool));
        const QPointF a = onPixel(canvas, {121.46, 31.0}), b = onPixel(canvas, {121.47, 31.0});
        QCOMPARE(a.y(), b.y());
        click(canvas, a);
        click(canvas, b);
        click(canvas, b, Qt::RightButton);
        const double e2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
        const double phi = a.y() * std::numbers::pi / 180;
        const double expected = 6378137.0 / std::sqrt(1 - e2 * std::sin(phi) * std::sin(phi)) * std::cos(phi) * (b.x() - a.x()) * std::numbers::pi / 180;
        QVERIFY(tool->ellipsoidal());
        QVERIFY2(std::abs(tool->length() - expected) < 1e-6 * expected, qPrintable(QStringLiteral("%1 vs %2").arg(tool->length()).arg(expected)));
        QVERIFY2(tool->text().startsWith(QStringLiteral("Length ")) && tool->text().endsWith(QStringLiteral("(ellipsoidal, WGS 84)")), qPrintable(tool->text()));
        QCOMPARE(tool->area(), 0.0);
        // Ended: the next click starts a new measurement; cancel clears it.
        click(canvas, a);
        QCOMPARE(tool->points().size(), std::size_t(1));
        tool->cancel();
        QVERIFY(tool->points().empty());
        QVERIFY(tool->text().isEmpty());
    }

    void cambridgeSquare()
    {
        MainWindow window;
        window.setInteractive(false);
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.projects()->openProject(test::cambridgeProject()));
        QVERIFY(test::waitForLayers(*window.document()));
        MapCanvas *canvas = window.canvas();
        canvas->setExtent(QRectF(230000, 900000, 3000, 2000));
        window.findChild<QAction *>(QStringLiteral("measureAction"))->trigger();
        auto *tool = window.findChild<MeasureTool *>();
        const QPointF p0 = onPixel(canvas, {231000, 900500});
        const double side = onPixel(canvas, {232000, 900500}).x() - p0.x();
        const std::vector<QPointF> square{p0, {p0.x() + side, p0.y()}, {p0.x() + side, p0.y() + side}, {p0.x(), p0.y() + side}};
        click(canvas, square[0]);
        click(canvas, square[1]);
        click(canvas, square[1], Qt::RightButton);
        QVERIFY2(std::abs(tool->length() - side) < 5e-4 * side, qPrintable(QString::number(tool->length())));
        click(canvas, square[0]);
        for (std::size_t i = 1; i < 4; ++i)
            click(canvas, square[i]);
        click(canvas, square[3], Qt::RightButton);
        QCOMPARE(tool->points().size(), std::size_t(4));
        QVERIFY2(std::abs(tool->area() - side * side) < 1e-3 * side * side, qPrintable(QString::number(tool->area())));
        QVERIFY2(tool->text().contains(QStringLiteral(" · Area ")), qPrintable(tool->text()));
        QVERIFY2(std::abs(tool->length() - 3 * side) < 1.5e-3 * side, qPrintable(QString::number(tool->length()))); // the open path
        canvas->grab().save(QDir::temp().filePath(QStringLiteral("refuge_tst_measure.png")));
    }
};

QTEST_MAIN(TestMeasureTool)
#include "tst_measuretool.moc"
