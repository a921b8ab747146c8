#pragma once
// GeosGeomList: GEOS geometries on their way into a GEOS constructor that takes
// ownership of its parts (GEOSGeom_createPolygon_r, GEOSGeom_createCollection_r),
// owned (and destroyed on any early return or exception) until geosPolygon() or
// geosCollection() hands them over. One thread, like every GEOS handle.
#include "geom/Geos.h"

#include <vector>

namespace refuge {

class GeosGeomList {
public:
    void push_back(GeosGeom g) { m_items.push_back(std::move(g)); }
    std::size_t size() const { return m_items.size(); }
    bool empty() const { return m_items.empty(); }
    void reserve(std::size_t n) { m_items.reserve(n); }
    // The raw pointers, no longer owned here: for the one call that takes them.
    std::vector<GEOSGeometry *> release();

private:
    std::vector<GeosGeom> m_items;
};

// GEOSGeom_createPolygon_r / GEOSGeom_createCollection_r over owned parts. GEOS takes
// the parts in every case (it frees them when it fails: GEOS ticket 1111), so nothing
// leaks; null (GEOS's message in lastGeosError()) when the result cannot be made.
GeosGeom geosPolygon(GeosGeom shell, GeosGeomList holes);
GeosGeom geosCollection(int type, GeosGeomList items);

} // namespace refuge
