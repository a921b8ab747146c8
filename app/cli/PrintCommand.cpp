// refuge-cli print: one page of a print layout (title, map, legend, scale bar, north
// arrow, date, credits) to PDF (paper size from the layout) or PNG.
#include "Cli.h"
#include "PrintOptions.h"
#include "model/Project.h"
#include "print/PrintLayout.h"
#include "print/PrintRenderer.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QFileInfo>
#include <QGuiApplication>

namespace refuge::cli {

int runPrint(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file (*.refuge)."));
    const QCommandLineOption layoutOpt({QStringLiteral("layout"), QStringLiteral("template")},
                                       QStringLiteral("Layout saved in the project (\"layouts\"), layout file (*.json), template name or standard-a4|a3|a2[-landscape]."),
                                       QStringLiteral("name"));
    const QCommandLineOption langOpt(QStringLiteral("lang"), QStringLiteral("Template language: en (default) or zh_CN."), QStringLiteral("en|zh_CN"));
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("Output file: .pdf, .svg, .png or .tif."), QStringLiteral("file"));
    const QCommandLineOption dpiOpt(QStringLiteral("dpi"), QStringLiteral("PNG resolution (default 150)."), QStringLiteral("n"));
    const QCommandLineOption titleOpt(QStringLiteral("title"), QStringLiteral("Title (default: the project's)."), QStringLiteral("text"));
    parser.addOptions({layoutOpt, langOpt, outOpt, dpiOpt, titleOpt});
    parseOrThrow(parser, args, QStringLiteral("Print a project's map on a page layout (PDF sized from the paper, or PNG)."));
    if (parser.positionalArguments().size() != 1)
        throw UsageError(QStringLiteral("print: expected one PROJECT (see refuge-cli print --help)"));
    if (!parser.isSet(outOpt) || !parser.isSet(layoutOpt))
        throw UsageError(QStringLiteral("print: --layout and --out are required"));
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        throw UsageError(QStringLiteral("print: needs a GUI application object for fonts"));
    const QString outPath = parser.value(outOpt);
    const QString suffix = QFileInfo(outPath).suffix().toLower();
    if (!PrintRenderer::pageSuffixes().contains(suffix))
        throw UsageError(QStringLiteral("print: --out must end in .pdf, .svg, .png or .tif"));
    bool ok = true;
    const int dpi = parser.isSet(dpiOpt) ? parser.value(dpiOpt).toInt(&ok) : 150;
    if (!ok || dpi < 30 || dpi > 1200)
        throw UsageError(QStringLiteral("print: --dpi must be an integer between 30 and 1200"));
    const QString projectPath = parser.positionalArguments().at(0);
    if (QFileInfo(outPath).absoluteFilePath() == QFileInfo(projectPath).absoluteFilePath())
        throw UsageError(QStringLiteral("print: --out would overwrite the project"));
    const Project project = Project::load(projectPath);
    const PrintLayout layout = layoutFor(QStringLiteral("print"), parser.value(layoutOpt), parser.value(langOpt), &project);
    Feedback feedback;
    PrintContext context = projectContext(QStringLiteral("print"), project, &feedback);
    if (parser.isSet(titleOpt))
        context.title = parser.value(titleOpt);
    context.lang = parser.value(langOpt);
    PrintRenderer::writePage(layout, context, dpi, outPath, &feedback);
    for (const QString &w : feedback.warnings())
        err() << "warning: " << w << Qt::endl;
    out() << outPath << Qt::endl;
    return Ok;
}

static const bool registered = registerCommand({QStringLiteral("print"),
                                                QStringLiteral("Print a project's map on a page layout (PDF/PNG)"), runPrint, true});

} // namespace refuge::cli
