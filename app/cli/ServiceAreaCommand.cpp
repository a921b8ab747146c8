// refuge-cli service-area: polygons reachable from each facility along the streets
// within each break (per facility, or dissolved), as service_areas.gpkg + summary.json.
#include "Cli.h"
#include "NetworkOptions.h"
#include "analysis/ServiceArea.h"
#include "io/VectorWriter.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonArray>
#include <QSaveFile>

namespace refuge::cli {

void writeSummary(const QString &dir, const QJsonObject &summary)
{
    const QString path = QDir(dir).filePath(QStringLiteral("summary.json"));
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(summary).toJson(QJsonDocument::Indented)) < 0 || !f.commit())
        throw IoError(fileMessage(path, QStringLiteral("cannot write")));
}

namespace {

int runServiceArea(const QStringList &args)
{
    QCommandLineParser parser;
    NetworkOptions net;
    net.addTo(parser);
    const QCommandLineOption dissolve(QStringLiteral("dissolve"), QStringLiteral("One polygon per break for all facilities together."));
    const QCommandLineOption access(QStringLiteral("access-meters"),
                                    QStringLiteral("Lateral access distance around reached streets (default: 50 walking, 25 driving)."),
                                    QStringLiteral("m"));
    const QCommandLineOption output(QStringLiteral("output"),
                                    QStringLiteral("polygons (default), lines (the reached street sections, layer service_lines) or both."),
                                    QStringLiteral("what"), QStringLiteral("polygons"));
    parser.addOptions({dissolve, access, output});
    parseOrThrow(parser, args, QStringLiteral("Service areas: the area within each break of every facility along the streets. "
                                              "Writes service_areas.gpkg (layer service_areas: facility_id, break, unit, area_m2, street_m; "
                                              "with --output lines|both layer service_lines: facility_id, break, unit, street_m) and summary.json."));
    const QString what = parser.value(output);
    if (what != QLatin1String("polygons") && what != QLatin1String("lines") && what != QLatin1String("both"))
        throw UsageError(QStringLiteral("--output must be polygons, lines or both (got '%1')").arg(what));
    QElapsedTimer timer;
    timer.start();
    Feedback feedback;
    net.setUp(parser, NetworkOptions::NeedFacilities | NetworkOptions::NeedLimit, feedback);

    ServiceAreaParameters p;
    p.graph = net.graph;
    p.facilities = net.sources;
    p.facilityIds = net.facilityIds;
    for (double b : net.breaks)
        p.breaks.push_back(b * net.breakScale);
    p.routing = net.routing;
    p.dissolve = parser.isSet(dissolve);
    if (parser.isSet(access)) {
        bool ok = false;
        p.accessMeters = parser.value(access).toDouble(&ok);
        if (!ok || !(p.accessMeters > 0))
            throw UsageError(QStringLiteral("--access-meters must be > 0"));
    }
    p.polygons = what != QLatin1String("lines");
    p.lines = what != QLatin1String("polygons");
    QElapsedTimer t;
    t.start();
    ServiceAreaResult result = ServiceArea::compute(p, feedback);
    VectorLayer &areas = result.areas;
    const double analysisSeconds = double(t.nsecsElapsed()) / 1e9;
    // Breaks in the user's unit (minutes or metres).
    for (VectorLayer *layer : {&result.areas, &result.lines}) {
        const int breakField = layer->fieldIndex(QStringLiteral("break")), unitField = layer->fieldIndex(QStringLiteral("unit"));
        for (int i = 0; i < layer->featureCount(); ++i) {
            layer->setAttribute(i, breakField, layer->attribute(i, breakField).toDouble() / net.breakScale);
            layer->setAttribute(i, unitField, net.unitLabel);
        }
    }
    const QString outPath = QDir(net.outDir).filePath(QStringLiteral("service_areas.gpkg"));
    QFile::remove(outPath); // only this run's layers
    if (p.polygons)
        VectorWriter::write(areas, outPath, QStringLiteral("service_areas"));
    if (p.lines)
        VectorWriter::write(result.lines, outPath, QStringLiteral("service_lines"));

    QJsonObject summary = net.summary();
    summary.insert(QStringLiteral("command"), QStringLiteral("service-area"));
    summary.insert(QStringLiteral("polygons"), areas.featureCount());
    summary.insert(QStringLiteral("line_features"), result.lines.featureCount());
    summary.insert(QStringLiteral("dissolved"), p.dissolve);
    summary.insert(QStringLiteral("access_m"), p.accessMeters > 0 ? p.accessMeters : net.graph.accessMeters());
    summary.insert(QStringLiteral("output"), outPath);
    summary.insert(QStringLiteral("analysis_seconds"), analysisSeconds);
    summary.insert(QStringLiteral("total_seconds"), double(timer.nsecsElapsed()) / 1e9);
    summary.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(feedback.warnings()));
    writeSummary(net.outDir, summary);
    out() << "service areas: " << areas.featureCount() << " polygons, " << result.lines.featureCount() << " line features for " << net.snapped.snappedCount() << " of "
          << net.snapped.points.size() << " facilities -> " << outPath << "\n";
    for (const QString &w : feedback.warnings())
        printError(w);
    return Ok;
}

} // namespace

static const bool registered = registerCommand(
    {QStringLiteral("service-area"), QStringLiteral("Service areas along the road network (per facility and break)"), runServiceArea});

} // namespace refuge::cli
