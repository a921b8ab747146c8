#pragma once
// SiteAlgorithm: `site` on the analysis interface — where to put new shelters or fire
// stations (LSCP, MCLP, p-median, p-center, backup coverage; capacitated with a capacity
// field) among candidate points or a grid, existing facilities kept — through core's
// SitingJob (sites.gpkg, sites.csv, curve.csv, summary.json). Declares the shared
// network parameters (without facilities, breaks and turnout) plus its own. Registered
// in AnalysisRegistry, so refuge-cli's `site` command and the desktop dialog come from
// it. Stateless; any thread.
#include "analysis/framework/Analysis.h"
#include "analysis/siting/SitingJob.h"

namespace refuge {

class SiteAlgorithm final : public Analysis {
public:
    QString id() const override { return QStringLiteral("site"); }
    LocalText title() const override;
    LocalText summary() const override;
    LocalText help() const override;
    const std::vector<Parameter> &parameters() const override;
    AnalysisResult run(const ParameterValues &values, Feedback &feedback) const override;
    ParameterValues projectValues(const Project &project) const override;
    QStringList outputFiles() const override;

    static SitingSettings settings(const ParameterValues &values);
    static AnalysisResult result(const SitingJobResult &job);

protected:
    void checkRules(const ParameterValues &values, ValidationIssues &issues) const override;
};

} // namespace refuge
