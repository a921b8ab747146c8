#include "geom/Geometry.h"
#include "geom/GeosParts.h"
#include "util/Error.h"

#include <cmath>

namespace refuge {

int dimension(GeometryType type)
{
    switch (type) {
    case GeometryType::Point:
    case GeometryType::MultiPoint: return 0;
    case GeometryType::LineString:
    case GeometryType::MultiLineString: return 1;
    case GeometryType::Polygon:
    case GeometryType::MultiPolygon: return 2;
    case GeometryType::Unknown: break;
    }
    return -1;
}

QString geometryTypeName(GeometryType type)
{
    switch (type) {
    case GeometryType::Point: return QStringLiteral("Point");
    case GeometryType::LineString: return QStringLiteral("LineString");
    case GeometryType::Polygon: return QStringLiteral("Polygon");
    case GeometryType::MultiPoint: return QStringLiteral("MultiPoint");
    case GeometryType::MultiLineString: return QStringLiteral("MultiLineString");
    case GeometryType::MultiPolygon: return QStringLiteral("MultiPolygon");
    case GeometryType::Unknown: break;
    }
    return QStringLiteral("Unknown");
}

GeometryType multiType(GeometryType type)
{
    switch (type) {
    case GeometryType::Point: return GeometryType::MultiPoint;
    case GeometryType::LineString: return GeometryType::MultiLineString;
    case GeometryType::Polygon: return GeometryType::MultiPolygon;
    default: return type;
    }
}

Geometry Geometry::point(QPointF p)
{
    Geometry g(GeometryType::Point);
    g.beginPart();
    g.addRing(&p, 1);
    return g;
}

Geometry Geometry::lineString(const std::vector<QPointF> &pts)
{
    Geometry g(GeometryType::LineString);
    g.beginPart();
    g.addRing(pts);
    return g;
}

Geometry Geometry::polygon(const std::vector<std::vector<QPointF>> &rings)
{
    Geometry g(GeometryType::Polygon);
    g.beginPart();
    for (const auto &r : rings)
        g.addRing(r);
    return g;
}

void Geometry::beginPart()
{
    if (m_ringStarts.empty())
        m_ringStarts.push_back(0);
    if (m_partStarts.empty())
        m_partStarts.push_back(0);
    m_partStarts.push_back(m_partStarts.back());
}

void Geometry::addRing(const QPointF *pts, std::size_t count)
{
    if (m_partStarts.empty())
        beginPart();
    m_points.insert(m_points.end(), pts, pts + count);
    m_ringStarts.push_back(std::uint32_t(m_points.size()));
    m_partStarts.back() += 1;
}

QRectF Geometry::bounds() const
{
    if (m_points.empty())
        return {};
    double x0 = m_points[0].x(), x1 = x0, y0 = m_points[0].y(), y1 = y0;
    for (const QPointF &p : m_points) {
        x0 = std::min(x0, p.x());
        x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y());
        y1 = std::max(y1, p.y());
    }
    return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

bool Geometry::allFinite() const
{
    for (const QPointF &p : m_points)
        if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
            return false;
    return true;
}

static double ringArea(const QPointF *p, int n)
{
    double s = 0;
    for (int i = 0, j = n - 1; i < n; j = i++)
        s += (p[j].x() - p[i].x()) * (p[j].y() + p[i].y());
    return s / 2.0;
}

static double ringLength(const QPointF *p, int n)
{
    double s = 0;
    for (int i = 1; i < n; ++i)
        s += std::hypot(p[i].x() - p[i - 1].x(), p[i].y() - p[i - 1].y());
    return s;
}

double Geometry::area() const
{
    if (dimension(m_type) != 2)
        return 0.0;
    double total = 0;
    for (int part = 0; part < partCount(); ++part) {
        for (int r = partFirstRing(part); r < partEndRing(part); ++r) {
            double a = std::abs(ringArea(ringPoints(r), ringSize(r)));
            total += (r == partFirstRing(part)) ? a : -a;
        }
    }
    return total;
}

double Geometry::length() const
{
    if (dimension(m_type) < 1)
        return 0.0;
    double total = 0;
    for (int r = 0; r < ringCount(); ++r)
        total += ringLength(ringPoints(r), ringSize(r));
    return total;
}

namespace {

GEOSCoordSequence *makeSeq(GEOSContextHandle_t ctx, const QPointF *pts, int n)
{
    // QPointF is two contiguous doubles: GEOS copies it as an interleaved xy buffer.
    static_assert(sizeof(QPointF) == 2 * sizeof(double));
    return GEOSCoordSeq_copyFromBuffer_r(ctx, reinterpret_cast<const double *>(pts), unsigned(n), 0, 0);
}

GeosGeom makePart(GEOSContextHandle_t ctx, const Geometry &g, int part)
{
    const int first = g.partFirstRing(part);
    const int end = g.partEndRing(part);
    switch (dimension(g.type())) {
    case 0: return GeosGeom(GEOSGeom_createPoint_r(ctx, makeSeq(ctx, g.ringPoints(first), 1)));
    case 1: return GeosGeom(GEOSGeom_createLineString_r(ctx, makeSeq(ctx, g.ringPoints(first), g.ringSize(first))));
    case 2: {
        GeosGeom shell(GEOSGeom_createLinearRing_r(ctx, makeSeq(ctx, g.ringPoints(first), g.ringSize(first))));
        if (!shell)
            return {};
        GeosGeomList holes;
        for (int r = first + 1; r < end; ++r) {
            GeosGeom h(GEOSGeom_createLinearRing_r(ctx, makeSeq(ctx, g.ringPoints(r), g.ringSize(r))));
            if (!h)
                return {};
            holes.push_back(std::move(h));
        }
        return geosPolygon(std::move(shell), std::move(holes));
    }
    default: return {};
    }
}

void appendGeos(Geometry &out, GEOSContextHandle_t ctx, const GEOSGeometry *g)
{
    const int type = GEOSGeomTypeId_r(ctx, g);
    auto addSeq = [&](const GEOSCoordSequence *seq) {
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(ctx, seq, &n);
        std::vector<QPointF> pts(n);
        if (n)
            GEOSCoordSeq_copyToBuffer_r(ctx, seq, reinterpret_cast<double *>(pts.data()), 0, 0);
        out.addRing(pts);
    };
    switch (type) {
    case GEOS_POINT:
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
        if (GEOSisEmpty_r(ctx, g))
            return;
        out.beginPart();
        addSeq(GEOSGeom_getCoordSeq_r(ctx, g));
        return;
    case GEOS_POLYGON: {
        if (GEOSisEmpty_r(ctx, g))
            return;
        out.beginPart();
        addSeq(GEOSGeom_getCoordSeq_r(ctx, GEOSGetExteriorRing_r(ctx, g)));
        const int holes = GEOSGetNumInteriorRings_r(ctx, g);
        for (int i = 0; i < holes; ++i)
            addSeq(GEOSGeom_getCoordSeq_r(ctx, GEOSGetInteriorRingN_r(ctx, g, i)));
        return;
    }
    default: {
        const int n = GEOSGetNumGeometries_r(ctx, g);
        for (int i = 0; i < n; ++i)
            appendGeos(out, ctx, GEOSGetGeometryN_r(ctx, g, i));
    }
    }
}

// Highest dimension among the components of a (possibly mixed) collection.
int geosDimension(GEOSContextHandle_t ctx, const GEOSGeometry *g)
{
    switch (GEOSGeomTypeId_r(ctx, g)) {
    case GEOS_POINT:
    case GEOS_MULTIPOINT: return 0;
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
    case GEOS_MULTILINESTRING: return 1;
    case GEOS_POLYGON:
    case GEOS_MULTIPOLYGON: return 2;
    default: {
        int d = -1;
        const int n = GEOSGetNumGeometries_r(ctx, g);
        for (int i = 0; i < n; ++i)
            d = std::max(d, geosDimension(ctx, GEOSGetGeometryN_r(ctx, g, i)));
        return d;
    }
    }
}

// Keeps only the components of dimension `dim` (a repaired polygon may carry stray lines).
void appendGeosOfDimension(Geometry &out, GEOSContextHandle_t ctx, const GEOSGeometry *g, int dim)
{
    const int type = GEOSGeomTypeId_r(ctx, g);
    if (type == GEOS_GEOMETRYCOLLECTION || type == GEOS_MULTIPOINT || type == GEOS_MULTILINESTRING || type == GEOS_MULTIPOLYGON) {
        const int n = GEOSGetNumGeometries_r(ctx, g);
        for (int i = 0; i < n; ++i)
            appendGeosOfDimension(out, ctx, GEOSGetGeometryN_r(ctx, g, i), dim);
        return;
    }
    if (geosDimension(ctx, g) == dim)
        appendGeos(out, ctx, g);
}

} // namespace

GeosGeom Geometry::toGeos() const
{
    GEOSContextHandle_t ctx = geosContext();
    const int parts = partCount();
    const bool multi = m_type == GeometryType::MultiPoint || m_type == GeometryType::MultiLineString
        || m_type == GeometryType::MultiPolygon;
    if (parts == 0) {
        switch (dimension(m_type)) {
        case 0: return checkedGeos(GEOSGeom_createEmptyPoint_r(ctx), "create");
        case 1: return checkedGeos(GEOSGeom_createEmptyLineString_r(ctx), "create");
        default: return checkedGeos(GEOSGeom_createEmptyPolygon_r(ctx), "create");
        }
    }
    if (!multi && parts == 1)
        return checkedGeos(makePart(ctx, *this, 0).release(), "create geometry");
    GeosGeomList items;
    items.reserve(std::size_t(parts));
    for (int p = 0; p < parts; ++p) {
        GeosGeom item = makePart(ctx, *this, p);
        if (!item)
            throw GeometryError(QStringLiteral("GEOS create geometry failed: %1").arg(lastGeosError()));
        items.push_back(std::move(item));
    }
    const int ct = dimension(m_type) == 0 ? GEOS_MULTIPOINT : dimension(m_type) == 1 ? GEOS_MULTILINESTRING : GEOS_MULTIPOLYGON;
    return checkedGeos(geosCollection(ct, std::move(items)).release(), "create collection");
}

Geometry Geometry::fromGeos(const GEOSGeometry *g)
{
    GEOSContextHandle_t ctx = geosContext();
    const int dim = geosDimension(ctx, g);
    Geometry out;
    appendGeosOfDimension(out, ctx, g, dim);
    const int parts = out.partCount();
    const int type = GEOSGeomTypeId_r(ctx, g);
    const bool multi = parts > 1 || type == GEOS_MULTIPOINT || type == GEOS_MULTILINESTRING
        || type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION;
    switch (dim) {
    case 0: out.setType(multi ? GeometryType::MultiPoint : GeometryType::Point); break;
    case 1: out.setType(multi ? GeometryType::MultiLineString : GeometryType::LineString); break;
    case 2: out.setType(multi ? GeometryType::MultiPolygon : GeometryType::Polygon); break;
    default: out.setType(GeometryType::Unknown);
    }
    return out;
}

} // namespace refuge
