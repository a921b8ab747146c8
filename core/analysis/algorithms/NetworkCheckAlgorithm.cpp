// NetworkCheckAlgorithm: the road network check on the analysis interface.
#include "analysis/algorithms/NetworkCheckAlgorithm.h"
#include "analysis/algorithms/NetworkParameters.h"
#include "analysis/jobs/ProjectJobSettings.h"

namespace refuge {

LocalText NetworkCheckAlgorithm::title() const { return text("Network check", "路网检查"); }

LocalText NetworkCheckAlgorithm::summary() const
{
    return text("Check a road network (components, islands, dead ends, duplicates)", "检查路网（连通分量、孤岛、断头路、重复路段）");
}

LocalText NetworkCheckAlgorithm::help() const
{
    return text("Check a road network: connected components (and facilities on small islands), dangling ends, duplicate and zero-length "
                "links, one-way dead ends, unsnapped facilities. Writes network_check.gpkg and summary.json; exit code 1 when problems "
                "are found.",
                "检查路网：连通分量（及位于小孤岛上的设施）、断头端点、重复和零长度路段、单行死路、未接入路网的设施。输出 "
                "network_check.gpkg 和 summary.json；发现问题时退出码为 1。");
}

const std::vector<Parameter> &NetworkCheckAlgorithm::parameters() const
{
    static const std::vector<Parameter> list = [] {
        std::vector<Parameter> p;
        NetworkParameters::declare(p, {std::nullopt, "walk", true});
        for (Parameter &q : p)
            if (q.name == QLatin1String("network"))
                q.required = true;
        return p;
    }();
    return list;
}

void NetworkCheckAlgorithm::checkRules(const ParameterValues &values, ValidationIssues &issues) const
{
    NetworkParameters::checkRules(values, issues);
}

NetworkCheckSettings NetworkCheckAlgorithm::settings(const ParameterValues &v)
{
    NetworkCheckSettings s;
    s.network = NetworkParameters::settings(v, "walk");
    s.outDir = v.text(QStringLiteral("out"));
    return s;
}

ParameterValues NetworkCheckAlgorithm::projectValues(const Project &project) const
{
    // The roads under the service-area settings (profile), with the shelters as facilities.
    ParameterValues v;
    NetworkParameters::addValues(ProjectJobSettings::serviceArea(project).network, v, Role::Shelters);
    v.remove(QStringLiteral("max-meters"));
    v.remove(QStringLiteral("max-minutes"));
    v.remove(QStringLiteral("breaks"));
    return v;
}

AnalysisResult NetworkCheckAlgorithm::result(const NetworkCheckJobResult &r, const NetworkCheckSettings &s)
{
    AnalysisResult out;
    out.analysisId = QStringLiteral("network-check");
    out.outDir = s.outDir;
    out.layers.push_back({QStringLiteral("network_problems"), text("Network problems", "路网问题"), r.outputPath, QStringLiteral("network_problems"),
                          QJsonObject(), r.report.problems});
    out.figures.push_back({QStringLiteral("components"), text("Connected parts", "连通分量"), double(r.report.components()), QString()});
    out.figures.push_back({QStringLiteral("problems"), text("Problems", "问题"), double(r.report.problemCount()), QString()});
    out.checks.push_back({QStringLiteral("network"), text("Network fit for routing", "路网可用于路径计算"), r.report.problemCount() == 0, QString()});
    out.warnings = r.warnings;
    out.inputProblems = r.inputProblems;
    out.problemsFound = r.report.problemCount() > 0;
    out.summary = r.summary;
    out.warningsOnStderr = true;
    out.report = r.report.lines();
    for (const QString &m : r.graphMessages)
        out.report << QStringLiteral("Note: ") + m;
    out.detail = r;
    return out;
}

AnalysisResult NetworkCheckAlgorithm::run(const ParameterValues &values, Feedback &feedback) const
{
    requireValid(values);
    const NetworkCheckSettings s = settings(values);
    return result(NetworkCheckJob::run(s, feedback), s);
}

QStringList NetworkCheckAlgorithm::outputFiles() const { return {QStringLiteral("summary.json"), QStringLiteral("network_check.gpkg")}; }

} // namespace refuge
