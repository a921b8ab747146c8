#pragma once
// LayerProbe: what a vector layer declares — its geometry dimension and its fields —
// read from the layer's definition without reading its features (Analysis::validate
// checks a layer parameter's geometry and fields with it before a run). Opens the
// source as VectorLayer::load does (same layer choice, same one-line errors naming the
// file). Synchronous; any thread.
#include "model/DataSource.h"
#include "model/Field.h"

#include <QStringList>
#include <vector>

namespace refuge {

// What a file holds: vector layers, raster bands, or both. Throws IoError naming the
// file (missing, empty, directory, unreadable, not a GDAL format).
struct DatasetKind {
    bool vector = false;
    bool raster = false;
};
DatasetKind probeDataset(const QString &path);

struct LayerProbe {
    int dimension = -1;          // 0 points, 1 lines, 2 polygons; -1 when the layer does not say
    QStringList fields;
    std::vector<FieldType> types; // per field
    qint64 featureCount = -1;     // when the driver knows it without reading; else -1

    // Throws IoError / InvalidInput / CrsError naming the file, as VectorLayer::load would.
    static LayerProbe of(const DataSource &source);
};

} // namespace refuge
