// refuge-cli <analysis>: the commands generated from the analysis registry (service-area,
// zones, network-check, coverage, fire-coverage, and every analysis registered later).
// Options are the declared parameters (--NAME VALUE; flags without value; repeatable
// ones may be given more than once); an optional PROJECT.refuge supplies the values the
// project configures (roles, field mappings, analysis settings), options override them.
#include "AnalysisCommand.h"
#include "Cli.h"
#include "JobReports.h"
#include "analysis/framework/AnalysisRegistry.h"
#include "analysis/framework/ResultsStore.h"
#include "model/Project.h"
#include "render/ResultStyleFiles.h"
#include "util/Error.h"
#include "util/Feedback.h"

namespace refuge::cli {

namespace {

QCommandLineOption optionOf(const Parameter &p, const QString &lang)
{
    if (p.type == ParameterType::Flag)
        return QCommandLineOption(p.name, p.helpText(lang));
    return QCommandLineOption(p.name, p.helpText(lang), p.valueName.isEmpty() ? QStringLiteral("value") : p.valueName);
}

// The values given on the command line, over those of the project (when one is given;
// an option replaces the project's value of the parameters it stands in for).
ParameterValues valuesOf(const Analysis &analysis, const QCommandLineParser &parser)
{
    ParameterValues supplied, values;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        throw UsageError(QStringLiteral("%1: expected at most one PROJECT.refuge (see refuge-cli %1 --help)").arg(analysis.id()));
    if (positional.size() == 1) {
        supplied = analysis.projectValues(loadProject(positional.front()));
        supplied.remove(QStringLiteral("out"));
    }
    for (const Parameter &p : analysis.parameters()) {
        if (!parser.isSet(p.name))
            continue;
        if (p.type == ParameterType::Flag)
            values.set(p.name, true);
        else if (p.repeatable)
            values.set(p.name, parser.values(p.name));
        else
            values.set(p.name, parser.value(p.name));
    }
    return analysis.overlay(supplied, values);
}

int runAnalysis(const Analysis &analysis, const QStringList &args)
{
    const QString lang = languageOf(args);
    QCommandLineParser parser;
    for (const Parameter &p : analysis.parameters())
        parser.addOption(optionOf(p, lang));
    parser.addOption(QCommandLineOption(QStringLiteral("lang"), QStringLiteral("Language of --help: en (default) or zh."), QStringLiteral("lang")));
    parser.addOption(overwriteOption(lang));
    parser.addPositionalArgument(QStringLiteral("project"), lang == QLatin1String("zh") ? QStringLiteral("（可选）提供默认值的 *.refuge 工程。")
                                                                                        : QStringLiteral("Optional *.refuge project supplying the defaults."),
                                 QStringLiteral("[PROJECT.refuge]"));
    parseOrThrow(parser, args, analysis.help(lang));
    const ParameterValues values = valuesOf(analysis, parser);
    const ValidationIssues issues = analysis.validate(values);
    if (!issues.empty())
        return printIssues(issues);
    Feedback feedback;
    return printResult(runAnalysisStyled(analysis, values, feedback, parser.isSet(QStringLiteral("overwrite")), lang));
}

const bool registered = [] {
    for (const Analysis *a : AnalysisRegistry::all())
        registerCommand({a->id(), a->summary().en, [a](const QStringList &args) { return runAnalysis(*a, args); }});
    return true;
}();

} // namespace

QCommandLineOption overwriteOption(const QString &lang)
{
    return QCommandLineOption(QStringLiteral("overwrite"),
                              lang == QLatin1String("zh")
                                  ? QStringLiteral("--out 为 PG: 连接串时，替换先前运行留下的本分析结果表（否则拒绝写入）。")
                                  : QStringLiteral("With --out PG:..., replace this analysis's tables left by an earlier run (without it they are refused)."));
}

QString languageOf(const QStringList &args)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--lang") && i + 1 < args.size())
            return normalizedLanguage(args[i + 1]);
        if (args[i].startsWith(QLatin1String("--lang=")))
            return normalizedLanguage(args[i].mid(7));
    }
    return QStringLiteral("en");
}

AnalysisResult runAnalysisStyled(const Analysis &analysis, const ParameterValues &values, Feedback &feedback, bool overwrite,
                                 const QString &lang)
{
    AnalysisResult result = ResultsStore::run(analysis, values, feedback, overwrite);
    result.warnings << ResultStyleFiles::write(result, lang);
    return result;
}

int printIssues(const ValidationIssues &issues)
{
    for (const ValidationIssue &issue : issues)
        printError(issue.line(QStringLiteral("--")));
    return BadInput;
}

int printResult(const AnalysisResult &r)
{
    for (const QString &line : r.report)
        out() << line << "\n";
    const int leftOut = printNotes(r.warnings, r.inputProblems, r.warningsOnStderr);
    for (const QString &line : r.reportEnd)
        out() << line << "\n";
    out().flush();
    if (r.problemsFound.has_value())
        return *r.problemsFound ? ProblemsFound : Ok;
    return leftOut;
}

} // namespace refuge::cli
