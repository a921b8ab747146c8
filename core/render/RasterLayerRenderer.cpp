#include "render/RasterLayerRenderer.h"

#include "io/RasterReader.h"
#include "io/RasterWarp.h"
#include "model/DataSource.h"
#include "model/RasterLayer.h"
#include "render/ColorRamp.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace refuge::detail {

namespace {

// Values → colours through a 256-entry table (greyscale or the style's ramp); NaN and
// nodata transparent; [lo, hi] stretched over the table.
QImage colourise(const std::vector<double> &buf, QSize size, std::optional<double> nodata, double lo, double hi, const RasterStyle &rs)
{
    const ColorRamp ramp = rs.mode == RasterStyle::Mode::Pseudocolor ? ColorRamp::named(rs.ramp) : ColorRamp::named(QStringLiteral("greys")).reversed();
    QRgb lut[256];
    for (int i = 0; i < 256; ++i)
        lut[i] = rs.mode == RasterStyle::Mode::Pseudocolor ? ramp.colorAt(i / 255.0).rgba() : qRgb(i, i, i);
    QImage img(size, QImage::Format_ARGB32_Premultiplied);
    const double range = hi > lo ? hi - lo : 1.0;
    for (int y = 0; y < size.height(); ++y) {
        QRgb *line = reinterpret_cast<QRgb *>(img.scanLine(y));
        for (int x = 0; x < size.width(); ++x) {
            const double v = buf[std::size_t(y) * std::size_t(size.width()) + std::size_t(x)];
            if (!std::isfinite(v) || (nodata && v == *nodata)) {
                line[x] = 0;
                continue;
            }
            line[x] = lut[std::clamp(int((v - lo) / range * 255.0 + 0.5), 0, 255)];
        }
    }
    return img;
}

bool fullyTransparent(const QImage &img)
{
    for (int y = 0; y < img.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x)
            if (qAlpha(line[x]))
                return false;
    }
    return true;
}

} // namespace

RasterLayerRenderer::RasterLayerRenderer(const MapSettings &settings, const MapLayer &layer)
    : m_settings(settings), m_layer(layer)
{
}

void RasterLayerRenderer::render(QPainter &painter, Feedback *feedback) const
{
    const RasterLayer &raster = *m_layer.raster;
    const RasterStyle &rs = m_layer.style.raster;
    const bool colour = rs.mode == RasterStyle::Mode::Colour && raster.isColour();
    const bool sameCrs = !m_settings.crs.isValid() || !raster.crs().isValid() || raster.crs() == m_settings.crs;
    if (colour || !sameCrs)
        renderWarped(painter, feedback, colour);
    else
        renderWindow(painter, feedback);
}

void RasterLayerRenderer::renderWarped(QPainter &painter, Feedback *feedback, bool colour) const
{
    const RasterLayer &raster = *m_layer.raster;
    const RasterStyle &rs = m_layer.style.raster;
    const QSize size = m_settings.outputSize;
    const QRectF view = m_settings.visibleExtent();
    QImage img;
    if (colour) {
        img = warpColour(raster, m_settings.crs, view, size);
        if (feedback && fullyTransparent(img))
            feedback->warn(QStringLiteral("%1: no tiles or pixels in this view (%2)").arg(m_layer.name, redactedSource(raster.path())));
    } else {
        const int bandNo = std::clamp(rs.band, 1, std::max(1, raster.bandCount()));
        const std::vector<double> values = warpBand(raster, bandNo, m_settings.crs, view, size);
        double lo = rs.min.value_or(NAN), hi = rs.max.value_or(NAN);
        if (!rs.min || !rs.max) { // the band's own range, as the unwarped path uses: stable while panning
            const RasterWindow range = readRasterWindow(raster, bandNo, QRect(0, 0, raster.width(), raster.height()), QSize(1, 1), true);
            if (!rs.min && range.min)
                lo = *range.min;
            if (!rs.max && range.max)
                hi = *range.max;
        }
        img = colourise(values, size, std::nullopt, lo, hi, rs);
    }
    if (feedback)
        feedback->throwIfCanceled();
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(QRectF(QPointF(0, 0), QSizeF(size)), img);
    painter.restore();
}

void RasterLayerRenderer::renderWindow(QPainter &painter, Feedback *feedback) const
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
    if (feedback)
        feedback->throwIfCanceled();
    double lo = rs.min.value_or(NAN), hi = rs.max.value_or(NAN);
    if (!rs.min && read.min)
        lo = *read.min;
    if (!rs.max && read.max)
        hi = *read.max;
    const QImage img = colourise(read.values, QSize(bw, bh), read.nodata, lo, hi, rs);
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(target, img);
    painter.restore();
}

} // namespace refuge::detail
