#pragma once
// GpkgRTree: fills the R-tree of a GeoPackage layer in one pass. GDAL 3.6 fills the
// rtree_<table>_<column> virtual table row by row (an SQLite R-tree insert per
// feature: ~5 s for 490k points, most of a large coverage run). Here the boxes are
// packed bottom-up (sort-tile-recursive) and the nodes written straight into the
// R-tree's tables (_node, _rowid, _parent) in SQLite's own node format, as SQLite
// would store them (single-precision boxes rounded outwards); `SELECT
// rtreecheck(...)` accepts the result. Later inserts and deletes go through SQLite
// as usual. Synchronous; any thread; one file at a time.
#include <QString>
#include <QtGlobal>
#include <vector>

namespace refuge {

class GpkgRTree {
public:
    struct Entry {
        qint64 id; // the feature id (the R-tree's rowid)
        double minX, minY, maxX, maxY;
    };
    // The GeoPackage at `path` (closed by GDAL) holds an empty R-tree for
    // `table`.`column` (created by GDAL on the empty table). Throws IoError naming path.
    static void fill(const QString &path, const QString &table, const QString &column, std::vector<Entry> entries);
};

} // namespace refuge
