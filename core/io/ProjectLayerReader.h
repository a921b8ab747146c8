#pragma once
// openProjectLayer: the one way a layer of a project is opened — its source resolved
// against the project file, a vector (reprojected to the project CRS and indexed, with
// the layer's stated CRS and text encoding) or a raster (as GDAL probes the file).
// Used by the map (render/ProjectLayers), the project check and the front ends.
// Synchronous; any thread.
#include "model/RasterLayer.h"
#include "model/VectorLayer.h"

#include <memory>

namespace refuge {

class Feedback;
class Project;
struct ProjectLayer;

struct ProjectLayerData {
    std::shared_ptr<const VectorLayer> vector; // one of the two is set
    std::shared_ptr<const RasterLayer> raster;
};

// Throws IoError/CrsError/InvalidInput naming the source (a stated CRS or encoding
// that is not one, a file that cannot be read).
ProjectLayerData openProjectLayer(const Project &project, const ProjectLayer &layer, Feedback *feedback = nullptr);

} // namespace refuge
