#pragma once
// Internal: draws one raster layer of a MapSettings snapshot — greyscale or
// pseudocolour with a ramp (nodata and NaN transparent), or a colour raster (basemap
// tiles, photos) in its own colours. A value raster in the map CRS reads only the window
// in view, resampled by GDAL to at most the output resolution (overviews used when
// present); colour rasters and rasters in another CRS are warped onto the view
// (io/RasterWarp). Opens its own GDAL dataset on the calling thread.
#include "render/MapSettings.h"

class QPainter;

namespace refuge {

class Feedback;

namespace detail {

class RasterLayerRenderer {
public:
    RasterLayerRenderer(const MapSettings &settings, const MapLayer &layer);
    void render(QPainter &painter, Feedback *feedback) const;

private:
    void renderWarped(QPainter &painter, Feedback *feedback, bool colour) const;
    void renderWindow(QPainter &painter, Feedback *feedback) const;

    const MapSettings &m_settings;
    const MapLayer &m_layer;
};

} // namespace detail
} // namespace refuge
