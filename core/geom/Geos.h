#pragma once
// Thin RAII layer over the reentrant GEOS C API. geosContext() returns this thread's
// own context (created on first use, destroyed at thread exit); GEOS handles must
// never cross threads — pass Geometry values or WKB instead.
#include <geos_c.h>
#include <QString>
#include <memory>

namespace refuge {

GEOSContextHandle_t geosContext();

// Message of the last GEOS error on this thread ("" if none).
QString lastGeosError(); // this thread's last GEOS error message, cleared once read

struct GeosGeometryDeleter {
    void operator()(GEOSGeometry *g) const noexcept;
};
struct GeosPreparedDeleter {
    void operator()(const GEOSPreparedGeometry *g) const noexcept;
};
struct GeosSTRtreeDeleter {
    void operator()(GEOSSTRtree *t) const noexcept;
};

using GeosGeom = std::unique_ptr<GEOSGeometry, GeosGeometryDeleter>;
using GeosPrepared = std::unique_ptr<const GEOSPreparedGeometry, GeosPreparedDeleter>;
using GeosTree = std::unique_ptr<GEOSSTRtree, GeosSTRtreeDeleter>;

// Wraps a GEOS result; throws GeometryError with GEOS's message if it is null.
GeosGeom checkedGeos(GEOSGeometry *g, const char *operation);

GeosPrepared prepare(const GEOSGeometry *g);

} // namespace refuge
