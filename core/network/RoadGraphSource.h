#pragma once
// RoadGraphSource: the road lines a RoadGraph is built from, kept flat — one array of
// vertices with offsets per line part, and only the attributes the profile needs
// (class, one-way, speed, node ids) as indexes into tables of their distinct values.
// No per-feature objects: a 900k-edge network costs about 60 bytes per edge here
// instead of a VectorLayer's several hundred.
//
// read() streams a GDAL layer straight into it (reprojecting in one batch); fromLayer()
// adapts a loaded VectorLayer (tests, OSM files). Synchronous; any thread.
#include "crs/Crs.h"
#include "model/DataSource.h"
#include "network/OsmRules.h"
#include "util/Feedback.h"

#include <QPointF>
#include <QString>
#include <QVariant>
#include <cstdint>
#include <vector>

namespace refuge {

class Feedback;
class VectorLayer;
struct RoadGraphOptions;

struct RoadLines {
    // One attribute: per feature an index into values (0 = null/unset; values[0] is null).
    struct Column {
        QString name;                      // empty = not read
        std::vector<std::uint32_t> index;  // per feature
        std::vector<QVariant> values;      // distinct values
        bool present() const { return !name.isEmpty(); }
        const QVariant &value(std::size_t feature) const { return values[index[feature]]; }
    };

    QString display;                        // source name for messages
    Crs crs;                                // of the points (metric)
    std::vector<QPointF> points;            // all line parts' vertices
    std::vector<std::uint32_t> partFirst{0}; // partCount + 1, into points
    std::vector<std::uint32_t> partFeature; // per part: feature index
    std::uint32_t featureCount = 0;         // features kept (linkFeature indexes them)
    Column roadClass, oneway, speed, fromNode, toNode;
    qint64 skippedGeometry = 0;             // null/empty/non-finite/not lines/outside the CRS/unreadable
    ExcludedByReason excluded;              // OSM ways the profile's rules leave out (OsmSource)
    std::vector<DroppedFeature> dropped;    // the skipped features with their FIDs and why (source empty)

    std::size_t partCount() const { return partFeature.size(); }

    // Fields resolved as the builder does: given names must exist (InvalidInput naming
    // the source and listing its fields), else "oneway"/"highway"/"maxspeed" if present.
    void resolveFields(const QStringList &fieldNames, const RoadGraphOptions &options);

    // A layer of an OSM file (OsmSource::isOsmLayer) goes through the profile's OSM rules.
    static RoadLines fromLayer(const VectorLayer &layer, const RoadGraphOptions &options);
    // Streams options.source (not OSM: those go through VectorLayer and osmconf.ini).
    // Throws IoError/CrsError/InvalidInput naming the source as VectorLayer::load does.
    static RoadLines read(const RoadGraphOptions &options, Feedback *feedback = nullptr);
};

} // namespace refuge
