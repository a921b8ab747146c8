#pragma once
// Conversion between OGR geometries and refuge::Geometry (curves are linearised).
#include "geom/Geometry.h"
#include "io/Gdal.h"

namespace refuge {

Geometry fromOgr(OGRGeometryH g);
OgrGeometry toOgr(const Geometry &g);

} // namespace refuge
