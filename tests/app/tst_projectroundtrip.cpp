// The desktop's save path: open → save → open → save gives byte-identical files, with
// edits (styles, groups, unknown keys) kept.
#include "AppTestSupport.h"
#include "commands/LayerCommands.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace refuge;
using namespace refuge::desktop;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestProjectRoundTrip : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<bool>("edit");
        QTest::newRow("cambridge") << test::sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")) << false;
        QTest::newRow("cambridge edited") << test::sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")) << true;
        QTest::newRow("shanghai") << test::sourcePath(QStringLiteral("maps/shanghai/shanghai.refuge")) << false;
    }

    void roundTrip()
    {
        QFETCH(QString, project);
        QFETCH(bool, edit);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ProjectDocument doc;
        doc.open(project);
        if (edit) {
            QJsonObject style{{QStringLiteral("type"), QStringLiteral("single")},
                              {QStringLiteral("symbol"), QJsonObject{{QStringLiteral("fill"), QStringLiteral("#ff2e7d32")},
                                                                     {QStringLiteral("size_mm"), 4.5}}},
                              {QStringLiteral("labels"), QJsonObject{{QStringLiteral("enabled"), true}, {QStringLiteral("text"), QStringLiteral("{Name}")}}}};
            doc.undoStack()->push(new SetLayerStyleCommand(&doc, QStringLiteral("shelters"), style));
            doc.undoStack()->push(new SetLayerGroupCommand(&doc, QStringLiteral("shelters"), QStringLiteral("设施 Facilities")));
            doc.undoStack()->push(new SetLayerOpacityCommand(&doc, QStringLiteral("blocks_2000"), 0.6));
        }
        const QString first = dir.filePath(QStringLiteral("first.refuge"));
        doc.save(first);
        QVERIFY(!doc.isModified());
        ProjectDocument again;
        again.open(first);
        const QString second = dir.filePath(QStringLiteral("second.refuge"));
        again.save(second);
        const QByteArray a = readAll(first), b = readAll(second);
        QVERIFY(!a.isEmpty());
        QCOMPARE(b, a);
        // Paths were re-anchored to the new directory: the layers still open.
        QVERIFY(test::waitForLayers(again));
        for (int i = 0; i < again.layerCount(); ++i)
            QVERIFY2(again.layerData(again.layerAt(i).id).isReady(), qPrintable(again.layerData(again.layerAt(i).id).error));
        if (edit) {
            const QJsonObject shelters = QJsonDocument::fromJson(b).object()[QStringLiteral("layers")].toArray().last().toObject();
            QCOMPARE(shelters[QStringLiteral("group")].toString(), QStringLiteral("设施 Facilities"));
            QCOMPARE(shelters[QStringLiteral("style")].toObject()[QStringLiteral("symbol")].toObject()[QStringLiteral("fill")].toString(),
                     QStringLiteral("#ff2e7d32"));
        }
    }

    void unknownKeysSurvive()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.refuge"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format":"refuge-project","version":1,"title":"t","crs":"EPSG:4326","future":{"x":1},
                    "layers":[{"id":"a","source":"a.geojson","role":"hazard","future_layer_key":[1,2]}]})");
        f.close();
        ProjectDocument doc;
        doc.open(path);
        doc.undoStack()->push(new RenameLayerCommand(&doc, QStringLiteral("a"), QStringLiteral("洪水")));
        doc.save(path);
        const QJsonObject o = QJsonDocument::fromJson(readAll(path)).object();
        QCOMPARE(o[QStringLiteral("future")].toObject()[QStringLiteral("x")].toInt(), 1);
        const QJsonObject layer = o[QStringLiteral("layers")].toArray().first().toObject();
        QCOMPARE(layer[QStringLiteral("future_layer_key")].toArray().size(), 2);
        QCOMPARE(layer[QStringLiteral("name")].toString(), QStringLiteral("洪水"));
    }

    // A password asked for at open (ProjectController's dialog) goes to every layer on
    // that connection, in memory only: not an edit, never in the saved file.
    void connectionPasswordStaysInMemory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pg.refuge"));
        const QString conn = QStringLiteral("PG:host=127.0.0.1 port=1 dbname=city user=planner");
        const QJsonArray layers{
            QJsonObject{{"id", "roads"}, {"source", conn}, {"layer", "public.roads"}, {"role", "roads"}},
            QJsonObject{{"id", "shelters"}, {"source", conn}, {"layer", "public.shelters"}, {"role", "shelters"}},
            QJsonObject{{"id", "other"}, {"source", "PG:host=127.0.0.1 port=1 dbname=other"}, {"layer", "x"}, {"role", "other"}}};
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(QJsonObject{{"format", "refuge-project"}, {"version", 1}, {"crs", "EPSG:4326"}, {"layers", layers}}).toJson());
        f.close();
        ProjectDocument doc;
        doc.open(path);
        QVERIFY(doc.project().warnings().isEmpty());
        doc.setConnectionPassword(conn, QStringLiteral("Sesame42"));
        QVERIFY(!doc.isModified());
        QCOMPARE(doc.project().dataSource(*doc.layerById(QStringLiteral("roads"))).toString(),
                 conn + QStringLiteral(" password='Sesame42'|layername=public.roads"));
        QVERIFY(doc.project().dataSource(*doc.layerById(QStringLiteral("shelters"))).toString().contains(QLatin1String("Sesame42")));
        QVERIFY(!doc.project().dataSource(*doc.layerById(QStringLiteral("other"))).toString().contains(QLatin1String("Sesame42")));
        doc.save(path);
        QVERIFY(!readAll(path).contains("Sesame42"));
        QVERIFY(doc.project().dataSource(*doc.layerById(QStringLiteral("roads"))).toString().contains(QLatin1String("Sesame42")));
    }
};

QTEST_MAIN(TestProjectRoundTrip)
#include "tst_projectroundtrip.moc"
