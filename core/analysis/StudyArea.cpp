#include "analysis/StudyArea.h"
#include "model/VectorLayer.h"
#include "util/Error.h"

namespace refuge {

Geometry StudyArea::unionOf(const std::vector<Geometry> &parts)
{
    GEOSContextHandle_t ctx = geosContext();
    std::vector<GEOSGeometry *> gs;
    gs.reserve(parts.size());
    for (const Geometry &g : parts)
        if (!g.isEmpty())
            gs.push_back(g.toGeos().release());
    GeosGeom coll(GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, gs.data(), unsigned(gs.size())));
    GeosGeom u = checkedGeos(GEOSUnaryUnion_r(ctx, coll.get()), "union of the study area");
    return Geometry::fromGeos(u.get());
}

VectorLayer StudyArea::read(const DataSource &source, Feedback *feedback)
{
    VectorLayer layer = VectorLayer::load(source, LoadOptions());
    if (feedback)
        layer.report().reportTo(*feedback, source.displayName(), QStringLiteral("study area features"));
    if (dimension(layer.geometryType()) != 2)
        throw InvalidInput(fileMessage(source.displayName(), QStringLiteral("the study area must be polygons (the layer has %1)")
                                                                 .arg(geometryTypeName(layer.geometryType()))));
    return layer;
}

Geometry StudyArea::merge(const VectorLayer &layer, const Crs &crs)
{
    const QString name = layer.source().path.isEmpty() ? layer.name() : layer.source().displayName();
    const Geometry area = unionOf((crs.isValid() && layer.crs().isValid() ? layer.reprojected(crs) : layer).geometries());
    if (area.isEmpty() || dimension(area.type()) != 2)
        throw InvalidInput(fileMessage(name, QStringLiteral("the study area has no polygons")));
    return area;
}

Geometry StudyArea::load(const DataSource &source, const Crs &crs) { return merge(read(source), crs); }

} // namespace refuge
