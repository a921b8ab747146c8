#include "render/VectorLayerRenderer.h"

#include "model/VectorLayer.h"
#include "render/FontResolver.h"
#include "render/LabelEngine.h"
#include "render/LabelText.h"
#include "render/SymbolPainter.h"
#include "util/Feedback.h"

#include <QHash>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <algorithm>
#include <cmath>

namespace refuge::detail {

namespace {

constexpr int kCancelEvery = 4096;
constexpr double kThinPx = 0.5;        // keep a vertex only when it moved this far
constexpr double kHugePx = 30000.0;    // beyond this, clip rings ourselves

// Sutherland–Hodgman clip of a closed ring against an axis-aligned rectangle.
void clipRing(QPolygonF &ring, const QRectF &r)
{
    QPolygonF out;
    auto pass = [&](auto inside, auto cross) {
        out.clear();
        const int n = int(ring.size());
        for (int i = 0; i < n; ++i) {
            const QPointF &a = ring[(i + n - 1) % n];
            const QPointF &b = ring[i];
            const bool ia = inside(a), ib = inside(b);
            if (ib) {
                if (!ia)
                    out.append(cross(a, b));
                out.append(b);
            } else if (ia) {
                out.append(cross(a, b));
            }
        }
        ring.swap(out);
    };
    auto atX = [](const QPointF &a, const QPointF &b, double x) {
        const double t = (x - a.x()) / (b.x() - a.x());
        return QPointF(x, a.y() + t * (b.y() - a.y()));
    };
    auto atY = [](const QPointF &a, const QPointF &b, double y) {
        const double t = (y - a.y()) / (b.y() - a.y());
        return QPointF(a.x() + t * (b.x() - a.x()), y);
    };
    pass([&](const QPointF &p) { return p.x() >= r.left(); }, [&](const QPointF &a, const QPointF &b) { return atX(a, b, r.left()); });
    pass([&](const QPointF &p) { return p.x() <= r.right(); }, [&](const QPointF &a, const QPointF &b) { return atX(a, b, r.right()); });
    pass([&](const QPointF &p) { return p.y() >= r.top(); }, [&](const QPointF &a, const QPointF &b) { return atY(a, b, r.top()); });
    pass([&](const QPointF &p) { return p.y() <= r.bottom(); }, [&](const QPointF &a, const QPointF &b) { return atY(a, b, r.bottom()); });
}

// On raster devices a solid pen of at most one pixel is drawn as a cosmetic 1 px pen:
// the same pixels, but Qt's cosmetic stroker is much faster than the general one.
QPen thinPen(const QPainter &painter, QPen pen)
{
    const bool raster = painter.device() && painter.device()->devType() == QInternal::Image;
    if (raster && pen.style() == Qt::SolidLine && pen.widthF() <= 1.0
        && painter.transform().type() <= QTransform::TxTranslate) {
        pen.setWidthF(1.0);
        pen.setCosmetic(true);
    }
    return pen;
}

bool isNumeric(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Int: case QMetaType::UInt: case QMetaType::LongLong: case QMetaType::ULongLong:
    case QMetaType::Double: case QMetaType::Float: case QMetaType::Bool:
        return true;
    default:
        return false;
    }
}

QString categoryKey(const QVariant &v)
{
    if (v.isNull())
        return QStringLiteral("\x01null");
    if (isNumeric(v))
        return QStringLiteral("\x02") + QString::number(v.toDouble(), 'g', 17);
    return v.toString();
}

// A point inside a polygon part (map units): the middle of the widest span on the
// horizontal line through the middle of the shell's bounding box.
QPointF interiorPoint(const Geometry &g, int part)
{
    const int first = g.partFirstRing(part), end = g.partEndRing(part);
    double ymin = 1e300, ymax = -1e300;
    for (int k = 0; k < g.ringSize(first); ++k) {
        ymin = std::min(ymin, g.ringPoints(first)[k].y());
        ymax = std::max(ymax, g.ringPoints(first)[k].y());
    }
    const double y = (ymin + ymax) / 2 + (ymax - ymin) * 1e-7;
    std::vector<double> xs;
    for (int r = first; r < end; ++r) {
        const QPointF *p = g.ringPoints(r);
        const int n = g.ringSize(r);
        for (int k = 0; k + 1 < n; ++k) {
            const QPointF &a = p[k], &b = p[k + 1];
            if ((a.y() > y) != (b.y() > y))
                xs.push_back(a.x() + (y - a.y()) / (b.y() - a.y()) * (b.x() - a.x()));
        }
    }
    std::sort(xs.begin(), xs.end());
    double best = -1, bx = 0;
    for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
        if (xs[i + 1] - xs[i] > best) {
            best = xs[i + 1] - xs[i];
            bx = (xs[i] + xs[i + 1]) / 2;
        }
    }
    if (best < 0)
        return g.ringSize(first) > 0 ? g.ringPoints(first)[0] : QPointF();
    return QPointF(bx, y);
}

double ringArea(const QPointF *p, int n)
{
    double a = 0;
    for (int k = 0; k + 1 < n; ++k)
        a += p[k].x() * p[k + 1].y() - p[k + 1].x() * p[k].y();
    return std::abs(a) / 2;
}

} // namespace

VectorLayerRenderer::VectorLayerRenderer(const MapSettings &settings, const MapLayer &layer)
    : m_settings(settings), m_layer(layer), m_vector(*layer.vector)
{
    const QRectF v = settings.visibleExtent();
    const double upp = settings.mapUnitsPerPixel();
    m_scale = upp > 0 ? 1.0 / upp : 1.0;
    m_tx = -v.left() * m_scale;
    m_ty = v.bottom() * m_scale;
    m_dimension = dimension(m_vector.geometryType());
    const Style &style = layer.style;
    if ((style.type == Style::Type::Categorized || style.type == Style::Type::Graduated) && !style.field.isEmpty())
        m_classField = m_vector.fieldIndex(style.field);
    if (!style.size.field.isEmpty())
        m_sizeField = m_vector.fieldIndex(style.size.field);
}

double VectorLayerRenderer::maxSymbolPx() const
{
    const Style &s = m_layer.style;
    double mm = std::max(s.symbol.sizeMm, s.symbol.strokeWidthMm);
    for (const auto &c : s.categories)
        mm = std::max({mm, c.symbol.sizeMm, c.symbol.strokeWidthMm});
    for (const auto &r : s.ranges)
        mm = std::max({mm, r.symbol.sizeMm, r.symbol.strokeWidthMm});
    if (!s.size.field.isEmpty())
        mm = std::max({mm, s.size.maxMm, s.size.minMm});
    return m_settings.mmToPixels(mm) + 2.0;
}

std::vector<std::uint32_t> VectorLayerRenderer::visibleFeatures(const QRectF &pixelRegion) const
{
    const double margin = maxSymbolPx() / m_scale;
    const QRectF map = QRectF(QPointF((pixelRegion.left() - m_tx) / m_scale, (m_ty - pixelRegion.bottom()) / m_scale),
                              QPointF((pixelRegion.right() - m_tx) / m_scale, (m_ty - pixelRegion.top()) / m_scale))
                           .adjusted(-margin, -margin, margin, margin);
    std::vector<std::uint32_t> ids;
    const QRectF extent = m_vector.extent();
    if (map.contains(extent) || m_vector.index().size() != std::size_t(m_vector.featureCount())) {
        ids.resize(std::size_t(m_vector.featureCount()));
        for (std::size_t i = 0; i < ids.size(); ++i)
            ids[i] = std::uint32_t(i);
        return ids;
    }
    ids = m_vector.index().query(map);
    std::sort(ids.begin(), ids.end()); // source order, as the user expects for overlaps
    return ids;
}

std::vector<VectorLayerRenderer::Batch> VectorLayerRenderer::classify(const std::vector<std::uint32_t> &features) const
{
    const Style &style = m_layer.style;
    std::vector<Batch> batches;
    if (m_classField < 0 || (style.type == Style::Type::Categorized && style.categories.empty())
        || (style.type == Style::Type::Graduated && style.ranges.empty())) {
        if (style.type == Style::Type::Graduated) // graduated without usable field: nothing matches
            return batches;
        batches.push_back({&style.symbol, features});
        return batches;
    }
    std::vector<int> classOf(features.size(), -1);
    std::vector<const Symbol *> symbols;
    if (style.type == Style::Type::Categorized) {
        QHash<QString, int> lookup;
        for (const StyleCategory &c : style.categories) {
            if (!lookup.contains(categoryKey(c.value))) {
                lookup.insert(categoryKey(c.value), c.visible ? int(symbols.size()) : -1);
                if (c.visible)
                    symbols.push_back(&c.symbol);
            }
        }
        const int fallback = int(symbols.size());
        symbols.push_back(&style.symbol);
        for (std::size_t i = 0; i < features.size(); ++i)
            classOf[i] = lookup.value(categoryKey(m_vector.attribute(int(features[i]), m_classField)), fallback);
    } else {
        std::vector<double> uppers;
        for (const StyleRange &r : style.ranges) {
            uppers.push_back(r.upper);
            symbols.push_back(&r.symbol);
        }
        const double lowest = style.ranges.front().lower;
        for (std::size_t i = 0; i < features.size(); ++i) {
            const QVariant v = m_vector.attribute(int(features[i]), m_classField);
            bool ok = false;
            const double d = v.toDouble(&ok);
            if (v.isNull() || !ok || d < lowest || d > uppers.back())
                continue;
            classOf[i] = int(std::lower_bound(uppers.begin(), uppers.end(), d) - uppers.begin());
        }
    }
    batches.resize(symbols.size());
    for (std::size_t k = 0; k < symbols.size(); ++k)
        batches[k].symbol = symbols[k];
    for (std::size_t i = 0; i < features.size(); ++i)
        if (classOf[i] >= 0)
            batches[std::size_t(classOf[i])].features.push_back(features[i]);
    return batches;
}

double VectorLayerRenderer::markerSizePx(std::uint32_t feature, const Symbol &symbol) const
{
    double mm = symbol.sizeMm;
    const SizeByField &s = m_layer.style.size;
    if (m_sizeField >= 0) {
        const QVariant v = m_vector.attribute(int(feature), m_sizeField);
        bool ok = false;
        const double d = v.toDouble(&ok);
        if (!v.isNull() && ok && s.maxValue != s.minValue) {
            const double t = std::clamp((d - s.minValue) / (s.maxValue - s.minValue), 0.0, 1.0);
            mm = std::sqrt(s.minMm * s.minMm + (s.maxMm * s.maxMm - s.minMm * s.minMm) * t);
        }
    }
    return m_settings.mmToPixels(mm);
}

void VectorLayerRenderer::render(QPainter &painter, const QRect &region, Feedback *feedback) const
{
    const std::vector<std::uint32_t> features = visibleFeatures(QRectF(region));
    const std::vector<Batch> batches = classify(features);
    const QRectF clip = QRectF(region).adjusted(-maxSymbolPx(), -maxSymbolPx(), maxSymbolPx(), maxSymbolPx());
    for (const Batch &batch : batches) {
        if (batch.features.empty())
            continue;
        drawPolygons(painter, batch, clip, feedback);
        drawLines(painter, batch, feedback);
        drawPoints(painter, batch, feedback);
    }
    if (!m_layer.selection.empty())
        drawSelection(painter, clip);
}

void VectorLayerRenderer::drawPolygons(QPainter &painter, const Batch &batch, const QRectF &clip, Feedback *feedback) const
{
    if (m_dimension >= 0 && m_dimension != 2)
        return;
    const Symbol &sym = *batch.symbol;
    const QPen pen = thinPen(painter, SymbolPainter::strokePen(sym, m_settings.dpi));
    const QBrush brush = SymbolPainter::fillBrush(sym);
    const bool hatch = sym.hatch != HatchPattern::None;
    if (pen.style() == Qt::NoPen && brush.style() == Qt::NoBrush && !hatch)
        return;
    painter.setPen(pen);
    painter.setBrush(brush);
    const QRectF safe = clip.adjusted(-8, -8, 8, 8);
    QPainterPath hatchArea;
    std::vector<QPointF> dots;
    QPolygonF ring;
    ring.reserve(256);
    int counter = 0;
    for (const std::uint32_t f : batch.features) {
        if (feedback && ++counter % kCancelEvery == 0)
            feedback->throwIfCanceled();
        const Geometry &g = m_vector.geometry(int(f));
        if (dimension(g.type()) != 2)
            continue;
        for (int part = 0; part < g.partCount(); ++part) {
            const int first = g.partFirstRing(part), end = g.partEndRing(part);
            double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
            auto transformRing = [&](int r) {
                ring.clear();
                const QPointF *p = g.ringPoints(r);
                const int n = g.ringSize(r);
                double lx = 1e300, ly = 1e300;
                for (int k = 0; k < n; ++k) {
                    const double x = p[k].x() * m_scale + m_tx, y = m_ty - p[k].y() * m_scale;
                    if (std::abs(x - lx) < kThinPx && std::abs(y - ly) < kThinPx)
                        continue;
                    ring.append(QPointF(x, y));
                    lx = x;
                    ly = y;
                    x0 = std::min(x0, x); x1 = std::max(x1, x);
                    y0 = std::min(y0, y); y1 = std::max(y1, y);
                }
            };
            transformRing(first);
            if (x1 < clip.left() || x0 > clip.right() || y1 < clip.top() || y0 > clip.bottom())
                continue;
            if (x1 - x0 < 1.0 && y1 - y0 < 1.0) {
                dots.push_back(QPointF((x0 + x1) / 2, (y0 + y1) / 2));
                continue;
            }
            const bool huge = x0 < safe.left() - kHugePx || x1 > safe.right() + kHugePx || y0 < safe.top() - kHugePx
                || y1 > safe.bottom() + kHugePx;
            if (huge)
                clipRing(ring, safe);
            if (end - first == 1 && !hatch) {
                if (ring.size() < 3)
                    continue;
                painter.drawPolygon(ring);
                continue;
            }
            QPainterPath path;
            path.setFillRule(Qt::OddEvenFill);
            path.addPolygon(ring);
            path.closeSubpath();
            for (int r = first + 1; r < end; ++r) {
                transformRing(r);
                if (huge)
                    clipRing(ring, safe);
                if (ring.size() >= 3) {
                    path.addPolygon(ring);
                    path.closeSubpath();
                }
            }
            if (hatch) {
                painter.setPen(Qt::NoPen);
                painter.drawPath(path);
                hatchArea.addPath(path);
                painter.setPen(pen);
            } else {
                painter.drawPath(path);
            }
        }
    }
    if (hatch && !hatchArea.isEmpty()) {
        SymbolPainter::drawHatch(painter, hatchArea, sym, m_settings.dpi);
        if (pen.style() != Qt::NoPen) {
            painter.setPen(pen);
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(hatchArea);
        }
    }
    if (!dots.empty()) {
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(QPen(pen.style() != Qt::NoPen ? sym.strokeColor : sym.fillColor, 1.0));
        painter.drawPoints(dots.data(), int(dots.size()));
        painter.restore();
    }
}

void VectorLayerRenderer::drawLines(QPainter &painter, const Batch &batch, Feedback *feedback) const
{
    if (m_dimension >= 0 && m_dimension != 1)
        return;
    const QPen pen = thinPen(painter, SymbolPainter::strokePen(*batch.symbol, m_settings.dpi));
    if (pen.style() == Qt::NoPen)
        return;
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    const QRectF view(0, 0, m_settings.outputSize.width(), m_settings.outputSize.height());
    QPolygonF line;
    line.reserve(256);
    int counter = 0;
    for (const std::uint32_t f : batch.features) {
        if (feedback && ++counter % kCancelEvery == 0)
            feedback->throwIfCanceled();
        const Geometry &g = m_vector.geometry(int(f));
        if (dimension(g.type()) != 1)
            continue;
        for (int r = 0; r < g.ringCount(); ++r) {
            line.clear();
            const QPointF *p = g.ringPoints(r);
            const int n = g.ringSize(r);
            double lx = 1e300, ly = 1e300;
            for (int k = 0; k < n; ++k) {
                const double x = p[k].x() * m_scale + m_tx, y = m_ty - p[k].y() * m_scale;
                if (k + 1 < n && std::abs(x - lx) < kThinPx && std::abs(y - ly) < kThinPx)
                    continue;
                line.append(QPointF(x, y));
                lx = x;
                ly = y;
            }
            if (line.size() >= 2)
                painter.drawPolyline(line);
        }
    }
    (void)view;
}

void VectorLayerRenderer::drawPoints(QPainter &painter, const Batch &batch, Feedback *feedback) const
{
    if (m_dimension >= 0 && m_dimension != 0)
        return;
    const Symbol &sym = *batch.symbol;
    const double dpi = m_settings.dpi;
    const bool stamps = painter.device() && painter.device()->devType() == QInternal::Image && sym.marker != MarkerShape::Svg;
    QHash<int, QImage> stampCache; // by size in quarter pixels
    int counter = 0;
    for (const std::uint32_t f : batch.features) {
        if (feedback && ++counter % kCancelEvery == 0)
            feedback->throwIfCanceled();
        const Geometry &g = m_vector.geometry(int(f));
        if (dimension(g.type()) != 0)
            continue;
        const double size = markerSizePx(f, sym);
        for (const QPointF &p : g.points()) {
            const QPointF c = toPixel(p);
            if (!stamps) {
                SymbolPainter::drawMarker(painter, c, sym, size, dpi);
                continue;
            }
            const int key = int(std::lround(size * 4));
            auto it = stampCache.find(key);
            if (it == stampCache.end()) {
                const int side = int(std::ceil(size + m_settings.mmToPixels(sym.strokeWidthMm) + 4));
                QImage img(side, side, QImage::Format_ARGB32_Premultiplied);
                img.fill(Qt::transparent);
                QPainter ip(&img);
                ip.setRenderHint(QPainter::Antialiasing, m_settings.antialiasing);
                SymbolPainter::drawMarker(ip, QPointF(side / 2.0, side / 2.0), sym, size, dpi);
                ip.end();
                it = stampCache.insert(key, img);
            }
            painter.drawImage(QPointF(c.x() - it->width() / 2.0, c.y() - it->height() / 2.0), *it);
        }
    }
}

void VectorLayerRenderer::drawSelection(QPainter &painter, const QRectF &clip) const
{
    const QColor c = m_settings.selectionColor;
    QColor fill = c;
    fill.setAlpha(90);
    QPen pen(c, std::max(2.0, m_settings.mmToPixels(0.6)));
    pen.setJoinStyle(Qt::RoundJoin);
    pen.setCapStyle(Qt::RoundCap);
    painter.setPen(pen);
    for (const int f : m_layer.selection) {
        if (f < 0 || f >= m_vector.featureCount())
            continue;
        const Geometry &g = m_vector.geometry(f);
        const QRectF b = g.bounds();
        const QRectF pb(toPixel(QPointF(b.left(), b.bottom())), toPixel(QPointF(b.right(), b.top())));
        if (!pb.normalized().adjusted(-2, -2, 2, 2).intersects(clip))
            continue;
        const int dim = dimension(g.type());
        if (dim == 0) {
            painter.setBrush(Qt::NoBrush);
            for (const QPointF &p : g.points())
                painter.drawEllipse(toPixel(p), m_settings.mmToPixels(2.5), m_settings.mmToPixels(2.5));
            continue;
        }
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (int r = 0; r < g.ringCount(); ++r) {
            QPolygonF ring;
            for (int k = 0; k < g.ringSize(r); ++k)
                ring.append(toPixel(g.ringPoints(r)[k]));
            if (dim == 2) {
                clipRing(ring, clip.adjusted(-10, -10, 10, 10));
                path.addPolygon(ring);
                path.closeSubpath();
            } else {
                path.addPolygon(ring);
            }
        }
        painter.setBrush(dim == 2 ? QBrush(fill) : QBrush(Qt::NoBrush));
        painter.drawPath(path);
    }
}

std::vector<QRectF> VectorLayerRenderer::symbolBoxes(std::size_t maxCount) const
{
    std::vector<QRectF> out;
    if (m_dimension != 0)
        return out;
    const std::vector<std::uint32_t> features = visibleFeatures(QRectF(QPointF(0, 0), QSizeF(m_settings.outputSize)));
    if (features.size() > maxCount)
        return out;
    for (const Batch &batch : classify(features)) {
        for (const std::uint32_t f : batch.features) {
            const double r = markerSizePx(f, *batch.symbol) / 2;
            for (const QPointF &p : m_vector.geometry(int(f)).points())
                out.push_back(QRectF(toPixel(p) - QPointF(r, r), QSizeF(2 * r, 2 * r)));
        }
    }
    return out;
}

std::vector<LabelCandidate> VectorLayerRenderer::labelCandidates(Feedback *feedback) const
{
    std::vector<LabelCandidate> out;
    const LabelSettings &ls = m_layer.style.labels;
    if (!ls.enabled || ls.text.trimmed().isEmpty())
        return out;
    const LabelText text(ls.text, m_vector);
    if (!text.isValid()) {
        if (feedback)
            feedback->warn(QStringLiteral("%1: label field(s) missing in '%2'").arg(m_layer.name, ls.text));
        return out;
    }
    const QRectF view(QPointF(0, 0), QSizeF(m_settings.outputSize));
    const std::vector<std::uint32_t> features = visibleFeatures(view);
    constexpr std::size_t kMaxLabels = 50000;
    if (features.size() > kMaxLabels) {
        if (feedback)
            feedback->warn(QStringLiteral("%1: %2 features in view, too many to label").arg(m_layer.name).arg(features.size()));
        return out;
    }
    const int pixelSize = std::max(1, int(std::lround(m_settings.ptToPixels(ls.sizePt))));
    const double haloPx = m_settings.mmToPixels(ls.haloMm);
    const std::vector<Batch> batches = classify(features); // label only features that are drawn
    int counter = 0;
    for (const Batch &batch : batches) {
        for (const std::uint32_t f : batch.features) {
            if (feedback && ++counter % kCancelEvery == 0)
                feedback->throwIfCanceled();
            const QString s = text.evaluate(int(f));
            if (s.trimmed().isEmpty())
                continue;
            const Geometry &g = m_vector.geometry(int(f));
            if (g.isEmpty())
                continue;
            LabelCandidate c;
            c.text = s;
            c.font = FontResolver::fontFor(s, ls.fontFamily, ls.sizePt, ls.bold);
            c.font.setPixelSize(pixelSize);
            c.color = ls.color;
            c.haloColor = ls.haloColor;
            c.haloPx = haloPx;
            c.avoidCollisions = ls.avoidCollisions;
            c.priority = ls.priority;
            const int dim = dimension(g.type());
            if (dim == 0 || ls.placement == LabelPlacement::Around) {
                c.kind = LabelCandidate::Kind::Point;
                c.anchor = toPixel(dim == 0 ? g.points().front() : g.bounds().center());
                c.offsetPx = dim == 0 ? markerSizePx(f, *batch.symbol) / 2 + 2.0 : 2.0;
            } else if (dim == 1 && ls.placement != LabelPlacement::Inside) {
                c.kind = LabelCandidate::Kind::Line;
                int best = 0;
                double bestLen = -1;
                for (int r = 0; r < g.ringCount(); ++r) {
                    double len = 0;
                    for (int k = 0; k + 1 < g.ringSize(r); ++k) {
                        const QPointF d = g.ringPoints(r)[k + 1] - g.ringPoints(r)[k];
                        len += std::hypot(d.x(), d.y());
                    }
                    if (len > bestLen) {
                        bestLen = len;
                        best = r;
                    }
                }
                if (bestLen * m_scale < 10)
                    continue;
                for (int k = 0; k < g.ringSize(best); ++k)
                    c.line.append(toPixel(g.ringPoints(best)[k]));
            } else if (dim == 2) {
                c.kind = LabelCandidate::Kind::Polygon;
                int best = 0;
                double bestArea = -1;
                for (int p = 0; p < g.partCount(); ++p) {
                    const int r = g.partFirstRing(p);
                    const double a = ringArea(g.ringPoints(r), g.ringSize(r));
                    if (a > bestArea) {
                        bestArea = a;
                        best = p;
                    }
                }
                if (bestArea * m_scale * m_scale < 4)
                    continue;
                c.anchor = toPixel(interiorPoint(g, best));
            } else {
                c.kind = LabelCandidate::Kind::Point;
                c.anchor = toPixel(g.bounds().center());
            }
            out.push_back(std::move(c));
        }
    }
    return out;
}

} // namespace refuge::detail
