// refuge-cli exposure / hazard-scenario / risk: the hazard analyses on a project (see
// core/analysis/hazard/HazardJobs.h). Settings from the project's analysis.hazard and
// analysis.risk, changed by the options; results into --out.
#include "Cli.h"
#include "JobReports.h"
#include "analysis/hazard/HazardJobs.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace refuge::cli {

namespace {

const QCommandLineOption kOut(QStringLiteral("out"), QStringLiteral("Output folder."), QStringLiteral("dir"));

Project projectArgument(const QCommandLineParser &parser, const QString &command)
{
    if (parser.positionalArguments().size() != 1 || !parser.isSet(kOut))
        throw UsageError(QStringLiteral("%1: expected PROJECT.refuge --out DIR (see refuge-cli %1 --help)").arg(command));
    return loadProject(parser.positionalArguments().at(0));
}

double numberValue(const QString &option, const QString &text, double min, double max)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < min || v > max)
        throw UsageError(QStringLiteral("--%1: must be a number from %2 to %3 (got '%4')").arg(option).arg(min).arg(max).arg(text));
    return v;
}

// KEY=NUMBER pairs of a repeatable option.
QJsonObject pairs(const QCommandLineParser &parser, const QString &option, double min, double max)
{
    QJsonObject o;
    for (const QString &kv : parser.values(option)) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            throw UsageError(QStringLiteral("--%1: expected KEY=NUMBER (got '%2')").arg(option, kv));
        o.insert(kv.left(eq), numberValue(option, kv.mid(eq + 1), min, max));
    }
    return o;
}

int finish(const HazardJobResult &r, const QString &line)
{
    out() << line << "\n";
    const int code = printNotes(r.warnings, r.inputProblems);
    out() << "results: " << QDir(r.outDir).absolutePath() << "\n";
    return code;
}

int runExposure(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("The *.refuge project (roles hazard, population, communities)."));
    parser.addOption(kOut);
    parseOrThrow(parser, args, QStringLiteral("Population and area per hazard level and type per community; population, shelters, "
                                              "schools and hospitals within each hazardous site's isolation and protection distances."));
    const Project project = projectArgument(parser, QStringLiteral("exposure"));
    Feedback feedback;
    const ExposureJobResult r = ExposureJob::run(project, parser.value(kOut), feedback);
    const ExposureRow &o = r.exposure.overall;
    return finish(r, QStringLiteral("exposure: %1 of %2 people in a hazard zone (%3 %); by level 5…1: %4, %5, %6, %7, %8; %9 point sources")
                         .arg(o.exposed(), 0, 'f', 0).arg(o.population, 0, 'f', 0).arg(100 * o.exposedShare(), 0, 'f', 1)
                         .arg(o.byLevel[4], 0, 'f', 0).arg(o.byLevel[3], 0, 'f', 0).arg(o.byLevel[2], 0, 'f', 0)
                         .arg(o.byLevel[1], 0, 'f', 0).arg(o.byLevel[0], 0, 'f', 0).arg(r.exposure.sources.size()));
}

int runScenario(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("The *.refuge project (roles hazard, roads, shelters, population, communities)."));
    parser.addOptions({kOut,
                       option("layers", "Hazard layer ids, comma-separated (default: analysis.hazard.layers, else every hazard layer).", "ids"),
                       option("types", "Hazard types, comma-separated (flood, waterlogging, earthquake, typhoon, geological, hazmat, fire, other).", "types"),
                       option("shelter-min-level", "Shelters in a zone of this level (1 low … 5 high) or higher are unsuitable (default 1).", "level"),
                       option("road-min-level", "Zones without a water depth close streets from this level (default 1).", "level"),
                       option("close-depth", "Water depth that closes a profile's streets: PROFILE=METRES (repeatable; defaults drive=0.15, walk=0.3).", "kv"),
                       option("road-factor", "0 closes the streets in the hazard (default); a factor above 1 slows them instead.", "factor")});
    parseOrThrow(parser, args, QStringLiteral("Shelter coverage under a hazard scenario against the baseline, per community: unsuitable shelters, "
                                              "capacity lost, residents newly uncovered."));
    const Project project = projectArgument(parser, QStringLiteral("hazard-scenario"));
    QJsonObject rules = HazardScenarioJob::rulesOf(project).toJson();
    if (parser.isSet(QStringLiteral("layers")))
        rules.insert(QStringLiteral("layers"), QJsonArray::fromStringList(parser.value(QStringLiteral("layers")).split(QLatin1Char(','), Qt::SkipEmptyParts)));
    if (parser.isSet(QStringLiteral("types")))
        rules.insert(QStringLiteral("types"), QJsonArray::fromStringList(parser.value(QStringLiteral("types")).split(QLatin1Char(','), Qt::SkipEmptyParts)));
    for (const char *key : {"shelter-min-level", "road-min-level"})
        if (parser.isSet(QLatin1String(key)))
            rules.insert(QString::fromLatin1(key).replace(QLatin1Char('-'), QLatin1Char('_')),
                         std::floor(numberValue(QLatin1String(key), parser.value(QLatin1String(key)), 1, 5)));
    if (parser.isSet(QStringLiteral("road-factor")))
        rules.insert(QStringLiteral("road_factor"), numberValue(QStringLiteral("road-factor"), parser.value(QStringLiteral("road-factor")), 0, 1000));
    QJsonObject depths = rules.value(QStringLiteral("close_depth_m")).toObject();
    const QJsonObject given = pairs(parser, QStringLiteral("close-depth"), 0, 100);
    for (auto it = given.begin(); it != given.end(); ++it)
        depths.insert(it.key(), it.value());
    rules.insert(QStringLiteral("close_depth_m"), depths);
    ScenarioRules parsed;
    try {
        parsed = ScenarioRules::fromJson(rules, QStringLiteral("hazard-scenario"));
    } catch (const InvalidInput &e) {
        throw UsageError(e.message());
    }
    Feedback feedback;
    const ScenarioJobResult r = HazardScenarioJob::run(project, parsed, parser.value(kOut), feedback);
    const ScenarioAreaRow &o = r.comparison.overall;
    return finish(r, QStringLiteral("hazard-scenario: %1 shelters unsuitable (capacity %2); %3 street links closed; covered %4 → %5 of %6 people; "
                                    "%7 newly uncovered")
                         .arg(o.sheltersLost).arg(o.capacityLost, 0, 'f', 0).arg(r.comparison.closedLinks)
                         .arg(o.baselineCovered, 0, 'f', 0).arg(o.scenarioCovered, 0, 'f', 0).arg(o.population, 0, 'f', 0)
                         .arg(o.newlyUncovered, 0, 'f', 0));
}

int runRisk(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("The *.refuge project (roles hazard, population, communities; roads and shelters for the shelter indicator)."));
    parser.addOptions({kOut, option("aggregation", "geometric_mean (INFORM-style, default) or weighted_sum.", "method"),
                       option("normalisation", "minmax (default) or rank.", "method"),
                       option("classes", "natural_breaks (default) or fixed (0.2, 0.4, 0.6, 0.8).", "method"),
                       option("weight", "Indicator weight KEY=W (repeatable; keys exposure, density, unsheltered; 0 leaves one out).", "kv")});
    parseOrThrow(parser, args, QStringLiteral("Community risk index: indicators normalised, weighted and combined, in 5 classes 高/较高/中/较低/低."));
    const Project project = projectArgument(parser, QStringLiteral("risk"));
    QJsonObject settings = RiskJob::settingsOf(project).toJson();
    for (const char *key : {"aggregation", "normalisation", "classes"})
        if (parser.isSet(QLatin1String(key)))
            settings.insert(QLatin1String(key), parser.value(QLatin1String(key)));
    QJsonObject weights = settings.value(QStringLiteral("weights")).toObject();
    const QJsonObject given = pairs(parser, QStringLiteral("weight"), 0, 1000);
    for (auto it = given.begin(); it != given.end(); ++it)
        weights.insert(it.key(), it.value());
    settings.insert(QStringLiteral("weights"), weights);
    Project p = project;
    QJsonObject analysis = p.analysis;
    analysis.insert(QStringLiteral("risk"), settings);
    p.analysis = analysis;
    try {
        RiskJob::settingsOf(p);
    } catch (const InvalidInput &e) {
        throw UsageError(e.message());
    }
    Feedback feedback;
    const RiskJobResult r = RiskJob::run(p, parser.value(kOut), feedback);
    QStringList perClass;
    for (int k = kHazardLevels; k >= 1; --k)
        perClass << QStringLiteral("%1 %2").arg(RiskIndex::classLabel(k, false)).arg(std::count(r.risk.riskClass.begin(), r.risk.riskClass.end(), k));
    return finish(r, QStringLiteral("risk: %1 communities, %2 indicators; %3").arg(r.communities.size()).arg(r.indicators.size())
                         .arg(perClass.join(QStringLiteral(", "))));
}

const bool registered = registerCommand({QStringLiteral("exposure"), QStringLiteral("Population and area per hazard level per community"), runExposure})
    && registerCommand({QStringLiteral("hazard-scenario"), QStringLiteral("Shelter coverage under a hazard scenario vs the baseline"), runScenario})
    && registerCommand({QStringLiteral("risk"), QStringLiteral("Community risk index in 5 classes"), runRisk});

} // namespace

} // namespace refuge::cli
