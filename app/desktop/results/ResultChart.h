#pragma once
// ResultChart: a horizontal bar chart of results (Qt Charts) — one bar per item, first
// item at the top, optional second series beside it (zone area vs its limit), bars
// flagged as alerts drawn red, and an optional dashed reference line (100 % load).
// Fonts come from FontResolver, so Chinese names and titles show real glyphs. Exists
// only when the build has Qt Charts (REFUGE_HAVE_CHARTS); the dock shows tables alone
// otherwise. GUI thread only.
#ifdef REFUGE_HAVE_CHARTS
#include <QChartView>
#include <QColor>
#include <QStringList>
#include <vector>

namespace refuge::desktop {

struct ChartSeries {
    QString name;
    std::vector<double> values; // per item
    QColor color;
    std::vector<bool> alert;    // per item (may be empty)
};

class ResultChart : public QChartView {
    Q_OBJECT
public:
    explicit ResultChart(QWidget *parent = nullptr);
    // Values in percent units when `percent` (0.5 is drawn as 50 %); `reference` ≤ 0: no line.
    void setBars(const QString &title, const QStringList &labels, const std::vector<ChartSeries> &series, bool percent,
                 double reference = 0, const QString &valueTitle = {});
    QStringList labels() const { return m_labels; }
    // The drawn value of series `s`, item `i`: percent units applied, rounded to 3 significant
    // digits (as labelled).
    double value(int s, int i) const;
    int seriesCount() const;
    bool hasReferenceLine() const { return m_reference > 0; }

private:
    QStringList m_labels;
    double m_reference = 0;
};

} // namespace refuge::desktop
#endif
