// RiskJob: the community risk index of a project — indicators from the exposure
// (level-weighted share of residents in the hazard), the population density, the
// shelter coverage (share of residents not given a place in a shelter within reach)
// and optional vulnerability fields of the population layer (elderly, disabled,
// children: their share) — combined by RiskIndex and written as a styled layer.
#include "analysis/hazard/HazardJobs.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/jobs/CoverageJob.h"
#include "analysis/jobs/ProjectJobSettings.h"
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

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

RiskIndicator indicator(const char *key, const char *label, bool higherIsRiskier = true)
{
    RiskIndicator i;
    i.key = QString::fromLatin1(key);
    i.label = QString::fromUtf8(label);
    i.higherIsRiskier = higherIsRiskier;
    return i;
}

// Residents not placed in a shelter within reach, per community (NaN: no residents).
std::vector<double> unshelteredShare(const Project &project, const QStringList &names, Feedback &feedback, const CoverageOutcome *given)
{
    CoverageJobResult c;
    if (!given) {
        CoverageSettings s = ProjectJobSettings::coverage(project);
        const ProjectLayer *comm = project.layerWithRole(Role::Communities);
        s.areas = project.dataSource(*comm);
        s.areaField = comm->field(QStringLiteral("name"));
        s.outDir.clear();
        c = CoverageJob::run(s, feedback);
    }
    std::vector<double> out(std::size_t(names.size()), kNaN);
    for (const CoverageAreaRow &row : (given ? *given : c.outcome).areas) {
        const qsizetype i = names.indexOf(row.name);
        if (i >= 0 && row.population > 0)
            out[std::size_t(i)] = row.unassigned() / row.population;
    }
    return out;
}

VectorLayer riskLayer(const QStringList &names, const std::vector<Geometry> &polygons, const Crs &crs, const RiskJobResult &r)
{
    VectorLayer l(QStringLiteral("risk"), GeometryType::MultiPolygon, crs);
    l.addField({QStringLiteral("name"), FieldType::String});
    for (const RiskIndicator &ind : r.indicators)
        l.addField({ind.key, FieldType::Real}), l.addField({QStringLiteral("n_") + ind.key, FieldType::Real});
    l.addField({QStringLiteral("risk_index"), FieldType::Real});
    l.addField({QStringLiteral("risk_class"), FieldType::Integer});
    l.addField({QStringLiteral("risk_zh"), FieldType::String});
    l.addField({QStringLiteral("risk_en"), FieldType::String});
    for (qsizetype c = 0; c < names.size(); ++c) {
        const auto at = std::size_t(c);
        QVariantList v{names[c]};
        for (std::size_t k = 0; k < r.indicators.size(); ++k) {
            const double raw = r.indicators[k].values[at], n = r.risk.normalised[k][at];
            v << (std::isfinite(raw) ? QVariant(raw) : QVariant()) << (std::isfinite(n) ? QVariant(n) : QVariant());
        }
        const int cls = r.risk.riskClass[at];
        v << (std::isfinite(r.risk.index[at]) ? QVariant(r.risk.index[at]) : QVariant()) << (cls > 0 ? QVariant(cls) : QVariant())
          << RiskIndex::classLabel(cls, true) << RiskIndex::classLabel(cls, false);
        l.addFeature(polygons[at], v);
    }
    return l;
}

QJsonObject summaryOf(const RiskJobResult &r)
{
    QJsonArray indicators, communities, breaks, counts;
    for (std::size_t k = 0; k < r.indicators.size(); ++k) {
        const RiskIndicator &i = r.indicators[k];
        indicators.append(QJsonObject{{QStringLiteral("key"), i.key}, {QStringLiteral("label"), i.label},
                                      {QStringLiteral("weight"), r.settings.weights.value(i.key, i.weight)},
                                      {QStringLiteral("higher_is_riskier"), i.higherIsRiskier}});
    }
    std::vector<int> perClass(kHazardLevels + 1, 0);
    for (qsizetype c = 0; c < r.communities.size(); ++c) {
        const auto at = std::size_t(c);
        QJsonObject values;
        for (const RiskIndicator &i : r.indicators)
            values.insert(i.key, std::isfinite(i.values[at]) ? QJsonValue(i.values[at]) : QJsonValue());
        const int cls = r.risk.riskClass[at];
        perClass[std::size_t(cls)] += 1;
        communities.append(QJsonObject{{QStringLiteral("name"), r.communities[c]}, {QStringLiteral("indicators"), values},
                                       {QStringLiteral("index"), std::isfinite(r.risk.index[at]) ? QJsonValue(r.risk.index[at]) : QJsonValue()},
                                       {QStringLiteral("class"), cls}, {QStringLiteral("label_zh"), RiskIndex::classLabel(cls, true)},
                                       {QStringLiteral("label_en"), RiskIndex::classLabel(cls, false)}});
    }
    for (double b : r.risk.breaks)
        breaks.append(b);
    for (int k = 1; k <= kHazardLevels; ++k)
        counts.append(perClass[std::size_t(k)]);
    return QJsonObject{{QStringLiteral("settings"), r.settings.toJson()}, {QStringLiteral("indicators"), indicators},
                       {QStringLiteral("class_lower_bounds"), breaks}, {QStringLiteral("communities_per_class"), counts},
                       {QStringLiteral("communities"), communities}};
}

} // namespace

QStringList RiskJob::fileNames() { return {QStringLiteral("risk.gpkg"), QStringLiteral("risk.csv")}; }

RiskSettings RiskJob::settingsOf(const Project &project)
{
    const QString where = (project.filePath().isEmpty() ? QStringLiteral("project") : project.filePath()) + QStringLiteral(": analysis.risk");
    const QJsonValue v = project.analysis.value(QStringLiteral("risk"));
    if (!v.isUndefined() && !v.isObject())
        throw InvalidInput(where + QStringLiteral(": expected an object"));
    return RiskSettings::fromJson(v.toObject(), where);
}

RiskJobResult RiskJob::run(const Project &project, const QString &outDir, Feedback &feedback, const CoverageOutcome *coverage,
                           std::shared_ptr<const ExposureResult> givenExposure)
{
    QElapsedTimer timer;
    timer.start();
    RiskJobResult r;
    r.settings = settingsOf(project);
    if (!outDir.isEmpty()) {
        OutputGuard guard;
        guard.addProject(project);
        AnalysisFiles::prepareOutputFolder(outDir, fileNames(), guard);
    }
    feedback.setProgressSpan(0, 50);
    r.exposure = givenExposure ? std::move(givenExposure) : std::make_shared<const ExposureResult>(ExposureJob::run(project, {}, feedback).exposure);
    const ProjectLayer *comm = project.layerWithRole(Role::Communities);
    const VectorLayer commVector = VectorLayer::load(project.dataSource(*comm), LoadOptions{project.crs, {}, comm->encoding, true});
    const CoverageAreas areas = CoverageAreas::fromLayer(commVector, comm->field(QStringLiteral("name")));
    r.communities = areas.names;

    RiskIndicator exposure = indicator("exposure", "Residents in the hazard, weighted by level (share) / 受灾害影响人口比例（按等级加权）");
    RiskIndicator density = indicator("density", "Population density (per km²) / 人口密度（人/km²）");
    const double km2 = std::pow(areas.crs.metresPerUnit(), 2) / 1e6;
    for (int a = 0; a < areas.size(); ++a) {
        const ExposureRow &row = r.exposure->communities[std::size_t(a)];
        double weighted = 0;
        for (int k = 1; k <= kHazardLevels; ++k)
            weighted += row.byLevel[std::size_t(k) - 1] * k / double(kHazardLevels);
        exposure.values.push_back(row.population > 0 ? weighted / row.population : kNaN);
        const double area = areas.polygons[std::size_t(a)].area() * km2;
        density.values.push_back(area > 0 ? row.population / area : kNaN);
    }
    r.indicators = {exposure, density};
    feedback.setProgressSpan(50, 90);
    try {
        RiskIndicator unsheltered = indicator("unsheltered", "Residents without a shelter place within reach (share) / 无避难场所容纳的人口比例");
        unsheltered.values = unshelteredShare(project, areas.names, feedback, coverage);
        r.indicators.push_back(unsheltered);
    } catch (const InvalidInput &err) {
        feedback.warn(QStringLiteral("risk: the shelter indicator is left out: %1").arg(err.message()));
    }
    r.risk = RiskIndex::compute(r.indicators, r.settings);

    r.summary = summaryOf(r);
    r.warnings = AnalysisFiles::completeSummary(r.summary, {}, feedback.warnings());
    AnalysisFiles::addInputProblems(r.summary, feedback);
    r.inputProblems = feedback.inputProblems();
    if (!outDir.isEmpty()) {
        feedback.throwIfCanceled();
        const VectorLayer layer = riskLayer(areas.names, areas.polygons, areas.crs, r);
        VectorWriter::write(layer, QDir(outDir).filePath(QStringLiteral("risk.gpkg")), QStringLiteral("risk"));
        QStringList header;
        std::vector<QVariantList> rows;
        for (const Field &f : layer.fields())
            header << f.name;
        for (int i = 0; i < layer.featureCount(); ++i) {
            QVariantList v;
            for (int f = 0; f < int(layer.fields().size()); ++f)
                v << layer.attribute(i, f);
            rows.push_back(v);
        }
        AnalysisFiles::writeCsv(QDir(outDir).filePath(QStringLiteral("risk.csv")), header, rows);
        AnalysisFiles::writeSummary(outDir, r.summary, QStringLiteral("seconds"), double(timer.nsecsElapsed()) / 1e9);
        r.outDir = outDir;
    }
    return r;
}

} // namespace refuge
