#pragma once
// RasterWarp: a raster resampled onto a map view (any CRS → the view's CRS, extent and
// pixel grid) through GDAL's warper, the library form of gdalwarp. GDAL reads the
// overview that matches the view's resolution: for a tile set (MBTiles, GeoPackage
// tiles, an XYZ URL) that is the zoom level, so a city-wide view reads a few coarse
// tiles. Opens its own dataset on the calling thread.
#include "crs/Crs.h"

#include <QImage>
#include <QRectF>
#include <QSize>
#include <vector>

namespace refuge {

class RasterLayer;

// A colour raster (RasterLayer::isColour: RGB, RGBA or one palette band) as an
// ARGB32-premultiplied image of `size` showing `extent` (map units of `crs`),
// transparent where the raster has no data. Bilinear (palette: nearest). Throws IoError
// naming the source when GDAL cannot read it (a tile server that does not answer).
QImage warpColour(const RasterLayer &raster, const Crs &crs, const QRectF &extent, QSize size);

// Band `band` (1-based) on the same grid, row-major, NaN where the raster has no data
// or does not reach. Nearest neighbour: values and classes are kept, never blended.
std::vector<double> warpBand(const RasterLayer &raster, int band, const Crs &crs, const QRectF &extent, QSize size);

// The raster's extent in `crs` (its edges transformed, densified); empty when it has no
// meaningful one there: a web tile source (the whole world) or no transformation.
QRectF rasterExtentIn(const RasterLayer &raster, const Crs &crs);

} // namespace refuge
