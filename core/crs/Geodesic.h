#pragma once
// Geodesic: lengths and areas on the WGS 84 ellipsoid through PROJ's geodesic routines
// (Karney's algorithms, geodesic.h), for the measure tool and anything else that must
// not measure on a projection's plane. Points are longitude/latitude in degrees
// (OGC:CRS84 order); transform project coordinates first (CoordinateTransform). Pure
// functions, any thread.
#include <QPointF>
#include <vector>

namespace refuge::Geodesic {

// The length in metres of the path through `lonLat` along geodesics (0 below 2 points).
double pathLength(const std::vector<QPointF> &lonLat);

// The area in m² (absolute) of the polygon `lonLat` (closed implicitly, edges along
// geodesics; 0 below 3 points) and, when asked, its perimeter in metres.
double polygonArea(const std::vector<QPointF> &lonLat, double *perimeter = nullptr);

} // namespace refuge::Geodesic
