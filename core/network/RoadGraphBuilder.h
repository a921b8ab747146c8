#pragma once
// RoadGraphBuilder: turns a line layer (any GDAL source, or an OSM .osm/.osm.pbf file
// read with resources/osmconf.ini) into a RoadGraph for one Profile.
//
// Topology comes from coincident vertices after reprojection (within toleranceMeters):
// lines are split wherever an interior vertex is shared with another line (or the same
// line), as OSM ways are. With fromNodeField/toNodeField the data's own node ids give
// the topology instead (lines are not split). One-way comes from onewayField (or an
// "oneway" field), speeds from speedField (or "maxspeed" when the profile uses it) or
// the class (classField, or "highway"), else the profile default.
//
// open() also keeps a versioned binary cache of the built graph (GraphCache), keyed by
// the source file's size, mtime and a hash of its head and tail, the options and the
// profile; a new cache file is written in the background while the caller goes on
// (report.cacheSave; GraphCache::finishSave waits and reports a failure) — except when
// features were dropped (report.dropped must be told on every run). Synchronous;
// any thread.
#include "model/DataSource.h"
#include "util/Feedback.h"
#include "network/Profile.h"
#include "network/RoadGraph.h"

#include <QFuture>
#include <QStringList>

namespace refuge {

class Feedback;
class VectorLayer;
struct RoadLines;

struct RoadGraphOptions {
    DataSource source;
    Profile profile;
    Crs crs;                     // metric CRS to build in; invalid = the layer's own (UTM for lon/lat)
    Crs assumedCrs;              // for sources without a CRS
    QString onewayField;         // empty = "oneway" if present
    QString speedField;          // km/h; empty = "maxspeed" if present and the profile uses it
    QString classField;          // empty = "highway" if present
    QString fromNodeField, toNodeField; // both set: topology from node ids
    double toleranceMeters = 0.5;
    bool useCache = true;
    QString cacheDirectory;      // empty = QStandardPaths cache location + "/refuge/graphs"
};

// What the build did with the source (nothing is dropped without a count here).
struct RoadGraphReport {
    qint64 features = 0;          // line features read (with a usable line geometry)
    qint64 skippedGeometry = 0;   // features without one (null, empty, not a line, bad coordinates, unreadable)
    std::vector<DroppedFeature> dropped; // those features: FID (-1 unknown) and why (not kept in the graph cache)
    qint64 excludedByClass = 0;   // features the profile excludes (e.g. motorways for walking)
    qint64 closedByOneWay = 0;    // features with a one-way value meaning closed
    qint64 unknownOneWay = 0;     // one-way values not understood (taken as two-way)
    qint64 badSpeed = 0;          // speed values ≤ 0 or unreadable (class/default speed used)
    qint64 zeroLength = 0;        // pieces shorter than the tolerance (dropped)
    qint64 missingNodeIds = 0;    // features without from/to node ids (node-field topology)
    ExcludedByReason excludedWays; // OSM ways the profile's OSM rules leave out, by reason
    int nodes = 0, links = 0;
    bool fromCache = false;
    QString cacheFile;
    QFuture<QString> cacheSave;   // a new cache file being written (GraphCache::finishSave)
    double buildSeconds = 0;
    QString onewayField, speedField, classField; // fields actually used
    QStringList messages() const;
};

class RoadGraphBuilder {
public:
    // Builds from a loaded line layer (in a metric CRS). Throws InvalidInput when the
    // layer is not lines or nothing usable remains.
    static RoadGraph build(const VectorLayer &lines, const RoadGraphOptions &options, Feedback *feedback = nullptr,
                           RoadGraphReport *report = nullptr);
    // The same from flat road lines (RoadGraphSource.h), freed as soon as the topology is built.
    static RoadGraph build(RoadLines lines, const RoadGraphOptions &options, Feedback *feedback = nullptr,
                           RoadGraphReport *report = nullptr);
    // Loads options.source (OSM aware), reprojects, builds; uses and refreshes the cache
    // (written in the background: GraphCache::saveInBackground).
    // GDAL sources are streamed into RoadLines (only the needed fields, no VectorLayer);
    // OSM, CSV, GeoJSON and Shapefiles of undeclared encoding go through VectorLayer::load.
    static RoadGraph open(const RoadGraphOptions &options, Feedback *feedback = nullptr, RoadGraphReport *report = nullptr);
    // Loads the line layer as open() would (OSM files through resources/osmconf.ini,
    // reprojected to options.crs or a metric CRS). For OSM files, open() also reads the
    // area streets (OsmSource::loadAreas) and applies the profile's OSM rules.
    static VectorLayer loadLines(const RoadGraphOptions &options, Feedback *feedback = nullptr);
};

} // namespace refuge
