#include "io/OgrGeometry.h"
#include "util/Error.h"

namespace refuge {

namespace {

void appendCurve(Geometry &out, OGRGeometryH g)
{
    const int n = OGR_G_GetPointCount(g);
    std::vector<QPointF> pts(std::size_t(std::max(n, 0)));
    if (n > 0)
        OGR_G_GetPoints(g, pts.data(), sizeof(QPointF), reinterpret_cast<char *>(pts.data()) + sizeof(double),
                        sizeof(QPointF), nullptr, 0);
    out.addRing(pts);
}

// Highest dimension among the non-empty parts of g; -1 if all are empty.
int ogrDimension(OGRGeometryH g)
{
    if (!g || OGR_G_IsEmpty(g))
        return -1;
    switch (wkbFlatten(OGR_G_GetGeometryType(g))) {
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection: {
        int d = -1;
        for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i)
            d = std::max(d, ogrDimension(OGR_G_GetGeometryRef(g, i)));
        return d;
    }
    default:
        return OGR_G_GetDimension(g);
    }
}

// Appends the parts of dimension `only` (the others of a mixed collection are dropped).
void appendOgr(Geometry &out, OGRGeometryH g, int &dim, int only)
{
    if (!g || OGR_G_IsEmpty(g))
        return;
    switch (wkbFlatten(OGR_G_GetGeometryType(g))) {
    case wkbPoint:
        if (only != 0)
            return;
        dim = std::max(dim, 0);
        out.beginPart();
        appendCurve(out, g);
        return;
    case wkbLineString:
    case wkbLinearRing:
        if (only != 1)
            return;
        dim = std::max(dim, 1);
        out.beginPart();
        appendCurve(out, g);
        return;
    case wkbPolygon: {
        if (only != 2)
            return;
        dim = std::max(dim, 2);
        out.beginPart();
        const int rings = OGR_G_GetGeometryCount(g);
        for (int i = 0; i < rings; ++i)
            appendCurve(out, OGR_G_GetGeometryRef(g, i));
        return;
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection: {
        const int n = OGR_G_GetGeometryCount(g);
        for (int i = 0; i < n; ++i)
            appendOgr(out, OGR_G_GetGeometryRef(g, i), dim, only);
        return;
    }
    default: {
        // Curves, TINs, polyhedral surfaces: linearise first.
        OgrGeometry linear(OGR_G_GetLinearGeometry(g, 0, nullptr));
        if (linear && wkbFlatten(OGR_G_GetGeometryType(linear.get())) != wkbFlatten(OGR_G_GetGeometryType(g)))
            appendOgr(out, linear.get(), dim, only);
        return;
    }
    }
}

} // namespace

Geometry fromOgr(OGRGeometryH g)
{
    Geometry out;
    if (!g)
        return out;
    const OGRwkbGeometryType flat = wkbFlatten(OGR_G_GetGeometryType(g));
    int dim = -1;
    // A collection mixing dimensions keeps only its highest dimension (before, its points
    // and lines became bogus rings of a polygon geometry).
    appendOgr(out, g, dim, ogrDimension(g));
    if (dim < 0)
        return out;
    const bool multi = out.partCount() > 1 || flat == wkbMultiPoint || flat == wkbMultiLineString
        || flat == wkbMultiPolygon || flat == wkbGeometryCollection || flat == wkbMultiSurface || flat == wkbMultiCurve;
    const GeometryType single[] = {GeometryType::Point, GeometryType::LineString, GeometryType::Polygon};
    out.setType(multi ? multiType(single[dim]) : single[dim]);
    return out;
}

OgrGeometry toOgr(const Geometry &g)
{
    auto makeRing = [&](int ring, OGRwkbGeometryType type) {
        OGRGeometryH r = OGR_G_CreateGeometry(type);
        const QPointF *p = g.ringPoints(ring);
        const int n = g.ringSize(ring);
        OGR_G_SetPointCount(r, n);
        for (int i = 0; i < n; ++i)
            OGR_G_SetPoint_2D(r, i, p[i].x(), p[i].y());
        return r;
    };
    auto makePart = [&](int part) -> OGRGeometryH {
        const int first = g.partFirstRing(part);
        switch (dimension(g.type())) {
        case 0: {
            OGRGeometryH pt = OGR_G_CreateGeometry(wkbPoint);
            OGR_G_SetPoint_2D(pt, 0, g.ringPoints(first)->x(), g.ringPoints(first)->y());
            return pt;
        }
        case 1: return makeRing(first, wkbLineString);
        default: {
            OGRGeometryH poly = OGR_G_CreateGeometry(wkbPolygon);
            for (int r = first; r < g.partEndRing(part); ++r)
                OGR_G_AddGeometryDirectly(poly, makeRing(r, wkbLinearRing));
            return poly;
        }
        }
    };
    const GeometryType t = g.type();
    const bool multi = t == GeometryType::MultiPoint || t == GeometryType::MultiLineString || t == GeometryType::MultiPolygon;
    if (!multi) {
        if (g.partCount() == 0) {
            const OGRwkbGeometryType et = dimension(t) == 0 ? wkbPoint : dimension(t) == 1 ? wkbLineString : wkbPolygon;
            return OgrGeometry(OGR_G_CreateGeometry(et));
        }
        return OgrGeometry(makePart(0));
    }
    const OGRwkbGeometryType mt = dimension(t) == 0 ? wkbMultiPoint : dimension(t) == 1 ? wkbMultiLineString : wkbMultiPolygon;
    OgrGeometry coll(OGR_G_CreateGeometry(mt));
    for (int p = 0; p < g.partCount(); ++p)
        OGR_G_AddGeometryDirectly(coll.get(), makePart(p));
    return coll;
}

} // namespace refuge
