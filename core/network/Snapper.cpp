#include "network/Snapper.h"
#include "crs/CoordinateTransform.h"
#include "model/VectorLayer.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <algorithm>
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

} // namespace

Snapper::Snapper(RoadGraph graph) : m_graph(std::move(graph))
{
    std::vector<QRectF> boxes(std::size_t(m_graph.linkCount()));
    for (int l = 0; l < m_graph.linkCount(); ++l)
        boxes[std::size_t(l)] = m_graph.linkBounds(l);
    m_index = SpatialIndex(boxes);
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
    SnappedPoint out;
    out.input = p;
    if (!std::isfinite(p.x()) || !std::isfinite(p.y()) || m_graph.isEmpty())
        return out;
    const double unit = m_graph.crs().isValid() && m_graph.crs().metresPerUnit() > 0 ? m_graph.crs().metresPerUnit() : 1.0;
    const RoadGraph::Data &d = m_graph.data();
    double d2 = 0;
    const std::int64_t hit = m_index.nearestItem(p, maxMeters / unit, [&](std::uint32_t l) {
        const std::uint32_t first = d.linkFirstPoint[l];
        return polylineDistance2(d.points.data() + first, int(d.linkFirstPoint[l + 1] - first), p);
    }, d2, hintLink);
    if (hit < 0)
        return out;
    const int l = int(hit);
    const Projection pr = project(m_graph.linkPoints(l), m_graph.linkPointCount(l), p);
    if (std::sqrt(pr.distance2) * unit > maxMeters)
        return out;
    out.link = l;
    out.position = pr.point;
    out.distanceMeters = std::sqrt(pr.distance2) * unit;
    // Offsets are in the link's metres (its stored length may round the polyline's).
    double total = 0;
    const QPointF *lp = m_graph.linkPoints(l);
    for (int i = 1; i < m_graph.linkPointCount(l); ++i)
        total += std::hypot(lp[i].x() - lp[i - 1].x(), lp[i].y() - lp[i - 1].y());
    out.offsetMeters = total > 0 ? std::clamp(pr.along / total, 0.0, 1.0) * m_graph.linkMeters(l) : 0.0;
    return out;
}

SnappedLayer Snapper::snapAll(const std::vector<QPointF> &points, double maxMeters, Feedback *feedback) const
{
    SnappedLayer out;
    out.points.resize(points.size());
    constexpr std::size_t chunk = 1024;
    for (std::size_t i = 0; i < points.size(); i += chunk) {
        if (feedback) {
            feedback->throwIfCanceled();
            feedback->setProgress(100.0 * double(i) / double(points.size()));
        }
        snapRange(points.data() + i, std::min(chunk, points.size() - i), maxMeters, out.points.data() + i);
    }
    for (std::size_t i = 0; i < points.size(); ++i)
        if (!out.points[i].isSnapped())
            out.unsnapped.push_back(int(i));
    return out;
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
