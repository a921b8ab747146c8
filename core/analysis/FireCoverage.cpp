#include "analysis/FireCoverage.h"
#include "analysis/ParameterRanges.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QJsonArray>
#include <QMap>
#include <cmath>

namespace refuge {

namespace {

// Union of grid cells (squares around centres) as one geometry.
Geometry unionCells(const std::vector<QPointF> &centres, const std::vector<std::uint32_t> &cells, double size)
{
    if (cells.empty())
        return {};
    GEOSContextHandle_t ctx = geosContext();
    std::vector<GEOSGeometry *> boxes;
    boxes.reserve(cells.size());
    const double h = size / 2;
    for (std::uint32_t c : cells) {
        const QPointF p = centres[c];
        boxes.push_back(GEOSGeom_createRectangle_r(ctx, p.x() - h, p.y() - h, p.x() + h, p.y() + h));
    }
    GeosGeom coll(GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, boxes.data(), unsigned(boxes.size())));
    GeosGeom u = checkedGeos(GEOSUnaryUnion_r(ctx, coll.get()), "union of grid cells");
    Geometry g = Geometry::fromGeos(u.get());
    g.setType(GeometryType::MultiPolygon);
    return g;
}

} // namespace

FireGrid FireGrid::over(const Geometry &area, double cellMeters, double metresPerUnit, Feedback &feedback)
{
    if (!(cellMeters > 0))
        throw InvalidInput(QStringLiteral("the grid cell must be greater than 0 m"));
    if (area.isEmpty())
        throw InvalidInput(QStringLiteral("fire coverage needs a study area (official districts, areas or demand)"));
    // Count the cells before allocating any: a tiny cell over a city would run for hours.
    ParameterRanges::checkCellCount(area.bounds(), cellMeters, metresPerUnit, QStringLiteral("--grid-cell"));
    FireGrid g;
    g.cellSize = cellMeters / metresPerUnit;
    g.cellAreaM2 = cellMeters * cellMeters;
    const QRectF b = area.bounds();
    GEOSContextHandle_t ctx = geosContext();
    GeosGeom geom = area.toGeos();
    GeosPrepared prep = prepare(geom.get());
    const auto c0 = qint64(std::floor(b.left() / g.cellSize)), c1 = qint64(std::floor(b.right() / g.cellSize));
    const auto r0 = qint64(std::floor(b.top() / g.cellSize)), r1 = qint64(std::floor(b.bottom() / g.cellSize));
    for (qint64 r = r0; r <= r1; ++r) {
        feedback.throwIfCanceled();
        for (qint64 c = c0; c <= c1; ++c) {
            const QPointF p((double(c) + 0.5) * g.cellSize, (double(r) + 0.5) * g.cellSize);
            GeosGeom pt(GEOSGeom_createPointFromXY_r(ctx, p.x(), p.y()));
            if (GEOSPreparedIntersects_r(ctx, prep.get(), pt.get()) == 1)
                g.centres.push_back(p);
        }
    }
    return g;
}

QString FireCoverage::gradeKey(const QString &grade, bool suburban)
{
    if (suburban)
        return QStringLiteral("fire.district_km2.suburban");
    const QString g = grade.trimmed().toLower();
    if (g == QLatin1String("1") || g == QStringLiteral("一级") || g == QLatin1String("grade1") || g == QLatin1String("i"))
        return QStringLiteral("fire.district_km2.grade1");
    if (g == QLatin1String("2") || g == QStringLiteral("二级") || g == QLatin1String("grade2") || g == QLatin1String("ii"))
        return QStringLiteral("fire.district_km2.grade2");
    if (g == QStringLiteral("小型") || g == QLatin1String("small"))
        return QStringLiteral("fire.district_km2.small");
    if (g == QStringLiteral("郊区") || g == QLatin1String("suburban"))
        return QStringLiteral("fire.district_km2.suburban");
    return QStringLiteral("fire.district_km2.default");
}

FireOutcome FireCoverage::run(const FireRequest &q, Feedback &feedback)
{
    const int S = q.stations.size();
    const std::size_t nd = q.demand.size(), ng = q.grid.centres.size();
    if (q.demandCosts.seconds.size() != nd || q.demandCosts.station.size() != nd)
        throw InvalidInput(QStringLiteral("fire: %1 demand costs for %2 demand units").arg(q.demandCosts.seconds.size()).arg(nd));
    if (q.gridCosts.seconds.size() != ng || q.gridCosts.station.size() != ng)
        throw InvalidInput(QStringLiteral("fire: %1 grid costs for %2 cells").arg(q.gridCosts.seconds.size()).arg(ng));
    if (!(q.responseLimitSeconds > 0))
        throw InvalidInput(QStringLiteral("the response limit must be greater than 0"));
    const double cellKm2 = q.grid.cellAreaM2 / 1e6;
    const double limit = q.responseLimitSeconds;

    FireOutcome o;
    o.hasOfficial = !q.official.isEmpty();
    std::vector<int> officialStation; // official district → station index (-1 unknown)
    if (o.hasOfficial) {
        for (const QString &name : q.official.names) {
            const int s = q.stations.indexOf(name);
            officialStation.push_back(s);
            if (s < 0)
                o.warnings << QStringLiteral("official district '%1' names no station id").arg(name);
        }
    }
    o.zones.resize(std::size_t(S));
    for (int s = 0; s < S; ++s) {
        o.zones[std::size_t(s)].station = q.stations.ids[s];
        o.zones[std::size_t(s)].name = q.stations.names[s];
        o.zones[std::size_t(s)].grade = q.stations.grades.value(s);
    }

    // Grid: zones, reach, agreement by area.
    std::vector<int> cellOfficial = o.hasOfficial ? q.official.locate(q.grid.centres, feedback) : std::vector<int>(ng, -1);
    std::vector<std::vector<std::uint32_t>> zoneCells(static_cast<std::size_t>(S));
    std::vector<std::uint32_t> unreached;
    QMap<QPair<int, int>, std::vector<std::uint32_t>> diffCells; // (official, computed)
    for (std::size_t c = 0; c < ng; ++c) {
        const int s = q.gridCosts.station[c];
        const double t = q.gridCosts.seconds[c];
        o.studyAreaKm2 += cellKm2;
        const bool reached = s >= 0 && t <= limit;
        if (reached)
            o.reachedAreaKm2 += cellKm2;
        else
            unreached.push_back(std::uint32_t(c));
        if (s >= 0) {
            zoneCells[std::size_t(s)].push_back(std::uint32_t(c));
            o.zones[std::size_t(s)].zoneAreaKm2 += cellKm2;
            o.zones[std::size_t(s)].reachedAreaKm2 += reached ? cellKm2 : 0.0;
        }
        const int d = cellOfficial[c];
        if (d >= 0) {
            o.officialAreaKm2 += cellKm2;
            const int os = officialStation[std::size_t(d)];
            if (os >= 0)
                o.zones[std::size_t(os)].officialAreaKm2 += cellKm2;
            if (s >= 0 && s == os) {
                o.agreementAreaKm2 += cellKm2;
                o.zones[std::size_t(s)].agreementAreaKm2 += cellKm2;
            } else {
                diffCells[{d, s}].push_back(std::uint32_t(c));
            }
        }
    }
    feedback.setProgress(40);

    // Demand: population reached and agreement by population.
    o.demandOfficial = o.hasOfficial ? q.official.locate(q.demand.points, feedback) : std::vector<int>(nd, -1);
    QMap<QPair<int, int>, double> diffPopulation;
    for (std::size_t i = 0; i < nd; ++i) {
        const double pop = q.demand.population[i];
        const int s = q.demandCosts.station[i];
        const bool reached = s >= 0 && q.demandCosts.seconds[i] <= limit;
        o.totalPopulation += pop;
        o.reachedPopulation += reached ? pop : 0.0;
        if (s >= 0) {
            o.zones[std::size_t(s)].population += pop;
            o.zones[std::size_t(s)].populationReached += reached ? pop : 0.0;
        }
        const int d = o.demandOfficial[i];
        if (d >= 0) {
            o.officialPopulation += pop;
            if (s >= 0 && s == officialStation[std::size_t(d)])
                o.agreementPopulation += pop;
            else
                diffPopulation[{d, s}] += pop;
        }
    }
    feedback.setProgress(60);

    // Geometry: zones, unreached area, differences.
    for (int s = 0; s < S; ++s) {
        FireZoneRow &z = o.zones[std::size_t(s)];
        z.zone = unionCells(q.grid.centres, zoneCells[std::size_t(s)], q.grid.cellSize);
        const QString key = gradeKey(z.grade, q.suburban);
        const QString useKey = q.standard.contains(key) ? key : QStringLiteral("fire.district_km2.default");
        if (q.standard.contains(useKey))
            z.areaCheck = q.standard.check(useKey, z.zoneAreaKm2);
        feedback.throwIfCanceled();
    }
    o.unreachedArea = unionCells(q.grid.centres, unreached, q.grid.cellSize);
    for (auto it = diffCells.begin(); it != diffCells.end(); ++it) {
        FireDifference d;
        d.official = q.official.names.value(it.key().first);
        d.computed = it.key().second >= 0 ? q.stations.ids[it.key().second] : QStringLiteral("(none)");
        d.areaKm2 = double(it.value().size()) * cellKm2;
        d.population = diffPopulation.value(it.key());
        d.geometry = unionCells(q.grid.centres, it.value(), q.grid.cellSize);
        o.differences.push_back(d);
    }
    if (q.standard.contains(QStringLiteral("fire.response_s")))
        o.responseCheck = q.standard.check(QStringLiteral("fire.response_s"), limit);
    feedback.setProgress(100);
    return o;
}

QJsonObject FireOutcome::summaryJson(const FireRequest &q) const
{
    int failing = 0;
    for (const FireZoneRow &z : zones)
        failing += z.areaCheck.pass ? 0 : 1;
    QJsonObject s{
        {QStringLiteral("total_population"), totalPopulation},
        {QStringLiteral("reached_population"), reachedPopulation},
        {QStringLiteral("reached_share"), reachedShare()},
        {QStringLiteral("unreached_population"), totalPopulation - reachedPopulation},
        {QStringLiteral("study_area_km2"), studyAreaKm2},
        {QStringLiteral("reached_area_km2"), reachedAreaKm2},
        {QStringLiteral("unreached_area_km2"), studyAreaKm2 - reachedAreaKm2},
        {QStringLiteral("stations"), q.stations.size()},
        {QStringLiteral("zones_over_area_limit"), failing},
        {QStringLiteral("response_limit_s"), q.responseLimitSeconds},
        {QStringLiteral("turnout_s"), q.turnoutSeconds},
        {QStringLiteral("grid_cell_m"), std::sqrt(q.grid.cellAreaM2)},
        {QStringLiteral("method"), q.method},
        {QStringLiteral("standard"), q.standard.id()},
        {QStringLiteral("suburban"), q.suburban},
        {QStringLiteral("response_check"), responseCheck.toJson()},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
    };
    if (hasOfficial) {
        s.insert(QStringLiteral("agreement_area_share"), agreementAreaShare());
        s.insert(QStringLiteral("agreement_population_share"), agreementPopulationShare());
        s.insert(QStringLiteral("official_area_km2"), officialAreaKm2);
        s.insert(QStringLiteral("agreement_area_km2"), agreementAreaKm2);
    }
    return s;
}

} // namespace refuge
