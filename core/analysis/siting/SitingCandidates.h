#pragma once
// SitingCandidates: where new facilities could go — the rows of a point layer, or the
// centres of a grid of N-metre cells over an area — and the filters planners ask for:
// inside a polygon, not in a hazard zone, near the road network. Every candidate left
// out is counted and named by id (never silently dropped). Candidates are a
// FacilityTable (ids, names, capacities) so the outputs read like the other analyses'.
// Plain functions; any thread (GEOS on the caller's context).
#include "analysis/FacilityTable.h"
#include "geom/Geometry.h"

#include <QRectF>
#include <vector>

namespace refuge {

namespace SitingCandidates {

// Centres of the cells of `cellMeters` (aligned to multiples of it) over `extent`,
// only those inside `inside` when it is not empty; ids "cell-<column>-<row>". Throws
// InvalidInput when the grid would exceed `maxCells` or holds no cell.
FacilityTable grid(const QRectF &extent, double cellMeters, const Geometry &inside, const Crs &crs, int maxCells = 200000);

// Removes the candidates whose point lies inside `zone` (polygons) — or, with
// `outside`, those that do not; returns their ids.
QStringList removeInside(FacilityTable &candidates, const Geometry &zone, bool outside = false);

// Keeps the rows listed (in order) of every column.
void keepRows(FacilityTable &candidates, const std::vector<int> &rows);

// "12 candidates inside hazard zones left out: cell-3-4, cell-3-5, … (and 2 more)".
QString listMessage(int count, const QString &what, const QStringList &ids);

} // namespace SitingCandidates

} // namespace refuge
