#include "analysis/CoverageAreas.h"
#include "geom/SpatialIndex.h"
#include "model/VectorLayer.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QtConcurrent/QtConcurrentMap>
#include <numeric>

namespace refuge {

double CoverageAreas::areaM2(int i) const
{
    const double m = crs.isValid() && !crs.isGeographic() ? crs.metresPerUnit() : 1.0;
    return polygons[std::size_t(i)].area() * m * m;
}

CoverageAreas CoverageAreas::fromLayer(const VectorLayer &layer, const QString &nameField)
{
    const QString where = layer.source().path.isEmpty() ? layer.name() : layer.source().displayName();
    layer.requireGeometry(QStringLiteral("areas"), {2});
    const int field = layer.requireField(nameField);
    CoverageAreas a;
    a.crs = layer.crs();
    a.source = where;
    a.nameField = nameField;
    for (int i = 0; i < layer.featureCount(); ++i) {
        const Geometry &g = layer.geometry(i);
        if (dimension(g.type()) != 2)
            continue;
        a.polygons.push_back(g);
        QString name = layer.attribute(i, field).toString().trimmed();
        a.names << (name.isEmpty() ? QStringLiteral("#%1").arg(i + 1) : name);
    }
    if (a.polygons.empty())
        throw InvalidInput(fileMessage(where, QStringLiteral("areas must be polygons (none found)")));
    return a;
}

std::vector<int> CoverageAreas::locate(const std::vector<QPointF> &points, Feedback &feedback) const
{
    std::vector<QRectF> boxes;
    boxes.reserve(polygons.size());
    for (const Geometry &g : polygons)
        boxes.push_back(g.isEmpty() ? SpatialIndex::noBox() : g.bounds());
    const SpatialIndex index(boxes);
    std::vector<int> out(points.size(), -1);
    const std::size_t chunk = 16384;
    std::vector<std::size_t> chunks((points.size() + chunk - 1) / chunk);
    std::iota(chunks.begin(), chunks.end(), std::size_t(0));
    QtConcurrent::blockingMap(chunks, [&](std::size_t c) {
        if (feedback.isCanceled())
            return;
        GEOSContextHandle_t ctx = geosContext();
        std::vector<GeosGeom> geoms(polygons.size());
        std::vector<GeosPrepared> prepared(polygons.size());
        for (std::size_t i = c * chunk; i < std::min(points.size(), (c + 1) * chunk); ++i) {
            const QPointF p = points[i];
            index.visit(QRectF(p, p), [&](std::uint32_t a) {
                if (!prepared[a]) {
                    geoms[a] = polygons[a].toGeos();
                    prepared[a] = prepare(geoms[a].get());
                }
                GeosGeom pt(GEOSGeom_createPointFromXY_r(ctx, p.x(), p.y()));
                if (GEOSPreparedIntersects_r(ctx, prepared[a].get(), pt.get()) == 1) {
                    if (out[i] < 0 || int(a) < out[i])
                        out[i] = int(a);
                }
                return true;
            });
        }
        // Prepared geometries must go before the geometries they refer to.
        prepared.clear();
    });
    feedback.throwIfCanceled();
    return out;
}

} // namespace refuge
