#include "canvas/FeatureHitTest.h"

#include "model/VectorLayer.h"

#include <QLineF>
#include <algorithm>
#include <cmath>

namespace refuge::desktop {

namespace {

double segmentDistance(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    double t = len2 > 0 ? QPointF::dotProduct(p - a, ab) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

bool ringContains(const QPointF *pts, int n, QPointF p)
{
    bool inside = false;
    for (int i = 0, j = n - 1; i < n; j = i++) {
        if (((pts[i].y() > p.y()) != (pts[j].y() > p.y()))
            && (p.x() < (pts[j].x() - pts[i].x()) * (p.y() - pts[i].y()) / (pts[j].y() - pts[i].y()) + pts[i].x()))
            inside = !inside;
    }
    return inside;
}

// Distance from p to the geometry (0 inside a polygon).
double distanceTo(const Geometry &g, QPointF p)
{
    const int dim = dimension(g.type());
    double best = std::numeric_limits<double>::infinity();
    if (dim == 2) {
        for (int part = 0; part < g.partCount(); ++part) {
            bool inside = false;
            for (int ring = g.partFirstRing(part); ring < g.partEndRing(part); ++ring)
                if (ringContains(g.ringPoints(ring), g.ringSize(ring), p))
                    inside = !inside; // shell toggles in, a hole toggles out
            if (inside)
                return 0.0;
        }
    }
    for (int ring = 0; ring < g.ringCount(); ++ring) {
        const QPointF *pts = g.ringPoints(ring);
        const int n = g.ringSize(ring);
        if (dim == 0 || n == 1) {
            for (int i = 0; i < n; ++i)
                best = std::min(best, std::hypot(pts[i].x() - p.x(), pts[i].y() - p.y()));
            continue;
        }
        for (int i = 1; i < n; ++i)
            best = std::min(best, segmentDistance(p, pts[i - 1], pts[i]));
    }
    return best;
}

bool segmentCrossesRect(QPointF a, QPointF b, const QRectF &r)
{
    if (r.contains(a) || r.contains(b))
        return true;
    const QLineF s(a, b);
    const QLineF edges[] = {{r.topLeft(), r.topRight()}, {r.topRight(), r.bottomRight()},
                            {r.bottomRight(), r.bottomLeft()}, {r.bottomLeft(), r.topLeft()}};
    for (const QLineF &e : edges)
        if (s.intersects(e, nullptr) == QLineF::BoundedIntersection)
            return true;
    return false;
}

} // namespace

std::vector<int> featuresAt(const VectorLayer &layer, QPointF p, double tolerance)
{
    const QRectF box(p.x() - tolerance, p.y() - tolerance, 2 * tolerance, 2 * tolerance);
    std::vector<std::pair<double, int>> hits;
    layer.index().visit(box, [&](std::uint32_t i) {
        const double d = distanceTo(layer.geometry(int(i)), p);
        if (d <= tolerance)
            hits.emplace_back(d, int(i));
        return true;
    });
    std::sort(hits.begin(), hits.end());
    std::vector<int> out;
    for (const auto &h : hits)
        out.push_back(h.second);
    return out;
}

std::vector<int> featuresIn(const VectorLayer &layer, const QRectF &rect)
{
    std::vector<int> out;
    layer.index().visit(rect, [&](std::uint32_t i) {
        const Geometry &g = layer.geometry(int(i));
        bool hit = g.bounds().intersected(rect) == g.bounds() && !g.bounds().isNull(); // fully inside
        const int dim = dimension(g.type());
        for (int ring = 0; !hit && ring < g.ringCount(); ++ring) {
            const QPointF *pts = g.ringPoints(ring);
            const int n = g.ringSize(ring);
            for (int k = 0; !hit && k < n; ++k)
                hit = dim == 0 || n == 1 ? rect.contains(pts[k]) : (k > 0 && segmentCrossesRect(pts[k - 1], pts[k], rect));
        }
        if (!hit && dim == 2)
            hit = distanceTo(g, rect.center()) == 0.0;
        if (hit)
            out.push_back(int(i));
        return true;
    });
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace refuge::desktop
