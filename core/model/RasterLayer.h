#pragma once
// RasterLayer: a GDAL raster source (GeoTIFF or any GDAL raster). Keeps the file
// open lazily per read (GDAL handles never cross threads: each read opens its own
// dataset handle), so a RasterLayer value is safe to copy and share.
#include "crs/Crs.h"
#include "model/DataSource.h"

#include <QRect>
#include <QRectF>
#include <optional>
#include <vector>

namespace refuge {

struct RasterBandInfo {
    QString dataType;             // "Byte", "Float32"...
    std::optional<double> nodata; // no nodata value when empty
    QString description;
    QString colour;               // GDAL's colour interpretation: "Red", "Green", "Blue", "Alpha", "Palette", "Gray"...
};

class RasterLayer {
public:
    // Throws IoError/CrsError naming the file. A raster without CRS needs assumedCrs.
    static RasterLayer open(const QString &path, const Crs &assumedCrs = {});

    const QString &path() const { return m_path; }
    const QString &driver() const { return m_driver; }
    int width() const { return m_width; }
    int height() const { return m_height; }
    int bandCount() const { return int(m_bands.size()); }
    const RasterBandInfo &band(int i) const { return m_bands[std::size_t(i)]; }
    const Crs &crs() const { return m_crs; }
    // Geotransform: x = gt[0] + col*gt[1] + row*gt[2]; y = gt[3] + col*gt[4] + row*gt[5].
    const std::vector<double> &geoTransform() const { return m_gt; }
    double pixelWidth() const { return m_gt[1]; }
    double pixelHeight() const { return -m_gt[5]; }
    QRectF extent() const;
    // A picture rather than values: red/green/blue bands (with alpha), or one palette
    // band — an aerial photo, a scanned map, a tile set. Drawn in its own colours.
    bool isColour() const;
    // The data's own credit line (an MBTiles/GeoPackage tile set's "attribution"
    // metadata), empty when it has none.
    const QString &attribution() const { return m_attribution; }
    QPointF pixelCentre(int col, int row) const;

    // Reads a window of band `band` (0-based) as doubles, row-major; nodata pixels
    // become NaN. Throws IoError if the window is outside the raster.
    std::vector<double> read(int band, const QRect &window) const;
    std::vector<double> readAll(int band) const { return read(band, QRect(0, 0, m_width, m_height)); }

private:
    QString m_path, m_driver, m_attribution;
    int m_width = 0, m_height = 0;
    std::vector<RasterBandInfo> m_bands;
    Crs m_crs;
    std::vector<double> m_gt = {0, 1, 0, 0, 0, -1};
};

} // namespace refuge
