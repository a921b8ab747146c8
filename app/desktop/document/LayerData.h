#pragma once
// LayerData: what the desktop holds for one project layer once its source has been
// read — the immutable vector/raster data (shared with render snapshots), or why it
// could not be read. loadLayerData() runs on a worker thread; it touches no QObject.
#include "model/Project.h"

#include <QString>
#include <QStringList>
#include <memory>

namespace refuge {
class RasterLayer;
class VectorLayer;
}

namespace refuge::desktop {

struct LayerData {
    enum class State { Loading, Ready, Broken };
    State state = State::Loading;
    std::shared_ptr<const VectorLayer> vector;
    std::shared_ptr<const RasterLayer> raster;
    QString error;            // one line, why the layer is broken
    bool missingSource = false; // broken because the file does not exist (relocate it)
    QStringList warnings;     // load report lines (skipped features, guessed encoding...)
    QString sourceKey;        // what it was loaded from (see sourceKey())

    bool isReady() const { return state == State::Ready; }
    bool isBroken() const { return state == State::Broken; }
};

// Identity of a layer's source as loaded into `projectCrs`: a change means reload.
QString sourceKey(const Project &project, const ProjectLayer &layer);

// Reads the layer's source, reprojected to `projectCrs`. Never throws: failures give
// a Broken LayerData naming the file and the reason. Any thread.
LayerData loadLayerData(const DataSource &source, const Crs &projectCrs, const QString &statedCrs,
                        const QString &encoding);

} // namespace refuge::desktop
