// ScenarioCompare: coverage (and risk) of two scenarios, their delta per community and shelter.
#include "analysis/scenario/ScenarioCompare.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/jobs/ProjectJobSettings.h"
#include "io/OutputGuard.h"
#include "io/VectorWriter.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>

namespace refuge {

namespace {

int riskClassOf(const std::optional<RiskJobResult> &risk, const QString &name)
{
    if (!risk)
        return 0;
    const qsizetype i = risk->communities.indexOf(name);
    return i >= 0 && std::size_t(i) < risk->risk.riskClass.size() ? risk->risk.riskClass[std::size_t(i)] : 0;
}

void addShelters(std::vector<CompareShelterRow> &rows, const CoverageJobResult &c, bool sideB)
{
    for (std::size_t f = 0; f < c.outcome.facilities.size(); ++f) {
        const CoverageFacilityRow &row = c.outcome.facilities[f];
        auto it = std::find_if(rows.begin(), rows.end(), [&](const CompareShelterRow &r) { return r.id == row.id; });
        if (it == rows.end()) {
            rows.push_back({row.id, row.name});
            it = rows.end() - 1;
        }
        (sideB ? it->inB : it->inA) = true;
        (sideB ? it->capacityB : it->capacityA) = row.capacity;
        (sideB ? it->assignedB : it->assignedA) = row.assigned;
        if (sideB || !it->inB)
            it->at = c.request.facilities.points[f];
    }
}

const QStringList &areaHeader()
{
    static const QStringList h{QStringLiteral("community"), QStringLiteral("population"), QStringLiteral("covered_a"), QStringLiteral("covered_b"),
                               QStringLiteral("covered_delta"), QStringLiteral("assigned_a"), QStringLiteral("assigned_b"), QStringLiteral("assigned_delta"),
                               QStringLiteral("unassigned_a"), QStringLiteral("unassigned_b"), QStringLiteral("unassigned_delta"),
                               QStringLiteral("risk_class_a"), QStringLiteral("risk_class_b"), QStringLiteral("risk_class_change")};
    return h;
}

QVariantList areaValues(const CompareAreaRow &r, bool risk)
{
    return {r.name, r.population, r.coveredA, r.coveredB, r.coveredDelta(), r.assignedA, r.assignedB, r.assignedDelta(), r.unassignedA,
            r.unassignedB, r.unassignedDelta(), risk ? QVariant(r.riskA) : QVariant(), risk ? QVariant(r.riskB) : QVariant(),
            risk ? QVariant(r.riskB - r.riskA) : QVariant()};
}

const QStringList &shelterHeader()
{
    static const QStringList h{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("in_a"), QStringLiteral("in_b"),
                               QStringLiteral("capacity_a"), QStringLiteral("capacity_b"), QStringLiteral("assigned_a"), QStringLiteral("assigned_b"),
                               QStringLiteral("assigned_delta"), QStringLiteral("load_a"), QStringLiteral("load_b")};
    return h;
}

QVariantList shelterValues(const CompareShelterRow &r)
{
    auto load = [](double assigned, double capacity, bool in) { return in && capacity > 0 ? QVariant(assigned / capacity) : QVariant(); };
    return {r.id, r.name, int(r.inA), int(r.inB), r.capacityA, r.capacityB, r.assignedA, r.assignedB, r.assignedDelta(),
            load(r.assignedA, r.capacityA, r.inA), load(r.assignedB, r.capacityB, r.inB)};
}

VectorLayer tableLayer(const QString &name, GeometryType type, const Crs &crs, const QStringList &header)
{
    VectorLayer l(name, type, crs);
    for (const QString &h : header)
        l.addField({h, h == QLatin1String("community") || h == QLatin1String("id") || h == QLatin1String("name") ? FieldType::String
                       : h.startsWith(QLatin1String("risk_class")) || h.startsWith(QLatin1String("in_")) ? FieldType::Integer
                                                                                                      : FieldType::Real});
    return l;
}

std::vector<QVariantList> areaTable(const CompareResult &r)
{
    std::vector<QVariantList> rows;
    for (const CompareAreaRow &a : r.areas)
        rows.push_back(areaValues(a, r.a.risk && r.b.risk));
    return rows;
}

std::vector<QVariantList> shelterTable(const CompareResult &r)
{
    std::vector<QVariantList> rows;
    for (const CompareShelterRow &s : r.shelters)
        rows.push_back(shelterValues(s));
    return rows;
}

// The files, from the rows of areaTable() and shelterTable().
void write(const CompareResult &r, const std::vector<QVariantList> &areaRows, const std::vector<QVariantList> &shelterRows, const QDir &dir)
{
    const CoverageAreas &areas = r.a.coverage.request.areas;
    VectorLayer communities = tableLayer(QStringLiteral("communities"), GeometryType::MultiPolygon, areas.crs, areaHeader());
    VectorLayer shelters = tableLayer(QStringLiteral("shelters"), GeometryType::Point, r.a.coverage.request.facilities.crs, shelterHeader());
    for (std::size_t k = 0; k < r.areas.size(); ++k) {
        const qsizetype i = areas.names.indexOf(r.areas[k].name);
        if (i >= 0)
            communities.addFeature(areas.polygons[std::size_t(i)], areaRows[k]);
    }
    for (std::size_t k = 0; k < r.shelters.size(); ++k)
        shelters.addFeature(Geometry::point(r.shelters[k].at), shelterRows[k]);
    VectorWriter::writeAll({{QString(), &communities}, {QString(), &shelters}}, dir.filePath(QStringLiteral("delta.gpkg")));
    AnalysisFiles::writeCsv(dir.filePath(QStringLiteral("delta.csv")), areaHeader(), areaRows);
    AnalysisFiles::writeCsv(dir.filePath(QStringLiteral("shelters_delta.csv")), shelterHeader(), shelterRows);
}

QJsonObject rowJson(const CompareAreaRow &r)
{
    return QJsonObject{{QStringLiteral("population"), r.population},   {QStringLiteral("covered_a"), r.coveredA},
                       {QStringLiteral("covered_b"), r.coveredB},       {QStringLiteral("covered_delta"), r.coveredDelta()},
                       {QStringLiteral("assigned_a"), r.assignedA},     {QStringLiteral("assigned_b"), r.assignedB},
                       {QStringLiteral("assigned_delta"), r.assignedDelta()}, {QStringLiteral("unassigned_a"), r.unassignedA},
                       {QStringLiteral("unassigned_b"), r.unassignedB}, {QStringLiteral("unassigned_delta"), r.unassignedDelta()}};
}

QJsonObject summaryOf(const CompareResult &r)
{
    int riskChanged = 0, coverageChanged = 0;
    for (const CompareAreaRow &a : r.areas) {
        riskChanged += a.riskA != a.riskB;
        coverageChanged += a.coveredA != a.coveredB || a.assignedA != a.assignedB;
    }
    QJsonObject s{{QStringLiteral("analysis"), QStringLiteral("compare")},
                  {QStringLiteral("a"), r.a.applied.scenario.name},
                  {QStringLiteral("b"), r.b.applied.scenario.name},
                  {QStringLiteral("overall"), rowJson(r.overall)},
                  {QStringLiteral("communities"), int(r.areas.size())},
                  {QStringLiteral("communities_with_coverage_change"), coverageChanged},
                  {QStringLiteral("shelters_a"), int(r.a.coverage.outcome.facilities.size())},
                  {QStringLiteral("shelters_b"), int(r.b.coverage.outcome.facilities.size())},
                  {QStringLiteral("unsuitable_shelters_a"), int(r.a.applied.unsuitable.size())},
                  {QStringLiteral("unsuitable_shelters_b"), int(r.b.applied.unsuitable.size())},
                  {QStringLiteral("limit"), r.a.coverage.outcome.limit},
                  {QStringLiteral("unit"), r.a.coverage.outcome.unit}};
    if (r.a.risk && r.b.risk)
        s.insert(QStringLiteral("communities_with_risk_class_change"), riskChanged);
    s.insert(QStringLiteral("layers"), QJsonArray{QStringLiteral("communities"), QStringLiteral("shelters")});
    return s;
}

} // namespace

QStringList ScenarioCompare::fileNames()
{
    return {QStringLiteral("delta.csv"), QStringLiteral("shelters_delta.csv"), QStringLiteral("delta.gpkg")};
}

ScenarioSide ScenarioCompare::runSide(const Project &project, const QString &name, const QString &dir, Feedback &feedback,
                                       std::shared_ptr<const ExposureResult> exposure, CoverageReuse *reuse)
{
    ScenarioSide side;
    QString folder = dir;
    if (folder.isEmpty() && name != Scenario::kBaseline) { // nothing asked: the project's own results folder
        if (ProjectJobSettings::resultsDirectory(project).isEmpty())
            throw InvalidInput(QStringLiteral("project: save the project before applying scenario '%1' (its layers go next to it)").arg(name));
        folder = QDir(ProjectJobSettings::resultsDirectory(project)).filePath(QStringLiteral("scenarios/") + QString(name).replace(QLatin1Char('/'), QLatin1Char('_')));
    }
    side.applied = ScenarioApply::apply(project, name, folder, feedback);
    const Project &p = side.applied.project;
    CoverageSettings s = ProjectJobSettings::coverage(p);
    if (s.areas.path.isEmpty())
        throw InvalidInput(fileMessage(project.filePath(), QStringLiteral("compare needs a communities layer with a name field (fields.name)")));
    const QString barriers = side.applied.barriersFor(s.network.profile);
    if (!barriers.isEmpty()) {
        s.network.barriers = DataSource::parse(barriers);
        s.network.barrierFactor = side.applied.roadFactor;
    }
    s.outDir.clear();
    s.demandLayer = false;
    s.serviceAreas = false; // only the coverage files draw them; compare writes none
    side.coverage = CoverageJob::run(s, feedback, reuse);
    if (project.analysis.contains(QStringLiteral("risk")))
        side.risk = RiskJob::run(p, {}, feedback, &side.coverage.outcome, std::move(exposure));
    return side;
}

void ScenarioCompare::compare(CompareResult &r)
{
    r.areas.clear();
    r.shelters.clear();
    for (const CoverageAreaRow &a : r.a.coverage.outcome.areas) {
        CompareAreaRow row{a.name, a.population, a.covered, 0, a.assigned, 0, a.unassigned(), 0};
        for (const CoverageAreaRow &b : r.b.coverage.outcome.areas)
            if (b.name == a.name) {
                row.coveredB = b.covered;
                row.assignedB = b.assigned;
                row.unassignedB = b.unassigned();
            }
        row.riskA = riskClassOf(r.a.risk, a.name);
        row.riskB = riskClassOf(r.b.risk, a.name);
        r.areas.push_back(row);
    }
    const CoverageAreaRow &oa = r.a.coverage.outcome.overall, &ob = r.b.coverage.outcome.overall;
    r.overall = {QStringLiteral("(all)"), oa.population, oa.covered, ob.covered, oa.assigned, ob.assigned, oa.unassigned(), ob.unassigned()};
    addShelters(r.shelters, r.a.coverage, false);
    addShelters(r.shelters, r.b.coverage, true);
}

CompareResult ScenarioCompare::run(const Project &project, const QString &a, const QString &b, const QString &outDir, Feedback &feedback)
{
    QElapsedTimer timer;
    timer.start();
    // Both names are checked before anything is written.
    Scenario::named(project, a);
    Scenario::named(project, b);
    CompareResult r;
    QDir dir;
    if (!outDir.isEmpty()) {
        OutputGuard guard;
        guard.addProject(project);
        dir = AnalysisFiles::prepareOutputFolder(outDir, fileNames(), guard);
    }
    CoverageReuse reuse;
    QElapsedTimer side;
    side.start();
    feedback.setProgressSpan(0, 50);
    r.a = runSide(project, a, outDir.isEmpty() ? QString() : dir.filePath(QStringLiteral("a")), feedback, nullptr, &reuse);
    const qint64 msA = side.restart();
    feedback.setProgressSpan(50, 100);
    r.b = runSide(project, b, outDir.isEmpty() ? QString() : dir.filePath(QStringLiteral("b")), feedback, r.a.risk ? r.a.risk->exposure : nullptr,
                  &reuse);
    const qint64 msB = side.elapsed();
    compare(r);
    r.summary = summaryOf(r);
    r.summary.insert(QStringLiteral("timing_ms"), QJsonObject{{QStringLiteral("a"), msA}, {QStringLiteral("b"), msB}});
    r.summary.insert(QStringLiteral("reuse_b"), reuse.lastRun());
    r.warnings = AnalysisFiles::completeSummary(r.summary, {}, feedback.warnings());
    AnalysisFiles::addInputProblems(r.summary, feedback);
    const std::vector<QVariantList> areaRows = areaTable(r), shelterRows = shelterTable(r);
    AnalysisFiles::addResultsModel(r.summary,
                                   {{QStringLiteral("areas"), AnalysisFiles::table(areaHeader(), areaRows)},
                                    {QStringLiteral("shelters"), AnalysisFiles::table(shelterHeader(), shelterRows)}},
                                   fileNames(), {{QStringLiteral("delta.gpkg"), QJsonArray{QStringLiteral("communities"), QStringLiteral("shelters")}}});
    r.inputProblems = feedback.inputProblems();
    if (!outDir.isEmpty()) {
        feedback.throwIfCanceled();
        write(r, areaRows, shelterRows, dir);
        AnalysisFiles::writeSummary(outDir, r.summary, QStringLiteral("seconds"), double(timer.nsecsElapsed()) / 1e9);
        r.outDir = outDir;
    }
    return r;
}

} // namespace refuge
