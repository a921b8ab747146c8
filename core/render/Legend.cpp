#include "render/Legend.h"

#include "render/ColorRamp.h"
#include "render/SymbolPainter.h"

#include <QLinearGradient>
#include <QPainter>
#include <cmath>

namespace refuge {

QImage LegendEntry::swatch(QSize size, double devicePixelRatio) const
{
    QImage img(QSize(int(std::ceil(size.width() * devicePixelRatio)), int(std::ceil(size.height() * devicePixelRatio))),
               QImage::Format_ARGB32_Premultiplied);
    img.setDevicePixelRatio(devicePixelRatio);
    img.fill(Qt::transparent);
    if (paint) {
        QPainter p(&img);
        p.setRenderHint(QPainter::Antialiasing, true);
        paint(p, QRectF(QPointF(0, 0), QSizeF(size)));
    }
    return img;
}

std::vector<LegendEntry> Legend::entries(const Style &style, GeometryType geometryType, double dpi)
{
    const int dim = std::max(0, dimension(geometryType) < 0 ? 2 : dimension(geometryType));
    auto symbolEntry = [dim, dpi](const QString &label, const Symbol &symbol) {
        return LegendEntry{label, [symbol, dim, dpi](QPainter &p, const QRectF &r) {
                               detail::SymbolPainter::drawSwatch(p, r, symbol, dim, dpi);
                           }};
    };
    std::vector<LegendEntry> out;
    switch (style.type) {
    case Style::Type::Single:
        out.push_back(symbolEntry(QString(), style.symbol));
        break;
    case Style::Type::Categorized:
        for (const StyleCategory &c : style.categories)
            if (c.visible)
                out.push_back(symbolEntry(c.label.isEmpty() ? c.value.toString() : c.label, c.symbol));
        break;
    case Style::Type::Graduated:
        for (const StyleRange &r : style.ranges)
            out.push_back(symbolEntry(r.label.isEmpty() ? QStringLiteral("%1 – %2").arg(r.lower).arg(r.upper) : r.label, r.symbol));
        break;
    case Style::Type::Raster: {
        const RasterStyle &rs = style.raster;
        if (rs.mode == RasterStyle::Mode::Colour)
            break; // a picture (basemap, photo): its own colours, no ramp to explain
        const ColorRamp ramp = rs.mode == RasterStyle::Mode::Pseudocolor ? ColorRamp::named(rs.ramp)
                                                                         : ColorRamp::named(QStringLiteral("greys")).reversed();
        const int steps = 5;
        for (int i = steps - 1; i >= 0; --i) {
            const double t = double(i) / (steps - 1);
            QString label;
            if (rs.min && rs.max)
                label = QString::number(*rs.min + t * (*rs.max - *rs.min), 'g', 4);
            else
                label = i == steps - 1 ? QStringLiteral("max") : (i == 0 ? QStringLiteral("min") : QString());
            const QColor c = ramp.colorAt(t);
            out.push_back(LegendEntry{label, [c](QPainter &p, const QRectF &r) { p.fillRect(r.adjusted(1, 1, -1, -1), c); }});
        }
        break;
    }
    }
    return out;
}

} // namespace refuge
