#include "analysis/CoverageNetwork.h"
#include "analysis/NearestFacility.h"
#include "util/Feedback.h"

#include <QtConcurrent/QtConcurrentMap>
#include <numeric>

namespace refuge {

SnappedLayer CoverageNetwork::snapAll(const Snapper &snapper, const std::vector<QPointF> &points, double maxMeters, Feedback &feedback)
{
    SnappedLayer out;
    out.points.resize(points.size());
    const std::size_t chunk = 4096;
    std::vector<std::size_t> chunks((points.size() + chunk - 1) / chunk);
    std::iota(chunks.begin(), chunks.end(), std::size_t(0));
    QtConcurrent::blockingMap(chunks, [&](std::size_t c) {
        if (feedback.isCanceled())
            return;
        const std::size_t first = c * chunk, end = std::min(points.size(), (c + 1) * chunk);
        snapper.snapRange(points.data() + first, end - first, maxMeters, out.points.data() + first);
    });
    feedback.throwIfCanceled();
    for (std::size_t i = 0; i < out.points.size(); ++i)
        if (!out.points[i].isSnapped())
            out.unsnapped.push_back(int(i));
    return out;
}

CoverageCosts CoverageNetwork::costs(RoadGraph graph, std::vector<NetworkSource> facilities, const SnappedLayer &facilityPoints,
                                     const SnappedLayer &demand, RoutingOptions routing, Feedback &feedback)
{
    const QString profile = graph.profileName();
    const int facilityCount = int(facilities.size());
    const FacilityCosts table = FacilityCosts::compute(std::move(graph), std::move(facilities), demand, routing, feedback);
    return fromTable(table, profile, facilityCount, facilityPoints, demand, routing);
}

CoverageCosts CoverageNetwork::fromTable(const FacilityCosts &table, const QString &profile, int facilityCount, const SnappedLayer &facilityPoints,
                                         const SnappedLayer &demand, const RoutingOptions &routing)
{
    CoverageCosts out;
    out.setShape(facilityCount, routing.limit);
    out.unit = routing.unit == CostUnit::Meters ? QStringLiteral("m") : QStringLiteral("s");
    out.method = QStringLiteral("network (%1)").arg(profile);
    out.reserve(demand.points.size(), table.entryCount());
    for (int i = 0; i < table.demandCount(); ++i) {
        const std::span<const FacilityCost> list = table.within(i);
        for (const FacilityCost &c : list)
            out.addEntry(c.facility, c.cost);
        out.endDemand(list.empty() ? CoverageCosts::kUnreached : list.front().cost, list.empty() ? -1 : list.front().facility);
    }
    out.unsnappedDemand = demand.unsnapped;
    out.unsnappedFacilities = facilityPoints.unsnapped;
    return out;
}

} // namespace refuge
