#pragma once
// OsmSource: an OpenStreetMap extract (.osm/.osm.pbf, read by GDAL's OSM driver with
// resources/osmconf.ini) as the road lines of one profile. The `lines` layer holds every
// open way — streets, but also railways, walls, fences, streams, cliffs, piers — and
// the `multipolygons` layer the closed ways tagged as areas (a pedestrian square with
// area=yes). The profile's OsmRules decide way by way; the ways left out are tallied by
// reason with their length (RoadLines::excluded). Area streets: the closed way's
// outline, as OSRM routes them. Synchronous; any thread.
#include "model/DataSource.h"

class QString;

namespace refuge {

class Crs;
class Feedback;
class VectorLayer;
struct LoadOptions;
struct RoadGraphOptions;
struct RoadLines;

class OsmSource {
public:
    static bool isOsmFile(const QString &path); // .osm, .pbf
    // A layer GDAL's OSM driver made (osm_id and other_tags fields).
    static bool isOsmLayer(const VectorLayer &layer);
    // One layer of an OSM file read with resources/osmconf.ini.
    static VectorLayer loadLayer(const DataSource &source, const LoadOptions &options, Feedback *feedback = nullptr);
    // The closed ways with a highway tag that GDAL gives as polygons, in `crs`.
    static VectorLayer loadAreas(const RoadGraphOptions &options, const Crs &crs, Feedback *feedback = nullptr);
    // The ways of `lines` (and the outlines of `areas`, may be null) the profile's OSM
    // rules use; one-way and speed as the rules give them (columns oneway, maxspeed).
    static RoadLines roadLines(const VectorLayer &lines, const VectorLayer *areas, const RoadGraphOptions &options);
};

} // namespace refuge
