#include "analysis/Demand.h"
#include "crs/CoordinateTransform.h"
#include "geom/Geometry.h"
#include "model/RasterLayer.h"
#include "model/VectorLayer.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QRect>
#include <cmath>

namespace refuge {

namespace {

// One rule for every demand source: a value that is missing/non-numeric, negative or
// zero is counted in `stats` and not used. Returns true when `pop` is usable.
bool usablePopulation(bool valid, double pop, DemandStats &stats)
{
    if (!valid) {
        ++stats.nullPopulation;
        return false;
    }
    if (pop < 0) {
        ++stats.negativePopulation;
        return false;
    }
    if (pop == 0) {
        ++stats.zeroPopulation;
        return false;
    }
    return true;
}

// A point on the surface of a geometry (polygons: GEOSPointOnSurface; points: the first).
bool surfacePoint(GEOSContextHandle_t ctx, const GEOSGeometry *g, QPointF &out)
{
    GeosGeom p(GEOSPointOnSurface_r(ctx, g));
    if (!p || GEOSisEmpty_r(ctx, p.get()) == 1)
        return false;
    double x = 0, y = 0;
    if (GEOSGeomGetX_r(ctx, p.get(), &x) != 1 || GEOSGeomGetY_r(ctx, p.get(), &y) != 1)
        return false;
    out = QPointF(x, y);
    return std::isfinite(x) && std::isfinite(y);
}

// Spreads `pop` of polygon `g` over an aligned grid of `cell` metres.
void splitOverCells(GEOSContextHandle_t ctx, const Geometry &geom, const GEOSGeometry *g, double pop, double cell,
                    int feature, DemandSet &out)
{
    const double total = geom.area();
    const QRectF b = geom.bounds();
    const auto c0 = qint64(std::floor(b.left() / cell)), c1 = qint64(std::floor(b.right() / cell));
    const auto r0 = qint64(std::floor(b.top() / cell)), r1 = qint64(std::floor(b.bottom() / cell));
    GeosPrepared prepared = prepare(g);
    struct Piece {
        QPointF p;
        double area;
    };
    std::vector<Piece> pieces;
    double covered = 0;
    for (qint64 r = r0; r <= r1; ++r) {
        for (qint64 c = c0; c <= c1; ++c) {
            const double x0 = double(c) * cell, y0 = double(r) * cell;
            const std::vector<QPointF> ring = {{x0, y0}, {x0 + cell, y0}, {x0 + cell, y0 + cell}, {x0, y0 + cell}, {x0, y0}};
            GeosGeom box = Geometry::polygon({ring}).toGeos();
            if (GEOSPreparedContains_r(ctx, prepared.get(), box.get()) == 1) {
                pieces.push_back({QPointF(x0 + cell / 2, y0 + cell / 2), cell * cell});
                covered += cell * cell;
                continue;
            }
            if (GEOSPreparedIntersects_r(ctx, prepared.get(), box.get()) != 1)
                continue;
            GeosGeom piece(GEOSClipByRect_r(ctx, g, x0, y0, x0 + cell, y0 + cell));
            if (!piece)
                continue;
            double a = 0;
            if (GEOSArea_r(ctx, piece.get(), &a) != 1 || a <= 0)
                continue;
            QPointF p;
            if (!surfacePoint(ctx, piece.get(), p))
                continue;
            pieces.push_back({p, a});
            covered += a;
        }
    }
    if (pieces.empty() || covered <= 0 || total <= 0)
        return;
    // Normalise by the pieces found so the polygon's population is kept exactly.
    for (const Piece &pc : pieces)
        out.add(pc.p, pop * pc.area / covered, feature);
}

// Area centroid of a single-ring polygon when it lies inside the ring (crossing
// number): the common case for blocks, without a round trip through GEOS.
bool ringCentroidInside(const Geometry &g, QPointF &out)
{
    if (g.partCount() != 1 || g.ringCount() != 1)
        return false;
    const QPointF *p = g.ringPoints(0);
    const int n = g.ringSize(0);
    if (n < 4)
        return false;
    double a = 0, cx = 0, cy = 0;
    const QPointF o = p[0];
    for (int i = 0; i + 1 < n; ++i) {
        const double x0 = p[i].x() - o.x(), y0 = p[i].y() - o.y(), x1 = p[i + 1].x() - o.x(), y1 = p[i + 1].y() - o.y();
        const double c = x0 * y1 - x1 * y0;
        a += c;
        cx += (x0 + x1) * c;
        cy += (y0 + y1) * c;
    }
    if (std::abs(a) < 1e-12)
        return false;
    const QPointF c(o.x() + cx / (3 * a), o.y() + cy / (3 * a));
    bool inside = false;
    for (int i = 0, j = n - 1; i < n; j = i++) {
        if ((p[i].y() > c.y()) != (p[j].y() > c.y())
            && c.x() < (p[j].x() - p[i].x()) * (c.y() - p[i].y()) / (p[j].y() - p[i].y()) + p[i].x())
            inside = !inside;
    }
    // Keep clear of the boundary (a centroid on an edge is not "on the surface").
    if (!inside)
        return false;
    out = c;
    return true;
}

} // namespace

QStringList DemandStats::messages() const
{
    QStringList m;
    auto add = [&](qint64 n, const QString &what) {
        if (n > 0)
            m << QStringLiteral("%1 %2").arg(n).arg(what);
    };
    add(nullPopulation, QStringLiteral("features with a null or non-numeric population left out"));
    add(negativePopulation, QStringLiteral("features with a negative population left out"));
    add(zeroPopulation, QStringLiteral("features with zero population"));
    add(noPoint, QStringLiteral("features where no point could be placed left out"));
    add(splitFeatures, QStringLiteral("polygons spread over grid cells"));
    return m;
}

double DemandSet::totalPopulation() const
{
    double s = 0;
    for (double p : population)
        s += p;
    return s;
}

void DemandSet::add(QPointF p, double pop, int sourceFeature)
{
    points.push_back(p);
    population.push_back(pop);
    feature.push_back(sourceFeature);
}

bool Demand::parsePopulation(const QVariant &v, double &out)
{
    if (!v.isValid() || v.isNull())
        return false;
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return false;
    out = d;
    return true;
}

DemandSet Demand::fromLayer(const VectorLayer &layer, const QString &populationField, double splitCellMeters, Feedback &feedback)
{
    const int field = layer.requireField(populationField);
    const int dim = dimension(layer.geometryType());
    if (dim == 1)
        throw InvalidInput(fileMessage(layer.source().displayName(), QStringLiteral("demand must be polygons or points, not lines")));
    if (splitCellMeters > 0 && layer.crs().isValid() && layer.crs().isGeographic())
        throw InvalidInput(fileMessage(layer.source().displayName(), QStringLiteral("--split-cell needs a projected CRS in metres")));
    const double cell = splitCellMeters > 0 && layer.crs().isValid() ? splitCellMeters / layer.crs().metresPerUnit() : splitCellMeters;

    DemandSet out;
    out.crs = layer.crs();
    out.source = layer.source().path.isEmpty() ? layer.name() : layer.source().displayName();
    GEOSContextHandle_t ctx = geosContext();
    const int n = layer.featureCount();
    out.points.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i) {
        if ((i & 1023) == 0) {
            feedback.throwIfCanceled();
            feedback.setProgress(100.0 * i / std::max(1, n));
        }
        ++out.stats.features;
        double pop = 0;
        const bool parsed = parsePopulation(layer.attribute(i, field), pop); // sets pop
        if (!usablePopulation(parsed, pop, out.stats))
            continue;
        const Geometry &g = layer.geometry(i);
        if (g.isEmpty()) {
            ++out.stats.noPoint;
            continue;
        }
        if (dimension(g.type()) == 0) {
            out.add(g.points().front(), pop, i);
            ++out.stats.used;
            continue;
        }
        if (!(cell > 0 && g.area() > cell * cell)) {
            QPointF c;
            if (ringCentroidInside(g, c)) {
                out.add(c, pop, i);
                ++out.stats.used;
                continue;
            }
        }
        GeosGeom gg = g.toGeos();
        if (cell > 0 && g.area() > cell * cell) {
            const std::size_t before = out.size();
            splitOverCells(ctx, g, gg.get(), pop, cell, i, out);
            if (out.size() > before) {
                ++out.stats.used;
                ++out.stats.splitFeatures;
                continue;
            }
        }
        QPointF p;
        if (!surfacePoint(ctx, gg.get(), p)) {
            ++out.stats.noPoint;
            continue;
        }
        out.add(p, pop, i);
        ++out.stats.used;
    }
    feedback.setProgress(100.0);
    return out;
}

DemandSet Demand::fromRaster(const RasterLayer &raster, int band, const Crs &target, Feedback &feedback)
{
    DemandSet out;
    out.crs = target.isValid() ? target : raster.crs();
    out.source = raster.path();
    std::unique_ptr<CoordinateTransform> ct;
    if (target.isValid() && target != raster.crs())
        ct = std::make_unique<CoordinateTransform>(raster.crs(), target);
    const int rowsPerBlock = std::max(1, (1 << 20) / std::max(1, raster.width()));
    for (int row0 = 0; row0 < raster.height(); row0 += rowsPerBlock) {
        feedback.throwIfCanceled();
        feedback.setProgress(100.0 * row0 / std::max(1, raster.height()));
        const int rows = std::min(rowsPerBlock, raster.height() - row0);
        const std::vector<double> v = raster.read(band, QRect(0, row0, raster.width(), rows));
        std::vector<QPointF> pts;
        std::vector<double> pops;
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < raster.width(); ++c) {
                const double pop = v[std::size_t(r) * std::size_t(raster.width()) + std::size_t(c)];
                if (std::isnan(pop))
                    continue; // nodata: not a feature
                ++out.stats.features;
                if (!usablePopulation(std::isfinite(pop), pop, out.stats))
                    continue;
                pts.push_back(raster.pixelCentre(c, row0 + r));
                pops.push_back(pop);
            }
        }
        if (ct)
            ct->transformInPlace(pts);
        for (std::size_t k = 0; k < pts.size(); ++k)
            out.add(pts[k], pops[k], -1);
        out.stats.used += qint64(pts.size());
    }
    feedback.setProgress(100.0);
    return out;
}

} // namespace refuge
