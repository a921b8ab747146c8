// Geodesic: PROJ's geod_inverse and geod_polygonarea on the WGS 84 ellipsoid.
#include "crs/Geodesic.h"

#include <cmath>
#include <geodesic.h>

namespace refuge::Geodesic {

namespace {

const geod_geodesic &wgs84()
{
    static const geod_geodesic g = [] {
        geod_geodesic e{};
        geod_init(&e, 6378137.0, 1.0 / 298.257223563);
        return e;
    }();
    return g;
}

} // namespace

double pathLength(const std::vector<QPointF> &lonLat)
{
    double total = 0;
    for (std::size_t i = 1; i < lonLat.size(); ++i) {
        double s12 = 0;
        geod_inverse(&wgs84(), lonLat[i - 1].y(), lonLat[i - 1].x(), lonLat[i].y(), lonLat[i].x(), &s12, nullptr, nullptr);
        total += s12;
    }
    return total;
}

double polygonArea(const std::vector<QPointF> &lonLat, double *perimeter)
{
    if (perimeter)
        *perimeter = 0;
    if (lonLat.size() < 3)
        return 0;
    std::vector<double> lats, lons;
    lats.reserve(lonLat.size());
    lons.reserve(lonLat.size());
    for (const QPointF &p : lonLat) {
        lats.push_back(p.y());
        lons.push_back(p.x());
    }
    double area = 0, length = 0;
    geod_polygonarea(&wgs84(), lats.data(), lons.data(), int(lonLat.size()), &area, &length);
    if (perimeter)
        *perimeter = length;
    return std::abs(area);
}

} // namespace refuge::Geodesic
