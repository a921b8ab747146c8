// Demand::load: population polygons/points streamed from a GDAL source straight to
// demand units (see Demand.h). Same units, order, feature numbers and counts as
// Demand::fromLayer(VectorLayer::load(...)); the VectorReader steps are shared.
#include "analysis/Demand.h"
#include "analysis/DemandPoint.h"
#include "io/ArrowStream.h"
#include "io/VectorReader.h"
#include "model/VectorLayer.h"
#include "util/Error.h"
#include "util/Feedback.h"
#include "util/NumberText.h"

#include <QtEndian>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace refuge {

namespace {

// A feature read and accepted so far, waiting for its batch to be reprojected.
struct Pending {
    std::size_t first = 0;  // simple polygons: its ring in Batch::rings
    int count = 0;          // 0: the geometry is Batch::geometries[generic]
    int generic = -1;
    bool multi = false;     // simple polygons: read as a multipolygon of one part
    NumberRead pop;         // the population value as read
    qint64 fid = -1;        // -1: read from the Arrow stream (see position)
    qint64 position = 0;    // in the layer's reading order
};

struct Batch {
    std::vector<QPointF> rings;       // single rings of simple polygons, then reprojected
    std::vector<Geometry> geometries; // everything else, accepted and reprojected
    std::vector<Pending> items;
    void clear()
    {
        rings.clear();
        geometries.clear();
        items.clear();
    }
};

constexpr int kMaxFastRing = 65; // vertices, closing one included (DemandPoint's limit)
constexpr std::size_t kBatch = 8192;

NumberRead readPopulation(OGRFeatureH f, int field, FieldType type, bool raw)
{
    switch (type) {
    case FieldType::Integer:
    case FieldType::Real:
        if (!OGR_F_IsFieldSetAndNotNull(f, field))
            return {};
        return readNumber(type == FieldType::Integer ? QVariant(double(OGR_F_GetFieldAsInteger64(f, field)))
                                                     : QVariant(OGR_F_GetFieldAsDouble(f, field)),
                          NumberKind::Count);
    default:
        return readNumber(VectorReader::fieldValue(f, field, type, raw), NumberKind::Count);
    }
}

// Reads the single ring of a plain polygon into `rings` when it can take the fast
// path (finite, in range, 4..kMaxFastRing vertices); false leaves `rings` unchanged.
// A multipolygon of one such polygon takes it too (multi = true).
bool readSimplePolygon(OGRGeometryH og, bool geographic, std::vector<QPointF> &rings, bool &multi)
{
    multi = wkbFlatten(OGR_G_GetGeometryType(og)) == wkbMultiPolygon;
    if (multi) {
        if (OGR_G_GetGeometryCount(og) != 1)
            return false;
        og = OGR_G_GetGeometryRef(og, 0);
    }
    if (wkbFlatten(OGR_G_GetGeometryType(og)) != wkbPolygon || OGR_G_GetGeometryCount(og) != 1)
        return false;
    OGRGeometryH ring = OGR_G_GetGeometryRef(og, 0);
    const int n = OGR_G_GetPointCount(ring);
    if (n < 4 || n > kMaxFastRing)
        return false;
    const std::size_t first = rings.size();
    rings.resize(first + std::size_t(n));
    QPointF *p = rings.data() + first;
    OGR_G_GetPoints(ring, p, sizeof(QPointF), reinterpret_cast<char *>(p) + sizeof(double), sizeof(QPointF), nullptr, 0);
    double x0 = p[0].x(), x1 = x0, y0 = p[0].y(), y1 = y0;
    bool finite = true;
    for (int i = 0; i < n; ++i) {
        finite = finite && std::isfinite(p[i].x()) && std::isfinite(p[i].y());
        x0 = std::min(x0, p[i].x());
        x1 = std::max(x1, p[i].x());
        y0 = std::min(y0, p[i].y());
        y1 = std::max(y1, p[i].y());
    }
    if (!finite || VectorReader::outsideRange(QRectF(QPointF(x0, y0), QPointF(x1, y1)), geographic)) {
        rings.resize(first);
        return false;
    }
    return true;
}

// readSimplePolygon for little-endian 2D WKB (the Arrow stream's geometry column).
bool readSimplePolygonWkb(const unsigned char *w, std::size_t size, bool geographic, std::vector<QPointF> &rings, bool &multi)
{
    if constexpr (Q_BYTE_ORDER != Q_LITTLE_ENDIAN)
        return false;
    std::size_t o = 0;
    auto u32 = [&](std::uint32_t &v) {
        if (o + 4 > size)
            return false;
        std::memcpy(&v, w + o, 4);
        o += 4;
        return true;
    };
    auto header = [&](std::uint32_t &type) {
        if (o + 1 > size || w[o] != 1)
            return false;
        ++o;
        return u32(type);
    };
    std::uint32_t type = 0, count = 0;
    if (!header(type))
        return false;
    multi = type == 6;
    if (multi && !(u32(count) && count == 1 && header(type)))
        return false;
    std::uint32_t n = 0;
    if (type != 3 || !u32(count) || count != 1 || !u32(n) || n < 4 || n > std::uint32_t(kMaxFastRing) || o + std::size_t(n) * 16 > size)
        return false;
    const std::size_t first = rings.size();
    rings.resize(first + n);
    QPointF *p = rings.data() + first;
    std::memcpy(static_cast<void *>(p), w + o, std::size_t(n) * 16);
    double x0 = p[0].x(), x1 = x0, y0 = p[0].y(), y1 = y0;
    bool finite = true;
    for (std::uint32_t i = 0; i < n; ++i) {
        finite = finite && std::isfinite(p[i].x()) && std::isfinite(p[i].y());
        x0 = std::min(x0, p[i].x());
        x1 = std::max(x1, p[i].x());
        y0 = std::min(y0, p[i].y());
        y1 = std::max(y1, p[i].y());
    }
    if (!finite || VectorReader::outsideRange(QRectF(QPointF(x0, y0), QPointF(x1, y1)), geographic)) {
        rings.resize(first);
        return false;
    }
    return true;
}

// CoordinateTransform's test for a point it could not transform.
bool transformed(const QPointF *p, int n)
{
    for (int i = 0; i < n; ++i)
        if (!std::isfinite(p[i].x()) || !std::isfinite(p[i].y()) || std::abs(p[i].x()) > 1e15 || std::abs(p[i].y()) > 1e15)
            return false;
    return true;
}

} // namespace

DemandSet Demand::load(const DataSource &source, const QString &populationField, double splitCellMeters, const LoadOptions &options,
                       Feedback &feedback)
{
    auto viaLayer = [&] {
        return fromLayer(VectorLayer::load(source, options, &feedback), populationField, splitCellMeters, feedback);
    };
    if (splitCellMeters > 0)
        return viaLayer();
    const QString display = source.displayName();
    GdalErrorCollector gdalErrors;
    VectorSourceReading src = VectorReader::open(source, options, gdalErrors);
    const int layerDim = VectorReader::declaredDimension(src.layer);
    if (layerDim < 0)
        return viaLayer();

    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(src.layer);
    Fields fields;
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
        OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
        fields.push_back({QString::fromUtf8(OGR_Fld_GetNameRef(fd)), VectorReader::fieldType(fd)});
    }
    const int field = fieldIndex(fields, populationField);
    if (field < 0) {
        if (src.rawText)
            return viaLayer(); // field names in an encoding still to be detected
        if (fields.empty() && OGR_L_GetFeatureCount(src.layer, TRUE) == 0)
            throw InvalidInput(fileMessage(display, QStringLiteral("the demand layer has no features")));
        QStringList names;
        for (const Field &f : fields)
            names << f.name;
        throw InvalidInput(fileMessage(display, QStringLiteral("no field '%1' (fields: %2)").arg(populationField, names.join(QStringLiteral(", ")))));
    }
    if (layerDim == 1)
        throw InvalidInput(fileMessage(display, QStringLiteral("demand must be polygons or points, not lines")));
    const FieldType popType = fields[std::size_t(field)].type;
    {
        // Read only the geometry and the population.
        QStringList ignored{QStringLiteral("OGR_STYLE")};
        for (int i = 0; i < int(fields.size()); ++i)
            if (i != field)
                ignored << QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
        CslList list = toCsl(ignored);
        OGR_L_SetIgnoredFields(src.layer, const_cast<const char **>(list.get()));
    }

    DemandSet out;
    out.crs = src.crs;
    out.source = display;
    LoadReport &report = src.report;
    const bool geographic = src.sourceCrs.isGeographic();
    const GIntBig expected = OGR_L_GetFeatureCount(src.layer, FALSE);
    if (expected > 0) {
        out.points.reserve(std::size_t(expected));
        out.population.reserve(std::size_t(expected));
        out.feature.reserve(std::size_t(expected));
    }
    int rows = 0; // features kept by the load: the VectorLayer row numbers
    Batch batch;

    auto place = [&](const Pending &item, Geometry *g, const QPointF *ring) {
        const int row = rows++;
        ++out.stats.features;
        if (!detail::usablePopulation(item.pop, item.fid, out.stats))
            return;
        QPointF p;
        bool ok = false;
        if (ring) {
            ok = detail::ringCentroidInside(ring, item.count, p);
            if (!ok) {
                Geometry poly(item.multi ? GeometryType::MultiPolygon : GeometryType::Polygon);
                poly.beginPart();
                poly.addRing(ring, std::size_t(item.count));
                ok = detail::demandPoint(poly, p);
            }
        } else {
            ok = detail::demandPoint(*g, p);
        }
        if (!ok) {
            ++out.stats.noPoint;
            return;
        }
        out.add(p, item.pop.value, row);
        ++out.stats.used;
    };

    // Dropped features read from the Arrow stream get their FIDs after the read.
    std::vector<std::pair<std::size_t, qint64>> needFid; // index into report.dropped, position
    auto drop = [&](const Pending &item, const QString &reason) {
        if (item.fid < 0)
            needFid.emplace_back(report.dropped.size(), item.position);
        report.drop(item.fid, reason);
    };

    auto flush = [&] {
        bool someFailed = false;
        if (src.transform && !batch.rings.empty()) {
            try {
                src.transform->transformInPlace(batch.rings);
            } catch (const CrsError &) {
                someFailed = true; // every point is transformed; the failed ones are marked
            }
        }
        for (const Pending &item : batch.items) {
            if (item.count > 0) {
                const QPointF *ring = batch.rings.data() + item.first;
                if (someFailed && !transformed(ring, item.count)) {
                    ++report.outsideCrs;
                    drop(item, QStringLiteral("cannot be reprojected to %1").arg(src.crs.authId()));
                    continue;
                }
                if (!options.repairInvalid || detail::certainlySimpleRing(ring, item.count)) {
                    place(item, nullptr, ring);
                    continue;
                }
                // GEOS decides (and repairs) as VectorLayer::load does.
                Geometry g(item.multi ? GeometryType::MultiPolygon : GeometryType::Polygon);
                g.beginPart();
                g.addRing(ring, std::size_t(item.count));
                if (VectorReader::repairPolygon(g, report))
                    place(item, &g, nullptr);
                else
                    drop(item, VectorReader::kUnrepairable);
                continue;
            }
            Geometry &g = batch.geometries[std::size_t(item.generic)];
            if (dimension(g.type()) != layerDim) {
                ++report.otherDimension;
                drop(item, VectorReader::kOtherType);
                continue;
            }
            if (layerDim == 2 && options.repairInvalid && !VectorReader::repairPolygon(g, report)) {
                drop(item, VectorReader::kUnrepairable);
                continue;
            }
            place(item, &g, nullptr);
        }
        batch.clear();
    };

    // One feature: a simple polygon's ring into the batch, anything else through the
    // load's checks as a Geometry.
    auto addFeature = [&](Pending item, OGRGeometryH og, bool readFailed) {
        const std::size_t ringStart = batch.rings.size();
        if (og && layerDim == 2 && readSimplePolygon(og, geographic, batch.rings, item.multi)) {
            item.first = ringStart;
            item.count = int(batch.rings.size() - ringStart);
        } else {
            Geometry g;
            if (!VectorReader::acceptGeometry(og, readFailed, item.fid, src, g, report)) {
                if (item.fid < 0)
                    needFid.emplace_back(report.dropped.size() - 1, item.position);
                return;
            }
            item.generic = int(batch.geometries.size());
            batch.geometries.push_back(std::move(g));
        }
        batch.items.push_back(item);
        if (batch.items.size() >= kBatch)
            flush();
    };
    auto progress = [&] {
        feedback.throwIfCanceled();
        if (expected > 0)
            feedback.setProgress(100.0 * double(report.read) / double(expected));
    };

    OGR_L_ResetReading(src.layer);
    resetGdalError();
    const qsizetype failuresBefore = gdalErrors.failures().size();
    std::unique_ptr<ArrowStream> arrow;
    if (src.driver == QLatin1String("GPKG") && layerDim == 2 && (popType == FieldType::Integer || popType == FieldType::Real))
        arrow = ArrowStream::open(src.layer, {fields[std::size_t(field)].name});
    if (arrow && arrow->isText(0))
        arrow.reset(); // numbers only
    if (arrow) {
        // GeoPackage: batches of WKB + population from GDAL's Arrow stream.
        while (arrow->next()) {
            progress();
            for (std::int64_t r = 0; r < arrow->rows(); ++r) {
                ++report.read;
                Pending item;
                item.position = report.read - 1;
                double pop = 0;
                item.pop = arrow->number(r, 0, pop) ? readNumber(QVariant(pop), NumberKind::Count) : NumberRead{};
                const unsigned char *wkb = nullptr;
                std::size_t size = 0;
                if (!arrow->geometry(r, wkb, size)) {
                    addFeature(item, nullptr, false);
                    continue;
                }
                const std::size_t ringStart = batch.rings.size();
                if (readSimplePolygonWkb(wkb, size, geographic, batch.rings, item.multi)) {
                    item.first = ringStart;
                    item.count = int(batch.rings.size() - ringStart);
                    batch.items.push_back(item);
                    if (batch.items.size() >= kBatch)
                        flush();
                    continue;
                }
                OGRGeometryH og = nullptr;
                const bool parsed = OGR_G_CreateFromWkbEx(wkb, nullptr, &og, size) == OGRERR_NONE;
                OgrGeometry owned(og);
                addFeature(item, parsed ? og : nullptr, !parsed);
            }
        }
        if (!arrow->error().isEmpty() && report.read == 0)
            throw IoError(fileMessage(display, arrow->error()));
        if (!arrow->error().isEmpty()) {
            report.readError = arrow->error();
            if (expected > report.read) {
                report.unreadable += expected - report.read;
                report.read = expected;
            }
        }
    } else {
        qsizetype failuresSeen = failuresBefore;
        for (OgrFeature f(OGR_L_GetNextFeature(src.layer)); f; f.reset(OGR_L_GetNextFeature(src.layer))) {
            ++report.read;
            const bool readFailed = gdalErrors.failures().size() != failuresSeen;
            failuresSeen = gdalErrors.failures().size();
            if ((report.read & 1023) == 0)
                progress();
            Pending item;
            item.fid = OGR_F_GetFID(f.get());
            item.position = report.read - 1;
            item.pop = readPopulation(f.get(), field, popType, src.rawText);
            addFeature(item, OGR_F_GetGeometryRef(f.get()), readFailed);
        }
    }
    flush();
    if (gdalErrors.failures().size() > failuresBefore && report.readError.isEmpty()) {
        report.readError = gdalErrors.failures().at(failuresBefore);
        if (report.read == 0)
            throw IoError(fileMessage(display, report.readError));
        if (expected > report.read) {
            report.unreadable += expected - report.read;
            report.read = expected;
        }
    }
    report.loaded = rows;
    if (!needFid.empty()) {
        std::sort(needFid.begin(), needFid.end(), [](const auto &a, const auto &b) { return a.second < b.second; });
        std::vector<qint64> positions;
        for (const auto &n : needFid)
            positions.push_back(n.second);
        const std::vector<qint64> fids = VectorReader::fidsAt(src.layer, positions);
        for (std::size_t k = 0; k < needFid.size(); ++k)
            report.dropped[needFid[k].first].fid = fids[k];
    }
    out.stats.sourceMessages = report.messages();
    report.reportTo(feedback, display, QStringLiteral("demand features"));
    out.reportUnusable(feedback);
    feedback.setProgress(100.0);
    return out;
}

} // namespace refuge
