// The zh_CN translation: complete (no unfinished or missing messages in the .ts), and
// the compiled .qm translates the real main window (menus, docks, role names).
#include "AppTestSupport.h"
#include "app/RoleNames.h"
#include "crs/Crs.h"
#include "mainwindow/BookmarkController.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/MapStatusBar.h"
#include "results/SitingResultsView.h"

#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace refuge;
using namespace refuge::desktop;

class TestTranslation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tsIsComplete()
    {
        QFile f(test::sourcePath(QStringLiteral("resources/translations/refuge_zh_CN.ts")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&f);
        int messages = 0, unfinished = 0;
        QStringList empty;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("message"))
                ++messages;
            else if (xml.name() == QLatin1String("source"))
                source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                if (type == QLatin1String("unfinished") || type == QLatin1String("obsolete") || type == QLatin1String("vanished"))
                    ++unfinished;
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (text.trimmed().isEmpty())
                    empty << source;
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY(messages > 200);
        QCOMPARE(unfinished, 0);
        QVERIFY2(empty.isEmpty(), qPrintable(empty.join(QStringLiteral(" | "))));
    }

    // The project CRS chooser offers CGCS2000 and its 21 3-degree Gauss-Kruger zones by
    // Chinese name and code; each label's central meridian is the one PROJ names.
    void crsChooserOffersCgcs2000InChinese()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(REFUGE_QM_DIR "/refuge_zh_CN.qm")));
        QCoreApplication::installTranslator(&translator);
        const QStringList items = MapStatusBar::offeredCrs();
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(items.size(), 23);
        QCOMPARE(items[1], QStringLiteral("EPSG:4490 — 2000国家大地坐标系 CGCS2000（经纬度）"));
        QCOMPARE(items[2 + 4549 - 4534], QStringLiteral("EPSG:4549 — CGCS2000 / 3度带高斯-克吕格投影 中央经线 120°E"));
        for (int i = 2; i < items.size(); ++i) {
            const Crs crs = Crs::fromUserInput(items[i].section(QStringLiteral(" — "), 0, 0));
            QVERIFY(crs.isCgcs2000());
            const QString cm = QStringLiteral("%1").arg(75 + 3 * (i - 2));
            QVERIFY2(crs.name().endsWith(QStringLiteral("CM %1E").arg(cm)), qPrintable(crs.name()));
            QVERIFY(items[i].endsWith(QStringLiteral("中央经线 %1°E").arg(cm)));
        }
    }

    void mainWindowSpeaksChinese()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(REFUGE_QM_DIR "/refuge_zh_CN.qm")));
        QCoreApplication::installTranslator(&translator);
        MainWindow window;
        QStringList menus;
        for (QAction *a : window.menuBar()->actions())
            menus << a->text();
        QVERIFY2(menus.contains(QStringLiteral("文件(&F)")), qPrintable(menus.join(QLatin1Char(','))));
        QVERIFY(menus.contains(QStringLiteral("图层(&L)")));
        QStringList docks;
        for (QDockWidget *d : window.findChildren<QDockWidget *>())
            docks << d->windowTitle();
        QVERIFY(docks.contains(QStringLiteral("图层")));
        QCOMPARE(window.bookmarks()->menu()->title(), QStringLiteral("书签"));
        window.bookmarks()->menu()->grab().save(QDir::temp().filePath(QStringLiteral("bookmarks_menu_zh.png"))); // to look at
        QCOMPARE(window.bookmarks()->newAction()->text(), QStringLiteral("新建书签…"));
        // A siting run's solver line (kept in English in its files) in the Siting tab.
        QCOMPARE(SitingResultsView::solverText(QStringLiteral("exact (CBC), stopped: best solution found (heuristic start included)")),
                 QStringLiteral("精确求解（CBC），已停止：给出找到的最优解（含启发式初始解）"));
        QCOMPARE(SitingResultsView::solverText(QStringLiteral("existing sites only")), QStringLiteral("仅现有设施"));
        QCOMPARE(RoleNames::displayName(Role::Shelters), QStringLiteral("避难场所"));
        QCOMPARE(RoleNames::displayName(Role::FireStations), QStringLiteral("消防站"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
        QCoreApplication::removeTranslator(&translator);
    }
};

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
