#pragma once
// LayerSchema: what validate() needs to know of a layer parameter's source — raster or
// vector, its geometry dimension, its fields — from io's LayerProbe (no features read),
// remembered per source and file time for the process so a dialog revalidating on every
// edit opens each file once. OSM extracts are not probed (the graph builder reads
// them). Thread-safe.
#include "model/DataSource.h"
#include "model/Field.h"

#include <QStringList>
#include <vector>

namespace refuge {

struct LayerSchema {
    bool skipped = false;        // not probed (OSM extract): no geometry or field checks
    bool raster = false;
    int dimension = -1;          // 0 points, 1 lines, 2 polygons; -1 unknown
    QStringList fields;
    std::vector<FieldType> types;
    qint64 featureCount = -1;    // -1: not known without reading

    // The index of `name` (exact, else case-insensitive), -1 when none.
    int fieldIndex(const QString &name) const;
    // Throws IoError / InvalidInput / CrsError naming the file.
    static LayerSchema of(const DataSource &source);
};

} // namespace refuge
