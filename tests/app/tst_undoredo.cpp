// Undo/redo of every project command restores the project exactly: Project::toJson
// after undo equals the JSON before the command, after redo the JSON after it.
#include "AppTestSupport.h"
#include "commands/LayerCommands.h"

#include <QJsonObject>
#include <QUndoStack>
#include <functional>

using namespace refuge;
using namespace refuge::desktop;

using CommandFactory = std::function<QUndoCommand *(ProjectDocument *)>;
Q_DECLARE_METATYPE(CommandFactory)

class TestUndoRedo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void restoresExactly_data()
    {
        QTest::addColumn<CommandFactory>("make");
        QTest::addColumn<QString>("changedKey"); // a JSON path fragment expected to differ
        const QString shelters = QStringLiteral("shelters");
        ProjectLayer added;
        added.id = QStringLiteral("extra_shelters");
        added.name = QStringLiteral("应急避难场所");
        added.path = QStringLiteral("cambridge.gpkg");
        added.layer = QStringLiteral("shelters");
        added.role = Role::Shelters;
        QTest::newRow("add") << CommandFactory([added](ProjectDocument *d) { return new AddLayerCommand(d, added); })
                             << QStringLiteral("应急避难场所");
        QTest::newRow("add at bottom") << CommandFactory([added](ProjectDocument *d) { return new AddLayerCommand(d, added, 0); })
                                       << QStringLiteral("extra_shelters");
        QTest::newRow("remove") << CommandFactory([=](ProjectDocument *d) { return new RemoveLayerCommand(d, QStringLiteral("streets")); })
                                << QString();
        QTest::newRow("move") << CommandFactory([=](ProjectDocument *d) { return new MoveLayerCommand(d, shelters, 0); }) << QString();
        QJsonObject style{{QStringLiteral("type"), QStringLiteral("single")},
                          {QStringLiteral("symbol"), QJsonObject{{QStringLiteral("fill"), QStringLiteral("#ffff0000")}}}};
        QTest::newRow("style") << CommandFactory([=](ProjectDocument *d) { return new SetLayerStyleCommand(d, shelters, style); })
                               << QStringLiteral("#ffff0000");
        QTest::newRow("role") << CommandFactory([=](ProjectDocument *d) { return new SetLayerRoleCommand(d, shelters, Role::Supplies); })
                              << QStringLiteral("supplies");
        QTest::newRow("hide") << CommandFactory([=](ProjectDocument *d) { return new SetLayerVisibilityCommand(d, shelters, false); })
                              << QString();
        QTest::newRow("show") << CommandFactory([](ProjectDocument *d) {
            return new SetLayerVisibilityCommand(d, QStringLiteral("engine_districts"), true);
        }) << QString();
        QTest::newRow("opacity") << CommandFactory([=](ProjectDocument *d) { return new SetLayerOpacityCommand(d, shelters, 0.35); })
                                 << QStringLiteral("0.35");
        QTest::newRow("rename") << CommandFactory([=](ProjectDocument *d) { return new RenameLayerCommand(d, shelters, QStringLiteral("避难场所")); })
                                << QStringLiteral("避难场所");
        QTest::newRow("group") << CommandFactory([=](ProjectDocument *d) { return new SetLayerGroupCommand(d, shelters, QStringLiteral("Facilities")); })
                               << QStringLiteral("Facilities");
        QTest::newRow("source") << CommandFactory([=](ProjectDocument *d) { return new SetLayerSourceCommand(d, shelters, QStringLiteral("elsewhere.gpkg")); })
                                << QStringLiteral("elsewhere.gpkg");
        QTest::newRow("crs") << CommandFactory([](ProjectDocument *d) { return new SetProjectCrsCommand(d, Crs::fromEpsg(32619)); })
                             << QStringLiteral("EPSG:32619");
    }

    void restoresExactly()
    {
        QFETCH(CommandFactory, make);
        QFETCH(QString, changedKey);
        ProjectDocument doc;
        doc.setLoadLayers(false); // commands only touch the project
        doc.open(test::cambridgeProject());
        const QByteArray before = test::projectJson(doc);
        QVERIFY(!doc.isModified());
        doc.undoStack()->push(make(&doc));
        const QByteArray after = test::projectJson(doc);
        QVERIFY(after != before);
        if (!changedKey.isEmpty())
            QVERIFY2(QString::fromUtf8(after).contains(changedKey), after.constData());
        QVERIFY(doc.isModified());
        doc.undoStack()->undo();
        QCOMPARE(test::projectJson(doc), before);
        QVERIFY(!doc.isModified());
        doc.undoStack()->redo();
        QCOMPARE(test::projectJson(doc), after);
        doc.undoStack()->undo();
        QCOMPARE(test::projectJson(doc), before);
    }

    void opacityDragMergesIntoOneStep()
    {
        ProjectDocument doc;
        doc.setLoadLayers(false); // commands only touch the project
        doc.open(test::cambridgeProject());
        const QByteArray before = test::projectJson(doc);
        for (int v = 100; v >= 40; v -= 10)
            doc.undoStack()->push(new SetLayerOpacityCommand(&doc, QStringLiteral("blocks_2000"), v / 100.0));
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.layerById(QStringLiteral("blocks_2000"))->opacity, 0.4);
        doc.undoStack()->undo();
        QCOMPARE(test::projectJson(doc), before);
    }

    void longHistoryUnwinds()
    {
        ProjectDocument doc;
        doc.setLoadLayers(false); // commands only touch the project
        doc.open(test::cambridgeProject());
        const QByteArray before = test::projectJson(doc);
        QUndoStack *s = doc.undoStack();
        s->push(new MoveLayerCommand(&doc, QStringLiteral("shelters"), 2));
        s->push(new SetLayerRoleCommand(&doc, QStringLiteral("hospitals"), Role::Other));
        s->push(new RemoveLayerCommand(&doc, QStringLiteral("flood_500yr")));
        s->push(new SetLayerGroupCommand(&doc, QStringLiteral("shelters"), QStringLiteral("设施")));
        s->push(new RenameLayerCommand(&doc, QStringLiteral("streets"), QStringLiteral("道路")));
        QCOMPARE(doc.layerCount(), 8);
        const QByteArray after = test::projectJson(doc);
        s->setIndex(0);
        QCOMPARE(test::projectJson(doc), before);
        s->setIndex(s->count());
        QCOMPARE(test::projectJson(doc), after);
    }
};

QTEST_MAIN(TestUndoRedo)
#include "tst_undoredo.moc"
