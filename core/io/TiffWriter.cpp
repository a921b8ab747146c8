#include "io/TiffWriter.h"

#include "io/Gdal.h"
#include "util/Error.h"

#include <vector>

namespace refuge {

void TiffWriter::write(const QImage &source, double dpi, const QString &path, const QString &displayPath)
{
    ensureGdal();
    resetGdalError();
    const QString shown = displayPath.isEmpty() ? path : displayPath;
    const bool alpha = source.hasAlphaChannel();
    const QImage image = source.convertToFormat(alpha ? QImage::Format_RGBA8888 : QImage::Format_RGB888);
    const int w = image.width(), h = image.height(), bands = alpha ? 4 : 3;
    GDALDriverH mem = GDALGetDriverByName("MEM"), tiff = GDALGetDriverByName("GTiff");
    if (!mem || !tiff)
        throw IoError(fileMessage(shown, QStringLiteral("cannot be written: GDAL has no GTiff driver")));
    GdalDataset ds(GDALCreate(mem, "", w, h, bands, GDT_Byte, nullptr));
    if (!ds)
        throw IoError(fileMessage(shown, QStringLiteral("cannot be written: %1").arg(lastGdalError())));
    std::vector<GByte> row(static_cast<std::size_t>(w));
    for (int b = 0; b < bands; ++b) {
        GDALRasterBandH band = GDALGetRasterBand(ds.get(), b + 1);
        GDALSetRasterColorInterpretation(band, b == 0 ? GCI_RedBand : b == 1 ? GCI_GreenBand : b == 2 ? GCI_BlueBand : GCI_AlphaBand);
        for (int y = 0; y < h; ++y) {
            const uchar *line = image.constScanLine(y);
            for (int x = 0; x < w; ++x)
                row[std::size_t(x)] = line[x * bands + b];
            if (GDALRasterIO(band, GF_Write, 0, y, w, 1, row.data(), w, 1, GDT_Byte, 0, 0) != CE_None)
                throw IoError(fileMessage(shown, QStringLiteral("cannot be written: %1").arg(lastGdalError())));
        }
    }
    const QByteArray resolution = QByteArray::number(dpi, 'f', 3);
    GDALSetMetadataItem(ds.get(), "TIFFTAG_XRESOLUTION", resolution.constData(), nullptr);
    GDALSetMetadataItem(ds.get(), "TIFFTAG_YRESOLUTION", resolution.constData(), nullptr);
    GDALSetMetadataItem(ds.get(), "TIFFTAG_RESOLUTIONUNIT", "2", nullptr); // inches
    const char *options[] = {"COMPRESS=DEFLATE", "PHOTOMETRIC=RGB", alpha ? "ALPHA=UNASSOCIATED" : nullptr, nullptr};
    GdalDataset out(GDALCreateCopy(tiff, path.toUtf8().constData(), ds.get(), FALSE, const_cast<char **>(options), nullptr, nullptr));
    if (!out)
        throw IoError(fileMessage(shown, QStringLiteral("cannot be written: %1").arg(lastGdalError())));
    out.reset(); // closing flushes
    if (CPLGetLastErrorType() >= CE_Failure)
        throw IoError(fileMessage(shown, QStringLiteral("cannot be written: %1").arg(lastGdalError())));
}

} // namespace refuge
