// RasterReader (see RasterReader.h), and RasterLayer::open / read, which read through GDAL.
#include "io/RasterReader.h"
#include "io/Gdal.h"
#include "util/Error.h"

#include <cmath>
#include <limits>

namespace refuge {

RasterLayer RasterLayer::open(const QString &path, const Crs &assumedCrs)
{
    GdalDataset ds = openDataset(path, GDAL_OF_RASTER);
    RasterLayer r;
    r.m_path = path; // a tile URL keeps its "{key}" placeholder; the key is read at each open
    r.m_driver = QString::fromUtf8(GDALGetDriverShortName(GDALGetDatasetDriver(ds.get())));
    r.m_width = GDALGetRasterXSize(ds.get());
    r.m_height = GDALGetRasterYSize(ds.get());
    const int bands = GDALGetRasterCount(ds.get());
    if (bands == 0 || r.m_width <= 0 || r.m_height <= 0)
        throw InvalidInput(fileMessage(redactedSource(path), QStringLiteral("raster has no bands or no pixels")));
    for (int b = 1; b <= bands; ++b) {
        GDALRasterBandH band = GDALGetRasterBand(ds.get(), b);
        RasterBandInfo info;
        info.dataType = QString::fromUtf8(GDALGetDataTypeName(GDALGetRasterDataType(band)));
        int has = 0;
        const double nd = GDALGetRasterNoDataValue(band, &has);
        if (has)
            info.nodata = nd;
        info.description = QString::fromUtf8(GDALGetDescription(band));
        info.colour = QString::fromUtf8(GDALGetColorInterpretationName(GDALGetRasterColorInterpretation(band)));
        r.m_bands.push_back(info);
    }
    if (const char *credit = GDALGetMetadataItem(ds.get(), "attribution", nullptr))
        r.m_attribution = QString::fromUtf8(credit).trimmed();
    double gt[6];
    if (GDALGetGeoTransform(ds.get(), gt) == CE_None)
        r.m_gt.assign(gt, gt + 6);
    else if (!assumedCrs.isValid())
        throw CrsError(fileMessage(redactedSource(path), QStringLiteral("raster is not georeferenced (no geotransform)")));
    if (assumedCrs.isValid()) {
        r.m_crs = assumedCrs;
    } else {
        const char *wkt = GDALGetProjectionRef(ds.get());
        if (!wkt || !*wkt)
            throw CrsError(fileMessage(redactedSource(path), QStringLiteral("no CRS; state one with --crs EPSG:N")));
        try {
            r.m_crs = Crs::fromUserInput(QString::fromUtf8(wkt));
        } catch (const CrsError &e) {
            throw CrsError(fileMessage(redactedSource(path), e.message()));
        }
    }
    return r;
}

std::vector<double> RasterLayer::read(int band, const QRect &window) const
{
    if (band < 0 || band >= bandCount())
        throw InvalidInput(fileMessage(redactedSource(m_path), QStringLiteral("no band %1").arg(band + 1)));
    if (window.isEmpty() || window.left() < 0 || window.top() < 0 || window.right() >= m_width || window.bottom() >= m_height)
        throw IoError(fileMessage(redactedSource(m_path), QStringLiteral("window outside the raster")));
    GdalDataset ds = openDataset(m_path, GDAL_OF_RASTER);
    GDALRasterBandH b = GDALGetRasterBand(ds.get(), band + 1);
    std::vector<double> out(std::size_t(window.width()) * std::size_t(window.height()));
    resetGdalError();
    if (GDALRasterIO(b, GF_Read, window.left(), window.top(), window.width(), window.height(), out.data(), window.width(),
                     window.height(), GDT_Float64, 0, 0) != CE_None)
        throw IoError(fileMessage(redactedSource(m_path), lastGdalError()));
    if (const auto &nd = m_bands[std::size_t(band)].nodata) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        double ndv = *nd;
        // Compare as the band stores its pixels: a Float32 band cannot hold 0.1 exactly, and
        // ESRI writes -FLT_MAX rounded to -3.40282346639e+38, just beyond the float range.
        if (m_bands[std::size_t(band)].dataType == QLatin1String("Float32") && std::isfinite(ndv)) {
            constexpr double floatMax = std::numeric_limits<float>::max();
            if (std::abs(ndv) <= floatMax)
                ndv = double(float(ndv));
            else if (std::abs(ndv) <= floatMax * (1 + 1e-10))
                ndv = std::copysign(floatMax, ndv);
        }
        for (double &v : out)
            if (v == ndv || (std::isnan(ndv) && std::isnan(v)))
                v = nan;
    }
    return out;
}

RasterWindow readRasterWindow(const RasterLayer &raster, int bandNo, const QRect &window, const QSize &buffer, bool range)
{
    GdalDataset ds = openDataset(raster.path(), GDAL_OF_RASTER | GDAL_OF_READONLY);
    GDALRasterBandH band = GDALGetRasterBand(ds.get(), bandNo);
    if (!band)
        throw IoError(fileMessage(redactedSource(raster.path()), QStringLiteral("no band %1").arg(bandNo)));
    RasterWindow out;
    out.values.resize(std::size_t(buffer.width()) * std::size_t(buffer.height()));
    if (GDALRasterIO(band, GF_Read, window.left(), window.top(), window.width(), window.height(), out.values.data(), buffer.width(),
                     buffer.height(), GDT_Float64, 0, 0) != CE_None)
        throw IoError(fileMessage(redactedSource(raster.path()), lastGdalError()));
    int hasNodata = 0;
    const double nodata = GDALGetRasterNoDataValue(band, &hasNodata);
    if (hasNodata)
        out.nodata = nodata;
    double mm[2] = {0, 0};
    if (range && GDALComputeRasterMinMax(band, TRUE, mm) == CE_None) {
        out.min = mm[0];
        out.max = mm[1];
    }
    return out;
}

} // namespace refuge
