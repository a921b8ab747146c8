#pragma once
// Snapper: puts points on the road graph — at the nearest point of the nearest link
// (not just the nearest node), within a maximum distance; ties go to the lower link.
// Holds a uniform grid over the links of one RoadGraph (about one link per cell; the
// few links spanning many cells sit in a small R-tree instead) and searches it in
// rings around the point until no unseen link can be nearer. Build once, then snap
// from any number of threads (const).
#include "network/RoadGraph.h"
#include "geom/SpatialIndex.h"

#include <QVariant>
#include <vector>

namespace refuge {

class Feedback;
class VectorLayer;

// Where a point meets the network. link < 0: not snapped (too far or no network).
struct SnappedPoint {
    int link = -1;
    double offsetMeters = 0;   // along the link from its from-node
    QPointF input;             // the point as given (graph CRS)
    QPointF position;          // the nearest point on the link
    double distanceMeters = 0; // input → position: the snap leg
    bool isSnapped() const { return link >= 0; }
};

// A layer of points snapped at once. Every input row is in `points` (same order);
// rows that did not snap are also listed in `unsnapped`, never dropped.
struct SnappedLayer {
    std::vector<SnappedPoint> points;
    std::vector<int> unsnapped;      // row indices
    int snappedCount() const { return int(points.size() - unsnapped.size()); }
};

class Snapper {
public:
    explicit Snapper(RoadGraph graph);

    const RoadGraph &graph() const { return m_graph; }
    SnappedPoint snap(QPointF p, double maxMeters) const;
    // snap() for points[0..count) into out[0..count), in order: each result bounds the
    // next search, so runs of nearby points (file order, a chunk of a layer) go faster.
    void snapRange(const QPointF *points, std::size_t count, double maxMeters, SnappedPoint *out) const;
    SnappedLayer snapAll(const std::vector<QPointF> &points, double maxMeters, Feedback *feedback = nullptr) const;
    // The same results as Snapper(graph).snapAll(points, ...), without building the
    // link grid when there are few points for the network (e.g. 100 facilities on
    // 170k links): one pass over the links against a grid of the points instead.
    // linkRanges: the links are scanned in that many ranges on the thread pool (0: one
    // range below 200k links, else one per core up to 4).
    static SnappedLayer snapPoints(const RoadGraph &graph, const std::vector<QPointF> &points, double maxMeters,
                                   Feedback *feedback = nullptr, int linkRanges = 0);
    // Points of a layer in the graph's CRS (reprojected when needed): the point itself,
    // a point on the surface of polygons, the middle vertex of lines. Empty/null
    // geometries give NaN (and so stay unsnapped).
    static std::vector<QPointF> representativePoints(const VectorLayer &layer, const Crs &target);

private:
    SnappedPoint snapNear(QPointF p, double maxMeters, int hintLink) const;
    // The nearest link within sqrt(max2) (CRS units), or -1; its squared distance.
    std::int64_t nearestLink(QPointF p, double max2, int hintLink, double &bestD2) const;

    RoadGraph m_graph;
    double m_x0 = 0, m_y0 = 0, m_cell = 1; // grid origin and cell size (CRS units)
    int m_nx = 0, m_ny = 0;
    std::vector<std::uint32_t> m_cellFirst; // m_nx * m_ny + 1 offsets into m_cellLinks
    std::vector<std::uint32_t> m_cellLinks; // links whose box overlaps the cell
    std::vector<std::uint32_t> m_bigLinkIds; // links spanning many cells, ascending
    SpatialIndex m_bigLinks;                 // over their boxes (items index m_bigLinkIds)
};

} // namespace refuge
