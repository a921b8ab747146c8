// ResultsDock: KPIs, sortable per-area / per-shelter / per-zone tables, Qt Charts bars
// and zoom-on-click, on a hand-made coverage case (numbers worked out below), the
// hand-made fire case of tst_fire and the Cambridge sample (network coverage, fire).
// REFUGE_DOCK_SHOTS=DIR also saves screenshots (en and zh).
#include "AppTestSupport.h"
#include "ResultsTestSupport.h"
#include "analysis/CoverageAnalysis.h"
#include "analysis/FireCoverage.h"
#include "canvas/MapCanvas.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/ProjectController.h"
#include "model/Project.h"
#include "model/VectorLayer.h"
#include "results/CoverageResultsView.h"
#include "results/FireResultsView.h"
#include "results/KpiPanel.h"
#include "results/ResultFormat.h"
#include "results/ResultChart.h"
#include "results/ResultTableModel.h"
#include "results/ResultTableView.h"
#include "results/ResultsDock.h"
#include "analysis/CoverageNetwork.h"
#include "network/RoadGraphBuilder.h"
#include "render/FontResolver.h"
#include "util/Feedback.h"

#include <QMenuBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTranslator>
#include <cmath>

using namespace refuge;
using namespace refuge::desktop;
using refuge::test::cell;
using refuge::test::clickRow;
using refuge::test::shot;

namespace {

Geometry rect(double x0, double y0, double x1, double y1)
{
    return Geometry::polygon({{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}});
}

// Two areas side by side, 1 km squares; five demand points; two shelters; 800 m straight line.
//   (100,100) 1000  North  → S1 71 m                  covered, assigned 1000 to S1
//   (900,900) 2000  North  → S2 806 m (beyond 800)    not covered, no shelter in reach
//   (1100,100) 3000 南区   → S2 640 m                  covered, S2 full → unassigned
//   (1900,900) 4000 南区   → S2 500 m                  covered, 1000 to S2 (its capacity), 3000 full
//   (3000,3000) 500 outside                            not covered
// Totals: 10,500 people, 8,000 covered, 2,000 assigned, 8,500 unassigned (2,500 + 6,000).
CoverageRequest coverageRequest()
{
    Feedback fb;
    CoverageRequest q;
    const Crs crs = Crs::fromEpsg(26986);
    q.demand.crs = crs;
    q.demand.add({100, 100}, 1000, 0);
    q.demand.add({900, 900}, 2000, 1);
    q.demand.add({1100, 100}, 3000, 2);
    q.demand.add({1900, 900}, 4000, 3);
    q.demand.add({3000, 3000}, 500, 4);
    q.facilities.crs = crs;
    q.facilities.points = {{150, 150}, {1600, 500}};
    q.facilities.ids = QStringList{QStringLiteral("S1"), QStringLiteral("S2")};
    q.facilities.names = QStringList{QStringLiteral("Shelter One"), QStringLiteral("Shelter Two")};
    q.facilities.capacity = {2500, 1000};
    q.facilities.areaM2 = {FacilityTable::kUnknown, FacilityTable::kUnknown};
    q.facilities.grades = QStringList{QString(), QString()};
    q.facilities.turnoutSeconds = {FacilityTable::kUnknown, FacilityTable::kUnknown};
    q.areas.crs = crs;
    q.areas.polygons = {rect(0, 0, 1000, 1000), rect(1000, 0, 2000, 1000)};
    q.areas.names = QStringList{QStringLiteral("North"), QStringLiteral("南区")};
    q.costs = CoverageCosts::euclidean(q.demand.points, q.facilities.points, 800, 1.0, 1.0, {}, fb);
    q.costs.method = QStringLiteral("straight line");
    q.standard = StandardsProfile::load(QStringLiteral("shanghai"));
    // No shelter has an area: take capacity × the space per evacuee (--area-from-capacity), as asked.
    q.areaFromCapacityM2 = q.standard.number(QStringLiteral("shelter.space_per_evacuee_m2"));
    return q;
}

// The fire case of tests/core/analysis/tst_fire.cpp: two stations, a 4 × 2 grid of 100 m cells.
FireRequest fireRequest()
{
    Feedback fb;
    FireRequest q;
    q.stations.crs = Crs::fromEpsg(26986);
    q.stations.points = {{50, 100}, {350, 100}};
    q.stations.ids = QStringList{QStringLiteral("E1"), QStringLiteral("E2")};
    q.stations.names = QStringList{QStringLiteral("Engine 1"), QStringLiteral("Engine 2")};
    q.stations.grades = QStringList{QStringLiteral("一级"), QString()};
    q.grid = FireGrid::over(rect(0, 0, 400, 200), 100, 1.0, fb);
    for (const QPointF &c : q.grid.centres) {
        q.gridCosts.station.push_back(c.x() < 200 ? 0 : 1);
        q.gridCosts.seconds.push_back(c.x() == 350 && c.y() == 150 ? 400.f : 120.f);
    }
    q.demand.crs = q.stations.crs;
    q.demand.add({50, 50}, 100, 0);
    q.demand.add({250, 50}, 50, 1);
    q.demandCosts.station = {0, 1};
    q.demandCosts.seconds = {100, 350};
    q.official.crs = q.stations.crs;
    q.official.polygons = {rect(0, 0, 300, 200), rect(300, 0, 400, 200)};
    q.official.names = QStringList{QStringLiteral("E1"), QStringLiteral("E2")};
    q.standard = StandardsProfile::load(QStringLiteral("shanghai"));
    q.responseLimitSeconds = 300;
    q.method = QStringLiteral("straight line");
    return q;
}

} // namespace

class TestResultsDock : public QObject {
    Q_OBJECT
    CoverageRequest m_q;
    CoverageOutcome m_o;
    FireRequest m_fq;
    FireOutcome m_fo;

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        Feedback fb;
        m_q = coverageRequest();
        m_o = CoverageAnalysis::run(m_q, fb);
        QCOMPARE(m_o.coverage.totalPopulation, 10500.0);
        QCOMPARE(m_o.coverage.coveredPopulation, 8000.0);
        QCOMPARE(m_o.assignment.assigned, 2000.0);
        m_fq = fireRequest();
        m_fo = FireCoverage::run(m_fq, fb);
    }

    void cleanup()
    {
        // A failed comparison leaves the test early: never carry its locale into the next.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void tabsAppearWithData()
    {
        ResultsDock dock;
        QCOMPARE(dock.windowTitle(), QStringLiteral("Results"));
        QCOMPARE(dock.tabs()->count(), 0);
        dock.showFire(m_fq, m_fo);
        QCOMPARE(dock.tabs()->count(), 1);
        QCOMPARE(dock.tabs()->tabText(0), QStringLiteral("Fire"));
        dock.showCoverage(m_q, m_o);
        QCOMPARE(dock.tabs()->count(), 2);
        QCOMPARE(dock.tabs()->tabText(0), QStringLiteral("Coverage")); // coverage first
        QCOMPARE(dock.tabs()->currentIndex(), 0);
        dock.showCoverage(m_q, m_o); // again: same tabs
        QCOMPARE(dock.tabs()->count(), 2);
    }

    void coverageKpis()
    {
        ResultsDock dock;
        dock.showCoverage(m_q, m_o);
        const KpiPanel *k = dock.coverageView()->kpis();
        QCOMPARE(k->rowText(0), QStringLiteral("Total population | 10,500 | "));
        QCOMPARE(k->rowText(1), QStringLiteral("Within 800 m of a shelter | 8,000 | 76.2 %"));
        QCOMPARE(k->rowText(2), QStringLiteral("Assigned a place | 2,000 | 19.0 %"));
        QCOMPARE(k->rowText(3), QStringLiteral("Unassigned | 8,500 | no shelter in reach 2,500 · shelters full 6,000"));
        // Per-capita shelter area: 3,500 persons × the profile's space per evacuee over 10,500 residents.
        const double space = m_q.standard.number(QStringLiteral("shelter.space_per_evacuee_m2"));
        const double perResident = 3500 * space / 10500;
        QCOMPARE(m_o.overall.shelterAreaPerResident, perResident);
        const QString row4 = k->rowText(4);
        QVERIFY2(row4.contains(QStringLiteral("%1 m²").arg(QLocale().toString(perResident, 'f', 2))), qPrintable(row4));
        QVERIFY2(row4.contains(m_o.overall.supplyCheck.pass ? QStringLiteral("pass — ") : QStringLiteral("fail — ")), qPrintable(row4));
        QVERIFY2(row4.contains(m_o.overall.supplyCheck.citation), qPrintable(row4)); // the clause
    }

    void areaTable()
    {
        ResultsDock dock;
        dock.showCoverage(m_q, m_o);
        ResultTableView *t = dock.coverageView()->areaTable();
        QCOMPARE(t->proxy()->rowCount(), 3);
        QCOMPARE(t->proxy()->columnCount(), 8);
        const QStringList north{"North", "3,000", "1,000", "33.3 %", "1,000", "2,000"};
        const QStringList south{"南区", "7,000", "7,000", "100.0 %", "1,000", "6,000"};
        const QStringList outside{"(outside areas)", "500", "0", "0.0 %", "0", "500"};
        for (int c = 0; c < north.size(); ++c) {
            QCOMPARE(cell(t, 0, c), north[c]);
            QCOMPARE(cell(t, 1, c), south[c]);
            QCOMPARE(cell(t, 2, c), outside[c]);
        }
        // Sorting is numeric on the raw values, not on the text ("7,000" > "500").
        t->sortByColumn(1, Qt::DescendingOrder);
        QCOMPARE(cell(t, 0, 0), QStringLiteral("南区"));
        QCOMPARE(cell(t, 2, 0), QStringLiteral("(outside areas)"));
        t->sortByColumn(3, Qt::AscendingOrder);
        QCOMPARE(cell(t, 0, 0), QStringLiteral("(outside areas)"));
        QCOMPARE(cell(t, 1, 0), QStringLiteral("North"));
        QCOMPARE(cell(t, 2, 3), QStringLiteral("100.0 %"));
        // The check column is coloured and carries the clause in its header tool tip.
        const QString header = t->proxy()->headerData(7, Qt::Horizontal, Qt::ToolTipRole).toString();
        QCOMPARE(header, m_o.overall.supplyCheck.citation);
        QVERIFY(!header.isEmpty());
    }

    void shelterTable()
    {
        ResultsDock dock;
        dock.showCoverage(m_q, m_o);
        ResultTableView *t = dock.coverageView()->shelterTable();
        QCOMPARE(t->proxy()->rowCount(), 2);
        QCOMPARE(cell(t, 0, 0), QStringLiteral("Shelter One"));
        QCOMPARE(cell(t, 0, 1), QStringLiteral("North"));
        QCOMPARE(cell(t, 0, 2), QStringLiteral("2,500"));
        QCOMPARE(cell(t, 0, 3), QStringLiteral("1,000")); // in reach: the point at 71 m
        QCOMPARE(cell(t, 0, 4), QStringLiteral("1,000"));
        QCOMPARE(cell(t, 0, 5), QStringLiteral("40 %"));
        QCOMPARE(cell(t, 1, 1), QStringLiteral("南区"));
        QCOMPARE(cell(t, 1, 3), QStringLiteral("7,000"));
        QCOMPARE(cell(t, 1, 5), QStringLiteral("100 %"));
        // Demand ÷ capacity: covered residents nearest to it per place — 7,000 for 1,000 places.
        QCOMPARE(cell(t, 0, 6), QStringLiteral("40 %"));
        QCOMPARE(cell(t, 1, 6), QStringLiteral("700 %"));
        // The overloaded shelter is highlighted, the other not.
        QVERIFY(!t->proxy()->index(0, 0).data(Qt::BackgroundRole).isValid());
        QVERIFY(t->proxy()->index(1, 0).data(Qt::BackgroundRole).isValid());
        t->sortByColumn(5, Qt::DescendingOrder);
        QCOMPARE(cell(t, 0, 0), QStringLiteral("Shelter Two"));
    }

    void charts()
    {
#ifndef REFUGE_HAVE_CHARTS
        QSKIP("built without Qt Charts: the dock shows tables only");
#else
        ResultsDock dock;
        dock.showCoverage(m_q, m_o);
        const ResultChart *cov = dock.coverageView()->coverageChart();
        QVERIFY(cov);
        // Areas only (not "outside"), lowest coverage first.
        QCOMPARE(cov->labels(), (QStringList{QStringLiteral("North"), QStringLiteral("南区")}));
        QCOMPARE(cov->seriesCount(), 1);
        QCOMPARE(cov->value(0, 0), 33.3); // 1,000 of 3,000, as labelled
        QCOMPARE(cov->value(0, 1), 100.0);
        QVERIFY(!cov->hasReferenceLine());
        const ResultChart *load = dock.coverageView()->loadChart();
        QCOMPARE(load->labels(), (QStringList{QStringLiteral("Shelter Two"), QStringLiteral("Shelter One")}));
        QCOMPARE(load->value(0, 0), 700.0);
        QCOMPARE(load->value(0, 1), 40.0);
        QVERIFY(load->hasReferenceLine());
        const ResultChart *fire = nullptr;
        dock.showFire(m_fq, m_fo);
        fire = dock.fireView()->zoneChart();
        QCOMPARE(fire->seriesCount(), 1);
        QCOMPARE(fire->labels().size(), 2);
        QCOMPARE(m_fo.zones[0].areaCheck.limit, 7.0);
        QCOMPARE(fire->value(0, 0), 0.571); // 0.04 km² ÷ 7 km², in percent
        QVERIFY(fire->hasReferenceLine());
#endif
    }

    void clickZooms()
    {
        ResultsDock dock;
        dock.resize(700, 800);
        dock.showCoverage(m_q, m_o);
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QSignalSpy zoom(&dock, &ResultsDock::zoomRequested);
        ResultTableView *areas = dock.coverageView()->areaTable();
        areas->sortByColumn(1, Qt::DescendingOrder); // 南区 first
        clickRow(areas, 0);
        QCOMPARE(zoom.count(), 1);
        QCOMPARE(zoom.takeFirst().at(0).toRectF(), QRectF(1000, 0, 1000, 1000));
        clickRow(areas, 2); // outside every area: nothing to zoom to
        QCOMPARE(zoom.count(), 0);
        dock.coverageView()->pages()->setCurrentIndex(1);
        ResultTableView *shelters = dock.coverageView()->shelterTable();
        clickRow(shelters, 0); // Shelter One at (150, 150): 500 m around it
        QCOMPARE(zoom.count(), 1);
        QCOMPARE(zoom.takeFirst().at(0).toRectF(), QRectF(-350, -350, 1000, 1000));
        shelters->setCurrentIndex(shelters->proxy()->index(1, 0));
        QTest::keyClick(shelters, Qt::Key_Return);
        QCOMPARE(zoom.takeFirst().at(0).toRectF(), QRectF(1100, 0, 1000, 1000));

        dock.showFire(m_fq, m_fo);
        ResultTableView *zones = dock.fireView()->zoneTable();
        QTRY_VERIFY(zones->isVisible());
        clickRow(zones, 1);
        QCOMPARE(zoom.count(), 1);
        QCOMPARE(zoom.takeFirst().at(0).toRectF(), m_fo.zones[1].zone.bounds());
        QCOMPARE(m_fo.zones[1].zone.bounds(), QRectF(200, 0, 200, 200));
    }

    void fireTab()
    {
        ResultsDock dock;
        dock.showFire(m_fq, m_fo);
        const KpiPanel *k = dock.fireView()->kpis();
        QCOMPARE(k->rowText(0), QStringLiteral("Residents reached within 300 s | 100 | 66.7 % of 150"));
        QCOMPARE(k->rowText(1), QStringLiteral("Area reached | 0.07 km² | 87.5 % of 0.08 km²"));
        QVERIFY2(k->rowText(2).startsWith(QStringLiteral("Response limit | 300 s | pass — ≤ 300 s")), qPrintable(k->rowText(2)));
        QCOMPARE(k->rowText(3), QStringLiteral("Zones over the area limit | 0 | of 2"));
        QCOMPARE(k->rowText(4), QStringLiteral("Agreement with official districts | 75.0 % | of the area · 66.7 % of residents · differences: 1"));
        ResultTableView *t = dock.fireView()->zoneTable();
        QCOMPARE(t->proxy()->rowCount(), 2);
        QCOMPARE(t->proxy()->columnCount(), 8); // with the official districts' agreement
        const QStringList e1{"Engine 1", "一级", "0.04", "7.0", "pass", "100", "100", "67 %"};
        for (int c = 0; c < e1.size(); ++c)
            QCOMPARE(cell(t, 0, c), e1[c]);
        QCOMPARE(cell(t, 1, 5), QStringLiteral("50"));
        QCOMPARE(cell(t, 1, 6), QStringLiteral("0"));
        t->sortByColumn(5, Qt::AscendingOrder);
        QCOMPARE(cell(t, 0, 0), QStringLiteral("Engine 2"));
    }

    void failingZoneHighlighted()
    {
        FireRequest q = m_fq;
        q.standard.applyOverrides(QJsonObject{{"fire.district_km2.default", 0.03}});
        Feedback fb;
        const FireOutcome o = FireCoverage::run(q, fb);
        FireResultsView view;
        view.setResults(q, o);
        QCOMPARE(cell(view.zoneTable(), 1, 4), QStringLiteral("fail"));
        QVERIFY(view.zoneTable()->proxy()->index(1, 0).data(Qt::BackgroundRole).isValid());
        QCOMPARE(view.kpis()->rowText(3), QStringLiteral("Zones over the area limit | 1 | of 2"));
#ifdef REFUGE_HAVE_CHARTS
        // Engine 2 (0.04 km² over 0.03) leads, at 133 %.
        QCOMPARE(view.zoneChart()->labels().front(), QStringLiteral("Engine 2"));
        QCOMPARE(view.zoneChart()->value(0, 0), 133.0);
#endif
    }

    void mainWindowWiring()
    {
        MainWindow window;
        window.setInteractive(false);
        ResultsDock *dock = window.resultsDock();
        QVERIFY(dock);
        QVERIFY(!dock->isVisible());
        QStringList file;
        for (QAction *a : window.menuBar()->actions())
            if (a->text() == QLatin1String("&File"))
                for (QAction *f : a->menu()->actions())
                    file << f->text();
        QVERIFY2(file.contains(QStringLiteral("Export &Report…")), qPrintable(file.join(QLatin1Char(','))));
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        dock->showCoverage(m_q, m_o);
        QVERIFY(dock->isVisible());
        emit dock->zoomRequested(QRectF(1000, 0, 1000, 1000));
        const QRectF e = window.canvas()->extent();
        QVERIFY2(e.contains(QRectF(1000, 0, 1000, 1000).adjusted(1, 1, -1, -1)),
                 qPrintable(QStringLiteral("%1 %2 %3 %4").arg(e.x()).arg(e.y()).arg(e.width()).arg(e.height())));
        QVERIFY(e.width() < 3000 && e.height() < 3000);
    }

    void chinese()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(REFUGE_QM_DIR "/refuge_zh_CN.qm")));
        QCoreApplication::installTranslator(&translator);
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        {
            ResultsDock dock;
            dock.resize(560, 900);
            dock.showCoverage(m_q, m_o);
            dock.showFire(m_fq, m_fo);
            QCOMPARE(dock.windowTitle(), QStringLiteral("分析结果"));
            QCOMPARE(dock.tabs()->tabText(0), QStringLiteral("避难场所覆盖"));
            QCOMPARE(dock.tabs()->tabText(1), QStringLiteral("消防覆盖"));
            const ResultTableView *t = dock.coverageView()->areaTable();
            QCOMPARE(t->proxy()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("人口"));
            QCOMPARE(cell(t, 1, 1), QStringLiteral("7,000"));
            QCOMPARE(cell(t, 2, 0), QStringLiteral("（区域之外）"));
            QCOMPARE(cell(t, 0, 7), QStringLiteral("不达标"));
            QVERIFY(dock.coverageView()->kpis()->rowText(0).startsWith(QStringLiteral("总人口 | 10,500")));
#ifdef REFUGE_HAVE_CHARTS
            // Chart text falls back to the CJK family FontResolver picks (Qt Charts' own fallback
            // shows boxes offscreen); Latin letters and digits come first from a Latin family.
            if (!FontResolver::cjkFamily().isEmpty()) {
                QVERIFY(dock.coverageView()->coverageChart()->chart()->titleFont().families().contains(FontResolver::cjkFamily()));
                QVERIFY(dock.coverageView()->coverageChart()->chart()->axes(Qt::Vertical).front()->labelsFont().families().contains(FontResolver::cjkFamily()));
            }
#endif
            dock.tabs()->setCurrentIndex(0);
            shot(&dock, QStringLiteral("dock-coverage-zh.png"));
            dock.coverageView()->pages()->setCurrentIndex(1);
            shot(&dock, QStringLiteral("dock-shelters-zh.png"));
            dock.tabs()->setCurrentIndex(1);
            shot(&dock, QStringLiteral("dock-fire-zh.png"));
        }
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCoreApplication::removeTranslator(&translator);
    }

    void screenshotsEnglish()
    {
        if (qEnvironmentVariable("REFUGE_DOCK_SHOTS").isEmpty())
            QSKIP("set REFUGE_DOCK_SHOTS=DIR to save screenshots");
        ResultsDock dock;
        dock.resize(560, 900);
        dock.showCoverage(m_q, m_o);
        dock.showFire(m_fq, m_fo);
        dock.tabs()->setCurrentIndex(0);
        shot(&dock, QStringLiteral("dock-coverage-en.png"));
        dock.coverageView()->pages()->setCurrentIndex(1);
        shot(&dock, QStringLiteral("dock-shelters-en.png"));
        dock.tabs()->setCurrentIndex(1);
        shot(&dock, QStringLiteral("dock-fire-en.png"));
    }

    // The sample's walk coverage built as `refuge-cli run` builds it (800 m on the streets,
    // 15 shelters, nearest assignment): the dock shows the documented figures.
    void cambridgeNetworkFigures()
    {
        const QString gpkg = test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg"));
        const Crs crs = Crs::fromEpsg(26986);
        Feedback fb;
        RoadGraphOptions go;
        go.source = DataSource{gpkg, QStringLiteral("streets")};
        go.profile = Profile::load(QStringLiteral("walk"));
        go.crs = crs;
        go.onewayField = QStringLiteral("Direction");
        go.useCache = false;
        const RoadGraph graph = RoadGraphBuilder::open(go, &fb);
        LoadOptions lo;
        lo.targetCrs = crs;
        const VectorLayer shelters = VectorLayer::load(DataSource{gpkg, QStringLiteral("shelters")}, lo);
        CoverageRequest q;
        q.facilities = FacilityTable::fromLayer(shelters, {QStringLiteral("Name"), QStringLiteral("Name"), QStringLiteral("Capacity"), {}, {}, {}});
        q.demand = Demand::fromLayer(VectorLayer::load(DataSource{gpkg, QStringLiteral("blocks_2000")}, lo), QStringLiteral("POP_LAB"), 0, fb);
        q.areas = CoverageAreas::fromLayer(VectorLayer::load(DataSource{gpkg, QStringLiteral("neighborhoods")}, lo), QStringLiteral("NAME"));
        q.standard = StandardsProfile::load(QStringLiteral("shanghai"));
        const Snapper snapper(graph);
        const SnappedLayer snapped = snapper.snapAll(Snapper::representativePoints(shelters, crs), 300, &fb);
        std::vector<NetworkSource> sources(snapped.points.size());
        for (std::size_t i = 0; i < sources.size(); ++i)
            sources[i] = {snapped.points[i], 0.0};
        RoutingOptions ro;
        ro.unit = CostUnit::Meters;
        ro.limit = 800;
        q.costs = CoverageNetwork::costs(graph, sources, snapped, CoverageNetwork::snapAll(snapper, q.demand.points, 300, fb), ro, fb);
        const CoverageOutcome o = CoverageAnalysis::run(q, fb);

        ResultsDock dock;
        dock.showCoverage(q, o);
        const KpiPanel *k = dock.coverageView()->kpis();
        QCOMPARE(k->rowText(0), QStringLiteral("Total population | 101,355 | "));
        QVERIFY2(k->rowText(1).startsWith(QStringLiteral("Within 800 m of a shelter | 52,529 | ")), qPrintable(k->rowText(1)));
        QVERIFY2(k->rowText(2).startsWith(QStringLiteral("Assigned a place | 10,457 | ")), qPrintable(k->rowText(2)));
        QVERIFY2(k->rowText(5).startsWith(QStringLiteral("network (walk) · nearest assignment")), qPrintable(k->rowText(5)));
        QCOMPARE(dock.coverageView()->shelterTable()->proxy()->rowCount(), 15);
        // The per-area table adds up to the headline figures.
        const ResultTableView *areas = dock.coverageView()->areaTable();
        double covered = 0, assigned = 0;
        for (int r = 0; r < areas->proxy()->rowCount(); ++r) {
            covered += areas->proxy()->index(r, 2).data(ResultTableModel::SortRole).toDouble();
            assigned += areas->proxy()->index(r, 4).data(ResultTableModel::SortRole).toDouble();
        }
        QCOMPARE(qRound(covered), 52529);
        QCOMPARE(qRound(assigned), 10457);
    }

    // Cambridge fire response in straight lines (30 km/h + 60 s turnout, 100 m grid over the
    // official engine districts): one row per station, zone populations adding up.
    void cambridgeFire()
    {
        const QString gpkg = test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg"));
        LoadOptions lo;
        lo.targetCrs = Crs::fromEpsg(26986);
        Feedback fb;
        FireRequest q;
        q.standard = StandardsProfile::load(QStringLiteral("shanghai"));
        q.stations = FacilityTable::fromLayer(VectorLayer::load(DataSource{gpkg, QStringLiteral("fire_stations")}, lo),
                                              {QStringLiteral("ENGINE"), QStringLiteral("SITE_NAME"), {}, {}, {}, {}});
        q.demand = Demand::fromLayer(VectorLayer::load(DataSource{gpkg, QStringLiteral("blocks_2000")}, lo), QStringLiteral("POP_LAB"), 0, fb);
        q.official = CoverageAreas::fromLayer(VectorLayer::load(DataSource{gpkg, QStringLiteral("engine_districts")}, lo), QStringLiteral("ENGINE"));
        GEOSContextHandle_t ctx = geosContext();
        std::vector<GEOSGeometry *> parts;
        for (const Geometry &g : q.official.polygons)
            parts.push_back(g.toGeos().release());
        GeosGeom all(GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, parts.data(), unsigned(parts.size())));
        GeosGeom study(GEOSUnaryUnion_r(ctx, all.get()));
        q.grid = FireGrid::over(Geometry::fromGeos(study.get()), 100, 1.0, fb);
        auto nearest = [&](const std::vector<QPointF> &pts) {
            NearestCosts c;
            for (const QPointF &p : pts) {
                c.seconds.push_back(std::numeric_limits<float>::infinity());
                c.station.push_back(-1);
                for (int s = 0; s < q.stations.size(); ++s) {
                    const QPointF f = q.stations.points[std::size_t(s)];
                    const float t = float(std::hypot(f.x() - p.x(), f.y() - p.y()) / (30 / 3.6) + 60);
                    if (t < c.seconds.back()) {
                        c.seconds.back() = t;
                        c.station.back() = s;
                    }
                }
            }
            return c;
        };
        q.gridCosts = nearest(q.grid.centres);
        q.demandCosts = nearest(q.demand.points);
        q.method = QStringLiteral("straight line");
        const FireOutcome o = FireCoverage::run(q, fb);
        QVERIFY(o.hasOfficial);

        ResultsDock dock;
        dock.resize(560, 900);
        dock.showFire(q, o);
        const ResultTableView *t = dock.fireView()->zoneTable();
        QCOMPARE(t->proxy()->rowCount(), q.stations.size());
        double population = 0;
        for (int r = 0; r < t->proxy()->rowCount(); ++r)
            population += t->proxy()->index(r, 5).data(ResultTableModel::SortRole).toDouble();
        QCOMPARE(qRound(population), 101355);
        QCOMPARE(qRound(o.totalPopulation), 101355);
        const QString agreement = dock.fireView()->kpis()->rowText(4);
        QVERIFY2(agreement.startsWith(QStringLiteral("Agreement with official districts | %1 | ").arg(ResultFormat::percent(o.agreementAreaShare()))),
                 qPrintable(agreement));
        shot(&dock, QStringLiteral("dock-cambridge-fire-en.png"));
    }

};

QTEST_MAIN(TestResultsDock)
#include "tst_resultsdock.moc"
