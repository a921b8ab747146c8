#include "network/Snapper.h"
#include "crs/CoordinateTransform.h"
#include "model/VectorLayer.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QThread>
#include <QtConcurrent>
#include <algorithm>
#include <numeric>
#include <cmath>
#include <limits>

namespace refuge {

namespace {

struct Projection {
    double distance2 = std::numeric_limits<double>::infinity();
    double along = 0; // metres from the link start (in CRS units)
    QPointF point;
};

// Closest point to q on segment a-b: its parameter t in [0, 1] and squared distance.
// The one formula for candidates and the chosen link, so their distances compare equal.
inline double segmentDistance2(QPointF a, QPointF b, QPointF q, double &t)
{
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double len2 = dx * dx + dy * dy;
    t = len2 > 0 ? ((q.x() - a.x()) * dx + (q.y() - a.y()) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const double cx = a.x() + t * dx, cy = a.y() + t * dy;
    return (cx - q.x()) * (cx - q.x()) + (cy - q.y()) * (cy - q.y());
}

// Squared distance from q to the polyline p[0..n) (+inf below two points).
double polylineDistance2(const QPointF *p, int n, QPointF q)
{
    double best = std::numeric_limits<double>::infinity();
    double t = 0;
    for (int i = 1; i < n; ++i)
        best = std::min(best, segmentDistance2(p[i - 1], p[i], q, t));
    return best;
}

Projection project(const QPointF *p, int n, QPointF q)
{
    Projection best;
    double s = 0;
    for (int i = 1; i < n; ++i) {
        double t = 0;
        const double d2 = segmentDistance2(p[i - 1], p[i], q, t);
        const double dx = p[i].x() - p[i - 1].x(), dy = p[i].y() - p[i - 1].y();
        const double len = std::sqrt(dx * dx + dy * dy);
        if (d2 < best.distance2) {
            best.distance2 = d2;
            best.along = s + t * len;
            best.point = QPointF(p[i - 1].x() + t * dx, p[i - 1].y() + t * dy);
        }
        s += len;
    }
    return best;
}

double unitMetres(const RoadGraph &g)
{
    return g.crs().isValid() && g.crs().metresPerUnit() > 0 ? g.crs().metresPerUnit() : 1.0;
}

// The snap of p onto link l (l < 0, or farther than maxMeters: not snapped).
SnappedPoint snapTo(const RoadGraph &graph, QPointF p, int l, double maxMeters)
{
    SnappedPoint out;
    out.input = p;
    if (l < 0)
        return out;
    const double unit = unitMetres(graph);
    const Projection pr = project(graph.linkPoints(l), graph.linkPointCount(l), p);
    if (std::sqrt(pr.distance2) * unit > maxMeters)
        return out;
    out.link = l;
    out.position = pr.point;
    out.distanceMeters = std::sqrt(pr.distance2) * unit;
    // Offsets are in the link's metres (its stored length may round the polyline's).
    double total = 0;
    const QPointF *lp = graph.linkPoints(l);
    for (int i = 1; i < graph.linkPointCount(l); ++i)
        total += std::hypot(lp[i].x() - lp[i - 1].x(), lp[i].y() - lp[i - 1].y());
    out.offsetMeters = total > 0 ? std::clamp(pr.along / total, 0.0, 1.0) * graph.linkMeters(l) : 0.0;
    return out;
}

SnappedLayer unsnappedListed(std::vector<SnappedPoint> points)
{
    SnappedLayer out;
    out.points = std::move(points);
    for (std::size_t i = 0; i < out.points.size(); ++i)
        if (!out.points[i].isSnapped())
            out.unsnapped.push_back(int(i));
    return out;
}

} // namespace

Snapper::Snapper(RoadGraph graph) : m_graph(std::move(graph))
{
    const int n = m_graph.linkCount();
    if (n == 0)
        return;
    std::vector<QRectF> boxes(static_cast<std::size_t>(n));
    // Links with a non-finite coordinate are left out (they never snap).
    std::vector<char> skip(static_cast<std::size_t>(n), 0);
    double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
    for (int l = 0; l < n; ++l) {
        const QRectF b = m_graph.linkBounds(l);
        boxes[std::size_t(l)] = b;
        if (!std::isfinite(b.left()) || !std::isfinite(b.top()) || !std::isfinite(b.right()) || !std::isfinite(b.bottom())) {
            skip[std::size_t(l)] = 1;
            continue;
        }
        x0 = std::min(x0, b.left());
        y0 = std::min(y0, b.top());
        x1 = std::max(x1, b.right());
        y1 = std::max(y1, b.bottom());
    }
    if (!(x0 <= x1 && y0 <= y1))
        return;
    // About one link per cell, at most kMaxCells cells a side.
    constexpr int kMaxCells = 2048;
    const double w = x1 - x0, h = y1 - y0;
    double cell = std::sqrt(w * h / double(n));
    cell = std::max(cell, std::max(w, h) / kMaxCells);
    if (!(cell > 0))
        cell = 1;
    m_x0 = x0;
    m_y0 = y0;
    m_cell = cell;
    m_nx = std::min(kMaxCells + 1, int(w / cell) + 1);
    m_ny = std::min(kMaxCells + 1, int(h / cell) + 1);
    auto cellX = [&](double x) { return std::clamp(int(std::floor((x - m_x0) / m_cell)), 0, m_nx - 1); };
    auto cellY = [&](double y) { return std::clamp(int(std::floor((y - m_y0) / m_cell)), 0, m_ny - 1); };
    constexpr int kMaxLinkCells = 16; // more: the link goes to the R-tree
    std::vector<QRectF> bigBoxes;
    m_cellFirst.assign(std::size_t(m_nx) * std::size_t(m_ny) + 1, 0);
    for (int l = 0; l < n; ++l) {
        if (skip[std::size_t(l)])
            continue;
        const QRectF &b = boxes[std::size_t(l)];
        const int i0 = cellX(b.left()), i1 = cellX(b.right()), j0 = cellY(b.top()), j1 = cellY(b.bottom());
        if ((i1 - i0 + 1) * (j1 - j0 + 1) > kMaxLinkCells) {
            skip[std::size_t(l)] = 1; // in the R-tree, not the grid
            m_bigLinkIds.push_back(std::uint32_t(l));
            bigBoxes.push_back(b);
            continue;
        }
        for (int j = j0; j <= j1; ++j)
            for (int i = i0; i <= i1; ++i)
                ++m_cellFirst[std::size_t(j) * std::size_t(m_nx) + std::size_t(i) + 1];
    }
    for (std::size_t c = 1; c < m_cellFirst.size(); ++c)
        m_cellFirst[c] += m_cellFirst[c - 1];
    m_cellLinks.resize(m_cellFirst.back());
    std::vector<std::uint32_t> fill(m_cellFirst.begin(), m_cellFirst.end() - 1);
    for (int l = 0; l < n; ++l) {
        if (skip[std::size_t(l)])
            continue;
        const QRectF &b = boxes[std::size_t(l)];
        const int i0 = cellX(b.left()), i1 = cellX(b.right()), j0 = cellY(b.top()), j1 = cellY(b.bottom());
        for (int j = j0; j <= j1; ++j)
            for (int i = i0; i <= i1; ++i)
                m_cellLinks[fill[std::size_t(j) * std::size_t(m_nx) + std::size_t(i)]++] = std::uint32_t(l);
    }
    m_bigLinks = SpatialIndex(bigBoxes);
}

std::int64_t Snapper::nearestLink(QPointF p, double max2, int hintLink, double &bestD2) const
{
    const RoadGraph::Data &d = m_graph.data();
    auto distance2 = [&](std::uint32_t l) {
        const std::uint32_t first = d.linkFirstPoint[l];
        return polylineDistance2(d.points.data() + first, int(d.linkFirstPoint[l + 1] - first), p);
    };
    std::int64_t best = -1;
    bestD2 = std::numeric_limits<double>::infinity();
    auto consider = [&](std::uint32_t l) {
        const double d2 = distance2(l);
        if (d2 <= max2 && (d2 < bestD2 || (d2 == bestD2 && std::int64_t(l) < best))) {
            bestD2 = d2;
            best = l;
        }
    };
    if (hintLink >= 0)
        consider(std::uint32_t(hintLink));
    if (m_nx > 0) {
        auto scan = [&](int i, int j) {
            const std::size_t c = std::size_t(j) * std::size_t(m_nx) + std::size_t(i);
            for (std::uint32_t k = m_cellFirst[c]; k < m_cellFirst[c + 1]; ++k)
                consider(m_cellLinks[k]);
        };
        const int ci = int(std::clamp(std::floor((p.x() - m_x0) / m_cell), 0.0, double(m_nx - 1)));
        const int cj = int(std::clamp(std::floor((p.y() - m_y0) / m_cell), 0.0, double(m_ny - 1)));
        for (int k = 0;; ++k) {
            // Ring k: the border of cells [ci - k, ci + k] × [cj - k, cj + k].
            const int i0 = ci - k, i1 = ci + k, j0 = cj - k, j1 = cj + k;
            const int a = std::max(i0, 0), b = std::min(i1, m_nx - 1);
            if (j0 >= 0)
                for (int i = a; i <= b; ++i)
                    scan(i, j0);
            if (j1 < m_ny && k > 0)
                for (int i = a; i <= b; ++i)
                    scan(i, j1);
            for (int j = std::max(j0 + 1, 0); j <= std::min(j1 - 1, m_ny - 1); ++j) {
                if (i0 >= 0)
                    scan(i0, j);
                if (i1 < m_nx && k > 0)
                    scan(i1, j);
            }
            // Links not seen yet lie wholly beyond the scanned block's inner sides.
            double margin = std::numeric_limits<double>::infinity();
            if (i0 > 0)
                margin = std::min(margin, p.x() - (m_x0 + i0 * m_cell));
            if (i1 < m_nx - 1)
                margin = std::min(margin, m_x0 + (i1 + 1) * m_cell - p.x());
            if (j0 > 0)
                margin = std::min(margin, p.y() - (m_y0 + j0 * m_cell));
            if (j1 < m_ny - 1)
                margin = std::min(margin, m_y0 + (j1 + 1) * m_cell - p.y());
            if (std::isinf(margin))
                break; // the whole grid is scanned
            margin -= 1e-6 * m_cell; // cell numbers were rounded from coordinates
            if (margin > 0 && margin * margin > std::min(max2, bestD2))
                break;
        }
    }
    if (m_bigLinks.size() > 0) {
        double d2 = 0;
        const std::int64_t i = m_bigLinks.nearestItem(p, std::min(max2, bestD2), [&](std::uint32_t item) {
            return distance2(m_bigLinkIds[item]);
        }, d2);
        if (i >= 0) {
            const std::uint32_t l = m_bigLinkIds[std::size_t(i)];
            if (d2 < bestD2 || (d2 == bestD2 && std::int64_t(l) < best)) {
                bestD2 = d2;
                best = l;
            }
        }
    }
    return best;
}

SnappedPoint Snapper::snap(QPointF p, double maxMeters) const { return snapNear(p, maxMeters, -1); }

void Snapper::snapRange(const QPointF *points, std::size_t count, double maxMeters, SnappedPoint *out) const
{
    int hint = -1;
    for (std::size_t i = 0; i < count; ++i) {
        out[i] = snapNear(points[i], maxMeters, hint);
        if (out[i].isSnapped())
            hint = out[i].link;
    }
}

SnappedPoint Snapper::snapNear(QPointF p, double maxMeters, int hintLink) const
{
    if (!std::isfinite(p.x()) || !std::isfinite(p.y()) || m_graph.isEmpty())
        return snapTo(m_graph, p, -1, maxMeters);
    const double maxUnits = maxMeters / unitMetres(m_graph);
    double d2 = 0;
    const std::int64_t hit = maxUnits >= 0 ? nearestLink(p, maxUnits * maxUnits, hintLink, d2) : -1;
    return snapTo(m_graph, p, int(hit), maxMeters);
}

SnappedLayer Snapper::snapAll(const std::vector<QPointF> &points, double maxMeters, Feedback *feedback) const
{
    std::vector<SnappedPoint> out(points.size());
    constexpr std::size_t chunk = 1024;
    for (std::size_t i = 0; i < points.size(); i += chunk) {
        if (feedback) {
            feedback->throwIfCanceled();
            feedback->setProgress(100.0 * double(i) / double(points.size()));
        }
        snapRange(points.data() + i, std::min(chunk, points.size() - i), maxMeters, out.data() + i);
    }
    return unsnappedListed(std::move(out));
}

SnappedLayer Snapper::snapPoints(const RoadGraph &graph, const std::vector<QPointF> &points, double maxMeters, Feedback *feedback,
                                 int linkRanges)
{
    const int links = graph.linkCount();
    const double maxUnits = maxMeters / unitMetres(graph);
    // A grid of the points, cells at least the snap distance wide (≤ 256 a side).
    double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
    std::size_t finite = 0;
    for (const QPointF &p : points)
        if (std::isfinite(p.x()) && std::isfinite(p.y())) {
            x0 = std::min(x0, p.x());
            y0 = std::min(y0, p.y());
            x1 = std::max(x1, p.x());
            y1 = std::max(y1, p.y());
            ++finite;
        }
    constexpr int kSide = 256;
    const double cell = std::max({maxUnits, (x1 - x0) / kSide, (y1 - y0) / kSide, 1e-9});
    // Few points, each near few links: the scan wins; otherwise index the links.
    const double reachShare = finite ? double(finite) * 4 * maxUnits * maxUnits
                                           / std::max((x1 - x0 + 2 * maxUnits) * (y1 - y0 + 2 * maxUnits), 1e-300)
                                     : 0;
    if (links == 0 || finite == 0 || !(maxUnits >= 0) || !std::isfinite(maxUnits) || finite * 16 > std::size_t(links) || reachShare > 4)
        return Snapper(graph).snapAll(points, maxMeters, feedback);

    const int nx = std::min(kSide, int((x1 - x0) / cell) + 1), ny = std::min(kSide, int((y1 - y0) / cell) + 1);
    // Clamped as doubles: a far coordinate must not overflow the int.
    auto cellX = [&](double x) { return int(std::clamp(std::floor((x - x0) / cell), 0.0, double(nx - 1))); };
    auto cellY = [&](double y) { return int(std::clamp(std::floor((y - y0) / cell), 0.0, double(ny - 1))); };
    std::vector<std::uint32_t> first(std::size_t(nx) * std::size_t(ny) + 1, 0), members(finite);
    std::vector<std::size_t> cellOf(points.size(), 0);
    for (std::size_t i = 0; i < points.size(); ++i)
        if (std::isfinite(points[i].x()) && std::isfinite(points[i].y())) {
            cellOf[i] = std::size_t(cellY(points[i].y())) * std::size_t(nx) + std::size_t(cellX(points[i].x()));
            ++first[cellOf[i] + 1];
        }
    for (std::size_t c = 1; c < first.size(); ++c)
        first[c] += first[c - 1];
    std::vector<std::uint32_t> fill(first.begin(), first.end() - 1);
    for (std::size_t i = 0; i < points.size(); ++i)
        if (std::isfinite(points[i].x()) && std::isfinite(points[i].y()))
            members[fill[cellOf[i]]++] = std::uint32_t(i);

    // Links in ascending order, a point keeps only a strictly nearer link: ties go to
    // the lower link, with the same distance formula as nearestLink().
    const double max2 = maxUnits * maxUnits;
    const RoadGraph::Data &d = graph.data();
    struct Best {
        std::vector<double> d2;
        std::vector<int> link;
    };
    // Links [l0, l1) in ascending order; a point keeps only a strictly nearer link.
    auto scan = [&](int l0, int l1, Best &best) {
        best.d2.assign(points.size(), std::numeric_limits<double>::infinity());
        best.link.assign(points.size(), -1);
        for (int l = l0; l < l1; ++l) {
            if ((l & 0xffff) == 0 && feedback && feedback->isCanceled())
                return;
            const QPointF *lp = d.points.data() + d.linkFirstPoint[std::size_t(l)];
            const int n = int(d.linkFirstPoint[std::size_t(l) + 1] - d.linkFirstPoint[std::size_t(l)]);
            if (n < 2)
                continue;
            const QRectF box = graph.linkBounds(l);
            const double bx0 = box.left(), bx1 = box.right(), by0 = box.top(), by1 = box.bottom();
            if (!(bx0 - maxUnits <= x1 && bx1 + maxUnits >= x0 && by0 - maxUnits <= y1 && by1 + maxUnits >= y0))
                continue; // also skips links with a non-finite coordinate
            const int i0 = cellX(bx0 - maxUnits), i1 = cellX(bx1 + maxUnits), j0 = cellY(by0 - maxUnits), j1 = cellY(by1 + maxUnits);
            for (int j = j0; j <= j1; ++j)
                for (int i = i0; i <= i1; ++i) {
                    const std::size_t c = std::size_t(j) * std::size_t(nx) + std::size_t(i);
                    for (std::uint32_t k = first[c]; k < first[c + 1]; ++k) {
                        const std::uint32_t pi = members[k];
                        const QPointF q = points[pi];
                        if (q.x() < bx0 - maxUnits || q.x() > bx1 + maxUnits || q.y() < by0 - maxUnits || q.y() > by1 + maxUnits)
                            continue;
                        const double dd = polylineDistance2(lp, n, q);
                        if (dd <= max2 && dd < best.d2[pi]) {
                            best.d2[pi] = dd;
                            best.link[pi] = l;
                        }
                    }
                }
        }
    };
    // Large networks: link ranges on the available threads, merged in range order so
    // that ties still go to the lower link.
    const int parts = std::max(1, linkRanges > 0 ? linkRanges : links >= 200000 ? std::clamp(QThread::idealThreadCount(), 1, 4) : 1);
    std::vector<Best> found(static_cast<std::size_t>(parts));
    std::vector<int> index(static_cast<std::size_t>(parts));
    std::iota(index.begin(), index.end(), 0);
    QtConcurrent::blockingMap(index, [&](int part) {
        scan(int(std::int64_t(links) * part / parts), int(std::int64_t(links) * (part + 1) / parts), found[std::size_t(part)]);
    });
    if (feedback)
        feedback->throwIfCanceled();
    std::vector<int> bestLink = std::move(found[0].link);
    std::vector<double> bestD2 = std::move(found[0].d2);
    for (std::size_t part = 1; part < found.size(); ++part)
        for (std::size_t i = 0; i < points.size(); ++i)
            if (found[part].d2[i] < bestD2[i]) {
                bestD2[i] = found[part].d2[i];
                bestLink[i] = found[part].link[i];
            }
    std::vector<SnappedPoint> out(points.size());
    for (std::size_t i = 0; i < points.size(); ++i)
        out[i] = snapTo(graph, points[i], bestLink[i], maxMeters);
    if (feedback)
        feedback->setProgress(100);
    return unsnappedListed(std::move(out));
}

std::vector<QPointF> Snapper::representativePoints(const VectorLayer &layer, const Crs &target)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<QPointF> out(std::size_t(layer.featureCount()), QPointF(nan, nan));
    std::unique_ptr<CoordinateTransform> ct;
    if (target.isValid() && layer.crs().isValid() && !(layer.crs() == target))
        ct = std::make_unique<CoordinateTransform>(layer.crs(), target);
    GEOSContextHandle_t ctx = geosContext();
    for (int i = 0; i < layer.featureCount(); ++i) {
        const Geometry &g = layer.geometry(i);
        if (g.isEmpty() || !g.allFinite())
            continue;
        QPointF p;
        switch (dimension(g.type())) {
        case 0: p = g.points().front(); break;
        case 1: p = g.ringPoints(0)[g.ringSize(0) / 2]; break;
        default: {
            GeosGeom gg = g.toGeos();
            GeosGeom s = checkedGeos(GEOSPointOnSurface_r(ctx, gg.get()), "PointOnSurface");
            double x = 0, y = 0;
            GEOSGeomGetX_r(ctx, s.get(), &x);
            GEOSGeomGetY_r(ctx, s.get(), &y);
            p = QPointF(x, y);
        }
        }
        try {
            out[std::size_t(i)] = ct ? ct->transform(p) : p;
        } catch (const CrsError &) {
            // stays NaN: reported as unsnapped
        }
    }
    return out;
}

} // namespace refuge
