#include "results/CoverageResultsView.h"

#include "results/KpiPanel.h"
#include "results/ResultChart.h"
#include "results/ResultFormat.h"
#include "results/ResultTableModel.h"
#include "results/ResultTableView.h"

#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>

namespace refuge::desktop {

namespace {

using Kind = ResultColumn::Kind;
const QString kOutside = QStringLiteral("(outside areas)");

// A table above its chart, the chart in a scroll area (it grows with the bar count).
QWidget *tableWithChart(ResultTableView *table, [[maybe_unused]] ResultChart *chart, QWidget *parent)
{
    auto *split = new QSplitter(Qt::Vertical, parent);
    split->setChildrenCollapsible(false);
    split->addWidget(table);
#ifdef REFUGE_HAVE_CHARTS
    auto *scroll = new QScrollArea(split);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    scroll->setWidget(chart);
    split->addWidget(scroll);
    split->setStretchFactor(0, 0); // the table as tall as its rows (up to ten), the chart the rest
    split->setStretchFactor(1, 1);
#endif
    return split;
}

// Covered residents for whom this is the nearest shelter, per place: over 1 the shelter is
// overloaded (assignment caps what it takes at its capacity; the rest overflow or wait).
double demandRatio(const CoverageFacilityRow &f)
{
    if (f.capacity > 0)
        return f.nearestPopulation / f.capacity;
    return f.nearestPopulation > 0 ? std::numeric_limits<double>::infinity() : 0.0;
}

bool isOverloaded(const CoverageFacilityRow &f) { return demandRatio(f) > 1.0; }

} // namespace

CoverageResultsView::CoverageResultsView(QWidget *parent)
    : QWidget(parent), m_kpis(new KpiPanel(this)), m_pages(new QTabWidget(this)), m_areaTable(new ResultTableView(this)),
      m_shelterTable(new ResultTableView(this))
{
    m_areaTable->setObjectName(QStringLiteral("coverageAreaTable"));
    m_shelterTable->setObjectName(QStringLiteral("coverageShelterTable"));
#ifdef REFUGE_HAVE_CHARTS
    m_coverageChart = new ResultChart(this);
    m_coverageChart->setObjectName(QStringLiteral("coverageChart"));
    m_loadChart = new ResultChart(this);
    m_loadChart->setObjectName(QStringLiteral("loadChart"));
#endif
    m_pages->setDocumentMode(true);
    m_pages->addTab(tableWithChart(m_areaTable, m_coverageChart, m_pages), tr("By area"));
    m_pages->addTab(tableWithChart(m_shelterTable, m_loadChart, m_pages), tr("By shelter"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_kpis);
    layout->addWidget(m_pages, 1);
    connect(m_areaTable, &ResultTableView::rowActivated, this, [this](int row) { zoomTo(areaExtent(row)); });
    connect(m_shelterTable, &ResultTableView::rowActivated, this, [this](int row) { zoomTo(shelterExtent(row)); });
}

void CoverageResultsView::setResults(const CoverageRequest &request, const CoverageOutcome &outcome)
{
    fillKpis(request, outcome);
    fillAreas(request, outcome);
    fillShelters(request, outcome);
    fillCharts(outcome);
}

QRectF CoverageResultsView::areaExtent(int row) const
{
    return row >= 0 && row < int(m_areaExtents.size()) ? m_areaExtents[std::size_t(row)] : QRectF();
}

QRectF CoverageResultsView::shelterExtent(int row) const
{
    return row >= 0 && row < int(m_shelterExtents.size()) ? m_shelterExtents[std::size_t(row)] : QRectF();
}

void CoverageResultsView::zoomTo(const QRectF &extent)
{
    if (extent.isValid())
        emit zoomRequested(extent);
}

void CoverageResultsView::fillKpis(const CoverageRequest &request, const CoverageOutcome &o)
{
    using ResultFormat::number;
    using ResultFormat::percent;
    m_kpis->clear();
    const CoverageResult &c = o.coverage;
    const QString limit = o.unit == QLatin1String("s") ? tr("%1 min").arg(number(o.limit / 60.0, o.limit < 600 ? 1 : 0))
                                                       : tr("%1 m").arg(number(o.limit));
    m_kpis->addRow(tr("Total population"), number(c.totalPopulation));
    m_kpis->addRow(tr("Within %1 of a shelter").arg(limit), number(c.coveredPopulation), percent(c.coveredShare()));
    m_kpis->addRow(tr("Assigned a place"), number(o.assignment.assigned), percent(c.totalPopulation > 0 ? o.assignment.assigned / c.totalPopulation : 0.0));
    m_kpis->addRow(tr("Unassigned"), number(o.assignment.unassigned()),
                   tr("no shelter in reach %1 · shelters full %2").arg(number(o.assignment.unassignedNoReach), number(o.assignment.unassignedFull)));
    const CheckResult &check = o.overall.supplyCheck;
    if (!check.key.isEmpty()) {
        const bool zh = QLocale().language() == QLocale::Chinese;
        const StandardValue &v = request.standard.value(check.key);
        if (!check.evaluated)
            m_kpis->addRow(zh && !v.labelZh.isEmpty() ? v.labelZh : tr("Shelter area per resident"), QStringLiteral("—"),
                           tr("not evaluated: %n shelter(s) without an effective area", nullptr, o.overall.sheltersWithoutArea),
                           KpiPanel::Verdict::None, ResultFormat::citation(check.citation));
        else
            m_kpis->addRow(zh && !v.labelZh.isEmpty() ? v.labelZh : tr("Shelter area per resident"),
                           tr("%1 m²").arg(number(o.overall.shelterAreaPerResident, 2)),
                           (check.pass ? tr("pass") : tr("fail")) + QStringLiteral(" — ") + ResultFormat::checkNote(check, 2, QStringLiteral("m²")),
                           check.pass ? KpiPanel::Verdict::Pass : KpiPanel::Verdict::Fail, ResultFormat::citation(check.citation));
    }
    const QString standard = QLocale().language() == QLocale::Chinese && !request.standard.nameZh().isEmpty() ? request.standard.nameZh()
                                                                                                              : request.standard.name();
    const QString assignment = ResultFormat::methodName(assignmentMethodName(o.assignment.method));
    m_kpis->addNote(tr("%1 · %2 assignment · standard: %3").arg(ResultFormat::methodName(o.method), assignment, standard));
    if (const QStringList notes = ResultFormat::messages(o.warnings); !notes.isEmpty())
        m_kpis->addNote(tr("Notes (%1): %2").arg(notes.size()).arg(notes.front()), notes.join(QLatin1Char('\n')));
}

void CoverageResultsView::fillAreas(const CoverageRequest &request, const CoverageOutcome &o)
{
    auto rows = std::make_shared<const std::vector<CoverageAreaRow>>(o.areas);
    auto row = [rows](int r) -> const CoverageAreaRow & { return (*rows)[std::size_t(r)]; };
    const QString outside = tr("(outside areas)");
    const QString clause = ResultFormat::citation(o.overall.supplyCheck.citation);
    std::vector<ResultColumn> columns{
        {tr("Area"), Kind::Text, 0, [row, outside](int r) { return QVariant(row(r).name == kOutside ? outside : row(r).name); }, {}},
        {tr("Population"), Kind::Number, 0, [row](int r) { return QVariant(row(r).population); }, {}},
        {tr("Covered"), Kind::Number, 0, [row](int r) { return QVariant(row(r).covered); }, {}},
        {tr("Covered %"), Kind::Percent, 1, [row](int r) { return QVariant(row(r).coveredShare()); }, {}},
        {tr("Assigned"), Kind::Number, 0, [row](int r) { return QVariant(row(r).assigned); }, {}},
        {tr("Unassigned"), Kind::Number, 0, [row](int r) { return QVariant(row(r).unassigned()); }, {}},
        {tr("m² per resident"), Kind::Number, 2, [row](int r) { return QVariant(row(r).shelterAreaPerResident); }, {}},
        {tr("Check"), Kind::PassFail, 0,
         [row](int r) { return row(r).supplyCheck.key.isEmpty() || !row(r).supplyCheck.evaluated ? QVariant() : QVariant(row(r).supplyCheck.pass); }, clause},
    };
    m_areaTable->resultModel()->setTable(std::move(columns), int(rows->size()));
    m_areaTable->fitColumns();
    m_areaExtents.assign(rows->size(), QRectF());
    for (std::size_t i = 0; i < rows->size() && int(i) < request.areas.size(); ++i)
        m_areaExtents[i] = request.areas.polygons[i].bounds();
    m_pages->setTabEnabled(0, !rows->empty());
}

void CoverageResultsView::fillShelters(const CoverageRequest &request, const CoverageOutcome &o)
{
    auto rows = std::make_shared<const std::vector<CoverageFacilityRow>>(o.facilities);
    auto row = [rows](int r) -> const CoverageFacilityRow & { return (*rows)[std::size_t(r)]; };
    std::vector<ResultColumn> columns{
        {tr("Shelter"), Kind::Text, 0, [row](int r) { return QVariant(row(r).name.isEmpty() ? row(r).id : row(r).name); }, {}},
        {tr("Area"), Kind::Text, 0, [row](int r) { return QVariant(row(r).area); }, {}},
        {tr("Capacity"), Kind::Number, 0, [row](int r) { return QVariant(row(r).capacity); }, {}},
        {tr("In reach"), Kind::Number, 0, [row](int r) { return QVariant(row(r).populationInReach); }, tr("Residents within the limit of this shelter")},
        {tr("Assigned"), Kind::Number, 0, [row](int r) { return QVariant(row(r).assigned); }, {}},
        {tr("Load"), Kind::Percent, 0, [row](int r) { return QVariant(row(r).loadRatio()); }, tr("Assigned ÷ capacity")},
        {tr("Demand ÷ capacity"), Kind::Percent, 0, [row](int r) { return QVariant(demandRatio(row(r))); },
         tr("Covered residents for whom this is the nearest shelter ÷ capacity; overloaded shelters (over 100 %) are highlighted")},
    };
    m_shelterTable->resultModel()->setTable(std::move(columns), int(rows->size()));
    m_shelterTable->resultModel()->setHighlight([row](int r) { return isOverloaded(row(r)); });
    m_shelterTable->fitColumns();
    const double mpu = request.facilities.crs.isValid() && request.facilities.crs.metresPerUnit() > 0 ? request.facilities.crs.metresPerUnit() : 1.0;
    const double d = kPointBufferMeters / mpu;
    m_shelterExtents.assign(rows->size(), QRectF());
    for (std::size_t i = 0; i < rows->size() && i < request.facilities.points.size(); ++i) {
        const QPointF p = request.facilities.points[i];
        if (std::isfinite(p.x()) && std::isfinite(p.y()))
            m_shelterExtents[i] = QRectF(p.x() - d, p.y() - d, 2 * d, 2 * d);
    }
}

void CoverageResultsView::fillCharts([[maybe_unused]] const CoverageOutcome &o)
{
#ifdef REFUGE_HAVE_CHARTS
    // Coverage share by area, lowest first (the places to look at).
    std::vector<int> areas;
    for (int i = 0; i < int(o.areas.size()); ++i)
        if (o.areas[std::size_t(i)].name != kOutside)
            areas.push_back(i);
    std::stable_sort(areas.begin(), areas.end(),
                     [&](int a, int b) { return o.areas[std::size_t(a)].coveredShare() < o.areas[std::size_t(b)].coveredShare(); });
    const int areaTotal = int(areas.size());
    if (areaTotal > kMaxBars)
        areas.resize(kMaxBars);
    QStringList labels;
    ChartSeries share{tr("Covered %"), {}, QColor(49, 130, 189), {}};
    for (int i : areas) {
        labels << o.areas[std::size_t(i)].name;
        share.values.push_back(o.areas[std::size_t(i)].coveredShare());
    }
    m_coverageChart->setBars(areaTotal > kMaxBars ? tr("Coverage share by area (lowest %1 of %2)").arg(kMaxBars).arg(areaTotal)
                                                  : tr("Coverage share by area"),
                             labels, {share}, true);

    // Shelter demand ÷ capacity, highest first; overloaded shelters red.
    std::vector<int> shelters; // a shelter without places but with residents nearby has no ratio: the table flags it
    for (int i = 0; i < int(o.facilities.size()); ++i)
        if (std::isfinite(demandRatio(o.facilities[std::size_t(i)])))
            shelters.push_back(i);
    std::stable_sort(shelters.begin(), shelters.end(),
                     [&](int a, int b) { return demandRatio(o.facilities[std::size_t(a)]) > demandRatio(o.facilities[std::size_t(b)]); });
    const int shelterTotal = int(shelters.size());
    if (shelterTotal > kMaxBars)
        shelters.resize(kMaxBars);
    labels.clear();
    ChartSeries load{tr("Demand ÷ capacity"), {}, QColor(49, 130, 189), {}};
    for (int i : shelters) {
        const CoverageFacilityRow &f = o.facilities[std::size_t(i)];
        labels << (f.name.isEmpty() ? f.id : f.name);
        load.values.push_back(demandRatio(f));
        load.alert.push_back(isOverloaded(f));
    }
    m_loadChart->setBars(shelterTotal > kMaxBars ? tr("Shelter load: nearest residents ÷ capacity (highest %1 of %2)").arg(kMaxBars).arg(shelterTotal)
                                                 : tr("Shelter load: nearest residents ÷ capacity"),
                         labels, {load}, true, 1.0);
#endif
}

} // namespace refuge::desktop
