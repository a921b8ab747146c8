// CoverageCostCache: per-facility coverage searches kept and reused across runs (what-if).
#include "analysis/CoverageCostCache.h"
#include "analysis/CoverageNetwork.h"
#include "util/Feedback.h"

#include <cstring>
#include <xxhash.h>

namespace refuge {

namespace {

template <typename T>
void append(std::string &key, const T &value)
{
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    key.append(bytes, sizeof(T));
}

} // namespace

std::uint64_t CoverageCostCache::fingerprint(const SnappedLayer &points)
{
    // Field by field (no padding bytes), in blocks.
    XXH3_state_t *state = XXH3_createState();
    XXH3_64bits_reset(state);
    std::string block;
    block.reserve(4096 * 44);
    for (std::size_t i = 0; i < points.points.size(); ++i) {
        const SnappedPoint &p = points.points[i];
        append(block, std::int32_t(p.link));
        append(block, p.offsetMeters);
        append(block, p.distanceMeters);
        append(block, p.position.x());
        append(block, p.position.y());
        if (block.size() >= 4096 * 40) {
            XXH3_64bits_update(state, block.data(), block.size());
            block.clear();
        }
    }
    XXH3_64bits_update(state, block.data(), block.size());
    const std::uint64_t h = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    return h;
}

std::uint64_t CoverageCostCache::fingerprint(const std::vector<float> &linkFactors)
{
    return linkFactors.empty() ? 0 : XXH3_64bits(linkFactors.data(), linkFactors.size() * sizeof(float));
}

void CoverageCostCache::clear()
{
    m_searches.clear();
    m_graphs.clear();
    m_reused = m_searched = 0;
}

std::string CoverageCostCache::contextKey(const RoadGraph &graph, const SnappedLayer &demand, const RoutingOptions &routing)
{
    const void *data = &graph.data();
    if (std::none_of(m_graphs.begin(), m_graphs.end(), [&](const RoadGraph &g) { return &g.data() == data; }))
        m_graphs.push_back(graph);
    std::string key;
    append(key, reinterpret_cast<std::uintptr_t>(data));
    key += graph.profileName().toStdString();
    key += '\0';
    append(key, std::int32_t(routing.unit));
    append(key, routing.limit);
    append(key, std::int32_t(routing.snapLegs));
    append(key, std::uint64_t(routing.linkFactors.size()));
    append(key, fingerprint(routing.linkFactors));
    append(key, std::uint64_t(demand.points.size()));
    append(key, fingerprint(demand));
    return key;
}

std::string CoverageCostCache::facilityKey(const std::string &context, const NetworkSource &s)
{
    std::string key = context;
    append(key, std::int32_t(s.at.link));
    append(key, s.at.offsetMeters);
    append(key, s.at.distanceMeters);
    append(key, s.at.position.x());
    append(key, s.at.position.y());
    append(key, s.startCost);
    return key;
}

CoverageCosts CoverageCostCache::costs(const RoadGraph &graph, const std::vector<NetworkSource> &facilities, const SnappedLayer &facilityPoints,
                                       const SnappedLayer &demand, const RoutingOptions &routing, Feedback &feedback)
{
    // 1. Look every facility up; collect the missing ones.
    const std::string context = contextKey(graph, demand, routing);
    static const FacilityHits kNothing;
    std::vector<const FacilityHits *> lists(facilities.size(), &kNothing);
    std::vector<std::shared_ptr<const FacilityHits>> held(facilities.size());
    std::vector<NetworkSource> missing;
    std::vector<std::size_t> missingAt;
    std::vector<std::string> missingKeys;
    m_reused = m_searched = 0;
    for (std::size_t f = 0; f < facilities.size(); ++f) {
        if (!facilities[f].at.isSnapped())
            continue;
        std::string key = facilityKey(context, facilities[f]);
        const auto it = m_searches.find(key);
        if (it != m_searches.end()) {
            held[f] = it->second;
            ++m_reused;
        } else {
            missing.push_back(facilities[f]);
            missingAt.push_back(f);
            missingKeys.push_back(std::move(key));
        }
    }
    // 2. Search them (in parallel) and keep them.
    std::vector<FacilityHits> fresh = missing.empty() ? std::vector<FacilityHits>()
                                                      : FacilityCosts::search(graph, missing, demand, routing, feedback);
    for (std::size_t k = 0; k < fresh.size(); ++k) {
        auto hits = std::make_shared<const FacilityHits>(std::move(fresh[k]));
        m_searches[missingKeys[k]] = hits;
        held[missingAt[k]] = std::move(hits);
        ++m_searched;
    }
    for (std::size_t f = 0; f < facilities.size(); ++f)
        if (held[f])
            lists[f] = held[f].get();
    // 3. The table, as a from-scratch run builds it.
    return CoverageNetwork::fromTable(FacilityCosts::merge(lists, demand.points.size()), graph.profileName(), int(facilities.size()),
                                      facilityPoints, demand, routing);
}

} // namespace refuge
