#pragma once
// SitingMilp: the siting models as mixed-integer programs solved by CBC (COIN-OR,
// through its C interface) — exact solutions with a time limit, the best bound and
// the gap, LP relaxations (the heuristics' bound), and the capacitated assignment of
// a given set of open sites (an LP). Coverage models (LSCP, MCLP, backup) merge demand
// units that the same candidates reach into one row; p-center is solved as a series
// of set-covering problems over the distinct costs (the least radius k sites cover).
// Synchronous; any thread (CBC itself is serialised behind one lock).
#include "analysis/siting/SitingProblem.h"

#include <span>
#include <vector>

namespace refuge {

struct MilpOutcome {
    bool hasSolution = false;       // an integer-feasible solution was found
    bool optimal = false;           // proven optimal
    bool infeasible = false;        // proven infeasible (e.g. capacities too small for LSCP)
    bool timeLimitHit = false;
    double objective = 0;           // in the model's sense (p-median includes the penalty)
    double bound = 0;               // best bound on the optimum (lower for min, upper for max)
    std::vector<char> open;         // per candidate (fixed ones open)
    std::vector<int> assigned;      // capacitated: per demand the site taking most of it (-1)
    std::vector<double> servedShare; // capacitated: per demand the share assigned (0..1)
};

class SitingMilp {
public:
    // Exact. `start` (per candidate, may be empty) is handed to CBC as a MIP start.
    static MilpOutcome solve(const SitingProblem &problem, SitingModel model, int k, double timeLimitSeconds,
                             std::span<const char> start = {});
    // The LP relaxation's optimum: a bound on the model's optimum (p-center: the largest
    // nearest-candidate cost, a cheap valid bound). hasSolution false when it failed.
    static MilpOutcome relaxation(const SitingProblem &problem, SitingModel model, int k, double timeLimitSeconds);
    // Capacitated problems: the best assignment to the open sites (LP): covered =
    // assigned population; p-median: person-cost + penalty for the unassigned.
    static SitingEvaluation evaluateCapacitated(const SitingProblem &problem, SitingModel model, std::span<const char> open);
};

} // namespace refuge
