#pragma once
// OsmSource: an OpenStreetMap extract (.osm/.osm.pbf, read by GDAL's OSM driver with
// resources/osmconf.ini) as the road lines of one profile. The `lines` layer holds every
// open way — streets, but also railways, walls, fences, streams, cliffs, piers — and
// the `multipolygons` layer the closed ways tagged as areas (a pedestrian square with
// area=yes). The profile's OsmRules decide way by way; the ways left out are tallied by
// reason with their length (RoadLines::excluded). Area streets: the closed way's
// outline, as OSRM routes them. Synchronous; any thread.
#include "model/DataSource.h"
#include "model/VectorLayer.h"

#include <QStringList>

namespace refuge {

class Crs;
class Feedback;
struct LoadOptions;
struct RoadGraphOptions;
struct RoadLines;

class OsmSource {
public:
    static bool isOsmFile(const QString &path); // .osm, .pbf
    // Fields of a layer GDAL's OSM driver made, also once converted (`ogr2ogr out.gpkg
    // extract.osm.pbf lines`): other_tags with osm_id, osm_way_id or highway.
    static bool hasOsmFields(const QStringList &fieldNames);
    static bool isOsmLayer(const VectorLayer &layer);
    // An OSM file, or a layer with OSM fields (read by GDAL; false when unreadable):
    // the sources the profile's OSM rules apply to.
    static bool isOsmSource(const DataSource &source);
    // One layer of an OSM file read with resources/osmconf.ini.
    static VectorLayer loadLayer(const DataSource &source, const LoadOptions &options, Feedback *feedback = nullptr);
    // In one pass over the file: the `lines` layer, and the closed ways with a highway
    // tag that GDAL gives as polygons (`multipolygons`), in options.crs or else a
    // metric CRS for the extract (as RoadGraphBuilder::loadLines).
    struct Ways {
        VectorLayer lines, areas;
    };
    static Ways loadWays(const RoadGraphOptions &options, Feedback *feedback = nullptr);
    // The ways of `lines` (and the outlines of `areas`, may be null) the profile's OSM
    // rules use; one-way and speed as the rules give them (columns oneway, maxspeed).
    static RoadLines roadLines(const VectorLayer &lines, const VectorLayer *areas, const RoadGraphOptions &options);
};

} // namespace refuge
