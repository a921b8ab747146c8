#include "analysis/Zones.h"
#include "analysis/ServiceArea.h"
#include "geom/SpatialIndex.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QtConcurrent>
#include <algorithm>
#include <cmath>
#include <map>

namespace refuge {

std::vector<Zones::OwnedSection> Zones::ownedSections(const ShortestPathTree &tree)
{
    const RoadGraph &g = tree.graph();
    const double limit = tree.options().limit;
    std::vector<OwnedSection> out;
    auto add = [&](int l, double a, double b, int f) {
        if (f < 0 || b - a <= 1e-9)
            return;
        out.push_back({g.linkSection(l, a, b), f, b - a});
    };
    for (int l = 0; l < g.linkCount(); ++l) {
        const ShortestPathTree::LinkReach r = tree.linkReach(l, limit);
        if (!r.any())
            continue;
        const double len = g.linkMeters(l);
        const int a = g.linkFrom(l), b = g.linkTo(l);
        const int fa = tree.nodeSource(a), fb = tree.nodeSource(b);
        double startEnd = r.fromStart, endStart = len - r.fromEnd; // [0, startEnd] from a, [endStart, len] from b
        if (r.fromStart > 0 && r.fromEnd > 0 && startEnd > endStart) {
            // Reached from both ends: split where the costs meet.
            const double ca = tree.nodeCost(a), cb = tree.nodeCost(b);
            const double fwd = tree.linkCost(l, false) / len, bwd = tree.linkCost(l, true) / len;
            double m = (fwd + bwd) > 0 ? (cb + bwd * len - ca) / (fwd + bwd) : len / 2;
            m = std::clamp(m, endStart, startEnd);
            if (fa == fb)
                m = startEnd;
            startEnd = m;
            endStart = m;
        }
        add(l, 0, std::min(startEnd, len), fa);
        if (r.fromEnd > 0)
            add(l, std::max(endStart, 0.0), len, fb);
        if (r.directB >= r.directA) {
            // A facility on this link owns what it reaches directly but nothing owned above.
            int direct = -1;
            SnappedPoint probe;
            probe.link = l;
            probe.offsetMeters = (r.directA + r.directB) / 2;
            tree.costTo(probe, &direct);
            const double lo = r.fromStart > 0 ? std::max(r.directA, startEnd) : r.directA;
            const double hi = r.fromEnd > 0 ? std::min(r.directB, endStart) : r.directB;
            add(l, lo, hi, direct);
        }
    }
    return out;
}

VectorLayer Zones::run(ZonesParameters p, Feedback &feedback)
{
    if (p.facilities.empty())
        throw InvalidInput(QStringLiteral("zones: no facility"));
    const double access = p.accessMeters >= 0 ? p.accessMeters : p.graph.accessMeters();
    const double unit = p.graph.crs().isValid() && p.graph.crs().metresPerUnit() > 0 ? p.graph.crs().metresPerUnit() : 1.0;
    const double sample = (p.sampleMeters > 0 ? p.sampleMeters : access / 2) / unit;
    const ShortestPathTree tree = ShortestPathTree::compute(p.graph, p.facilities, p.routing, &feedback);
    feedback.setProgress(20);
    const std::vector<OwnedSection> owned = ownedSections(tree);

    // The reachable area is the owned sections buffered by the access distance; it is
    // built per facility below, from the sections near its cells only (those farther
    // than the access distance from the cells' box cannot reach into them).
    const double reach = access / unit;
    std::vector<QRectF> sectionBoxes;
    sectionBoxes.reserve(owned.size());
    QRectF extent;
    for (const OwnedSection &s : owned) {
        double x0 = s.points.front().x(), x1 = x0, y0 = s.points.front().y(), y1 = y0;
        for (const QPointF &q : s.points) {
            x0 = std::min(x0, q.x());
            x1 = std::max(x1, q.x());
            y0 = std::min(y0, q.y());
            y1 = std::max(y1, q.y());
        }
        sectionBoxes.emplace_back(QPointF(x0, y0), QPointF(x1, y1));
        extent = extent.isNull() ? sectionBoxes.back() : extent.united(sectionBoxes.back());
    }
    const SpatialIndex sectionIndex(sectionBoxes);
    feedback.throwIfCanceled();
    feedback.setProgress(40);

    // Voronoi samples along owned sections (deduplicated: a junction keeps its first owner).
    std::vector<QPointF> pts;
    std::vector<int> owner;
    std::map<std::pair<qint64, qint64>, int> seen;
    auto addPoint = [&](QPointF q, int f) {
        const auto key = std::make_pair(qint64(std::llround(q.x() * 1000)), qint64(std::llround(q.y() * 1000)));
        if (seen.emplace(key, f).second) {
            pts.push_back(q);
            owner.push_back(f);
        }
    };
    std::vector<double> streetMeters(p.facilities.size(), 0.0);
    for (const OwnedSection &s : owned) {
        streetMeters[std::size_t(s.facility)] += s.meters;
        // Samples at the middles of equal steps, so two sections meeting at a point
        // put their Voronoi boundary through it.
        double total = 0;
        for (std::size_t i = 0; i + 1 < s.points.size(); ++i)
            total += std::hypot(s.points[i + 1].x() - s.points[i].x(), s.points[i + 1].y() - s.points[i].y());
        const int steps = std::max(1, int(std::ceil(total / sample)));
        const double step = total / steps;
        double walked = 0;
        std::size_t seg = 0;
        for (int k = 0; k < steps; ++k) {
            const double at = (k + 0.5) * step;
            while (seg + 2 < s.points.size()) {
                const double len = std::hypot(s.points[seg + 1].x() - s.points[seg].x(), s.points[seg + 1].y() - s.points[seg].y());
                if (walked + len >= at)
                    break;
                walked += len;
                ++seg;
            }
            const QPointF a = s.points[seg], b = s.points[std::min(seg + 1, s.points.size() - 1)];
            const double len = std::hypot(b.x() - a.x(), b.y() - a.y());
            addPoint(len > 0 ? a + (b - a) * std::clamp((at - walked) / len, 0.0, 1.0) : a, s.facility);
        }
    }
    VectorLayer layer(QStringLiteral("zones"), GeometryType::MultiPolygon, p.graph.crs());
    layer.addField({QStringLiteral("facility_id"), FieldType::String});
    layer.addField({QStringLiteral("area_m2"), FieldType::Real});
    layer.addField({QStringLiteral("street_m"), FieldType::Real});
    if (pts.empty())
        return layer;

    GEOSContextHandle_t ctx = geosContext();
    std::vector<GEOSGeometry *> gpts;
    gpts.reserve(pts.size());
    for (const QPointF &q : pts)
        gpts.push_back(GEOSGeom_createPointFromXY_r(ctx, q.x(), q.y()));
    GeosGeom multi = checkedGeos(GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOINT, gpts.data(), unsigned(gpts.size())), "createCollection");
    // Cells out to the reachable area's box.
    const GeosGeom frame = checkedGeos(GEOSGeom_createRectangle_r(ctx, extent.left() - 2 * reach, extent.top() - 2 * reach,
                                                                  extent.right() + 2 * reach, extent.bottom() + 2 * reach),
                                       "createRectangle");
    GeosGeom cells = checkedGeos(GEOSVoronoiDiagram_r(ctx, multi.get(), frame.get(), 0.0, 0), "VoronoiDiagram");
    feedback.throwIfCanceled();
    feedback.setProgress(70);

    // Each cell back to its sample point (GEOS 3.11 does not keep the input order).
    std::vector<QRectF> boxes;
    boxes.reserve(pts.size());
    for (const QPointF &q : pts)
        boxes.emplace_back(q, q);
    const SpatialIndex index(boxes);
    std::vector<std::vector<GEOSGeometry *>> perFacility(p.facilities.size());
    for (int i = 0, n = GEOSGetNumGeometries_r(ctx, cells.get()); i < n; ++i) {
        const GEOSGeometry *cell = GEOSGetGeometryN_r(ctx, cells.get(), i);
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        GEOSGeom_getXMin_r(ctx, cell, &x0);
        GEOSGeom_getYMin_r(ctx, cell, &y0);
        GEOSGeom_getXMax_r(ctx, cell, &x1);
        GEOSGeom_getYMax_r(ctx, cell, &y1);
        const GeosPrepared prepared = prepare(cell);
        int found = -1;
        index.visit(QRectF(QPointF(x0, y0), QPointF(x1, y1)), [&](std::uint32_t k) {
            const GeosGeom pt(GEOSGeom_createPointFromXY_r(ctx, pts[k].x(), pts[k].y()));
            if (GEOSPreparedIntersects_r(ctx, prepared.get(), pt.get()) == 1) {
                found = owner[k];
                return false;
            }
            return true;
        });
        if (found >= 0)
            perFacility[std::size_t(found)].push_back(GEOSGeom_clone_r(ctx, cell));
    }
    // Per facility, on the thread pool: its cells merged, then cut to the reachable area
    // around them (the sections near the cells, buffered). The cells go to their task as
    // a Geometry value: a GEOS geometry belongs to one thread's context.
    struct Zone {
        Geometry geometry;
        QString error;
    };
    std::vector<int> facilityIndex;
    std::vector<Geometry> facilityCells(perFacility.size());
    for (std::size_t f = 0; f < perFacility.size(); ++f) {
        if (perFacility[f].empty())
            continue;
        facilityIndex.push_back(int(f));
        const GeosGeom coll = checkedGeos(GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOLYGON, perFacility[f].data(), unsigned(perFacility[f].size())),
                                          "createCollection");
        perFacility[f].clear(); // owned by coll now
        facilityCells[f] = Geometry::fromGeos(coll.get());
    }
    const std::vector<Zone> zones = QtConcurrent::blockingMapped<std::vector<Zone>>(facilityIndex, [&](int f) {
        Zone z;
        if (feedback.isCanceled())
            return z;
        try {
            GEOSContextHandle_t c = geosContext();
            const GeosGeom coll = facilityCells[std::size_t(f)].toGeos();
            const GeosGeom merged = checkedGeos(GEOSCoverageUnion_r(c, coll.get()), "CoverageUnion");
            double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
            GEOSGeom_getXMin_r(c, merged.get(), &x0);
            GEOSGeom_getYMin_r(c, merged.get(), &y0);
            GEOSGeom_getXMax_r(c, merged.get(), &x1);
            GEOSGeom_getYMax_r(c, merged.get(), &y1);
            std::vector<std::vector<QPointF>> nearby;
            sectionIndex.visit(QRectF(QPointF(x0 - reach, y0 - reach), QPointF(x1 + reach, y1 + reach)), [&](std::uint32_t k) {
                nearby.push_back(owned[k].points);
                return true;
            });
            if (nearby.empty())
                return z;
            const GeosGeom area = ServiceArea::bufferSections(nearby, reach, 8).toGeos();
            const GeosGeom zone = checkedGeos(GEOSIntersection_r(c, merged.get(), area.get()), "Intersection");
            z.geometry = Geometry::fromGeos(zone.get());
        } catch (const Error &e) {
            z.error = e.message();
        }
        return z;
    });
    feedback.throwIfCanceled();
    for (std::size_t k = 0; k < facilityIndex.size(); ++k) {
        if (!zones[k].error.isEmpty())
            throw GeometryError(QStringLiteral("zones: %1").arg(zones[k].error));
        Geometry g = zones[k].geometry;
        if (g.isEmpty())
            continue;
        const int f = facilityIndex[k];
        g.setType(GeometryType::MultiPolygon);
        const double a = g.area() * unit * unit;
        layer.addFeature(std::move(g), {p.facilityIds.value(f, QString::number(f)), a, streetMeters[std::size_t(f)]});
    }
    layer.buildIndex();
    feedback.setProgress(100);
    return layer;
}

} // namespace refuge
