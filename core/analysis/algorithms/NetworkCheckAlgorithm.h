#pragma once
// NetworkCheckAlgorithm: `network-check` on the analysis interface — components,
// islands, dangling ends, duplicates, zero-length links, one-way dead ends, unsnapped
// facilities, through core's NetworkCheckJob (network_check.gpkg + summary.json). Its
// finding (problems in the network) is the result's problemsFound. Stateless; any thread.
#include "analysis/framework/Analysis.h"
#include "analysis/jobs/NetworkCheckJob.h"

namespace refuge {

class NetworkCheckAlgorithm final : public Analysis {
public:
    QString id() const override { return QStringLiteral("network-check"); }
    LocalText title() const override;
    LocalText summary() const override;
    LocalText help() const override;
    const std::vector<Parameter> &parameters() const override;
    AnalysisResult run(const ParameterValues &values, Feedback &feedback) const override;
    QString projectSection() const override { return QStringLiteral("network_check"); }
    ParameterValues projectValues(const Project &project) const override;
    QStringList outputFiles() const override;

    static NetworkCheckSettings settings(const ParameterValues &values);
    static AnalysisResult result(const NetworkCheckJobResult &job, const NetworkCheckSettings &settings);

protected:
    void checkRules(const ParameterValues &values, ValidationIssues &issues) const override;
};

} // namespace refuge
