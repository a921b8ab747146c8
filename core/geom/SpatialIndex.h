#pragma once
// SpatialIndex: a packed, static Hilbert R-tree over item bounding boxes (flatbush
// style), built once in O(n log n) and read-only afterwards. Queries are const and
// safe from any number of threads.
#include <QPointF>
#include <QRectF>
#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
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

    // The one item nearest to p by an exact squared distance exact2(item) that is never
    // below the squared box distance (e.g. to the item's real geometry), with
    // exact2 ≤ maxDistance2 (squared, so callers can pass a distance they computed
    // squared without rounding); ties go to the lower item id. Returns the item, or -1 (bestD2 = +inf).
    // Branch and bound, nearest children first, no allocation for ordinary trees:
    // for many queries (snapping) where nearest() with a callback is too slow. A hint
    // (an indexed item likely near p, e.g. the previous query's answer) bounds the
    // search from the start; it changes only the speed, never the result.
    template <class Exact>
    std::int64_t nearestItem(QPointF p, double maxDistance2, Exact &&exact2, double &bestD2, std::int64_t hint = -1) const;

private:
    struct Box {
        double x0, y0, x1, y1;
    };
    std::size_t m_numItems = 0;
    int m_nodeSize = 16;
    std::vector<Box> m_boxes;            // leaves first, then each upper level
    std::vector<std::uint32_t> m_indices; // item id for leaves, child offset for nodes
    std::vector<std::size_t> m_levelBounds;

    // Branch-free (max instead of comparisons): the same values, without mispredictions.
    static double boxDist2(double x, double y, const Box &b)
    {
        const double dx = std::max(0.0, std::max(b.x0 - x, x - b.x1));
        const double dy = std::max(0.0, std::max(b.y0 - y, y - b.y1));
        return dx * dx + dy * dy;
    }
};

template <class Exact>
std::int64_t SpatialIndex::nearestItem(QPointF p, double maxDistance2, Exact &&exact2, double &bestD2, std::int64_t hint) const
{
    bestD2 = std::numeric_limits<double>::infinity();
    std::int64_t best = -1;
    if (m_boxes.empty() || !(maxDistance2 >= 0))
        return best;
    const double x = p.x(), y = p.y();
    double bound = maxDistance2; // prune boxes farther than this
    if (hint >= 0) {
        const double d2 = exact2(std::uint32_t(hint));
        if (d2 <= bound) {
            best = hint;
            bestD2 = d2;
            bound = d2;
        }
    }
    struct Entry {
        double d2;
        std::uint32_t node;
        std::uint32_t level;
    };
    // Depth-first; each expanded node pushes at most nodeSize children.
    const std::size_t capacity = m_levelBounds.size() * std::size_t(m_nodeSize) + 1;
    Entry local[512];
    std::vector<Entry> heap;
    Entry *stack = local;
    if (capacity > std::size(local)) {
        heap.resize(capacity);
        stack = heap.data();
    }
    std::size_t top = 0;
    const Box &root = m_boxes.back();
    const double rd = boxDist2(x, y, root);
    if (rd > bound)
        return best;
    stack[top++] = {rd, std::uint32_t(m_boxes.size() - 1), std::uint32_t(m_levelBounds.size() - 1)};
    while (top > 0) {
        const Entry e = stack[--top];
        if (e.d2 > bound)
            continue;
        const std::size_t first = m_indices[e.node];
        if (e.level == 1) {
            // Children are items: refine each with the exact distance.
            const std::size_t end = std::min(first + std::size_t(m_nodeSize), m_levelBounds[0]);
            for (std::size_t c = first; c < end; ++c) {
                if (boxDist2(x, y, m_boxes[c]) > bound)
                    continue;
                const std::uint32_t id = m_indices[c];
                const double d2 = exact2(id);
                if (d2 < bestD2 || (d2 == bestD2 && std::int64_t(id) < best)) {
                    if (d2 > maxDistance2)
                        continue;
                    bestD2 = d2;
                    best = id;
                    bound = d2;
                }
            }
            continue;
        }
        // Push the children farthest first so the nearest is expanded next.
        const std::size_t end = std::min(first + std::size_t(m_nodeSize), m_levelBounds[e.level - 1]);
        const std::size_t base = top;
        for (std::size_t c = first; c < end; ++c) {
            const double d2 = boxDist2(x, y, m_boxes[c]);
            if (d2 > bound)
                continue;
            // insertion: keep stack[base, top) sorted by decreasing distance
            std::size_t i = top++;
            while (i > base && stack[i - 1].d2 < d2) {
                stack[i] = stack[i - 1];
                --i;
            }
            stack[i] = {d2, std::uint32_t(c), e.level - 1};
        }
    }
    return best;
}

} // namespace refuge
