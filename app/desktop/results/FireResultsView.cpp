#include "results/FireResultsView.h"

#include "results/KpiPanel.h"
#include "results/ResultChart.h"
#include "results/ResultFormat.h"
#include "results/ResultTableModel.h"
#include "results/ResultTableView.h"

#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

namespace refuge::desktop {

namespace {
using Kind = ResultColumn::Kind;
} // namespace

FireResultsView::FireResultsView(QWidget *parent) : QWidget(parent), m_kpis(new KpiPanel(this)), m_zoneTable(new ResultTableView(this))
{
    m_zoneTable->setObjectName(QStringLiteral("fireZoneTable"));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_zoneTable);
#ifdef REFUGE_HAVE_CHARTS
    m_zoneChart = new ResultChart(this);
    m_zoneChart->setObjectName(QStringLiteral("zoneChart"));
    auto *scroll = new QScrollArea(split);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    scroll->setWidget(m_zoneChart);
    split->addWidget(scroll);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
#endif
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_kpis);
    layout->addWidget(split, 1);
    connect(m_zoneTable, &ResultTableView::rowActivated, this, [this](int row) {
        const QRectF e = zoneExtent(row);
        if (e.isValid())
            emit zoomRequested(e);
    });
}

void FireResultsView::setResults(const FireRequest &request, const FireOutcome &outcome)
{
    fillKpis(request, outcome);
    fillZones(request, outcome);
    fillChart(outcome);
}

QRectF FireResultsView::zoneExtent(int row) const
{
    return row >= 0 && row < int(m_zoneExtents.size()) ? m_zoneExtents[std::size_t(row)] : QRectF();
}

void FireResultsView::fillKpis(const FireRequest &request, const FireOutcome &o)
{
    using ResultFormat::number;
    using ResultFormat::percent;
    m_kpis->clear();
    const QString limit = tr("%1 s").arg(number(request.responseLimitSeconds));
    if (o.totalPopulation > 0)
        m_kpis->addRow(tr("Residents reached within %1").arg(limit), number(o.reachedPopulation),
                       tr("%1 of %2").arg(percent(o.reachedShare()), number(o.totalPopulation)));
    m_kpis->addRow(tr("Area reached"), tr("%1 km²").arg(number(o.reachedAreaKm2, 2)),
                   tr("%1 of %2 km²").arg(percent(o.studyAreaKm2 > 0 ? o.reachedAreaKm2 / o.studyAreaKm2 : 0.0), number(o.studyAreaKm2, 2)));
    const CheckResult &rc = o.responseCheck;
    if (!rc.key.isEmpty())
        m_kpis->addRow(tr("Response limit"), limit,
                       (rc.pass ? tr("pass") : tr("fail")) + QStringLiteral(" — ") + ResultFormat::checkNote(rc, 0, QStringLiteral("s")),
                       rc.pass ? KpiPanel::Verdict::Pass : KpiPanel::Verdict::Fail, ResultFormat::citation(rc.citation));
    int failing = 0;
    for (const FireZoneRow &z : o.zones)
        failing += !z.areaCheck.key.isEmpty() && !z.areaCheck.pass ? 1 : 0;
    m_kpis->addRow(tr("Zones over the area limit"), number(failing), tr("of %1").arg(number(double(o.zones.size()))),
                   failing > 0 ? KpiPanel::Verdict::Fail : KpiPanel::Verdict::Pass);
    if (o.hasOfficial) {
        m_kpis->addRow(tr("Agreement with official districts"), percent(o.agreementAreaShare()),
                       tr("of the area · %1 of residents · differences: %2")
                           .arg(percent(o.agreementPopulationShare()), number(double(o.differences.size()))));
    }
    m_kpis->addNote(tr("%1 · turnout %2 s%3").arg(ResultFormat::methodName(request.method), number(request.turnoutSeconds),
                                                 request.suburban ? tr(" · suburban limits") : QString()));
    if (const QStringList notes = ResultFormat::messages(o.warnings); !notes.isEmpty())
        m_kpis->addNote(tr("Notes (%1): %2").arg(notes.size()).arg(notes.front()), notes.join(QLatin1Char('\n')));
}

void FireResultsView::fillZones(const FireRequest &request, const FireOutcome &o)
{
    auto rows = std::make_shared<std::vector<FireZoneRow>>(o.zones);
    for (FireZoneRow &z : *rows)
        z.zone = Geometry(); // the table needs no geometry; keep the extents only
    auto row = [rows](int r) -> const FireZoneRow & { return (*rows)[std::size_t(r)]; };
    std::vector<ResultColumn> columns{
        {tr("Station"), Kind::Text, 0, [row](int r) { return QVariant(row(r).name.isEmpty() ? row(r).station : row(r).name); }, {}},
        {tr("Grade"), Kind::Text, 0, [row](int r) { return QVariant(row(r).grade); }, {}},
        {tr("Zone km²"), Kind::Number, 2, [row](int r) { return QVariant(row(r).zoneAreaKm2); }, tr("First-due zone: where this station arrives first")},
        {tr("Limit km²"), Kind::Number, 1, [row](int r) { return row(r).areaCheck.key.isEmpty() ? QVariant() : QVariant(row(r).areaCheck.limit); }, {}},
        {tr("Check"), Kind::PassFail, 0, [row](int r) { return row(r).areaCheck.key.isEmpty() ? QVariant() : QVariant(row(r).areaCheck.pass); },
         o.zones.empty() ? QString() : ResultFormat::citation(o.zones.front().areaCheck.citation)},
        {tr("Population"), Kind::Number, 0, [row](int r) { return QVariant(row(r).population); }, {}},
        {tr("Reached"), Kind::Number, 0, [row](int r) { return QVariant(row(r).populationReached); }, tr("Residents reached within the response limit")},
    };
    if (o.hasOfficial)
        columns.push_back({tr("Agreement"), Kind::Percent, 0,
                           [row](int r) { return QVariant(row(r).officialAreaKm2 > 0 ? row(r).agreementAreaKm2 / row(r).officialAreaKm2 : 0.0); },
                           tr("Share of the official district where this station is also the computed first-due station")});
    m_zoneTable->resultModel()->setTable(std::move(columns), int(rows->size()));
    m_zoneTable->resultModel()->setHighlight([row](int r) { return !row(r).areaCheck.key.isEmpty() && !row(r).areaCheck.pass; });
    m_zoneTable->fitColumns();

    const double mpu = request.stations.crs.isValid() && request.stations.crs.metresPerUnit() > 0 ? request.stations.crs.metresPerUnit() : 1.0;
    const double d = kPointBufferMeters / mpu;
    m_zoneExtents.assign(o.zones.size(), QRectF());
    for (std::size_t i = 0; i < o.zones.size(); ++i) {
        if (!o.zones[i].zone.isEmpty()) {
            m_zoneExtents[i] = o.zones[i].zone.bounds();
            continue;
        }
        const int s = request.stations.indexOf(o.zones[i].station);
        if (s >= 0 && std::isfinite(request.stations.points[std::size_t(s)].x())) {
            const QPointF p = request.stations.points[std::size_t(s)];
            m_zoneExtents[i] = QRectF(p.x() - d, p.y() - d, 2 * d, 2 * d);
        }
    }
}

void FireResultsView::fillChart([[maybe_unused]] const FireOutcome &o)
{
#ifdef REFUGE_HAVE_CHARTS
    // Zone area as a share of its grade limit (limits of 7 km² dwarf small zones side by
    // side), highest first; over the limit red, a line at 100 %.
    auto ratio = [&](int i) {
        const FireZoneRow &z = o.zones[std::size_t(i)];
        return !z.areaCheck.key.isEmpty() && z.areaCheck.limit > 0 ? z.zoneAreaKm2 / z.areaCheck.limit : 0.0;
    };
    std::vector<int> order(o.zones.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return ratio(a) > ratio(b); });
    const int total = int(order.size());
    if (total > kMaxBars)
        order.resize(kMaxBars);
    QStringList labels;
    ChartSeries share{tr("Zone area ÷ limit"), {}, QColor(49, 130, 189), {}};
    for (int i : order) {
        const FireZoneRow &z = o.zones[std::size_t(i)];
        labels << (z.name.isEmpty() ? z.station : z.name);
        share.values.push_back(ratio(i));
        share.alert.push_back(!z.areaCheck.key.isEmpty() && !z.areaCheck.pass);
    }
    m_zoneChart->setBars(total > kMaxBars ? tr("Zone area as a share of the grade limit (highest %1 of %2)").arg(kMaxBars).arg(total)
                                          : tr("Zone area as a share of the grade limit"),
                         labels, {share}, true, 1.0);
#endif
}

} // namespace refuge::desktop
