#pragma once
// TiffWriter: a rendered image (a printed page) as a TIFF file through GDAL's GTiff
// driver — Qt ships no TIFF writer on every platform — RGB or RGBA, deflate-compressed,
// with the resolution tags set from the DPI so the page prints at its paper size.
// Writes exactly `path` (callers go through OutputFile for the temporary name).
// Synchronous; any thread (GDAL objects stay on it).
#include <QImage>
#include <QString>

namespace refuge {

class TiffWriter {
public:
    // Throws IoError naming `displayPath` (default: path) when GDAL cannot write it.
    static void write(const QImage &image, double dpi, const QString &path, const QString &displayPath = {});
};

} // namespace refuge
