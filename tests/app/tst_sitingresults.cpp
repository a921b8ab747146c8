// The Results dock's Siting tab: a siting run on the Cambridge sample (the public schools
// as candidates, k = 3, 800 m walk) shows its curve — the chart's points and the table's
// rows equal curve.csv as the run wrote it (k = 0 is the existing shelters' coverage,
// 52,529 people, as Coverage counts them).
#include "AppTestSupport.h"
#include "analysis/framework/AnalysisRegistry.h"
#include "model/Project.h"
#include "results/ResultsDock.h"
#include "results/SitingResultsView.h"
#include "util/Feedback.h"

#include <QFile>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace refuge;
using namespace refuge::desktop;

class TestSitingResults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void curveShown()
    {
        QTemporaryDir out;
        const Analysis *site = AnalysisRegistry::find(u"site");
        QVERIFY(site);
        const Project project = Project::load(test::cambridgeProject());
        ParameterValues given;
        LayerValue schools;
        schools.source = DataSource::parse(test::sourcePath(QStringLiteral("maps/cambridge/public_schools.gpkg")));
        given.set(QStringLiteral("candidates"), QVariant::fromValue(schools));
        given.set(QStringLiteral("k"), 3.0);
        given.set(QStringLiteral("out"), out.path());
        Feedback feedback;
        const AnalysisResult result = site->run(site->overlay(site->projectValues(project), given), feedback);
        const auto *job = std::any_cast<SitingJobResult>(&result.detail);
        QVERIFY(job);

        // curve.csv: k, objective, covered_population, ...
        QFile csv(QDir(out.path()).filePath(QStringLiteral("curve.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
        QList<QPointF> expected;
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> f = lines[i].split(',');
            expected << QPointF(f[0].toDouble(), f[2].toDouble());
        }
        QCOMPARE(expected.size(), 4);
        QCOMPARE(expected.front(), QPointF(0, 52529));

        ResultsDock dock;
        dock.showSiting(*job);
        QCOMPARE(dock.tabs()->currentWidget(), static_cast<QWidget *>(dock.sitingView()));
        QCOMPARE(dock.tabs()->tabText(dock.tabs()->currentIndex()), QStringLiteral("Siting"));
        QTableWidget *table = dock.sitingView()->curveTable();
        QCOMPARE(table->rowCount(), 4);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(table->item(i, 0)->text(), QString::number(int(expected[i].x())));
            QCOMPARE(table->item(i, 2)->text(), QLocale().toString(expected[i].y(), 'f', 0));
        }
#ifdef REFUGE_HAVE_CHARTS
        QCOMPARE(dock.sitingView()->chartPoints(), expected);
        for (qsizetype i = 1; i < expected.size(); ++i)
            QVERIFY(expected[i].y() >= expected[i - 1].y()); // each site adds, never takes away
#endif
        dock.resize(520, 640);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        dock.grab().save(QDir::temp().filePath(QStringLiteral("refuge_tst_siting.png")));
    }
};

QTEST_MAIN(TestSitingResults)
#include "tst_sitingresults.moc"
