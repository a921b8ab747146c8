#include "io/GpkgBulk.h"
#include "io/OgrGeometry.h"
#include "io/OutputFile.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QByteArray>
#include <QFile>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <sqlite3.h>

namespace refuge {

namespace {

// R-tree coordinates are floats never inside the double they stand for (as SQLite
// rounds them): the largest float <= d for a minimum, the smallest >= d for a maximum;
// beyond the float range (or NaN) the box opens to infinity.
float valueDown(double d)
{
    constexpr float inf = std::numeric_limits<float>::infinity();
    if (d >= double(std::numeric_limits<float>::max()))
        return std::numeric_limits<float>::max();
    if (!(d > -double(std::numeric_limits<float>::max())))
        return -inf;
    const float f = float(d);
    return double(f) > d ? std::nextafter(f, -inf) : f;
}
float valueUp(double d)
{
    constexpr float inf = std::numeric_limits<float>::infinity();
    if (d <= -double(std::numeric_limits<float>::max()))
        return -std::numeric_limits<float>::max();
    if (!(d < double(std::numeric_limits<float>::max())))
        return inf;
    const float f = float(d);
    return double(f) < d ? std::nextafter(f, inf) : f;
}

struct Cell {
    qint64 id; // rowid in a leaf, child node number above
    float minX, maxX, minY, maxY;
    double cx() const { return (double(minX) + double(maxX)) / 2; }
    double cy() const { return (double(minY) + double(maxY)) / 2; }
};

// Sort-tile-recursive packing of one level into nodes of at most `capacity` cells.
std::vector<std::vector<Cell>> packLevel(std::vector<Cell> cells, std::size_t capacity)
{
    const std::size_t nodes = (cells.size() + capacity - 1) / capacity;
    const auto slices = std::size_t(std::ceil(std::sqrt(double(nodes))));
    const std::size_t perSlice = slices * capacity;
    std::sort(cells.begin(), cells.end(), [](const Cell &a, const Cell &b) { return a.cx() < b.cx(); });
    std::vector<std::vector<Cell>> out;
    for (std::size_t s = 0; s < cells.size(); s += perSlice) {
        const auto end = cells.begin() + std::ptrdiff_t(std::min(cells.size(), s + perSlice));
        std::sort(cells.begin() + std::ptrdiff_t(s), end, [](const Cell &a, const Cell &b) { return a.cy() < b.cy(); });
        for (auto it = cells.begin() + std::ptrdiff_t(s); it < end; it += std::ptrdiff_t(std::min<std::size_t>(capacity, std::size_t(end - it))))
            out.emplace_back(it, it + std::ptrdiff_t(std::min<std::size_t>(capacity, std::size_t(end - it))));
    }
    return out;
}

void putBigEndian(unsigned char *p, quint64 v, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i, v >>= 8)
        p[i] = static_cast<unsigned char>(v & 0xff);
}

QByteArray nodeBlob(const std::vector<Cell> &cells, int nodeSize, int depth)
{
    QByteArray blob(nodeSize, '\0');
    auto *p = reinterpret_cast<unsigned char *>(blob.data());
    putBigEndian(p, quint64(depth), 2);
    putBigEndian(p + 2, quint64(cells.size()), 2);
    unsigned char *c = p + 4;
    for (const Cell &cell : cells) {
        putBigEndian(c, quint64(cell.id), 8);
        c += 8;
        for (float f : {cell.minX, cell.maxX, cell.minY, cell.maxY}) {
            quint32 bits;
            std::memcpy(&bits, &f, 4);
            putBigEndian(c, bits, 4);
            c += 4;
        }
    }
    return blob;
}

struct FinalizeStmt {
    void operator()(sqlite3_stmt *s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, FinalizeStmt>;

QString quoted(QString id) { return QLatin1Char('"') + id.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"'); }

void putLittleEndian(QByteArray &out, quint64 v, int bytes)
{
    for (int i = 0; i < bytes; ++i, v >>= 8)
        out.append(char(v & 0xff));
}
void putDouble(QByteArray &out, double d)
{
    quint64 bits;
    std::memcpy(&bits, &d, 8);
    putLittleEndian(out, bits, 8);
}

// GeoPackage binary: "GP", version 0, flags (little-endian, envelope [minx, maxx, miny,
// maxy] except for points, as GDAL writes them), srs_id, then ISO WKB. Sets `box`.
QByteArray gpkgGeometry(const Geometry &g, qint32 srsId, GpkgBulk::Entry &box)
{
    QByteArray out;
    out.reserve(64);
    out.append("GP", 2);
    out.append(char(0));
    if (g.type() == GeometryType::Point && g.points().size() == 1) {
        const QPointF p = g.points().front();
        box.minX = box.maxX = p.x();
        box.minY = box.maxY = p.y();
        out.append(char(0x01));
        putLittleEndian(out, quint32(srsId), 4);
        out.append(char(1));           // WKB little-endian
        putLittleEndian(out, 1, 4);    // Point
        putDouble(out, p.x());
        putDouble(out, p.y());
        return out;
    }
    const OgrGeometry ogr = toOgr(g);
    OGREnvelope e;
    OGR_G_GetEnvelope(ogr.get(), &e);
    box.minX = e.MinX;
    box.maxX = e.MaxX;
    box.minY = e.MinY;
    box.maxY = e.MaxY;
    out.append(char(0x03)); // little-endian, envelope XY
    putLittleEndian(out, quint32(srsId), 4);
    for (double d : {e.MinX, e.MaxX, e.MinY, e.MaxY})
        putDouble(out, d);
    const qsizetype header = out.size();
    out.resize(header + OGR_G_WkbSize(ogr.get()));
    OGR_G_ExportToIsoWkb(ogr.get(), wkbNDR, reinterpret_cast<unsigned char *>(out.data() + header));
    return out;
}

} // namespace

void GpkgBulk::Close::operator()(sqlite3 *db) const { sqlite3_close(db); }

GpkgBulk::GpkgBulk(const QString &path) : m_path(path)
{
    sqlite3 *raw = nullptr;
    // One thread uses the connection: no SQLite mutexes (a few per cent of a large write).
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    m_db.reset(raw);
    if (rc != SQLITE_OK)
        fail(QStringLiteral("cannot open"));
    exec(QStringLiteral("PRAGMA synchronous = OFF"));
    exec(QStringLiteral("BEGIN"));
}

GpkgBulk::~GpkgBulk()
{
    if (m_db && !m_committed)
        sqlite3_exec(m_db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void GpkgBulk::fail(const QString &what) const
{
    throw IoError(fileMessage(m_path, QStringLiteral("%1: %2").arg(what, QString::fromUtf8(m_db ? sqlite3_errmsg(m_db.get()) : "out of memory"))));
}

void GpkgBulk::exec(const QString &sql)
{
    if (sqlite3_exec(m_db.get(), sql.toUtf8().constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
        fail(QStringLiteral("cannot run '%1'").arg(sql.left(80)));
}

void GpkgBulk::commit()
{
    exec(QStringLiteral("COMMIT"));
    m_committed = true;
}

bool GpkgBulk::canInsert(const VectorLayer &layer)
{
    for (const Field &f : layer.fields())
        if (f.type == FieldType::Date || f.type == FieldType::DateTime)
            return false;
    return true;
}

sqlite3_stmt *GpkgBulk::prepare(const QString &sql) const
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db.get(), sql.toUtf8().constData(), -1, &st, nullptr) != SQLITE_OK)
        fail(QStringLiteral("cannot prepare '%1'").arg(sql.left(80)));
    return st;
}

std::vector<GpkgBulk::Entry> GpkgBulk::insertRows(const QString &table, const QString &column, const QStringList &columns, const VectorLayer &layer)
{
    qint32 srsId = 0;
    {
        Stmt srs(prepare(QStringLiteral("SELECT srs_id FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)")));
        const QByteArray t = table.toUtf8();
        sqlite3_bind_text(srs.get(), 1, t.constData(), int(t.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(srs.get()) == SQLITE_ROW)
            srsId = sqlite3_column_int(srs.get(), 0);
    }
    QStringList names{quoted(column)}, marks{QStringLiteral("?")};
    for (const QString &c : columns) {
        names << quoted(c);
        marks << QStringLiteral("?");
    }
    // GDAL's feature-count trigger would update gpkg_ogr_contents once per row (half
    // the insert time): set aside meanwhile, the count set once, the trigger put back.
    QString countTrigger;
    {
        Stmt trigger(prepare(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?")));
        const QByteArray name = QStringLiteral("trigger_insert_feature_count_%1").arg(table).toUtf8();
        sqlite3_bind_text(trigger.get(), 1, name.constData(), int(name.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(trigger.get()) == SQLITE_ROW)
            countTrigger = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(trigger.get(), 0)));
        if (!countTrigger.isEmpty())
            exec(QStringLiteral("DROP TRIGGER %1").arg(quoted(QString::fromUtf8(name))));
    }
    Stmt insert(prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(quoted(table), names.join(QLatin1Char(',')), marks.join(QLatin1Char(',')))));
    std::vector<Entry> entries;
    entries.reserve(std::size_t(layer.featureCount()));
    const int fieldCount = int(std::min<qsizetype>(columns.size(), qsizetype(layer.fields().size())));
    bool any = false;
    Entry extent{0, 0, 0, 0, 0};
    // The bound bytes live until the row is stepped: bound without a copy (SQLITE_STATIC).
    QByteArray blob;
    std::vector<QByteArray> texts(std::size_t(std::max(fieldCount, 0)));
    for (int i = 0; i < layer.featureCount(); ++i) {
        sqlite3_stmt *st = insert.get();
        const Geometry &g = layer.geometry(i);
        Entry box{0, 0, 0, 0, 0};
        if (g.isEmpty()) {
            sqlite3_bind_null(st, 1);
        } else {
            blob = gpkgGeometry(g, srsId, box);
            sqlite3_bind_blob(st, 1, blob.constData(), int(blob.size()), SQLITE_STATIC);
        }
        for (int c = 0; c < fieldCount; ++c) {
            const QVariant v = layer.attribute(i, c);
            const int at = c + 2;
            if (!v.isValid() || v.isNull()) {
                sqlite3_bind_null(st, at);
                continue;
            }
            switch (layer.fields()[std::size_t(c)].type) {
            case FieldType::Integer: sqlite3_bind_int64(st, at, v.toLongLong()); break;
            case FieldType::Boolean: sqlite3_bind_int(st, at, v.toBool() ? 1 : 0); break;
            case FieldType::Real: sqlite3_bind_double(st, at, v.toDouble()); break;
            default: {
                QByteArray &text = texts[std::size_t(c)];
                text = v.toString().toUtf8();
                sqlite3_bind_text(st, at, text.constData(), int(text.size()), SQLITE_STATIC);
            }
            }
        }
        if (sqlite3_step(st) != SQLITE_DONE)
            fail(QStringLiteral("cannot write feature %1 of '%2'").arg(i).arg(table));
        sqlite3_reset(st);
        if (!g.isEmpty()) {
            box.id = sqlite3_last_insert_rowid(m_db.get());
            entries.push_back(box);
            if (!any)
                extent = box;
            extent.minX = std::min(extent.minX, box.minX);
            extent.minY = std::min(extent.minY, box.minY);
            extent.maxX = std::max(extent.maxX, box.maxX);
            extent.maxY = std::max(extent.maxY, box.maxY);
            any = true;
        }
        OutputFile::faultPoint("row", m_path);
        Feedback::throwIfCancelAllRequested();
    }
    insert.reset();
    const QString t = QStringLiteral("'%1'").arg(QString(table).replace(QLatin1Char('\''), QStringLiteral("''")));
    if (any)
        exec(QStringLiteral("UPDATE gpkg_contents SET min_x = %1, min_y = %2, max_x = %3, max_y = %4 WHERE lower(table_name) = lower(%5)")
                 .arg(extent.minX, 0, 'g', 17).arg(extent.minY, 0, 'g', 17).arg(extent.maxX, 0, 'g', 17).arg(extent.maxY, 0, 'g', 17).arg(t));
    Stmt hasCounts(prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_ogr_contents'")));
    if (sqlite3_step(hasCounts.get()) == SQLITE_ROW)
        exec(QStringLiteral("UPDATE gpkg_ogr_contents SET feature_count = (SELECT COUNT(*) FROM %1) WHERE lower(table_name) = lower(%2)")
                 .arg(quoted(table), t));
    if (!countTrigger.isEmpty())
        exec(countTrigger);
    return entries;
}

void GpkgBulk::fillRTree(const QString &table, const QString &column, std::vector<Entry> entries, const QString &insertTrigger)
{
    if (!entries.empty())
        packRTree(table, column, std::move(entries));
    exec(insertTrigger);
}

void GpkgBulk::packRTree(const QString &table, const QString &column, std::vector<Entry> entries)
{
    const QString rtree = QStringLiteral("rtree_%1_%2").arg(table, column);
    auto failIndex = [&](const QString &what) { fail(QStringLiteral("cannot build the spatial index of '%1' (%2)").arg(table, what)); };
    int nodeSize = 0;
    {
        Stmt size(prepare(QStringLiteral("SELECT length(data) FROM %1 WHERE nodeno = 1").arg(quoted(rtree + QStringLiteral("_node")))));
        if (sqlite3_step(size.get()) == SQLITE_ROW)
            nodeSize = sqlite3_column_int(size.get(), 0);
    }
    const int cellBytes = 8 + 4 * 4;
    if (nodeSize < 4 + 2 * cellBytes)
        failIndex(QStringLiteral("no empty R-tree to fill"));
    const auto capacity = std::size_t((nodeSize - 4) / cellBytes);

    Stmt node(prepare(QStringLiteral("INSERT OR REPLACE INTO %1 (nodeno, data) VALUES (?, ?)").arg(quoted(rtree + QStringLiteral("_node")))));
    Stmt rowid(prepare(QStringLiteral("INSERT INTO %1 (rowid, nodeno) VALUES (?, ?)").arg(quoted(rtree + QStringLiteral("_rowid")))));
    Stmt parent(prepare(QStringLiteral("INSERT INTO %1 (nodeno, parentnode) VALUES (?, ?)").arg(quoted(rtree + QStringLiteral("_parent")))));
    auto run = [&](const Stmt &s, qint64 a, qint64 b) {
        sqlite3_bind_int64(s.get(), 1, a);
        sqlite3_bind_int64(s.get(), 2, b);
        if (sqlite3_step(s.get()) != SQLITE_DONE)
            failIndex(QStringLiteral("insert"));
        sqlite3_reset(s.get());
    };
    auto writeNode = [&](qint64 nodeno, const std::vector<Cell> &cells, int depth) {
        const QByteArray blob = nodeBlob(cells, nodeSize, depth);
        sqlite3_bind_int64(node.get(), 1, nodeno);
        sqlite3_bind_blob(node.get(), 2, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(node.get()) != SQLITE_DONE)
            failIndex(QStringLiteral("insert node"));
        sqlite3_reset(node.get());
    };

    std::vector<Cell> level;
    level.reserve(entries.size());
    for (const Entry &e : entries)
        level.push_back({e.id, valueDown(e.minX), valueUp(e.maxX), valueDown(e.minY), valueUp(e.maxY)});
    entries = {};
    qint64 next = 2; // node 1 is the root
    for (int height = 0;; ++height) {
        const std::vector<std::vector<Cell>> nodes = packLevel(std::move(level), capacity);
        const bool root = nodes.size() == 1;
        level.clear();
        for (const std::vector<Cell> &cells : nodes) {
            const qint64 nodeno = root ? 1 : next++;
            writeNode(nodeno, cells, root ? height : 0);
            Cell box{nodeno, cells[0].minX, cells[0].maxX, cells[0].minY, cells[0].maxY};
            for (const Cell &c : cells) {
                run(height == 0 ? rowid : parent, c.id, nodeno); // a feature's leaf, a child node's parent
                box.minX = std::min(box.minX, c.minX);
                box.maxX = std::max(box.maxX, c.maxX);
                box.minY = std::min(box.minY, c.minY);
                box.maxY = std::max(box.maxY, c.maxY);
            }
            level.push_back(box);
        }
        if (root)
            break;
    }
}

} // namespace refuge
