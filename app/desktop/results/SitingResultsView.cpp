#include "results/SitingResultsView.h"

#include "render/FontResolver.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>
#include <utility>

#ifdef REFUGE_HAVE_CHARTS
#include <QChartView>
#include <QLineSeries>
#include <QValueAxis>
#endif

namespace refuge::desktop {

namespace {

// The curve's value for k: covered people for the covering models, else the objective.
bool coveringModel(SitingModel m) { return m == SitingModel::Mclp || m == SitingModel::Lscp || m == SitingModel::Backup; }

double curveValue(const SitingResult &r, const SitingCurvePoint &p) { return coveringModel(r.model) ? p.coveredPopulation : p.objective; }

QTableWidgetItem *cell(const QString &text, bool number = true)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

SitingResultsView::SitingResultsView(QWidget *parent) : QWidget(parent), m_headline(new QLabel(this)), m_curve(new QTableWidget(this))
{
    setObjectName(QStringLiteral("SitingResultsView"));
    m_headline->setWordWrap(true);
    m_curve->setObjectName(QStringLiteral("sitingCurve"));
    m_curve->verticalHeader()->hide();
    m_curve->setColumnCount(5);
    m_curve->setHorizontalHeaderLabels({tr("New sites"), tr("Objective"), tr("People covered"), tr("Share"), tr("Solver")});
    m_curve->horizontalHeader()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
#ifdef REFUGE_HAVE_CHARTS
    auto *view = new QChartView(new QChart, this);
    view->setObjectName(QStringLiteral("sitingChart"));
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(180);
    m_chart = view;
    layout->addWidget(view, 1);
#endif
    layout->addWidget(m_curve, 1);
}

QString SitingResultsView::solverText(const QString &solver)
{
    // core/analysis/siting/Siting.cpp's fragments, longest first.
    const std::pair<const char *, QString> parts[] = {
        {", stopped: best solution found (heuristic start included)", tr(", stopped: best solution found (heuristic start included)")},
        {", proven infeasible: heuristic solution given", tr(", proven infeasible: heuristic solution given")},
        {"heuristic (greedy + Teitz-Bart swap)", tr("heuristic (greedy + Teitz-Bart swap)")},
        {"existing sites only", tr("existing sites only")},
        {"exact (CBC)", tr("exact (CBC)")},
    };
    QString out = solver;
    for (const auto &[english, local] : parts)
        out.replace(QLatin1String(english), local);
    return out;
}

void SitingResultsView::setResults(const SitingJobResult &job)
{
    const SitingResult &r = job.result;
    const QLocale l;
    const bool covering = coveringModel(r.model);
    const double total = job.summary.value(QStringLiteral("total_population")).toDouble();
    m_headline->setText(tr("%1: %2 new sites, people covered %3 of %4; solver %5")
                            .arg(job.summary.value(QStringLiteral("model")).toString().toUpper())
                            .arg(job.summary.value(QStringLiteral("k")).toInt())
                            .arg(l.toString(job.summary.value(QStringLiteral("covered_population")).toDouble(), 'f', 0), l.toString(total, 'f', 0),
                                 solverText(job.summary.value(QStringLiteral("solver")).toString())));
    m_curve->setRowCount(int(r.curve.size()));
    for (int i = 0; i < int(r.curve.size()); ++i) {
        const SitingCurvePoint &p = r.curve[std::size_t(i)];
        m_curve->setItem(i, 0, cell(QString::number(p.k)));
        m_curve->setItem(i, 1, cell(l.toString(p.objective, 'f', 0)));
        m_curve->setItem(i, 2, cell(l.toString(p.coveredPopulation, 'f', 0)));
        m_curve->setItem(i, 3, cell(total > 0 ? l.toString(100.0 * p.coveredPopulation / total, 'f', 1) + QStringLiteral(" %") : QStringLiteral("—")));
        m_curve->setItem(i, 4, cell(solverText(p.solver), false));
    }
    m_curve->resizeColumnsToContents();
#ifdef REFUGE_HAVE_CHARTS
    auto *view = static_cast<QChartView *>(m_chart);
    QChart *chart = view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    auto *series = new QLineSeries;
    series->setPointsVisible(true);
    double top = 0;
    for (const SitingCurvePoint &p : r.curve) {
        const double v = curveValue(r, p);
        if (std::isfinite(v)) {
            series->append(p.k, v);
            top = std::max(top, v);
        }
    }
    const QString valueTitle = covering ? tr("People covered") : tr("Objective");
    series->setName(valueTitle);
    chart->addSeries(series);
    auto *x = new QValueAxis;
    x->setTitleText(tr("New sites (k)"));
    x->setLabelFormat(QStringLiteral("%d"));
    x->setRange(0, std::max(1, r.curve.empty() ? 1 : r.curve.back().k));
    x->setTickCount(std::min(11, std::max(2, (r.curve.empty() ? 1 : r.curve.back().k) + 1)));
    auto *y = new QValueAxis;
    y->setTitleText(valueTitle);
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setRange(0, top > 0 ? top * 1.05 : 1);
    y->applyNiceNumbers(); // round ticks (0, 20,000, 40,000 …)
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->hide();
    const QFont font = FontResolver::fontFor(valueTitle + x->titleText(), QString(), 8);
    x->setTitleFont(font);
    y->setTitleFont(font);
    x->setLabelsFont(font);
    y->setLabelsFont(font);
    chart->setTitle(tr("What each additional site buys"));
    chart->setTitleFont(font);
#endif
}

QList<QPointF> SitingResultsView::chartPoints() const
{
#ifdef REFUGE_HAVE_CHARTS
    const auto *view = static_cast<const QChartView *>(m_chart);
    for (QAbstractSeries *s : view->chart()->series())
        if (auto *line = qobject_cast<QLineSeries *>(s))
            return line->points();
#endif
    return {};
}

} // namespace refuge::desktop
