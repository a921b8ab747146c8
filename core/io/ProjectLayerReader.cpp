// openProjectLayer (see ProjectLayerReader.h).
#include "io/ProjectLayerReader.h"
#include "io/Gdal.h"
#include "model/Project.h"

namespace refuge {

ProjectLayerData openProjectLayer(const Project &project, const ProjectLayer &layer, Feedback *feedback)
{
    const DataSource src = project.dataSource(layer);
    const Crs stated = layer.crs.isEmpty() ? Crs() : Crs::fromUserInput(layer.crs);
    ProjectLayerData out;
    if (!isConnectionString(src.path)) {
        const DatasetKind kind = probeDataset(src.path);
        if (kind.raster && !kind.vector) {
            out.raster = std::make_shared<const RasterLayer>(RasterLayer::open(src.path, stated));
            return out;
        }
    }
    LoadOptions options;
    options.targetCrs = project.crs;
    options.assumedCrs = stated;
    options.encoding = layer.encoding;
    out.vector = std::make_shared<const VectorLayer>(VectorLayer::load(src, options, feedback));
    return out;
}

} // namespace refuge
