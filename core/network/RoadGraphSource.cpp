// RoadLines (see RoadGraphSource.h): a road layer read through FeatureStream into flat
// arrays, or adapted from a loaded VectorLayer, then reprojected in one batch.
#include "network/RoadGraphSource.h"
#include "crs/CoordinateTransform.h"
#include "io/FeatureStream.h"
#include "io/Wkb.h"
#include "model/VectorLayer.h"
#include "network/OsmSource.h"
#include "network/RoadGraphBuilder.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QHash>
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

// Distinct values of one field, keyed by the bytes GDAL gives for them.
class ValueTable {
public:
    ValueTable() { m_raw.emplace_back(); }
    // One column's value of the current feature by its text: reals with 17 digits
    // (exact, and 5.0 is "5" like the integer 5: from- and to-node ids of different
    // types share one table), the rest as GDAL gives them.
    std::uint32_t add(const FeatureStream &in, int column)
    {
        if (in.isNull(column))
            return 0;
        switch (in.kind(column)) {
        case FeatureStream::Kind::Real: return addReal(in.real(column));
        case FeatureStream::Kind::Integer: return addInteger(in.integer(column));
        case FeatureStream::Kind::Text: break;
        }
        const auto [text, size] = in.text(column);
        return addBytes(text, size);
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
    std::vector<QVariant> values(FeatureStream::Kind kind) const
    {
        std::vector<QVariant> out(m_raw.size());
        for (std::size_t i = 1; i < m_raw.size(); ++i) {
            const QByteArray &r = m_raw[i];
            if (kind == FeatureStream::Kind::Integer)
                out[i] = QVariant::fromValue<qint64>(r.toLongLong());
            else if (kind == FeatureStream::Kind::Real)
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

void reserveChunk(Chunk &out, const int columnOf[5], double reserve)
{
    if (reserve > 0) {
        out.partFeature.reserve(std::size_t(reserve));
        out.partFirst.reserve(std::size_t(reserve) + 1);
        out.points.reserve(2 * std::size_t(reserve));
        for (int c = 0; c < 5; ++c)
            if (columnOf[c] >= 0)
                out.index[c].reserve(std::size_t(reserve));
    }
}

// Appends a non-empty geometry's lines as parts of the next feature; false (and
// counted) when it is not a line.
bool addLines(Chunk &out, const Geometry &g)
{
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
        out.partFeature.push_back(out.featureCount);
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

// The current feature's geometry appended as the next feature's parts: empty when
// kept, else why not (nothing appended). LineStrings straight from the WKB.
QString appendGeometry(FeatureStream &in, Chunk &out, bool geographic)
{
    const unsigned char *wkb = nullptr;
    std::size_t size = 0;
    if (!in.wkb(wkb, size))
        return QStringLiteral("no geometry");
    const std::size_t firstPoint = out.points.size(), firstPart = out.partFeature.size();
    std::uint32_t count = 0;
    if (wkb::appendLineString(wkb, size, out.points, count)) {
        if (count == 0)
            return QStringLiteral("empty geometry");
        out.partFirst.push_back(std::uint32_t(out.points.size()));
        out.partFeature.push_back(out.featureCount);
        ++out.dims[1];
        return acceptLines(out, firstPoint, firstPart, geographic);
    }
    Geometry g;
    if (!in.geometry(g))
        return QStringLiteral("unreadable");
    if (g.isEmpty())
        return QStringLiteral("empty geometry or NaN coordinate");
    return addLines(out, g) ? acceptLines(out, firstPoint, firstPart, geographic) : kNotALine;
}

// Every feature of `in` (started on the columns of `columnOf`) into `out`; expected:
// the layer's count (room made, progress).
void readLines(FeatureStream &in, const int columnOf[5], bool geographic, double expected, Feedback *feedback, Chunk &out)
{
    reserveChunk(out, columnOf, expected);
    while (in.next()) {
        ++out.read;
        if (feedback && (out.read & 4095) == 0) {
            feedback->throwIfCanceled();
            if (expected > 0)
                feedback->setProgress(std::min(50.0, 50.0 * double(out.read) / expected));
        }
        if (const QString why = appendGeometry(in, out, geographic); !why.isEmpty()) {
            out.drop(in.fid(), why);
            continue;
        }
        for (int c = 0; c < 5; ++c)
            if (columnOf[c] >= 0)
                out.index[c].push_back(out.tables[c >= 3 ? 3 : c].add(in, columnOf[c]));
        ++out.featureCount;
    }
    out.failure = in.failure();
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

namespace {

// The columns read of `in`: per RoadLines column (class, one-way, speed, from, to) its
// column in the stream (-1: not read); the stream started on them.
void startColumns(FeatureStream &in, RoadLines &out, const RoadGraphOptions &options, int columnOf[5])
{
    QStringList names;
    for (const Field &f : in.fields())
        names << f.name;
    out.resolveFields(names, options);
    const bool readOneway = out.oneway.present() && options.profile.obeysOneWay();
    const RoadLines::Column *columns[] = {&out.roadClass, &out.oneway, &out.speed, &out.fromNode, &out.toNode};
    std::vector<int> fields;
    for (int c = 0; c < 5; ++c) {
        const int field = columns[c]->present() && (c != 1 || readOneway) ? indexOf(names, columns[c]->name) : -1;
        const auto at = std::find(fields.begin(), fields.end(), field);
        columnOf[c] = field < 0 ? -1 : int(at - fields.begin());
        if (field >= 0 && at == fields.end())
            fields.push_back(field);
    }
    // GeoPackages through GDAL's Arrow stream (its batches are filled on a worker
    // thread); other formats, and fields the stream cannot give, feature by feature.
    in.start(fields, true);
}

// The chunk read into `out`: its arrays, columns, drops (with the FIDs the Arrow
// stream did not give) and counts.
void takeChunk(FeatureStream &in, Chunk &chunk, const int columnOf[5], qint64 expected, RoadLines &out)
{
    out.points = std::move(chunk.points);
    out.partFirst = std::move(chunk.partFirst);
    out.partFeature = std::move(chunk.partFeature);
    out.featureCount = chunk.featureCount;
    out.skippedGeometry = chunk.skippedGeometry;
    out.dropped = std::move(chunk.dropped);
    std::vector<qint64> positions;
    std::vector<std::size_t> which;
    for (std::size_t k = 0; k < out.dropped.size(); ++k)
        if (out.dropped[k].fid < 0) {
            positions.push_back(chunk.droppedPositions[k]);
            which.push_back(k);
        }
    const std::vector<qint64> fids = in.fidsAt(positions);
    for (std::size_t k = 0; k < which.size(); ++k)
        out.dropped[which[k]].fid = fids[k];
    if (!chunk.failure.isEmpty()) {
        if (chunk.read == 0)
            throw IoError(fileMessage(out.display, chunk.failure));
        if (expected > chunk.read)
            out.skippedGeometry += expected - chunk.read;
    }
    if (out.featureCount == 0 && (chunk.dims[0] > 0 || chunk.dims[2] > 0))
        throw InvalidInput(fileMessage(out.display, QStringLiteral("the network layer must be lines, not %1")
                                                        .arg(chunk.dims[2] >= chunk.dims[0] ? QStringLiteral("Polygon") : QStringLiteral("Point"))));
    RoadLines::Column *columns[] = {&out.roadClass, &out.oneway, &out.speed, &out.fromNode, &out.toNode};
    for (int c = 0; c < 5; ++c) {
        if (columnOf[c] < 0) {
            columns[c]->index.assign(out.featureCount, 0);
            columns[c]->values.assign(1, QVariant());
        } else {
            columns[c]->index = std::move(chunk.index[c]);
            columns[c]->values = chunk.tables[c >= 3 ? 3 : c].values(in.kind(columnOf[c]));
        }
    }
}

// Leaves out the features with a point `to` could not hold (counted, listed by reason).
void dropUntransformed(RoadLines &out, const Crs &to)
{
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
    for (RoadLines::Column *c : {&out.roadClass, &out.oneway, &out.speed, &out.fromNode, &out.toNode}) {
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

// The points reprojected in one batch to `to` (from out.crs).
void transformTo(RoadLines &out, const Crs &to)
{
    if (to == out.crs)
        return;
    const CoordinateTransform ct(out.crs, to);
    try {
        ct.transformInPlace(out.points);
    } catch (const CrsError &) {
        dropUntransformed(out, to); // some points fell outside the target CRS
    }
    out.crs = to;
}

QRectF boundsOf(const std::vector<QPointF> &points)
{
    double x0 = points[0].x(), x1 = x0, y0 = points[0].y(), y1 = y0;
    for (const QPointF &p : points) {
        x0 = std::min(x0, p.x());
        x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y());
        y1 = std::max(y1, p.y());
    }
    return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

} // namespace

RoadLines RoadLines::read(const RoadGraphOptions &options, Feedback *feedback)
{
    RoadLines out;
    out.display = options.source.displayName();
    // Opened as VectorLayer::load opens it (layer choice, CRS); text decoded by GDAL.
    LoadOptions load;
    load.assumedCrs = options.assumedCrs;
    FeatureStream in(options.source, load, false);
    const GeometryType declared = in.declaredType();
    if (declared == GeometryType::Point || declared == GeometryType::MultiPoint || declared == GeometryType::Polygon
        || declared == GeometryType::MultiPolygon)
        throw InvalidInput(fileMessage(out.display, QStringLiteral("the network layer must be lines, not %1").arg(geometryTypeName(declared))));

    // Fields: only the ones the profile needs are read.
    int columnOf[5];
    startColumns(in, out, options, columnOf);
    const qint64 expected = in.featureCount();
    Chunk chunk;
    readLines(in, columnOf, in.sourceCrs().isGeographic(), double(expected), feedback, chunk);
    takeChunk(in, chunk, columnOf, expected, out);

    // Reproject in one batch: to options.crs, and from lon/lat to a metric CRS.
    out.crs = in.sourceCrs();
    const Crs target = options.crs.isValid() ? options.crs : in.sourceCrs();
    transformTo(out, target);
    if (target.isGeographic() && !out.points.empty())
        transformTo(out, metricCrsFor(target, boundsOf(out.points)));
    return out;
}

} // namespace refuge
