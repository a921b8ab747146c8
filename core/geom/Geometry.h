#pragma once
// Geometry: a plain value type for simple-feature geometries in one CRS, stored flat
// (all vertices in one array, rings and parts as offsets). Safe to copy and to pass
// between threads; converts to GEOS on the calling thread's context when needed.
#include "geom/Geos.h"

#include <QPointF>
#include <QRectF>
#include <QString>
#include <cstdint>
#include <vector>

namespace refuge {

enum class GeometryType { Unknown, Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon };

// 0 for points, 1 for lines, 2 for polygons, -1 unknown.
int dimension(GeometryType type);
QString geometryTypeName(GeometryType type);
GeometryType multiType(GeometryType type);

class Geometry {
public:
    Geometry() = default;
    explicit Geometry(GeometryType type) : m_type(type) {}

    static Geometry point(QPointF p);
    static Geometry lineString(const std::vector<QPointF> &pts);
    // One polygon from rings (first = shell, rest = holes).
    static Geometry polygon(const std::vector<std::vector<QPointF>> &rings);
    static Geometry fromGeos(const GEOSGeometry *g);

    GeometryType type() const { return m_type; }
    void setType(GeometryType t) { m_type = t; }
    bool isEmpty() const { return m_points.empty(); }

    // Building: beginPart() starts a polygon/line/point part, addRing() adds a ring or
    // line (or a single point) to the current part.
    void beginPart();
    void addRing(const QPointF *pts, std::size_t count);
    void addRing(const std::vector<QPointF> &pts) { addRing(pts.data(), pts.size()); }

    int partCount() const { return m_partStarts.empty() ? 0 : int(m_partStarts.size()) - 1; }
    int ringCount() const { return m_ringStarts.empty() ? 0 : int(m_ringStarts.size()) - 1; }
    // Ring indices [first, last) of a part.
    int partFirstRing(int part) const { return int(m_partStarts[std::size_t(part)]); }
    int partEndRing(int part) const { return int(m_partStarts[std::size_t(part) + 1]); }
    const QPointF *ringPoints(int ring) const { return m_points.data() + m_ringStarts[std::size_t(ring)]; }
    int ringSize(int ring) const { return int(m_ringStarts[std::size_t(ring) + 1] - m_ringStarts[std::size_t(ring)]); }
    const std::vector<QPointF> &points() const { return m_points; }
    std::vector<QPointF> &points() { return m_points; }

    QRectF bounds() const;
    bool allFinite() const;
    double area() const;   // planar, in CRS units²; 0 for points and lines
    double length() const; // planar length of lines, or perimeter of polygons

    GeosGeom toGeos() const;

private:
    GeometryType m_type = GeometryType::Unknown;
    std::vector<QPointF> m_points;
    std::vector<std::uint32_t> m_ringStarts; // rings + 1 sentinel
    std::vector<std::uint32_t> m_partStarts; // parts + 1 sentinel
};

} // namespace refuge
