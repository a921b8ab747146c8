#include "analysis/ServiceArea.h"
#include "geom/GeosParts.h"
#include "analysis/FacilityIds.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QtConcurrent>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <numbers>
#include <numeric>

namespace refuge {

std::vector<std::vector<QPointF>> ServiceArea::reachedSections(const ShortestPathTree &tree, double limit, int onlySource, double *totalMeters)
{
    const RoadGraph &g = tree.graph();
    const RoadGraph::Data &d = g.data();
    std::vector<int> links;
    for (const std::uint32_t node : tree.reachedNodes()) {
        const int n = int(node);
        const float c = tree.nodeCost(n);
        if (!(c <= limit))
            continue;
        for (std::uint32_t a = g.firstArc(n); a < g.endArc(n); ++a)
            links.push_back(int(d.arcLink[a] & RoadGraph::kLinkMask));
    }
    for (const NetworkSource &s : tree.sources())
        if (s.at.isSnapped())
            links.push_back(s.at.link);
    for (const int l : g.loopLinks()) // no reached node lists them
        if (tree.nodeCost(g.linkFrom(l)) <= limit)
            links.push_back(l);
    std::sort(links.begin(), links.end());
    links.erase(std::unique(links.begin(), links.end()), links.end());

    std::vector<std::vector<QPointF>> out;
    out.reserve(links.size());
    double total = 0;
    for (int l : links) {
        const ShortestPathTree::LinkReach r = tree.linkReach(l, limit, onlySource);
        if (!r.any())
            continue;
        const double len = g.linkMeters(l);
        // Merge [0, fromStart], [directA, directB], [len - fromEnd, len] into intervals.
        std::vector<std::pair<double, double>> iv;
        if (r.fromStart > 0)
            iv.emplace_back(0.0, r.fromStart);
        if (r.directB >= r.directA)
            iv.emplace_back(r.directA, r.directB);
        if (r.fromEnd > 0)
            iv.emplace_back(len - r.fromEnd, len);
        std::sort(iv.begin(), iv.end());
        std::vector<std::pair<double, double>> merged;
        for (const auto &x : iv) {
            if (!merged.empty() && x.first <= merged.back().second + 1e-9)
                merged.back().second = std::max(merged.back().second, x.second);
            else
                merged.push_back(x);
        }
        for (const auto &[a, b] : merged) {
            total += b - a;
            if (a <= 0 && b >= len)
                out.push_back(g.linkGeometry(l));
            else
                out.push_back(g.linkSection(l, a, b));
        }
    }
    if (totalMeters)
        *totalMeters = total;
    return out;
}

namespace {

GEOSGeometry *lineOf(GEOSContextHandle_t ctx, const std::vector<QPointF> &s)
{
    GEOSCoordSequence *seq = GEOSCoordSeq_create_r(ctx, unsigned(s.size()), 2);
    for (std::size_t i = 0; i < s.size(); ++i)
        GEOSCoordSeq_setXY_r(ctx, seq, unsigned(i), s[i].x(), s[i].y());
    return GEOSGeom_createLineString_r(ctx, seq);
}

GEOSGeometry *bufferOf(GEOSContextHandle_t ctx, const GEOSGeometry *g, double distance, int quadrantSegments)
{
    return GEOSBufferWithStyle_r(ctx, g, distance, quadrantSegments, GEOSBUF_CAP_ROUND, GEOSBUF_JOIN_ROUND, 5.0);
}

// Every section buffered on its own, then one cascaded union: simple and slow.
GeosGeom unionOfBuffers(GEOSContextHandle_t ctx, const std::vector<std::vector<QPointF>> &sections, double distance, int quadrantSegments)
{
    GeosGeomList parts;
    parts.reserve(sections.size());
    for (const std::vector<QPointF> &s : sections) {
        GeosGeom line(lineOf(ctx, s));
        if (GeosGeom buf{line ? bufferOf(ctx, line.get(), distance, quadrantSegments) : nullptr})
            parts.push_back(std::move(buf));
    }
    GeosGeom collection = checkedGeos(geosCollection(GEOS_GEOMETRYCOLLECTION, std::move(parts)).release(), "createCollection");
    return checkedGeos(GEOSUnaryUnion_r(ctx, collection.get()), "UnaryUnion");
}

// False when polygon g cannot contain a disk of radius r (its inner buffer by −r is
// empty): its envelope is narrower than 2r or its area below πr².
bool canHoldDisk(GEOSContextHandle_t ctx, const GEOSGeometry *g, double r)
{
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0, area = 0;
    if (GEOSGeom_getXMin_r(ctx, g, &x0) != 1 || GEOSGeom_getYMin_r(ctx, g, &y0) != 1 || GEOSGeom_getXMax_r(ctx, g, &x1) != 1
        || GEOSGeom_getYMax_r(ctx, g, &y1) != 1 || GEOSArea_r(ctx, g, &area) != 1)
        return true;
    return x1 - x0 > 2 * r && y1 - y0 > 2 * r && area > std::numbers::pi * r * r;
}

// The envelope of g grown by `grow` on every side; false for an empty geometry.
bool envelopeOf(GEOSContextHandle_t ctx, const GEOSGeometry *g, double grow, double box[4])
{
    if (GEOSGeom_getXMin_r(ctx, g, &box[0]) != 1 || GEOSGeom_getYMin_r(ctx, g, &box[1]) != 1 || GEOSGeom_getXMax_r(ctx, g, &box[2]) != 1
        || GEOSGeom_getYMax_r(ctx, g, &box[3]) != 1)
        return false;
    box[0] -= grow;
    box[1] -= grow;
    box[2] += grow;
    box[3] += grow;
    return true;
}

// area − holes, where every hole lies strictly inside area (inside a face, farther than
// the access distance from its streets, so away from area's boundary and its own holes)
// and the holes are disjoint: each hole's ring becomes an interior ring of the part of
// area around it, without an overlay. Null when a hole has holes of its own (an island
// inside it) or no part of area holds it: the caller takes the overlay instead.
GeosGeom withHoles(GEOSContextHandle_t ctx, const GEOSGeometry *area, const GEOSGeometry *holes)
{
    const int partCount = GEOSGetNumGeometries_r(ctx, area);
    std::vector<std::vector<const GEOSGeometry *>> rings(std::size_t(std::max(partCount, 0)));
    std::vector<GeosPrepared> prepared(rings.size());
    for (int h = 0, n = GEOSGetNumGeometries_r(ctx, holes); h < n; ++h) {
        const GEOSGeometry *hole = GEOSGetGeometryN_r(ctx, holes, h);
        if (GEOSisEmpty_r(ctx, hole) == 1)
            continue;
        if (GEOSGeomTypeId_r(ctx, hole) != GEOS_POLYGON || GEOSGetNumInteriorRings_r(ctx, hole) != 0)
            return {};
        const GEOSGeometry *ring = GEOSGetExteriorRing_r(ctx, hole);
        int owner = partCount == 1 ? 0 : -1;
        if (owner < 0) {
            const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(ctx, ring);
            double x = 0, y = 0;
            if (!seq || GEOSCoordSeq_getXY_r(ctx, seq, 0, &x, &y) != 1)
                return {};
            const GeosGeom at(GEOSGeom_createPointFromXY_r(ctx, x, y));
            for (int k = 0; k < partCount && owner < 0; ++k) {
                if (!prepared[std::size_t(k)])
                    prepared[std::size_t(k)] = prepare(GEOSGetGeometryN_r(ctx, area, k));
                if (at && GEOSPreparedContains_r(ctx, prepared[std::size_t(k)].get(), at.get()) == 1)
                    owner = k;
            }
        }
        if (owner < 0)
            return {};
        rings[std::size_t(owner)].push_back(ring);
    }
    GeosGeomList parts;
    for (int k = 0; k < partCount; ++k) {
        const GEOSGeometry *part = GEOSGetGeometryN_r(ctx, area, k);
        GeosGeomList inner;
        for (int r = 0, n = GEOSGetNumInteriorRings_r(ctx, part); r < n; ++r)
            inner.push_back(GeosGeom(GEOSGeom_clone_r(ctx, GEOSGetInteriorRingN_r(ctx, part, r))));
        for (const GEOSGeometry *ring : rings[std::size_t(k)])
            inner.push_back(GeosGeom(GEOSGeom_clone_r(ctx, ring)));
        GeosGeom polygon = geosPolygon(GeosGeom(GEOSGeom_clone_r(ctx, GEOSGetExteriorRing_r(ctx, part))), std::move(inner));
        if (!polygon)
            return {};
        parts.push_back(std::move(polygon));
    }
    return checkedGeos(geosCollection(GEOS_MULTIPOLYGON, std::move(parts)).release(), "createCollection");
}

// The same set, computed through the faces of the street graph. With the sections
// noded and polygonized into faces f (their union U), dangles and cut edges D:
//   buffer(S, d) = buffer(U ∪ D, d) − ⋃ (buffer(f, −d) − buffer(D, d))
// because a point inside a face is within d of S exactly when it is within d of that
// face's boundary or of a loose line inside that face, and a point outside U is within
// d of S exactly when it is within d of U's boundary or of D. One buffer of the
// polygon and the loose lines together, small negative buffers and one difference
// replace hundreds of overlapping overlays.
GeosGeom facesBuffer(GEOSContextHandle_t ctx, const std::vector<std::vector<QPointF>> &sections, double distance, int quadrantSegments)
{
    GeosGeomList lines;
    lines.reserve(sections.size());
    for (const std::vector<QPointF> &s : sections)
        if (GeosGeom l{lineOf(ctx, s)})
            lines.push_back(std::move(l));
    GeosGeom multi = checkedGeos(geosCollection(GEOS_MULTILINESTRING, std::move(lines)).release(), "createCollection");
    GeosGeom noded = checkedGeos(GEOSNode_r(ctx, multi.get()), "Node");
    GEOSGeometry *cutsRaw = nullptr, *danglesRaw = nullptr, *invalidRaw = nullptr;
    GeosGeom faces = checkedGeos(GEOSPolygonize_full_r(ctx, noded.get(), &cutsRaw, &danglesRaw, &invalidRaw), "Polygonize");
    GeosGeom cuts(cutsRaw), dangles(danglesRaw), invalid(invalidRaw);

    // D: dangles, cut edges and (never expected) invalid rings, merged into chains
    // (mostly the partial sections at the fringe, a fifth of all lines).
    GeosGeomList loose;
    for (const GeosGeom *c : {&cuts, &dangles, &invalid}) {
        if (!*c)
            continue;
        for (int i = 0, n = GEOSGetNumGeometries_r(ctx, c->get()); i < n; ++i)
            loose.push_back(GeosGeom(GEOSGeom_clone_r(ctx, GEOSGetGeometryN_r(ctx, c->get(), i))));
    }
    GeosGeom chains;
    if (!loose.empty()) {
        GeosGeom set = checkedGeos(geosCollection(GEOS_MULTILINESTRING, std::move(loose)).release(), "createCollection");
        chains = checkedGeos(GEOSLineMerge_r(ctx, set.get()), "LineMerge");
    }
    const int faceCount = GEOSGetNumGeometries_r(ctx, faces.get());
    GeosGeom u = faceCount > 0 ? checkedGeos(GEOSCoverageUnion_r(ctx, faces.get()), "CoverageUnion") : GeosGeom();

    // buffer(U ∪ D): one pass over the polygon's rings and the chains together.
    GeosGeomList both;
    for (GeosGeom *g : {&u, &chains})
        if (*g)
            both.push_back(std::move(*g));
    const std::size_t bothCount = both.size();
    GeosGeom together = checkedGeos(geosCollection(GEOS_GEOMETRYCOLLECTION, std::move(both)).release(), "createCollection");
    GeosGeom result = checkedGeos(bufferOf(ctx, together.get(), distance, quadrantSegments), "Buffer");
    if (faceCount == 0)
        return result;

    // The chains again, each with its envelope, for the rare face with a loose line inside.
    const GEOSGeometry *chainSet = bothCount == 2 ? GEOSGetGeometryN_r(ctx, together.get(), 1) : nullptr;
    struct Chain {
        const GEOSGeometry *line;
        double box[4];
    };
    std::vector<Chain> chainBoxes;
    for (int i = 0, n = chainSet ? GEOSGetNumGeometries_r(ctx, chainSet) : 0; i < n; ++i) {
        Chain c{GEOSGetGeometryN_r(ctx, chainSet, i), {}};
        if (envelopeOf(ctx, c.line, distance, c.box))
            chainBoxes.push_back(c);
    }
    GeosGeomList polys;
    for (int i = 0; i < faceCount; ++i) {
        const GEOSGeometry *face = GEOSGetGeometryN_r(ctx, faces.get(), i);
        if (!canHoldDisk(ctx, face, distance))
            continue; // most faces (blocks narrower than two access distances): no inner part
        GeosGeom inner(GEOSBuffer_r(ctx, face, -distance, quadrantSegments));
        if (!inner || GEOSisEmpty_r(ctx, inner.get()) != 0)
            continue;
        double box[4];
        GeosGeomList near;
        if (envelopeOf(ctx, inner.get(), 0, box))
            for (const Chain &c : chainBoxes)
                if (c.box[0] <= box[2] && box[0] <= c.box[2] && c.box[1] <= box[3] && box[1] <= c.box[3])
                    near.push_back(GeosGeom(GEOSGeom_clone_r(ctx, c.line)));
        if (!near.empty()) {
            // A dead end or loop inside this face: what is near it is not a hole.
            GeosGeom nearSet = checkedGeos(geosCollection(GEOS_MULTILINESTRING, std::move(near)).release(), "createCollection");
            GeosGeom nearBuffer = checkedGeos(bufferOf(ctx, nearSet.get(), distance, quadrantSegments), "Buffer");
            inner = checkedGeos(GEOSDifference_r(ctx, inner.get(), nearBuffer.get()), "Difference");
        }
        for (int k = 0, n = GEOSGetNumGeometries_r(ctx, inner.get()); k < n; ++k) {
            const GEOSGeometry *part = GEOSGetGeometryN_r(ctx, inner.get(), k);
            if (GEOSGeomTypeId_r(ctx, part) == GEOS_POLYGON && GEOSisEmpty_r(ctx, part) == 0)
                if (GeosGeom copy{GEOSGeom_clone_r(ctx, part)})
                    polys.push_back(std::move(copy));
        }
    }
    if (polys.empty())
        return result;
    // Inner parts of distinct faces are disjoint: no union needed.
    GeosGeom holeSet = checkedGeos(geosCollection(GEOS_MULTIPOLYGON, std::move(polys)).release(), "createCollection");
    if (GeosGeom punched = withHoles(ctx, result.get(), holeSet.get()))
        return punched;
    return checkedGeos(GEOSDifference_r(ctx, result.get(), holeSet.get()), "Difference");
}

} // namespace

Geometry ServiceArea::bufferSections(const std::vector<std::vector<QPointF>> &sections, double distance, int quadrantSegments)
{
    if (sections.empty())
        return Geometry(GeometryType::MultiPolygon);
    GEOSContextHandle_t ctx = geosContext();
    static const bool simple = qEnvironmentVariableIsSet("REFUGE_SERVICE_AREA_SIMPLE_UNION");
    GeosGeom merged;
    if (!simple) {
        try {
            merged = facesBuffer(ctx, sections, distance, quadrantSegments);
        } catch (const GeometryError &) {
            merged.reset(); // robustness fallback below
        }
    }
    if (!merged)
        merged = unionOfBuffers(ctx, sections, distance, quadrantSegments);
    Geometry g = Geometry::fromGeos(merged.get());
    g.setType(GeometryType::MultiPolygon);
    return g;
}

VectorLayer ServiceArea::run(ServiceAreaParameters p, Feedback &feedback)
{
    p.polygons = true;
    p.lines = false;
    return compute(std::move(p), feedback).areas;
}

namespace {

Geometry multiLine(const std::vector<std::vector<QPointF>> &sections)
{
    Geometry g(GeometryType::MultiLineString);
    for (const std::vector<QPointF> &s : sections) {
        g.beginPart();
        g.addRing(s);
    }
    return g;
}

} // namespace

ServiceAreaResult ServiceArea::compute(ServiceAreaParameters p, Feedback &feedback)
{
    if (p.breaks.empty())
        throw InvalidInput(QStringLiteral("service area: no break given"));
    std::sort(p.breaks.begin(), p.breaks.end());
    if (!(p.breaks.front() > 0))
        throw InvalidInput(QStringLiteral("service area: the limit must be > 0 (got %1)").arg(p.breaks.front()));
    if (p.facilities.empty())
        throw InvalidInput(QStringLiteral("service area: no facility"));
    const double access = p.accessMeters >= 0 ? p.accessMeters : p.graph.accessMeters();
    const double unitScale = p.graph.crs().isValid() && p.graph.crs().metresPerUnit() > 0 ? p.graph.crs().metresPerUnit() : 1.0;
    const double bufferDistance = access / unitScale;
    p.routing.limit = p.breaks.back();
    const QString unit = costUnitName(p.routing.unit);

    struct Piece {
        int facility; // -1 dissolved
        double brk;
        Geometry polygon;
        double streetMeters;
        Geometry lines;
    };
    std::atomic<int> done{0};
    std::vector<Piece> pieces;
    // Exceptions do not cross QtConcurrent workers: keep the first, rethrow here.
    std::mutex errorMutex;
    std::exception_ptr firstError;
    auto keepFirst = [&](std::exception_ptr e) {
        std::lock_guard lock(errorMutex);
        if (!firstError)
            firstError = e;
    };
    if (p.dissolve) {
        const ShortestPathTree tree = ShortestPathTree::compute(p.graph, p.facilities, p.routing, nullptr);
        std::vector<double> breaks = p.breaks;
        std::vector<Piece> out = QtConcurrent::blockingMapped<std::vector<Piece>>(breaks, [&](double b) {
            Piece piece{-1, b, Geometry(GeometryType::MultiPolygon), 0, {}};
            if (feedback.isCanceled())
                return piece;
            try {
                const auto sections = reachedSections(tree, b, -1, &piece.streetMeters);
                if (p.polygons)
                    piece.polygon = bufferSections(sections, bufferDistance, p.quadrantSegments);
                if (p.lines)
                    piece.lines = multiLine(sections);
            } catch (...) {
                keepFirst(std::current_exception());
            }
            feedback.setProgress(100.0 * ++done / double(breaks.size()));
            return piece;
        });
        pieces = std::move(out);
    } else {
        std::vector<int> indices(p.facilities.size());
        std::iota(indices.begin(), indices.end(), 0);
        const std::size_t total = indices.size();
        const std::vector<std::vector<Piece>> all = QtConcurrent::blockingMapped<std::vector<std::vector<Piece>>>(indices, [&](int f) {
            std::vector<Piece> mine;
            if (feedback.isCanceled() || !p.facilities[std::size_t(f)].at.isSnapped())
                return mine;
            try {
                ShortestPathTree tree = ShortestPathTree::compute(p.graph, {p.facilities[std::size_t(f)]}, p.routing, nullptr);
                for (double b : p.breaks) {
                    double street = 0;
                    const auto sections = reachedSections(tree, b, -1, &street);
                    mine.push_back({f, b, p.polygons ? bufferSections(sections, bufferDistance, p.quadrantSegments) : Geometry(),
                                    street, p.lines ? multiLine(sections) : Geometry()});
                }
                ShortestPathTree::recycle(std::move(tree)); // this thread's next facility reuses its arrays
            } catch (...) {
                keepFirst(std::current_exception());
            }
            feedback.setProgress(100.0 * ++done / double(total));
            return mine;
        });
        for (const auto &v : all)
            pieces.insert(pieces.end(), v.begin(), v.end());
    }
    feedback.throwIfCanceled();
    if (firstError)
        std::rethrow_exception(firstError);

    ServiceAreaResult result;
    VectorLayer &layer = result.areas;
    layer = VectorLayer(QStringLiteral("service_areas"), GeometryType::MultiPolygon, p.graph.crs());
    result.lines = VectorLayer(QStringLiteral("service_lines"), GeometryType::MultiLineString, p.graph.crs());
    for (VectorLayer *l : {&result.areas, &result.lines}) {
        l->addField({QStringLiteral("facility_id"), FieldType::String});
        l->addField({QStringLiteral("break"), FieldType::Real});
        l->addField({QStringLiteral("unit"), FieldType::String});
        if (l == &result.areas)
            l->addField({QStringLiteral("area_m2"), FieldType::Real});
        l->addField({QStringLiteral("street_m"), FieldType::Real});
    }
    for (Piece &piece : pieces) {
        const QString id = piece.facility < 0 ? QStringLiteral("all")
                                              : p.facilityIds.value(piece.facility, FacilityIds::rowNumber(piece.facility));
        if (!piece.lines.isEmpty())
            result.lines.addFeature(std::move(piece.lines), {id, piece.brk, unit, piece.streetMeters});
        if (piece.polygon.isEmpty())
            continue;
        const double area = piece.polygon.area() * unitScale * unitScale;
        layer.addFeature(std::move(piece.polygon), {id, piece.brk, unit, area, piece.streetMeters});
    }
    layer.buildIndex();
    result.lines.buildIndex();
    feedback.setProgress(100);
    return result;
}

} // namespace refuge
