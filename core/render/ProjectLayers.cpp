// ProjectLayers (see ProjectLayers.h): each layer through openProjectLayer, then its style.
#include "render/ProjectLayers.h"

#include "io/ProjectLayerReader.h"
#include "io/RasterWarp.h"
#include "model/Project.h"
#include "model/RasterLayer.h"
#include "model/VectorLayer.h"
#include "render/DefaultStyles.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <algorithm>

namespace refuge {

Style ProjectLayers::styleFor(const ProjectLayer &layer, const MapLayer &loaded, Feedback *feedback)
{
    if (!layer.style.isEmpty()) {
        try {
            return Style::fromJson(layer.style);
        } catch (const InvalidInput &e) {
            if (feedback)
                feedback->warn(QStringLiteral("%1: %2; using the default style").arg(layer.name, e.message()));
        }
    }
    if (loaded.vector)
        return defaultStyle(layer, *loaded.vector);
    if (loaded.raster)
        return defaultRasterStyle(layer.role, *loaded.raster);
    return {};
}

std::vector<MapLayer> ProjectLayers::load(const Project &project, Feedback *feedback)
{
    std::vector<MapLayer> out;
    const int n = int(project.layers.size());
    for (int i = 0; i < n; ++i) {
        if (feedback) {
            feedback->throwIfCanceled();
            feedback->setProgress(100.0 * i / std::max(1, n));
        }
        const ProjectLayer &pl = project.layers[std::size_t(i)];
        MapLayer m;
        m.id = pl.id;
        m.name = pl.name.isEmpty() ? pl.id : pl.name;
        m.visible = pl.visible;
        m.opacity = pl.opacity;
        try {
            ProjectLayerData data = openProjectLayer(project, pl);
            m.vector = std::move(data.vector);
            m.raster = std::move(data.raster);
        } catch (const Error &e) {
            if (feedback)
                feedback->warn(QStringLiteral("%1: not loaded: %2").arg(m.name, e.message()));
            continue;
        }
        m.style = styleFor(pl, m, feedback);
        out.push_back(std::move(m));
    }
    if (feedback)
        feedback->setProgress(100);
    return out;
}

MapSettings ProjectLayers::mapSettings(const Project &project, std::vector<MapLayer> layers, QSize outputSize, double dpi)
{
    MapSettings s;
    s.crs = project.crs;
    s.outputSize = outputSize;
    s.dpi = dpi;
    // Basemaps (colour rasters) set the extent only when nothing else does: a city-wide
    // tile set must not zoom the map out from the district being planned.
    auto extentOf = [&](const MapLayer &l) {
        return l.vector ? l.vector->extent() : (l.raster ? rasterExtentIn(*l.raster, project.crs) : QRectF());
    };
    const bool data = std::any_of(layers.begin(), layers.end(), [&](const MapLayer &l) {
        return l.visible && !(l.raster && l.raster->isColour()) && !extentOf(l).isNull();
    });
    QRectF extent;
    for (const MapLayer &l : layers) {
        if (!l.visible || (data && l.raster && l.raster->isColour()))
            continue;
        const QRectF e = extentOf(l);
        if (e.isNull())
            continue;
        extent = extent.isNull() ? e : extent.united(e);
    }
    const double mx = extent.width() * 0.02, my = extent.height() * 0.02;
    s.extent = extent.adjusted(-mx, -my, mx, my);
    s.layers = std::move(layers);
    return s;
}

} // namespace refuge
