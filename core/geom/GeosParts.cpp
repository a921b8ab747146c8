// GeosGeomList and the GEOS constructors that take its parts (see GeosParts.h).
#include "geom/GeosParts.h"

namespace refuge {

std::vector<GEOSGeometry *> GeosGeomList::release()
{
    std::vector<GEOSGeometry *> out;
    out.reserve(m_items.size());
    for (GeosGeom &g : m_items)
        out.push_back(g.release());
    m_items.clear();
    return out;
}

GeosGeom geosPolygon(GeosGeom shell, GeosGeomList holes)
{
    std::vector<GEOSGeometry *> raw = holes.release();
    return GeosGeom(GEOSGeom_createPolygon_r(geosContext(), shell.release(), raw.data(), unsigned(raw.size())));
}

GeosGeom geosCollection(int type, GeosGeomList items)
{
    std::vector<GEOSGeometry *> raw = items.release();
    return GeosGeom(GEOSGeom_createCollection_r(geosContext(), type, raw.data(), unsigned(raw.size())));
}

} // namespace refuge
