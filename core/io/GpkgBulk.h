#pragma once
// GpkgBulk: the large part of writing a GeoPackage, done on the file with SQLite
// directly once GDAL has created the tables (schema, gpkg_contents, the empty R-tree)
// and closed it:
//  - rows: a layer's features inserted with one prepared statement (GeoPackage
//    binary geometries, SQLite values), instead of an OGRFeature per row;
//  - R-trees: GDAL 3.6 fills rtree_<table>_<column> with one SQLite R-tree insert per
//    row (~5 s for 490k points, most of a large coverage run). Here the boxes are packed
//    bottom-up (sort-tile-recursive) and the nodes written straight into the R-tree's
//    tables (_node, _rowid, _parent) in SQLite's node format (single-precision boxes
//    rounded outwards, as SQLite rounds them); `SELECT rtreecheck(...)` accepts the
//    result; the insert trigger GDAL made is put back, so later inserts and deletes go
//    through SQLite as usual.
// One transaction, committed by commit(); without it nothing is kept. No syncs: the
// file is a temporary that becomes an output only when complete (OutputFile).
// Synchronous; one object per file; any thread.
#include "model/VectorLayer.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <memory>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace refuge {

class GpkgBulk {
public:
    struct Entry {
        qint64 id; // the feature id (the R-tree's rowid)
        double minX, minY, maxX, maxY;
    };
    // Throws IoError naming `path`.
    explicit GpkgBulk(const QString &path);
    ~GpkgBulk();
    GpkgBulk(const GpkgBulk &) = delete;
    GpkgBulk &operator=(const GpkgBulk &) = delete;

    // True when insertRows() can write every field of `layer` (integers, reals,
    // booleans and text; dates go through OGR).
    static bool canInsert(const VectorLayer &layer);
    // Appends the features of `layer` to `table` (created by GDAL with the layer's
    // fields, in order, and the geometry column `column`), updates the table's extent
    // in gpkg_contents and its feature count; returns the R-tree boxes by feature id.
    // `columns`: the table's column of each field, in order.
    std::vector<Entry> insertRows(const QString &table, const QString &column, const QStringList &columns, const VectorLayer &layer);
    // Fills the empty R-tree of `table`.`column` with `entries`, then runs
    // `insertTrigger` (the SQL of the R-tree's insert trigger, set aside meanwhile).
    void fillRTree(const QString &table, const QString &column, std::vector<Entry> entries, const QString &insertTrigger);
    void exec(const QString &sql);
    void commit();

private:
    struct Close {
        void operator()(sqlite3 *db) const;
    };
    [[noreturn]] void fail(const QString &what) const;
    sqlite3_stmt *prepare(const QString &sql) const; // fail()s when SQLite cannot
    void packRTree(const QString &table, const QString &column, std::vector<Entry> entries);
    QString m_path;
    std::unique_ptr<sqlite3, Close> m_db;
    bool m_committed = false;
};

} // namespace refuge
