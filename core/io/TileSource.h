#pragma once
// TileSource: web map tiles as a GDAL raster. An XYZ URL template
// ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", also file:// for a local tile
// folder) becomes a GDAL WMS (TMS) description in Web Mercator, zoom levels 0–19, 256-px
// tiles; GDAL picks the zoom level from the view's resolution. Missing tiles (HTTP 204,
// 404) draw blank. Fetched tiles are kept in a disk cache (the user cache folder's
// "tiles" subfolder), so a second view of the same place needs no network.
// "{key}" in a template is replaced by the REFUGE_TILE_KEY environment value at open
// (Tianditu's "tk={key}"), so the key is never written to a project or a log. "WMTS:"
// strings go to GDAL's WMTS driver unchanged. "#zmax=N" at the end of a template states
// the server's highest zoom level (Tianditu 18): closer views enlarge its tiles instead
// of asking for tiles it does not have. Any thread.
#include <QString>

namespace refuge {

// The name GDAL opens for a raster source: a tile URL template as a WMS description,
// anything else unchanged. Throws IoError when the template needs a key that is not set.
QString gdalRasterName(const QString &source);

// Zoom levels a URL template is read at (0 … kMaxTileZoom, or its "#zmax=N").
constexpr int kMaxTileZoom = 19;
constexpr int kTileZoomLimit = 22; // the highest "#zmax=N" accepted

} // namespace refuge
