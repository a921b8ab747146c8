// refuge-cli render: draw a project to PNG (or PDF/SVG) with the same renderer as the
// desktop canvas and print.
#include "Cli.h"
#include "io/OutputFile.h"
#include "io/OutputGuard.h"
#include "model/Project.h"
#include "render/MapRenderer.h"
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

int positiveInt(const QCommandLineParser &parser, const QCommandLineOption &opt, int fallback, int max)
{
    if (!parser.isSet(opt))
        return fallback;
    bool ok = false;
    const int v = parser.value(opt).toInt(&ok);
    if (!ok || v <= 0 || v > max)
        throw UsageError(QStringLiteral("render: --%1 must be an integer between 1 and %2").arg(opt.names().constFirst()).arg(max));
    return v;
}

} // namespace

int runRender(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file (*.refuge)."));
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("Output file: .png/.jpg, .pdf or .svg."), QStringLiteral("file"));
    const QCommandLineOption widthOpt(QStringLiteral("width"), QStringLiteral("Width in pixels (default 1600)."), QStringLiteral("px"));
    const QCommandLineOption heightOpt(QStringLiteral("height"), QStringLiteral("Height in pixels (default 1000)."), QStringLiteral("px"));
    const QCommandLineOption extentOpt(QStringLiteral("extent"), QStringLiteral("Extent in the project CRS: xmin,ymin,xmax,ymax (default: all layers)."), QStringLiteral("box"));
    const QCommandLineOption dpiOpt(QStringLiteral("dpi"), QStringLiteral("Output resolution for symbol and label sizes (default 96)."), QStringLiteral("n"));
    const QCommandLineOption noLabels(QStringLiteral("no-labels"), QStringLiteral("Do not draw labels."));
    const QCommandLineOption timing(QStringLiteral("timing"), QStringLiteral("Print load and render times on stderr."));
    const QCommandLineOption layersOpt(QStringLiteral("layers"), QStringLiteral("Comma-separated layer ids to draw (default: the project's visible layers)."), QStringLiteral("ids"));
    parser.addOptions({outOpt, widthOpt, heightOpt, extentOpt, dpiOpt, noLabels, timing, layersOpt});
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
    const int width = positiveInt(parser, widthOpt, 1600, 20000);
    const int height = positiveInt(parser, heightOpt, 1000, 20000);
    const int dpi = positiveInt(parser, dpiOpt, 96, 2400);

    QElapsedTimer timer;
    timer.start();
    Project project = Project::load(parser.positionalArguments().at(0));
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
    MapSettings settings = ProjectLayers::mapSettings(project, std::move(layers), QSize(width, height), dpi);
    if (parser.isSet(extentOpt))
        settings.extent = parseExtent(parser.value(extentOpt));
    settings.drawLabels = !parser.isSet(noLabels);
    if (settings.extent.isEmpty())
        throw InvalidInput(QStringLiteral("render: nothing to draw (no visible layer with an extent)"));

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
    for (const QString &w : feedback.warnings())
        err() << "warning: " << w << Qt::endl;
    if (parser.isSet(timing))
        err() << QStringLiteral("load %1 s render %2 s layers %3").arg(loadMs / 1000.0, 0, 'f', 3).arg(renderMs / 1000.0, 0, 'f', 3).arg(settings.layers.size())
              << Qt::endl;
    out() << outPath << Qt::endl;
    return Ok;
}

static const bool registered = registerCommand({QStringLiteral("render"),
                                                QStringLiteral("Render a project's map to PNG, PDF or SVG"), runRender, true});

} // namespace refuge::cli
