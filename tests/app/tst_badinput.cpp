// Bad input in the desktop: an unreadable dropped file leaves the project unchanged
// and names the file; a project with a missing layer opens with that layer broken
// (relocatable); a layer whose CRS cannot be used is broken, not drawn.
#include "AppTestSupport.h"
#include "canvas/IdentifyTool.h"
#include "canvas/MapCanvas.h"
#include "commands/LayerCommands.h"
#include "mainwindow/LayerImporter.h"
#include "mainwindow/MainWindow.h"
#include "model/VectorLayer.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace refuge;
using namespace refuge::desktop;

namespace {
void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}
} // namespace

class TestBadInput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void unreadableDropLeavesProjectUnchanged_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("name");
        QTest::newRow("garbage") << QByteArray("this is not GIS data\x01\x02") << QStringLiteral("garbage.gpkg");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty.shp");
        QTest::newRow("missing") << QByteArray("-") << QStringLiteral("missing.geojson");
    }

    void unreadableDropLeavesProjectUnchanged()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        if (bytes != "-")
            writeFile(path, bytes);
        MainWindow window;
        window.setInteractive(false);
        ProjectDocument *doc = window.document();
        doc->open(test::cambridgeProject());
        const QByteArray before = test::projectJson(*doc);
        QSignalSpy failed(window.importer(), &LayerImporter::failed);
        window.importer()->addFiles({path});
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().at(0).toString(), path);
        QVERIFY2(failed.first().at(1).toString().contains(name), qPrintable(failed.first().at(1).toString()));
        QCOMPARE(test::projectJson(*doc), before);
        QCOMPARE(doc->undoStack()->count(), 0);
    }

    void badFixturesAreRejected_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *f : {"not_geodata.geojson", "syntax_error.geojson", "truncated.gpkg", "empty.geojson"})
            QTest::newRow(f) << test::sourcePath(QStringLiteral("tests/data/bad/") + QLatin1String(f));
    }

    void badFixturesAreRejected()
    {
        QFETCH(QString, file);
        QVERIFY(QFile::exists(file));
        MainWindow window;
        window.setInteractive(false);
        ProjectDocument *doc = window.document();
        doc->setLoadLayers(false);
        doc->open(test::cambridgeProject());
        const QByteArray before = test::projectJson(*doc);
        QSignalSpy failed(window.importer(), &LayerImporter::failed);
        QSignalSpy added(window.importer(), &LayerImporter::layerAdded);
        window.importer()->addFiles({file});
        QVERIFY(QTest::qWaitFor([&] { return !window.importer()->isBusy(); }, 10000));
        QCOMPARE(added.count(), 0);
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.first().at(1).toString().contains(QFileInfo(file).fileName()), qPrintable(failed.first().at(1).toString()));
        QCOMPARE(test::projectJson(*doc), before);
    }

    void rasterDropIsAdded()
    {
        MainWindow window;
        window.setInteractive(false);
        ProjectDocument *doc = window.document();
        doc->open(test::cambridgeProject());
        QSignalSpy added(window.importer(), &LayerImporter::layerAdded);
        window.importer()->addFiles({test::sourcePath(QStringLiteral("tests/data/model/dem_nodata.tif"))});
        QVERIFY(added.wait(10000));
        QVERIFY(test::waitForLayers(*doc));
        const LayerData d = doc->layerData(added.first().at(0).toString());
        QVERIFY2(d.isReady(), qPrintable(d.error));
        QVERIFY(d.raster);
        QCOMPARE(doc->effectiveStyle(added.first().at(0).toString()).type, Style::Type::Raster);
    }

    void goodDropAddsLayerWithGuessedRole()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("消防站.geojson"));
        writeFile(path, R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"名称":"一号站"},
                            "geometry":{"type":"Point","coordinates":[-71.1,42.37]}}]})");
        MainWindow window;
        window.setInteractive(false);
        ProjectDocument *doc = window.document();
        doc->open(test::cambridgeProject());
        QSignalSpy added(window.importer(), &LayerImporter::layerAdded);
        window.importer()->addFiles({path});
        QVERIFY(added.wait(10000));
        const ProjectLayer *l = doc->layerById(added.first().at(0).toString());
        QVERIFY(l);
        QCOMPARE(l->role, Role::FireStations);
        QCOMPARE(doc->layerAt(doc->layerCount() - 1).id, l->id); // on top
        QVERIFY(test::waitForLayers(*doc));
        QVERIFY(doc->layerData(l->id).isReady());
        doc->undoStack()->undo();
        QVERIFY(!doc->layerById(l->id));
    }

    void missingLayerOpensBroken()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.refuge"));
        QFile::copy(test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")), dir.filePath(QStringLiteral("cambridge.gpkg")));
        writeFile(project, R"({"format":"refuge-project","version":1,"crs":"EPSG:26986","layers":[
            {"id":"gone","source":"nowhere.gpkg","layer":"shelters","role":"shelters"},
            {"id":"badcrs","source":"cambridge.gpkg","layer":"shelters","crs":"EPSG:999999"},
            {"id":"ok","source":"cambridge.gpkg","layer":"shelters","role":"shelters"}]})");
        ProjectDocument doc;
        QSignalSpy broken(&doc, &ProjectDocument::layerBroken);
        doc.open(project);
        QVERIFY(test::waitForLayers(doc));
        QCOMPARE(doc.layerCount(), 3);
        QVERIFY(doc.layerData(QStringLiteral("gone")).isBroken());
        QVERIFY(doc.layerData(QStringLiteral("gone")).missingSource);
        QVERIFY(doc.layerData(QStringLiteral("gone")).error.contains(QStringLiteral("nowhere.gpkg")));
        QVERIFY(doc.layerData(QStringLiteral("badcrs")).isBroken());
        QVERIFY(!doc.layerData(QStringLiteral("badcrs")).missingSource);
        QVERIFY(doc.layerData(QStringLiteral("ok")).isReady());
        QCOMPARE(broken.count(), 2);
        // Only the readable layer is drawn.
        QCOMPARE(doc.mapLayers().size(), std::size_t(1));
        // Relocating the missing file (undoable) loads it.
        doc.undoStack()->push(new SetLayerSourceCommand(&doc, QStringLiteral("gone"), QStringLiteral("cambridge.gpkg")));
        QVERIFY(test::waitForLayers(doc));
        QVERIFY(doc.layerData(QStringLiteral("gone")).isReady());
        QCOMPARE(doc.mapLayers().size(), std::size_t(2));
    }

    void identifyFindsShelter()
    {
        MainWindow window;
        window.setInteractive(false);
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ProjectDocument *doc = window.document();
        doc->open(test::cambridgeProject());
        QVERIFY(test::waitForLayers(*doc));
        const LayerData shelters = doc->layerData(QStringLiteral("shelters"));
        const QPointF where = shelters.vector->geometry(0).points().front();
        window.canvas()->setExtent(QRectF(where - QPointF(300, 300), QSizeF(600, 600)));
        const QPoint px = window.canvas()->toPixel(where).toPoint();
        const QList<FeatureRef> hits = window.identifyTool()->identifyAt(px);
        QVERIFY(!hits.isEmpty());
        QCOMPARE(hits.front().layerId, QStringLiteral("shelters"));
        QCOMPARE(hits.front().feature, 0);
    }
};

QTEST_MAIN(TestBadInput)
#include "tst_badinput.moc"
