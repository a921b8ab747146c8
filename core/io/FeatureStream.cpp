// FeatureStream (see FeatureStream.h): VectorReader::open for the source and its CRS,
// then GDAL's Arrow stream or OGR_L_GetNextFeature, whichever serves the fields asked for.
#include "io/FeatureStream.h"
#include "io/ArrowStream.h"
#include "io/Gdal.h"
#include "io/OgrGeometry.h"
#include "io/VectorReader.h"
#include "util/Error.h"

#include <algorithm>
#include <cstring>

namespace refuge {

struct FeatureStream::Impl {
    GdalErrorCollector errors; // first: alive while the source is opened and read
    VectorSourceReading src;
    Fields fields;
    std::vector<QByteArray> rawNames;
    std::vector<OGRFieldType> ogrTypes;
    GeometryType declaredType = GeometryType::Unknown;
    int declaredDimension = -1;

    // The current read.
    std::vector<int> columns; // field index per column
    std::vector<Kind> kinds;
    std::unique_ptr<ArrowStream> arrow;
    bool batchLoaded = false;
    std::int64_t row = -1;
    OgrFeature feature;
    qint64 position = -1;
    qsizetype failuresBefore = 0, failuresSeen = 0;
    bool readFailed = false;
    std::vector<unsigned char> wkb;
    mutable QByteArray number; // text of a number read through the Arrow stream

    void ignoreAllBut(const std::vector<int> &keep)
    {
        CslList ignored = toCsl({QStringLiteral("OGR_STYLE")});
        for (int i = 0; i < int(rawNames.size()); ++i)
            if (std::find(keep.begin(), keep.end(), i) == keep.end())
                ignored.reset(CSLAddString(ignored.release(), rawNames[std::size_t(i)].constData()));
        OGR_L_SetIgnoredFields(src.layer, const_cast<const char **>(ignored.get()));
    }
    // The Arrow stream of the columns, when each comes as its field declares; its first
    // batch is read (GDAL 3.6 gives 0-byte geometries in some streams: then none).
    bool openArrow()
    {
        QStringList names;
        for (int f : columns)
            names << QString::fromUtf8(rawNames[std::size_t(f)]);
        if (columns.empty() && !rawNames.empty())
            ignoreAllBut({0}); // GDAL 3.6: with every field ignored the stream's geometries are empty
        OGR_L_ResetReading(src.layer);
        arrow = ArrowStream::open(src.layer, names);
        if (!arrow)
            return false;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const bool text = arrow->isText(int(c)), integer = arrow->isInteger(int(c));
            if (kinds[c] == Kind::Text ? !text : kinds[c] == Kind::Integer ? !integer : text || integer) {
                arrow.reset();
                return false;
            }
        }
        batchLoaded = arrow->next();
        for (std::int64_t r = 0; batchLoaded && r < arrow->rows(); ++r) {
            const unsigned char *data = nullptr;
            std::size_t size = 0;
            if (arrow->geometry(r, data, size)) {
                if (size == 0)
                    arrow.reset();
                break;
            }
        }
        return arrow != nullptr;
    }
};

FeatureStream::FeatureStream(const DataSource &source, const LoadOptions &options, bool detectText)
    : d(std::make_unique<Impl>())
{
    d->src = VectorReader::open(source, options, d->errors, detectText);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(d->src.layer);
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
        OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
        d->rawNames.emplace_back(OGR_Fld_GetNameRef(fd));
        d->fields.push_back({QString::fromUtf8(d->rawNames.back()), VectorReader::fieldType(fd)});
        d->ogrTypes.push_back(OGR_Fld_GetType(fd));
    }
    d->declaredDimension = VectorReader::declaredDimension(d->src.layer);
    switch (wkbFlatten(OGR_L_GetGeomType(d->src.layer))) {
    case wkbPoint: d->declaredType = GeometryType::Point; break;
    case wkbMultiPoint: d->declaredType = GeometryType::MultiPoint; break;
    case wkbLineString: d->declaredType = GeometryType::LineString; break;
    case wkbMultiLineString: d->declaredType = GeometryType::MultiLineString; break;
    case wkbPolygon: d->declaredType = GeometryType::Polygon; break;
    case wkbMultiPolygon: d->declaredType = GeometryType::MultiPolygon; break;
    default: break;
    }
}

FeatureStream::~FeatureStream() = default;

const QString &FeatureStream::name() const { return d->src.name; }
const QString &FeatureStream::driver() const { return d->src.driver; }
const QJsonObject &FeatureStream::storedStyle() const { return d->src.storedStyle; }
const Crs &FeatureStream::sourceCrs() const { return d->src.sourceCrs; }
const Crs &FeatureStream::crs() const { return d->src.crs; }
const CoordinateTransform *FeatureStream::transform() const { return d->src.transform.get(); }
bool FeatureStream::rawText() const { return d->src.rawText; }
const QString &FeatureStream::declaredEncoding() const { return d->src.declaredEncoding; }
GeometryType FeatureStream::declaredType() const { return d->declaredType; }
int FeatureStream::declaredDimension() const { return d->declaredDimension; }
const Fields &FeatureStream::fields() const { return d->fields; }
QByteArray FeatureStream::rawName(int field) const { return d->rawNames[std::size_t(field)]; }
const LoadReport &FeatureStream::report() const { return d->src.report; }

int FeatureStream::fieldIndex(const QString &name) const
{
    for (int i = 0; i < int(d->fields.size()); ++i)
        if (d->fields[std::size_t(i)].name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

qint64 FeatureStream::featureCount(bool exact) const { return OGR_L_GetFeatureCount(d->src.layer, exact ? TRUE : FALSE); }

void FeatureStream::start(const std::vector<int> &fields, bool allowArrow)
{
    d->columns = fields;
    d->kinds.clear();
    for (int f : fields) {
        const OGRFieldType t = d->ogrTypes[std::size_t(f)];
        d->kinds.push_back(t == OFTInteger || t == OFTInteger64 ? Kind::Integer : t == OFTReal ? Kind::Real : Kind::Text);
    }
    d->arrow.reset();
    d->feature.reset();
    d->batchLoaded = false;
    d->row = -1;
    d->position = -1;
    d->ignoreAllBut(fields);
    if (!(allowArrow && d->src.driver == QLatin1String("GPKG") && d->openArrow())) {
        d->ignoreAllBut(fields);
        OGR_L_ResetReading(d->src.layer);
    }
    resetGdalError();
    d->failuresBefore = d->failuresSeen = d->errors.failures().size();
}

bool FeatureStream::viaArrow() const { return d->arrow != nullptr; }

bool FeatureStream::next()
{
    if (d->arrow) {
        for (;;) {
            if (d->batchLoaded && d->row + 1 < d->arrow->rows()) {
                ++d->row;
                ++d->position;
                return true;
            }
            if (!(d->batchLoaded = d->arrow->next()))
                return false;
            d->row = -1;
        }
    }
    d->feature.reset(OGR_L_GetNextFeature(d->src.layer));
    if (!d->feature)
        return false;
    ++d->position;
    d->readFailed = d->errors.failures().size() != d->failuresSeen;
    d->failuresSeen = d->errors.failures().size();
    return true;
}

qint64 FeatureStream::position() const { return d->position; }
qint64 FeatureStream::fid() const { return d->feature ? OGR_F_GetFID(d->feature.get()) : -1; }
bool FeatureStream::readFailed() const { return !d->arrow && d->readFailed; }

QString FeatureStream::failure() const
{
    if (d->errors.failures().size() > d->failuresBefore)
        return d->errors.failures().at(d->failuresBefore);
    return d->arrow ? d->arrow->error() : QString();
}

bool FeatureStream::wkb(const unsigned char *&data, std::size_t &size)
{
    if (d->arrow)
        return d->arrow->geometry(d->row, data, size);
    OGRGeometryH g = OGR_F_GetGeometryRef(d->feature.get());
    if (!g)
        return false;
    d->wkb.resize(std::size_t(OGR_G_WkbSize(g)));
    OGR_G_ExportToIsoWkb(g, wkbNDR, d->wkb.data());
    data = d->wkb.data();
    size = d->wkb.size();
    return true;
}

bool FeatureStream::geometry(Geometry &g)
{
    if (!d->arrow) {
        g = fromOgr(OGR_F_GetGeometryRef(d->feature.get()));
        return true;
    }
    const unsigned char *data = nullptr;
    std::size_t size = 0;
    g = Geometry();
    if (!wkb(data, size))
        return true;
    OGRGeometryH og = nullptr;
    const bool parsed = OGR_G_CreateFromWkbEx(data, nullptr, &og, size) == OGRERR_NONE;
    const OgrGeometry owned(og);
    if (parsed)
        g = fromOgr(og);
    return parsed;
}

bool FeatureStream::acceptGeometry(Geometry &g, LoadReport &report)
{
    if (!d->arrow)
        return VectorReader::acceptGeometry(OGR_F_GetGeometryRef(d->feature.get()), d->readFailed, fid(), d->src, g, report);
    const unsigned char *data = nullptr;
    std::size_t size = 0;
    OGRGeometryH og = nullptr;
    bool parsed = true;
    if (wkb(data, size))
        parsed = OGR_G_CreateFromWkbEx(data, nullptr, &og, size) == OGRERR_NONE;
    const OgrGeometry owned(og);
    return VectorReader::acceptGeometry(parsed ? og : nullptr, !parsed, -1, d->src, g, report);
}

FeatureStream::Kind FeatureStream::kind(int column) const { return d->kinds[std::size_t(column)]; }

bool FeatureStream::isNull(int column) const
{
    if (!d->arrow)
        return !OGR_F_IsFieldSetAndNotNull(d->feature.get(), d->columns[std::size_t(column)]);
    double v = 0;
    std::int64_t n = 0;
    const char *s = nullptr;
    std::size_t size = 0;
    switch (kind(column)) {
    case Kind::Integer: return !d->arrow->integer(d->row, column, n);
    case Kind::Real: return !d->arrow->number(d->row, column, v);
    case Kind::Text: return !d->arrow->text(d->row, column, s, size);
    }
    return true;
}

qint64 FeatureStream::integer(int column) const
{
    if (!d->arrow)
        return OGR_F_GetFieldAsInteger64(d->feature.get(), d->columns[std::size_t(column)]);
    std::int64_t n = 0;
    return d->arrow->integer(d->row, column, n) ? n : 0;
}

double FeatureStream::real(int column) const
{
    if (!d->arrow)
        return OGR_F_GetFieldAsDouble(d->feature.get(), d->columns[std::size_t(column)]);
    double v = 0;
    return d->arrow->number(d->row, column, v) ? v : 0.0;
}

std::pair<const char *, std::size_t> FeatureStream::text(int column) const
{
    if (!d->arrow) {
        const char *s = OGR_F_GetFieldAsString(d->feature.get(), d->columns[std::size_t(column)]);
        return {s, std::strlen(s)};
    }
    switch (kind(column)) {
    case Kind::Text: {
        const char *s = nullptr;
        std::size_t size = 0;
        if (d->arrow->text(d->row, column, s, size))
            return {s, size};
        return {"", 0};
    }
    case Kind::Integer: d->number = QByteArray::number(integer(column)); break;
    case Kind::Real: d->number = QByteArray::number(real(column), 'g', 17); break;
    }
    return {d->number.constData(), std::size_t(d->number.size())};
}

QVariant FeatureStream::value(int column) const
{
    const int field = d->columns[std::size_t(column)];
    if (!d->arrow)
        return VectorReader::fieldValue(d->feature.get(), field, d->fields[std::size_t(field)].type, d->src.rawText);
    if (isNull(column))
        return {};
    switch (kind(column)) {
    case Kind::Integer: return QVariant::fromValue<qint64>(integer(column));
    case Kind::Real: return QVariant(real(column));
    case Kind::Text: break;
    }
    const auto [s, size] = text(column);
    const QByteArray bytes(s, qsizetype(size));
    return d->src.rawText ? QVariant(bytes) : QVariant(QString::fromUtf8(bytes));
}

std::vector<qint64> FeatureStream::fidsAt(const std::vector<qint64> &positions)
{
    d->arrow.reset();
    d->feature.reset();
    return VectorReader::fidsAt(d->src.layer, positions);
}

bool FeatureStream::outsideRange(const QRectF &bounds, bool geographic) { return VectorReader::outsideRange(bounds, geographic); }
bool FeatureStream::repairPolygon(Geometry &g, LoadReport &report) { return VectorReader::repairPolygon(g, report); }
const QString &FeatureStream::unrepairableReason() { return VectorReader::kUnrepairable; }
const QString &FeatureStream::otherTypeReason() { return VectorReader::kOtherType; }

QStringList FeatureStream::layerNames(const QString &path) { return VectorReader::layerNames(path); }

std::vector<qint64> FeatureStream::fids(const DataSource &source)
{
    GdalErrorCollector errors;
    GdalDataset ds = openDataset(source.path, GDAL_OF_VECTOR);
    OGRLayerH layer = VectorReader::chooseLayer(ds.get(), source);
    CslList ignored = toCsl({QStringLiteral("OGR_GEOMETRY"), QStringLiteral("OGR_STYLE")});
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
        ignored.reset(CSLAddString(ignored.release(), OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i))));
    OGR_L_SetIgnoredFields(layer, const_cast<const char **>(ignored.get()));
    std::vector<qint64> out;
    for (OgrFeature f(OGR_L_GetNextFeature(layer)); f; f.reset(OGR_L_GetNextFeature(layer)))
        out.push_back(OGR_F_GetFID(f.get()));
    return out;
}

QStringList FeatureStream::fieldNames(const DataSource &source)
{
    GdalErrorCollector errors;
    GdalDataset ds = openDataset(source.path, GDAL_OF_VECTOR);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(VectorReader::chooseLayer(ds.get(), source));
    QStringList names;
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
        names << QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
    return names;
}

} // namespace refuge
