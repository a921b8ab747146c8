#include "crs/CoordinateTransform.h"
#include "crs/ProjContext.h"
#include "util/Error.h"

#include <cmath>

namespace refuge {

using detail::PjPtr;
using detail::projContext;

struct CoordinateTransform::Impl {
    PjPtr op;
};

CoordinateTransform::CoordinateTransform(const Crs &source, const Crs &target)
    : m_source(source), m_target(target), m_impl(std::make_unique<Impl>())
{
    if (!source.isValid() || !target.isValid())
        throw CrsError(QStringLiteral("cannot transform: a layer or the project has no CRS"));
    if (source.wkt() == target.wkt()) {
        m_identity = true;
        return;
    }
    PJ_CONTEXT *ctx = projContext();
    const QByteArray a = source.wkt().toUtf8(), b = target.wkt().toUtf8();
    PjPtr raw(proj_create_crs_to_crs(ctx, a.constData(), b.constData(), nullptr));
    if (!raw)
        throw CrsError(QStringLiteral("no transformation from %1 to %2").arg(source.label(), target.label()));
    m_impl->op.reset(proj_normalize_for_visualization(ctx, raw.get()));
    if (!m_impl->op)
        throw CrsError(QStringLiteral("no transformation from %1 to %2").arg(source.label(), target.label()));
}

CoordinateTransform::~CoordinateTransform() = default;
CoordinateTransform::CoordinateTransform(CoordinateTransform &&) noexcept = default;
CoordinateTransform &CoordinateTransform::operator=(CoordinateTransform &&) noexcept = default;

void CoordinateTransform::transformArray(QPointF *pts, std::size_t n, bool forward) const
{
    if (m_identity || n == 0)
        return;
    const auto from = (forward ? m_source : m_target).chinaOffset();
    const auto to = (forward ? m_target : m_source).chinaOffset();
    if (from)
        for (std::size_t i = 0; i < n; ++i)
            pts[i] = chinaOffsetToWgs84(*from, pts[i]);
    static_assert(sizeof(QPointF) == 2 * sizeof(double));
    double *xy = reinterpret_cast<double *>(pts);
    proj_trans_generic(m_impl->op.get(), forward ? PJ_FWD : PJ_INV, xy, sizeof(QPointF), n, xy + 1, sizeof(QPointF), n,
                       nullptr, 0, 0, nullptr, 0, 0);
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(pts[i].x()) || !std::isfinite(pts[i].y()) || std::abs(pts[i].x()) > 1e15 || std::abs(pts[i].y()) > 1e15)
            throw CrsError(QStringLiteral("coordinates outside the valid area of %1 → %2")
                               .arg(forward ? m_source.label() : m_target.label(), forward ? m_target.label() : m_source.label()));
    }
    if (to)
        for (std::size_t i = 0; i < n; ++i)
            pts[i] = wgs84ToChinaOffset(*to, pts[i]);
}

QPointF CoordinateTransform::transform(QPointF p) const
{
    transformArray(&p, 1, true);
    return p;
}

QPointF CoordinateTransform::inverse(QPointF p) const
{
    transformArray(&p, 1, false);
    return p;
}

void CoordinateTransform::transformInPlace(std::vector<QPointF> &points) const
{
    transformArray(points.data(), points.size(), true);
}

QRectF CoordinateTransform::transformBounds(const QRectF &r) const
{
    if (m_identity)
        return r;
    constexpr int steps = 20;
    std::vector<QPointF> pts;
    pts.reserve(4 * steps);
    for (int i = 0; i < steps; ++i) {
        const double t = double(i) / steps;
        pts.emplace_back(r.left() + t * r.width(), r.top());
        pts.emplace_back(r.right(), r.top() + t * r.height());
        pts.emplace_back(r.right() - t * r.width(), r.bottom());
        pts.emplace_back(r.left(), r.bottom() - t * r.height());
    }
    transformInPlace(pts);
    Geometry g;
    g.addRing(pts);
    return g.bounds();
}

} // namespace refuge
