#include "render/RasterLayerRenderer.h"

#include "io/RasterReader.h"
#include "model/RasterLayer.h"
#include "render/ColorRamp.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace refuge::detail {

RasterLayerRenderer::RasterLayerRenderer(const MapSettings &settings, const MapLayer &layer)
    : m_settings(settings), m_layer(layer)
{
}

void RasterLayerRenderer::render(QPainter &painter, Feedback *feedback) const
{
    const RasterLayer &raster = *m_layer.raster;
    const RasterStyle &rs = m_layer.style.raster;
    const std::vector<double> &gt = raster.geoTransform();
    if (gt[2] != 0 || gt[4] != 0)
        throw InvalidInput(fileMessage(raster.path(), QStringLiteral("rotated rasters are not drawn")));
    const int bandNo = std::clamp(rs.band, 1, std::max(1, raster.bandCount()));
    const QRectF view = m_settings.visibleExtent();
    const QRectF inView = view.intersected(raster.extent());
    if (inView.isEmpty())
        return;
    // Window in raster pixels (row 0 at the top, gt[5] < 0).
    const double px = gt[1], py = gt[5];
    int c0 = int(std::floor((inView.left() - gt[0]) / px));
    int c1 = int(std::ceil((inView.right() - gt[0]) / px));
    int r0 = int(std::floor((inView.bottom() - gt[3]) / py));
    int r1 = int(std::ceil((inView.top() - gt[3]) / py));
    if (py > 0)
        std::swap(r0, r1);
    c0 = std::clamp(c0, 0, raster.width()); c1 = std::clamp(c1, 0, raster.width());
    r0 = std::clamp(r0, 0, raster.height()); r1 = std::clamp(r1, 0, raster.height());
    if (c1 <= c0 || r1 <= r0)
        return;
    // Target rectangle in output pixels and the buffer size (≤ output resolution).
    const QPointF tl = m_settings.toPixel(QPointF(gt[0] + c0 * px, gt[3] + r0 * py));
    const QPointF br = m_settings.toPixel(QPointF(gt[0] + c1 * px, gt[3] + r1 * py));
    const QRectF target = QRectF(tl, br).normalized();
    const int bw = std::clamp(int(std::ceil(target.width())), 1, c1 - c0);
    const int bh = std::clamp(int(std::ceil(target.height())), 1, r1 - r0);

    RasterWindow read = readRasterWindow(raster, bandNo, QRect(c0, r0, c1 - c0, r1 - r0), QSize(bw, bh), !rs.min || !rs.max);
    const std::vector<double> &buf = read.values;
    if (feedback)
        feedback->throwIfCanceled();
    const bool hasNodata = read.nodata.has_value();
    const double nodata = read.nodata.value_or(0);
    double lo = rs.min.value_or(NAN), hi = rs.max.value_or(NAN);
    if (!rs.min && read.min)
        lo = *read.min;
    if (!rs.max && read.max)
        hi = *read.max;
    const ColorRamp ramp = rs.mode == RasterStyle::Mode::Pseudocolor ? ColorRamp::named(rs.ramp) : ColorRamp::named(QStringLiteral("greys")).reversed();
    // 256-entry lookup so the per-pixel work is one multiply.
    QRgb lut[256];
    for (int i = 0; i < 256; ++i)
        lut[i] = rs.mode == RasterStyle::Mode::Greyscale ? qRgb(i, i, i) : ramp.colorAt(i / 255.0).rgba();
    QImage img(bw, bh, QImage::Format_ARGB32_Premultiplied);
    const double range = hi > lo ? hi - lo : 1.0;
    for (int y = 0; y < bh; ++y) {
        QRgb *line = reinterpret_cast<QRgb *>(img.scanLine(y));
        for (int x = 0; x < bw; ++x) {
            const double v = buf[std::size_t(y) * std::size_t(bw) + std::size_t(x)];
            if (!std::isfinite(v) || (hasNodata && v == nodata)) {
                line[x] = 0;
                continue;
            }
            const int i = std::clamp(int((v - lo) / range * 255.0 + 0.5), 0, 255);
            line[x] = lut[i];
        }
    }
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(target, img);
    painter.restore();
}

} // namespace refuge::detail
