#pragma once
// The credit line of a printed page: the project's credits (metadata "credits"), each
// layer's own "credit" (kept in ProjectLayer::extra; for a visible raster without one,
// the tile set's own attribution metadata), and "© OpenStreetMap contributors"
// when a visible layer holds OSM data (an .osm/.pbf source, GDAL's OSM driver, or a
// credit that names OpenStreetMap). Duplicates appear once.
#include <QStringList>
#include <vector>

namespace refuge {

class Project;
struct MapLayer;
struct ProjectLayer;

class PrintCredits {
public:
    static QStringList forProject(const Project &project, const std::vector<MapLayer> &layers);
    // One layer's own credit: its "credit", else (a raster) the tile set's attribution.
    static QString forLayer(const ProjectLayer &layer, const MapLayer *loaded);
};

} // namespace refuge
