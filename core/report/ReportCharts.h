#pragma once
// ReportCharts: horizontal bar charts drawn with QPainter into images, for the report
// (Qt Charts needs Widgets, which core never links). Needs a QGuiApplication (fonts);
// any thread once it exists.
#include <QImage>
#include <QString>
#include <vector>

namespace refuge {

struct BarItem {
    QString label;
    double value = 0;
};

class ReportCharts {
public:
    // Bars of `items` (in the order given) scaled to max(maxValue, largest value);
    // values shown as percentages when `percent`; a dashed reference line at
    // `reference` when > 0
    // (bars at or over it drawn red: e.g. shelters full). `width` in pixels; the height follows the bar count.
    static QImage bars(const QString &title, const std::vector<BarItem> &items, double maxValue, bool percent,
                       double reference, int width = 1400, const QString &fontFamily = QStringLiteral("Noto Sans CJK SC"));
};

} // namespace refuge
