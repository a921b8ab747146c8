#include "analysis/jobs/NetworkInputs.h"
#include "analysis/FacilityIds.h"
#include "analysis/NetworkCheck.h"
#include "analysis/ParameterRanges.h"
#include "analysis/framework/ParameterValues.h"
#include "network/Barriers.h"
#include "network/GraphCache.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace refuge {

std::vector<double> NetworkSettings::effectiveBreaks() const
{
    QVariantList list;
    for (double b : breaks)
        list << b;
    std::vector<double> out = parseNumberList(list, ParameterRanges::spec(u"breaks"), QStringLiteral("breaks"), limit);
    if (out.empty() && limit > 0)
        out.push_back(limit);
    return out;
}

NetworkInputs NetworkInputs::open(const NetworkSettings &settings, Feedback &feedback)
{
    NetworkInputs in = openNetwork(settings, feedback);
    in.loadFacilities(feedback);
    return in;
}

NetworkInputs NetworkInputs::openNetwork(const NetworkSettings &s, Feedback &feedback)
{
    QElapsedTimer timer;
    timer.start();
    NetworkInputs in;
    in.settings = s;
    if (s.network.path.isEmpty())
        throw InvalidInput(QStringLiteral("no road network given"));
    // The ranges of ParameterRanges, whoever filled the settings (CLI, project, dialog).
    ParameterRanges::check(u"snap-max", s.snapMaxMeters);
    ParameterRanges::check(u"turnout-seconds", s.turnoutSeconds);
    ParameterRanges::check(u"tolerance", s.toleranceMeters);
    if (s.limit != 0)
        ParameterRanges::check(s.unit == CostUnit::Meters ? u"max-meters" : u"max-minutes", s.limit);
    if (!s.barriers.path.isEmpty() && s.barrierFactor != 0)
        ParameterRanges::check(u"barrier-factor", s.barrierFactor);
    if (s.turnoutSeconds > 0 && s.unit == CostUnit::Meters)
        throw InvalidInput(QStringLiteral("a turnout time needs a time limit (minutes), not metres"));
    if (s.crs.isValid() && s.crs.isGeographic())
        throw InvalidInput(QStringLiteral("%1 is not metric; use a projected CRS").arg(s.crs.authId()));
    in.breaks = s.effectiveBreaks();
    in.routing.unit = s.unit;
    if (s.limit > 0)
        in.routing.limit = s.limit * s.unitScale();
    in.routing.snapLegs = s.snapLegs;

    RoadGraphOptions o;
    o.source = s.network;
    o.profile = Profile::load(s.profile.isEmpty() ? QStringLiteral("walk") : s.profile);
    o.crs = s.crs;
    o.onewayField = s.onewayField;
    o.speedField = s.speedField;
    o.classField = s.classField;
    o.fromNodeField = s.fromNodeField;
    o.toNodeField = s.toNodeField;
    o.toleranceMeters = s.toleranceMeters;
    o.useCache = s.useCache;
    o.cacheDirectory = s.cacheDirectory;
    in.graph = RoadGraphBuilder::open(o, &feedback, &in.graphReport);
    const QString networkName = s.network.displayName();
    const RoadGraphReport &gr = in.graphReport;
    feedback.reportDropped(networkName, QStringLiteral("streets"), gr.features + gr.skippedGeometry, gr.features, gr.skippedGeometry, gr.dropped);
    if (in.graph.isEmpty())
        throw InvalidInput(fileMessage(networkName, QStringLiteral("the network is empty")));
    feedback.throwIfCanceled();

    // A network in many pieces gives areas that stop short: say so (network-check lists them).
    std::vector<int> &componentSizes = in.m_componentSizes;
    in.m_component = NetworkCheck::nodeComponents(in.graph, &componentSizes);
    if (componentSizes.size() > 1) {
        const double mainShare = 100.0 * componentSizes.front() / std::max(1, in.graph.nodeCount());
        if (mainShare < 95.0)
            feedback.warn(fileMessage(networkName, QStringLiteral("the network has %1 disconnected parts; the largest holds only %2% of "
                                                                  "the junctions (run refuge-cli network-check)")
                                                       .arg(componentSizes.size()).arg(mainShare, 0, 'f', 1)));
    }

    if (!s.barriers.path.isEmpty()) {
        LoadOptions lo;
        lo.targetCrs = in.graph.crs();
        const VectorLayer barriers = VectorLayer::load(s.barriers, lo);
        barriers.report().reportTo(feedback, s.barriers.displayName(), QStringLiteral("barriers"));
        in.routing.linkFactors = Barriers::linkFactors(in.graph, barriers, s.barrierFactor, &in.barrierLinks);
    }

    in.setupSeconds = double(timer.nsecsElapsed()) / 1e9;
    return in;
}

void NetworkInputs::loadFacilities(Feedback &feedback)
{
    QElapsedTimer timer;
    timer.start();
    const NetworkSettings &s = settings;
    NetworkInputs &in = *this;
    const QString networkName = s.network.displayName();
    const std::vector<int> &component = m_component;
    const std::vector<int> &componentSizes = m_componentSizes;
    if (!s.facilities.path.isEmpty()) {
        LoadOptions lo;
        lo.targetCrs = in.graph.crs();
        lo.idField = s.facilityIdField;
        in.facilities = VectorLayer::load(s.facilities, lo);
        const QString name = s.facilities.displayName();
        in.facilities.report().reportTo(feedback, name, QStringLiteral("facilities"));
        if (in.facilities.featureCount() == 0)
            throw InvalidInput(fileMessage(name, QStringLiteral("no facilities (the layer is empty)")));
        in.facilities.requireGeometry(QStringLiteral("facilities"), {0, 2});
        const int idField = FacilityIds::field(in.facilities, s.facilityIdField);
        for (int i = 0; i < in.facilities.featureCount(); ++i)
            in.facilityIds << FacilityIds::id(in.facilities, idField, i);
        const std::vector<QPointF> pts = Snapper::representativePoints(in.facilities, in.graph.crs());
        const double mPerUnit = in.graph.crs().metresPerUnit() > 0 ? in.graph.crs().metresPerUnit() : 1.0;
        const double margin = s.snapMaxMeters / mPerUnit;
        const QRectF grown = in.graph.extent().adjusted(-margin, -margin, margin, margin);
        const bool anyInside = std::any_of(pts.begin(), pts.end(), [&](const QPointF &pt) { return grown.contains(pt); });
        if (!anyInside)
            throw InvalidInput(fileMessage(name, QStringLiteral("all %1 facilities lie outside the network's extent (%2)")
                                                     .arg(pts.size()).arg(networkName)));
        in.snapped = Snapper::snapPoints(in.graph, pts, s.snapMaxMeters, &feedback);
        if (in.snapped.snappedCount() == 0)
            throw NoFacilitySnapped(fileMessage(name, QStringLiteral("no facility within the snap distance (%1 m) of a street").arg(s.snapMaxMeters)));
        in.sources.assign(in.snapped.points.size(), {});
        for (std::size_t i = 0; i < in.sources.size(); ++i)
            in.sources[i] = {in.snapped.points[i], s.turnoutSeconds};
        for (std::size_t i = 0; i < in.snapped.points.size(); ++i) {
            if (!in.snapped.points[i].isSnapped())
                continue;
            const int c = component[std::size_t(in.graph.linkFrom(in.snapped.points[i].link))];
            if (c > 0)
                feedback.warn(fileMessage(name, QStringLiteral("facility %1 is on a small island of the network (%2 junctions)")
                                                    .arg(in.facilityIds.value(int(i)))
                                                    .arg(componentSizes[std::size_t(c)])));
        }
        for (int row : in.snapped.unsnapped)
            feedback.warn(fileMessage(name, QStringLiteral("facility %1 is farther than %2 m from any street (unsnapped)")
                                                .arg(in.facilityIds.value(row)).arg(s.snapMaxMeters)));
    }
    setupSeconds += double(timer.nsecsElapsed()) / 1e9;
}

void NetworkInputs::finishCacheSave(Feedback &feedback, QJsonObject *summaryTaken) const
{
    GraphCache::finishSave(graphReport.cacheSave, &feedback);
    if (summaryTaken)
        summaryTaken->insert(QStringLiteral("network"), summary().value(QStringLiteral("network")));
}

QJsonObject NetworkInputs::summary() const
{
    // A cache file that could not be written is not named.
    const QFuture<QString> &save = graphReport.cacheSave;
    const bool cacheWritten = !save.isValid() || !save.isFinished() || save.result().isEmpty();
    QJsonArray unsnappedIds;
    for (int row : snapped.unsnapped)
        unsnappedIds.append(facilityIds.value(row));
    QJsonArray breakList;
    for (double b : breaks)
        breakList.append(b);
    return QJsonObject{
        {QStringLiteral("network"), QJsonObject{{QStringLiteral("source"), settings.network.redacted()},
                                                {QStringLiteral("profile"), graph.profileName()},
                                                {QStringLiteral("crs"), graph.crs().authId()},
                                                {QStringLiteral("nodes"), graph.nodeCount()},
                                                {QStringLiteral("links"), graph.linkCount()},
                                                {QStringLiteral("from_cache"), graphReport.fromCache},
                                                {QStringLiteral("cache_file"), cacheWritten ? graphReport.cacheFile : QString()},
                                                {QStringLiteral("build_seconds"), graphReport.buildSeconds},
                                                {QStringLiteral("messages"), QJsonArray::fromStringList(graphReport.messages())},
                                                {QStringLiteral("barrier_links"), barrierLinks}}},
        {QStringLiteral("facilities"), QJsonObject{{QStringLiteral("total"), int(snapped.points.size())},
                                                   {QStringLiteral("read"), facilities.report().read},
                                                   {QStringLiteral("dropped"), facilities.report().skipped()},
                                                   {QStringLiteral("snapped"), snapped.snappedCount()},
                                                   {QStringLiteral("unsnapped"), unsnappedIds},
                                                   {QStringLiteral("snap_max_m"), settings.snapMaxMeters}}},
        {QStringLiteral("unit"), settings.unitLabel()},
        {QStringLiteral("breaks"), breakList},
        {QStringLiteral("snap_legs"), routing.snapLegs},
        {QStringLiteral("setup_seconds"), setupSeconds}};
}

} // namespace refuge
