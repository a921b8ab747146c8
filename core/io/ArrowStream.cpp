#include "io/ArrowStream.h"

#include <cstring>
#include <vector>
#include <ogr_recordbatch.h>

namespace refuge {

struct ArrowStream::Impl {
    ArrowArrayStream stream{};
    ArrowSchema schema{};
    ArrowArray batch{};
    int geomChild = -1;
    bool largeGeometry = false; // "Z": 64-bit offsets
    struct Column {
        int child = -1;
        char format = 0; // 'i' int32, 'l' int64, 's' int16, 'c' int8, 'g' double, 'u' / 'U' text
    };
    std::vector<Column> columns;

    ~Impl()
    {
        if (batch.release)
            batch.release(&batch);
        if (schema.release)
            schema.release(&schema);
        if (stream.release)
            stream.release(&stream);
    }
};

namespace {

bool validAt(const ArrowArray *a, std::int64_t i)
{
    const auto *bits = static_cast<const std::uint8_t *>(a->n_buffers > 0 ? a->buffers[0] : nullptr);
    return !bits || (bits[i >> 3] >> (i & 7)) & 1;
}

} // namespace

ArrowStream::ArrowStream(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
ArrowStream::~ArrowStream() = default;

std::unique_ptr<ArrowStream> ArrowStream::open(OGRLayerH layer, const QStringList &fields)
{
    auto impl = std::make_unique<Impl>();
    CslList options = toCsl({QStringLiteral("INCLUDE_FID=NO")});
    if (!OGR_L_GetArrowStream(layer, &impl->stream, options.get()))
        return nullptr;
    if (impl->stream.get_schema(&impl->stream, &impl->schema) != 0 || std::strcmp(impl->schema.format, "+s") != 0)
        return nullptr;
    const char *geomName = OGR_L_GetGeometryColumn(layer);
    impl->columns.resize(std::size_t(fields.size()));
    for (std::int64_t c = 0; c < impl->schema.n_children; ++c) {
        const ArrowSchema *child = impl->schema.children[c];
        const char *name = child->name ? child->name : "";
        const bool binary = std::strcmp(child->format, "z") == 0 || std::strcmp(child->format, "Z") == 0;
        if (binary && impl->geomChild < 0
            && (std::strcmp(name, geomName && *geomName ? geomName : "wkb_geometry") == 0)) {
            impl->geomChild = int(c);
            impl->largeGeometry = child->format[0] == 'Z';
            continue;
        }
        // Not booleans ('b'): GDAL 3.6's GeoPackage stream packs their values wrongly
        // (found by tst_roadgraphsource); not float32 ('f', GeoPackage FLOAT): the stream
        // rounds what SQLite stores as a double. Both are read feature by feature.
        for (qsizetype k = 0; k < fields.size(); ++k)
            if (fields[k].toUtf8() == name && std::strlen(child->format) == 1 && std::strchr("ilscguU", child->format[0]))
                impl->columns[std::size_t(k)] = {int(c), child->format[0]};
    }
    if (impl->geomChild < 0)
        return nullptr;
    for (const Impl::Column &c : impl->columns)
        if (c.child < 0)
            return nullptr;
    return std::unique_ptr<ArrowStream>(new ArrowStream(std::move(impl)));
}

bool ArrowStream::next()
{
    if (d->batch.release)
        d->batch.release(&d->batch);
    d->batch = ArrowArray{};
    if (d->stream.get_next(&d->stream, &d->batch) != 0) {
        const char *e = d->stream.get_last_error(&d->stream);
        m_error = e && *e ? QString::fromUtf8(e) : QStringLiteral("reading failed");
        d->batch = ArrowArray{};
        return false;
    }
    return d->batch.release != nullptr;
}

std::int64_t ArrowStream::rows() const { return d->batch.release ? d->batch.length : 0; }

bool ArrowStream::geometry(std::int64_t r, const unsigned char *&wkb, std::size_t &size) const
{
    const ArrowArray *g = d->batch.children[d->geomChild];
    const std::int64_t i = d->batch.offset + g->offset + r;
    if (!validAt(g, i))
        return false;
    const auto *data = static_cast<const unsigned char *>(g->buffers[2]);
    std::int64_t begin = 0, end = 0;
    if (d->largeGeometry) {
        begin = static_cast<const std::int64_t *>(g->buffers[1])[i];
        end = static_cast<const std::int64_t *>(g->buffers[1])[i + 1];
    } else {
        begin = static_cast<const std::int32_t *>(g->buffers[1])[i];
        end = static_cast<const std::int32_t *>(g->buffers[1])[i + 1];
    }
    wkb = data + begin;
    size = std::size_t(end - begin);
    return true;
}

bool ArrowStream::isText(int column) const
{
    const char f = d->columns[std::size_t(column)].format;
    return f == 'u' || f == 'U';
}

bool ArrowStream::isInteger(int column) const { return std::strchr("ilsc", d->columns[std::size_t(column)].format) != nullptr; }

bool ArrowStream::integer(std::int64_t r, int column, std::int64_t &value) const
{
    const Impl::Column &c = d->columns[std::size_t(column)];
    const ArrowArray *f = d->batch.children[c.child];
    const std::int64_t i = d->batch.offset + f->offset + r;
    if (!validAt(f, i))
        return false;
    const void *v = f->buffers[1];
    switch (c.format) {
    case 'i': value = static_cast<const std::int32_t *>(v)[i]; return true;
    case 'l': value = static_cast<const std::int64_t *>(v)[i]; return true;
    case 's': value = static_cast<const std::int16_t *>(v)[i]; return true;
    case 'c': value = static_cast<const std::int8_t *>(v)[i]; return true;
    default: return false;
    }
}

bool ArrowStream::number(std::int64_t r, int column, double &value) const
{
    const Impl::Column &c = d->columns[std::size_t(column)];
    if (isInteger(column)) {
        std::int64_t n = 0;
        if (!integer(r, column, n))
            return false;
        value = double(n);
        return true;
    }
    const ArrowArray *f = d->batch.children[c.child];
    const std::int64_t i = d->batch.offset + f->offset + r;
    if (!validAt(f, i))
        return false;
    const void *v = f->buffers[1];
    if (c.format != 'g')
        return false;
    value = static_cast<const double *>(v)[i];
    return true;
}

bool ArrowStream::text(std::int64_t r, int column, const char *&data, std::size_t &size) const
{
    const Impl::Column &c = d->columns[std::size_t(column)];
    const ArrowArray *f = d->batch.children[c.child];
    const std::int64_t i = d->batch.offset + f->offset + r;
    if (!isText(column) || !validAt(f, i))
        return false;
    std::int64_t begin = 0, end = 0;
    if (c.format == 'U') {
        begin = static_cast<const std::int64_t *>(f->buffers[1])[i];
        end = static_cast<const std::int64_t *>(f->buffers[1])[i + 1];
    } else {
        begin = static_cast<const std::int32_t *>(f->buffers[1])[i];
        end = static_cast<const std::int32_t *>(f->buffers[1])[i + 1];
    }
    data = static_cast<const char *>(f->buffers[2]) + begin;
    size = std::size_t(end - begin);
    return true;
}

} // namespace refuge
