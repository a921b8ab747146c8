#include "report/ReportCharts.h"

#include <QFont>
#include <QFontMetrics>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace refuge {

QImage ReportCharts::bars(const QString &title, const std::vector<BarItem> &items, double maxValue, bool percent,
                          double reference, int width, const QString &fontFamily)
{
    const int barH = 34, gap = 10, top = 70, bottom = 50, left = 40;
    const int height = top + bottom + int(items.size()) * (barH + gap);
    QImage img(width, std::max(height, 160), QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::white);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    QFont font(fontFamily);
    font.setPixelSize(22);
    QFont titleFont(font);
    titleFont.setPixelSize(28);
    titleFont.setBold(true);
    p.setFont(titleFont);
    p.setPen(QColor(30, 30, 30));
    p.drawText(QRect(left, 10, width - 2 * left, 44), Qt::AlignLeft | Qt::AlignVCenter, title);
    p.setFont(font);
    const QFontMetrics fm(font);
    int labelW = 0;
    for (const BarItem &b : items)
        labelW = std::max(labelW, fm.horizontalAdvance(b.label));
    labelW = std::min(labelW + 16, width / 3);
    double maxV = maxValue;
    for (const BarItem &b : items)
        maxV = std::max(maxV, b.value);
    if (!(maxV > 0))
        maxV = 1;
    const int x0 = left + labelW, valueW = fm.horizontalAdvance(QStringLiteral("000.0 %")) + 20;
    const int plotW = width - x0 - left - valueW;
    auto fmt = [&](double v) {
        return percent ? QStringLiteral("%1 %").arg(100.0 * v, 0, 'f', 1) : QString::number(v, 'f', v < 10 ? 2 : 0);
    };
    // Axis ticks.
    p.setPen(QPen(QColor(220, 220, 220), 1));
    for (int k = 0; k <= 4; ++k) {
        const int x = x0 + int(plotW * k / 4.0);
        p.drawLine(x, top - 6, x, height - bottom + 4);
    }
    p.setPen(QColor(110, 110, 110));
    for (int k = 0; k <= 4; ++k) {
        const int x = x0 + int(plotW * k / 4.0);
        p.drawText(QRect(x - 60, height - bottom + 8, 120, 30), Qt::AlignHCenter | Qt::AlignTop, fmt(maxV * k / 4.0));
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        const int y = top + int(i) * (barH + gap);
        const BarItem &b = items[i];
        p.setPen(QColor(40, 40, 40));
        p.drawText(QRect(left, y, labelW - 10, barH), Qt::AlignRight | Qt::AlignVCenter, b.label);
        const int w = std::max(0, int(std::round(plotW * std::max(0.0, b.value) / maxV)));
        QColor c = QColor(49, 130, 189);
        if (reference > 0)
            c = b.value >= reference ? QColor(215, 48, 39) : QColor(49, 130, 189); // at or over the reference (full)
        p.fillRect(QRect(x0, y, w, barH), c);
        p.drawText(QRect(x0 + w + 8, y, valueW + 40, barH), Qt::AlignLeft | Qt::AlignVCenter, fmt(b.value));
    }
    if (reference > 0 && reference <= maxV) {
        const int x = x0 + int(plotW * reference / maxV);
        p.setPen(QPen(QColor(80, 80, 80), 2, Qt::DashLine));
        p.drawLine(x, top - 10, x, height - bottom + 4);
    }
    p.end();
    return img;
}

} // namespace refuge
