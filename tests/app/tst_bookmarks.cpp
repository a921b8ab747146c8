// Spatial bookmarks (issue 18): View → Bookmarks saves the map's extent under a name in
// the project (undoable), zooms back to it from the menu, brings a bookmark made in
// another CRS into the project's, and the saved project carries them.
#include "AppTestSupport.h"
#include "canvas/MapCanvas.h"
#include "crs/CoordinateTransform.h"
#include "document/ProjectDocument.h"
#include "mainwindow/BookmarkController.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/ProjectController.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <cmath>

using namespace refuge;
using namespace refuge::desktop;

namespace {

bool near(const QRectF &a, const QRectF &b, double tolerance)
{
    return std::abs(a.left() - b.left()) < tolerance && std::abs(a.right() - b.right()) < tolerance
           && std::abs(a.top() - b.top()) < tolerance && std::abs(a.bottom() - b.bottom()) < tolerance;
}

QString text(const QRectF &r)
{
    return QStringLiteral("%1 %2 %3 %4").arg(r.left(), 0, 'f', 3).arg(r.top(), 0, 'f', 3).arg(r.right(), 0, 'f', 3).arg(r.bottom(), 0, 'f', 3);
}

QAction *menuEntry(QMenu *menu, const QString &label)
{
    Q_EMIT menu->aboutToShow();
    for (QAction *a : menu->actions())
        if (a->text() == label)
            return a;
    return nullptr;
}

} // namespace

class TestBookmarks : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_project;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const char *f : {"cambridge.refuge", "cambridge.gpkg"})
            QVERIFY(QFile::copy(test::sourcePath(QStringLiteral("maps/cambridge/") + QLatin1String(f)), m_dir.filePath(QLatin1String(f))));
        m_project = m_dir.filePath(QStringLiteral("cambridge.refuge"));
        QFile::setPermissions(m_project, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    void addZoomUndoSave()
    {
        MainWindow window;
        window.setInteractive(false);
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.projects()->openProject(m_project));
        QVERIFY(test::waitForLayers(*window.document()));
        MapCanvas *canvas = window.canvas();
        BookmarkController *bookmarks = window.bookmarks();
        QVERIFY(bookmarks->bookmarks().empty());

        // Harvard Square, about 1.2 km across, in the project's CRS (EPSG:26986, metres).
        canvas->setExtent(QRectF(QPointF(230500, 902000), QPointF(231700, 902800)));
        const QRectF square = canvas->extent();
        QVERIFY(bookmarks->add(QStringLiteral("Harvard Square")));
        QVERIFY(!bookmarks->add(QStringLiteral("Harvard Square")));
        QVERIFY(bookmarks->lastError().contains(QLatin1String("already")));
        QVERIFY(!bookmarks->add(QStringLiteral("  ")));
        QCOMPARE(int(bookmarks->bookmarks().size()), 1);
        QCOMPARE(bookmarks->bookmarks().front().crs, QStringLiteral("EPSG:26986"));
        QVERIFY(window.document()->undoStack()->canUndo());

        // Elsewhere, then back from the menu.
        canvas->setExtent(QRectF(QPointF(225000, 897000), QPointF(240000, 907000)));
        QVERIFY(!near(canvas->extent(), square, 1.0));
        QAction *entry = menuEntry(bookmarks->menu(), QStringLiteral("Harvard Square"));
        QVERIFY(entry);
        bookmarks->menu()->grab().save(QDir::temp().filePath(QStringLiteral("bookmarks_menu.png"))); // to look at
        entry->trigger();
        QVERIFY2(near(canvas->extent(), square, 0.01), qPrintable(text(canvas->extent()) + QStringLiteral(" vs ") + text(square)));

        // Undo takes it away, redo brings it back.
        window.document()->undoStack()->undo();
        QVERIFY(bookmarks->bookmarks().empty());
        QVERIFY(!menuEntry(bookmarks->menu(), QStringLiteral("Harvard Square")));
        window.document()->undoStack()->redo();
        QCOMPARE(int(bookmarks->bookmarks().size()), 1);

        // A bookmark made in WGS 84 (as another project might have): its centre comes
        // out where it was, through the project's CRS.
        std::vector<Bookmark> list = bookmarks->bookmarks();
        list.push_back({QStringLiteral("MIT, lon/lat"), QStringLiteral("EPSG:4326"), QRectF(QPointF(-71.100, 42.355), QPointF(-71.088, 42.363))});
        window.document()->setBookmarks(list);
        QVERIFY(bookmarks->zoomTo(QStringLiteral("MIT, lon/lat")));
        const QPointF centre = CoordinateTransform(window.document()->project().crs, Crs::fromEpsg(4326)).transform(canvas->extent().center());
        QVERIFY2(std::abs(centre.x() + 71.094) < 2e-4 && std::abs(centre.y() - 42.359) < 2e-4,
                 qPrintable(QStringLiteral("%1 %2").arg(centre.x(), 0, 'f', 5).arg(centre.y(), 0, 'f', 5)));
        QVERIFY(!bookmarks->zoomTo(QStringLiteral("nowhere")));

        // Saved in the project file.
        QVERIFY(window.projects()->save());
        QFile f(m_project);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray saved = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("bookmarks")).toArray();
        QCOMPARE(saved.size(), 2);
        const QJsonObject first = saved.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("Harvard Square"));
        QCOMPARE(first.value(QStringLiteral("crs")).toString(), QStringLiteral("EPSG:26986"));
        const QJsonArray e = first.value(QStringLiteral("extent")).toArray();
        QVERIFY(near(QRectF(QPointF(e.at(0).toDouble(), e.at(1).toDouble()), QPointF(e.at(2).toDouble(), e.at(3).toDouble())), square, 1e-6));

        // Deleted from the menu's Delete submenu.
        QAction *del = menuEntry(bookmarks->menu(), QStringLiteral("Delete Bookmark"));
        QVERIFY(del && del->menu());
        QAction *target = nullptr;
        for (QAction *a : del->menu()->actions())
            if (a->text() == QLatin1String("MIT, lon/lat"))
                target = a;
        QVERIFY(target);
        target->trigger();
        QCOMPARE(int(bookmarks->bookmarks().size()), 1);
    }

    // Reopened, the saved bookmarks are there.
    void reopened()
    {
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.projects()->openProject(m_project));
        QCOMPARE(int(window.bookmarks()->bookmarks().size()), 2);
        QCOMPARE(window.bookmarks()->bookmarks().at(1).crs, QStringLiteral("EPSG:4326"));
    }
};

QTEST_MAIN(TestBookmarks)
#include "tst_bookmarks.moc"
