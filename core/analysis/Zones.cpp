#include "analysis/Zones.h"
#include "analysis/FacilityIds.h"
#include "analysis/ServiceArea.h"
#include "geom/SpatialIndex.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QtConcurrent>
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace refuge {

namespace {

using PointKey = std::pair<qint64, qint64>;
PointKey keyOf(QPointF q) { return {qint64(std::llround(q.x() * 1000)), qint64(std::llround(q.y() * 1000))}; }

// Points at the given distances along a polyline (distances ascending).
void pointsAlong(const std::vector<QPointF> &line, const std::vector<double> &at, const std::function<void(QPointF)> &take)
{
    double walked = 0;
    std::size_t seg = 0;
    for (const double d : at) {
        while (seg + 2 < line.size()) {
            const double len = std::hypot(line[seg + 1].x() - line[seg].x(), line[seg + 1].y() - line[seg].y());
            if (walked + len >= d)
                break;
            walked += len;
            ++seg;
        }
        const QPointF a = line[seg], b = line[std::min(seg + 1, line.size() - 1)];
        const double len = std::hypot(b.x() - a.x(), b.y() - a.y());
        take(len > 0 ? a + (b - a) * std::clamp((d - walked) / len, 0.0, 1.0) : a);
    }
}

} // namespace

std::vector<Zones::OwnedSection> Zones::ownedSections(const ShortestPathTree &tree)
{
    // Each link split among the facilities where their costs are equal (the tree's
    // own costs, as coverage measures them): a facility sitting on a link reaches both
    // ways along it, and owns its part of the link against the ends' owners.
    const RoadGraph &g = tree.graph();
    std::vector<OwnedSection> out;
    for (int l = 0; l < g.linkCount(); ++l)
        for (const ShortestPathTree::LinkShare &share : tree.linkShares(l))
            out.push_back({g.linkSection(l, share.fromMeters, share.toMeters), share.source, share.toMeters - share.fromMeters});
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

    // Voronoi samples along owned sections (deduplicated: a point keeps its first owner).
    std::vector<QPointF> pts;
    std::vector<int> owner;
    std::map<PointKey, int> seen;
    auto addPoint = [&](QPointF q, int f) {
        if (seen.emplace(keyOf(q), f).second) {
            pts.push_back(q);
            owner.push_back(f);
        }
    };
    // First each facility's own street access (where it snapped, when it owns that
    // point): its location, whose nearest street point that is, then lies in its zone.
    for (std::size_t f = 0; f < p.facilities.size(); ++f) {
        SnappedPoint at = p.facilities[f].at;
        if (!at.isSnapped())
            continue;
        at.distanceMeters = 0;
        int nearest = -1;
        tree.costTo(at, &nearest);
        if (nearest == int(f))
            addPoint(at.position, int(f));
    }
    // Where sections of different facilities meet (a split point, a junction), samples
    // close to it on each side, so the zones' boundary runs through it.
    std::map<PointKey, int> endOwner; // owner, or -2 when several meet
    for (const OwnedSection &s : owned)
        for (const QPointF &q : {s.points.front(), s.points.back()}) {
            const auto [it, added] = endOwner.emplace(keyOf(q), s.facility);
            if (!added && it->second != s.facility)
                it->second = -2;
        }
    const double nearEnd[] = {0.5 / unit, 1.5 / unit, 3.0 / unit, 6.0 / unit};
    std::vector<double> streetMeters(p.facilities.size(), 0.0);
    std::vector<double> at;
    for (const OwnedSection &s : owned) {
        streetMeters[std::size_t(s.facility)] += s.meters;
        double total = 0;
        for (std::size_t i = 0; i + 1 < s.points.size(); ++i)
            total += std::hypot(s.points[i + 1].x() - s.points[i].x(), s.points[i + 1].y() - s.points[i].y());
        // Samples at the middles of equal steps, plus those near mixed ends.
        const int steps = std::max(1, int(std::ceil(total / sample)));
        const double step = total / steps;
        at.clear();
        for (int k = 0; k < steps; ++k)
            at.push_back((k + 0.5) * step);
        const bool mixedStart = endOwner[keyOf(s.points.front())] == -2, mixedEnd = endOwner[keyOf(s.points.back())] == -2;
        for (const double d : nearEnd) {
            if (d >= step / 2)
                break;
            if (mixedStart)
                at.push_back(d);
            if (mixedEnd)
                at.push_back(total - d);
        }
        std::sort(at.begin(), at.end());
        pointsAlong(s.points, at, [&](QPointF q) { addPoint(q, s.facility); });
    }
    VectorLayer layer(QStringLiteral("zones"), GeometryType::MultiPolygon, p.graph.crs());
    layer.addField({QStringLiteral("facility_id"), FieldType::String});
    layer.addField({QStringLiteral("access"), FieldType::String});
    layer.addField({QStringLiteral("area_m2"), FieldType::Real});
    layer.addField({QStringLiteral("street_m"), FieldType::Real});
    if (pts.empty())
        return layer;

    GEOSContextHandle_t ctx = geosContext();
    // The area tiled: the study area, or the streets' box grown by the access distance.
    const Geometry study = !p.studyArea.isEmpty() ? p.studyArea
                                                  : Geometry::polygon({{extent.topLeft() + QPointF(-reach, -reach), extent.topRight() + QPointF(reach, -reach),
                                                                        extent.bottomRight() + QPointF(reach, reach), extent.bottomLeft() + QPointF(-reach, reach),
                                                                        extent.topLeft() + QPointF(-reach, -reach)}});
    QRectF frameBox = extent;
    {
        const GeosGeom sg = study.toGeos();
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        GEOSGeom_getXMin_r(ctx, sg.get(), &x0);
        GEOSGeom_getYMin_r(ctx, sg.get(), &y0);
        GEOSGeom_getXMax_r(ctx, sg.get(), &x1);
        GEOSGeom_getYMax_r(ctx, sg.get(), &y1);
        frameBox = frameBox.united(QRectF(QPointF(x0, y0), QPointF(x1, y1)));
    }
    std::vector<GEOSGeometry *> gpts;
    gpts.reserve(pts.size());
    for (const QPointF &q : pts)
        gpts.push_back(GEOSGeom_createPointFromXY_r(ctx, q.x(), q.y()));
    GeosGeom multi = checkedGeos(GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOINT, gpts.data(), unsigned(gpts.size())), "createCollection");
    // Cells out to a box around the streets and the study area.
    const GeosGeom frame = checkedGeos(GEOSGeom_createRectangle_r(ctx, frameBox.left() - 2 * reach, frameBox.top() - 2 * reach,
                                                                  frameBox.right() + 2 * reach, frameBox.bottom() + 2 * reach),
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
    // Per facility, on the thread pool: its cells merged and cut to the study area (its
    // tile), then split into the part within the access distance of the reached
    // streets near it (buffered) and the part beyond. The cells go to their task as a
    // Geometry value: a GEOS geometry belongs to one thread's context.
    struct Zone {
        Geometry within, beyond;
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
            const GeosGeom studyHere = checkedGeos(GEOSClipByRect_r(c, study.toGeos().get(), x0, y0, x1, y1), "ClipByRect");
            const GeosGeom tile = checkedGeos(GEOSIntersection_r(c, merged.get(), studyHere.get()), "Intersection");
            if (GEOSisEmpty_r(c, tile.get()) == 1)
                return z;
            std::vector<std::vector<QPointF>> nearby;
            sectionIndex.visit(QRectF(QPointF(x0 - reach, y0 - reach), QPointF(x1 + reach, y1 + reach)), [&](std::uint32_t k) {
                nearby.push_back(owned[k].points);
                return true;
            });
            if (nearby.empty()) {
                z.beyond = Geometry::fromGeos(tile.get());
                return z;
            }
            const GeosGeom area = ServiceArea::bufferSections(nearby, reach, 8).toGeos();
            const GeosGeom within = checkedGeos(GEOSIntersection_r(c, tile.get(), area.get()), "Intersection");
            const GeosGeom beyond = checkedGeos(GEOSDifference_r(c, tile.get(), area.get()), "Difference");
            z.within = Geometry::fromGeos(within.get());
            z.beyond = Geometry::fromGeos(beyond.get());
        } catch (const Error &e) {
            z.error = e.message();
        }
        return z;
    });
    feedback.throwIfCanceled();
    for (std::size_t k = 0; k < facilityIndex.size(); ++k) {
        if (!zones[k].error.isEmpty())
            throw GeometryError(QStringLiteral("zones: %1").arg(zones[k].error));
        const int f = facilityIndex[k];
        const QString id = p.facilityIds.value(f, FacilityIds::rowNumber(f));
        const std::pair<Geometry, const char *> parts[] = {{zones[k].within, "within_access_distance"},
                                                           {zones[k].beyond, "beyond_access_distance"}};
        for (auto [g, access] : parts) {
            if (g.isEmpty() || dimension(g.type()) != 2) // nothing, or only slivers' edges
                continue;
            g.setType(GeometryType::MultiPolygon);
            const double a = g.area() * unit * unit;
            layer.addFeature(std::move(g), {id, QString::fromLatin1(access), a, streetMeters[std::size_t(f)]});
        }
    }
    layer.buildIndex();
    feedback.setProgress(100);
    return layer;
}

} // namespace refuge
