#pragma once
// ZonesAlgorithm: `zones` on the analysis interface — nearest-facility zones that tile
// the study area, through core's ZonesJob (zones.gpkg + summary.json). Stateless; any thread.
#include "analysis/framework/Analysis.h"
#include "analysis/jobs/ZonesJob.h"

namespace refuge {

class ZonesAlgorithm final : public Analysis {
public:
    QString id() const override { return QStringLiteral("zones"); }
    LocalText title() const override;
    LocalText summary() const override;
    LocalText help() const override;
    const std::vector<Parameter> &parameters() const override;
    AnalysisResult run(const ParameterValues &values, Feedback &feedback) const override;
    QString projectSection() const override { return QStringLiteral("zones"); }
    ParameterValues projectValues(const Project &project) const override;
    QStringList outputFiles() const override;

    static ZonesSettings settings(const ParameterValues &values);
    static ParameterValues values(const ZonesSettings &settings);
    // validate(values(settings)): throws InvalidInput with the first issue. ZonesJob::run
    // starts with it, so settings from any front end meet the same rules.
    static void check(const ZonesSettings &settings);
    static AnalysisResult result(const ZonesJobResult &job, const ZonesSettings &settings);

protected:
    void checkRules(const ParameterValues &values, ValidationIssues &issues) const override;
};

} // namespace refuge
