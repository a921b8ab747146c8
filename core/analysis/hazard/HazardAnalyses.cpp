// HazardAnalyses: the hazard analyses' declarations, rules and results on the Analysis interface.
#include "analysis/hazard/HazardAnalyses.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace refuge {

namespace {

Parameter projectParameter()
{
    Parameter p = param::textValue("project", "path", text("Project", "项目"),
                                   text("The *.refuge project: its hazard layers (with their hazard settings) and the layers of each role.",
                                        "*.refuge 项目：其灾害图层（含灾害设置）及各角色图层。"));
    p.required = true;
    p.group = QStringLiteral("inputs");
    return p;
}

Parameter outParameter()
{
    Parameter p = param::textValue("out", "dir", text("Output folder", "输出文件夹"), text("Folder for the results.", "结果文件夹。"));
    p.required = true;
    p.group = QStringLiteral("output");
    return p;
}

Parameter levelChoice(const char *name, LocalText label, LocalText help)
{
    Parameter p = param::choice(name, {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5")},
                                nullptr, label, help);
    p.defaultValue = QVariant();
    p.defaultNote = text("the project's hazard settings (analysis.hazard), else 1", "项目灾害设置中的取值，否则为 1");
    p.group = QStringLiteral("scenario");
    return p;
}

Parameter repeatableText(const char *name, LocalText label, LocalText help)
{
    Parameter p = param::textValue(name, "kv", label, help);
    p.repeatable = true;
    p.advanced = true;
    return p;
}

// KEY=NUMBER values of a repeatable parameter, each from min to max.
QJsonObject pairs(const ParameterValues &values, const QString &name, double min, double max)
{
    QJsonObject o;
    for (const QString &kv : values.texts(name)) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        bool ok = false;
        const double v = eq > 0 ? kv.mid(eq + 1).toDouble(&ok) : 0.0;
        if (eq <= 0 || !ok || !std::isfinite(v) || v < min || v > max)
            throw InvalidInput(QStringLiteral("--%1: expected KEY=NUMBER with a number from %2 to %3 (got '%4')").arg(name).arg(min).arg(max).arg(kv));
        o.insert(kv.left(eq), v);
    }
    return o;
}

QStringList commaList(const ParameterValues &values, const QString &name)
{
    return values.text(name).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

OutputLayer outputLayer(const char *id, LocalText title, const QString &file, const char *style)
{
    OutputLayer l;
    l.id = QString::fromLatin1(id);
    l.title = title;
    l.file = file;
    l.style = QString::fromLatin1(style);
    return l;
}

QString fileIn(const QString &dir, const char *name) { return dir.isEmpty() ? QString() : QDir(dir).filePath(QString::fromLatin1(name)); }

} // namespace

ParameterValues HazardAnalysisBase::projectValues(const Project &project) const
{
    ParameterValues v;
    v.set(QStringLiteral("project"), project.filePath());
    return v;
}

std::optional<Project> HazardAnalysisBase::projectOf(const ParameterValues &values, ValidationIssues *issues)
{
    try {
        return Project::load(values.text(QStringLiteral("project")));
    } catch (const Error &e) {
        if (!issues)
            throw;
        issues->push_back({QStringLiteral("project"), e.message(), true});
        return std::nullopt;
    }
}

void HazardAnalysisBase::fillResult(AnalysisResult &r, const HazardJobResult &job)
{
    r.outDir = job.outDir;
    r.summary = job.summary;
    r.warnings = job.warnings;
    r.inputProblems = job.inputProblems;
}

// exposure

LocalText ExposureAnalysis::title() const { return text("Hazard exposure", "灾害暴露"); }
LocalText ExposureAnalysis::summary() const { return text("Population and area per hazard level per community", "各社区按灾害等级的人口与面积"); }
LocalText ExposureAnalysis::help() const
{
    return text("Population per community by hazard level (1 low … 5 high) and type, share of each community's area by level, and the "
                "population, shelters, schools and hospitals within each hazardous site's isolation and protection distances. Writes "
                "exposure.gpkg (communities, levels, sources), exposure_communities.csv, exposure_sources.csv and summary.json.",
                "各社区按灾害等级（1 低 … 5 高）和类型的人口、各等级面积占比，以及各危险源隔离和防护距离内的人口、避难场所、学校和医院。"
                "输出 exposure.gpkg、exposure_communities.csv、exposure_sources.csv 与 summary.json。");
}

const std::vector<Parameter> &ExposureAnalysis::parameters() const
{
    static const std::vector<Parameter> list{projectParameter(), outParameter()};
    return list;
}

void ExposureAnalysis::checkRules(const ParameterValues &values, ValidationIssues &issues) const
{
    if (const auto project = projectOf(values, &issues)) {
        try {
            HazardInputs::check(*project, {});
        } catch (const InvalidInput &e) {
            issues.push_back({QStringLiteral("project"), e.message(), true});
        }
    }
}

AnalysisResult ExposureAnalysis::run(const ParameterValues &values, Feedback &feedback) const
{
    requireValid(values);
    const Project project = *projectOf(values, nullptr);
    const QString out = values.text(QStringLiteral("out"));
    const ExposureJobResult job = ExposureJob::run(project, out, feedback);
    AnalysisResult r;
    r.analysisId = id();
    fillResult(r, job);
    const QString gpkg = fileIn(job.outDir, "exposure.gpkg");
    r.layers = {outputLayer("communities", text("Exposure per community", "社区暴露"), gpkg, "exposure"),
                outputLayer("levels", text("Hazard levels", "灾害等级"), gpkg, "hazard_levels"),
                outputLayer("sources", text("Hazardous sites", "危险源"), gpkg, "hazard_sources")};
    r.tables = {{QStringLiteral("communities"), text("Exposure per community", "社区暴露"), fileIn(job.outDir, "exposure_communities.csv")},
                {QStringLiteral("sources"), text("Hazardous sites", "危险源"), fileIn(job.outDir, "exposure_sources.csv")}};
    const ExposureRow &o = job.exposure.overall;
    r.figures = {{QStringLiteral("exposed_population"), text("Residents in a hazard zone", "灾害区内人口"), o.exposed(), QStringLiteral("persons")},
                 {QStringLiteral("exposed_share"), text("Share of residents in a hazard zone", "灾害区内人口比例"), 100 * o.exposedShare(), QStringLiteral("%")}};
    r.report << QStringLiteral("exposure: %1 of %2 people in a hazard zone (%3 %); by level 5…1: %4, %5, %6, %7, %8; %9 point sources")
                    .arg(o.exposed(), 0, 'f', 0).arg(o.population, 0, 'f', 0).arg(100 * o.exposedShare(), 0, 'f', 1)
                    .arg(o.byLevel[4], 0, 'f', 0).arg(o.byLevel[3], 0, 'f', 0).arg(o.byLevel[2], 0, 'f', 0)
                    .arg(o.byLevel[1], 0, 'f', 0).arg(o.byLevel[0], 0, 'f', 0).arg(job.exposure.sources.size());
    r.detail = job;
    return r;
}

// hazard-scenario

LocalText HazardScenarioAnalysis::title() const { return text("Hazard scenario", "灾害情景"); }
LocalText HazardScenarioAnalysis::summary() const { return text("Shelter coverage under a hazard scenario vs the baseline", "灾害情景下与基准的避难场所覆盖对比"); }
LocalText HazardScenarioAnalysis::help() const
{
    return text("Shelters in a hazard zone at or above a level are unsuitable and left out; streets crossing the hazard are closed for the "
                "profile (by water depth against its threshold, else by level) or slowed; shelter coverage reruns and is compared with the "
                "baseline per community: shelters lost, capacity lost, residents newly uncovered. Writes scenario.gpkg (areas, "
                "unsuitable_shelters, closures), scenario_areas.csv, unsuitable_shelters.csv and summary.json.",
                "位于达到某等级的灾害区内的避难场所视为不适用并排除；穿越灾害区的道路按出行方式关闭（按水深阈值，否则按等级）或减速；"
                "重新计算避难场所覆盖，并按社区与基准对比：失去的场所、容量及新增未覆盖人口。");
}

const std::vector<Parameter> &HazardScenarioAnalysis::parameters() const
{
    static const std::vector<Parameter> list = [] {
        std::vector<Parameter> l{projectParameter(), outParameter()};
        Parameter layers = param::textValue("layers", "ids", text("Hazard layers", "灾害图层"),
                                            text("Hazard layer ids, comma-separated (default: analysis.hazard.layers, else every hazard layer).",
                                                 "灾害图层 id，逗号分隔（默认：analysis.hazard.layers，否则全部灾害图层）。"));
        Parameter types = param::textValue("types", "types", text("Hazard types", "灾害类型"),
                                           text("Hazard types, comma-separated (flood, waterlogging, earthquake, typhoon, geological, hazmat, fire, other).",
                                                "灾害类型，逗号分隔。"));
        layers.group = types.group = QStringLiteral("scenario");
        l.push_back(layers);
        l.push_back(types);
        l.push_back(levelChoice("shelter-min-level", text("Shelters unsuitable from level", "避难场所不适用的最低等级"),
                                text("Shelters in a zone of this level (1 low … 5 high) or higher are unsuitable.", "位于该等级（1 低 … 5 高）及以上灾害区内的避难场所不适用。")));
        l.push_back(levelChoice("road-min-level", text("Streets closed from level", "道路关闭的最低等级"),
                                text("Zones without a water depth close streets from this level.", "无水深数据的灾害区从该等级起关闭道路。")));
        l.push_back(repeatableText("close-depth", text("Closing depth per profile", "各出行方式的关闭水深"),
                                   text("Water depth that closes a profile's streets: PROFILE=METRES (defaults drive=0.15, walk=0.3).",
                                        "关闭道路的水深：出行方式=米（默认 drive=0.15，walk=0.3）。")));
        Parameter factor = param::textValue("road-factor", "factor", text("Street cost factor", "道路通行系数"),
                                            text("0 closes the streets in the hazard (default); a factor above 1 slows them instead.",
                                                 "0 表示关闭灾害区内道路（默认）；大于 1 表示减速。"));
        factor.advanced = true;
        l.push_back(factor);
        return l;
    }();
    return list;
}

ScenarioRules HazardScenarioAnalysis::rules(const Project &project, const ParameterValues &values)
{
    QJsonObject rules = HazardScenarioJob::rulesOf(project).toJson();
    if (values.has(QStringLiteral("layers")))
        rules.insert(QStringLiteral("layers"), QJsonArray::fromStringList(commaList(values, QStringLiteral("layers"))));
    if (values.has(QStringLiteral("types")))
        rules.insert(QStringLiteral("types"), QJsonArray::fromStringList(commaList(values, QStringLiteral("types"))));
    for (const char *key : {"shelter-min-level", "road-min-level"})
        if (values.has(QLatin1String(key)))
            rules.insert(QString::fromLatin1(key).replace(QLatin1Char('-'), QLatin1Char('_')), values.text(QLatin1String(key)).toInt());
    if (values.has(QStringLiteral("road-factor"))) {
        bool ok = false;
        const double f = values.text(QStringLiteral("road-factor")).toDouble(&ok);
        if (!ok || !std::isfinite(f) || !(f == 0 || f > 1))
            throw InvalidInput(QStringLiteral("--road-factor: must be 0 (closed) or a number above 1 (slowed) (got '%1')").arg(values.text(QStringLiteral("road-factor"))));
        rules.insert(QStringLiteral("road_factor"), f);
    }
    QJsonObject depths = rules.value(QStringLiteral("close_depth_m")).toObject();
    const QJsonObject given = pairs(values, QStringLiteral("close-depth"), 0, 100);
    for (auto it = given.begin(); it != given.end(); ++it)
        depths.insert(it.key(), it.value());
    rules.insert(QStringLiteral("close_depth_m"), depths);
    try {
        return ScenarioRules::fromJson(rules, QStringLiteral("hazard-scenario"));
    } catch (const InvalidInput &e) {
        throw InvalidInput(QString(e.message()).replace(QStringLiteral("hazard-scenario.types"), QStringLiteral("--types")));
    }
}

void HazardScenarioAnalysis::checkRules(const ParameterValues &values, ValidationIssues &issues) const
{
    const auto project = projectOf(values, &issues);
    if (!project)
        return;
    ScenarioRules r;
    try {
        r = rules(*project, values);
    } catch (const InvalidInput &e) {
        const QString param = e.message().startsWith(QLatin1String("--road-factor")) ? QStringLiteral("road-factor")
            : e.message().startsWith(QLatin1String("--close-depth"))                 ? QStringLiteral("close-depth")
            : e.message().startsWith(QLatin1String("--types"))                       ? QStringLiteral("types")
                                                                                      : QStringLiteral("project");
        issues.push_back({param, e.message().mid(e.message().indexOf(QLatin1String(": ")) + 2)});
        return;
    }
    try {
        HazardInputs::check(*project, r.layers);
    } catch (const InvalidInput &e) {
        issues.push_back({values.has(QStringLiteral("layers")) ? QStringLiteral("layers") : QStringLiteral("project"), e.message(), true});
    }
}

AnalysisResult HazardScenarioAnalysis::run(const ParameterValues &values, Feedback &feedback) const
{
    requireValid(values);
    const Project project = *projectOf(values, nullptr);
    const ScenarioJobResult job = HazardScenarioJob::run(project, rules(project, values), values.text(QStringLiteral("out")), feedback);
    AnalysisResult r;
    r.analysisId = id();
    fillResult(r, job);
    const QString gpkg = fileIn(job.outDir, "scenario.gpkg");
    r.layers = {outputLayer("areas", text("Scenario vs baseline per community", "各社区情景与基准对比"), gpkg, "scenario_areas"),
                outputLayer("unsuitable_shelters", text("Unsuitable shelters", "不适用的避难场所"), gpkg, "unsuitable_shelters"),
                outputLayer("closures", text("Closed by the hazard", "灾害关闭区"), gpkg, "hazard_closures")};
    r.tables = {{QStringLiteral("areas"), text("Scenario vs baseline per community", "各社区情景与基准对比"), fileIn(job.outDir, "scenario_areas.csv")},
                {QStringLiteral("unsuitable_shelters"), text("Unsuitable shelters", "不适用的避难场所"), fileIn(job.outDir, "unsuitable_shelters.csv")}};
    const ScenarioAreaRow &o = job.comparison.overall;
    r.figures = {{QStringLiteral("shelters_lost"), text("Shelters lost", "失去的避难场所"), double(o.sheltersLost), QString()},
                 {QStringLiteral("capacity_lost"), text("Capacity lost", "失去的容量"), o.capacityLost, QStringLiteral("persons")},
                 {QStringLiteral("newly_uncovered"), text("Residents newly uncovered", "新增未覆盖人口"), o.newlyUncovered, QStringLiteral("persons")},
                 {QStringLiteral("closed_links"), text("Street links closed", "关闭的路段"), double(job.comparison.closedLinks), QString()}};
    r.report << QStringLiteral("hazard-scenario: %1 shelters unsuitable (capacity %2); %3 street links closed; covered %4 → %5 of %6 people; "
                               "%7 newly uncovered")
                    .arg(o.sheltersLost).arg(o.capacityLost, 0, 'f', 0).arg(job.comparison.closedLinks)
                    .arg(o.baselineCovered, 0, 'f', 0).arg(o.scenarioCovered, 0, 'f', 0).arg(o.population, 0, 'f', 0)
                    .arg(o.newlyUncovered, 0, 'f', 0);
    r.detail = job;
    return r;
}

// risk

LocalText RiskAnalysis::title() const { return text("Community risk index", "社区风险指数"); }
LocalText RiskAnalysis::summary() const { return text("Community risk index in 5 classes", "社区风险指数（5 级）"); }
LocalText RiskAnalysis::help() const
{
    return text("Indicators per community (residents in the hazard weighted by level, population density, residents without a shelter "
                "place within reach), normalised (min-max or rank), weighted and combined (INFORM-style geometric mean, or weighted sum), "
                "in 5 classes High, Higher, Medium, Lower, Low (natural breaks or fixed). Writes risk.gpkg, risk.csv and summary.json (styled by risk class when opened in Refuge).",
                "各社区指标（按等级加权的受灾人口比例、人口密度、无避难容纳人口比例）经归一化（极差或排序）、加权并组合（INFORM 几何平均或加权和），"
                "分为高/较高/中/较低/低 5 级（自然断点或固定阈值）。");
}

const std::vector<Parameter> &RiskAnalysis::parameters() const
{
    static const std::vector<Parameter> list = [] {
        std::vector<Parameter> l{projectParameter(), outParameter()};
        l.push_back(param::choice("aggregation", {QStringLiteral("geometric_mean"), QStringLiteral("weighted_sum")}, nullptr,
                                  text("Aggregation", "组合方式"), text("INFORM-style weighted geometric mean, or weighted sum.", "INFORM 加权几何平均或加权和。")));
        l.push_back(param::choice("normalisation", {QStringLiteral("minmax"), QStringLiteral("rank")}, nullptr, text("Normalisation", "归一化"),
                                  text("Min-max or rank over the communities.", "各社区间的极差或排序归一化。")));
        l.push_back(param::choice("classes", {QStringLiteral("natural_breaks"), QStringLiteral("fixed")}, nullptr, text("Classes", "分级"),
                                  text("Natural breaks, or fixed thresholds 0.2, 0.4, 0.6, 0.8.", "自然断点，或固定阈值 0.2、0.4、0.6、0.8。")));
        l.push_back(repeatableText("weight", text("Indicator weight", "指标权重"),
                                   text("KEY=W (keys exposure, density, unsheltered; 0 leaves one out).", "指标=权重（exposure、density、unsheltered；0 表示不用）。")));
        for (std::size_t i = 2; i < 5; ++i)
            l[i].defaultValue = QVariant(), l[i].defaultNote = text("the project's risk settings (analysis.risk), else the first", "项目风险指数设置中的取值，否则为第一项");
        l[2].choiceLabels = {text("Geometric mean (INFORM)", "几何平均（INFORM）"), text("Weighted sum", "加权和")};
        l[3].choiceLabels = {text("Min-max", "极差归一化"), text("Rank", "排序归一化")};
        l[4].choiceLabels = {text("Natural breaks", "自然断点"), text("Fixed thresholds", "固定阈值")};
        return l;
    }();
    return list;
}

Project RiskAnalysis::withSettings(const Project &project, const ParameterValues &values)
{
    QJsonObject settings = RiskJob::settingsOf(project).toJson();
    for (const char *key : {"aggregation", "normalisation", "classes"})
        if (values.has(QLatin1String(key)))
            settings.insert(QLatin1String(key), values.text(QLatin1String(key)));
    QJsonObject weights = settings.value(QStringLiteral("weights")).toObject();
    const QJsonObject given = pairs(values, QStringLiteral("weight"), 0, 1000);
    for (auto it = given.begin(); it != given.end(); ++it)
        weights.insert(it.key(), it.value());
    settings.insert(QStringLiteral("weights"), weights);
    Project p = project;
    QJsonObject analysis = p.analysis;
    analysis.insert(QStringLiteral("risk"), settings);
    p.analysis = analysis;
    RiskJob::settingsOf(p); // throws for a bad setting
    return p;
}

void RiskAnalysis::checkRules(const ParameterValues &values, ValidationIssues &issues) const
{
    const auto project = projectOf(values, &issues);
    if (!project)
        return;
    try {
        withSettings(*project, values);
    } catch (const InvalidInput &e) {
        const bool weight = e.message().startsWith(QLatin1String("--weight"));
        issues.push_back({weight ? QStringLiteral("weight") : QStringLiteral("project"), weight ? e.message().mid(10) : e.message(), !weight});
        return;
    }
    try {
        HazardInputs::check(*project, {});
    } catch (const InvalidInput &e) {
        issues.push_back({QStringLiteral("project"), e.message(), true});
    }
}

AnalysisResult RiskAnalysis::run(const ParameterValues &values, Feedback &feedback) const
{
    requireValid(values);
    const Project project = withSettings(*projectOf(values, nullptr), values);
    const RiskJobResult job = RiskJob::run(project, values.text(QStringLiteral("out")), feedback);
    AnalysisResult r;
    r.analysisId = id();
    fillResult(r, job);
    OutputLayer layer = outputLayer("risk", text("Community risk", "社区风险"), fileIn(job.outDir, "risk.gpkg"), "risk_classes");
    layer.styleOptions = QJsonObject{{QStringLiteral("field"), QStringLiteral("risk_class")}, {QStringLiteral("label"), QStringLiteral("name")}};
    r.layers = {layer};
    r.tables = {{QStringLiteral("risk"), text("Community risk", "社区风险"), fileIn(job.outDir, "risk.csv")}};
    QStringList perClass;
    for (int k = kHazardLevels; k >= 1; --k) {
        const auto n = std::count(job.risk.riskClass.begin(), job.risk.riskClass.end(), k);
        perClass << QStringLiteral("%1 %2").arg(RiskIndex::classLabel(k, false)).arg(n);
        r.figures.push_back({QStringLiteral("class_%1").arg(k), text("Communities in the class", "该等级社区数"), double(n), QString()});
    }
    r.report << QStringLiteral("risk: %1 communities, %2 indicators; %3").arg(job.communities.size()).arg(job.indicators.size())
                    .arg(perClass.join(QStringLiteral(", ")));
    r.detail = job;
    return r;
}

} // namespace refuge
