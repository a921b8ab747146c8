#include "analysis/DemandPoint.h"

#include <cmath>

namespace refuge::detail {

bool usablePopulation(const NumberRead &read, qint64 fid, DemandStats &stats)
{
    if (read.status == NumberRead::Status::Missing) {
        ++stats.nullPopulation;
        return false;
    }
    if (read.status == NumberRead::Status::Unusable) {
        ++stats.unusablePopulation;
        if (stats.unusableFids.size() < 10)
            stats.unusableFids.push_back(fid);
        return false;
    }
    if (read.status == NumberRead::Status::Reformatted)
        ++stats.reformattedPopulation;
    const double pop = read.value;
    if (pop < 0) {
        ++stats.negativePopulation;
        return false;
    }
    if (pop == 0) {
        ++stats.zeroPopulation;
        return false;
    }
    return true;
}

bool surfacePoint(GEOSContextHandle_t ctx, const GEOSGeometry *g, QPointF &out)
{
    GeosGeom p(GEOSPointOnSurface_r(ctx, g));
    if (!p || GEOSisEmpty_r(ctx, p.get()) == 1)
        return false;
    double x = 0, y = 0;
    if (GEOSGeomGetX_r(ctx, p.get(), &x) != 1 || GEOSGeomGetY_r(ctx, p.get(), &y) != 1)
        return false;
    out = QPointF(x, y);
    return std::isfinite(x) && std::isfinite(y);
}

bool ringCentroidInside(const QPointF *p, int n, QPointF &out)
{
    if (n < 4)
        return false;
    double a = 0, cx = 0, cy = 0;
    const QPointF o = p[0];
    for (int i = 0; i + 1 < n; ++i) {
        const double x0 = p[i].x() - o.x(), y0 = p[i].y() - o.y(), x1 = p[i + 1].x() - o.x(), y1 = p[i + 1].y() - o.y();
        const double c = x0 * y1 - x1 * y0;
        a += c;
        cx += (x0 + x1) * c;
        cy += (y0 + y1) * c;
    }
    if (std::abs(a) < 1e-12)
        return false;
    const QPointF c(o.x() + cx / (3 * a), o.y() + cy / (3 * a));
    bool inside = false;
    for (int i = 0, j = n - 1; i < n; j = i++) {
        if ((p[i].y() > c.y()) != (p[j].y() > c.y())
            && c.x() < (p[j].x() - p[i].x()) * (c.y() - p[i].y()) / (p[j].y() - p[i].y()) + p[i].x())
            inside = !inside;
    }
    if (!inside)
        return false;
    out = c;
    return true;
}

bool demandPoint(const Geometry &g, QPointF &out)
{
    if (g.isEmpty())
        return false;
    if (dimension(g.type()) == 0) {
        out = g.points().front();
        return true;
    }
    if (g.partCount() == 1 && g.ringCount() == 1 && ringCentroidInside(g.ringPoints(0), g.ringSize(0), out))
        return true;
    GeosGeom gg = g.toGeos();
    return surfacePoint(geosContext(), gg.get(), out);
}

namespace {

// Sign of the orientation of (a, b, c): +1/-1, or 0 when too close to call.
int orientation(QPointF a, QPointF b, QPointF c)
{
    const double l = (b.x() - a.x()) * (c.y() - a.y()), r = (b.y() - a.y()) * (c.x() - a.x());
    const double det = l - r, bound = 1e-12 * (std::abs(l) + std::abs(r));
    return det > bound ? 1 : (det < -bound ? -1 : 0);
}

} // namespace

bool certainlySimpleRing(const QPointF *p, int n)
{
    constexpr int kMaxEdges = 64; // beyond this the pairwise test costs more than GEOS
    if (n < 4 || n - 1 > kMaxEdges || p[0] != p[n - 1])
        return false;
    const int m = n - 1; // edge i runs p[i] → p[i + 1]
    double x0[kMaxEdges], y0[kMaxEdges], x1[kMaxEdges], y1[kMaxEdges];
    for (int i = 0; i < m; ++i) {
        if (p[i] == p[i + 1])
            return false;
        x0[i] = std::min(p[i].x(), p[i + 1].x());
        x1[i] = std::max(p[i].x(), p[i + 1].x());
        y0[i] = std::min(p[i].y(), p[i + 1].y());
        y1[i] = std::max(p[i].y(), p[i + 1].y());
    }
    // Neighbouring edges share only their vertex: a clear turn, or clearly going on.
    for (int i = 0; i < m; ++i) {
        const QPointF a = p[(i + m - 1) % m], b = p[i], c = p[i + 1];
        if (orientation(a, b, c) != 0)
            continue;
        const double l = (b.x() - a.x()) * (c.x() - b.x()), r = (b.y() - a.y()) * (c.y() - b.y());
        if (!(l + r > 1e-12 * (std::abs(l) + std::abs(r))))
            return false;
    }
    // Other edges never meet (a touch or a doubtful case is left to GEOS).
    for (int i = 0; i < m; ++i) {
        for (int j = i + 2; j < m; ++j) {
            if (i == 0 && j == m - 1)
                continue; // neighbours through the closing vertex
            if (x1[i] < x0[j] || x1[j] < x0[i] || y1[i] < y0[j] || y1[j] < y0[i])
                continue;
            const int o1 = orientation(p[i], p[i + 1], p[j]), o2 = orientation(p[i], p[i + 1], p[j + 1]);
            const int o3 = orientation(p[j], p[j + 1], p[i]), o4 = orientation(p[j], p[j + 1], p[i + 1]);
            if (o1 == 0 || o2 == 0 || o3 == 0 || o4 == 0)
                return false;
            if (o1 != o2 && o3 != o4)
                return false; // they cross
        }
    }
    return true;
}

} // namespace refuge::detail
