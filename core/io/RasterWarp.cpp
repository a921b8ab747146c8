// warpColour / warpBand (see RasterWarp.h).
#include "io/RasterWarp.h"

#include "crs/CoordinateTransform.h"
#include "io/Gdal.h"
#include "model/DataSource.h"
#include "model/RasterLayer.h"
#include "util/Error.h"

#include <gdal_utils.h>

#include <cmath>
#include <limits>

namespace refuge {

namespace {

struct WarpOptionsDeleter {
    void operator()(GDALWarpAppOptions *o) const noexcept { GDALWarpAppOptionsFree(o); }
};

// A MEM dataset on the view's grid: top-left at (extent.left, extent.bottom), y down.
GdalDataset viewDataset(const Crs &crs, const QRectF &extent, QSize size, int bands, GDALDataType type)
{
    ensureGdal();
    GDALDriverH mem = GDALGetDriverByName("MEM");
    GDALDatasetH ds = GDALCreate(mem, "", size.width(), size.height(), bands, type, nullptr);
    if (!ds)
        throw IoError(QStringLiteral("cannot allocate a %1 × %2 view: %3").arg(size.width()).arg(size.height()).arg(lastGdalError()));
    GdalDataset out(ds);
    double gt[6] = {extent.left(), extent.width() / size.width(), 0, extent.bottom(), 0, -extent.height() / size.height()};
    GDALSetGeoTransform(ds, gt);
    GDALSetProjection(ds, crs.wkt().toUtf8().constData());
    return out;
}

struct TranslateOptionsDeleter {
    void operator()(GDALTranslateOptions *o) const noexcept { GDALTranslateOptionsFree(o); }
};

// Warps `raster` (band `band` alone when > 0) into `dst` with gdalwarp's `args`.
void warpInto(const RasterLayer &raster, GDALDatasetH dst, QStringList args, int band = 0)
{
    const QString name = redactedSource(raster.path());
    GdalDataset src = openDataset(raster.path(), GDAL_OF_RASTER);
    GdalDataset subset;
    GDALDatasetH input = src.get();
    if (band > 0 && GDALGetRasterCount(src.get()) > 1) { // GDAL 3.6's warper has no -b: a one-band VRT
        const CslList targv = toCsl({QStringLiteral("-of"), QStringLiteral("VRT"), QStringLiteral("-b"), QString::number(band)});
        std::unique_ptr<GDALTranslateOptions, TranslateOptionsDeleter> topt(GDALTranslateOptionsNew(targv.get(), nullptr));
        subset.reset(GDALTranslate("", src.get(), topt.get(), nullptr));
        if (!subset)
            throw IoError(fileMessage(name, lastGdalError()));
        input = subset.get();
    }
    if (raster.crs().isValid()) // a stated CRS wins over what the file says (or does not say)
        args << QStringLiteral("-s_srs") << raster.crs().wkt();
    const CslList argv = toCsl(args);
    std::unique_ptr<GDALWarpAppOptions, WarpOptionsDeleter> options(GDALWarpAppOptionsNew(argv.get(), nullptr));
    if (!options)
        throw IoError(fileMessage(name, QStringLiteral("bad warp options: %1").arg(lastGdalError())));
    GDALDatasetH sources[1] = {input};
    int usageError = 0;
    resetGdalError();
    GDALDatasetH result = GDALWarp(nullptr, dst, 1, sources, options.get(), &usageError);
    if (!result || CPLGetLastErrorType() >= CE_Failure) {
        const QString error = lastGdalError();
        throw IoError(fileMessage(name, error.isEmpty() ? QStringLiteral("cannot be drawn in this view") : redactedTileUrl(error)));
    }
}

std::vector<std::uint8_t> readBand(GDALDatasetH ds, int band, QSize size)
{
    std::vector<std::uint8_t> out(std::size_t(size.width()) * std::size_t(size.height()));
    if (GDALRasterIO(GDALGetRasterBand(ds, band), GF_Read, 0, 0, size.width(), size.height(), out.data(), size.width(),
                     size.height(), GDT_Byte, 0, 0) != CE_None)
        throw IoError(QStringLiteral("cannot read the warped view: %1").arg(lastGdalError()));
    return out;
}

} // namespace

QImage warpColour(const RasterLayer &raster, const Crs &crs, const QRectF &extent, QSize size)
{
    QImage img(size, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::transparent);
    if (size.isEmpty() || extent.isEmpty())
        return img;
    const bool palette = raster.bandCount() == 1 && raster.band(0).colour == QLatin1String("Palette");
    if (palette) {
        // Indices are never blended; the colour table maps them afterwards.
        GdalDataset dst = viewDataset(crs, extent, size, 2, GDT_Byte);
        warpInto(raster, dst.get(), {QStringLiteral("-r"), QStringLiteral("near"), QStringLiteral("-dstalpha")});
        GdalDataset src = openDataset(raster.path(), GDAL_OF_RASTER);
        GDALColorTableH table = GDALGetRasterColorTable(GDALGetRasterBand(src.get(), 1));
        QRgb lut[256] = {};
        for (int i = 0; table && i < std::min(256, GDALGetColorEntryCount(table)); ++i) {
            const GDALColorEntry *e = GDALGetColorEntry(table, i);
            lut[i] = qPremultiply(qRgba(e->c1, e->c2, e->c3, e->c4));
        }
        const std::vector<std::uint8_t> index = readBand(dst.get(), 1, size), alpha = readBand(dst.get(), 2, size);
        for (int y = 0; y < size.height(); ++y) {
            QRgb *line = reinterpret_cast<QRgb *>(img.scanLine(y));
            for (int x = 0; x < size.width(); ++x) {
                const std::size_t i = std::size_t(y) * std::size_t(size.width()) + std::size_t(x);
                line[x] = alpha[i] ? lut[index[i]] : 0;
            }
        }
        return img;
    }
    GdalDataset dst = viewDataset(crs, extent, size, 4, GDT_Byte);
    warpInto(raster, dst.get(), {QStringLiteral("-r"), QStringLiteral("bilinear"), QStringLiteral("-dstalpha")});
    const std::vector<std::uint8_t> r = readBand(dst.get(), 1, size), g = readBand(dst.get(), 2, size),
                                    b = readBand(dst.get(), 3, size), a = readBand(dst.get(), 4, size);
    for (int y = 0; y < size.height(); ++y) {
        QRgb *line = reinterpret_cast<QRgb *>(img.scanLine(y));
        for (int x = 0; x < size.width(); ++x) {
            const std::size_t i = std::size_t(y) * std::size_t(size.width()) + std::size_t(x);
            line[x] = qPremultiply(qRgba(r[i], g[i], b[i], a[i]));
        }
    }
    return img;
}

std::vector<double> warpBand(const RasterLayer &raster, int band, const Crs &crs, const QRectF &extent, QSize size)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> out(std::size_t(std::max(0, size.width())) * std::size_t(std::max(0, size.height())), nan);
    if (out.empty() || extent.isEmpty())
        return out;
    if (band < 1 || band > raster.bandCount())
        throw InvalidInput(fileMessage(redactedSource(raster.path()), QStringLiteral("no band %1").arg(band)));
    GdalDataset dst = viewDataset(crs, extent, size, 1, GDT_Float64);
    GDALSetRasterNoDataValue(GDALGetRasterBand(dst.get(), 1), nan);
    warpInto(raster, dst.get(),
             {QStringLiteral("-r"), QStringLiteral("near"), QStringLiteral("-dstnodata"), QStringLiteral("nan"), QStringLiteral("-wo"),
              QStringLiteral("INIT_DEST=NO_DATA")},
             band);
    if (GDALRasterIO(GDALGetRasterBand(dst.get(), 1), GF_Read, 0, 0, size.width(), size.height(), out.data(), size.width(),
                     size.height(), GDT_Float64, 0, 0) != CE_None)
        throw IoError(QStringLiteral("cannot read the warped view: %1").arg(lastGdalError()));
    return out;
}

QRectF rasterExtentIn(const RasterLayer &raster, const Crs &crs)
{
    if (isTileUrl(raster.path()))
        return {};
    if (!crs.isValid() || !raster.crs().isValid() || raster.crs().isEquivalentTo(crs))
        return raster.extent();
    try {
        return CoordinateTransform(raster.crs(), crs).transformBounds(raster.extent());
    } catch (const Error &) {
        return {};
    }
}

} // namespace refuge
