#pragma once
// ProjectLayers: turns a Project into the MapLayers of a MapSettings — opens each
// layer (vectors reprojected to the project CRS and indexed, rasters opened), and
// takes its Style from the layer's "style" JSON or, when that is empty, the role's
// default. Used by `refuge-cli render`, print/atlas and reports; the desktop may use it
// for a first load. Synchronous; call it from a worker thread. A layer that cannot be
// opened or reprojected is skipped with a Feedback warning naming it (the rest still
// draw); a malformed "style" falls back to the role default with a warning.
#include "render/MapSettings.h"

#include <vector>

namespace refuge {

class Feedback;
class Project;
struct ProjectLayer;

class ProjectLayers {
public:
    // All layers of the project, in project order (bottom first), including hidden ones
    // (MapLayer::visible = false). Throws Canceled.
    static std::vector<MapLayer> load(const Project &project, Feedback *feedback = nullptr);
    // The style to use for one loaded layer: its JSON when present and valid, else the default.
    static Style styleFor(const ProjectLayer &layer, const MapLayer &loaded, Feedback *feedback = nullptr);
    // A MapSettings for the whole project: its CRS, all layers, extent = union of the
    // visible layers' extents (grown by 2 %).
    static MapSettings mapSettings(const Project &project, std::vector<MapLayer> layers, QSize outputSize, double dpi = 96.0);
};

} // namespace refuge
