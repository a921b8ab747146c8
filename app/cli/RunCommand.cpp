// refuge-cli run: the main job — every analysis configured in a project, into one folder.
#include "Cli.h"
#include "model/Project.h"
#include "model/ProjectCheck.h"
#include "model/VectorLayer.h"
#include "util/Error.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace refuge::cli {

namespace {

void writeJson(const QString &path, const QJsonObject &o)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        throw IoError(fileMessage(path, QStringLiteral("cannot be written")));
    f.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
    if (!f.commit())
        throw IoError(fileMessage(path, QStringLiteral("cannot be written")));
}

// layers.json: what every project layer holds once loaded into the project CRS.
QJsonObject layerSummary(const Project &project)
{
    QJsonArray layers;
    for (const ProjectLayer &l : project.layers) {
        LoadOptions opts;
        opts.targetCrs = project.crs;
        opts.encoding = l.encoding;
        if (!l.crs.isEmpty())
            opts.assumedCrs = Crs::fromUserInput(l.crs);
        const VectorLayer v = VectorLayer::load(project.dataSource(l), opts);
        layers.append(QJsonObject{{QStringLiteral("id"), l.id},
                                  {QStringLiteral("role"), roleName(l.role)},
                                  {QStringLiteral("features"), v.featureCount()},
                                  {QStringLiteral("geometry_type"), geometryTypeName(v.geometryType())},
                                  {QStringLiteral("source_crs"), v.sourceCrs().authId()},
                                  {QStringLiteral("messages"), QJsonArray::fromStringList(v.report().messages())}});
    }
    return QJsonObject{{QStringLiteral("project"), project.title},
                       {QStringLiteral("crs"), project.crs.authId()},
                       {QStringLiteral("layers"), layers}};
}

} // namespace

int runRun(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("A *.refuge project file."));
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("Output folder (created if needed)."), QStringLiteral("dir"));
    parser.addOption(outOpt);
    parseOrThrow(parser, args, QStringLiteral("Run every analysis configured in a project and write the results (GeoPackage layers, tables, report) into one folder."));
    if (parser.positionalArguments().size() != 1 || !parser.isSet(outOpt))
        throw UsageError(QStringLiteral("run: expected PROJECT.refuge and --out DIR (see refuge-cli run --help)"));
    const QString path = parser.positionalArguments().at(0);
    const QString outDir = parser.value(outOpt);
    const Project project = Project::load(path);
    const ProjectCheckResult check = checkProject(project);
    for (const ProjectProblem &p : check.problems)
        printError(QStringLiteral("%1: %2%3").arg(path, p.layerId.isEmpty() ? QString() : p.layerId + QStringLiteral(": "), p.message));
    if (check.errorCount())
        return ProblemsFound;
    if (!QDir().mkpath(outDir))
        throw IoError(fileMessage(outDir, QStringLiteral("cannot create the output folder")));
    const QDir dir(outDir);
    writeJson(dir.filePath(QStringLiteral("layers.json")), layerSummary(project));
    out() << "layers: " << dir.filePath(QStringLiteral("layers.json")) << "\n";
    out().flush();
    return Ok;
}

static const bool registered = registerCommand({QStringLiteral("run"), QStringLiteral("Run every analysis configured in a project into a folder"), runRun});

} // namespace refuge::cli
