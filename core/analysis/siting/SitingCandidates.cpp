// Candidate sites from a grid, and the zone filters (see SitingCandidates.h).
#include "analysis/siting/SitingCandidates.h"
#include "geom/Geos.h"
#include "util/Error.h"

#include <cmath>

namespace refuge {

namespace {

// A test "is this point inside" built once (GEOS prepared geometry); empty zone: always false.
class Inside {
public:
    explicit Inside(const Geometry &zone) : m_ctx(geosContext())
    {
        if (zone.isEmpty())
            return;
        m_geom = zone.toGeos();
        m_prepared = prepare(m_geom.get());
    }
    bool empty() const { return !m_prepared; }
    bool contains(QPointF p) const
    {
        if (!m_prepared)
            return false;
        GeosGeom pt(GEOSGeom_createPointFromXY_r(m_ctx, p.x(), p.y()));
        return GEOSPreparedIntersects_r(m_ctx, m_prepared.get(), pt.get()) == 1;
    }

private:
    GEOSContextHandle_t m_ctx;
    GeosGeom m_geom;
    GeosPrepared m_prepared;
};

template <typename T>
void keep(std::vector<T> &v, const std::vector<int> &rows)
{
    if (v.empty())
        return;
    std::vector<T> out;
    out.reserve(rows.size());
    for (int r : rows)
        out.push_back(v[std::size_t(r)]);
    v = std::move(out);
}

void keepList(QStringList &v, const std::vector<int> &rows)
{
    if (v.isEmpty())
        return;
    QStringList out;
    for (int r : rows)
        out << v[r];
    v = out;
}

} // namespace

namespace SitingCandidates {

FacilityTable grid(const QRectF &extent, double cellMeters, const Geometry &inside, const Crs &crs, int maxCells)
{
    if (!(cellMeters > 0) || !std::isfinite(cellMeters))
        throw InvalidInput(QStringLiteral("the candidate grid cell must be > 0 m (got %1)").arg(cellMeters));
    const double unit = crs.metresPerUnit() > 0 ? crs.metresPerUnit() : 1.0;
    const double cell = cellMeters / unit;
    const QRectF area = inside.isEmpty() ? extent : inside.bounds();
    const double x0 = std::floor(area.left() / cell) * cell, y0 = std::floor(area.top() / cell) * cell;
    const double columns = std::ceil((area.right() - x0) / cell), rows = std::ceil((area.bottom() - y0) / cell);
    if (columns * rows > maxCells)
        throw InvalidInput(QStringLiteral("a candidate grid of %1 m over this area has %2 cells (at most %3): use larger cells")
                               .arg(cellMeters).arg(columns * rows, 0, 'f', 0).arg(maxCells));
    const Inside within(inside);
    FacilityTable t;
    t.crs = crs;
    t.source = QStringLiteral("grid of %1 m").arg(cellMeters);
    for (int r = 0; r < int(rows); ++r)
        for (int c = 0; c < int(columns); ++c) {
            const QPointF p(x0 + (c + 0.5) * cell, y0 + (r + 0.5) * cell);
            if (!within.empty() && !within.contains(p))
                continue;
            t.points.push_back(p);
            t.ids << QStringLiteral("cell-%1-%2").arg(c).arg(r);
            t.names << t.ids.back();
        }
    if (t.points.empty())
        throw InvalidInput(QStringLiteral("the candidate grid of %1 m has no cell inside the area").arg(cellMeters));
    return t;
}

void keepRows(FacilityTable &t, const std::vector<int> &rows)
{
    keep(t.points, rows);
    keep(t.capacity, rows);
    keep(t.areaM2, rows);
    keep(t.turnoutSeconds, rows);
    keepList(t.ids, rows);
    keepList(t.names, rows);
    keepList(t.grades, rows);
}

QStringList removeInside(FacilityTable &t, const Geometry &zone, bool outside)
{
    const Inside in(zone);
    QStringList removed;
    std::vector<int> kept;
    for (int i = 0; i < t.size(); ++i) {
        if (in.contains(t.points[std::size_t(i)]) != outside)
            removed << t.ids[i];
        else
            kept.push_back(i);
    }
    if (!removed.isEmpty())
        keepRows(t, kept);
    return removed;
}

QString listMessage(int count, const QString &what, const QStringList &ids)
{
    QStringList shown = ids.mid(0, 10);
    QString s = QStringLiteral("%1 %2: %3").arg(count).arg(what, shown.join(QStringLiteral(", ")));
    if (ids.size() > 10)
        s += QStringLiteral(" (and %1 more)").arg(ids.size() - 10);
    return s;
}

} // namespace SitingCandidates

} // namespace refuge
