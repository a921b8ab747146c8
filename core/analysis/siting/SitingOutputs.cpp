// The files of a siting run (see SitingOutputs.h).
#include "analysis/siting/SitingOutputs.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/siting/SitingJob.h"
#include "io/VectorWriter.h"

#include <QDir>
#include <QJsonArray>
#include <cmath>

namespace refuge {

namespace {

QVariant finiteOrNull(double v)
{
    return std::isfinite(v) ? QVariant(v) : QVariant();
}

FieldType typeOf(const QString &name)
{
    if (name == QLatin1String("site_id") || name == QLatin1String("name") || name == QLatin1String("solver"))
        return FieldType::String;
    if (name == QLatin1String("rank") || name == QLatin1String("k") || name == QLatin1String("source_row"))
        return FieldType::Integer;
    if (name == QLatin1String("existing") || name == QLatin1String("chosen") || name == QLatin1String("covered")
        || name == QLatin1String("reachable") || name == QLatin1String("feasible"))
        return FieldType::Boolean;
    return FieldType::Real;
}

VectorLayer pointLayer(const QString &name, const QStringList &header, const Crs &crs)
{
    VectorLayer l(name, GeometryType::Point, crs);
    for (const QString &h : header)
        l.addField({h, typeOf(h)});
    return l;
}

} // namespace

QStringList SitingOutputs::sitesHeader()
{
    return {QStringLiteral("rank"), QStringLiteral("site_id"), QStringLiteral("name"), QStringLiteral("gain"), QStringLiteral("objective_after"),
            QStringLiteral("assigned_population"), QStringLiteral("capacity"), QStringLiteral("x"), QStringLiteral("y")};
}

std::vector<QVariantList> SitingOutputs::sitesRows(const SitingJobResult &r)
{
    std::vector<QVariantList> rows;
    int rank = 0;
    for (const SitingSite &s : r.result.sites) {
        const QPointF p = r.sites.points[std::size_t(s.candidate)];
        rows.push_back({++rank, r.sites.ids[s.candidate], r.sites.names.value(s.candidate), s.gain, finiteOrNull(s.objectiveAfter),
                        s.assignedPopulation, finiteOrNull(r.sites.capacity[std::size_t(s.candidate)]), p.x(), p.y()});
    }
    return rows;
}

QStringList SitingOutputs::curveHeader()
{
    return {QStringLiteral("k"), QStringLiteral("objective"), QStringLiteral("covered_population"), QStringLiteral("covered_share"),
            QStringLiteral("person_cost"), QStringLiteral("worst_cost"), QStringLiteral("feasible"), QStringLiteral("gap"), QStringLiteral("solver")};
}

std::vector<QVariantList> SitingOutputs::curveRows(const SitingJobResult &r)
{
    std::vector<QVariantList> rows;
    const double total = r.problem.totalPopulation();
    for (const SitingCurvePoint &c : r.result.curve)
        rows.push_back({c.k, finiteOrNull(c.objective), c.coveredPopulation, total > 0 ? c.coveredPopulation / total : 0.0, c.personCost,
                        finiteOrNull(c.worstCost), c.feasible, finiteOrNull(c.gap), c.solver});
    return rows;
}

VectorLayer SitingOutputs::sitesLayer(const SitingJobResult &r)
{
    QStringList header = sitesHeader();
    header.removeLast();
    header.removeLast(); // x, y: the geometry
    VectorLayer l = pointLayer(QStringLiteral("sites"), header, r.sites.crs.isValid() ? r.sites.crs : r.demand.crs);
    for (QVariantList row : sitesRows(r)) {
        const QPointF p(row[7].toDouble(), row[8].toDouble());
        row.removeLast();
        row.removeLast();
        l.addFeature(Geometry::point(p), row);
    }
    return l;
}

VectorLayer SitingOutputs::candidatesLayer(const SitingJobResult &r)
{
    const QStringList header{QStringLiteral("site_id"), QStringLiteral("name"), QStringLiteral("existing"), QStringLiteral("chosen"),
                             QStringLiteral("rank"), QStringLiteral("assigned_population"), QStringLiteral("capacity")};
    VectorLayer l = pointLayer(QStringLiteral("candidates"), header, r.sites.crs.isValid() ? r.sites.crs : r.demand.crs);
    std::vector<int> rank(std::size_t(r.sites.size()), 0);
    for (std::size_t t = 0; t < r.result.sites.size(); ++t)
        rank[std::size_t(r.result.sites[t].candidate)] = int(t) + 1;
    for (int j = 0; j < r.sites.size(); ++j) {
        const bool existing = j >= r.candidateCount;
        const bool open = !r.result.open.empty() && r.result.open[std::size_t(j)];
        const double load = r.result.evaluation.siteLoad.empty() ? 0.0 : r.result.evaluation.siteLoad[std::size_t(j)];
        l.addFeature(Geometry::point(r.sites.points[std::size_t(j)]),
                     {r.sites.ids[j], r.sites.names.value(j), existing, open && !existing, rank[std::size_t(j)] > 0 ? QVariant(rank[std::size_t(j)]) : QVariant(),
                      open ? QVariant(load) : QVariant(), finiteOrNull(r.sites.capacity[std::size_t(j)])});
    }
    return l;
}

VectorLayer SitingOutputs::demandLayer(const SitingJobResult &r)
{
    const QStringList header{QStringLiteral("source_row"), QStringLiteral("population"), QStringLiteral("site_id"), QStringLiteral("cost"),
                             QStringLiteral("covered"), QStringLiteral("reachable")};
    VectorLayer l = pointLayer(QStringLiteral("demand"), header, r.demand.crs);
    const SitingEvaluation &e = r.result.evaluation;
    for (std::size_t i = 0; i < r.demand.size(); ++i) {
        const int site = e.assigned.empty() ? -1 : e.assigned[i];
        const bool reachable = !r.problem.costs.within(int(i)).empty();
        l.addFeature(Geometry::point(r.demand.points[i]),
                     {r.demand.feature[i] >= 0 ? QVariant(r.demand.feature[i] + 1) : QVariant(), r.demand.population[i],
                      site >= 0 ? QVariant(r.sites.ids[site]) : QVariant(), site >= 0 ? finiteOrNull(e.assignedCost[i]) : QVariant(), site >= 0, reachable});
    }
    return l;
}

QStringList SitingOutputs::fileNames()
{
    return {QStringLiteral("sites.gpkg"), QStringLiteral("sites.csv"), QStringLiteral("curve.csv")};
}

void SitingOutputs::addResultsModel(QJsonObject &summary, const SitingJobResult &r)
{
    AnalysisFiles::addResultsModel(summary,
                                   {{QStringLiteral("sites"), AnalysisFiles::table(sitesHeader(), sitesRows(r))},
                                    {QStringLiteral("curve"), AnalysisFiles::table(curveHeader(), curveRows(r))}},
                                   fileNames(),
                                   {{QStringLiteral("sites.gpkg"), QJsonArray{QStringLiteral("sites"), QStringLiteral("candidates"), QStringLiteral("demand")}}});
}

void SitingOutputs::write(const SitingJobResult &r, const QString &dirPath)
{
    const QDir dir = AnalysisFiles::outputFolder(dirPath);
    AnalysisFiles::writeCsv(dir.filePath(QStringLiteral("sites.csv")), sitesHeader(), sitesRows(r));
    AnalysisFiles::writeCsv(dir.filePath(QStringLiteral("curve.csv")), curveHeader(), curveRows(r));
    const VectorLayer sites = sitesLayer(r), candidates = candidatesLayer(r), demand = demandLayer(r);
    VectorWriter::writeAll({{QStringLiteral("sites"), &sites}, {QStringLiteral("candidates"), &candidates}, {QStringLiteral("demand"), &demand}},
                           dir.filePath(QStringLiteral("sites.gpkg")));
}

} // namespace refuge
