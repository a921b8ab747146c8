#pragma once
// ScaleBar: the length and label of a map frame's scale bar. The ground distance per
// millimetre of paper is measured at the frame's centre along the horizontal: for a
// projected CRS from its unit (metre, US survey foot...), for a geographic CRS as the
// geodesic distance on the WGS 84 ellipsoid (PROJ geod_inverse) between two points on
// the centre's parallel, so a degree of longitude counts cos(latitude) as much as at
// the equator. The bar's ground length is the largest 1, 2 or 5 x 10^n metres that fits
// in the space given.
#include "render/MapSettings.h"

#include <QString>

namespace refuge {

struct ScaleBar {
    double barMm = 0;          // printed length of the whole bar
    double groundMetres = 0;   // the ground distance it stands for
    int segments = 0;          // alternating black/white segments
    QString label;             // "500 m", "2 km"
    double metresPerMm = 0;    // ground metres per mm of paper at the frame's centre
    double scaleDenominator() const { return metresPerMm * 1000.0; }

    // For a frame of `frameWidthMm` showing `map` (its visibleExtent() and crs; the aspect
    // ratio from map.outputSize), the bar no longer than `maxBarMm`. barMm = 0 if the
    // extent or CRS is unusable.
    static ScaleBar compute(const MapSettings &map, double frameWidthMm, double maxBarMm);
    // The largest 1, 2 or 5 x 10^n not above `value` (value > 0).
    static double niceLength(double value);
};

} // namespace refuge
