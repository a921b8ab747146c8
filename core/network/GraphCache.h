#pragma once
// GraphCache: the on-disk cache of built RoadGraphs. One file per (source, layer,
// options, profile): a versioned little header, then the raw arrays, each on a 64-byte
// boundary. Written with QSaveFile (atomic: a new file replaces the old, so a graph
// still mapped from the old file is unaffected; a cache file is never rewritten in
// place, which a mapped graph could not survive); opened with QFile::map, the graph's
// arrays viewing the mapped file (nothing copied; read into memory where mapping
// fails). The file stays open while a graph uses it (on Windows it cannot be replaced
// or removed meanwhile: a rebuild then warns that it cannot write). The file ends with
// an XXH3-64 checksum of all bytes before it, verified on every load. A file with
// another version, key or byte order is ignored and rebuilt; a damaged one (checksum
// mismatch, inconsistent arrays) too, with a warning. Any thread.
#include "network/RoadGraph.h"

#include <QFuture>
#include <QString>
#include <optional>

namespace refuge {

class Feedback;
struct RoadGraphOptions;

class GraphCache {
public:
    // 2: real-valued fields keyed by their exact value (were GDAL's 15-digit text).
    // 3: arrays aligned for mapping.
    // 4: links in the spatial order of their source lines (were sorted by node): link
    //    ids, which break snapping ties, differ from a version 3 file's.
    // 5: a checksum (XXH3-64 of all bytes before it) at the end of the file.
    static constexpr quint32 kVersion = 5;

    // A stable key: source path + size + mtime + hash of its first and last MiB (and
    // sidecar files of Shapefiles), layer, fields, tolerance, CRS and profile JSON.
    // Empty when the source is not a local file (no caching).
    static QByteArray key(const RoadGraphOptions &options);
    static QString fileFor(const RoadGraphOptions &options, const QByteArray &key);

    // Waits first for a save of the same file still being written (saveInBackground).
    // Nothing for a missing file or one of another version/key; nothing and a warning
    // to feedback (naming the file) for a damaged one — the caller rebuilds it.
    static std::optional<RoadGraph> load(const QString &file, const QByteArray &key, Feedback *feedback = nullptr);
    // Throws IoError naming the file when it cannot be written.
    static void save(const RoadGraph &graph, const QString &file, const QByteArray &key);
    // save() on a background thread: the graph is immutable and shared, so the caller
    // goes on with it (an analysis runs while the file is written). The future gives
    // the save's failure message, empty when the file was written.
    static QFuture<QString> saveInBackground(const RoadGraph &graph, const QString &file, const QByteArray &key);
    // Waits for one save; its failure (if any) goes to feedback as a warning. True when
    // the file was written (or there was nothing to wait for).
    static bool finishSave(const QFuture<QString> &save, Feedback *feedback = nullptr);
    // Waits for every save still running (the applications call it before they exit).
    static void finishAllSaves();
};

} // namespace refuge
