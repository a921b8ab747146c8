#include "geom/SpatialIndex.h"
#include "geom/Hilbert.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

namespace refuge {

namespace {

double boxDistance2(double x, double y, double x0, double y0, double x1, double y1)
{
    const double dx = x < x0 ? x0 - x : (x > x1 ? x - x1 : 0.0);
    const double dy = y < y0 ? y0 - y : (y > y1 ? y - y1 : 0.0);
    return dx * dx + dy * dy;
}

} // namespace

QRectF SpatialIndex::noBox()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return QRectF(nan, nan, nan, nan);
}

SpatialIndex::SpatialIndex(const std::vector<QRectF> &boxes, int nodeSize)
    : m_nodeSize(std::clamp(nodeSize, 2, 65535))
{
    std::vector<Box> leaves;
    std::vector<std::uint32_t> ids;
    leaves.reserve(boxes.size());
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const QRectF &r = boxes[i];
        if (!std::isfinite(r.left()) || !std::isfinite(r.top()) || !std::isfinite(r.right()) || !std::isfinite(r.bottom()))
            continue;
        const QRectF n = r.normalized();
        leaves.push_back({n.left(), n.top(), n.right(), n.bottom()});
        ids.push_back(std::uint32_t(i));
    }
    m_numItems = leaves.size();
    if (m_numItems == 0)
        return;

    Box ext{leaves[0].x0, leaves[0].y0, leaves[0].x1, leaves[0].y1};
    for (const Box &b : leaves) {
        ext.x0 = std::min(ext.x0, b.x0); ext.y0 = std::min(ext.y0, b.y0);
        ext.x1 = std::max(ext.x1, b.x1); ext.y1 = std::max(ext.y1, b.y1);
    }
    // Leaves in the Hilbert order of their centres in the extent (ties in input order).
    const std::vector<std::uint32_t> order = hilbertOrder(
        m_numItems, [&](std::size_t i) { return QPointF((leaves[i].x0 + leaves[i].x1) / 2, (leaves[i].y0 + leaves[i].y1) / 2); },
        ext.x0, ext.y0, ext.x1, ext.y1);

    m_boxes.reserve(m_numItems + m_numItems / std::size_t(m_nodeSize - 1) + 2);
    m_indices.reserve(m_boxes.capacity());
    for (const std::uint32_t o : order) {
        m_boxes.push_back(leaves[o]);
        m_indices.push_back(ids[o]);
    }
    m_levelBounds.push_back(m_boxes.size());
    std::size_t levelStart = 0;
    while (m_boxes.size() - levelStart > 1 || m_levelBounds.size() == 1) {
        const std::size_t levelEnd = m_boxes.size();
        for (std::size_t i = levelStart; i < levelEnd; i += std::size_t(m_nodeSize)) {
            Box b = m_boxes[i];
            const std::size_t end = std::min(levelEnd, i + std::size_t(m_nodeSize));
            for (std::size_t j = i + 1; j < end; ++j) {
                b.x0 = std::min(b.x0, m_boxes[j].x0); b.y0 = std::min(b.y0, m_boxes[j].y0);
                b.x1 = std::max(b.x1, m_boxes[j].x1); b.y1 = std::max(b.y1, m_boxes[j].y1);
            }
            m_boxes.push_back(b);
            m_indices.push_back(std::uint32_t(i));
        }
        levelStart = levelEnd;
        m_levelBounds.push_back(m_boxes.size());
        if (m_boxes.size() - levelStart <= 1)
            break;
    }
}

QRectF SpatialIndex::extent() const
{
    if (m_boxes.empty())
        return {};
    const Box &b = m_boxes.back();
    return QRectF(QPointF(b.x0, b.y0), QPointF(b.x1, b.y1));
}

void SpatialIndex::visit(const QRectF &box, const std::function<bool(std::uint32_t)> &fn) const
{
    if (m_boxes.empty())
        return;
    const QRectF q = box.normalized();
    const double qx0 = q.left(), qy0 = q.top(), qx1 = q.right(), qy1 = q.bottom();
    std::vector<std::pair<std::size_t, std::size_t>> stack; // (node index, level)
    stack.emplace_back(m_boxes.size() - 1, m_levelBounds.size() - 1);
    while (!stack.empty()) {
        auto [node, level] = stack.back();
        stack.pop_back();
        const Box &b = m_boxes[node];
        if (b.x1 < qx0 || b.y1 < qy0 || b.x0 > qx1 || b.y0 > qy1)
            continue;
        if (level == 0) {
            if (!fn(m_indices[node]))
                return;
            continue;
        }
        const std::size_t first = m_indices[node];
        const std::size_t end = std::min(first + std::size_t(m_nodeSize), m_levelBounds[level - 1]);
        for (std::size_t c = first; c < end; ++c)
            stack.emplace_back(c, level - 1);
    }
}

std::vector<std::uint32_t> SpatialIndex::query(const QRectF &box) const
{
    std::vector<std::uint32_t> out;
    visit(box, [&](std::uint32_t id) {
        out.push_back(id);
        return true;
    });
    return out;
}

std::vector<std::uint32_t> SpatialIndex::nearest(QPointF p, std::size_t k, double maxDistance,
                                                 const std::function<double(std::uint32_t)> &exact) const
{
    std::vector<std::uint32_t> out;
    if (m_boxes.empty() || k == 0)
        return out;
    struct Entry {
        double d2;
        std::size_t node;
        std::size_t level; // SIZE_MAX marks an exact item distance
        bool operator>(const Entry &o) const { return d2 > o.d2; }
    };
    constexpr std::size_t kItem = std::size_t(-1);
    const double max2 = maxDistance * maxDistance;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    queue.push({0.0, m_boxes.size() - 1, m_levelBounds.size() - 1});
    while (!queue.empty()) {
        Entry e = queue.top();
        queue.pop();
        if (e.d2 > max2)
            break;
        if (e.level == kItem) {
            out.push_back(std::uint32_t(e.node));
            if (out.size() >= k)
                break;
            continue;
        }
        if (e.level == 0) {
            const std::uint32_t id = m_indices[e.node];
            if (exact) {
                const double d = exact(id);
                queue.push({d * d, id, kItem});
            } else {
                queue.push({e.d2, id, kItem});
            }
            continue;
        }
        const std::size_t first = m_indices[e.node];
        const std::size_t end = std::min(first + std::size_t(m_nodeSize), m_levelBounds[e.level - 1]);
        for (std::size_t c = first; c < end; ++c) {
            const Box &b = m_boxes[c];
            queue.push({boxDistance2(p.x(), p.y(), b.x0, b.y0, b.x1, b.y1), c, e.level - 1});
        }
    }
    return out;
}

} // namespace refuge
