#pragma once
// CoordinateTransform: transforms x/y (lon/lat for geographic CRS, never lat/lon)
// from one Crs to another with PROJ. A GCJ-02/BD-09 source or target (Crs::chinaOffset)
// has its offset removed before PROJ / added after it; outside China that throws
// InvalidInput (the offset is not defined there), not CrsError. Owns a PJ created on the constructing thread's
// PROJ context: use an instance on one thread only (make one per thread).
#include "crs/Crs.h"
#include "geom/Geometry.h"

#include <QPointF>
#include <memory>
#include <vector>

namespace refuge {

class CoordinateTransform {
public:
    // Throws CrsError when PROJ finds no operation between the two.
    CoordinateTransform(const Crs &source, const Crs &target);
    ~CoordinateTransform();
    CoordinateTransform(CoordinateTransform &&) noexcept;
    CoordinateTransform &operator=(CoordinateTransform &&) noexcept;
    CoordinateTransform(const CoordinateTransform &) = delete;
    CoordinateTransform &operator=(const CoordinateTransform &) = delete;

    bool isIdentity() const { return m_identity; }
    const Crs &source() const { return m_source; }
    const Crs &target() const { return m_target; }

    // Throws CrsError if a point cannot be transformed (outside the CRS's domain).
    QPointF transform(QPointF p) const;
    void transformInPlace(std::vector<QPointF> &points) const;
    void transformInPlace(Geometry &g) const { transformInPlace(g.points()); }
    // Inverse direction (target → source).
    QPointF inverse(QPointF p) const;
    // Bounding box of a transformed rectangle (densified edges).
    QRectF transformBounds(const QRectF &r) const;

private:
    void transformArray(QPointF *pts, std::size_t n, bool forward) const;
    Crs m_source, m_target;
    bool m_identity = false;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace refuge
