#include "NetworkOptions.h"
#include "Cli.h"
#include "analysis/NetworkCheck.h"
#include "network/Barriers.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <cmath>

namespace refuge::cli {

namespace {



} // namespace

void NetworkOptions::addTo(QCommandLineParser &parser)
{
    m_options = {
        option("network", "Road lines: PATH[:LAYER] (any GDAL source) or an OSM .osm/.osm.pbf file.", "path"),
        option("profile", "Travel profile: walk (default), walk-elderly, drive, or a .json file.", "name"),
        option("oneway-field", "One-way field (0/1/-1, yes/no, FT/TF/B); default 'oneway' if present.", "field"),
        option("speed-field", "Speed field in km/h; default 'maxspeed' for profiles that use it.", "field"),
        option("class-field", "Road class field (OSM highway values or the profile's classes); default 'highway'.", "field"),
        option("from-node-field", "Take topology from node id fields: the from-node field.", "field"),
        option("to-node-field", "Take topology from node id fields: the to-node field.", "field"),
        option("tolerance", "Vertices closer than this are one node (metres, default 0.5).", "m"),
        option("snap-max", "Snap points to the nearest street within this distance (metres, default 300).", "m"),
        option("no-snap-legs", "Do not count the walk between a point and its street."),
        option("crs", "Metric CRS to work in (e.g. EPSG:32651); default the network's (UTM for lon/lat).", "crs"),
        option("facilities", "Facility points: PATH[:LAYER].", "path"),
        option("facility-id", "Facility id field (default: row number).", "field"),
        option("turnout-seconds", "Start cost per facility, seconds (e.g. fire turnout).", "s"),
        option("barriers", "Polygons closing the streets they cross: PATH[:LAYER].", "path"),
        option("barrier-factor", "Instead of closing, multiply the cost of crossing streets by this factor.", "f"),
        option("max-meters", "Cost limit in metres along the network.", "m"),
        option("max-minutes", "Cost limit in minutes of travel.", "min"),
        option("breaks", "Breaks in the limit's unit, e.g. 5,10,15 (default: the limit).", "list"),
        option("out", "Output folder.", "dir"),
        option("no-cache", "Do not read or write the graph cache."),
        option("cache-dir", "Graph cache folder.", "dir"),
    };
    parser.addOptions(m_options);
}

void NetworkOptions::setUp(const QCommandLineParser &p, int needs, Feedback &feedback)
{
    QElapsedTimer timer;
    timer.start();
    if (!p.isSet(QStringLiteral("network")))
        throw UsageError(QStringLiteral("--network PATH[:LAYER] is required"));
    if ((needs & NeedFacilities) && !p.isSet(QStringLiteral("facilities")))
        throw UsageError(QStringLiteral("--facilities PATH[:LAYER] is required"));
    outDir = p.value(QStringLiteral("out"));
    if (outDir.isEmpty())
        throw UsageError(QStringLiteral("--out DIR is required"));

    // Limits first: cheap checks before reading anything.
    const bool meters = p.isSet(QStringLiteral("max-meters")), minutes = p.isSet(QStringLiteral("max-minutes"));
    if (meters && minutes)
        throw UsageError(QStringLiteral("give either --max-meters or --max-minutes, not both"));
    if ((needs & NeedLimit) && !meters && !minutes)
        throw UsageError(QStringLiteral("--max-meters M or --max-minutes T is required"));
    routing.unit = meters ? CostUnit::Meters : CostUnit::Seconds;
    unitLabel = meters ? QStringLiteral("m") : QStringLiteral("min");
    breakScale = meters ? 1.0 : 60.0;
    const double limit = meters ? numberOption(p, QStringLiteral("max-meters"), 0) : minutes ? numberOption(p, QStringLiteral("max-minutes"), 0) : 0;
    breaks.clear();
    if (p.isSet(QStringLiteral("breaks"))) {
        for (const QString &s : p.value(QStringLiteral("breaks")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const double v = s.trimmed().toDouble(&ok);
            if (!ok || !(v > 0) || !std::isfinite(v))
                throw UsageError(QStringLiteral("--breaks: '%1' is not a number > 0").arg(s));
            if (limit > 0 && v > limit)
                throw UsageError(QStringLiteral("--breaks: %1 exceeds the limit %2").arg(s).arg(limit));
            breaks.push_back(v);
        }
        std::sort(breaks.begin(), breaks.end());
    }
    if (breaks.empty() && limit > 0)
        breaks.push_back(limit);
    if (limit > 0)
        routing.limit = limit * breakScale;
    routing.snapLegs = !p.isSet(QStringLiteral("no-snap-legs"));
    snapMaxMeters = numberOption(p, QStringLiteral("snap-max"), 300.0);

    RoadGraphOptions &o = graphOptions;
    o.source = DataSource::parse(p.value(QStringLiteral("network")));
    o.profile = Profile::load(p.isSet(QStringLiteral("profile")) ? p.value(QStringLiteral("profile")) : QStringLiteral("walk"));
    if (p.isSet(QStringLiteral("crs")))
        o.crs = Crs::fromUserInput(p.value(QStringLiteral("crs")));
    if (o.crs.isValid() && o.crs.isGeographic())
        throw UsageError(QStringLiteral("--crs %1 is not metric; use a projected CRS").arg(p.value(QStringLiteral("crs"))));
    o.onewayField = p.value(QStringLiteral("oneway-field"));
    o.speedField = p.value(QStringLiteral("speed-field"));
    o.classField = p.value(QStringLiteral("class-field"));
    o.fromNodeField = p.value(QStringLiteral("from-node-field"));
    o.toNodeField = p.value(QStringLiteral("to-node-field"));
    if (o.fromNodeField.isEmpty() != o.toNodeField.isEmpty())
        throw UsageError(QStringLiteral("--from-node-field and --to-node-field go together"));
    o.toleranceMeters = numberOption(p, QStringLiteral("tolerance"), 0.5);
    o.useCache = !p.isSet(QStringLiteral("no-cache"));
    o.cacheDirectory = p.value(QStringLiteral("cache-dir"));
    graph = RoadGraphBuilder::open(o, &feedback, &graphReport);
    const QString networkName = o.source.displayName();
    if (graph.isEmpty())
        throw InvalidInput(fileMessage(networkName, QStringLiteral("the network is empty")));

    // A network in many pieces gives areas that stop short: say so (network-check lists them).
    std::vector<int> componentSizes;
    const std::vector<int> component = NetworkCheck::nodeComponents(graph, &componentSizes);
    if (componentSizes.size() > 1) {
        const double mainShare = 100.0 * componentSizes.front() / std::max(1, graph.nodeCount());
        if (mainShare < 95.0)
            feedback.warn(fileMessage(networkName, QStringLiteral("the network has %1 disconnected parts; the largest holds only %2% of "
                                                                  "the junctions (run refuge-cli network-check)")
                                                       .arg(componentSizes.size()).arg(mainShare, 0, 'f', 1)));
    }

    if (p.isSet(QStringLiteral("barriers"))) {
        const DataSource bs = DataSource::parse(p.value(QStringLiteral("barriers")));
        LoadOptions lo;
        lo.targetCrs = graph.crs();
        const VectorLayer barriers = VectorLayer::load(bs, lo);
        const double factor = p.isSet(QStringLiteral("barrier-factor")) ? numberOption(p, QStringLiteral("barrier-factor"), 1.0) : 0.0;
        routing.linkFactors = Barriers::linkFactors(graph, barriers, factor, &barrierLinks);
    }

    if (p.isSet(QStringLiteral("facilities"))) {
        const DataSource fs = DataSource::parse(p.value(QStringLiteral("facilities")));
        LoadOptions lo;
        lo.targetCrs = graph.crs();
        facilities = VectorLayer::load(fs, lo);
        const QString name = fs.displayName();
        if (facilities.featureCount() == 0)
            throw InvalidInput(fileMessage(name, QStringLiteral("no facilities (the layer is empty)")));
        const int idField = p.isSet(QStringLiteral("facility-id")) ? facilities.requireField(p.value(QStringLiteral("facility-id"))) : -1;
        facilityIds.clear();
        for (int i = 0; i < facilities.featureCount(); ++i)
            facilityIds << (idField >= 0 ? facilities.attribute(i, idField).toString() : QString::number(i));
        const std::vector<QPointF> pts = Snapper::representativePoints(facilities, graph.crs());
        const QRectF ext = graph.extent();
        const double margin = snapMaxMeters / (graph.crs().metresPerUnit() > 0 ? graph.crs().metresPerUnit() : 1.0);
        const QRectF grown = ext.adjusted(-margin, -margin, margin, margin);
        bool anyInside = false;
        for (const QPointF &pt : pts)
            anyInside = anyInside || grown.contains(pt);
        if (!anyInside)
            throw InvalidInput(fileMessage(name, QStringLiteral("all %1 facilities lie outside the network's extent (%2)")
                                                     .arg(pts.size()).arg(networkName)));
        snapped = Snapper(graph).snapAll(pts, snapMaxMeters, &feedback);
        if (snapped.snappedCount() == 0)
            throw InvalidInput(fileMessage(name, QStringLiteral("no facility within --snap-max %1 m of a street").arg(snapMaxMeters)));
        const double turnout = p.isSet(QStringLiteral("turnout-seconds")) ? p.value(QStringLiteral("turnout-seconds")).toDouble() : 0.0;
        if (turnout < 0 || !std::isfinite(turnout))
            throw UsageError(QStringLiteral("--turnout-seconds must be ≥ 0"));
        if (turnout > 0 && routing.unit == CostUnit::Meters)
            throw UsageError(QStringLiteral("--turnout-seconds needs a time limit (--max-minutes)"));
        sources.assign(snapped.points.size(), {});
        for (std::size_t i = 0; i < sources.size(); ++i)
            sources[i] = {snapped.points[i], turnout};
        for (std::size_t i = 0; i < snapped.points.size(); ++i)
            if (snapped.points[i].isSnapped() && component[std::size_t(graph.linkFrom(snapped.points[i].link))] > 0)
                feedback.warn(fileMessage(name, QStringLiteral("facility %1 is on a small island of the network (%2 junctions)")
                                                    .arg(facilityIds.value(int(i)))
                                                    .arg(componentSizes[std::size_t(component[std::size_t(graph.linkFrom(snapped.points[i].link))])])));
        for (int row : snapped.unsnapped)
            feedback.warn(fileMessage(name, QStringLiteral("facility %1 is farther than %2 m from any street (unsnapped)")
                                                .arg(facilityIds.value(row)).arg(snapMaxMeters)));
    }
    if (!QDir().mkpath(outDir))
        throw IoError(fileMessage(outDir, QStringLiteral("cannot create the output folder")));
    setupSeconds = double(timer.nsecsElapsed()) / 1e9;
}

QJsonObject NetworkOptions::summary() const
{
    QJsonArray unsnappedIds;
    for (int row : snapped.unsnapped)
        unsnappedIds.append(facilityIds.value(row));
    QJsonArray breakList;
    for (double b : breaks)
        breakList.append(b);
    return QJsonObject{
        {QStringLiteral("network"), QJsonObject{{QStringLiteral("source"), graphOptions.source.toString()},
                                                {QStringLiteral("profile"), graph.profileName()},
                                                {QStringLiteral("crs"), graph.crs().authId()},
                                                {QStringLiteral("nodes"), graph.nodeCount()},
                                                {QStringLiteral("links"), graph.linkCount()},
                                                {QStringLiteral("from_cache"), graphReport.fromCache},
                                                {QStringLiteral("cache_file"), graphReport.cacheFile},
                                                {QStringLiteral("build_seconds"), graphReport.buildSeconds},
                                                {QStringLiteral("messages"), QJsonArray::fromStringList(graphReport.messages())},
                                                {QStringLiteral("barrier_links"), barrierLinks}}},
        {QStringLiteral("facilities"), QJsonObject{{QStringLiteral("total"), int(snapped.points.size())},
                                                   {QStringLiteral("snapped"), snapped.snappedCount()},
                                                   {QStringLiteral("unsnapped"), unsnappedIds},
                                                   {QStringLiteral("snap_max_m"), snapMaxMeters}}},
        {QStringLiteral("unit"), unitLabel},
        {QStringLiteral("breaks"), breakList},
        {QStringLiteral("snap_legs"), routing.snapLegs},
        {QStringLiteral("setup_seconds"), setupSeconds}};
}

} // namespace refuge::cli
