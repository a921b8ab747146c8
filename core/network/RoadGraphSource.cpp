#include "network/RoadGraphSource.h"
#include "crs/CoordinateTransform.h"
#include "io/Gdal.h"
#include "io/OgrGeometry.h"
#include "io/VectorReader.h"
#include "model/VectorLayer.h"
#include "network/RoadGraphBuilder.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QThread>
#include <QtConcurrent>
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
    std::uint32_t add(OGRFeatureH f, int field)
    {
        if (field < 0 || !OGR_F_IsFieldSetAndNotNull(f, field))
            return 0;
        const char *s = OGR_F_GetFieldAsString(f, field);
        const auto n = qsizetype(std::strlen(s));
        if (m_last > 0 && m_raw[m_last].size() == n && std::memcmp(m_raw[m_last].constData(), s, std::size_t(n)) == 0)
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

    // Adds other's values; returns other's indexes in this table.
    std::vector<std::uint32_t> merge(const ValueTable &other)
    {
        std::vector<std::uint32_t> remap(other.m_raw.size(), 0);
        for (std::size_t i = 1; i < other.m_raw.size(); ++i) {
            auto it = m_index.constFind(other.m_raw[i]);
            if (it == m_index.constEnd()) {
                m_raw.push_back(other.m_raw[i]);
                it = m_index.insert(m_raw.back(), std::uint32_t(m_raw.size() - 1));
            }
            remap[i] = *it;
        }
        return remap;
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

// What one reading thread gathers (feature indexes local to it).
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
};

// reserve: features to make room for (the whole layer's in the first of two chunks, so
// that appending the second needs no reallocation); expected: for progress.
void readChunk(OGRLayerH layer, const int fieldOf[5], bool geographic, double reserve, double expected, Feedback *feedback, Chunk &out)
{
    if (reserve > 0) {
        out.partFeature.reserve(std::size_t(reserve));
        out.partFirst.reserve(std::size_t(reserve) + 1);
        out.points.reserve(2 * std::size_t(reserve));
        for (int c = 0; c < 5; ++c)
            if (fieldOf[c] >= 0)
                out.index[c].reserve(std::size_t(reserve));
    }
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
            ++out.skippedGeometry;
            continue;
        }
        const std::size_t firstPoint = out.points.size(), firstPart = out.partFeature.size();
        const auto feature = out.featureCount;
        if (wkbFlatten(OGR_G_GetGeometryType(og)) == wkbLineString) {
            const int n = OGR_G_GetPointCount(og);
            out.points.resize(firstPoint + std::size_t(n));
            QPointF *p = out.points.data() + firstPoint;
            OGR_G_GetPoints(og, p, sizeof(QPointF), reinterpret_cast<char *>(p) + sizeof(double), sizeof(QPointF), nullptr, 0);
            out.partFirst.push_back(std::uint32_t(out.points.size()));
            out.partFeature.push_back(feature);
            ++out.dims[1];
        } else {
            const Geometry g = fromOgr(og);
            const int d = dimension(g.type());
            if (d != 1) {
                if (d >= 0)
                    ++out.dims[d];
                ++out.skippedGeometry;
                continue;
            }
            ++out.dims[1];
            for (int r = 0; r < g.ringCount(); ++r) {
                out.points.insert(out.points.end(), g.ringPoints(r), g.ringPoints(r) + g.ringSize(r));
                out.partFirst.push_back(std::uint32_t(out.points.size()));
                out.partFeature.push_back(feature);
            }
        }
        bool ok = out.points.size() > firstPoint && inRange(out.points.data() + firstPoint, out.points.size() - firstPoint, geographic);
        for (std::size_t k = firstPart; ok && k < out.partFeature.size(); ++k)
            ok = out.partFirst[k + 1] - out.partFirst[k] >= 2;
        if (!ok) {
            out.points.resize(firstPoint);
            out.partFirst.resize(firstPart + 1);
            out.partFeature.resize(firstPart);
            ++out.skippedGeometry;
            continue;
        }
        for (int c = 0; c < 5; ++c)
            if (fieldOf[c] >= 0)
                out.index[c].push_back(out.tables[c >= 3 ? 3 : c].add(f.get(), fieldOf[c]));
        ++out.featureCount;
    }
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
    const int layerCount = GDALDatasetGetLayerCount(ds.get());
    if (layerCount == 0)
        throw InvalidInput(fileMessage(out.display, QStringLiteral("contains no vector layer")));
    OGRLayerH layer = nullptr;
    if (!source.layer.isEmpty()) {
        layer = GDALDatasetGetLayerByName(ds.get(), source.layer.toUtf8().constData());
        if (!layer) {
            QStringList names;
            for (int i = 0; i < layerCount; ++i)
                names << QString::fromUtf8(OGR_L_GetName(GDALDatasetGetLayer(ds.get(), i)));
            throw IoError(fileMessage(redactedSource(path), QStringLiteral("no layer '%1' (layers: %2)").arg(source.layer, names.join(QStringLiteral(", ")))));
        }
    } else {
        layer = GDALDatasetGetLayer(ds.get(), 0);
    }
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
    for (int c = 0; c < 5; ++c)
        fieldOf[c] = columns[c]->present() && (c != 1 || readOneway) ? indexOf(names, columns[c]->name) : -1;
    {
        CslList ignored;
        for (int i = 0; i < names.size(); ++i)
            if (std::find(std::begin(fieldOf), std::end(fieldOf), i) == std::end(fieldOf))
                ignored.reset(CSLAddString(ignored.release(), OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i))));
        ignored.reset(CSLAddString(ignored.release(), "OGR_STYLE"));
        OGR_L_SetIgnoredFields(layer, const_cast<const char **>(ignored.get()));
    }
    // Features: GeoPackages of many features are read in two fid ranges on two threads
    // (one connection each) and joined in fid order, as one sequential read would give.
    const GIntBig expected = OGR_L_GetFeatureCount(layer, FALSE);
    const bool geographic = sourceCrs.isGeographic();
    const QString driver = QString::fromUtf8(GDALGetDriverShortName(GDALGetDatasetDriver(ds.get())));
    const QByteArray fidColumn(OGR_L_GetFIDColumn(layer));
    GIntBig split = -1;
    if (driver == QLatin1String("GPKG") && expected >= 100000 && !fidColumn.isEmpty() && QThread::idealThreadCount() > 1) {
        const QByteArray sql = "SELECT MIN(\"" + fidColumn + "\"), MAX(\"" + fidColumn + "\") FROM \"" + QByteArray(OGR_L_GetName(layer)) + "\"";
        if (OGRLayerH r = GDALDatasetExecuteSQL(ds.get(), sql.constData(), nullptr, nullptr)) {
            if (OgrFeature f{OGR_L_GetNextFeature(r)}; f && OGR_F_IsFieldSetAndNotNull(f.get(), 0) && OGR_F_IsFieldSetAndNotNull(f.get(), 1))
                split = OGR_F_GetFieldAsInteger64(f.get(), 0) + (OGR_F_GetFieldAsInteger64(f.get(), 1) - OGR_F_GetFieldAsInteger64(f.get(), 0)) / 2 + 1;
            GDALDatasetReleaseResultSet(ds.get(), r);
        }
    }
    Chunk first, second;
    const qsizetype failuresBefore = gdalErrors.failures().size();
    if (split < 0) {
        readChunk(layer, fieldOf, geographic, double(expected), double(expected), feedback, first);
    } else {
        const QByteArray below = "\"" + fidColumn + "\" < " + QByteArray::number(split);
        const QByteArray above = "\"" + fidColumn + "\" >= " + QByteArray::number(split);
        QStringList ignoredNames;
        for (int i = 0; i < names.size(); ++i)
            if (std::find(std::begin(fieldOf), std::end(fieldOf), i) == std::end(fieldOf))
                ignoredNames << names[i];
        const QByteArray layerName(OGR_L_GetName(layer));
        std::exception_ptr workerError;
        QFuture<void> worker = QtConcurrent::run([&] {
            try {
                GdalErrorCollector errors;
                GdalDataset own = openDataset(path, GDAL_OF_VECTOR);
                OGRLayerH l = GDALDatasetGetLayerByName(own.get(), layerName.constData());
                if (!l)
                    throw IoError(fileMessage(out.display, QStringLiteral("cannot open the layer a second time")));
                CslList ignored = toCsl(ignoredNames << QStringLiteral("OGR_STYLE"));
                OGR_L_SetIgnoredFields(l, const_cast<const char **>(ignored.get()));
                OGR_L_SetAttributeFilter(l, above.constData());
                readChunk(l, fieldOf, geographic, double(expected) / 2, 0, nullptr, second);
                second.failure = errors.failures().isEmpty() ? QString() : errors.failures().first();
            } catch (...) {
                workerError = std::current_exception();
            }
        });
        try {
            OGR_L_SetAttributeFilter(layer, below.constData());
            readChunk(layer, fieldOf, geographic, double(expected), double(expected) / 2, feedback, first);
        } catch (...) {
            worker.waitForFinished();
            throw;
        }
        worker.waitForFinished();
        if (workerError)
            std::rethrow_exception(workerError);
    }
    if (gdalErrors.failures().size() > failuresBefore)
        first.failure = gdalErrors.failures().at(failuresBefore);
    const qint64 read = first.read + second.read;
    const QString failure = !first.failure.isEmpty() ? first.failure : second.failure;
    // Join: the second range's features after the first's, its values in the first's tables.
    out.points = std::move(first.points);
    out.partFirst = std::move(first.partFirst);
    out.partFeature = std::move(first.partFeature);
    out.points.insert(out.points.end(), second.points.begin(), second.points.end());
    const auto pointOffset = std::uint32_t(out.points.size() - second.points.size());
    for (std::size_t k = 1; k < second.partFirst.size(); ++k)
        out.partFirst.push_back(second.partFirst[k] + pointOffset);
    for (std::uint32_t f : second.partFeature)
        out.partFeature.push_back(f + first.featureCount);
    out.featureCount = first.featureCount + second.featureCount;
    out.skippedGeometry = first.skippedGeometry + second.skippedGeometry;
    for (int c = 0; c < 5; ++c) {
        ValueTable &table = c >= 3 ? first.tables[3] : first.tables[c];
        const std::vector<std::uint32_t> remap = table.merge(c >= 3 ? second.tables[3] : second.tables[c]);
        std::vector<std::uint32_t> &index = first.index[c];
        for (std::uint32_t v : second.index[c])
            index.push_back(remap[v]);
        columns[c]->index = std::move(index);
    }
    second = Chunk(); // before reprojection's temporaries
    if (!failure.isEmpty()) {
        if (read == 0)
            throw IoError(fileMessage(out.display, failure));
        if (expected > read)
            out.skippedGeometry += expected - read;
    }
    if (out.featureCount == 0 && (first.dims[0] + second.dims[0] > 0 || first.dims[2] + second.dims[2] > 0))
        throw InvalidInput(fileMessage(out.display, QStringLiteral("the network layer must be lines, not %1")
                                                        .arg(first.dims[2] + second.dims[2] >= first.dims[0] + second.dims[0]
                                                                 ? QStringLiteral("Polygon")
                                                                 : QStringLiteral("Point"))));
    for (int c = 0; c < 5; ++c) {
        if (fieldOf[c] < 0) {
            columns[c]->index.assign(out.featureCount, 0);
            columns[c]->values.assign(1, QVariant());
        } else {
            columns[c]->values = first.tables[c >= 3 ? 3 : c].values(OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, fieldOf[c])));
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
