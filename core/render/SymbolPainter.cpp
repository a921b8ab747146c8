#include "render/SymbolPainter.h"
#include "util/Resources.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <cmath>
#include <mutex>

namespace refuge::detail {

namespace {

QPainterPath regularStar(int points, double outer, double inner)
{
    QPainterPath p;
    for (int i = 0; i < 2 * points; ++i) {
        const double r = (i % 2 == 0) ? outer : inner;
        const double a = -M_PI / 2 + i * M_PI / points;
        const QPointF q(r * std::cos(a), r * std::sin(a));
        if (i == 0)
            p.moveTo(q);
        else
            p.lineTo(q);
    }
    p.closeSubpath();
    return p;
}

QPainterPath makeMarker(MarkerShape shape)
{
    QPainterPath p;
    switch (shape) {
    case MarkerShape::Circle:
    case MarkerShape::Svg:
        p.addEllipse(QPointF(0, 0), 0.5, 0.5);
        break;
    case MarkerShape::Square:
        p.addRect(QRectF(-0.5, -0.5, 1, 1));
        break;
    case MarkerShape::Triangle: {
        const double h = std::sqrt(3.0) / 2;
        p.moveTo(0, -h * 2 / 3 * 1.0);
        p.lineTo(0.5, h / 3);
        p.lineTo(-0.5, h / 3);
        p.closeSubpath();
        break;
    }
    case MarkerShape::Star:
        p = regularStar(5, 0.55, 0.22);
        break;
    case MarkerShape::Diamond:
        p.moveTo(0, -0.5);
        p.lineTo(0.5, 0);
        p.lineTo(0, 0.5);
        p.lineTo(-0.5, 0);
        p.closeSubpath();
        break;
    case MarkerShape::Cross: {
        const double t = 0.17;
        p.addRect(QRectF(-t, -0.5, 2 * t, 1));
        p.addRect(QRectF(-0.5, -t, 1, 2 * t));
        p = p.simplified();
        break;
    }
    }
    return p;
}

} // namespace

QPen SymbolPainter::strokePen(const Symbol &symbol, double dpi)
{
    if (symbol.strokeStyle == Qt::NoPen || symbol.strokeColor.alpha() == 0 || symbol.strokeWidthMm <= 0)
        return QPen(Qt::NoPen);
    QPen pen(symbol.strokeColor);
    pen.setWidthF(std::max(symbol.strokeWidthMm * dpi / 25.4, 0.5));
    pen.setStyle(symbol.strokeStyle);
    pen.setJoinStyle(Qt::RoundJoin);
    pen.setCapStyle(Qt::RoundCap);
    return pen;
}

QBrush SymbolPainter::fillBrush(const Symbol &symbol)
{
    if (symbol.fillColor.alpha() == 0)
        return QBrush(Qt::NoBrush);
    return QBrush(symbol.fillColor);
}

void SymbolPainter::drawHatch(QPainter &painter, const QPainterPath &area, const Symbol &symbol, double dpi)
{
    if (symbol.hatch == HatchPattern::None || symbol.hatchColor.alpha() == 0 || area.isEmpty())
        return;
    const double spacing = std::max(symbol.hatchSpacingMm * dpi / 25.4, 2.0);
    QPen pen(symbol.hatchColor);
    pen.setWidthF(std::max(symbol.hatchWidthMm * dpi / 25.4, 0.5));
    pen.setCapStyle(Qt::FlatCap);
    if (painter.device() && painter.device()->devType() == QInternal::Image) {
        // Raster output: a seamless tile as a texture brush — clipping lines to a complex
        // path is slow in the raster engine. The tile is anchored at the logical origin
        // (the output's (0,0)), so bands and adjacent features line up.
        const bool diagonal = symbol.hatch == HatchPattern::BDiagonal || symbol.hatch == HatchPattern::FDiagonal
            || symbol.hatch == HatchPattern::DiagCross;
        const int side = std::max(3, int(std::lround(diagonal ? spacing * std::sqrt(2.0) : spacing)));
        QImage tile(side, side, QImage::Format_ARGB32_Premultiplied);
        tile.fill(Qt::transparent);
        {
            QPainter tp(&tile);
            tp.setRenderHint(QPainter::Antialiasing, true);
            tp.setPen(pen);
            for (int k = -1; k <= 1; ++k) {
                const double o = k * side;
                if (symbol.hatch == HatchPattern::Horizontal || symbol.hatch == HatchPattern::Cross)
                    tp.drawLine(QPointF(-1, side / 2.0 + o), QPointF(side + 1, side / 2.0 + o));
                if (symbol.hatch == HatchPattern::Vertical || symbol.hatch == HatchPattern::Cross)
                    tp.drawLine(QPointF(side / 2.0 + o, -1), QPointF(side / 2.0 + o, side + 1));
                if (symbol.hatch == HatchPattern::BDiagonal || symbol.hatch == HatchPattern::DiagCross)
                    tp.drawLine(QPointF(o - 1, side + 1), QPointF(o + side + 1, -1));
                if (symbol.hatch == HatchPattern::FDiagonal || symbol.hatch == HatchPattern::DiagCross)
                    tp.drawLine(QPointF(o - 1, -1), QPointF(o + side + 1, side + 1));
            }
        }
        QBrush brush(tile);
        painter.save();
        painter.setPen(Qt::NoPen);
        painter.setBrush(brush);
        painter.drawPath(area);
        painter.restore();
        return;
    }
    QRectF b = area.boundingRect();
    if (painter.hasClipping())
        b = b.intersected(painter.clipBoundingRect());
    if (painter.device()) {
        const QRectF device(0, 0, painter.device()->width(), painter.device()->height());
        b = b.intersected(painter.transform().inverted().mapRect(device));
    }
    if (b.isEmpty())
        return;
    painter.save();
    painter.setClipPath(area, painter.hasClipping() ? Qt::IntersectClip : Qt::ReplaceClip);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    // Lines anchored to multiples of `spacing` in device space so adjacent features line up.
    auto horizontal = [&] {
        for (double y = std::floor(b.top() / spacing) * spacing; y <= b.bottom(); y += spacing)
            painter.drawLine(QPointF(b.left(), y), QPointF(b.right(), y));
    };
    auto vertical = [&] {
        for (double x = std::floor(b.left() / spacing) * spacing; x <= b.right(); x += spacing)
            painter.drawLine(QPointF(x, b.top()), QPointF(x, b.bottom()));
    };
    // Diagonals: x + y = c (BDiagonal, "/" ) and x - y = c (FDiagonal, "\").
    const double diag = spacing * std::sqrt(2.0);
    auto bdiag = [&] {
        for (double c = std::floor((b.left() + b.top()) / diag) * diag; c <= b.right() + b.bottom(); c += diag)
            painter.drawLine(QPointF(c - b.top(), b.top()), QPointF(c - b.bottom(), b.bottom()));
    };
    auto fdiag = [&] {
        for (double c = std::floor((b.left() - b.bottom()) / diag) * diag; c <= b.right() - b.top(); c += diag)
            painter.drawLine(QPointF(c + b.top(), b.top()), QPointF(c + b.bottom(), b.bottom()));
    };
    switch (symbol.hatch) {
    case HatchPattern::Horizontal: horizontal(); break;
    case HatchPattern::Vertical: vertical(); break;
    case HatchPattern::Cross: horizontal(); vertical(); break;
    case HatchPattern::BDiagonal: bdiag(); break;
    case HatchPattern::FDiagonal: fdiag(); break;
    case HatchPattern::DiagCross: bdiag(); fdiag(); break;
    case HatchPattern::None: break;
    }
    painter.restore();
}

const QPainterPath &SymbolPainter::markerPath(MarkerShape shape)
{
    static const QPainterPath paths[] = {makeMarker(MarkerShape::Circle), makeMarker(MarkerShape::Square),
                                         makeMarker(MarkerShape::Triangle), makeMarker(MarkerShape::Star),
                                         makeMarker(MarkerShape::Diamond), makeMarker(MarkerShape::Cross),
                                         makeMarker(MarkerShape::Svg)};
    return paths[int(shape)];
}

QString SymbolPainter::resourceDir()
{
    return refuge::resourceDir();
}

QByteArray SymbolPainter::svgIcon(const QString &icon)
{
    static std::mutex mutex;
    static QHash<QString, QByteArray> cache;
    std::lock_guard lock(mutex);
    const auto it = cache.constFind(icon);
    if (it != cache.constEnd())
        return *it;
    QString path = icon;
    if (!QDir::isAbsolutePath(path))
        path = QDir(resourceDir()).filePath(QStringLiteral("icons/") + icon + (icon.endsWith(QLatin1String(".svg")) ? QString() : QStringLiteral(".svg")));
    QFile f(path);
    QByteArray bytes;
    if (f.open(QIODevice::ReadOnly))
        bytes = f.readAll();
    cache.insert(icon, bytes);
    return bytes;
}

void SymbolPainter::drawMarker(QPainter &painter, QPointF centre, const Symbol &symbol, double sizePx, double dpi)
{
    if (symbol.marker == MarkerShape::Svg) {
        const QByteArray svg = svgIcon(symbol.icon);
        if (!svg.isEmpty()) {
            QSvgRenderer renderer(svg);
            if (renderer.isValid()) {
                const QSizeF def = renderer.defaultSize();
                const double aspect = def.height() > 0 ? def.width() / def.height() : 1.0;
                const QSizeF s(sizePx * aspect, sizePx);
                renderer.render(&painter, QRectF(centre - QPointF(s.width() / 2, s.height() / 2), s));
                return;
            }
        }
    }
    const QPainterPath &unit = markerPath(symbol.marker);
    QTransform t;
    t.translate(centre.x(), centre.y());
    t.scale(sizePx, sizePx);
    painter.setPen(strokePen(symbol, dpi));
    painter.setBrush(fillBrush(symbol));
    painter.drawPath(t.map(unit));
}

void SymbolPainter::drawSwatch(QPainter &painter, const QRectF &rect, const Symbol &symbol, int dimension, double dpi)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (dimension == 0) {
        const double size = std::min({symbol.sizeMm * dpi / 25.4, rect.width(), rect.height()});
        drawMarker(painter, rect.center(), symbol, std::max(size, 3.0), dpi);
    } else if (dimension == 1) {
        painter.setPen(strokePen(symbol, dpi));
        painter.drawLine(QPointF(rect.left() + 1, rect.center().y()), QPointF(rect.right() - 1, rect.center().y()));
    } else {
        const QRectF box = rect.adjusted(1, 1, -1, -1);
        QPainterPath path;
        path.addRect(box);
        painter.setPen(Qt::NoPen);
        painter.setBrush(fillBrush(symbol));
        painter.drawPath(path);
        drawHatch(painter, path, symbol, dpi);
        painter.setPen(strokePen(symbol, dpi));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
    }
    painter.restore();
}

} // namespace refuge::detail
