// File → Open Results Folder… (issue 18): the out folder of `refuge-cli run`-style
// commands opens in the desktop as one group per analysis, each layer titled and styled
// as the run stored it in its GeoPackage's layer_styles (the service areas graduated by
// break, darkest green for the smallest), the per-unit demand points hidden until asked,
// as one undo step; opening the same folder again replaces its layers instead of adding
// copies. Reopening a project brings its latest coverage and fire runs back into the Results dock.
#include "AppTestSupport.h"
#include "analysis/AnalysisController.h"
#include "document/ProjectDocument.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/ProjectController.h"
#include "model/Project.h"
#include "render/ResultStyles.h"
#include "results/CompareResultsView.h"
#include "results/CoverageResultsView.h"
#include "results/FireResultsView.h"
#include "results/KpiPanel.h"
#include "results/ResultTableModel.h"
#include "results/ResultTableView.h"
#include "results/ResultsDock.h"
#include "results/SitingResultsView.h"
#include "util/Error.h"

#include <QDir>
#include <QFile>
#include <QTabWidget>
#include <QTableWidget>
#include <QJsonArray>
#include <QLabel>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

using namespace refuge;
using namespace refuge::desktop;

namespace {

int runCli(const QStringList &args, QString *err)
{
    QProcess p;
    p.start(QStringLiteral(REFUGE_CLI_PATH), args);
    if (!p.waitForFinished(120000))
        return -1;
    *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitCode();
}

QStringList layersOfGroup(const ProjectDocument &doc, const QString &group)
{
    QStringList names;
    for (const ProjectLayer &l : doc.project().layers)
        if (doc.groupOf(l) == group)
            names << l.name;
    return names;
}

} // namespace

class TestResultsFolder : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // refuge-cli writes a results folder as the run command lays it out: one folder per analysis.
        QString err;
        const int code = runCli({QStringLiteral("service-area"), test::cambridgeProject(), QStringLiteral("--max-meters"), QStringLiteral("300"),
                                 QStringLiteral("--cache-dir"), m_dir.filePath(QStringLiteral("cache")), QStringLiteral("--out"),
                                 m_dir.filePath(QStringLiteral("out/service_area"))},
                                &err);
        QVERIFY2(code == 0, qPrintable(err));
        // Coverage with its per-unit demand points: the bulky layers that open hidden.
        const int coverage = runCli({QStringLiteral("coverage"), test::cambridgeProject(), QStringLiteral("--demand-layer"), QStringLiteral("--cache-dir"),
                                     m_dir.filePath(QStringLiteral("cache")), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("out/coverage"))},
                                    &err);
        QVERIFY2(coverage == 0, qPrintable(err));
    }

    void opensStyled()
    {
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.projects()->openProject(test::cambridgeProject()));
        QVERIFY(test::waitForLayers(*window.document()));
        ProjectDocument *doc = window.document();
        const int before = int(doc->project().layers.size());
        const int undoBefore = doc->undoStack()->count();

        const int added = window.analysis()->openResultsFolder(m_dir.filePath(QStringLiteral("out")));
        // coverage.gpkg: demand, areas, facilities, service_areas, uncovered; service_areas.gpkg:
        // service_areas (no reached streets were asked for).
        QCOMPARE(added, 6);
        QCOMPARE(int(doc->project().layers.size()), before + 6);
        QCOMPARE(doc->undoStack()->count(), undoBefore + 1);
        // Grouped under the analysis's title, named by the output's title the run stored.
        QCOMPARE(layersOfGroup(*doc, QStringLiteral("Service areas")), QStringList{QStringLiteral("Service areas")});
        QStringList coverage = layersOfGroup(*doc, QStringLiteral("Shelter coverage & capacity"));
        coverage.sort();
        QCOMPARE(coverage, QStringList({QStringLiteral("Areas"), QStringLiteral("Population covered"), QStringLiteral("Population not within reach"),
                                        QStringLiteral("Shelter load"), QStringLiteral("Shelter service areas")}));
        // The per-unit points start hidden; the headline layers show.
        for (const ProjectLayer &l : doc->project().layers)
            if (doc->groupOf(l) == QLatin1String("Shelter coverage & capacity"))
                QCOMPARE(l.visible, !l.name.startsWith(QLatin1String("Population")));
        QVERIFY(test::waitForLayers(*doc));
        QString id;
        for (const ProjectLayer &l : doc->project().layers)
            if (doc->groupOf(l) == QLatin1String("Service areas"))
                id = l.id;
        QVERIFY(doc->layerData(id).vector);
        QCOMPARE(doc->layerData(id).vector->featureCount(), 15);

        // Its style is the one the run stored: graduated by break, "≤ 300 m" in dark green.
        OutputLayer output;
        output.id = QStringLiteral("service_areas");
        output.style = QStringLiteral("service_areas");
        output.styleOptions = QJsonObject{{QStringLiteral("breaks"), QJsonArray{300}}, {QStringLiteral("unit"), QStringLiteral("m")}};
        const Style expected = ResultStyles::forOutput(output, u"en");
        const Style shown = doc->effectiveStyle(id);
        QVERIFY(shown == expected);
        QCOMPARE(shown.type, Style::Type::Graduated);
        QCOMPARE(shown.field, QStringLiteral("break"));
        QCOMPARE(int(shown.ranges.size()), 1);
        QCOMPARE(shown.ranges[0].label, QStringLiteral("≤ 300 m"));
        QCOMPARE(shown.ranges[0].symbol.fillColor.rgb(), QColor(0, 109, 44).rgb());

        // Again: replaced, not doubled; undo brings back the first opening.
        QCOMPARE(window.analysis()->openResultsFolder(m_dir.filePath(QStringLiteral("out"))), 6);
        QCOMPARE(int(doc->project().layers.size()), before + 6);
        doc->undoStack()->undo();
        QCOMPARE(int(doc->project().layers.size()), before + 6);
        doc->undoStack()->undo();
        QCOMPARE(int(doc->project().layers.size()), before);
    }

    // Reopening a project shows its latest coverage run in the Results dock again, as the
    // run's summary.json records it (52,529 of the Cambridge residents within 800 m).
    void dockRestoredOnReopen()
    {
        QTemporaryDir dir;
        for (const char *f : {"cambridge.refuge", "cambridge.gpkg", "public_schools.gpkg"})
            QVERIFY(QFile::copy(test::sourcePath(QStringLiteral("maps/cambridge/") + QLatin1String(f)), dir.filePath(QLatin1String(f))));
        const QString project = dir.filePath(QStringLiteral("cambridge.refuge"));
        QString err;
        QCOMPARE(runCli({QStringLiteral("coverage"), project, QStringLiteral("--cache-dir"), m_dir.filePath(QStringLiteral("cache")),
                         QStringLiteral("--out"), dir.filePath(QStringLiteral("results/coverage"))},
                        &err),
                 0);
        QCOMPARE(runCli({QStringLiteral("fire-coverage"), project, QStringLiteral("--cache-dir"), m_dir.filePath(QStringLiteral("cache")),
                         QStringLiteral("--out"), dir.filePath(QStringLiteral("results/fire"))},
                        &err),
                 0);
        // Exit 1: 181 blocks beyond every candidate's reach are named, and left out.
        QCOMPARE(runCli({QStringLiteral("site"), project, QStringLiteral("--candidates"), dir.filePath(QStringLiteral("public_schools.gpkg")),
                         QStringLiteral("--k"), QStringLiteral("3"), QStringLiteral("--cache-dir"), m_dir.filePath(QStringLiteral("cache")),
                         QStringLiteral("--out"), dir.filePath(QStringLiteral("results/site"))},
                        &err),
                 1);
        QCOMPARE(runCli({QStringLiteral("compare"), project, QStringLiteral("--b"), QStringLiteral("+ shelter at Danehy Park"),
                         QStringLiteral("--out"), dir.filePath(QStringLiteral("results/compare"))},
                        &err),
                 0);
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.projects()->openProject(project));
        QVERIFY(test::waitForLayers(*window.document()));
        ResultsDock *dock = window.resultsDock();
        QCOMPARE(dock->tabs()->currentWidget(), static_cast<QWidget *>(dock->coverageView()));
        const KpiPanel *k = dock->coverageView()->kpis();
        QVERIFY2(k->rowText(0).startsWith(QStringLiteral("Total population | 101,355")), qPrintable(k->rowText(0)));
        QVERIFY2(k->rowText(1).startsWith(QStringLiteral("Within 800 m of a shelter | 52,529 | ")), qPrintable(k->rowText(1)));
        const ResultTableModel *shelters = dock->coverageView()->shelterTable()->resultModel();
        QCOMPARE(shelters->rowCount(), 15);
        QCOMPARE(shelters->text(0, 0), QStringLiteral("Kennedy / Longfellow School"));
        QCOMPARE(shelters->text(0, 2), QStringLiteral("1,209"));
        QCOMPARE(dock->coverageView()->areaTable()->resultModel()->rowCount(), 13);
        // A table row still zooms to its place: the shelter's point from the results.
        QVERIFY(dock->coverageView()->shelterExtent(0).isValid());
        QVERIFY(dock->coverageView()->areaExtent(0).isValid());

        // Fire too: 99,500 of 101,355 residents reached within 300 s, 8 first-due zones,
        // agreement with the official districts as recorded.
        QVERIFY(dock->tabs()->indexOf(dock->fireView()) >= 0);
        const KpiPanel *f = dock->fireView()->kpis();
        QVERIFY2(f->rowText(0).startsWith(QStringLiteral("Residents reached within 300 s | 99,500 | 98.2 % of 101,355")), qPrintable(f->rowText(0)));
        bool agreement = false;
        for (int i = 0; i < f->rowCount(); ++i)
            agreement = agreement || f->rowText(i).contains(QStringLiteral("85.9 % of residents"));
        QVERIFY(agreement);
        const ResultTableModel *zones = dock->fireView()->zoneTable()->resultModel();
        QCOMPARE(zones->rowCount(), 8);
        QCOMPARE(zones->text(0, 0), QStringLiteral("Fire Headquarters"));
        QVERIFY(dock->fireView()->zoneExtent(0).isValid());

        // Siting too: the curve as the run recorded it, k = 0 being the existing
        // shelters' 52,529 people (as Coverage counts them), each site adding.
        QVERIFY(dock->tabs()->indexOf(dock->sitingView()) >= 0);
        const QTableWidget *curve = dock->sitingView()->curveTable();
        QCOMPARE(curve->rowCount(), 4);
        QCOMPARE(curve->item(0, 0)->text(), QStringLiteral("0"));
        QCOMPARE(curve->item(0, 2)->text(), QLocale().toString(52529.0, 'f', 0));
        for (int i = 1; i < 4; ++i)
            QVERIFY(QLocale().toDouble(curve->item(i, 2)->text()) >= QLocale().toDouble(curve->item(i - 1, 2)->text()));

        // And the scenario comparison: its two names, 13 neighbourhoods plus the total row,
        // the covered delta of each as delta.csv has it.
        QVERIFY(dock->tabs()->indexOf(dock->compareView()) >= 0);
        const QString headline = dock->compareView()->headline()->text();
        QVERIFY2(headline.contains(QStringLiteral("baseline")) && headline.contains(QStringLiteral("+ shelter at Danehy Park")), qPrintable(headline));
        const ResultTableModel *delta = dock->compareView()->table()->resultModel();
        QCOMPARE(delta->rowCount(), 14);
        QFile csv(dir.filePath(QStringLiteral("results/compare/delta.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 14);
        const QStringList first = lines[1].split(QLatin1Char(','));
        QCOMPARE(delta->text(0, 0), first[0]);
        QCOMPARE(delta->text(0, 1), QLocale().toString(first[1].toDouble(), 'f', 0));
    }

    void notAResultsFolder()
    {
        MainWindow window;
        window.setInteractive(false);
        QTemporaryDir empty;
        QStringList incomplete;
        try {
            window.analysis()->openResultsFolder(empty.path(), &incomplete);
            QFAIL("an empty folder was opened");
        } catch (const Error &e) {
            QCOMPARE(e.message(), empty.path() + QStringLiteral(": no results GeoPackage (*.gpkg) here or in its folders"));
        }
    }
};

QTEST_MAIN(TestResultsFolder)
#include "tst_resultsfolder.moc"
