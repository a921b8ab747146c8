#include "print/ScaleBar.h"

#include <geodesic.h>

#include <cmath>

namespace refuge {

double ScaleBar::niceLength(double value)
{
    if (!(value > 0) || !std::isfinite(value))
        return 0;
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * power <= value * (1 + 1e-12))
            return step * power;
    return power;
}

ScaleBar ScaleBar::compute(const MapSettings &map, double frameWidthMm, double maxBarMm)
{
    ScaleBar bar;
    const QRectF visible = map.visibleExtent();
    if (visible.isEmpty() || frameWidthMm <= 0 || maxBarMm <= 0 || !map.crs.isValid())
        return bar;
    const double unitsPerMm = visible.width() / frameWidthMm;
    if (map.crs.isGeographic()) {
        // Geodesic length of maxBarMm of paper along the centre's parallel.
        geod_geodesic g;
        geod_init(&g, 6378137.0, 1 / 298.257223563);
        const QPointF c = visible.center();
        const double half = unitsPerMm * maxBarMm / 2;
        double metres = 0;
        geod_inverse(&g, c.y(), c.x() - half, c.y(), c.x() + half, &metres, nullptr, nullptr);
        bar.metresPerMm = metres / maxBarMm;
    } else {
        bar.metresPerMm = unitsPerMm * map.crs.metresPerUnit();
    }
    if (!(bar.metresPerMm > 0) || !std::isfinite(bar.metresPerMm))
        return bar;
    bar.groundMetres = niceLength(bar.metresPerMm * maxBarMm);
    bar.barMm = bar.groundMetres / bar.metresPerMm;
    const double lead = bar.groundMetres / std::pow(10.0, std::floor(std::log10(bar.groundMetres)));
    bar.segments = lead > 4.5 ? 5 : lead > 1.5 ? 4 : 2;
    bar.label = bar.groundMetres >= 1000 ? QStringLiteral("%1 km").arg(bar.groundMetres / 1000.0)
                                         : QStringLiteral("%1 m").arg(bar.groundMetres);
    return bar;
}

} // namespace refuge
