// refuge-cli report: the reviewer's report (HTML + PDF, English or Chinese) on the
// results `refuge-cli run` (or coverage / fire-coverage) wrote into a folder.
#include "Cli.h"
#include "model/Project.h"
#include "report/Report.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>

namespace refuge::cli {

int runReport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("The *.refuge project the results belong to."));
    const QCommandLineOption resultsOpt(QStringLiteral("results"), QStringLiteral("Results folder (with coverage/ and/or fire/)."), QStringLiteral("dir"));
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("Output folder for report.html (+ images) and report.pdf."), QStringLiteral("dir"));
    const QCommandLineOption langOpt(QStringLiteral("lang"), QStringLiteral("Report language: en (default) or zh."), QStringLiteral("lang"));
    const QCommandLineOption noMapsOpt(QStringLiteral("no-maps"), QStringLiteral("Leave the maps out."));
    parser.addOptions({resultsOpt, outOpt, langOpt, noMapsOpt});
    parseOrThrow(parser, args, QStringLiteral("Write the reviewer's report (HTML and PDF with the same content) on saved analysis results."));
    if (parser.positionalArguments().size() != 1 || !parser.isSet(resultsOpt) || !parser.isSet(outOpt))
        throw UsageError(QStringLiteral("report: expected PROJECT.refuge --results DIR --out DIR (see refuge-cli report --help)"));
    ReportOptions options;
    options.lang = parser.isSet(langOpt) ? parser.value(langOpt) : QStringLiteral("en");
    if (options.lang != QLatin1String("en") && options.lang != QLatin1String("zh"))
        throw UsageError(QStringLiteral("--lang must be en or zh (got '%1')").arg(options.lang));
    options.maps = !parser.isSet(noMapsOpt);
    const Project project = loadProject(parser.positionalArguments().at(0));
    // The project, its layers and the results read are inputs: no report file may replace one.
    Report::inputs(project, parser.value(resultsOpt)).checkFolder(parser.value(outOpt), Report::fileNames());
    Feedback feedback;
    const Report report = Report::fromResults(project, parser.value(resultsOpt), options, feedback);
    const QDir out(parser.value(outOpt));
    report.writeHtml(out.path());
    report.writePdf(out.filePath(QStringLiteral("report.pdf")));
    for (const QString &w : feedback.warnings())
        printError(QStringLiteral("report: %1").arg(w));
    refuge::cli::out() << "report: " << out.absoluteFilePath(QStringLiteral("report.html")) << "\n"
                       << "report: " << out.absoluteFilePath(QStringLiteral("report.pdf")) << "\n";
    return Ok;
}

static const bool registered = registerCommand({QStringLiteral("report"), QStringLiteral("Reviewer's report (HTML + PDF) on saved results"), runReport, true});

} // namespace refuge::cli
