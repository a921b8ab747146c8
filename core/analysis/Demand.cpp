#include "analysis/Demand.h"
#include "analysis/DemandPoint.h"
#include "analysis/ParameterRanges.h"
#include "crs/CoordinateTransform.h"
#include "geom/Geometry.h"
#include "model/RasterLayer.h"
#include "model/VectorLayer.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QRect>
#include <cmath>

namespace refuge {

using detail::surfacePoint;
using detail::usablePopulation;

namespace {

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

} // namespace

QStringList DemandStats::messages() const
{
    QStringList m = sourceMessages;
    auto add = [&](qint64 n, const QString &what) {
        if (n > 0)
            m << QStringLiteral("%1 %2").arg(n).arg(what);
    };
    add(nullPopulation, QStringLiteral("features with a null population left out"));
    add(reformattedPopulation, QStringLiteral("features with a population written as text (e.g. \"14,495\", \"1 234\") read as numbers"));
    add(negativePopulation, QStringLiteral("features with a negative population left out"));
    add(zeroPopulation, QStringLiteral("features with zero population"));
    add(noPoint, QStringLiteral("features where no point could be placed left out"));
    add(splitFeatures, QStringLiteral("polygons spread over grid cells"));
    return m;
}

QString DemandStats::unusableMessage() const
{
    if (unusablePopulation == 0)
        return {};
    QStringList fids;
    for (qint64 f : unusableFids)
        fids << (f >= 0 ? QStringLiteral("fid %1").arg(f) : QStringLiteral("a cell"));
    if (unusablePopulation > qint64(unusableFids.size()))
        fids << QStringLiteral("%1 more").arg(unusablePopulation - qint64(unusableFids.size()));
    return QStringLiteral("%1 features with a population that is not a number left out (unusable: %2)")
        .arg(unusablePopulation)
        .arg(fids.join(QStringLiteral(", ")));
}

void DemandSet::reportUnusable(Feedback &feedback) const
{
    const QString m = stats.unusableMessage();
    if (!m.isEmpty())
        feedback.inputProblem(fileMessage(source, m));
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

DemandSet Demand::fromLayer(const VectorLayer &layer, const QString &populationField, double splitCellMeters, Feedback &feedback)
{
    const int field = layer.requireField(populationField);
    layer.report().reportTo(feedback, layer.source().path.isEmpty() ? layer.name() : layer.source().displayName(), QStringLiteral("demand features"));
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
    if (cell > 0) { // count the cells before splitting anything: a tiny cell would run for hours
        double cells = 0;
        for (int i = 0; i < n; ++i)
            if (dimension(layer.geometry(i).type()) == 2 && layer.geometry(i).area() > cell * cell)
                cells += ParameterRanges::cellCount(layer.geometry(i).bounds(), cell, 1.0);
        ParameterRanges::checkCellCount(cells, splitCellMeters, QStringLiteral("--split-cell"));
    }
    out.points.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i) {
        if ((i & 1023) == 0) {
            feedback.throwIfCanceled();
            feedback.setProgress(100.0 * i / std::max(1, n));
        }
        ++out.stats.features;
        const NumberRead read = readNumber(layer.attribute(i, field), NumberKind::Count);
        if (!usablePopulation(read, layer.sourceFid(i), out.stats))
            continue;
        const double pop = read.value;
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
            if (g.partCount() == 1 && g.ringCount() == 1 && detail::ringCentroidInside(g.ringPoints(0), g.ringSize(0), c)) {
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
    out.reportUnusable(feedback);
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
                if (!usablePopulation(readNumber(QVariant(pop), NumberKind::Count), -1, out.stats))
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
    out.reportUnusable(feedback);
    feedback.setProgress(100.0);
    return out;
}

} // namespace refuge
