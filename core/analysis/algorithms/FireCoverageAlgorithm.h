#pragma once
// FireCoverageAlgorithm: `fire-coverage` on the analysis interface — reach within the
// response time (turnout + travel), first-due zones against the district area limits,
// agreement with official districts — through core's FireJob (summary.json, CSV tables,
// fire.gpkg). Stateless; any thread.
#include "analysis/framework/Analysis.h"
#include "analysis/jobs/FireJob.h"

namespace refuge {

class FireCoverageAlgorithm final : public Analysis {
public:
    QString id() const override { return QStringLiteral("fire-coverage"); }
    LocalText title() const override;
    LocalText summary() const override;
    LocalText help() const override;
    const std::vector<Parameter> &parameters() const override;
    AnalysisResult run(const ParameterValues &values, Feedback &feedback) const override;
    QString projectSection() const override { return QStringLiteral("fire"); }
    ParameterValues projectValues(const Project &project) const override;
    QStringList outputFiles() const override;

    static FireSettings settings(const ParameterValues &values);
    static ParameterValues values(const FireSettings &settings);
    // validate(values(settings)): throws InvalidInput with the first issue. FireJob::run
    // starts with it, so settings from any front end meet the same rules.
    static void check(const FireSettings &settings);
    static AnalysisResult result(const FireJobResult &job);

protected:
    void checkRules(const ParameterValues &values, ValidationIssues &issues) const override;
};

} // namespace refuge
