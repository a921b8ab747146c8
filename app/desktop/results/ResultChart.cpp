#include "results/ResultChart.h"

#ifdef REFUGE_HAVE_CHARTS
#include "render/FontResolver.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QHorizontalBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace refuge::desktop {

namespace {
// Each label on one line, at most `max` characters (long community names would squeeze the bars).
QString shortLabel(const QString &s, int max = 22)
{
    return s.size() <= max ? s : s.left(max - 1) + QChar(0x2026);
}
// The value as its bar label shows it: 3 significant digits, but never in exponent form
// (8413 %, 33.3 %, 0.571 %).
double roundForLabel(double v)
{
    if (v == 0)
        return 0;
    const int digits = std::max(0, 2 - int(std::floor(std::log10(std::abs(v)))));
    const double f = std::pow(10.0, digits);
    return std::round(v * f) / f;
}
} // namespace

// The chart is given at construction: QChartView(QWidget *) makes a default chart that a
// later setChart() would release without deleting.
ResultChart::ResultChart(QWidget *parent) : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    chart()->setAnimationOptions(QChart::NoAnimation);
    chart()->setMargins(QMargins(4, 4, 8, 4));
    chart()->setBackgroundRoundness(0);
}

void ResultChart::setBars(const QString &title, const QStringList &labels, const std::vector<ChartSeries> &series, bool percent,
                          double reference, const QString &valueTitle)
{
    QChart *c = chart();
    c->removeAllSeries();
    for (QAbstractAxis *a : c->axes())
    {
        c->removeAxis(a);
        delete a;
    }
    m_labels = labels;
    const double scale = percent ? 100.0 : 1.0;
    m_reference = reference > 0 ? reference * scale : 0.0;

    // Fonts that can show every text in the chart (FontResolver picks a CJK family for Chinese).
    const QString allText = title + labels.join(QString()) + valueTitle;
    const QString family = QApplication::font().family();
    const QFont font = FontResolver::fontFor(allText, family, 8);
    const QFont titleFont = FontResolver::fontFor(allText, family, 9, true);
    c->setTitle(title);
    c->setTitleFont(titleFont);
    c->legend()->setFont(font);
    c->legend()->setVisible(series.size() > 1);
    c->legend()->setAlignment(Qt::AlignBottom);

    // Horizontal bars draw category 0 at the bottom: reverse so the first item is on top.
    const int n = int(labels.size());
    auto *bars = new QHorizontalBarSeries;
    double maxValue = m_reference;
    for (auto s = series.rbegin(); s != series.rend(); ++s) { // first series nearest the top of each group
        auto *set = new QBarSet(s->name);
        set->setColor(s->color);
        set->setBorderColor(s->color.darker(120));
        set->setSelectedColor(QColor(198, 40, 40));
        set->setLabelFont(font);
        set->setLabelColor(QColor(40, 40, 40));
        for (int i = n - 1; i >= 0; --i) {
            // Not finite (demand at a shelter without capacity): no bar; the table shows it.
            const double raw = i < int(s->values.size()) ? s->values[std::size_t(i)] * scale : 0.0;
            const double v = std::isfinite(raw) ? roundForLabel(raw) : 0.0;
            set->append(v);
            maxValue = std::max(maxValue, v);
            if (i < int(s->alert.size()) && s->alert[std::size_t(i)])
                set->selectBar(set->count() - 1);
        }
        bars->append(set);
    }
    bars->setLabelsVisible(true);
    bars->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    bars->setLabelsPrecision(12); // values are rounded already (roundForLabel)
    bars->setLabelsFormat(percent ? QStringLiteral("@value %") : QStringLiteral("@value"));
    bars->setBarWidth(series.size() > 1 ? 0.8 : 0.7);
    c->addSeries(bars);

    QStringList categories;
    for (int i = n - 1; i >= 0; --i)
        categories << shortLabel(labels[i]);
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    y->setLabelsFont(font);
    y->setGridLineVisible(false);
    auto *x = new QValueAxis;
    x->setLabelsFont(font);
    if (percent) {
        // From 0 to at least 100 % in round steps (25 % up to 100 %), room on the right for the value labels.
        const double top = std::max(100.0, maxValue);
        double step = 25;
        for (double s : {25.0, 50.0, 100.0, 250.0, 500.0, 1000.0, 2500.0, 5000.0, 10000.0})
            if ((step = s) * 5 >= top)
                break;
        x->setRange(0, top * 1.15);
        x->setTickType(QValueAxis::TicksDynamic);
        x->setTickAnchor(0);
        x->setTickInterval(step);
        x->setLabelFormat(QStringLiteral("%.0f %%"));
    } else {
        x->setRange(0, maxValue > 0 ? maxValue * 1.15 : 1.0);
        x->applyNiceNumbers();
        x->setLabelFormat(QStringLiteral("%.3g"));
    }
    if (!valueTitle.isEmpty()) {
        x->setTitleText(valueTitle);
        x->setTitleFont(font);
    }
    c->addAxis(y, Qt::AlignLeft);
    c->addAxis(x, Qt::AlignBottom);
    bars->attachAxis(y);
    bars->attachAxis(x);

    if (m_reference > 0 && n > 0) {
        auto *line = new QLineSeries;
        line->setName(percent ? QStringLiteral("%1 %").arg(m_reference) : QString::number(m_reference));
        line->append(m_reference, -0.5);
        line->append(m_reference, n - 0.5);
        QPen pen(QColor(198, 40, 40), 1.5, Qt::DashLine);
        line->setPen(pen);
        c->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        if (series.size() <= 1)
            c->legend()->setVisible(false);
        else
            c->legend()->markers(line).value(0)->setVisible(false);
    }
    // Room for every bar and its label: about 24 px per row (more for grouped bars) plus title and axis.
    const int perRow = series.size() > 1 ? 36 : 28;
    setFixedHeight(std::min(1400, 110 + perRow * std::max(1, n)));
}

int ResultChart::seriesCount() const
{
    const auto all = chart()->series();
    for (QAbstractSeries *s : all)
        if (auto *b = qobject_cast<QAbstractBarSeries *>(s))
            return int(b->count());
    return 0;
}

double ResultChart::value(int s, int i) const
{
    for (QAbstractSeries *series : chart()->series()) {
        auto *b = qobject_cast<QAbstractBarSeries *>(series);
        if (!b || s < 0 || s >= b->count())
            continue;
        // Sets are stored last series first, items bottom-up.
        const QBarSet *set = b->barSets().at(b->count() - 1 - s);
        const int row = set->count() - 1 - i;
        return row >= 0 && row < set->count() ? set->at(row) : 0.0;
    }
    return 0.0;
}

} // namespace refuge::desktop
#endif
