// Basemaps in the desktop (issue 19): the Shanghai sample opens with its offline MBTiles
// basemap drawn under the streets and its credit in the map's corner; an online basemap
// whose server does not answer never holds up the planning layers (they draw at once,
// the tile failure is one status-bar note), and the key given for a service stays out
// of the saved project.
#include "AppTestSupport.h"
#include "canvas/MapCanvas.h"
#include "document/ProjectDocument.h"
#include "mainwindow/LayerImporter.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/ProjectController.h"
#include "model/Project.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace refuge;
using namespace refuge::desktop;

namespace {

// Share of the image's pixels that are exactly `colour`.
double share(const QImage &image, QColor colour)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    qint64 hits = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x)
            hits += img.pixelColor(x, y) == colour;
    return double(hits) / double(img.width() * img.height());
}

bool waitForRender(MapCanvas *canvas, int previous)
{
    return QTest::qWaitFor([&] { return canvas->renderCount() > previous && !canvas->isRendering(); }, 20000);
}

} // namespace

class TestBasemapDesktop : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_project;

    // The sample opened in a shown window of `size`, its layers loaded and the map drawn.
    bool openDrawn(MainWindow &window, QSize size)
    {
        window.setInteractive(false);
        window.resize(size);
        window.show();
        const int before = window.canvas()->renderCount();
        return QTest::qWaitForWindowExposed(&window) && window.projects()->openProject(m_project)
            && test::waitForLayers(*window.document()) && waitForRender(window.canvas(), before);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        for (const char *f : {"shanghai.refuge", "basemap.mbtiles", "study_area.geojson", "shanghai_jingan_huangpu_osmnx.osm",
                              "fire_stations.geojson", "shelters_gcj02.xlsx"}) {
            QVERIFY(QFile::copy(test::sourcePath(QStringLiteral("maps/shanghai/") + QLatin1String(f)), m_dir.filePath(QLatin1String(f))));
            QFile::setPermissions(m_dir.filePath(QLatin1String(f)), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        m_project = m_dir.filePath(QStringLiteral("shanghai.refuge"));
    }

    void offlineBasemapUnderTheStreets()
    {
        MainWindow window;
        QVERIFY(openDrawn(window, QSize(1200, 800)));
        QVERIFY(window.document()->layerData(QStringLiteral("basemap")).raster);
        // The basemap's land colour (238, 234, 226) fills the blocks between the streets:
        // well over a tenth of the map (the streets, labels and points take the rest).
        const QImage img = window.canvas()->renderedImage();
        window.grab().save(QDir::temp().filePath(QStringLiteral("basemap_shanghai.png")));
        const double land = share(img, QColor(238, 234, 226));
        QVERIFY2(land > 0.10, qPrintable(QString::number(land)));
        // Zoom to all: the streets' extent, not the (wider) basemap's.
        const QRectF full = window.document()->fullExtent();
        QVERIFY2(full.width() < 2600 && full.width() > 2000, qPrintable(QString::number(full.width())));
        QCOMPARE(window.canvas()->attribution(), QStringLiteral("底图：由 OSM 路网绘制 / basemap drawn from OSM streets"));
        QVERIFY(window.canvas()->tileImage().isNull()); // no online tiles in this project
    }

    void unreachableServerDoesNotHoldTheMap()
    {
        MainWindow window;
        QVERIFY(openDrawn(window, QSize(1000, 700)));
        MapCanvas *canvas = window.canvas();

        qputenv("REFUGE_TILE_KEY", "SESSIONKEY42");
        QSignalSpy added(window.importer(), &LayerImporter::layerAdded);
        QSignalSpy warnings(canvas, &MapCanvas::renderWarnings);
        // Port 9 is closed: the server is unreachable.
        window.importer()->addBasemap(QStringLiteral("http://127.0.0.1:9/t/{z}/{x}/{y}.png?tk={key}"), QStringLiteral("Down"),
                                      QStringLiteral("© Nobody"));
        QVERIFY(added.wait(10000));
        const QString id = added.first().first().toString();
        QCOMPARE(window.document()->indexOf(id), 0); // under every other layer
        const int count = canvas->renderCount();
        canvas->refresh();
        QVERIFY(waitForRender(canvas, count)); // the planning layers do not wait for the tiles
        QVERIFY(share(canvas->renderedImage(), QColor(238, 234, 226)) > 0.10);
        QVERIFY(QTest::qWaitFor([&] { return !canvas->isLoadingTiles(); }, 30000));
        QTRY_VERIFY_WITH_TIMEOUT(!warnings.isEmpty(), 5000);
        const QString note = warnings.last().first().toStringList().join(QLatin1Char(' '));
        QVERIFY2(note.contains(QLatin1String("Down")), qPrintable(note));
        QVERIFY2(!note.contains(QLatin1String("SESSIONKEY42")), qPrintable(note));
        QVERIFY2(canvas->attribution().contains(QStringLiteral("© Nobody")), qPrintable(canvas->attribution()));

        // Saved: the template with {key}, never the key.
        QVERIFY(window.projects()->save());
        QFile f(m_project);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray saved = f.readAll();
        QVERIFY(saved.contains("tk={key}"));
        QVERIFY(!saved.contains("SESSIONKEY42"));
        qunsetenv("REFUGE_TILE_KEY");
    }
};

QTEST_MAIN(TestBasemapDesktop)
#include "tst_basemapdesktop.moc"
