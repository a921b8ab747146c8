#pragma once
// DemandPoint: the rules Demand's builders share (internal to core/analysis) — which
// population values are usable, and where a polygon's demand point goes: the area
// centroid of a single-ring polygon when it lies inside the ring, else GEOS's point
// on surface. Pure functions; any thread (GEOS through the thread's own context).
#include "analysis/Demand.h"
#include "geom/Geometry.h"
#include "util/NumberText.h"

namespace refuge::detail {

// A value that is missing, unusable (text that is no number: listed with `fid`),
// negative or zero is counted in `stats` and not used; one written as text
// ("14,495") is counted as reformatted. Returns true when pop.value is usable.
bool usablePopulation(const NumberRead &pop, qint64 fid, DemandStats &stats);

// Area centroid of the closed ring p[0..n) when it lies inside the ring (crossing number).
bool ringCentroidInside(const QPointF *p, int n, QPointF &out);

// A point on the surface of a GEOS geometry; false when GEOS gives none.
bool surfacePoint(GEOSContextHandle_t ctx, const GEOSGeometry *g, QPointF &out);

// The demand point of a polygon (or the first point of points); false if none.
bool demandPoint(const Geometry &g, QPointF &out);

// True when the closed ring p[0..n) is certainly a valid GEOS polygon shell: at least
// three distinct vertices, no zero-length edge, edges meeting only where neighbours
// share a vertex. False when it is not, or when floating point cannot tell (ask GEOS).
bool certainlySimpleRing(const QPointF *p, int n);

} // namespace refuge::detail
