#include "network/Barriers.h"
#include "util/Error.h"

#include <cmath>

namespace refuge {

std::vector<float> Barriers::linkFactors(const RoadGraph &graph, const VectorLayer &input, double factor, int *affectedLinks)
{
    const QString display = input.source().path.isEmpty() ? input.name() : input.source().displayName();
    if (input.featureCount() > 0 && dimension(input.geometryType()) != 2)
        throw InvalidInput(fileMessage(display, QStringLiteral("barriers must be polygons, not %1").arg(geometryTypeName(input.geometryType()))));
    if (factor < 0 || !std::isfinite(factor))
        throw InvalidInput(QStringLiteral("the barrier factor must be 0 (closed) or > 0"));
    const VectorLayer barriers = graph.crs().isValid() && input.crs().isValid() && !(input.crs() == graph.crs())
        ? input.reprojected(graph.crs())
        : input;
    std::vector<float> factors(std::size_t(graph.linkCount()), 1.0f);
    int affected = 0;
    GEOSContextHandle_t ctx = geosContext();
    for (int b = 0; b < barriers.featureCount(); ++b) {
        const Geometry &poly = barriers.geometry(b);
        if (poly.isEmpty())
            continue;
        const GeosGeom g = poly.toGeos();
        const GeosPrepared prepared = prepare(g.get());
        // Box test first, prepared intersects only for candidates.
        const QRectF box = poly.bounds();
        for (int l = 0; l < graph.linkCount(); ++l) {
            if (factors[std::size_t(l)] == 0.0f)
                continue;
            const QRectF lb = graph.linkBounds(l); // may be flat: no QRectF::intersects
            if (lb.right() < box.left() || lb.left() > box.right() || lb.bottom() < box.top() || lb.top() > box.bottom())
                continue;
            const std::vector<QPointF> pts = graph.linkGeometry(l);
            const GeosGeom line = Geometry::lineString(pts).toGeos();
            if (GEOSPreparedIntersects_r(ctx, prepared.get(), line.get()) == 1) {
                if (factors[std::size_t(l)] == 1.0f)
                    ++affected;
                factors[std::size_t(l)] = float(factor);
            }
        }
    }
    if (affectedLinks)
        *affectedLinks = affected;
    return factors;
}

} // namespace refuge
