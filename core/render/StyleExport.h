#pragma once
// StyleExport: a Refuge Style as the documents other GIS read — a QGIS style (QML:
// single symbol, categorized or graduated renderer of simple fill, line and marker
// symbol layers, sizes in millimetres) and an OGC Styled Layer Descriptor 1.1 (one
// rule per class with its filter; sizes in pixels at 96 dpi). The QML also carries the
// Style JSON itself as the custom property "refuge/style" (GpkgStyles), so Refuge reads
// back exactly what it wrote. Not exported: labels, marker sizes by field, SVG icons
// (drawn as circles), raster styles. Pure functions; any thread.
#include "render/Style.h"

#include <QMap>
#include <QString>

namespace refuge {

class StyleExport {
public:
    // `dimension`: 0 points, 1 lines, 2 polygons (the layer's geometry).
    // `properties`: more custom properties ("refuge/detail": "true").
    static QString qml(const Style &style, int dimension, const QMap<QString, QString> &properties = {});
    static QString sld(const Style &style, int dimension, const QString &layerName);
};

} // namespace refuge
