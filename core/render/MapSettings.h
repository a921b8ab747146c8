#pragma once
// MapSettings: a value snapshot of everything needed to draw one map frame — extent
// in the project CRS, output size and DPI, background, and the ordered layers with
// their styles. The desktop builds one per frame on the GUI thread and hands a copy to
// a worker; the layers are shared immutable data (shared_ptr<const …>), so a snapshot
// stays valid whatever the project does meanwhile. No scale or rotation: the extent is
// fitted into the output size keeping the aspect ratio (see visibleExtent()).
#include "crs/Crs.h"
#include "render/Style.h"

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QTransform>
#include <memory>
#include <vector>

namespace refuge {

class RasterLayer;
class VectorLayer;

// One layer to draw. Exactly one of vector/raster is set; both layers must already be
// in the MapSettings CRS (VectorLayer::load with targetCrs = project CRS; rasters in
// another CRS are skipped with a Feedback warning).
struct MapLayer {
    QString id;                                  // e.g. ProjectLayer::id (for the desktop's caches)
    QString name;                                // for warnings and the legend
    std::shared_ptr<const VectorLayer> vector;
    std::shared_ptr<const RasterLayer> raster;
    Style style;
    double opacity = 1.0;                        // 0..1, applied when composing the layer image
    bool visible = true;
    std::vector<int> selection;                  // feature indices drawn highlighted (identify/select)
};

struct MapSettings {
    QRectF extent;                               // requested extent in map units (project CRS)
    QSize outputSize = QSize(800, 600);          // device pixels
    double dpi = 96.0;                           // converts symbol mm / label pt to pixels
    QColor background = QColor(255, 255, 255);   // may be transparent
    Crs crs;
    std::vector<MapLayer> layers;                // bottom first: layers[0] is drawn first
    bool drawLabels = true;
    bool antialiasing = true;
    QColor selectionColor = QColor(255, 230, 0);

    // The extent actually shown: `extent` grown on one axis to the output aspect ratio,
    // same centre.
    QRectF visibleExtent() const;
    double mapUnitsPerPixel() const;
    // Map → device pixels (y down), and back.
    QTransform mapToPixel() const;
    QPointF toPixel(QPointF map) const;
    QPointF toMap(QPointF pixel) const;
    // Millimetres / points on the output device in pixels.
    double mmToPixels(double mm) const { return mm * dpi / 25.4; }
    double ptToPixels(double pt) const { return pt * dpi / 72.0; }
    // 1:N for a metre-based CRS at this DPI (0 when the extent is empty).
    double scaleDenominator() const;
};

} // namespace refuge
