// Exposure: population and area per hazard level and type per community; point sources.
#include "analysis/hazard/Exposure.h"
#include "model/VectorLayer.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QJsonArray>
#include <cmath>

namespace refuge {

namespace {

// One area (a level's area, a type's area, a buffer) prepared for overlay on this thread.
struct Overlay {
    GeosGeom geom;
    GeosPrepared prepared;
    QRectF box;
    bool empty = true;
    explicit Overlay(const Geometry &g)
    {
        if (g.isEmpty())
            return;
        geom = g.toGeos();
        prepared = prepare(geom.get());
        box = g.bounds();
        empty = false;
    }
    // Share of `unit` (area `unitArea`, 0 for points) inside this area.
    double share(const GEOSGeometry *unit, const QRectF &unitBox, double unitArea) const
    {
        if (empty || !box.intersects(unitBox.isEmpty() ? QRectF(unitBox.topLeft(), QSizeF(1e-9, 1e-9)) : unitBox))
            return 0.0;
        GEOSContextHandle_t ctx = geosContext();
        if (GEOSPreparedIntersects_r(ctx, prepared.get(), unit) != 1)
            return 0.0;
        if (unitArea <= 0 || GEOSPreparedContains_r(ctx, prepared.get(), unit) == 1)
            return 1.0;
        GeosGeom inter = checkedGeos(GEOSIntersection_r(ctx, geom.get(), unit), "intersection");
        double a = 0;
        GEOSArea_r(ctx, inter.get(), &a);
        return std::clamp(a / unitArea, 0.0, 1.0);
    }
};

Geometry unionAll(const std::array<Geometry, kHazardLevels> &levels)
{
    GEOSContextHandle_t ctx = geosContext();
    GeosGeom acc;
    for (const Geometry &g : levels) {
        if (g.isEmpty())
            continue;
        GeosGeom part = g.toGeos();
        acc = acc ? checkedGeos(GEOSUnion_r(ctx, acc.get(), part.get()), "union") : std::move(part);
    }
    return acc ? Geometry::fromGeos(acc.get()) : Geometry();
}

Geometry circle(QPointF p, double radius)
{
    GEOSContextHandle_t ctx = geosContext();
    GeosGeom pt(GEOSGeom_createPointFromXY_r(ctx, p.x(), p.y()));
    GeosGeom b = checkedGeos(GEOSBuffer_r(ctx, pt.get(), radius, 32), "buffer");
    return Geometry::fromGeos(b.get());
}

QPointF anchorOf(const Geometry &g)
{
    if (dimension(g.type()) == 0)
        return g.points().front();
    GEOSContextHandle_t ctx = geosContext();
    const GeosGeom geos = g.toGeos();
    GeosGeom p = checkedGeos(GEOSPointOnSurface_r(ctx, geos.get()), "point on surface");
    double x = 0, y = 0;
    GEOSGeomGetX_r(ctx, p.get(), &x);
    GEOSGeomGetY_r(ctx, p.get(), &y);
    return {x, y};
}

} // namespace

ExposurePopulation ExposurePopulation::fromLayer(const VectorLayer &layer, const QString &populationField)
{
    const QString name = layer.source().path.isEmpty() ? layer.name() : layer.source().displayName();
    layer.requireGeometry(QStringLiteral("population"), {0, 2});
    const int field = layer.requireField(populationField);
    ExposurePopulation p;
    p.source = name;
    QStringList bad;
    for (int i = 0; i < layer.featureCount(); ++i) {
        bool ok = false;
        const QVariant v = layer.attribute(i, field);
        const double pop = v.toDouble(&ok);
        if (v.isNull() || !ok || !std::isfinite(pop) || pop < 0) {
            bad << QStringLiteral("fid %1").arg(layer.sourceFid(i));
            continue;
        }
        if (layer.geometry(i).isEmpty())
            continue;
        p.units.push_back(layer.geometry(i));
        p.population.push_back(pop);
        p.anchors.push_back(anchorOf(layer.geometry(i)));
    }
    if (!bad.isEmpty())
        p.leftOut = fileMessage(name, QStringLiteral("%1 features with no usable population left out (%2%3)")
                                          .arg(bad.size()).arg(bad.mid(0, 10).join(QStringLiteral(", ")), bad.size() > 10 ? QStringLiteral(", …") : QString()));
    return p;
}

ExposureResult Exposure::run(const ExposurePopulation &pop, const CoverageAreas &communities, const HazardZones &zones,
                             const std::vector<ExposurePoints> &points, Feedback &feedback)
{
    if (pop.units.empty())
        throw InvalidInput(fileMessage(pop.source, QStringLiteral("no population to weigh (no feature with a population)")));
    const double m2 = communities.crs.isValid() ? std::pow(communities.crs.metresPerUnit(), 2) : 1.0;
    ExposureResult r;
    r.types = zones.types();
    for (const ExposurePoints &p : points)
        r.pointKinds << p.kind;
    const std::array<Geometry, kHazardLevels> levelAreas = zones.levelAreas();
    std::vector<std::unique_ptr<Overlay>> levels, types;
    for (const Geometry &g : levelAreas)
        levels.push_back(std::make_unique<Overlay>(g));
    for (HazardType t : r.types)
        types.push_back(std::make_unique<Overlay>(unionAll(zones.levelAreas(t))));

    // Rows: communities, then (outside areas).
    const int n = communities.size();
    r.communities.resize(std::size_t(n) + 1);
    for (int a = 0; a < n; ++a) {
        ExposureRow &row = r.communities[std::size_t(a)];
        row.name = communities.names[a];
        row.areaM2 = communities.polygons[std::size_t(a)].area() * m2;
        const GeosGeom g = communities.polygons[std::size_t(a)].toGeos();
        const QRectF box = communities.polygons[std::size_t(a)].bounds();
        for (int l = 0; l < kHazardLevels; ++l)
            row.areaByLevelM2[std::size_t(l)] = levels[std::size_t(l)]->share(g.get(), box, row.areaM2 / m2) * row.areaM2;
    }
    r.communities.back().name = QStringLiteral("(outside areas)");
    for (ExposureRow &row : r.communities)
        row.byType.assign(r.types.size(), 0.0);
    const std::vector<int> where = n > 0 ? communities.locate(pop.anchors, feedback) : std::vector<int>(pop.units.size(), -1);

    // Population units over the level and type areas.
    for (std::size_t i = 0; i < pop.units.size(); ++i) {
        if (i % 256 == 0) {
            feedback.throwIfCanceled();
            feedback.setProgress(80.0 * double(i) / double(pop.units.size()));
        }
        const Geometry &u = pop.units[i];
        const GeosGeom g = u.toGeos();
        const double area = dimension(u.type()) == 2 ? u.area() : 0.0;
        ExposureRow &row = r.communities[std::size_t(where[i] >= 0 ? where[i] : n)];
        row.population += pop.population[i];
        double exposed = 0;
        for (int l = 0; l < kHazardLevels; ++l) {
            const double v = pop.population[i] * levels[std::size_t(l)]->share(g.get(), u.bounds(), area);
            row.byLevel[std::size_t(l)] += v;
            exposed += v;
        }
        row.unexposed += pop.population[i] - exposed;
        for (std::size_t t = 0; t < types.size(); ++t)
            row.byType[t] += pop.population[i] * types[t]->share(g.get(), u.bounds(), area);
    }
    if (r.communities.back().population <= 0)
        r.communities.pop_back();

    r.overall.name = QStringLiteral("(all)");
    r.overall.byType.assign(r.types.size(), 0.0);
    for (const ExposureRow &row : r.communities) {
        r.overall.population += row.population;
        r.overall.unexposed += row.unexposed;
        r.overall.areaM2 += row.areaM2;
        for (int l = 0; l < kHazardLevels; ++l) {
            r.overall.byLevel[std::size_t(l)] += row.byLevel[std::size_t(l)];
            r.overall.areaByLevelM2[std::size_t(l)] += row.areaByLevelM2[std::size_t(l)];
        }
        for (std::size_t t = 0; t < r.types.size(); ++t)
            r.overall.byType[t] += row.byType[t];
    }

    // Point sources: population and facilities within the two distances.
    const double unit = communities.crs.isValid() ? communities.crs.metresPerUnit() : 1.0;
    std::vector<QPointF> sourcePoints;
    for (const HazardSource &s : zones.sources())
        sourcePoints.push_back(s.point);
    const std::vector<int> sourceArea = n > 0 ? communities.locate(sourcePoints, feedback) : std::vector<int>(sourcePoints.size(), -1);
    for (std::size_t k = 0; k < zones.sources().size(); ++k) {
        feedback.throwIfCanceled();
        const HazardSource &s = zones.sources()[k];
        SourceExposure e;
        e.source = s;
        e.community = sourceArea[k] >= 0 ? communities.names[sourceArea[k]] : QString();
        const Overlay iso(circle(s.point, s.isolationMeters / unit)), prot(circle(s.point, s.protectionMeters / unit));
        for (std::size_t i = 0; i < pop.units.size(); ++i) {
            const Geometry &u = pop.units[i];
            const GeosGeom g = u.toGeos();
            const double area = dimension(u.type()) == 2 ? u.area() : 0.0;
            e.populationIsolation += pop.population[i] * iso.share(g.get(), u.bounds(), area);
            e.populationProtection += pop.population[i] * prot.share(g.get(), u.bounds(), area);
        }
        for (const ExposurePoints &set : points) {
            QStringList in, inProt;
            for (std::size_t j = 0; j < set.points.size(); ++j) {
                const double d = std::hypot(set.points[j].x() - s.point.x(), set.points[j].y() - s.point.y()) * unit;
                if (d <= s.isolationMeters)
                    in << set.ids[qsizetype(j)];
                if (d <= s.protectionMeters)
                    inProt << set.ids[qsizetype(j)];
            }
            e.isolationIds.push_back(in);
            e.protectionIds.push_back(inProt);
        }
        r.sources.push_back(std::move(e));
    }
    feedback.setProgress(100);
    return r;
}

QJsonObject ExposureResult::summaryJson() const
{
    QJsonArray levels, areaShares, byType;
    for (int l = 0; l < kHazardLevels; ++l) {
        levels.append(overall.byLevel[std::size_t(l)]);
        areaShares.append(overall.areaShare(l + 1));
    }
    for (std::size_t t = 0; t < types.size(); ++t)
        byType.append(QJsonObject{{QStringLiteral("type"), hazardTypeName(types[t])}, {QStringLiteral("population"), overall.byType[t]}});
    return QJsonObject{{QStringLiteral("total_population"), overall.population},
                       {QStringLiteral("exposed_population"), overall.exposed()},
                       {QStringLiteral("unexposed_population"), overall.unexposed},
                       {QStringLiteral("exposed_share"), overall.exposedShare()},
                       {QStringLiteral("population_by_level"), levels},
                       {QStringLiteral("area_share_by_level"), areaShares},
                       {QStringLiteral("population_by_type"), byType},
                       {QStringLiteral("communities"), int(communities.size())},
                       {QStringLiteral("point_sources"), int(sources.size())}};
}

} // namespace refuge
