// CompareAnalysis: the declarations, rules and result of `compare` (two scenarios side by side).
#include "analysis/scenario/CompareAnalysis.h"
#include "analysis/scenario/ScenarioEdits.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>

namespace refuge {

namespace {

Parameter textParameter(const char *name, const char *valueName, LocalText label, LocalText help, const char *group, bool required)
{
    Parameter p = param::textValue(name, valueName, label, help);
    p.required = required;
    p.group = QString::fromLatin1(group);
    return p;
}

QString fileIn(const QString &dir, const char *name) { return dir.isEmpty() ? QString() : QDir(dir).filePath(QString::fromLatin1(name)); }

} // namespace

LocalText CompareAnalysis::title() const { return text("Compare scenarios", "情景对比"); }
LocalText CompareAnalysis::summary() const { return text("Shelter coverage of two scenarios and their difference per community", "两个情景的避难场所覆盖及各社区差值"); }
LocalText CompareAnalysis::help() const
{
    return text("Applies two named scenarios of the project (\"baseline\" is the project as it is; each scenario's edited shelters and fire "
                "stations and hazard closures go to its own GeoPackage in OUT/a and OUT/b), runs shelter coverage on each (and the risk index "
                "where the project configures analysis.risk) and writes the difference b - a per community (covered, assigned and unassigned "
                "residents, risk class) and the loads per shelter: delta.csv, shelters_delta.csv, delta.gpkg (communities, shelters) and summary.json.",
                "应用项目中的两个命名情景（\"baseline\" 为项目现状；各情景编辑后的避难场所、消防站及灾害封闭区写入 OUT/a、OUT/b 中各自的 GeoPackage），"
                "分别计算避难场所覆盖（项目配置 analysis.risk 时也计算风险指数），输出各社区 b - a 差值（覆盖、分配、未分配人口及风险等级）"
                "与各避难场所负荷：delta.csv、shelters_delta.csv、delta.gpkg 与 summary.json。");
}

const std::vector<Parameter> &CompareAnalysis::parameters() const
{
    static const std::vector<Parameter> list{
        textParameter("project", "path", text("Project", "项目"), text("The *.refuge project with its \"scenarios\".", "含 \"scenarios\" 的 *.refuge 项目。"),
                      "inputs", true),
        textParameter("out", "dir", text("Output folder", "输出文件夹"), text("Folder for the results.", "结果文件夹。"), "output", true),
        textParameter("a", "name", text("Scenario A (reference)", "基准情景"),
                      text("The first scenario's name (\"baseline\": the project as it is).", "作为基准的情景名称（\"baseline\"：项目现状）。"), "scenario", true),
        textParameter("b", "name", text("Scenario B", "对比情景"), text("The second scenario's name; the delta is B - A.", "与基准对比的情景名称；差值为对比情景减基准情景。"),
                      "scenario", true)};
    return list;
}

// "baseline" against the project's first scenario (none: B stays empty, "is required").
ParameterValues CompareAnalysis::projectValues(const Project &project) const
{
    ParameterValues v = HazardAnalysisBase::projectValues(project);
    v.set(QStringLiteral("a"), Scenario::kBaseline);
    try {
        const std::vector<Scenario> list = Scenario::listOf(project);
        if (!list.empty())
            v.set(QStringLiteral("b"), list.front().name);
    } catch (const InvalidInput &) {
        // a malformed list: validate() names it under A and B
    }
    return v;
}

QStringList CompareAnalysis::outputFiles() const { return QStringList{QStringLiteral("summary.json")} + ScenarioCompare::fileNames(); }

void CompareAnalysis::checkRules(const ParameterValues &values, ValidationIssues &issues) const
{
    const auto project = projectOf(values, &issues);
    if (!project)
        return;
    for (const QString &side : {QStringLiteral("a"), QStringLiteral("b")}) {
        try {
            const Scenario s = Scenario::named(*project, values.text(side));
            if (s.hazard)
                HazardInputs::check(*project, ScenarioApply::rulesOf(*project, s).layers);
            for (const FacilityEdits &e : s.edits)
                ScenarioEdits::layerOf(*project, e);
        } catch (const InvalidInput &e) {
            issues.push_back({side, e.message(), true});
        }
    }
}

AnalysisResult CompareAnalysis::run(const ParameterValues &values, Feedback &feedback) const
{
    requireValid(values, {QStringLiteral("out")});
    return runOn(*projectOf(values, nullptr), values.text(QStringLiteral("a")), values.text(QStringLiteral("b")), values.text(QStringLiteral("out")),
                 feedback);
}

AnalysisResult CompareAnalysis::runOn(const Project &project, const QString &a, const QString &b, const QString &out, Feedback &feedback) const
{
    const CompareResult job = ScenarioCompare::run(project, a, b, out, feedback);
    AnalysisResult r;
    r.analysisId = id();
    r.outDir = job.outDir;
    r.summary = job.summary;
    r.warnings = job.warnings;
    r.inputProblems = job.inputProblems;
    const QString gpkg = fileIn(job.outDir, "delta.gpkg");
    OutputLayer communities, shelters;
    communities.id = QStringLiteral("communities");
    communities.title = text("Scenario delta per community", "各社区情景差值");
    shelters.id = QStringLiteral("shelters");
    shelters.title = text("Shelter loads a/b", "避难场所负荷（基准/对比）");
    communities.style = QStringLiteral("covered_delta");
    communities.file = shelters.file = gpkg;
    r.layers = {communities, shelters};
    r.tables = {{QStringLiteral("communities"), communities.title, fileIn(job.outDir, "delta.csv")},
                {QStringLiteral("shelters"), shelters.title, fileIn(job.outDir, "shelters_delta.csv")}};
    const CompareAreaRow &o = job.overall;
    r.figures = {{QStringLiteral("covered_delta"), text("Residents covered, b - a", "覆盖人口变化（对比减基准）"), o.coveredDelta(), QStringLiteral("persons")},
                 {QStringLiteral("assigned_delta"), text("Residents assigned, b - a", "分配人口变化（对比减基准）"), o.assignedDelta(), QStringLiteral("persons")}};
    r.report << QStringLiteral("compare %1 → %2: covered %3 → %4 (%5), assigned %6 → %7 (%8), unassigned %9 → %10 of %11 people")
                    .arg(job.a.applied.scenario.name, job.b.applied.scenario.name)
                    .arg(o.coveredA, 0, 'f', 0).arg(o.coveredB, 0, 'f', 0).arg(o.coveredDelta(), 0, 'f', 0)
                    .arg(o.assignedA, 0, 'f', 0).arg(o.assignedB, 0, 'f', 0).arg(o.assignedDelta(), 0, 'f', 0)
                    .arg(o.unassignedA, 0, 'f', 0).arg(o.unassignedB, 0, 'f', 0).arg(o.population, 0, 'f', 0);
    r.detail = job;
    return r;
}

} // namespace refuge
