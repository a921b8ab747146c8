// OffsetCheck (see OffsetCheck.h): points and streets in the UTM zone of the points,
// street segments in a grid of cells, nearest distances searched ring by ring.
#include "io/OffsetCheck.h"
#include "crs/ChinaOffsets.h"
#include "crs/CoordinateTransform.h"
#include "util/Error.h"

#include <QHash>
#include <algorithm>
#include <cmath>
#include <vector>

namespace refuge {

namespace {

constexpr double kCell = 250; // m

struct Segment {
    QPointF a, b;
};

double segmentDistance(QPointF p, const Segment &s)
{
    const QPointF d = s.b - s.a;
    const double len2 = QPointF::dotProduct(d, d);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - s.a, d) / len2, 0.0, 1.0) : 0.0;
    const QPointF q = s.a + t * d - p;
    return std::hypot(q.x(), q.y());
}

// Street segments (metres) bucketed by the grid cells their box touches.
class SegmentGrid {
public:
    void add(const Segment &s)
    {
        const int id = int(m_segments.size());
        m_segments.push_back(s);
        const QRectF box = QRectF(s.a, s.b).normalized();
        for (qint64 cx = cell(box.left()); cx <= cell(box.right()); ++cx)
            for (qint64 cy = cell(box.top()); cy <= cell(box.bottom()); ++cy)
                m_cells[key(cx, cy)].push_back(id);
    }
    bool isEmpty() const { return m_segments.empty(); }
    // Distance to the nearest segment, at most OffsetCheck::kMaxMeters.
    double nearest(QPointF p) const
    {
        double best = OffsetCheck::kMaxMeters;
        const qint64 px = cell(p.x()), py = cell(p.y());
        const int rings = int(OffsetCheck::kMaxMeters / kCell) + 1;
        for (int r = 0; r <= rings && best > (r - 1) * kCell; ++r)
            for (qint64 cx = px - r; cx <= px + r; ++cx)
                for (qint64 cy = py - r; cy <= py + r; ++cy) {
                    if (std::max(std::abs(cx - px), std::abs(cy - py)) != r)
                        continue; // only the ring's own cells
                    const auto it = m_cells.constFind(key(cx, cy));
                    if (it != m_cells.constEnd())
                        for (int id : *it)
                            best = std::min(best, segmentDistance(p, m_segments[std::size_t(id)]));
                }
        return best;
    }

private:
    static qint64 cell(double v) { return qint64(std::floor(v / kCell)); }
    static quint64 key(qint64 cx, qint64 cy) { return (quint64(cx) << 32) ^ quint64(quint32(cy)); }
    std::vector<Segment> m_segments;
    QHash<quint64, std::vector<int>> m_cells;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// The layer's points as WGS 84 lon/lat, as declared (only those inside China).
std::vector<QPointF> declaredLonLat(const VectorLayer &points)
{
    const CoordinateTransform toWgs84(points.crs(), Crs::fromEpsg(4326));
    std::vector<QPointF> out;
    for (const Geometry &g : points.geometries())
        for (const QPointF &p : g.points()) {
            try {
                const QPointF ll = toWgs84.transform(p);
                if (isInsideChinaOffsetArea(ll))
                    out.push_back(ll);
            } catch (const CrsError &) {
                // not placeable: not compared
            }
        }
    return out;
}

SegmentGrid streetGrid(const VectorLayer &streets, const CoordinateTransform &toMetric)
{
    SegmentGrid grid;
    for (const Geometry &g : streets.geometries()) {
        Geometry m = g;
        try {
            toMetric.transformInPlace(m);
        } catch (const CrsError &) {
            continue;
        }
        for (int r = 0; r < m.ringCount(); ++r)
            for (int i = 0; i + 1 < m.ringSize(r); ++i)
                grid.add({m.ringPoints(r)[i], m.ringPoints(r)[i + 1]});
    }
    return grid;
}

} // namespace

OffsetCheckResult OffsetCheck::check(const VectorLayer &points, const VectorLayer &streets)
{
    OffsetCheckResult result;
    if (points.sourceCrs().chinaOffset() || dimension(points.geometryType()) != 0 || dimension(streets.geometryType()) != 1)
        return result;
    const std::vector<QPointF> lonLat = declaredLonLat(points);
    if (lonLat.size() < 3)
        return result;
    const QPointF centre = lonLat[lonLat.size() / 2];
    const Crs metric = Crs::utmFor(centre.x(), centre.y());
    const CoordinateTransform fromWgs84(Crs::fromEpsg(4326), metric);
    const SegmentGrid grid = streetGrid(streets, CoordinateTransform(streets.crs(), metric));
    if (grid.isEmpty())
        return result;
    std::vector<double> declared, corrected;
    for (const QPointF &p : lonLat) {
        declared.push_back(grid.nearest(fromWgs84.transform(p)));
        corrected.push_back(grid.nearest(fromWgs84.transform(gcj02ToWgs84(p))));
    }
    result.applicable = true;
    result.points = int(lonLat.size());
    result.medianDeclaredMeters = median(declared);
    result.medianCorrectedMeters = median(corrected);
    result.looksGcj02 = result.medianCorrectedMeters < 0.5 * result.medianDeclaredMeters
        && result.medianDeclaredMeters - result.medianCorrectedMeters >= 20;
    if (result.looksGcj02)
        result.message = QStringLiteral("the points look like GCJ-02 (Amap/Tencent) coordinates declared as WGS 84: median distance to the nearest "
                                        "street %1 m as declared, %2 m after the GCJ-02 → WGS 84 correction (%3 points); if they were picked "
                                        "on a Chinese web map, state the CRS GCJ-02 (--crs GCJ-02, or \"crs\": \"GCJ-02\" in the project layer)")
                             .arg(result.medianDeclaredMeters, 0, 'f', 1)
                             .arg(result.medianCorrectedMeters, 0, 'f', 1)
                             .arg(result.points);
    return result;
}

} // namespace refuge
