// refuge-cli render: draw a project to PNG (or PDF/SVG) with the same renderer as the
// desktop canvas and print.
#include "Cli.h"
#include "io/OutputFile.h"
#include "io/OutputGuard.h"
#include "model/Project.h"
#include "render/MapRenderer.h"
#include "render/PdfText.h"
#include "render/ProjectLayers.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImageWriter>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <cmath>

namespace refuge::cli {

namespace {

QRectF parseExtent(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 4)
        throw UsageError(QStringLiteral("render: --extent needs xmin,ymin,xmax,ymax"));
    double v[4];
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        v[i] = parts[i].trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(v[i]))
            throw UsageError(QStringLiteral("render: --extent: '%1' is not a number").arg(parts[i]));
    }
    if (v[2] <= v[0] || v[3] <= v[1])
        throw UsageError(QStringLiteral("render: --extent: xmax/ymax must exceed xmin/ymin"));
    return QRectF(QPointF(v[0], v[1]), QPointF(v[2], v[3]));
}

// A whole number in the option's range (ParameterRanges).
int wholeNumber(const QCommandLineParser &parser, const QString &name, int fallback)
{
    const double v = numberOption(parser, name, fallback);
    if (v != std::floor(v))
        throw UsageError(QStringLiteral("--%1: must be a whole number (got '%2')").arg(name, parser.value(name)));
    return int(v);
}

} // namespace

int runRender(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file (*.refuge)."));
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("Output file: .png/.jpg, .pdf or .svg."), QStringLiteral("file"));
    const QCommandLineOption widthOpt = rangedOption("width", "px");
    const QCommandLineOption heightOpt = rangedOption("height", "px");
    const QCommandLineOption extentOpt(QStringLiteral("extent"), QStringLiteral("Extent in the project CRS: xmin,ymin,xmax,ymax (default: all layers)."), QStringLiteral("box"));
    const QCommandLineOption dpiOpt = rangedOption("dpi", "n");
    const QCommandLineOption noLabels(QStringLiteral("no-labels"), QStringLiteral("Do not draw labels."));
    const QCommandLineOption timing(QStringLiteral("timing"), QStringLiteral("Print load and render times on stderr."));
    const QCommandLineOption layersOpt(QStringLiteral("layers"), QStringLiteral("Comma-separated layer ids to draw (default: the project's visible layers)."), QStringLiteral("ids"));
    const QCommandLineOption keepGoing(QStringLiteral("keep-going"), QStringLiteral("Draw the layers that load when others cannot be loaded (each is reported; exit code 1). "
                                                                                    "Without it a layer that cannot be loaded stops the render (exit code 2, nothing written)."));
    parser.addOptions({outOpt, widthOpt, heightOpt, extentOpt, dpiOpt, noLabels, timing, layersOpt, keepGoing});
    parseOrThrow(parser, args, QStringLiteral("Render a project's map to PNG, PDF or SVG with the project's styles (role defaults where a layer has none)."));
    if (parser.positionalArguments().size() != 1)
        throw UsageError(QStringLiteral("render: expected one PROJECT (see refuge-cli render --help)"));
    if (!parser.isSet(outOpt))
        throw UsageError(QStringLiteral("render: --out is required"));
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        throw UsageError(QStringLiteral("render: needs a GUI application object for fonts"));
    const QString outPath = parser.value(outOpt);
    const QString suffix = QFileInfo(outPath).suffix().toLower();
    const bool pdf = suffix == QLatin1String("pdf"), svg = suffix == QLatin1String("svg");
    // The format first: nothing is opened for an output refuge-cli cannot write.
    if (!pdf && !svg && !QImageWriter::supportedImageFormats().contains(suffix.toLatin1()))
        throw UsageError(fileMessage(outPath, QStringLiteral("unsupported output format '.%1' (use .png, .jpg, .pdf or .svg)").arg(suffix)));
    const int width = wholeNumber(parser, QStringLiteral("width"), 1600);
    const int height = wholeNumber(parser, QStringLiteral("height"), 1000);
    const int dpi = wholeNumber(parser, QStringLiteral("dpi"), 96);

    QElapsedTimer timer;
    timer.start();
    const QString projectPath = parser.positionalArguments().at(0);
    Project project = loadProject(projectPath);
    OutputGuard guard; // the project file and every layer's source are inputs
    guard.addProject(project);
    guard.checkFile(outPath);
    if (parser.isSet(layersOpt)) {
        const QStringList ids = parser.value(layersOpt).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &id : ids)
            if (!project.layerById(id.trimmed()))
                throw UsageError(QStringLiteral("render: no layer '%1' in the project").arg(id));
        std::vector<ProjectLayer> kept;
        for (ProjectLayer l : project.layers) {
            if (ids.contains(l.id)) {
                l.visible = true;
                kept.push_back(l);
            }
        }
        project.layers = kept;
    }
    Feedback feedback;
    std::vector<MapLayer> layers = ProjectLayers::load(project, &feedback);
    const qint64 loadMs = timer.restart();
    // "refuge-cli: <project>: layer Streets: not loaded: <why>", one line per problem.
    qsizetype reported = 0;
    auto reportWarnings = [&] {
        const QStringList all = feedback.warnings();
        for (; reported < all.size(); ++reported)
            printError(fileMessage(projectPath, QStringLiteral("layer ") + all[reported]));
    };
    reportWarnings();
    const bool layerFailed = layers.size() < project.layers.size();
    if (layerFailed && !parser.isSet(keepGoing))
        return BadInput;
    MapSettings settings = ProjectLayers::mapSettings(project, std::move(layers), QSize(width, height), dpi);
    if (parser.isSet(extentOpt))
        settings.extent = parseExtent(parser.value(extentOpt));
    settings.drawLabels = !parser.isSet(noLabels);
    if (settings.extent.isEmpty())
        throw InvalidInput(fileMessage(projectPath, QStringLiteral("nothing to draw (no visible layer with an extent)")));

    OutputFile output(outPath); // written under a temporary name, renamed when complete
    if (pdf) {
        QPdfWriter writer(output.tempPath());
        writer.setResolution(dpi);
        writer.setPageSize(QPageSize(QSizeF(width * 25.4 / dpi, height * 25.4 / dpi), QPageSize::Millimeter));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(project.title);
        writer.setCreator(QStringLiteral("Refuge %1").arg(QStringLiteral(REFUGE_VERSION)));
        QPainter painter;
        if (!painter.begin(&writer))
            throw IoError(fileMessage(outPath, QStringLiteral("cannot be written")));
        MapRenderer::render(settings, painter, &feedback);
        painter.end();
        PdfText::repairToUnicode(output.tempPath());
    } else if (svg) {
        QSvgGenerator generator;
        generator.setFileName(output.tempPath());
        generator.setSize(QSize(width, height));
        generator.setViewBox(QRect(0, 0, width, height));
        generator.setResolution(dpi);
        generator.setTitle(project.title);
        QPainter painter;
        if (!painter.begin(&generator))
            throw IoError(fileMessage(outPath, QStringLiteral("cannot be written")));
        MapRenderer::render(settings, painter, &feedback);
        painter.end();
    } else {
        const QImage image = MapRenderer::renderImage(settings, &feedback);
        QImageWriter writer(output.tempPath());
        if (!writer.write(image))
            throw IoError(fileMessage(outPath, writer.errorString()));
    }
    feedback.throwIfCanceled();
    output.commit();
    const qint64 renderMs = timer.elapsed();
    reportWarnings();
    if (parser.isSet(timing))
        err() << QStringLiteral("load %1 s render %2 s layers %3").arg(loadMs / 1000.0, 0, 'f', 3).arg(renderMs / 1000.0, 0, 'f', 3).arg(settings.layers.size())
              << Qt::endl;
    out() << outPath << Qt::endl;
    return layerFailed ? ProblemsFound : Ok;
}

static const bool registered = registerCommand({QStringLiteral("render"),
                                                QStringLiteral("Render a project's map to PNG, PDF or SVG"), runRender, true});

} // namespace refuge::cli
