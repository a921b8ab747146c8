// LayerTreeModel: structure (groups, layers top first, legend entries), edits through
// undo commands, drag-and-drop reordering — checked with QAbstractItemModelTester.
#include "AppTestSupport.h"
#include "layers/LayerTreeModel.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QUndoStack>

using namespace refuge;
using namespace refuge::desktop;

class TestLayerTreeModel : public QObject {
    Q_OBJECT
private:
    static QStringList topNames(const LayerTreeModel &m)
    {
        QStringList out;
        for (int r = 0; r < m.rowCount(); ++r)
            out << m.index(r, 0).data().toString();
        return out;
    }

private Q_SLOTS:
    void structure()
    {
        ProjectDocument doc;
        doc.open(test::cambridgeProject());
        LayerTreeModel model(&doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(test::waitForLayers(doc));
        QCOMPARE(model.rowCount(), 9);
        // Top of the tree is the layer drawn last.
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Emergency shelters"));
        QCOMPARE(model.index(8, 0).data().toString(), QStringLiteral("Census 2000 blocks")); // the flood zones are drawn above it
        const QModelIndex districts = model.indexOfLayer(QStringLiteral("engine_districts"));
        QCOMPARE(districts.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QCOMPARE(model.index(0, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        // Population is graduated by default: legend entries under the layer.
        const QModelIndex blocks = model.indexOfLayer(QStringLiteral("blocks_2000"));
        QVERIFY(model.rowCount(blocks) >= 3);
        QCOMPARE(model.kind(model.index(0, 0, blocks)), LayerTreeModel::Kind::Legend);
        QVERIFY(!model.index(0, 0, blocks).data(Qt::DecorationRole).isNull());
        QCOMPARE(model.layerIdsInTreeOrder().size(), 9);
    }

    void editsGoThroughUndo()
    {
        ProjectDocument doc;
        doc.open(test::cambridgeProject());
        LayerTreeModel model(&doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(test::waitForLayers(doc));
        const QModelIndex shelters = model.indexOfLayer(QStringLiteral("shelters"));
        QVERIFY(model.setData(shelters, Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(doc.layerById(QStringLiteral("shelters"))->visible, false);
        QVERIFY(model.setData(model.indexOfLayer(QStringLiteral("shelters")), QStringLiteral("避难场所"), Qt::EditRole));
        QCOMPARE(model.indexOfLayer(QStringLiteral("shelters")).data().toString(), QStringLiteral("避难场所"));
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(model.indexOfLayer(QStringLiteral("shelters")).data().toString(), QStringLiteral("Emergency shelters"));
        QCOMPARE(model.indexOfLayer(QStringLiteral("shelters")).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    }

    void dragAndDropReorders()
    {
        ProjectDocument doc;
        doc.open(test::cambridgeProject());
        LayerTreeModel model(&doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(test::waitForLayers(doc));
        const QByteArray before = test::projectJson(doc);
        // Drag the shelters (top) to the bottom of the tree.
        std::unique_ptr<QMimeData> mime(model.mimeData({model.indexOfLayer(QStringLiteral("shelters"))}));
        QVERIFY(mime);
        QVERIFY(model.canDropMimeData(mime.get(), Qt::MoveAction, model.rowCount(), 0, {}));
        model.dropMimeData(mime.get(), Qt::MoveAction, model.rowCount(), 0, {});
        QCOMPARE(doc.layerAt(0).id, QStringLiteral("shelters"));
        QCOMPARE(topNames(model).last(), QStringLiteral("Emergency shelters"));
        QCOMPARE(doc.undoStack()->count(), 1); // one step for the whole drop
        doc.undoStack()->undo();
        QCOMPARE(test::projectJson(doc), before);
        QCOMPARE(topNames(model).first(), QStringLiteral("Emergency shelters"));
    }

    void groups()
    {
        ProjectDocument doc;
        doc.open(test::cambridgeProject());
        LayerTreeModel model(&doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(test::waitForLayers(doc));
        // Move the two flood layers (bottom) into a new group at the top.
        const QModelIndex flood = model.indexOfLayer(QStringLiteral("flood_100yr"));
        std::unique_ptr<QMimeData> mime(model.mimeData({flood, model.indexOfLayer(QStringLiteral("flood_500yr"))}));
        model.dropMimeData(mime.get(), Qt::MoveAction, 0, 0, {});
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("FEMA 100-year flood zone"));
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("FEMA 500-year flood zone"));
        QVERIFY(!model.setData(model.index(0, 0), QVariant(), Qt::UserRole)); // other roles are rejected
        // Put both into group "Hazards".
        for (const QString &id : {QStringLiteral("flood_100yr"), QStringLiteral("flood_500yr")}) {
            ProjectLayer l = *doc.layerById(id);
            l.extra.insert(QStringLiteral("group"), QStringLiteral("Hazards"));
            doc.replaceLayer(l);
        }
        QCOMPARE(model.rowCount(), 8);
        const QModelIndex group = model.index(0, 0);
        QCOMPARE(model.kind(group), LayerTreeModel::Kind::Group);
        QCOMPARE(group.data().toString(), QStringLiteral("Hazards"));
        QCOMPARE(model.rowCount(group), 2);
        QCOMPARE(group.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        // Unchecking the group hides both layers in one undo step.
        const int steps = doc.undoStack()->count();
        QVERIFY(model.setData(group, Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        QVERIFY(!doc.layerById(QStringLiteral("flood_100yr"))->visible);
        QVERIFY(!doc.layerById(QStringLiteral("flood_500yr"))->visible);
        // Drop a root layer into the group.
        std::unique_ptr<QMimeData> streets(model.mimeData({model.indexOfLayer(QStringLiteral("streets"))}));
        model.dropMimeData(streets.get(), Qt::MoveAction, 2, 0, model.index(0, 0));
        QCOMPARE(doc.groupOf(*doc.layerById(QStringLiteral("streets"))), QStringLiteral("Hazards"));
        QCOMPARE(model.rowCount(model.index(0, 0)), 3);
    }
};

QTEST_MAIN(TestLayerTreeModel)
#include "tst_layertreemodel.moc"
