#pragma once
// VectorWriter: writes VectorLayers with GDAL — GeoPackage (the default for results),
// GeoJSON (always EPSG:4326 per RFC 7946, reprojected) and CSV (WKT geometry column).
// Writes to a temporary file and renames it into place (OutputFile), so a failed or
// killed write never leaves a half-written file behind. Replaces the layer if it exists
// (GeoPackage keeps other layers). Everything through GDAL's public API: one transaction
// per layer, one reused OGRFeature, GDAL's own R-tree. Throws Canceled after
// Feedback::requestCancelAll() (refuge-cli on SIGINT/SIGTERM).
#include "model/VectorLayer.h"

#include <vector>

namespace refuge {

enum class VectorFormat { GeoPackage, GeoJson, Csv };

class VectorWriter {
public:
    // Format from the file suffix (.gpkg, .geojson/.json, .csv); throws InvalidInput otherwise.
    static VectorFormat formatFor(const QString &path);
    // Throws IoError naming the file.
    static void write(const VectorLayer &layer, const QString &path, const QString &layerName = {});
    // Several layers into one GeoPackage in one pass (one temporary file, one rename:
    // writing them one by one copied the growing file for every layer).
    struct NamedLayer {
        QString name; // empty: the layer's own name
        const VectorLayer *layer = nullptr;
    };
    // And, in a GeoPackage, layers defined as the rows of another one matching an SQL
    // condition: views (registered as feature layers) instead of copies of the rows.
    struct FilteredView {
        QString name;
        QString source; // a layer written in the same call
        QString where;  // SQL condition on its columns: the program's own text, never user input
    };
    static void writeAll(const std::vector<NamedLayer> &layers, const QString &path, const std::vector<FilteredView> &views = {});
    // The GDAL release the files are written with ("3.6.2"), for the results' record.
    static QString gdalVersion();
};

} // namespace refuge
