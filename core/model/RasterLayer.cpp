// RasterLayer (see RasterLayer.h): georeferencing arithmetic; reading is in io/RasterReader.cpp.
#include "model/RasterLayer.h"
#include "util/Error.h"

#include <cmath>
#include <limits>

namespace refuge {

QPointF RasterLayer::pixelCentre(int col, int row) const
{
    const double c = col + 0.5, rr = row + 0.5;
    return {m_gt[0] + c * m_gt[1] + rr * m_gt[2], m_gt[3] + c * m_gt[4] + rr * m_gt[5]};
}

QRectF RasterLayer::extent() const
{
    const double x0 = m_gt[0], y0 = m_gt[3];
    const double x1 = x0 + m_width * m_gt[1] + m_height * m_gt[2];
    const double y1 = y0 + m_width * m_gt[4] + m_height * m_gt[5];
    return QRectF(QPointF(std::min(x0, x1), std::min(y0, y1)), QPointF(std::max(x0, x1), std::max(y0, y1)));
}

bool RasterLayer::isColour() const
{
    bool red = false, green = false, blue = false;
    for (const RasterBandInfo &b : m_bands) {
        red = red || b.colour == QLatin1String("Red");
        green = green || b.colour == QLatin1String("Green");
        blue = blue || b.colour == QLatin1String("Blue");
    }
    return (red && green && blue) || (m_bands.size() == 1 && m_bands.front().colour == QLatin1String("Palette"));
}

} // namespace refuge
