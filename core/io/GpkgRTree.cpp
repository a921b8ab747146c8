#include "io/GpkgRTree.h"
#include "util/Error.h"

#include <QByteArray>
#include <QFile>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <sqlite3.h>

namespace refuge {

namespace {

// SQLite's rounding of R-tree coordinates (rtree.c, rtreeValueDown/Up): a float
// never inside the double it stands for.
constexpr double roundTowards = 1.0 - 1.0 / 8388608.0, roundAway = 1.0 + 1.0 / 8388608.0;
float valueDown(double d)
{
    float f = float(d);
    if (double(f) > d)
        f = float(d * (d < 0 ? roundAway : roundTowards));
    return f;
}
float valueUp(double d)
{
    float f = float(d);
    if (double(f) < d)
        f = float(d * (d < 0 ? roundTowards : roundAway));
    return f;
}

struct Cell {
    qint64 id; // rowid in a leaf, child node number above
    float minX, maxX, minY, maxY;
    double cx() const { return (double(minX) + double(maxX)) / 2; }
    double cy() const { return (double(minY) + double(maxY)) / 2; }
};

// Sort-tile-recursive packing of one level into nodes of at most `capacity` cells.
std::vector<std::vector<Cell>> pack(std::vector<Cell> cells, std::size_t capacity)
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

struct CloseDb {
    void operator()(sqlite3 *db) const { sqlite3_close(db); }
};
struct FinalizeStmt {
    void operator()(sqlite3_stmt *s) const { sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, CloseDb>;
using Stmt = std::unique_ptr<sqlite3_stmt, FinalizeStmt>;

} // namespace

void GpkgRTree::fill(const QString &path, const QString &table, const QString &column, std::vector<Entry> entries)
{
    if (entries.empty())
        return; // the empty R-tree GDAL made is right
    sqlite3 *raw = nullptr;
    const int openRc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    Db db(raw);
    auto fail = [&](const QString &what) {
        throw IoError(fileMessage(path, QStringLiteral("cannot build the spatial index of '%1': %2: %3")
                                            .arg(table, what, QString::fromUtf8(db ? sqlite3_errmsg(db.get()) : "out of memory"))));
    };
    if (openRc != SQLITE_OK)
        fail(QStringLiteral("open"));
    const QString rtree = QStringLiteral("rtree_%1_%2").arg(table, column);
    auto quoted = [](QString id) { return QLatin1Char('"') + id.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"'); };
    auto prepare = [&](const QString &sql) {
        sqlite3_stmt *s = nullptr;
        if (sqlite3_prepare_v2(db.get(), sql.toUtf8().constData(), -1, &s, nullptr) != SQLITE_OK)
            fail(sql);
        return Stmt(s);
    };
    auto exec = [&](const QString &sql) {
        if (sqlite3_exec(db.get(), sql.toUtf8().constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
            fail(sql);
    };
    // The file is a temporary that becomes the output only once complete: no syncs.
    exec(QStringLiteral("PRAGMA synchronous = OFF"));
    exec(QStringLiteral("BEGIN"));
    int nodeSize = 0;
    {
        Stmt size = prepare(QStringLiteral("SELECT length(data) FROM %1 WHERE nodeno = 1").arg(quoted(rtree + QStringLiteral("_node"))));
        if (sqlite3_step(size.get()) == SQLITE_ROW)
            nodeSize = sqlite3_column_int(size.get(), 0);
    }
    const int cellBytes = 8 + 4 * 4;
    if (nodeSize < 4 + 2 * cellBytes)
        fail(QStringLiteral("no empty R-tree to fill"));
    const auto capacity = std::size_t((nodeSize - 4) / cellBytes);

    Stmt node = prepare(QStringLiteral("INSERT OR REPLACE INTO %1 (nodeno, data) VALUES (?, ?)").arg(quoted(rtree + QStringLiteral("_node"))));
    Stmt rowid = prepare(QStringLiteral("INSERT INTO %1 (rowid, nodeno) VALUES (?, ?)").arg(quoted(rtree + QStringLiteral("_rowid"))));
    Stmt parent = prepare(QStringLiteral("INSERT INTO %1 (nodeno, parentnode) VALUES (?, ?)").arg(quoted(rtree + QStringLiteral("_parent"))));
    auto run = [&](const Stmt &s, qint64 a, qint64 b) {
        sqlite3_bind_int64(s.get(), 1, a);
        sqlite3_bind_int64(s.get(), 2, b);
        if (sqlite3_step(s.get()) != SQLITE_DONE)
            fail(QStringLiteral("insert"));
        sqlite3_reset(s.get());
    };
    auto writeNode = [&](qint64 nodeno, const std::vector<Cell> &cells, int depth) {
        const QByteArray blob = nodeBlob(cells, nodeSize, depth);
        sqlite3_bind_int64(node.get(), 1, nodeno);
        sqlite3_bind_blob(node.get(), 2, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(node.get()) != SQLITE_DONE)
            fail(QStringLiteral("insert node"));
        sqlite3_reset(node.get());
    };

    std::vector<Cell> level;
    level.reserve(entries.size());
    for (const Entry &e : entries)
        level.push_back({e.id, valueDown(e.minX), valueUp(e.maxX), valueDown(e.minY), valueUp(e.maxY)});
    entries = {};
    qint64 next = 2; // node 1 is the root
    for (int height = 0;; ++height) {
        const std::vector<std::vector<Cell>> nodes = pack(std::move(level), capacity);
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
    node.reset();
    rowid.reset();
    parent.reset();
    exec(QStringLiteral("COMMIT"));
}

} // namespace refuge
