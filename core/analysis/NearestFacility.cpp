#include "analysis/NearestFacility.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QtConcurrent>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>

namespace refuge {

std::vector<NetworkSource> NearestFacility::sources(const SnappedLayer &facilities, const std::vector<double> &startCosts)
{
    std::vector<NetworkSource> out(facilities.points.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i].at = facilities.points[i];
        out[i].startCost = i < startCosts.size() ? startCosts[i] : 0.0;
    }
    return out;
}

NearestFacilityResult NearestFacility::run(RoadGraph graph, std::vector<NetworkSource> facilities, const SnappedLayer &demand,
                                           RoutingOptions options, Feedback &feedback)
{
    const CostUnit unit = options.unit;
    const ShortestPathTree tree = ShortestPathTree::compute(std::move(graph), std::move(facilities), std::move(options), &feedback);
    NearestFacilityResult r;
    r.unit = unit;
    r.demandCost.resize(demand.points.size());
    r.demandFacility.resize(demand.points.size());
    for (std::size_t i = 0; i < demand.points.size(); ++i) {
        int s = -1;
        r.demandCost[i] = float(tree.costTo(demand.points[i], &s));
        r.demandFacility[i] = s;
    }
    r.nodeCost = tree.nodeCosts();
    r.nodeFacility = tree.nodeSources();
    return r;
}

FacilityCosts FacilityCosts::compute(RoadGraph graph, std::vector<NetworkSource> facilities, const SnappedLayer &demand,
                                     RoutingOptions options, Feedback &feedback)
{
    const std::vector<FacilityHits> all = search(graph, facilities, demand, options, feedback);
    std::vector<const FacilityHits *> lists;
    lists.reserve(all.size());
    for (const FacilityHits &h : all)
        lists.push_back(&h);
    return merge(lists, demand.points.size());
}

std::vector<FacilityHits> FacilityCosts::search(const RoadGraph &graph, const std::vector<NetworkSource> &facilities,
                                                const SnappedLayer &demand, const RoutingOptions &options, Feedback &feedback)
{
    if (!(options.limit > 0))
        throw InvalidInput(QStringLiteral("the cost limit must be > 0 (got %1)").arg(options.limit));
    if (!options.linkFactors.empty() && int(options.linkFactors.size()) != graph.linkCount())
        throw InvalidInput(QStringLiteral("barrier factors do not match the network")); // checked here: workers must not throw
    // Demand points by link, so each facility's search only looks at links it reached.
    const std::size_t nd = demand.points.size();
    std::vector<std::uint32_t> byLinkFirst(std::size_t(graph.linkCount()) + 1, 0);
    for (const SnappedPoint &p : demand.points)
        if (p.isSnapped())
            ++byLinkFirst[std::size_t(p.link) + 1];
    std::partial_sum(byLinkFirst.begin(), byLinkFirst.end(), byLinkFirst.begin());
    std::vector<std::uint32_t> byLink(byLinkFirst.back());
    {
        std::vector<std::uint32_t> fill(byLinkFirst.begin(), byLinkFirst.end() - 1);
        for (std::size_t i = 0; i < nd; ++i)
            if (demand.points[i].isSnapped())
                byLink[fill[std::size_t(demand.points[i].link)]++] = std::uint32_t(i);
    }

    std::vector<int> indices(facilities.size());
    std::iota(indices.begin(), indices.end(), 0);
    std::atomic<int> done{0};
    const std::size_t total = facilities.size();
    auto perFacility = [&](int f) {
        FacilityHits hits;
        if (feedback.isCanceled() || !facilities[std::size_t(f)].at.isSnapped())
            return hits;
        RoutingOptions o = options;
        ShortestPathTree tree = ShortestPathTree::compute(graph, {facilities[std::size_t(f)]}, std::move(o));
        // Links touched: those with a reached end, plus the facility's own link.
        auto visitLink = [&](int l) {
            for (std::uint32_t k = byLinkFirst[std::size_t(l)]; k < byLinkFirst[std::size_t(l) + 1]; ++k) {
                const std::uint32_t i = byLink[k];
                const double c = tree.costTo(demand.points[i]);
                if (std::isfinite(c))
                    hits.push_back({i, float(c)});
            }
        };
        const RoadGraph &g = tree.graph();
        visitLink(facilities[std::size_t(f)].at.link);
        std::vector<int> links;
        for (const std::uint32_t node : tree.reachedNodes()) {
            const int n = int(node);
            for (std::uint32_t a = g.firstArc(n); a < g.endArc(n); ++a)
                links.push_back(int(g.data().arcLink[a] & RoadGraph::kLinkMask));
        }
        for (const int l : g.loopLinks()) // no reached node lists them
            if (std::isfinite(tree.nodeCost(g.linkFrom(l))))
                links.push_back(l);
        // A link is travelled only from an end with an outgoing arc on it, so links
        // leaving reached nodes (and the facility's own link) hold every reachable demand.
        std::sort(links.begin(), links.end());
        links.erase(std::unique(links.begin(), links.end()), links.end());
        for (int l : links)
            if (l != facilities[std::size_t(f)].at.link)
                visitLink(l);
        ShortestPathTree::recycle(std::move(tree));
        const int d = ++done;
        feedback.setProgress(100.0 * d / double(total));
        return hits;
    };
    std::vector<FacilityHits> all = QtConcurrent::blockingMapped<std::vector<FacilityHits>>(indices, perFacility);
    feedback.throwIfCanceled();
    return all;
}

FacilityCosts FacilityCosts::merge(const std::vector<const FacilityHits *> &perFacility, std::size_t nd)
{
    FacilityCosts out;
    out.m_first.assign(nd + 1, 0);
    for (const FacilityHits *hits : perFacility)
        for (const FacilityHit &h : *hits)
            ++out.m_first[h.demand + 1];
    std::partial_sum(out.m_first.begin(), out.m_first.end(), out.m_first.begin());
    out.m_entries.resize(out.m_first.back());
    std::vector<std::uint32_t> fill(out.m_first.begin(), out.m_first.end() - 1);
    for (std::size_t f = 0; f < perFacility.size(); ++f)
        for (const FacilityHit &h : *perFacility[f])
            out.m_entries[fill[h.demand]++] = {std::int32_t(f), h.cost};
    for (std::size_t i = 0; i < nd; ++i)
        std::sort(out.m_entries.begin() + out.m_first[i], out.m_entries.begin() + out.m_first[i + 1],
                  [](const FacilityCost &a, const FacilityCost &b) { return a.cost != b.cost ? a.cost < b.cost : a.facility < b.facility; });
    return out;
}

} // namespace refuge
