#pragma once
// RasterReader: the GDAL side of rasters — opening a raster into a RasterLayer (its
// size, bands, geotransform, CRS) and reading pixels. Each read opens its own dataset
// handle (GDAL handles never cross threads), so any thread may call these.
#include "model/RasterLayer.h"

#include <QRect>
#include <QSize>
#include <optional>
#include <vector>

namespace refuge {

// A window of one band resampled to a buffer (nearest neighbour), for drawing.
struct RasterWindow {
    std::vector<double> values;   // buffer.width() × buffer.height(), row-major
    std::optional<double> nodata; // the band's nodata value as stored
    std::optional<double> min, max; // the band's range (approximate), when asked for
};

// `window` (pixels) of band `band` (1-based) of `raster` read into a buffer of `buffer`
// pixels; with `range`, the band's approximate minimum and maximum too. IoError naming
// the file when the band is missing or GDAL fails.
RasterWindow readRasterWindow(const RasterLayer &raster, int band, const QRect &window, const QSize &buffer, bool range);

} // namespace refuge
