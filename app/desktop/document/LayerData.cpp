#include "document/LayerData.h"

#include "crs/CoordinateTransform.h"
#include "io/Gdal.h"
#include "model/RasterLayer.h"
#include "model/VectorLayer.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace refuge::desktop {

QString sourceKey(const Project &project, const ProjectLayer &layer)
{
    return QStringList{project.resolvedPath(layer), layer.layer, layer.crs, layer.encoding, project.crs.wkt()}
        .join(QChar(0x1f));
}

LayerData loadLayerData(const DataSource &source, const Crs &projectCrs, const QString &statedCrs,
                        const QString &encoding)
{
    LayerData data;
    try {
        if (!isConnectionString(source.path) && !isTileUrl(source.path) && !QFileInfo::exists(source.path)) {
            data.missingSource = true;
            throw IoError(fileMessage(source.path, QCoreApplication::translate("refuge::desktop::LayerData", "file not found")));
        }
        const Crs stated = statedCrs.isEmpty() ? Crs() : Crs::fromUserInput(statedCrs);
        const DatasetKind kind = isConnectionString(source.path) ? DatasetKind{true, false} : probeDataset(source.path);
        if (kind.vector) {
            LoadOptions options;
            options.targetCrs = projectCrs;
            options.assumedCrs = stated;
            options.encoding = encoding;
            auto layer = std::make_shared<VectorLayer>(VectorLayer::load(source, options));
            data.warnings = layer->report().messages();
            data.vector = std::move(layer);
        } else if (kind.raster) {
            auto raster = std::make_shared<RasterLayer>(RasterLayer::open(source.path, stated));
            if (!raster->crs().isEquivalentTo(projectCrs)) // drawn warped; throws CrsError when no transformation exists
                const CoordinateTransform check(raster->crs(), projectCrs);
            data.raster = std::move(raster);
        } else {
            throw IoError(fileMessage(source.path, QCoreApplication::translate("refuge::desktop::LayerData",
                                                                               "neither vector nor raster data")));
        }
        data.state = LayerData::State::Ready;
    } catch (const Error &e) {
        data.state = LayerData::State::Broken;
        data.error = e.message();
    } catch (const std::exception &e) {
        data.state = LayerData::State::Broken;
        data.error = fileMessage(source.displayName(), QString::fromLocal8Bit(e.what()));
    }
    return data;
}

} // namespace refuge::desktop
