#pragma once
// SitingBound: a cheap upper bound on the MCLP optimum (uncapacitated) by Lagrangian
// relaxation of the coverage constraints, improved by subgradient steps: each step is
// one pass over the cost table plus choosing the k best sites, so a few hundred steps
// cost far less than the LP relaxation on large instances (and approach its value).
// Any multipliers give a valid bound. Pure function; any thread.
#include "analysis/siting/SitingProblem.h"

namespace refuge {

class SitingBound {
public:
    // Upper bound on the population k new sites (plus the existing ones) can cover.
    // `lowerBound`: the best known solution's value (steers the step size).
    static double mclpLagrangian(const SitingProblem &problem, int k, double lowerBound, int iterations = 400);
};

} // namespace refuge
