#pragma once
// GraphCache: the on-disk cache of built RoadGraphs. One file per (source, layer,
// options, profile): a versioned little header, then the raw arrays, each on a 64-byte
// boundary. Written with QSaveFile (atomic: a new file replaces the old, so a graph
// still mapped from the old file is unaffected); opened with QFile::map, the graph's
// arrays viewing the mapped file (nothing copied; read into memory where mapping
// fails). The file stays open while a graph uses it. A file with another version, key
// or byte order, or inconsistent arrays, is ignored and rebuilt. Any thread.
#include "network/RoadGraph.h"

#include <QString>
#include <optional>

namespace refuge {

class Feedback;
struct RoadGraphOptions;

class GraphCache {
public:
    // 2: real-valued fields keyed by their exact value (were GDAL's 15-digit text).
    // 3: arrays aligned for mapping.
    static constexpr quint32 kVersion = 3;

    // A stable key: source path + size + mtime + hash of its first and last MiB (and
    // sidecar files of Shapefiles), layer, fields, tolerance, CRS and profile JSON.
    // Empty when the source is not a local file (no caching).
    static QByteArray key(const RoadGraphOptions &options);
    static QString fileFor(const RoadGraphOptions &options, const QByteArray &key);

    // Waits first for a save of the same file still being written (saveInBackground).
    static std::optional<RoadGraph> load(const QString &file, const QByteArray &key);
    // Throws IoError naming the file when it cannot be written.
    static void save(const RoadGraph &graph, const QString &file, const QByteArray &key);
    // save() on a background thread: the graph is immutable and shared, so the caller
    // goes on with it (an analysis runs while the file is written). Saves run one at a
    // time, in order; all pending ones are awaited at exit at the latest.
    static void saveInBackground(const RoadGraph &graph, const QString &file, const QByteArray &key);
    // Waits for every pending save; the message of each that failed goes to feedback
    // as a warning (when given). Jobs call it before reporting their warnings.
    static void finishSaves(Feedback *feedback = nullptr);
};

} // namespace refuge
