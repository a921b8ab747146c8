#pragma once
// PointTable: a table of points — a spreadsheet sheet (XLSX, ODS) or a CSV file, as
// bureaus keep shelter and station lists — made a point layer for VectorReader::open.
// The coordinate columns are found by their usual names (经度/纬度, lon/lat, lng/lat,
// longitude/latitude, x/y, any case, a unit in brackets allowed: "经度(°)"); the table
// is copied into an in-memory GDAL layer with one point per row and the coordinate
// columns left out of the attributes (they are the geometry). Rows whose coordinate is
// empty or not a number keep no geometry and get their reason (with the table's row
// number) in `problems`, so the reader reports them by FID: never silently skipped.
// Internal to core/io; one thread.
#include "crs/Crs.h"
#include "io/Gdal.h"

#include <QString>
#include <map>

namespace refuge {

struct PointTableColumns {
    int x = -1, y = -1;     // field indices
    bool lonLat = false;    // named as longitude/latitude (not x/y)
    QString xName, yName;
};

class PointTable {
public:
    // A table driver whose layers have no geometry of their own: XLSX, ODS, CSV.
    static bool isTableDriver(const QString &driver);
    // The coordinate columns; InvalidInput naming the file and listing the headers found
    // when there is no pair of them.
    static PointTableColumns findColumns(OGRLayerH table, const QString &display);
    // The table as an in-memory point layer (its only layer), FIDs kept. Geographic
    // coordinates (lon/lat columns, or a geographic `stated` CRS) that fit only with the
    // two columns exchanged (a latitude beyond ±90°, or outside China for a stated
    // GCJ-02/BD-09, while every row fits exchanged) are refused: InvalidInput saying so.
    static GdalDataset toPoints(OGRLayerH table, const PointTableColumns &columns, const Crs &stated, const QString &driver,
                                const QString &display, std::map<qint64, QString> &problems);
};

} // namespace refuge
