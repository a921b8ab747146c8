#pragma once
// Coverage: who is within the limit of a facility. For every demand unit, the cost to
// its nearest facility and whether it is within the limit; totals per facility
// (population in reach of it, and population for which it is the nearest), per area
// and overall. Works on any CoverageCosts (network, straight line, injected), so the
// same code serves hazard scenarios that swap inputs. Synchronous, any thread.
#include "analysis/CoverageCosts.h"
#include "analysis/Demand.h"

#include <QStringList>
#include <vector>

namespace refuge {

class Feedback;

struct CoverageAreaTotals {
    double population = 0;
    double covered = 0;
    int units = 0;
    double share() const { return population > 0 ? covered / population : 0.0; }
};

struct CoverageResult {
    // Per demand unit.
    std::vector<float> cost;        // to the nearest facility (+inf: none known)
    std::vector<int> facility;      // nearest facility (-1)
    std::vector<char> covered;      // within the limit
    std::vector<char> unsnapped;    // demand unit not on the network
    // Per facility.
    std::vector<double> populationInReach; // everyone within the limit of it
    std::vector<double> nearestPopulation; // covered people for whom it is the nearest
    // Per area (areaCount entries) + population outside every area.
    std::vector<CoverageAreaTotals> areas;
    CoverageAreaTotals outsideAreas;
    // Overall.
    double totalPopulation = 0;
    double coveredPopulation = 0;
    double unsnappedPopulation = 0;
    int unsnappedDemand = 0;
    int unsnappedFacilities = 0;
    double coveredShare() const { return totalPopulation > 0 ? coveredPopulation / totalPopulation : 0.0; }
};

class Coverage {
public:
    // demandArea[i]: area index of demand unit i (-1 outside; empty = no areas).
    // Throws InvalidInput when the sizes disagree.
    static CoverageResult run(const DemandSet &demand, const CoverageCosts &costs, const std::vector<int> &demandArea,
                              int areaCount, Feedback &feedback);
};

} // namespace refuge
