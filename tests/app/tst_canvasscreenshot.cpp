// Opens maps/cambridge in the real MainWindow offscreen, waits for the background
// render, grabs the canvas and checks pixels: every shelter's marker centre has the
// shelter colour of its style, and pan/zoom re-render in the background (checked by
// render counts and pixels, never by the clock).
#include "AppTestSupport.h"
#include "canvas/MapCanvas.h"
#include "commands/LayerCommands.h"
#include "mainwindow/ExportController.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/ProjectController.h"
#include "model/VectorLayer.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
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

        // Panning renders nothing on the GUI thread: it only schedules a render (no
        // render started or finished when it returns) and shows the old image shifted
        // by the pan until the new one arrives — every pixel moved 100 px right, the
        // uncovered strip on the left white.
        count = canvas->renderCount();
        QSignalSpy started(canvas, &MapCanvas::renderStarted);
        QSignalSpy finished(canvas, &MapCanvas::renderFinished);
        QVERIFY(!canvas->isRendering());
        canvas->panByPixels(QPointF(100, 0));
        const QImage shifted = canvas->grab().toImage();
        QCOMPARE(started.count(), 0);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(canvas->renderCount(), count);
        QCOMPARE(shifted.size(), hidden.size());
        int moved = 0, compared = 0, blank = 0, strip = 0;
        for (int y = 0; y < shifted.height(); y += 7) {
            for (int x = 100; x < shifted.width(); x += 5, ++compared)
                moved += shifted.pixel(x, y) == hidden.pixel(x - 100, y) ? 1 : 0;
            for (int x = 0; x < 100; x += 5, ++strip)
                blank += shifted.pixelColor(x, y) == QColor(Qt::white) ? 1 : 0;
        }
        QCOMPARE(moved, compared);
        QCOMPARE(blank, strip);
        QVERIFY(hidden != shifted); // the map is not blank: the shift shows
        QVERIFY(waitForRender(canvas, count));
        QCOMPARE(started.count(), 1); // the pan's one render (coalesced)
        QCOMPARE(canvas->renderCount(), count + 1);
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
