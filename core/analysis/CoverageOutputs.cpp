#include "analysis/CoverageOutputs.h"
#include "analysis/AnalysisFiles.h"
#include "io/VectorWriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <cmath>

namespace refuge {

namespace {

QVariant finiteOrNull(double v) { return std::isfinite(v) ? QVariant(v) : QVariant(); }

} // namespace

VectorLayer CoverageOutputs::demandLayer(const CoverageRequest &request, const CoverageOutcome &o)
{
    VectorLayer l(QStringLiteral("demand"), GeometryType::Point, request.demand.crs);
    for (const char *name : {"source_row", "population", "cost", "nearest", "covered", "assigned", "assigned_to", "area"}) {
        const QString n = QString::fromLatin1(name);
        const FieldType t = n == QLatin1String("source_row") ? FieldType::Integer
            : n == QLatin1String("covered")                 ? FieldType::Boolean
            : n == QLatin1String("nearest") || n == QLatin1String("assigned_to") || n == QLatin1String("area") ? FieldType::String
                                                                                                                 : FieldType::Real;
        l.addField({n, t});
    }
    const DemandSet &d = request.demand;
    for (std::size_t i = 0; i < d.size(); ++i) {
        const int f = o.coverage.facility[i];
        const int af = o.assignment.demandFacility[i];
        const int a = o.demandArea.empty() ? -1 : o.demandArea[i];
        l.addFeature(Geometry::point(d.points[i]),
                     {d.feature[i] >= 0 ? QVariant(d.feature[i] + 1) : QVariant(), d.population[i], finiteOrNull(o.coverage.cost[i]),
                      f >= 0 ? request.facilities.ids[f] : QVariant(), bool(o.coverage.covered[i]), o.assignment.demandAssigned[i],
                      af >= 0 ? request.facilities.ids[af] : QVariant(), a >= 0 ? request.areas.names[a] : QVariant()});
    }
    return l;
}

VectorLayer CoverageOutputs::areasLayer(const CoverageRequest &request, const CoverageOutcome &o)
{
    VectorLayer l(QStringLiteral("areas"), GeometryType::MultiPolygon, request.areas.crs.isValid() ? request.areas.crs : request.demand.crs);
    const QStringList header = areasHeader();
    for (const QString &h : header)
        l.addField({h, h == QLatin1String("area") || h == QLatin1String("clause") ? FieldType::String
                           : h == QLatin1String("pass")                            ? FieldType::Boolean
                                                                                   : FieldType::Real});
    const std::vector<QVariantList> rows = areasRows(o);
    for (int a = 0; a < request.areas.size() && std::size_t(a) < rows.size(); ++a) {
        Geometry g = request.areas.polygons[std::size_t(a)];
        g.setType(GeometryType::MultiPolygon);
        l.addFeature(g, rows[std::size_t(a)]);
    }
    return l;
}

VectorLayer CoverageOutputs::facilitiesLayer(const CoverageRequest &request, const CoverageOutcome &o)
{
    VectorLayer l(QStringLiteral("facilities"), GeometryType::Point, request.facilities.crs);
    const QStringList header = facilitiesHeader();
    for (const QString &h : header)
        l.addField({h, h == QLatin1String("facility") || h == QLatin1String("name") || h == QLatin1String("capacity_basis") || h == QLatin1String("area")
                           ? FieldType::String
                       : h == QLatin1String("snapped") ? FieldType::Boolean
                                                       : FieldType::Real});
    const std::vector<QVariantList> rows = facilitiesRows(o);
    for (int f = 0; f < request.facilities.size(); ++f) {
        const QPointF p = request.facilities.points[std::size_t(f)];
        l.addFeature(std::isfinite(p.x()) ? Geometry::point(p) : Geometry(GeometryType::Point), rows[std::size_t(f)]);
    }
    return l;
}

VectorLayer CoverageOutputs::serviceAreasLayer(const CoverageRequest &request)
{
    VectorLayer l(QStringLiteral("service_areas"), GeometryType::MultiPolygon, request.facilities.crs);
    l.addField({QStringLiteral("facility_id"), FieldType::String});
    l.addField({QStringLiteral("break"), FieldType::Real});
    l.addField({QStringLiteral("unit"), FieldType::String});
    l.addField({QStringLiteral("method"), FieldType::String});
    for (std::size_t f = 0; f < request.serviceAreas.size() && f < std::size_t(request.facilities.size()); ++f) {
        if (request.serviceAreas[f].isEmpty())
            continue;
        Geometry g = request.serviceAreas[f];
        g.setType(GeometryType::MultiPolygon);
        l.addFeature(g, {request.facilities.ids[int(f)], request.costs.limit(), request.costs.unit, request.serviceAreaMethod});
    }
    return l;
}

QStringList CoverageOutputs::areasHeader()
{
    return {QStringLiteral("area"), QStringLiteral("population"), QStringLiteral("covered_population"),
            QStringLiteral("covered_share"), QStringLiteral("assigned_population"), QStringLiteral("unassigned_population"),
            QStringLiteral("unassigned_no_reach"), QStringLiteral("unassigned_full"), QStringLiteral("shelters"),
            QStringLiteral("shelter_area_m2"), QStringLiteral("shelter_area_per_resident"), QStringLiteral("pass"),
            QStringLiteral("clause")};
}

std::vector<QVariantList> CoverageOutputs::areasRows(const CoverageOutcome &o)
{
    std::vector<QVariantList> rows;
    for (const CoverageAreaRow &r : o.areas)
        rows.push_back({r.name, r.population, r.covered, r.coveredShare(), r.assigned, r.unassigned(), r.unassignedNoReach,
                        r.unassignedFull, double(r.shelters), r.shelterAreaM2,
                        r.sheltersWithoutArea > 0 ? QVariant() : QVariant(r.shelterAreaPerResident),
                        r.supplyCheck.evaluated ? QVariant(r.supplyCheck.pass) : QVariant(), r.supplyCheck.citation});
    return rows;
}

QStringList CoverageOutputs::facilitiesHeader()
{
    return {QStringLiteral("facility"), QStringLiteral("capacity"), QStringLiteral("population_in_reach"),
            QStringLiteral("assigned_population"), QStringLiteral("load_ratio"), QStringLiteral("name"), QStringLiteral("nearest_population"),
            QStringLiteral("capacity_basis"), QStringLiteral("shelter_area_m2"), QStringLiteral("snapped"), QStringLiteral("area")};
}

std::vector<QVariantList> CoverageOutputs::facilitiesRows(const CoverageOutcome &o)
{
    std::vector<QVariantList> rows;
    for (const CoverageFacilityRow &r : o.facilities)
        rows.push_back({r.id, r.capacity, r.populationInReach, r.assigned, r.loadRatio(), r.name, r.nearestPopulation,
                        r.capacityBasis, r.areaKnown ? QVariant(r.areaM2) : QVariant(), r.snapped, r.area});
    return rows;
}

QStringList CoverageOutputs::fileNames()
{
    return {QStringLiteral("areas.csv"), QStringLiteral("facilities.csv"), QStringLiteral("coverage.gpkg")};
}

QStringList CoverageOutputs::write(const CoverageRequest &request, const CoverageOutcome &o, const QString &dirPath, DemandLayer perUnit)
{
    const QDir dir = AnalysisFiles::outputFolder(dirPath);
    AnalysisFiles::writeCsv(dir.filePath(QStringLiteral("areas.csv")), areasHeader(), areasRows(o));
    AnalysisFiles::writeCsv(dir.filePath(QStringLiteral("facilities.csv")), facilitiesHeader(), facilitiesRows(o));
    const VectorLayer areas = areasLayer(request, o), facilities = facilitiesLayer(request, o), serviceAreas = serviceAreasLayer(request);
    std::vector<VectorWriter::NamedLayer> layers{{QStringLiteral("areas"), &areas},
                                                 {QStringLiteral("facilities"), &facilities},
                                                 {QStringLiteral("service_areas"), &serviceAreas}};
    std::vector<VectorWriter::FilteredView> views;
    VectorLayer demand;
    if (perUnit == DemandLayer::Write) {
        demand = demandLayer(request, o);
        layers.insert(layers.begin(), {QStringLiteral("demand"), &demand});
        // "uncovered": the demand rows not covered, as a view (copying 470k rows and their
        // spatial index doubled the write on a city of 490k blocks).
        views.push_back({QStringLiteral("uncovered"), QStringLiteral("demand"), QStringLiteral("covered = 0")});
    }
    VectorWriter::writeAll(layers, dir.filePath(QStringLiteral("coverage.gpkg")), views);
    QStringList names;
    for (const VectorWriter::NamedLayer &l : layers)
        names << l.name;
    for (const VectorWriter::FilteredView &v : views)
        names << v.name;
    return names;
}

void CoverageOutputs::addResults(QJsonObject &summary, const CoverageOutcome &o, const QStringList &layers)
{
    AnalysisFiles::addResultsModel(summary,
                                   {{QStringLiteral("areas"), AnalysisFiles::table(areasHeader(), areasRows(o))},
                                    {QStringLiteral("facilities"), AnalysisFiles::table(facilitiesHeader(), facilitiesRows(o))}},
                                   fileNames(), {{QStringLiteral("coverage.gpkg"), QJsonArray::fromStringList(layers)}});
}

} // namespace refuge
