#pragma once
// StudyArea: the area an analysis covers (zones tile it, fire coverage grids it) as
// one polygonal Geometry: the union of a polygon layer's features. Plain functions;
// any thread (GEOS on the caller's context).
#include "geom/Geometry.h"
#include "model/DataSource.h"

#include <vector>

namespace refuge {

class Crs;
class Feedback;
class VectorLayer;

namespace StudyArea {

// The union of the polygons given (GEOS cascaded union). Throws GeometryError.
Geometry unionOf(const std::vector<Geometry> &parts);
// A polygon layer read in `crs` and merged. Throws InvalidInput naming the file when
// it holds no polygons, IoError / CrsError as VectorLayer::load.
Geometry load(const DataSource &source, const Crs &crs);
// The same in two steps, so a job checks the layer before it builds the network (whose
// CRS it needs): read() loads it in its own CRS and refuses one that is not polygons;
// merge() reprojects and merges it.
// With `feedback`, features dropped on reading are reported to it (with their ids).
VectorLayer read(const DataSource &source, Feedback *feedback = nullptr);
Geometry merge(const VectorLayer &layer, const Crs &crs);

} // namespace StudyArea

} // namespace refuge
