#pragma once
// CoverageAlgorithm: `coverage` on the analysis interface — who is within reach of a
// shelter, who gets a place, does each area meet the standard — through core's
// CoverageJob (summary.json, CSV tables, coverage.gpkg). Declares the shared network
// parameters plus demand, areas, fields, assignment, standard. Stateless; any thread.
#include "analysis/framework/Analysis.h"
#include "analysis/jobs/CoverageJob.h"

namespace refuge {

class CoverageAlgorithm final : public Analysis {
public:
    QString id() const override { return QStringLiteral("coverage"); }
    LocalText title() const override;
    LocalText summary() const override;
    LocalText help() const override;
    const std::vector<Parameter> &parameters() const override;
    AnalysisResult run(const ParameterValues &values, Feedback &feedback) const override;
    QString projectSection() const override { return QStringLiteral("coverage"); }
    ParameterValues projectValues(const Project &project) const override;
    QStringList outputFiles() const override;

    static CoverageSettings settings(const ParameterValues &values);
    static ParameterValues values(const CoverageSettings &settings);
    // validate(values(settings)): throws InvalidInput with the first issue. CoverageJob::run
    // starts with it, so settings from any front end meet the same rules.
    static void check(const CoverageSettings &settings);
    static AnalysisResult result(const CoverageJobResult &job);

protected:
    void checkRules(const ParameterValues &values, ValidationIssues &issues) const override;
};

} // namespace refuge
