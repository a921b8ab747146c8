// Opens maps/cambridge in the real MainWindow offscreen, waits for the background
// render, grabs the canvas and checks pixels: every shelter's marker centre has the
// shelter colour of its style, and pan/zoom re-render without blocking.
#include "AppTestSupport.h"
#include "canvas/MapCanvas.h"
#include "commands/LayerCommands.h"
#include "mainwindow/ExportController.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/ProjectController.h"
#include "model/VectorLayer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace refuge;
using namespace refuge::desktop;

namespace {
bool near(QColor a, QColor b, int tol)
{
    return std::abs(a.red() - b.red()) <= tol && std::abs(a.green() - b.green()) <= tol && std::abs(a.blue() - b.blue()) <= tol;
}

// Any pixel within `r` of p has the colour (labels drawn last may cover a marker's centre).
bool colourNear(const QImage &img, QPoint p, QColor c, int r, int tol)
{
    for (int dy = -r; dy <= r; ++dy)
        for (int dx = -r; dx <= r; ++dx)
            if (img.valid(p.x() + dx, p.y() + dy) && near(img.pixelColor(p.x() + dx, p.y() + dy), c, tol))
                return true;
    return false;
}

bool waitForRender(MapCanvas *canvas, int previousCount)
{
    return QTest::qWaitFor([&] { return canvas->renderCount() > previousCount && !canvas->isRendering(); }, 20000);
}
} // namespace

class TestCanvasScreenshot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sheltersAtTheirPositions()
    {
        MainWindow window;
        window.setInteractive(false);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.projects()->openProject(test::cambridgeProject()));
        ProjectDocument *doc = window.document();
        MapCanvas *canvas = window.canvas();
        QVERIFY(test::waitForLayers(*doc));
        QVERIFY(QTest::qWaitFor([&] { return canvas->hasImage() && !canvas->isRendering(); }, 20000));
        QTest::qWait(100);
        QVERIFY(QTest::qWaitFor([&] { return !canvas->isRendering(); }, 20000));

        QVERIFY(!canvas->canGoBack()); // the automatic first view is not a history step
        const QImage shot = canvas->grab().toImage();
        shot.save(QDir::temp().filePath(QStringLiteral("refuge_tst_canvas.png")));
        const LayerData shelters = doc->layerData(QStringLiteral("shelters"));
        QVERIFY(shelters.vector);
        QVERIFY(shelters.vector->featureCount() > 5);
        const QColor fill = doc->effectiveStyle(QStringLiteral("shelters")).symbol.fillColor;
        int inView = 0, matching = 0;
        for (int i = 0; i < shelters.vector->featureCount(); ++i) {
            const QPointF px = canvas->toPixel(shelters.vector->geometry(i).points().front());
            if (!canvas->rect().adjusted(5, 5, -5, -5).contains(px.toPoint()))
                continue;
            ++inView;
            matching += colourNear(shot, px.toPoint(), fill, 4, 40) ? 1 : 0;
        }
        QVERIFY(inView > 5);
        QVERIFY2(matching >= inView * 9 / 10, qPrintable(QStringLiteral("%1 of %2 shelters drawn in %3").arg(matching).arg(inView).arg(fill.name())));
        // The corners are outside all data: background white.
        QCOMPARE(shot.pixelColor(2, 2), QColor(Qt::white));

        // Export: the same view at 192 DPI is twice the size, with the shelters in place.
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("view.png"));
        ExportController::writePng(canvas, png, 192);
        const QImage exported(png);
        QCOMPARE(exported.size(), canvas->size() * 2);
        QCOMPARE(qRound(exported.dotsPerMeterX() * 0.0254), 192);
        int exportedMatching = 0;
        for (int i = 0; i < shelters.vector->featureCount(); ++i) {
            const QPointF px = canvas->toPixel(shelters.vector->geometry(i).points().front());
            if (canvas->rect().adjusted(5, 5, -5, -5).contains(px.toPoint()))
                exportedMatching += colourNear(exported, (px * 2).toPoint(), fill, 8, 40) ? 1 : 0;
        }
        QVERIFY2(exportedMatching >= inView * 9 / 10, qPrintable(QString::number(exportedMatching)));
        const QString pdf = dir.filePath(QStringLiteral("view.pdf"));
        ExportController::writePdf(canvas, pdf);
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        const QByteArray pdfBytes = pdfFile.readAll();
        QVERIFY(pdfBytes.startsWith("%PDF"));
        QVERIFY(pdfBytes.size() > 10000);

        // Hiding the shelters layer removes the markers after a re-render.
        int count = canvas->renderCount();
        doc->undoStack()->push(new SetLayerVisibilityCommand(doc, QStringLiteral("shelters"), false));
        QVERIFY(waitForRender(canvas, count));
        const QImage hidden = canvas->grab().toImage();
        int stillThere = 0;
        for (int i = 0; i < shelters.vector->featureCount(); ++i) {
            const QPoint px = canvas->toPixel(shelters.vector->geometry(i).points().front()).toPoint();
            if (canvas->rect().adjusted(5, 5, -5, -5).contains(px))
                stillThere += colourNear(hidden, px, fill, 1, 10) ? 1 : 0;
        }
        QVERIFY2(stillThere <= inView / 5, qPrintable(QString::number(stillThere)));

        // Panning returns at once and shows the old image shifted until the new one arrives.
        count = canvas->renderCount();
        QElapsedTimer t;
        t.start();
        canvas->panByPixels(QPointF(100, 0));
        const QImage shifted = canvas->grab().toImage();
        QVERIFY2(t.elapsed() < 50, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(shifted.pixelColor(600, 400), hidden.pixelColor(500, 400));
        QVERIFY(waitForRender(canvas, count));
        QTest::qWait(500); // the pan becomes a history step once the view settles
        const QRectF afterPan = canvas->extent();
        // Zoom at a point keeps that point under the cursor.
        const QPointF anchor(300, 200);
        const QPointF before = canvas->toMap(anchor);
        canvas->zoomByFactor(2.0, anchor);
        const QPointF after = canvas->toMap(anchor);
        QVERIFY(std::abs(before.x() - after.x()) < 1e-6 && std::abs(before.y() - after.y()) < 1e-6);
        QTest::qWait(500);
        QVERIFY(canvas->canGoBack());
        canvas->goBack();
        QCOMPARE(canvas->extent(), afterPan);
        QVERIFY(canvas->canGoForward());
    }
};

QTEST_MAIN(TestCanvasScreenshot)
#include "tst_canvasscreenshot.moc"
