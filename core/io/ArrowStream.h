#pragma once
// ArrowStream: reads an OGR layer through GDAL's Arrow C stream (OGR_L_GetArrowStream,
// GDAL ≥ 3.6), one batch of rows at a time: the geometry as WKB and the fields asked
// for (numbers or UTF-8 text), without an OGRFeature per row (the GeoPackage driver
// fills the batches on a worker thread). Internal to core; one thread; never outlives
// its layer's dataset.
#include "io/Gdal.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <memory>

namespace refuge {

class ArrowStream {
public:
    // The stream of `layer` (set ignored fields first) with its geometry column and the
    // fields named, in that order as columns 0, 1, ...; each must be an integer (not a
    // boolean), double or text column. Null when GDAL offers no stream or a column is missing or of
    // another type (read with OGR_L_GetNextFeature instead).
    static std::unique_ptr<ArrowStream> open(OGRLayerH layer, const QStringList &fields);
    ~ArrowStream();
    ArrowStream(const ArrowStream &) = delete;
    ArrowStream &operator=(const ArrowStream &) = delete;

    // The next batch; false at the end or on a read error (then error() says why).
    bool next();
    const QString &error() const { return m_error; }
    std::int64_t rows() const;
    // Row r's geometry as WKB; false for a null geometry.
    bool geometry(std::int64_t r, const unsigned char *&wkb, std::size_t &size) const;
    bool isText(int column) const;
    bool isInteger(int column) const;
    // Row r's value in a numeric column; false for null.
    bool number(std::int64_t r, int column, double &value) const;
    bool integer(std::int64_t r, int column, std::int64_t &value) const;
    // Row r's value in a text column (UTF-8, not terminated); false for null.
    bool text(std::int64_t r, int column, const char *&data, std::size_t &size) const;

private:
    struct Impl;
    explicit ArrowStream(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
    QString m_error;
};

} // namespace refuge
