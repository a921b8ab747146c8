#pragma once
// GpkgStyles: layer styles stored in a GeoPackage, in the `layer_styles` table QGIS
// reads and writes (one row per style: f_table_name, f_geometry_column, styleName,
// styleQML, styleSLD, useAsDefault, description, owner, ui, update_time). QGIS applies
// a table's default row when it opens the layer; Refuge writes its own style into the
// QML as the custom property "refuge/style" (its Style JSON), and reads that back.
// The table is made through OGR as an attributes table (listed in gpkg_contents), as
// QGIS makes it. Synchronous; GDAL objects stay on the calling thread.
#include "io/Gdal.h"

#include <QJsonObject>
#include <QString>
#include <map>
#include <optional>
#include <vector>

namespace refuge {

struct GpkgStyle {
    QString table;          // the styled layer (f_table_name)
    QString geometryColumn; // its geometry column ("geom")
    QString name;           // styleName
    QString qml;            // QGIS style document
    QString sld;            // OGC Styled Layer Descriptor 1.1
    QString description;
};

struct GpkgLayerInfo {
    QString geometryColumn;
    int dimension = -1;     // 0 points, 1 lines, 2 polygons, -1 other or none
};

class GpkgStyles {
public:
    // The custom property holding Refuge's Style JSON in the QML.
    static const QString kRefugeProperty;

    // The geometry column and dimension of each layer of the GeoPackage, by name.
    // Throws IoError naming the file.
    static std::map<QString, GpkgLayerInfo> layerInfos(const QString &gpkg);
    // Makes each style the default style of its table: the table's earlier default rows
    // lose that mark, a row of the same name is replaced. One transaction: all or none.
    // Throws IoError naming the file.
    static void write(const QString &gpkg, const std::vector<GpkgStyle> &styles);
    static void write(const QString &gpkg, const GpkgStyle &style);
    // The default style of `table` in an open dataset (the newest default row), none when
    // the dataset has no layer_styles table or no default row for the table.
    static std::optional<GpkgStyle> readDefault(GDALDatasetH ds, const QString &table);
    // Refuge's Style JSON in a QML document's custom properties ({} when absent or not
    // JSON); reads both forms QGIS writes (<Option> maps and the older <property>).
    static QJsonObject refugeStyle(const QString &qml);
    // A custom property of a QML document ("" when absent), in either form.
    static QString customProperty(const QString &qml, const QString &key);
    // The custom property marking a bulky detail layer ("true"): opened hidden.
    static const QString kDetailProperty;
    // True for a GeoPackage's layer_styles table: not a layer to offer or open.
    static bool isStyleTable(const QString &driver, const QString &layerName);
};

} // namespace refuge
