#include "render/MapSettings.h"

#include <cmath>

namespace refuge {

QRectF MapSettings::visibleExtent() const
{
    if (extent.isEmpty() || outputSize.isEmpty())
        return extent;
    const double w = outputSize.width(), h = outputSize.height();
    const double upp = std::max(extent.width() / w, extent.height() / h);
    const QPointF c = extent.center();
    return QRectF(c.x() - upp * w / 2, c.y() - upp * h / 2, upp * w, upp * h);
}

double MapSettings::mapUnitsPerPixel() const
{
    if (outputSize.isEmpty())
        return 0;
    return visibleExtent().width() / outputSize.width();
}

QTransform MapSettings::mapToPixel() const
{
    const QRectF v = visibleExtent();
    const double upp = mapUnitsPerPixel();
    if (upp <= 0)
        return {};
    // x' = (x - left)/upp ; y' = (top - y)/upp with top = v.bottom() (max y)
    return QTransform(1.0 / upp, 0, 0, -1.0 / upp, -v.left() / upp, v.bottom() / upp);
}

QPointF MapSettings::toPixel(QPointF map) const { return mapToPixel().map(map); }

QPointF MapSettings::toMap(QPointF pixel) const { return mapToPixel().inverted().map(pixel); }

double MapSettings::scaleDenominator() const
{
    const double upp = mapUnitsPerPixel();
    if (upp <= 0 || dpi <= 0)
        return 0;
    return upp * dpi / 0.0254;
}

} // namespace refuge
