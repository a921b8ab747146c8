#pragma once
// HazardAnalyses: exposure, hazard-scenario and risk on the one analysis interface
// (Analysis): their parameters (the project — the hazard analyses read every hazard
// layer with its "hazard" settings and the layers of each role —, the output folder,
// the scenario rules and risk settings that override analysis.hazard / analysis.risk),
// their rules in checkRules(), and run() over HazardJobs. Stateless; any thread.
#include "analysis/framework/Analysis.h"
#include "analysis/hazard/HazardJobs.h"

namespace refuge {

class HazardAnalysisBase : public Analysis {
public:
    ParameterValues projectValues(const Project &project) const override;

protected:
    // The project named by the values, or an issue on "project".
    static std::optional<Project> projectOf(const ParameterValues &values, ValidationIssues *issues);
    static void fillResult(AnalysisResult &r, const HazardJobResult &job);
};

class ExposureAnalysis : public HazardAnalysisBase {
public:
    QString id() const override { return QStringLiteral("exposure"); }
    LocalText title() const override;
    LocalText summary() const override;
    LocalText help() const override;
    const std::vector<Parameter> &parameters() const override;
    QString projectSection() const override { return QStringLiteral("exposure"); }
    AnalysisResult run(const ParameterValues &values, Feedback &feedback) const override;

protected:
    void checkRules(const ParameterValues &values, ValidationIssues &issues) const override;
};

class HazardScenarioAnalysis : public HazardAnalysisBase {
public:
    QString id() const override { return QStringLiteral("hazard-scenario"); }
    LocalText title() const override;
    LocalText summary() const override;
    LocalText help() const override;
    const std::vector<Parameter> &parameters() const override;
    QString projectSection() const override { return QStringLiteral("hazard"); }
    AnalysisResult run(const ParameterValues &values, Feedback &feedback) const override;
    // analysis.hazard of the project with the values' overrides. Throws InvalidInput
    // "--<option>: ..." for a bad override.
    static ScenarioRules rules(const Project &project, const ParameterValues &values);

protected:
    void checkRules(const ParameterValues &values, ValidationIssues &issues) const override;
};

class RiskAnalysis : public HazardAnalysisBase {
public:
    QString id() const override { return QStringLiteral("risk"); }
    LocalText title() const override;
    LocalText summary() const override;
    LocalText help() const override;
    const std::vector<Parameter> &parameters() const override;
    QString projectSection() const override { return QStringLiteral("risk"); }
    AnalysisResult run(const ParameterValues &values, Feedback &feedback) const override;
    // The project with analysis.risk overridden by the values (throws InvalidInput).
    static Project withSettings(const Project &project, const ParameterValues &values);

protected:
    void checkRules(const ParameterValues &values, ValidationIssues &issues) const override;
};

} // namespace refuge
