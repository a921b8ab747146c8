// File → Export Report…: the dialog refuses a folder without results; the controller
// writes report.html and report.pdf (core Report, map rendered on its worker) from
// Cambridge results written by the core outputs, and names the folder when it fails.
// REFUGE_DOCK_SHOTS=DIR also saves screenshots of the dialog, the dock and the window.
#include "AppTestSupport.h"
#include "ResultsTestSupport.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/CoverageAnalysis.h"
#include "analysis/CoverageOutputs.h"
#include "canvas/MapCanvas.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/ProjectController.h"
#include "mainwindow/ReportExportController.h"
#include "mainwindow/ReportExportDialog.h"
#include "model/Project.h"
#include "model/VectorLayer.h"
#include "results/CoverageResultsView.h"
#include "results/KpiPanel.h"
#include "results/ResultsDock.h"
#include "util/Feedback.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace refuge;
using namespace refuge::desktop;
using refuge::test::clickRow;
using refuge::test::shot;
using refuge::test::tool;

class TestReportExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void dialogChecksFolder()
    {
        QTemporaryDir empty;
        const QString msg = ReportExportDialog::checkResultsFolder(empty.path());
        QVERIFY(msg.startsWith(QDir::toNativeSeparators(empty.path()) + QStringLiteral(": no complete analysis results")));
        QVERIFY(ReportExportDialog::checkResultsFolder(empty.filePath(QStringLiteral("missing"))).contains(QStringLiteral("does not exist")));
        // The dialog refuses it (Export disabled), refuses a coverage/summary.json without the
        // "complete" mark (a run stopped midway) and accepts one with it.
        ReportExportDialog dialog;
        dialog.setResultsFolder(empty.path());
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QCOMPARE(dialog.outputFolder(), QDir(empty.path()).filePath(QStringLiteral("report")));
        shot(&dialog, QStringLiteral("export-dialog-en.png"));
        QVERIFY(QDir(empty.path()).mkpath(QStringLiteral("coverage")));
        QFile summary(empty.filePath(QStringLiteral("coverage/summary.json")));
        QVERIFY(summary.open(QIODevice::WriteOnly));
        summary.write("{}");
        summary.close();
        dialog.setResultsFolder(empty.path());
        QVERIFY(!ok->isEnabled());
        QVERIFY(ReportExportDialog::checkResultsFolder(empty.path()).contains(QStringLiteral("no complete analysis results")));
        QVERIFY(summary.open(QIODevice::WriteOnly | QIODevice::Truncate));
        summary.write("{\"complete\": true}");
        summary.close();
        dialog.setResultsFolder(empty.path());
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.language(), QStringLiteral("en"));
    }

    // File → Export Report on Cambridge results written by the core outputs (the CLI's files).
    void exportReport()
    {
        ProjectDocument doc;
        doc.open(test::cambridgeProject());
        QVERIFY(test::waitForLayers(doc));
        const Project &project = doc.project();
        const QString gpkg = test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg"));
        LoadOptions lo;
        lo.targetCrs = project.crs;
        Feedback fb;
        CoverageRequest q;
        const VectorLayer shelters = VectorLayer::load(DataSource{gpkg, QStringLiteral("shelters")}, lo);
        q.facilities = FacilityTable::fromLayer(shelters, {QStringLiteral("Name"), QStringLiteral("Name"), QStringLiteral("Capacity"), {}, {}, {}});
        q.demand = Demand::fromLayer(VectorLayer::load(DataSource{gpkg, QStringLiteral("blocks_2000")}, lo), QStringLiteral("POP_LAB"), 0, fb);
        q.areas = CoverageAreas::fromLayer(VectorLayer::load(DataSource{gpkg, QStringLiteral("neighborhoods")}, lo), QStringLiteral("NAME"));
        q.costs = CoverageCosts::euclidean(q.demand.points, q.facilities.points, 800, project.crs.metresPerUnit(), 1.0, {}, fb);
        q.costs.method = QStringLiteral("straight line");
        q.standard = StandardsProfile::load(QStringLiteral("shanghai"));
        const CoverageOutcome o = CoverageAnalysis::run(q, fb);
        QCOMPARE(o.coverage.totalPopulation, 101355.0);
        QTemporaryDir results;
        const QStringList layers = CoverageOutputs::write(q, o, results.filePath(QStringLiteral("coverage")));
        QJsonObject summary = o.summaryJson(q);
        CoverageOutputs::addResults(summary, o, layers);
        AnalysisFiles::writeSummary(results.filePath(QStringLiteral("coverage")), summary, QStringLiteral("seconds"), 0);

        // The dock on the same results: one row per neighbourhood (+ outside), 15 shelters.
        ResultsDock dock;
        dock.showCoverage(q, o);
        QCOMPARE(dock.coverageView()->kpis()->rowText(0), QStringLiteral("Total population | 101,355 | "));
        QCOMPARE(dock.coverageView()->areaTable()->proxy()->rowCount(), int(o.areas.size()));
        QVERIFY(o.areas.size() >= std::size_t(q.areas.size()));
        QCOMPARE(dock.coverageView()->shelterTable()->proxy()->rowCount(), 15);
        const QString covered = QLocale().toString(o.coverage.coveredPopulation, 'f', 0);
        dock.resize(560, 900);
        shot(&dock, QStringLiteral("dock-cambridge-areas-en.png"));
        dock.coverageView()->pages()->setCurrentIndex(1);
        shot(&dock, QStringLiteral("dock-cambridge-shelters-en.png"));

        MainWindow window;
        window.setInteractive(false);
        window.projects()->openProject(test::cambridgeProject());
        ReportExportController *reports = window.reports();
        reports->setResultsFolder(results.path());
        QCOMPARE(reports->resultsFolder(), results.path());
        QTemporaryDir out;
        QSignalSpy done(reports, &ReportExportController::finished);
        QSignalSpy failed(reports, &ReportExportController::failed);
        QVERIFY(reports->start(results.path(), out.filePath(QStringLiteral("report")), QStringLiteral("zh"))); // with maps
        QVERIFY(!reports->exportAction()->isEnabled());
        QVERIFY(done.wait(60000) || done.count() == 1);
        QCOMPARE(failed.count(), 0);
        QVERIFY(reports->exportAction()->isEnabled());
        const QString pdf = done.front().at(0).toString();
        QCOMPARE(pdf, QDir(out.filePath(QStringLiteral("report"))).filePath(QStringLiteral("report.pdf")));
        QVERIFY(QFileInfo(pdf).size() > 10000);
        QVERIFY(QFileInfo(out.filePath(QStringLiteral("report/map_coverage.png"))).size() > 10000); // the map rendered on the worker
        QFile html(out.filePath(QStringLiteral("report/report.html")));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(html.readAll());
        QVERIFY(text.contains(QStringLiteral("应急避难与消防覆盖评估报告")));
        // Written without the per-unit layer: the map says the people out of reach are not drawn.
        QVERIFY(text.contains(QStringLiteral("未绘制服务范围外的人口")));
        QVERIFY(text.contains(QStringLiteral("101,355")));
        QVERIFY2(text.contains(covered), qPrintable(covered));
        if (!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
            const QString pdfText = tool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
            QVERIFY(pdfText.contains(QStringLiteral("101,355")));
            QVERIFY(pdfText.contains(covered));
        }

        // No (complete) results in the folder: failed() names it.
        QTemporaryDir empty;
        QVERIFY(reports->start(empty.path(), out.filePath(QStringLiteral("none")), QStringLiteral("en"), false));
        QVERIFY(failed.wait(30000) || failed.count() == 1);
        QVERIFY2(failed.front().at(0).toString().startsWith(empty.path()), qPrintable(failed.front().at(0).toString()));
        QVERIFY(failed.front().at(0).toString().contains(QStringLiteral("no complete results")));

        if (!qEnvironmentVariable("REFUGE_DOCK_SHOTS").isEmpty()) { // the dock beside the map, zoomed to a neighbourhood
            window.resize(1600, 1000);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resultsDock()->showCoverage(q, o);
            QVERIFY(test::waitForLayers(*window.document()));
            ResultTableView *areas = window.resultsDock()->coverageView()->areaTable();
            areas->sortByColumn(3, Qt::AscendingOrder);
            QTRY_VERIFY_WITH_TIMEOUT(window.canvas()->hasImage() && !window.canvas()->isRendering(), 20000);
            const int renders = window.canvas()->renderCount();
            clickRow(areas, 0);
            QTRY_VERIFY_WITH_TIMEOUT(window.canvas()->renderCount() > renders && !window.canvas()->isRendering(), 20000);
            shot(&window, QStringLiteral("window-cambridge-en.png"));
        }
    }};

QTEST_MAIN(TestReportExport)
#include "tst_reportexport.moc"
