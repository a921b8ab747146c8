#include "analysis/Buffers.h"
#include "analysis/FacilityIds.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <algorithm>
#include <cmath>

namespace refuge {

VectorLayer Buffers::run(BufferParameters p, Feedback &feedback)
{
    if (p.radiiMeters.empty() || !(*std::min_element(p.radiiMeters.begin(), p.radiiMeters.end()) > 0))
        throw InvalidInput(QStringLiteral("buffers: radii must be > 0"));
    if (p.crs.isValid() && p.crs.isGeographic())
        throw CrsError(QStringLiteral("buffers: need a metric CRS, not %1").arg(p.crs.label()));
    std::sort(p.radiiMeters.begin(), p.radiiMeters.end());
    const double unit = p.crs.isValid() && p.crs.metresPerUnit() > 0 ? p.crs.metresPerUnit() : 1.0;
    VectorLayer layer(QStringLiteral("buffers"), GeometryType::MultiPolygon, p.crs);
    layer.addField({QStringLiteral("facility_id"), FieldType::String});
    layer.addField({QStringLiteral("break"), FieldType::Real});
    layer.addField({QStringLiteral("unit"), FieldType::String});
    layer.addField({QStringLiteral("method"), FieldType::String});
    layer.addField({QStringLiteral("area_m2"), FieldType::Real});
    GEOSContextHandle_t ctx = geosContext();
    auto addBuffer = [&](GEOSGeometry *g, const QString &id, double radius) {
        GeosGeom owned(g);
        Geometry geom = Geometry::fromGeos(owned.get());
        geom.setType(GeometryType::MultiPolygon);
        const double area = geom.area() * unit * unit;
        layer.addFeature(std::move(geom), {id, radius, QStringLiteral("m"), QString::fromLatin1(kMethod), area});
    };
    for (double r : p.radiiMeters) {
        feedback.throwIfCanceled();
        std::vector<GEOSGeometry *> circles;
        for (std::size_t i = 0; i < p.facilities.size(); ++i) {
            const QPointF q = p.facilities[i];
            if (!std::isfinite(q.x()) || !std::isfinite(q.y()))
                continue;
            GeosGeom pt(GEOSGeom_createPointFromXY_r(ctx, q.x(), q.y()));
            GEOSGeometry *c = checkedGeos(GEOSBuffer_r(ctx, pt.get(), r / unit, p.quadrantSegments), "Buffer").release();
            if (p.dissolve)
                circles.push_back(c);
            else
                addBuffer(c, p.facilityIds.value(int(i), FacilityIds::rowNumber(int(i))), r);
        }
        if (p.dissolve && !circles.empty()) {
            GeosGeom coll = checkedGeos(GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, circles.data(), unsigned(circles.size())),
                                        "createCollection");
            addBuffer(checkedGeos(GEOSUnaryUnion_r(ctx, coll.get()), "UnaryUnion").release(), QStringLiteral("all"), r);
        }
    }
    layer.buildIndex();
    feedback.setProgress(100);
    return layer;
}

} // namespace refuge
