#pragma once
// The one WKB decoder of core: the fast paths for the shapes most features have, read
// straight from the WKB of GDAL's Arrow stream or FeatureStream::wkb() into flat point
// arrays (no Geometry, no OGR object per feature). Anything else a caller reads through
// FeatureStream::acceptGeometry (OGR's parser). Pure functions: any thread.
#include <QPointF>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace refuge::wkb {

// A LineString (2D, Z, M or ZM; ISO or EWKB flags; either byte order): its x/y appended
// to `points`, `count` = its number of points (0 for an empty line). False, with nothing
// appended, for anything else or a truncated one.
bool appendLineString(const unsigned char *data, std::size_t size, std::vector<QPointF> &points, std::uint32_t &count);

// A Polygon, or a MultiPolygon of one Polygon, of one ring with 4 to `maxPoints` points
// (2D, Z, M or ZM; either byte order): the ring's x/y appended, `multi` = it came as a
// MultiPolygon. False, with nothing appended, otherwise.
bool appendSingleRing(const unsigned char *data, std::size_t size, std::uint32_t maxPoints, std::vector<QPointF> &points, bool &multi);

} // namespace refuge::wkb
