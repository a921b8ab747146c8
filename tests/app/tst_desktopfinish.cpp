// Desktop fit and finish (issue 18): the main window opens inside the screen's free
// area; a failed or finished export's progress box never sits over the message that
// follows it (the window stayed locked); `refuge --help` / `--version` answer without a
// display.
#include "AppTestSupport.h"
#include "canvas/MapCanvas.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/MapStatusBar.h"
#include "mainwindow/ProjectController.h"
#include "mainwindow/ReportExportController.h"
#include "mainwindow/WindowFit.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QProgressDialog>
#include <QScreen>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace refuge::desktop;

class TestDesktopFinish : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fitByHand()
    {
        // 1366 × 768 laptop with a 40 px task bar: 1400 × 900 shrinks to 1350 × 680 and
        // sits 8 px from the left, its title bar (40 px) below the top.
        QCOMPARE(WindowFit::fit(QRect(0, 0, 1400, 900), QRect(0, 0, 1366, 728)), QRect(8, 40, 1350, 680));
        // Room enough: centred, size kept.
        QCOMPARE(WindowFit::fit(QRect(0, 0, 1400, 900), QRect(0, 0, 1920, 1040)), QRect(260, 70, 1400, 900));
        // A restored geometry off the right edge of a second screen is pulled back in.
        QCOMPARE(WindowFit::fit(QRect(3000, 100, 800, 600), QRect(1920, 0, 1600, 900)), QRect(2712, 100, 800, 600));
    }

    void mainWindowInsideScreen()
    {
        MainWindow window;
        const QRect avail = QGuiApplication::primaryScreen()->availableGeometry();
        QVERIFY2(window.width() <= avail.width() - WindowFit::kFrameWidth,
                 qPrintable(QStringLiteral("%1 > %2").arg(window.width()).arg(avail.width())));
        QVERIFY2(window.height() <= avail.height() - WindowFit::kFrameHeight,
                 qPrintable(QStringLiteral("%1 > %2").arg(window.height()).arg(avail.height())));
        QVERIFY(avail.contains(window.geometry()));
    }

    // The report fails at once (no results): the error box must be the active window and
    // no progress box may appear over it once the progress box's 300 ms show-timer is due.
    void failedReportLeavesNoProgressBox()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ReportExportController *reports = window.reports();
        reports->setInteractive(true);
        QTemporaryDir empty;
        QSignalSpy failed(reports, &ReportExportController::failed);
        int progressBoxes = -1;
        QString activeClass;
        bool sawBox = false;
        auto *poll = new QTimer(&window);
        connect(poll, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || sawBox)
                return;
            sawBox = true;
            QTimer::singleShot(700, this, [&, box] { // the progress box's show-timer would have fired
                progressBoxes = 0;
                for (QProgressDialog *p : window.findChildren<QProgressDialog *>())
                    progressBoxes += p->isVisible() ? 1 : 0;
                activeClass = QString::fromLatin1(QApplication::activeModalWidget()->metaObject()->className());
                box->reject();
            });
        });
        poll->start(20);
        QVERIFY(reports->start(empty.path(), empty.filePath(QStringLiteral("report")), QStringLiteral("en"), false));
        QVERIFY(failed.wait(30000) || failed.count() == 1);
        poll->stop();
        QVERIFY(sawBox);
        QCOMPARE(progressBoxes, 0);
        QCOMPARE(activeClass, QStringLiteral("QMessageBox"));
        QVERIFY(window.findChildren<QProgressDialog *>().isEmpty());
        QVERIFY(reports->exportAction()->isEnabled());
    }

    // The scale box in the status bar: what a user may type.
    void scaleTexts()
    {
        QCOMPARE(MapStatusBar::parseScale(QStringLiteral("1:5000")), std::optional<double>(5000));
        QCOMPARE(MapStatusBar::parseScale(QStringLiteral(" 1 : 25,000 ")), std::optional<double>(25000));
        QCOMPARE(MapStatusBar::parseScale(QStringLiteral("1：10000")), std::optional<double>(10000)); // full-width colon
        QCOMPARE(MapStatusBar::parseScale(QStringLiteral("2000")), std::optional<double>(2000));
        QCOMPARE(MapStatusBar::parseScale(QStringLiteral("1:5 000")), std::optional<double>(5000));
        for (const char *bad : {"", "abc", "1:", "1:0", "2:5000", "-500", "1:1e12", "1:500000000"})
            QVERIFY2(!MapStatusBar::parseScale(QString::fromLatin1(bad)), bad);
    }

    // Typing 1:5000 and Enter zooms the Cambridge map to 1:5000 about its centre.
    void typedScaleZooms()
    {
        MainWindow window;
        window.setInteractive(false);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.projects()->openProject(refuge::test::cambridgeProject()));
        QVERIFY(refuge::test::waitForLayers(*window.document()));
        MapCanvas *canvas = window.canvas();
        QTRY_VERIFY(canvas->scaleDenominator() > 0);
        const QPointF centre = canvas->center();
        auto *box = window.findChild<QComboBox *>(QStringLiteral("scaleBox"));
        QVERIFY(box && box->isEditable());
        box->lineEdit()->selectAll();
        QTest::keyClicks(box->lineEdit(), QStringLiteral("1:5000"));
        QTest::keyClick(box->lineEdit(), Qt::Key_Return);
        QVERIFY2(std::abs(canvas->scaleDenominator() - 5000) < 5, qPrintable(QString::number(canvas->scaleDenominator())));
        QVERIFY(std::abs(canvas->center().x() - centre.x()) < 0.01 && std::abs(canvas->center().y() - centre.y()) < 0.01);
        QCOMPARE(box->currentText(), QStringLiteral("1:%L1").arg(5000));
        // Not a scale: nothing moves, the box shows the map's scale again.
        box->lineEdit()->selectAll();
        QTest::keyClicks(box->lineEdit(), QStringLiteral("big"));
        QTest::keyClick(box->lineEdit(), Qt::Key_Return);
        QVERIFY(std::abs(canvas->scaleDenominator() - 5000) < 5);
        QCOMPARE(box->currentText(), QStringLiteral("1:%L1").arg(5000));
    }

    // `refuge --help` and `--version` with no display at all (no DISPLAY, no platform
    // plugin chosen): they print and exit 0 (was: abort, exit 134).
    void helpWithoutDisplay()
    {
        for (const QString &arg : {QStringLiteral("--help"), QStringLiteral("--version")}) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.remove(QStringLiteral("DISPLAY"));
            env.remove(QStringLiteral("WAYLAND_DISPLAY"));
            env.remove(QStringLiteral("QT_QPA_PLATFORM"));
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(REFUGE_DESKTOP_PATH), {arg});
            QVERIFY(p.waitForFinished(30000));
            QCOMPARE(p.exitStatus(), QProcess::NormalExit);
            QCOMPARE(p.exitCode(), 0);
            const QString text = QString::fromUtf8(p.readAllStandardOutput());
            QVERIFY2(text.contains(arg == QLatin1String("--help") ? QStringLiteral("--language") : QStringLiteral(REFUGE_VERSION)),
                     qPrintable(text));
        }
    }
};

QTEST_MAIN(TestDesktopFinish)
#include "tst_desktopfinish.moc"
