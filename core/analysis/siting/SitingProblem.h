#pragma once
// SitingProblem: one facility-siting instance — demand units with population, the
// candidate sites (existing facilities among them, kept open), their capacities, and
// the sparse candidate × demand cost table within the limit (a CoverageCosts filled by
// the network engine's bounded searches, straight lines, or a test). Also the shared
// rules every solver uses: what a model's objective is for a set of open sites
// (evaluate), which demand no candidate reaches, and the refusals (validate).
// A plain value, safe to copy and read from any thread.
#include "analysis/CoverageCosts.h"

#include <QString>
#include <span>
#include <vector>

namespace refuge {

enum class SitingModel {
    Lscp,    // fewest new sites so that all reachable demand is covered
    Mclp,    // k new sites maximising covered population
    PMedian, // k new sites minimising total person-cost (unserved demand at a penalty)
    PCenter, // k new sites minimising the worst cost of the reachable demand
    Backup,  // k new sites maximising population covered once plus population covered twice
};

SitingModel sitingModelFromName(const QString &name); // InvalidInput for an unknown name
QString sitingModelName(SitingModel model);

struct SitingProblem {
    CoverageCosts costs;            // demand × candidate within the limit
    std::vector<double> population; // per demand unit, > 0
    std::vector<char> fixed;        // per candidate: an existing facility, always open (empty: none)
    std::vector<double> capacity;   // per candidate, persons (empty: uncapacitated)
    double unservedCost = 0;        // p-median: cost per person left unserved (0: 2 × limit)

    int demandCount() const { return costs.demandCount(); }
    int candidateCount() const { return costs.facilityCount(); }
    bool capacitated() const { return !capacity.empty(); }
    bool isFixed(int j) const { return !fixed.empty() && fixed[std::size_t(j)]; }
    int newCandidateCount() const;
    double penalty() const { return unservedCost > 0 ? unservedCost : 2.0 * costs.limit(); }
    double totalPopulation() const;

    // Demand units no candidate (new or existing) reaches within the limit.
    std::vector<int> unreachableDemand() const;
    // Throws InvalidInput for inconsistent sizes, non-positive population, k larger
    // than the new candidates, a model that does not take capacities, no candidate
    // reaching any demand. k is ignored for LSCP.
    void validate(SitingModel model, int k) const;
};

// The figures of one set of open sites, as the models measure them.
struct SitingEvaluation {
    double objective = 0;           // in the model's sense (LSCP: number of new sites)
    double coveredPopulation = 0;   // within the limit of an open site (capacitated: assigned)
    double coveredTwicePopulation = 0;
    double personCost = 0;          // Σ population × cost to the assigned site (served only)
    double worstCost = 0;           // largest cost of a served demand unit
    double unservedReachable = 0;   // population a candidate could reach but no open site serves
    bool feasible = true;           // LSCP / p-center: every reachable unit served
    std::vector<int> assigned;      // per demand: the site serving it (most of it when split), -1 none
    std::vector<float> assignedCost; // per demand: its cost (+inf none)
    std::vector<double> siteLoad;   // per candidate: population it serves
};

class SitingEvaluator {
public:
    // Uncapacitated rules: each unit goes to its cheapest open site within the limit.
    // open[j] != 0 for open sites (fixed ones must be set too). Capacitated problems are
    // evaluated by SitingMilp::evaluateCapacitated.
    static SitingEvaluation evaluate(const SitingProblem &problem, SitingModel model, std::span<const char> open);
    // Larger is better: the score heuristics compare (objective, sign turned; p-center and
    // LSCP first count covered population so partial solutions can be ranked).
    static double score(const SitingProblem &problem, SitingModel model, const SitingEvaluation &e);
};

} // namespace refuge
