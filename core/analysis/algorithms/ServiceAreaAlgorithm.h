#pragma once
// ServiceAreaAlgorithm: `service-area` on the analysis interface — the declarations
// (shared network parameters + --dissolve, --access-meters, --output), its rules, and
// run() through core's ServiceAreaJob (service_areas.gpkg + summary.json). Stateless;
// any thread.
#include "analysis/framework/Analysis.h"
#include "analysis/jobs/ServiceAreaJob.h"

namespace refuge {

class ServiceAreaAlgorithm final : public Analysis {
public:
    QString id() const override { return QStringLiteral("service-area"); }
    LocalText title() const override;
    LocalText summary() const override;
    LocalText help() const override;
    const std::vector<Parameter> &parameters() const override;
    AnalysisResult run(const ParameterValues &values, Feedback &feedback) const override;
    QString projectSection() const override { return QStringLiteral("service_area"); }
    ParameterValues projectValues(const Project &project) const override;
    QStringList outputFiles() const override;

    static ServiceAreaSettings settings(const ParameterValues &values);
    static ParameterValues values(const ServiceAreaSettings &settings);
    // validate(values(settings)): throws InvalidInput with the first issue. ServiceAreaJob::run
    // starts with it, so settings from any front end meet the same rules.
    static void check(const ServiceAreaSettings &settings);
    static AnalysisResult result(const ServiceAreaJobResult &job, const ServiceAreaSettings &settings);

protected:
    void checkRules(const ParameterValues &values, ValidationIssues &issues) const override;
};

} // namespace refuge
