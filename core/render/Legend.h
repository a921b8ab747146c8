#pragma once
// Legend: the entries a style shows in the layer tree, print legends and reports — one
// swatch + label per class (single symbol: one entry with an empty label). Entries are
// values; their paint function draws the symbol with the same code as the map, fitted
// into a rectangle, so swatches match the map exactly. Safe from any thread.
#include "geom/Geometry.h"
#include "render/Style.h"

#include <QImage>
#include <QRectF>
#include <QSize>
#include <QString>
#include <functional>
#include <vector>

class QPainter;

namespace refuge {

struct LegendEntry {
    QString label;                                           // class label (may be Chinese)
    std::function<void(QPainter &, const QRectF &)> paint;  // draws the swatch into the rect
    // The swatch as an image (transparent background), size in device-independent pixels.
    QImage swatch(QSize size, double devicePixelRatio = 1.0) const;
};

class Legend {
public:
    // Entries for `style` drawn as `geometryType` (points → marker, lines → a stroke,
    // polygons → a filled box). Raster styles give ramp steps with min/max labels.
    // dpi converts the symbol's mm sizes (96 for screen swatches).
    static std::vector<LegendEntry> entries(const Style &style, GeometryType geometryType, double dpi = 96.0);
};

} // namespace refuge
