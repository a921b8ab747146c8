// Demand::load: population polygons/points streamed from a vector source (FeatureStream)
// straight to demand units (see Demand.h). Same units, order, feature numbers and
// counts as Demand::fromLayer(VectorLayer::load(...)); the VectorReader steps are shared.
#include "analysis/Demand.h"
#include "analysis/DemandPoint.h"
#include "crs/CoordinateTransform.h"
#include "io/FeatureStream.h"
#include "io/Wkb.h"
#include "model/VectorLayer.h"
#include "util/Error.h"
#include "util/Feedback.h"
#include "util/NumberText.h"

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

NumberRead readPopulation(const FeatureStream &in, FieldType type)
{
    if (in.isNull(0))
        return {};
    switch (type) {
    case FieldType::Integer: return readNumber(QVariant(double(in.integer(0))), NumberKind::Count);
    case FieldType::Real: return readNumber(QVariant(in.real(0)), NumberKind::Count);
    default: return readNumber(in.value(0), NumberKind::Count);
    }
}

// A polygon of one ring of at most kMaxFastRing vertices, all finite and in range, read
// straight from the feature's WKB into `rings`; false (nothing appended) otherwise.
bool readSimplePolygon(FeatureStream &in, bool geographic, std::vector<QPointF> &rings, bool &multi)
{
    const unsigned char *data = nullptr;
    std::size_t size = 0;
    const std::size_t first = rings.size();
    if (!in.wkb(data, size) || !wkb::appendSingleRing(data, size, kMaxFastRing, rings, multi))
        return false;
    const QPointF *p = rings.data() + first;
    const std::size_t n = rings.size() - first;
    double x0 = p[0].x(), x1 = x0, y0 = p[0].y(), y1 = y0;
    bool finite = true;
    for (std::size_t i = 0; i < n; ++i) {
        finite = finite && std::isfinite(p[i].x()) && std::isfinite(p[i].y());
        x0 = std::min(x0, p[i].x());
        x1 = std::max(x1, p[i].x());
        y0 = std::min(y0, p[i].y());
        y1 = std::max(y1, p[i].y());
    }
    if (!finite || FeatureStream::outsideRange(QRectF(QPointF(x0, y0), QPointF(x1, y1)), geographic)) {
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
    FeatureStream in(source, options);
    const int layerDim = in.declaredDimension();
    if (layerDim < 0)
        return viaLayer();

    const Fields &fields = in.fields();
    const int field = fieldIndex(fields, populationField);
    if (field < 0) {
        if (in.rawText())
            return viaLayer(); // field names in an encoding still to be detected
        if (fields.empty() && in.featureCount(true) == 0)
            throw InvalidInput(fileMessage(display, QStringLiteral("the demand layer has no features")));
        QStringList names;
        for (const Field &f : fields)
            names << f.name;
        throw InvalidInput(fileMessage(display, QStringLiteral("no field '%1' (fields: %2)").arg(populationField, names.join(QStringLiteral(", ")))));
    }
    if (layerDim == 1)
        throw InvalidInput(fileMessage(display, QStringLiteral("demand must be polygons or points, not lines")));
    const FieldType popType = fields[std::size_t(field)].type;

    DemandSet out;
    out.crs = in.crs();
    out.source = display;
    LoadReport report = in.report();
    const bool geographic = in.sourceCrs().isGeographic();
    const qint64 expected = in.featureCount();
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
        if (in.transform() && !batch.rings.empty()) {
            try {
                in.transform()->transformInPlace(batch.rings);
            } catch (const CrsError &) {
                someFailed = true; // every point is transformed; the failed ones are marked
            }
        }
        for (const Pending &item : batch.items) {
            if (item.count > 0) {
                const QPointF *ring = batch.rings.data() + item.first;
                if (someFailed && !transformed(ring, item.count)) {
                    ++report.outsideCrs;
                    drop(item, QStringLiteral("cannot be reprojected to %1").arg(in.crs().authId()));
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
                if (FeatureStream::repairPolygon(g, report))
                    place(item, &g, nullptr);
                else
                    drop(item, FeatureStream::unrepairableReason());
                continue;
            }
            Geometry &g = batch.geometries[std::size_t(item.generic)];
            if (dimension(g.type()) != layerDim) {
                ++report.otherDimension;
                drop(item, FeatureStream::otherTypeReason());
                continue;
            }
            if (layerDim == 2 && options.repairInvalid && !FeatureStream::repairPolygon(g, report)) {
                drop(item, FeatureStream::unrepairableReason());
                continue;
            }
            place(item, &g, nullptr);
        }
        batch.clear();
    };

    // One feature: a simple polygon's ring into the batch, anything else through the
    // load's checks as a Geometry.
    auto addFeature = [&](Pending item) {
        const std::size_t ringStart = batch.rings.size();
        if (layerDim == 2 && readSimplePolygon(in, geographic, batch.rings, item.multi)) {
            item.first = ringStart;
            item.count = int(batch.rings.size() - ringStart);
        } else {
            Geometry g;
            if (!in.acceptGeometry(g, report)) {
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

    // GeoPackage polygons: batches of WKB + population from GDAL's Arrow stream.
    in.start({field}, layerDim == 2 && (popType == FieldType::Integer || popType == FieldType::Real));
    while (in.next()) {
        ++report.read;
        if ((report.read & 1023) == 0) {
            feedback.throwIfCanceled();
            if (expected > 0)
                feedback.setProgress(100.0 * double(report.read) / double(expected));
        }
        Pending item;
        item.fid = in.fid();
        item.position = in.position();
        item.pop = readPopulation(in, popType);
        addFeature(item);
    }
    flush();
    if (const QString failure = in.failure(); !failure.isEmpty()) {
        report.readError = failure;
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
        const std::vector<qint64> fids = in.fidsAt(positions);
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
