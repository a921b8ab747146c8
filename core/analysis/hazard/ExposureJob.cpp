// ExposureJob: population and area per hazard level and type per community, and the
// hazardous-chemical sites' isolation/protection distances, from a project's roles.
#include "analysis/hazard/HazardJobs.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/FacilityTable.h"
#include "io/OutputGuard.h"
#include "io/VectorWriter.h"
#include "model/VectorLayer.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <cmath>

namespace refuge {

namespace {

QString projectName(const Project &p) { return p.filePath().isEmpty() ? QStringLiteral("project") : p.filePath(); }

const ProjectLayer &requireRole(const Project &project, Role role, const QString &key)
{
    const ProjectLayer *l = project.layerWithRole(role);
    if (!l)
        throw InvalidInput(fileMessage(projectName(project), QStringLiteral("no layer with the role %1").arg(roleName(role))));
    if (!key.isEmpty() && l->field(key).isEmpty())
        throw InvalidInput(fileMessage(projectName(project), QStringLiteral("layer %1: map its '%2' field (fields.%2)").arg(l->id, key)));
    return *l;
}

VectorLayer loadRole(const Project &project, const ProjectLayer &l, const Crs &crs, Feedback &feedback, const QString &what)
{
    LoadOptions o;
    o.targetCrs = crs;
    o.assumedCrs = l.crs.isEmpty() ? Crs() : Crs::fromUserInput(l.crs);
    o.encoding = l.encoding;
    VectorLayer v = VectorLayer::load(project.dataSource(l), o);
    v.report().reportTo(feedback, project.dataSource(l).displayName(), what);
    return v;
}

// Shelters, hospitals and schools (an "other" layer named so) counted around point
// sources, each by its name (else its id).
std::vector<ExposurePoints> pointSets(const Project &project, const Crs &crs, Feedback &feedback)
{
    std::vector<ExposurePoints> out;
    for (const ProjectLayer &l : project.layers) {
        const QString lower = (l.id + QLatin1Char(' ') + l.name).toLower();
        const bool school = (l.role == Role::Other || l.role == Role::Basemap)
            && (lower.contains(QLatin1String("school")) || lower.contains(QStringLiteral("学校")));
        if (l.role != Role::Shelters && l.role != Role::Medical && !school)
            continue;
        const VectorLayer v = loadRole(project, l, crs, feedback, QStringLiteral("features"));
        FacilityFields f;
        f.id = l.field(QStringLiteral("id"));
        f.name = l.field(QStringLiteral("name"));
        const FacilityTable t = FacilityTable::fromLayer(v, f);
        // Named as people know them: the name where the layer maps one, else the id.
        QStringList labels;
        for (qsizetype i = 0; i < t.ids.size(); ++i)
            labels << (i < t.names.size() && !t.names[i].trimmed().isEmpty() ? t.names[i].trimmed() : t.ids[i]);
        out.push_back({l.role == Role::Shelters ? QStringLiteral("shelters") : school ? QStringLiteral("schools") : QStringLiteral("medical"),
                       t.points, labels});
    }
    return out;
}

VectorLayer communitiesLayer(const CoverageAreas &areas, const ExposureResult &r)
{
    VectorLayer l(QStringLiteral("communities"), GeometryType::MultiPolygon, areas.crs);
    l.addField({QStringLiteral("name"), FieldType::String});
    QStringList numeric{QStringLiteral("population"), QStringLiteral("exposed"), QStringLiteral("exposed_share"), QStringLiteral("unexposed")};
    for (int k = 1; k <= kHazardLevels; ++k)
        numeric << QStringLiteral("pop_level%1").arg(k) << QStringLiteral("area_share_level%1").arg(k);
    for (HazardType t : r.types)
        numeric << QStringLiteral("pop_") + hazardTypeName(t);
    for (const QString &n : numeric)
        l.addField({n, FieldType::Real});
    for (int a = 0; a < areas.size(); ++a) {
        const ExposureRow &row = r.communities[std::size_t(a)];
        QVariantList v{row.name, row.population, row.exposed(), row.exposedShare(), row.unexposed};
        for (int k = 1; k <= kHazardLevels; ++k)
            v << row.byLevel[std::size_t(k) - 1] << row.areaShare(k);
        for (double t : row.byType)
            v << t;
        l.addFeature(areas.polygons[std::size_t(a)], v);
    }
    return l;
}

VectorLayer levelsLayer(const HazardZones &zones, const Crs &crs)
{
    VectorLayer l(QStringLiteral("levels"), GeometryType::MultiPolygon, crs);
    for (const char *n : {"level", "label_zh", "label_en", "area_m2"})
        l.addField({QString::fromLatin1(n), QLatin1String(n) == QLatin1String("level") ? FieldType::Integer
                                             : QLatin1String(n) == QLatin1String("area_m2") ? FieldType::Real : FieldType::String});
    const auto areas = zones.levelAreas();
    for (int k = kHazardLevels; k >= 1; --k)
        if (!areas[std::size_t(k) - 1].isEmpty())
            l.addFeature(areas[std::size_t(k) - 1], {k, hazardLevelLabel(k, true), hazardLevelLabel(k, false),
                                                     areas[std::size_t(k) - 1].area() * std::pow(crs.metresPerUnit(), 2)});
    return l;
}

std::vector<QVariantList> sourceRows(const ExposureResult &r, VectorLayer &layer)
{
    for (const char *n : {"layer", "id", "name", "community", "isolation_m", "protection_m", "pop_isolation", "pop_protection"})
        layer.addField({QString::fromLatin1(n), QString::fromLatin1(n).startsWith(QLatin1String("pop")) || QString::fromLatin1(n).endsWith(QLatin1String("_m"))
                                                     ? FieldType::Real : FieldType::String});
    for (const QString &k : r.pointKinds)
        layer.addField({k + QStringLiteral("_isolation"), FieldType::String}), layer.addField({k + QStringLiteral("_protection"), FieldType::String});
    std::vector<QVariantList> rows;
    for (const SourceExposure &e : r.sources) {
        QVariantList v{e.source.layer, e.source.id, e.source.name, e.community, e.source.isolationMeters, e.source.protectionMeters, e.populationIsolation,
                       e.populationProtection};
        for (std::size_t k = 0; k < e.isolationIds.size(); ++k)
            v << e.isolationIds[k].join(QStringLiteral(";")) << e.protectionIds[k].join(QStringLiteral(";"));
        layer.addFeature(Geometry::point(e.source.point), v);
        rows.push_back(v);
    }
    return rows;
}

void write(const ExposureJobResult &r, const CoverageAreas &areas, const HazardZones &zones, const QString &dir)
{
    const VectorLayer communities = communitiesLayer(areas, r.exposure), levels = levelsLayer(zones, areas.crs);
    VectorLayer sources(QStringLiteral("sources"), GeometryType::Point, areas.crs);
    const std::vector<QVariantList> sourceTable = sourceRows(r.exposure, sources);
    VectorWriter::writeAll({{QStringLiteral("communities"), &communities}, {QStringLiteral("levels"), &levels}, {QStringLiteral("sources"), &sources}},
                           QDir(dir).filePath(QStringLiteral("exposure.gpkg")));
    QStringList header;
    for (const Field &f : communities.fields())
        header << f.name;
    std::vector<QVariantList> rows;
    for (const ExposureRow &row : r.exposure.communities) {
        QVariantList v{row.name, row.population, row.exposed(), row.exposedShare(), row.unexposed};
        for (int k = 1; k <= kHazardLevels; ++k)
            v << row.byLevel[std::size_t(k) - 1] << row.areaShare(k);
        for (double t : row.byType)
            v << t;
        rows.push_back(v);
    }
    AnalysisFiles::writeCsv(QDir(dir).filePath(QStringLiteral("exposure_communities.csv")), header, rows);
    header.clear();
    for (const Field &f : sources.fields())
        header << f.name;
    AnalysisFiles::writeCsv(QDir(dir).filePath(QStringLiteral("exposure_sources.csv")), header, sourceTable);
}

} // namespace

QStringList ExposureJob::fileNames()
{
    return {QStringLiteral("exposure.gpkg"), QStringLiteral("exposure_communities.csv"), QStringLiteral("exposure_sources.csv")};
}

ExposureJobResult ExposureJob::run(const Project &project, const QString &outDir, Feedback &feedback)
{
    QElapsedTimer timer;
    timer.start();
    const ProjectLayer &popLayer = requireRole(project, Role::Population, QStringLiteral("population"));
    const ProjectLayer &commLayer = requireRole(project, Role::Communities, QStringLiteral("name"));
    HazardInputs::check(project, {});
    if (!outDir.isEmpty()) {
        OutputGuard guard;
        guard.addProject(project);
        AnalysisFiles::prepareOutputFolder(outDir, fileNames(), guard);
    }
    ExposureJobResult r;
    feedback.setProgressSpan(0, 30);
    Crs crs = project.crs;
    VectorLayer population = loadRole(project, popLayer, crs, feedback, QStringLiteral("population features"));
    if (crs.isGeographic()) {
        crs = metricCrsFor(crs, population.extent());
        population = population.reprojected(crs);
    }
    const ExposurePopulation pop = ExposurePopulation::fromLayer(population, popLayer.field(QStringLiteral("population")));
    if (!pop.leftOut.isEmpty())
        feedback.inputProblem(pop.leftOut);
    const VectorLayer commVector = loadRole(project, commLayer, crs, feedback, QStringLiteral("communities"));
    const CoverageAreas areas = CoverageAreas::fromLayer(commVector, commLayer.field(QStringLiteral("name")));
    const HazardInputs hazards = HazardInputs::load(project, crs, {}, feedback);
    const std::vector<ExposurePoints> points = hazards.zones.sources().empty() ? std::vector<ExposurePoints>() : pointSets(project, crs, feedback);
    feedback.setProgressSpan(30, 95);
    r.exposure = Exposure::run(pop, areas, hazards.zones, points, feedback);
    r.summary = r.exposure.summaryJson();
    r.summary.insert(QStringLiteral("hazard_layers"), QJsonArray::fromStringList(hazards.layerIds));
    r.warnings = AnalysisFiles::completeSummary(r.summary, {}, feedback.warnings());
    AnalysisFiles::addInputProblems(r.summary, feedback);
    r.inputProblems = feedback.inputProblems();
    if (!outDir.isEmpty()) {
        feedback.throwIfCanceled();
        feedback.setProgressSpan(95, 100);
        write(r, areas, hazards.zones, outDir);
        AnalysisFiles::writeSummary(outDir, r.summary, QStringLiteral("seconds"), double(timer.nsecsElapsed()) / 1e9);
        r.outDir = outDir;
    }
    return r;
}

} // namespace refuge
