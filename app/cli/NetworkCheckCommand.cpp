// refuge-cli network-check: components, islands, dangling ends, duplicates, zero-length
// links, one-way dead ends and unsnapped facilities; network_check.gpkg (layer
// network_problems) + summary.json. Exit 1 when problems are found.
#include "Cli.h"
#include "NetworkOptions.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/NetworkCheck.h"
#include "analysis/jobs/JobInputs.h"
#include "io/VectorWriter.h"
#include "network/OsmSource.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>

namespace refuge::cli {

namespace {

int runNetworkCheck(const QStringList &args)
{
    QCommandLineParser parser;
    NetworkOptions net;
    net.addTo(parser);
    parseOrThrow(parser, args, QStringLiteral("Check a road network: connected components (and facilities on small islands), dangling "
                                              "ends, duplicate and zero-length links, one-way dead ends, unsnapped facilities. "
                                              "Writes network_check.gpkg and summary.json; exit code 1 when problems are found."));
    NetworkSettings settings = net.settings(parser, NetworkOptions::NeedNetwork | NetworkOptions::NeedOut);
    // What an OSM extract's rules leave out (also once converted) is counted while
    // building: build, don't load.
    if (OsmSource::isOsmSource(settings.network))
        settings.useCache = false;
    const QString outDir = NetworkOptions::outDir(parser);
    QElapsedTimer timer;
    timer.start();
    AnalysisFiles::prepareOutputFolder(outDir, {QStringLiteral("network_check.gpkg")}, JobInputs::of(settings));
    Feedback feedback;
    NetworkInputs in = NetworkInputs::openNetwork(settings, feedback);
    try {
        in.loadFacilities(feedback);
    } catch (const InvalidInput &e) {
        // Facilities that do not snap at all are a finding here, not an error.
        if (!e.message().contains(QStringLiteral("snap")))
            throw;
        in.facilities = VectorLayer();
        in.snapped = {};
        feedback.warn(e.message());
    }
    const NetworkCheckReport report = NetworkCheck::run(in.graph, in.graphReport, in.snapped, in.facilityIds, feedback);
    const QString outPath = QDir(outDir).filePath(QStringLiteral("network_check.gpkg"));
    VectorWriter::write(report.problems, outPath, QStringLiteral("network_problems"));
    QJsonObject summary = in.summary();
    summary.insert(QStringLiteral("command"), QStringLiteral("network-check"));
    summary.insert(QStringLiteral("check"), report.toJson());
    summary.insert(QStringLiteral("output"), outPath);
    in.finishCacheSave(feedback, &summary); // the graph cache written meanwhile
    summary.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(feedback.warnings()));
    AnalysisFiles::writeSummary(outDir, summary, QStringLiteral("total_seconds"), double(timer.nsecsElapsed()) / 1e9);
    for (const QString &line : report.lines())
        out() << line << "\n";
    for (const QString &m : in.graphReport.messages())
        out() << "Note: " << m << "\n";
    for (const QString &w : feedback.warnings())
        printError(w);
    return report.problemCount() > 0 ? ProblemsFound : Ok;
}

} // namespace

static const bool registered = registerCommand(
    {QStringLiteral("network-check"), QStringLiteral("Check a road network (components, islands, dead ends, duplicates)"), runNetworkCheck});

} // namespace refuge::cli
