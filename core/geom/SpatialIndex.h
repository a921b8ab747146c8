#pragma once
// SpatialIndex: a packed, static Hilbert R-tree over item bounding boxes (flatbush
// style), built once in O(n log n) and read-only afterwards. Queries are const and
// safe from any number of threads.
#include <QPointF>
#include <QRectF>
#include <cstdint>
#include <functional>
#include <vector>

namespace refuge {

class SpatialIndex {
public:
    SpatialIndex() = default;
    // boxes[i] is item i's bounding box; items whose box has a non-finite
    // coordinate (use SpatialIndex::noBox()) are left out.
    explicit SpatialIndex(const std::vector<QRectF> &boxes, int nodeSize = 16);

    static QRectF noBox();

    std::size_t size() const { return m_numItems; }
    QRectF extent() const;

    // Items whose box intersects `box` (inclusive edges).
    std::vector<std::uint32_t> query(const QRectF &box) const;
    // Calls visit(item) for each hit; stop early by returning false.
    void visit(const QRectF &box, const std::function<bool(std::uint32_t)> &visit) const;

    // Up to `k` items nearest to p by box distance, closest first, within maxDistance.
    // If `exact` is given it refines the distance to an item (e.g. to its real geometry).
    std::vector<std::uint32_t> nearest(QPointF p, std::size_t k, double maxDistance,
                                       const std::function<double(std::uint32_t)> &exact = {}) const;

private:
    struct Box {
        double x0, y0, x1, y1;
    };
    std::size_t m_numItems = 0;
    int m_nodeSize = 16;
    std::vector<Box> m_boxes;            // leaves first, then each upper level
    std::vector<std::uint32_t> m_indices; // item id for leaves, child offset for nodes
    std::vector<std::size_t> m_levelBounds;
};

} // namespace refuge
