#pragma once
// CoverageCosts: the sparse demand × facility cost table coverage, capacity and fire
// response work from — for every demand unit, the facilities within the limit,
// cheapest first, plus the cost to its nearest facility (which may lie beyond the
// limit when known, +inf otherwise). Filled from the road network (CoverageNetwork),
// by straight-line distance (euclidean(), a labelled fallback), or injected by tests.
// A plain value; safe to copy and read from any thread.
#include <QPointF>
#include <QString>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace refuge {

class Feedback;

struct CostEntry {
    std::int32_t facility = -1;
    float cost = 0;
};

class CoverageCosts {
public:
    static constexpr float kUnreached = std::numeric_limits<float>::infinity();

    CoverageCosts() = default;

    // Straight-line costs: distance (CRS units × metresPerCrsUnit = metres) divided by
    // metresPerCostUnit (1 for metres, a speed in m/s for seconds), plus the facility's
    // start cost (e.g. turnout seconds; empty = none). limit is in cost units.
    static CoverageCosts euclidean(const std::vector<QPointF> &demand, const std::vector<QPointF> &facilities,
                                   double limit, double metresPerCrsUnit, double metresPerCostUnit,
                                   const std::vector<double> &startCosts, Feedback &feedback);
    // From explicit lists (tests, other engines): lists[i] = (facility, cost) pairs;
    // entries beyond the limit are dropped from the table but count for nearest().
    static CoverageCosts fromLists(const std::vector<std::vector<CostEntry>> &lists, int facilityCount, double limit);

    int demandCount() const { return int(m_nearestCost.size()); }
    int facilityCount() const { return m_facilityCount; }
    double limit() const { return m_limit; }
    // Facilities within the limit of demand i, cheapest first (ties: lower index first).
    std::span<const CostEntry> within(int i) const
    {
        return {m_entries.data() + m_first[std::size_t(i)], m_entries.data() + m_first[std::size_t(i) + 1]};
    }
    float nearestCost(int i) const { return m_nearestCost[std::size_t(i)]; }
    int nearestFacility(int i) const { return m_nearestFacility[std::size_t(i)]; }
    std::size_t entryCount() const { return m_entries.size(); }

    // Rows that could not be placed on the network (empty for straight-line costs).
    std::vector<int> unsnappedDemand, unsnappedFacilities;
    QString unit = QStringLiteral("m"); // "m" or "s"
    QString method;                    // "network (walk)", "straight line"...

    // Builder used by the network adapter: append demand rows in order.
    void reserve(std::size_t demand, std::size_t entries);
    void beginDemand();
    void addEntry(int facility, float cost) { m_entries.push_back({facility, cost}); }
    void endDemand(float nearestCost, int nearestFacility);
    void setShape(int facilityCount, double limit)
    {
        m_facilityCount = facilityCount;
        m_limit = limit;
    }

private:
    int m_facilityCount = 0;
    double m_limit = std::numeric_limits<double>::infinity();
    std::vector<std::uint32_t> m_first{0};
    std::vector<CostEntry> m_entries;
    std::vector<float> m_nearestCost;
    std::vector<std::int32_t> m_nearestFacility;
};

} // namespace refuge
