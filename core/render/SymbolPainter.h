#pragma once
// Internal: turns Symbols into pens/brushes and draws markers, hatches and swatches.
// Used by the layer renderers and the legend so both draw identically. Stateless
// apart from a process-wide cache of SVG icon bytes (mutex-protected); QSvgRenderer
// objects are created on the calling thread. Thread-safe.
#include "render/Symbol.h"

#include <QByteArray>
#include <QPainterPath>
#include <QPen>
#include <QRectF>

class QPainter;

namespace refuge::detail {

class SymbolPainter {
public:
    // Pen for lines/outlines at `dpi` (Qt::NoPen for a transparent or "none" stroke).
    static QPen strokePen(const Symbol &symbol, double dpi);
    // Solid fill brush (Qt::NoBrush for a transparent fill). Hatches are drawn separately.
    static QBrush fillBrush(const Symbol &symbol);
    // Draws the symbol's hatch lines inside `area` (device coordinates).
    static void drawHatch(QPainter &painter, const QPainterPath &area, const Symbol &symbol, double dpi);
    // Draws a marker centred at `centre` with diameter `sizePx`.
    static void drawMarker(QPainter &painter, QPointF centre, const Symbol &symbol, double sizePx, double dpi);
    // A unit marker outline (diameter 1, centred on 0,0) for the vector shapes.
    static const QPainterPath &markerPath(MarkerShape shape);
    // The SVG document of an icon name ("shelter") or absolute path; empty if not found.
    static QByteArray svgIcon(const QString &icon);
    // The directory holding icons/, styles/ (refuge::resourceDir(), util/Resources.h).
    static QString resourceDir();
    // A legend swatch: marker (dim 0), line (1) or filled box (2) fitted in `rect`.
    static void drawSwatch(QPainter &painter, const QRectF &rect, const Symbol &symbol, int dimension, double dpi);
};

} // namespace refuge::detail
