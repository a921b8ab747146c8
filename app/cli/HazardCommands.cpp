// refuge-cli exposure / hazard-scenario / risk: thin shells over the hazard analyses
// (core/analysis/hazard/HazardAnalyses.h): the options are the analyses' parameters,
// every rule is the analysis's validate() (the first issue as one line, exit 2).
// When the registry drives refuge-cli, these three commands come from it instead.
#include "Cli.h"
#include "JobReports.h"
#include "analysis/hazard/HazardAnalyses.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>

namespace refuge::cli {

// Shared with the scenario commands (JobReports.h).
int runProjectAnalysis(const Analysis &analysis, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("project"), analysis.parameters().front().help.en);
    for (const Parameter &p : analysis.parameters()) {
        if (p.name == QLatin1String("project"))
            continue;
        parser.addOption(QCommandLineOption(p.name, p.helpText(u"en"), p.valueName.isEmpty() ? QStringLiteral("value") : p.valueName));
    }
    parseOrThrow(parser, args, analysis.help(u"en"));
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("out")))
        throw UsageError(QStringLiteral("%1: expected PROJECT.refuge --out DIR (see refuge-cli %1 --help)").arg(analysis.id()));
    ParameterValues values;
    values.set(QStringLiteral("project"), parser.positionalArguments().at(0));
    for (const Parameter &p : analysis.parameters())
        if (p.name != QLatin1String("project") && parser.isSet(p.name))
            values.set(p.name, p.repeatable ? QVariant(parser.values(p.name)) : QVariant(parser.value(p.name)));
    loadProject(values.text(QStringLiteral("project"))); // its warnings (a stored password) on stderr; errors as for every command
    const ValidationIssues issues = analysis.validate(values);
    if (!issues.empty())
        throw UsageError(issues.front().line(QStringLiteral("--")));
    Feedback feedback;
    const AnalysisResult r = analysis.run(values, feedback);
    for (const QString &line : r.report)
        out() << line << "\n";
    const int code = printNotes(r.warnings, r.inputProblems);
    out() << "results: " << QDir(r.outDir).absolutePath() << "\n";
    return code;
}

namespace {

const ExposureAnalysis kExposure;
const HazardScenarioAnalysis kScenario;
const RiskAnalysis kRisk;

const bool registered = registerCommand({kExposure.id(), kExposure.summary().en, [](const QStringList &a) { return runProjectAnalysis(kExposure, a); }})
    && registerCommand({kScenario.id(), kScenario.summary().en, [](const QStringList &a) { return runProjectAnalysis(kScenario, a); }})
    && registerCommand({kRisk.id(), kRisk.summary().en, [](const QStringList &a) { return runProjectAnalysis(kRisk, a); }});

} // namespace

} // namespace refuge::cli
