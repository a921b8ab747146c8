#pragma once
// VectorReader: the GDAL side of VectorLayer::load (internal to core). Reads one
// layer of a dataset into a VectorLayer, reprojecting, repairing and counting.
#include "model/VectorLayer.h"

namespace refuge {

class VectorReader {
public:
    static VectorLayer read(const DataSource &source, const LoadOptions &options, Feedback *feedback);
    static QStringList layerNames(const QString &path);
};

// Shapefile text encoding helpers (exposed for tests).
// Declared encoding of a .shp/.dbf: from the .cpg file or the DBF language driver
// byte; empty when the file declares none.
QString declaredShapefileEncoding(const QString &shpPath);
// Best guess for undeclared bytes: "UTF-8" if all valid UTF-8, else "GBK" if they decode
// as GBK without error, else "ISO-8859-1".
QString guessEncoding(const std::vector<QByteArray> &samples);

} // namespace refuge
