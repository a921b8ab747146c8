#pragma once
// ArrowStream: reads an OGR layer through GDAL's Arrow C stream (OGR_L_GetArrowStream,
// GDAL ≥ 3.6), one batch of rows at a time: the geometry as WKB and one numeric field
// as double, without an OGRFeature per row (the GeoPackage driver fills the batches on
// a worker thread). Internal to core; one thread; never outlives its layer's dataset.
#include "io/Gdal.h"

#include <QString>
#include <cstdint>
#include <memory>

namespace refuge {

class ArrowStream {
public:
    // The stream of `layer` (set ignored fields first) with its geometry column and the
    // numeric field `field`; null when GDAL offers no stream or the columns are not
    // there or not numeric (read with OGR_L_GetNextFeature instead).
    static std::unique_ptr<ArrowStream> open(OGRLayerH layer, const QString &field);
    ~ArrowStream();
    ArrowStream(const ArrowStream &) = delete;
    ArrowStream &operator=(const ArrowStream &) = delete;

    // The next batch; false at the end or on a read error (then error() says why).
    bool next();
    const QString &error() const { return m_error; }
    std::int64_t rows() const;
    // Row r's geometry as WKB; false for a null geometry.
    bool geometry(std::int64_t r, const unsigned char *&wkb, std::size_t &size) const;
    // Row r's field value; false for null.
    bool number(std::int64_t r, double &value) const;

private:
    struct Impl;
    explicit ArrowStream(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
    QString m_error;
};

} // namespace refuge
