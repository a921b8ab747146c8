#pragma once
// CompareAnalysis: `compare` on the one analysis interface — two named scenarios of a
// project (--a, --b; "baseline" = the project as it is) through ScenarioCompare: their
// parameters with en/zh texts, the rules in checkRules() (each name a scenario of the
// project, its layers and hazard rules valid), and the typed result. Not run by
// `refuge-cli run` (no project section). Stateless; any thread.
#include "analysis/hazard/HazardAnalyses.h"
#include "analysis/scenario/ScenarioCompare.h"

namespace refuge {

class CompareAnalysis : public HazardAnalysisBase {
public:
    QString id() const override { return QStringLiteral("compare"); }
    LocalText title() const override;
    LocalText summary() const override;
    LocalText help() const override;
    const std::vector<Parameter> &parameters() const override;
    ParameterValues projectValues(const Project &project) const override;
    QStringList outputFiles() const override;
    AnalysisResult run(const ParameterValues &values, Feedback &feedback) const override;
    // The same on a project in memory (the desktop's, with its unsaved scenario edits;
    // its file path still resolves the layers): `out` must be an empty folder.
    AnalysisResult runOn(const Project &project, const QString &a, const QString &b, const QString &out, Feedback &feedback) const;

protected:
    void checkRules(const ParameterValues &values, ValidationIssues &issues) const override;
};

} // namespace refuge
