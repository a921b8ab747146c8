#pragma once
// Internal: draws one raster layer of a MapSettings snapshot — greyscale or
// pseudocolour with a ramp, nodata and NaN transparent. Reads only the window in view,
// resampled by GDAL to at most the output resolution (overviews used when present).
// Opens its own GDAL dataset on the calling thread.
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
    const MapSettings &m_settings;
    const MapLayer &m_layer;
};

} // namespace detail
} // namespace refuge
