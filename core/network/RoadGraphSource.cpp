#include "network/RoadGraphSource.h"
#include "crs/CoordinateTransform.h"
#include "io/ArrowStream.h"
#include "io/Gdal.h"
#include "io/OgrGeometry.h"
#include "io/VectorReader.h"
#include "model/VectorLayer.h"
#include "network/OsmSource.h"
#include "network/RoadGraphBuilder.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QtEndian>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace refuge {

namespace {

int indexOf(const QStringList &names, const QString &name)
{
    for (int i = 0; i < names.size(); ++i)
        if (names[i].compare(name, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

bool hasSibling(const QString &path, const QString &suffix)
{
    const QFileInfo fi(path);
    for (const QString &name : fi.absoluteDir().entryList(QDir::Files)) {
        const QFileInfo cand(name);
        if (cand.completeBaseName() == fi.completeBaseName() && cand.suffix().compare(suffix, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Distinct values of one OGR field, keyed by the bytes GDAL gives for them.
class ValueTable {
public:
    ValueTable() { m_raw.emplace_back(); }
    // A field's value by its text: reals with 17 digits (exact, and 5.0 is "5" like the
    // integer 5: from- and to-node ids of different types share one table), the rest
    // as GDAL gives them.
    std::uint32_t add(OGRFeatureH f, int field, OGRFieldType type)
    {
        if (field < 0 || !OGR_F_IsFieldSetAndNotNull(f, field))
            return 0;
        if (type == OFTReal)
            return addReal(OGR_F_GetFieldAsDouble(f, field));
        const char *s = OGR_F_GetFieldAsString(f, field);
        return addBytes(s, std::strlen(s));
    }
    std::uint32_t addReal(double v)
    {
        const QByteArray text = QByteArray::number(v, 'g', 17); // not the C locale's printf
        return addBytes(text.constData(), std::size_t(text.size()));
    }
    std::uint32_t addInteger(std::int64_t v)
    {
        char text[24];
        const int n = std::snprintf(text, sizeof text, "%lld", static_cast<long long>(v));
        return addBytes(text, std::size_t(n));
    }
    std::uint32_t addBytes(const char *s, std::size_t size)
    {
        const auto n = qsizetype(size);
        if (m_last > 0 && m_raw[m_last].size() == n && std::memcmp(m_raw[m_last].constData(), s, size) == 0)
            return m_last;
        const QByteArray key = QByteArray::fromRawData(s, n);
        auto it = m_index.constFind(key);
        if (it == m_index.constEnd()) {
            m_raw.emplace_back(s, n); // deep copy
            it = m_index.insert(m_raw.back(), std::uint32_t(m_raw.size() - 1));
        }
        m_last = *it;
        return m_last;
    }
    // The values as VectorLayer would hold them (integers, reals, UTF-8 text).
    std::vector<QVariant> values(OGRFieldType type) const
    {
        std::vector<QVariant> out(m_raw.size());
        for (std::size_t i = 1; i < m_raw.size(); ++i) {
            const QByteArray &r = m_raw[i];
            if (type == OFTInteger || type == OFTInteger64)
                out[i] = QVariant::fromValue<qint64>(r.toLongLong());
            else if (type == OFTReal)
                out[i] = QVariant(r.toDouble());
            else
                out[i] = QVariant(QString::fromUtf8(r));
        }
        return out;
    }

private:
    std::vector<QByteArray> m_raw;
    QHash<QByteArray, std::uint32_t> m_index;
    std::uint32_t m_last = 0;
};

// values starts with the null value; from- and to-node ids share one table.
void appendColumn(RoadLines::Column &c, const VectorLayer &layer, QHash<QString, std::uint32_t> &seen, std::vector<QVariant> &values)
{
    c.index.assign(std::size_t(layer.featureCount()), 0);
    if (!c.present())
        return;
    const int idx = layer.fieldIndex(c.name);
    for (int i = 0; i < layer.featureCount(); ++i) {
        const QVariant v = layer.attribute(i, idx);
        if (!v.isValid() || v.isNull())
            continue;
        const QString key = v.toString();
        auto it = seen.constFind(key);
        if (it == seen.constEnd()) {
            values.push_back(v);
            it = seen.insert(key, std::uint32_t(values.size() - 1));
        }
        c.index[std::size_t(i)] = *it;
    }
}

// True when every coordinate is usable: finite and within what a CRS can hold.
bool inRange(const QPointF *p, std::size_t n, bool geographic)
{
    for (std::size_t i = 0; i < n; ++i) {
        const double x = p[i].x(), y = p[i].y();
        if (!std::isfinite(x) || !std::isfinite(y))
            return false;
        if (geographic ? (x < -540 || x > 540 || y < -90.000001 || y > 90.000001) : (std::abs(x) > 1e10 || std::abs(y) > 1e10))
            return false;
    }
    return true;
}

// What a read gathers.
struct Chunk {
    std::vector<QPointF> points;
    std::vector<std::uint32_t> partFirst{0};
    std::vector<std::uint32_t> partFeature;
    std::uint32_t featureCount = 0;
    qint64 skippedGeometry = 0, read = 0;
    int dims[3] = {0, 0, 0};
    ValueTable tables[4]; // class, one-way, speed, node ids (from and to)
    std::vector<std::uint32_t> index[5];
    QString failure;      // GDAL's first error while reading
    std::vector<DroppedFeature> dropped;   // skipped features (FIDs from the Arrow stream: see positions)
    std::vector<qint64> droppedPositions;  // per dropped: position in the reading order
    void drop(qint64 fid, const QString &reason)
    {
        ++skippedGeometry;
        dropped.push_back({{}, fid, {}, reason});
        droppedPositions.push_back(read - 1);
    }
};

void reserveChunk(Chunk &out, const int fieldOf[5], double reserve)
{
    if (reserve > 0) {
        out.partFeature.reserve(std::size_t(reserve));
        out.partFirst.reserve(std::size_t(reserve) + 1);
        out.points.reserve(2 * std::size_t(reserve));
        for (int c = 0; c < 5; ++c)
            if (fieldOf[c] >= 0)
                out.index[c].reserve(std::size_t(reserve));
    }
}

// Appends a non-empty OGR geometry's lines as parts of the next feature; false (and
// counted) when it is not a line.
bool addOgrLines(Chunk &out, OGRGeometryH og)
{
    const auto feature = out.featureCount;
    if (wkbFlatten(OGR_G_GetGeometryType(og)) == wkbLineString) {
        const std::size_t firstPoint = out.points.size();
        const int n = OGR_G_GetPointCount(og);
        out.points.resize(firstPoint + std::size_t(n));
        QPointF *p = out.points.data() + firstPoint;
        OGR_G_GetPoints(og, p, sizeof(QPointF), reinterpret_cast<char *>(p) + sizeof(double), sizeof(QPointF), nullptr, 0);
        out.partFirst.push_back(std::uint32_t(out.points.size()));
        out.partFeature.push_back(feature);
        ++out.dims[1];
        return true;
    }
    const Geometry g = fromOgr(og);
    const int d = dimension(g.type());
    if (d != 1) {
        if (d >= 0)
            ++out.dims[d];
        return false;
    }
    ++out.dims[1];
    for (int r = 0; r < g.ringCount(); ++r) {
        out.points.insert(out.points.end(), g.ringPoints(r), g.ringPoints(r) + g.ringSize(r));
        out.partFirst.push_back(std::uint32_t(out.points.size()));
        out.partFeature.push_back(feature);
    }
    return true;
}

// Keeps the parts added since (firstPoint, firstPart) when every coordinate is usable
// and every part has two points; otherwise takes them back. Empty when kept, else why not.
QString acceptLines(Chunk &out, std::size_t firstPoint, std::size_t firstPart, bool geographic)
{
    QString why;
    if (!(out.points.size() > firstPoint && inRange(out.points.data() + firstPoint, out.points.size() - firstPoint, geographic)))
        why = QStringLiteral("non-finite or out-of-range coordinate");
    for (std::size_t k = firstPart; why.isEmpty() && k < out.partFeature.size(); ++k)
        if (out.partFirst[k + 1] - out.partFirst[k] < 2)
            why = QStringLiteral("a line of one point");
    if (!why.isEmpty()) {
        out.points.resize(firstPoint);
        out.partFirst.resize(firstPart + 1);
        out.partFeature.resize(firstPart);
    }
    return why;
}

const QString kNotALine = QStringLiteral("not a line");

// Feature by feature; expected: the layer's count (room made, progress).
void readChunk(OGRLayerH layer, const int fieldOf[5], const OGRFieldType typeOf[5], bool geographic, double expected,
               Feedback *feedback, Chunk &out)
{
    reserveChunk(out, fieldOf, expected);
    OGR_L_ResetReading(layer);
    for (OgrFeature f(OGR_L_GetNextFeature(layer)); f; f.reset(OGR_L_GetNextFeature(layer))) {
        ++out.read;
        if (feedback && (out.read & 4095) == 0) {
            feedback->throwIfCanceled();
            if (expected > 0)
                feedback->setProgress(std::min(50.0, 50.0 * double(out.read) / expected));
        }
        OGRGeometryH og = OGR_F_GetGeometryRef(f.get());
        if (!og || OGR_G_IsEmpty(og)) {
            out.drop(OGR_F_GetFID(f.get()), og ? QStringLiteral("empty geometry or NaN coordinate") : QStringLiteral("no geometry"));
            continue;
        }
        const std::size_t firstPoint = out.points.size(), firstPart = out.partFeature.size();
        const QString why = addOgrLines(out, og) ? acceptLines(out, firstPoint, firstPart, geographic) : kNotALine;
        if (!why.isEmpty()) {
            out.drop(OGR_F_GetFID(f.get()), why);
            continue;
        }
        for (int c = 0; c < 5; ++c)
            if (fieldOf[c] >= 0)
                out.index[c].push_back(out.tables[c >= 3 ? 3 : c].add(f.get(), fieldOf[c], typeOf[c]));
        ++out.featureCount;
    }
}

// A WKB LineString (2D, Z, M or ZM; either byte order): its x/y appended as one part.
// False, with nothing appended, for anything else; empty lines give 0 points.
bool appendWkbLine(const unsigned char *wkb, std::size_t size, std::vector<QPointF> &points, std::uint32_t &count)
{
    if (size < 9 || wkb[0] > 1)
        return false;
    const bool little = wkb[0] == 1;
    auto u32 = [&](const unsigned char *p) { return little ? qFromLittleEndian<std::uint32_t>(p) : qFromBigEndian<std::uint32_t>(p); };
    auto f64 = [&](const unsigned char *p) {
        const std::uint64_t bits = little ? qFromLittleEndian<std::uint64_t>(p) : qFromBigEndian<std::uint64_t>(p);
        double v = 0;
        std::memcpy(&v, &bits, sizeof v);
        return v;
    };
    const std::uint32_t type = u32(wkb + 1);
    int dims = 0;
    switch (type) {
    case 2: dims = 2; break;
    case 1002: case 2002: case 0x80000002u: dims = 3; break;
    case 3002: dims = 4; break;
    default: return false;
    }
    count = u32(wkb + 5);
    if ((size - 9) / (8 * std::size_t(dims)) < count || size != 9 + std::size_t(count) * 8 * std::size_t(dims))
        return false;
    const std::size_t first = points.size();
    points.resize(first + count);
    const unsigned char *p = wkb + 9;
    for (std::uint32_t i = 0; i < count; ++i, p += 8 * dims)
        points[first + i] = QPointF(f64(p), f64(p + 8));
    return true;
}

// The same as readChunk through GDAL's Arrow stream (GeoPackage: several times fewer
// cycles per feature than OGR_L_GetNextFeature). False, with nothing read, when the
// layer offers no stream of these fields with the types the fields declare.
bool readArrowChunk(OGRLayerH layer, const QStringList &names, const int fieldOf[5], const OGRFieldType typeOf[5], bool geographic,
                    double expected, Feedback *feedback, Chunk &out)
{
    QStringList fields;
    int columnOf[5];
    for (int c = 0; c < 5; ++c) {
        columnOf[c] = fieldOf[c] >= 0 ? int(fields.size()) : -1;
        if (fieldOf[c] >= 0)
            fields << names[fieldOf[c]];
    }
    if (fields.isEmpty() && !names.isEmpty()) {
        // GDAL 3.6: with every attribute field ignored, the GeoPackage stream gives empty
        // geometries. Let the first field through (unused).
        CslList ignored = toCsl(names.mid(1) << QStringLiteral("OGR_STYLE"));
        OGR_L_SetIgnoredFields(layer, const_cast<const char **>(ignored.get()));
    }
    OGR_L_ResetReading(layer);
    const std::unique_ptr<ArrowStream> arrow = ArrowStream::open(layer, fields);
    if (!arrow)
        return false;
    for (int c = 0; c < 5; ++c) {
        if (columnOf[c] < 0)
            continue;
        const bool text = arrow->isText(columnOf[c]), integer = arrow->isInteger(columnOf[c]);
        const OGRFieldType t = typeOf[c];
        if (t == OFTString ? !text : t == OFTInteger || t == OFTInteger64 ? !integer : t == OFTReal ? text || integer : true)
            return false;
    }
    reserveChunk(out, fieldOf, expected);
    bool sawGeometry = false;
    while (arrow->next()) {
        if (feedback) {
            feedback->throwIfCanceled();
            if (expected > 0)
                feedback->setProgress(std::min(50.0, 50.0 * double(out.read) / expected));
        }
        for (std::int64_t r = 0; r < arrow->rows(); ++r) {
            ++out.read;
            const unsigned char *wkb = nullptr;
            std::size_t size = 0;
            if (!arrow->geometry(r, wkb, size)) {
                out.drop(-1, QStringLiteral("no geometry"));
                continue;
            }
            if (!sawGeometry) {
                sawGeometry = true;
                if (size == 0) {
                    out = Chunk(); // no WKB is 0 bytes: a stream GDAL got wrong, read features instead
                    return false;
                }
            }
            const std::size_t firstPoint = out.points.size(), firstPart = out.partFeature.size();
            std::uint32_t count = 0;
            bool line = false;
            if (appendWkbLine(wkb, size, out.points, count)) {
                if (count == 0) {
                    out.drop(-1, QStringLiteral("empty geometry"));
                    continue;
                }
                out.partFirst.push_back(std::uint32_t(out.points.size()));
                out.partFeature.push_back(out.featureCount);
                ++out.dims[1];
                line = true;
            } else {
                OGRGeometryH og = nullptr;
                const bool parsed = OGR_G_CreateFromWkbEx(wkb, nullptr, &og, size) == OGRERR_NONE;
                const OgrGeometry owned(og);
                if (!parsed || !og || OGR_G_IsEmpty(og)) {
                    out.drop(-1, !parsed ? QStringLiteral("unreadable") : QStringLiteral("empty geometry or NaN coordinate"));
                    continue;
                }
                line = addOgrLines(out, og);
            }
            const QString why = line ? acceptLines(out, firstPoint, firstPart, geographic) : kNotALine;
            if (!why.isEmpty()) {
                out.drop(-1, why);
                continue;
            }
            for (int c = 0; c < 5; ++c) {
                if (columnOf[c] < 0)
                    continue;
                ValueTable &table = out.tables[c >= 3 ? 3 : c];
                std::uint32_t v = 0;
                if (arrow->isText(columnOf[c])) {
                    const char *data = nullptr;
                    std::size_t n = 0;
                    if (arrow->text(r, columnOf[c], data, n))
                        v = table.addBytes(data, n);
                } else if (arrow->isInteger(columnOf[c])) {
                    std::int64_t x = 0;
                    if (arrow->integer(r, columnOf[c], x))
                        v = table.addInteger(x);
                } else {
                    double x = 0;
                    if (arrow->number(r, columnOf[c], x))
                        v = table.addReal(x);
                }
                out.index[c].push_back(v);
            }
            ++out.featureCount;
        }
    }
    out.failure = arrow->error();
    return true;
}

} // namespace

void RoadLines::resolveFields(const QStringList &names, const RoadGraphOptions &o)
{
    auto require = [&](const QString &name) {
        if (indexOf(names, name) < 0)
            throw InvalidInput(fileMessage(display, QStringLiteral("no field '%1' (fields: %2)").arg(name, names.join(QStringLiteral(", ")))));
        return name;
    };
    auto resolve = [&](const QString &given, const QString &fallback) {
        if (!given.isEmpty())
            return require(given);
        return !fallback.isEmpty() && indexOf(names, fallback) >= 0 ? fallback : QString();
    };
    oneway.name = resolve(o.onewayField, QStringLiteral("oneway"));
    roadClass.name = resolve(o.classField, QStringLiteral("highway"));
    speed.name = o.speedField.isEmpty() ? (o.profile.usesMaxspeed() ? resolve({}, QStringLiteral("maxspeed")) : QString())
                                        : resolve(o.speedField, {});
    if (!o.fromNodeField.isEmpty() && !o.toNodeField.isEmpty()) {
        fromNode.name = require(o.fromNodeField);
        toNode.name = require(o.toNodeField);
    }
}

RoadLines RoadLines::fromLayer(const VectorLayer &layer, const RoadGraphOptions &options)
{
    if (!options.profile.osmRules().isEmpty() && OsmSource::isOsmLayer(layer) && dimension(layer.geometryType()) == 1)
        return OsmSource::roadLines(layer, nullptr, options);
    RoadLines out;
    out.display = layer.source().path.isEmpty() ? layer.name() : layer.source().displayName();
    if (dimension(layer.geometryType()) != 1)
        throw InvalidInput(fileMessage(out.display, QStringLiteral("the network layer must be lines, not %1").arg(geometryTypeName(layer.geometryType()))));
    out.crs = layer.crs();
    QStringList names;
    for (const Field &f : layer.fields())
        names << f.name;
    out.resolveFields(names, options);
    std::size_t total = 0;
    for (int i = 0; i < layer.featureCount(); ++i)
        total += layer.geometry(i).points().size();
    out.points.reserve(total);
    for (int i = 0; i < layer.featureCount(); ++i) {
        const Geometry &g = layer.geometry(i);
        for (int r = 0; r < g.ringCount(); ++r) {
            out.points.insert(out.points.end(), g.ringPoints(r), g.ringPoints(r) + g.ringSize(r));
            out.partFirst.push_back(std::uint32_t(out.points.size()));
            out.partFeature.push_back(std::uint32_t(i));
        }
    }
    out.featureCount = std::uint32_t(layer.featureCount());
    out.skippedGeometry = layer.report().skipped();
    out.dropped = layer.report().dropped;
    for (Column *c : {&out.roadClass, &out.oneway, &out.speed}) {
        QHash<QString, std::uint32_t> seen;
        c->values.assign(1, QVariant());
        appendColumn(*c, layer, seen, c->values);
    }
    // From- and to-node ids share one table: equal ids are one node.
    QHash<QString, std::uint32_t> seen;
    std::vector<QVariant> nodeValues(1);
    appendColumn(out.fromNode, layer, seen, nodeValues);
    appendColumn(out.toNode, layer, seen, nodeValues);
    out.fromNode.values = nodeValues;
    out.toNode.values = std::move(nodeValues);
    return out;
}

RoadLines RoadLines::read(const RoadGraphOptions &options, Feedback *feedback)
{
    const DataSource &source = options.source;
    const QString &path = source.path;
    RoadLines out;
    out.display = source.displayName();
    const bool shapefile = QFileInfo(path).suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) == 0;
    if (shapefile && !hasSibling(path, QStringLiteral("dbf")))
        throw IoError(fileMessage(path, QStringLiteral("the Shapefile has no .dbf file (attributes missing)")));

    GdalErrorCollector gdalErrors;
    GdalDataset ds = openDataset(path, GDAL_OF_VECTOR);
    OGRLayerH layer = VectorReader::chooseLayer(ds.get(), source);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    if (OGR_FD_GetGeomFieldCount(defn) == 0)
        throw InvalidInput(fileMessage(out.display, QStringLiteral("layer has no geometry column")));
    const OGRwkbGeometryType declared = wkbFlatten(OGR_L_GetGeomType(layer));
    if (declared == wkbPoint || declared == wkbMultiPoint || declared == wkbPolygon || declared == wkbMultiPolygon)
        throw InvalidInput(fileMessage(out.display, QStringLiteral("the network layer must be lines, not %1")
                                                        .arg(geometryTypeName(declared == wkbPoint ? GeometryType::Point
                                                                              : declared == wkbMultiPoint ? GeometryType::MultiPoint
                                                                              : declared == wkbPolygon ? GeometryType::Polygon
                                                                                                       : GeometryType::MultiPolygon))));

    // CRS, as VectorLayer::load decides it.
    QString unreadable;
    Crs sourceCrs = VectorReader::declaredCrs(layer, path, gdalErrors, unreadable);
    if (!unreadable.isEmpty() && !options.assumedCrs.isValid())
        throw CrsError(fileMessage(out.display, QStringLiteral("unknown CRS in the file (%1); state one with --crs EPSG:N").arg(unreadable)));
    if (options.assumedCrs.isValid())
        sourceCrs = options.assumedCrs;
    if (!sourceCrs.isValid()) {
        if (shapefile)
            throw CrsError(fileMessage(out.display, QStringLiteral("no CRS: the Shapefile has no .prj file; state one with --crs EPSG:N")));
        throw CrsError(fileMessage(out.display, QStringLiteral("no CRS in the file; state one with --crs EPSG:N")));
    }

    // Fields: only the ones the profile needs are read.
    QStringList names;
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
        names << QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
    out.resolveFields(names, options);
    const bool readOneway = out.oneway.present() && options.profile.obeysOneWay();
    Column *columns[] = {&out.roadClass, &out.oneway, &out.speed, &out.fromNode, &out.toNode};
    int fieldOf[5];
    OGRFieldType typeOf[5];
    for (int c = 0; c < 5; ++c) {
        fieldOf[c] = columns[c]->present() && (c != 1 || readOneway) ? indexOf(names, columns[c]->name) : -1;
        typeOf[c] = fieldOf[c] >= 0 ? OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, fieldOf[c])) : OFTString;
    }
    {
        CslList ignored;
        for (int i = 0; i < names.size(); ++i)
            if (std::find(std::begin(fieldOf), std::end(fieldOf), i) == std::end(fieldOf))
                ignored.reset(CSLAddString(ignored.release(), OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i))));
        ignored.reset(CSLAddString(ignored.release(), "OGR_STYLE"));
        OGR_L_SetIgnoredFields(layer, const_cast<const char **>(ignored.get()));
    }
    // Features: GeoPackages through GDAL's Arrow stream (its batches are filled on a
    // worker thread); other formats, and fields the stream cannot give, feature by feature.
    const GIntBig expected = OGR_L_GetFeatureCount(layer, FALSE);
    const bool geographic = sourceCrs.isGeographic();
    const QString driver = QString::fromUtf8(GDALGetDriverShortName(GDALGetDatasetDriver(ds.get())));
    Chunk chunk;
    const qsizetype failuresBefore = gdalErrors.failures().size();
    if (driver != QLatin1String("GPKG") || !readArrowChunk(layer, names, fieldOf, typeOf, geographic, double(expected), feedback, chunk))
        readChunk(layer, fieldOf, typeOf, geographic, double(expected), feedback, chunk);
    if (gdalErrors.failures().size() > failuresBefore)
        chunk.failure = gdalErrors.failures().at(failuresBefore);
    out.points = std::move(chunk.points);
    out.partFirst = std::move(chunk.partFirst);
    out.partFeature = std::move(chunk.partFeature);
    out.featureCount = chunk.featureCount;
    out.skippedGeometry = chunk.skippedGeometry;
    out.dropped = std::move(chunk.dropped);
    {
        // The Arrow stream gives no FIDs: look up the few dropped ones.
        std::vector<qint64> positions;
        std::vector<std::size_t> which;
        for (std::size_t k = 0; k < out.dropped.size(); ++k)
            if (out.dropped[k].fid < 0) {
                positions.push_back(chunk.droppedPositions[k]);
                which.push_back(k);
            }
        const std::vector<qint64> fids = VectorReader::fidsAt(layer, positions);
        for (std::size_t k = 0; k < which.size(); ++k)
            out.dropped[which[k]].fid = fids[k];
    }
    for (int c = 0; c < 5; ++c)
        columns[c]->index = std::move(chunk.index[c]);
    if (!chunk.failure.isEmpty()) {
        if (chunk.read == 0)
            throw IoError(fileMessage(out.display, chunk.failure));
        if (expected > chunk.read)
            out.skippedGeometry += expected - chunk.read;
    }
    if (out.featureCount == 0 && (chunk.dims[0] > 0 || chunk.dims[2] > 0))
        throw InvalidInput(fileMessage(out.display, QStringLiteral("the network layer must be lines, not %1")
                                                        .arg(chunk.dims[2] >= chunk.dims[0] ? QStringLiteral("Polygon") : QStringLiteral("Point"))));
    for (int c = 0; c < 5; ++c) {
        if (fieldOf[c] < 0) {
            columns[c]->index.assign(out.featureCount, 0);
            columns[c]->values.assign(1, QVariant());
        } else {
            columns[c]->values = chunk.tables[c >= 3 ? 3 : c].values(typeOf[c]);
        }
    }

    // Reproject in one batch: to options.crs, and from lon/lat to a metric CRS.
    Crs target = options.crs.isValid() ? options.crs : sourceCrs;
    Crs current = sourceCrs;
    auto transformTo = [&](const Crs &to) {
        if (to == current)
            return;
        const CoordinateTransform ct(current, to);
        try {
            ct.transformInPlace(out.points);
        } catch (const CrsError &) {
            // Some points fell outside the target CRS: drop their features (counted).
            RoadLines kept;
            std::vector<char> bad(out.featureCount, 0);
            for (std::size_t k = 0; k < out.partCount(); ++k)
                for (std::uint32_t i = out.partFirst[k]; i < out.partFirst[k + 1]; ++i) {
                    const QPointF p = out.points[i];
                    if (!std::isfinite(p.x()) || !std::isfinite(p.y()) || std::abs(p.x()) > 1e15 || std::abs(p.y()) > 1e15)
                        bad[out.partFeature[k]] = 1;
                }
            std::vector<std::uint32_t> newIndex(out.featureCount, 0);
            std::uint32_t n = 0;
            for (std::uint32_t i = 0; i < out.featureCount; ++i)
                newIndex[i] = bad[i] ? 0 : n++;
            std::vector<QPointF> points;
            std::vector<std::uint32_t> first{0}, feature;
            for (std::size_t k = 0; k < out.partCount(); ++k) {
                if (bad[out.partFeature[k]])
                    continue;
                points.insert(points.end(), out.points.begin() + out.partFirst[k], out.points.begin() + out.partFirst[k + 1]);
                first.push_back(std::uint32_t(points.size()));
                feature.push_back(newIndex[out.partFeature[k]]);
            }
            for (Column *c : columns) {
                std::vector<std::uint32_t> idx;
                idx.reserve(n);
                for (std::uint32_t i = 0; i < out.featureCount; ++i)
                    if (!bad[i])
                        idx.push_back(c->index[i]);
                c->index = std::move(idx);
            }
            out.skippedGeometry += out.featureCount - n;
            for (std::uint32_t i = 0; i < out.featureCount; ++i)
                if (bad[i]) // no FID kept per feature here: named by reason only
                    out.dropped.push_back({{}, -1, {}, QStringLiteral("cannot be reprojected to %1").arg(to.authId())});
            out.featureCount = n;
            out.points = std::move(points);
            out.partFirst = std::move(first);
            out.partFeature = std::move(feature);
        }
        current = to;
    };
    transformTo(target);
    if (target.isGeographic() && !out.points.empty()) {
        double x0 = out.points[0].x(), x1 = x0, y0 = out.points[0].y(), y1 = y0;
        for (const QPointF &p : out.points) {
            x0 = std::min(x0, p.x());
            x1 = std::max(x1, p.x());
            y0 = std::min(y0, p.y());
            y1 = std::max(y1, p.y());
        }
        transformTo(metricCrsFor(target, QRectF(QPointF(x0, y0), QPointF(x1, y1))));
    }
    out.crs = current;
    return out;
}

} // namespace refuge
