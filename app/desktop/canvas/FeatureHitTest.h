#pragma once
// Which features of a loaded layer lie at a map point or inside a map rectangle, for
// the identify and select tools. Uses the layer's spatial index, then the geometry
// (point distance, segment distance, point-in-polygon with holes). Pure functions;
// any thread.
#include <QPointF>
#include <QRectF>
#include <vector>

namespace refuge {
class VectorLayer;
}

namespace refuge::desktop {

// Features within `tolerance` map units of `p` (inside, for polygons), nearest first.
std::vector<int> featuresAt(const VectorLayer &layer, QPointF p, double tolerance);
// Features touching `rect`: a vertex inside it, an edge crossing it, or (polygons) containing it.
std::vector<int> featuresIn(const VectorLayer &layer, const QRectF &rect);

} // namespace refuge::desktop
