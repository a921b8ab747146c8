#include "analysis/FireCoverageOutputs.h"
#include "analysis/AnalysisFiles.h"
#include "io/VectorWriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <cmath>

namespace refuge {

QStringList FireCoverageOutputs::zonesHeader()
{
    return {QStringLiteral("station"), QStringLiteral("name"), QStringLiteral("grade"), QStringLiteral("zone_area_km2"),
            QStringLiteral("limit_km2"), QStringLiteral("pass"), QStringLiteral("clause"), QStringLiteral("reached_area_km2"),
            QStringLiteral("population"), QStringLiteral("population_reached"), QStringLiteral("official_area_km2"),
            QStringLiteral("agreement_area_km2")};
}

std::vector<QVariantList> FireCoverageOutputs::zonesRows(const FireOutcome &o)
{
    std::vector<QVariantList> rows;
    for (const FireZoneRow &z : o.zones)
        rows.push_back({z.station, z.name, z.grade, z.zoneAreaKm2, z.areaCheck.limit, z.areaCheck.pass, z.areaCheck.citation,
                        z.reachedAreaKm2, z.population, z.populationReached,
                        o.hasOfficial ? QVariant(z.officialAreaKm2) : QVariant(), o.hasOfficial ? QVariant(z.agreementAreaKm2) : QVariant()});
    return rows;
}

VectorLayer FireCoverageOutputs::zonesLayer(const FireRequest &q, const FireOutcome &o)
{
    VectorLayer l(QStringLiteral("zones"), GeometryType::MultiPolygon, q.stations.crs);
    for (const QString &h : zonesHeader())
        l.addField({h, h == QLatin1String("station") || h == QLatin1String("name") || h == QLatin1String("grade") || h == QLatin1String("clause")
                           ? FieldType::String
                       : h == QLatin1String("pass") ? FieldType::Boolean
                                                    : FieldType::Real});
    const std::vector<QVariantList> rows = zonesRows(o);
    for (std::size_t i = 0; i < o.zones.size(); ++i)
        if (!o.zones[i].zone.isEmpty())
            l.addFeature(o.zones[i].zone, rows[i]);
    return l;
}

VectorLayer FireCoverageOutputs::differencesLayer(const FireRequest &q, const FireOutcome &o)
{
    VectorLayer l(QStringLiteral("differences"), GeometryType::MultiPolygon, q.stations.crs);
    l.addField({QStringLiteral("official"), FieldType::String});
    l.addField({QStringLiteral("computed"), FieldType::String});
    l.addField({QStringLiteral("area_km2"), FieldType::Real});
    l.addField({QStringLiteral("population"), FieldType::Real});
    for (const FireDifference &d : o.differences)
        if (!d.geometry.isEmpty())
            l.addFeature(d.geometry, {d.official, d.computed, d.areaKm2, d.population});
    return l;
}

VectorLayer FireCoverageOutputs::unreachedLayer(const FireRequest &q, const FireOutcome &o)
{
    VectorLayer l(QStringLiteral("unreached"), GeometryType::MultiPolygon, q.stations.crs);
    l.addField({QStringLiteral("area_km2"), FieldType::Real});
    l.addField({QStringLiteral("limit_s"), FieldType::Real});
    if (!o.unreachedArea.isEmpty())
        l.addFeature(o.unreachedArea, {o.studyAreaKm2 - o.reachedAreaKm2, q.responseLimitSeconds});
    return l;
}

VectorLayer FireCoverageOutputs::demandLayer(const FireRequest &q, const FireOutcome &o)
{
    VectorLayer l(QStringLiteral("demand"), GeometryType::Point, q.demand.crs);
    l.addField({QStringLiteral("population"), FieldType::Real});
    l.addField({QStringLiteral("response_s"), FieldType::Real});
    l.addField({QStringLiteral("first_due"), FieldType::String});
    l.addField({QStringLiteral("official"), FieldType::String});
    l.addField({QStringLiteral("reached"), FieldType::Boolean});
    for (std::size_t i = 0; i < q.demand.size(); ++i) {
        const int s = q.demandCosts.station[i];
        const double t = q.demandCosts.seconds[i];
        const int d = o.demandOfficial.empty() ? -1 : o.demandOfficial[i];
        l.addFeature(Geometry::point(q.demand.points[i]),
                     {q.demand.population[i], std::isfinite(t) ? QVariant(t) : QVariant(), s >= 0 ? QVariant(q.stations.ids[s]) : QVariant(),
                      d >= 0 ? QVariant(q.official.names[d]) : QVariant(), s >= 0 && t <= q.responseLimitSeconds});
    }
    return l;
}

QStringList FireCoverageOutputs::fileNames() { return {QStringLiteral("zones.csv"), QStringLiteral("fire.gpkg")}; }

QStringList FireCoverageOutputs::write(const FireRequest &q, const FireOutcome &o, const QString &dirPath)
{
    const QDir dir = AnalysisFiles::outputFolder(dirPath);
    AnalysisFiles::writeCsv(dir.filePath(QStringLiteral("zones.csv")), zonesHeader(), zonesRows(o));
    const QString gpkg = dir.filePath(QStringLiteral("fire.gpkg"));
    const VectorLayer zones = zonesLayer(q, o), unreached = unreachedLayer(q, o), differences = differencesLayer(q, o), demand = demandLayer(q, o);
    VectorLayer stations(QStringLiteral("stations"), GeometryType::Point, q.stations.crs);
    stations.addField({QStringLiteral("station"), FieldType::String});
    stations.addField({QStringLiteral("name"), FieldType::String});
    for (int s = 0; s < q.stations.size(); ++s)
        if (std::isfinite(q.stations.points[std::size_t(s)].x()))
            stations.addFeature(Geometry::point(q.stations.points[std::size_t(s)]), {q.stations.ids[s], q.stations.names[s]});
    const std::vector<VectorWriter::NamedLayer> layers{{QStringLiteral("zones"), &zones},
                                                       {QStringLiteral("unreached"), &unreached},
                                                       {QStringLiteral("differences"), &differences},
                                                       {QStringLiteral("demand"), &demand},
                                                       {QStringLiteral("stations"), &stations}};
    VectorWriter::writeAll(layers, gpkg);
    QStringList names;
    for (const VectorWriter::NamedLayer &l : layers)
        names << l.name;
    return names;
}

void FireCoverageOutputs::addResults(QJsonObject &summary, const FireOutcome &o, const QStringList &layers)
{
    AnalysisFiles::addResultsModel(summary, {{QStringLiteral("zones"), AnalysisFiles::table(zonesHeader(), zonesRows(o))}}, fileNames(),
                                   {{QStringLiteral("fire.gpkg"), QJsonArray::fromStringList(layers)}});
}

} // namespace refuge
