#include "analysis/Coverage.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <cmath>

namespace refuge {

CoverageResult Coverage::run(const DemandSet &demand, const CoverageCosts &costs, const std::vector<int> &demandArea,
                             int areaCount, Feedback &feedback)
{
    const std::size_t n = demand.size();
    if (std::size_t(costs.demandCount()) != n)
        throw InvalidInput(QStringLiteral("cost table has %1 demand rows for %2 demand units").arg(costs.demandCount()).arg(n));
    if (!demandArea.empty() && demandArea.size() != n)
        throw InvalidInput(QStringLiteral("area index has %1 rows for %2 demand units").arg(demandArea.size()).arg(n));
    CoverageResult r;
    r.cost.resize(n);
    r.facility.resize(n);
    r.covered.assign(n, 0);
    r.unsnapped.assign(n, 0);
    r.populationInReach.assign(std::size_t(costs.facilityCount()), 0.0);
    r.nearestPopulation.assign(std::size_t(costs.facilityCount()), 0.0);
    r.areas.assign(std::size_t(std::max(0, areaCount)), {});
    for (int u : costs.unsnappedDemand)
        if (u >= 0 && std::size_t(u) < n)
            r.unsnapped[std::size_t(u)] = 1;
    r.unsnappedDemand = int(costs.unsnappedDemand.size());
    r.unsnappedFacilities = int(costs.unsnappedFacilities.size());

    for (std::size_t i = 0; i < n; ++i) {
        if ((i & 65535) == 0) {
            feedback.throwIfCanceled();
            feedback.setProgress(100.0 * double(i) / double(n));
        }
        const double pop = demand.population[i];
        const auto within = costs.within(int(i));
        r.cost[i] = costs.nearestCost(int(i));
        r.facility[i] = costs.nearestFacility(int(i));
        const bool covered = !within.empty();
        r.covered[i] = covered ? 1 : 0;
        r.totalPopulation += pop;
        if (r.unsnapped[i])
            r.unsnappedPopulation += pop;
        if (covered) {
            r.coveredPopulation += pop;
            r.nearestPopulation[std::size_t(within.front().facility)] += pop;
            for (const CostEntry &e : within)
                r.populationInReach[std::size_t(e.facility)] += pop;
        }
        CoverageAreaTotals &a = demandArea.empty() || demandArea[i] < 0 ? r.outsideAreas : r.areas[std::size_t(demandArea[i])];
        a.population += pop;
        a.covered += covered ? pop : 0.0;
        ++a.units;
    }
    feedback.setProgress(100.0);
    return r;
}

} // namespace refuge
