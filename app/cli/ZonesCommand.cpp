// refuge-cli zones: non-overlapping nearest-facility zones over the reachable network
// area, as zones.gpkg (layer zones: facility_id, area_m2) + summary.json.
#include "Cli.h"
#include "NetworkOptions.h"
#include "analysis/Zones.h"
#include "io/VectorWriter.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>

namespace refuge::cli {

namespace {

int runZones(const QStringList &args)
{
    QCommandLineParser parser;
    NetworkOptions net;
    net.addTo(parser);
    parseOrThrow(parser, args, QStringLiteral("Nearest-facility zones along the streets (responsibility zones, first-due areas). "
                                              "Writes zones.gpkg (layer zones: facility_id, area_m2) and summary.json."));
    QElapsedTimer timer;
    timer.start();
    Feedback feedback;
    net.setUp(parser, NetworkOptions::NeedFacilities, feedback);
    ZonesParameters p;
    p.graph = net.graph;
    p.facilities = net.sources;
    p.facilityIds = net.facilityIds;
    p.routing = net.routing;
    QElapsedTimer t;
    t.start();
    const VectorLayer zones = Zones::run(p, feedback);
    const double analysisSeconds = double(t.nsecsElapsed()) / 1e9;
    const QString outPath = QDir(net.outDir).filePath(QStringLiteral("zones.gpkg"));
    VectorWriter::write(zones, outPath, QStringLiteral("zones"));
    QJsonObject summary = net.summary();
    summary.insert(QStringLiteral("command"), QStringLiteral("zones"));
    summary.insert(QStringLiteral("zones"), zones.featureCount());
    double total = 0;
    for (int i = 0; i < zones.featureCount(); ++i)
        total += zones.attribute(i, QStringLiteral("area_m2")).toDouble();
    summary.insert(QStringLiteral("area_m2"), total);
    summary.insert(QStringLiteral("output"), outPath);
    summary.insert(QStringLiteral("analysis_seconds"), analysisSeconds);
    summary.insert(QStringLiteral("total_seconds"), double(timer.nsecsElapsed()) / 1e9);
    summary.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(feedback.warnings()));
    writeSummary(net.outDir, summary);
    out() << "zones: " << zones.featureCount() << " zones for " << net.snapped.snappedCount() << " of " << net.snapped.points.size()
          << " facilities -> " << outPath << "\n";
    for (const QString &w : feedback.warnings())
        printError(w);
    return Ok;
}

} // namespace

static const bool registered = registerCommand(
    {QStringLiteral("zones"), QStringLiteral("Nearest-facility zones along the road network"), runZones});

} // namespace refuge::cli
