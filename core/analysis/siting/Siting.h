#pragma once
// Siting: where to put the next shelters or fire stations — solves a SitingProblem
// with the solver asked (exact MILP by CBC, greedy + swap heuristic, or auto: exact on
// instances small enough, warm-started from the heuristic), and reports what a planner
// needs: the chosen sites ranked by marginal gain, the objective with its bound, gap
// and solver, the assignments, the curve of the objective as k grows ("what each
// additional site buys"), and the demand no candidate reaches. Synchronous, polls
// Feedback; any thread.
#include "analysis/siting/SitingProblem.h"

#include <QJsonObject>
#include <QStringList>
#include <vector>

namespace refuge {

class Feedback;

enum class SitingSolver { Auto, Exact, Heuristic };
SitingSolver sitingSolverFromName(const QString &name); // InvalidInput for an unknown name

struct SitingOptions {
    SitingModel model = SitingModel::Mclp;
    int k = 1;                       // new sites (LSCP: ignored)
    SitingSolver solver = SitingSolver::Auto;
    double timeLimitSeconds = 60;    // per exact solve
    bool curve = true;               // also solve k = 1 .. k-1 (LSCP: MCLP for 1 .. its answer)
    std::size_t autoExactEntries = 100000; // auto: exact when the cost table is at most this big
};

struct SitingSite {
    int candidate = -1;
    double gain = 0;                 // what it adds to the objective, in rank order (min models: the decrease)
    double objectiveAfter = 0;       // the objective with it and the sites ranked before it
    double assignedPopulation = 0;   // population it serves in the final solution
};

struct SitingCurvePoint {
    int k = 0;                       // new sites (0: existing facilities only)
    double objective = 0;
    double coveredPopulation = 0;
    double personCost = 0;
    double worstCost = 0;            // +inf when not every reachable unit is served
    bool feasible = true;
    QString solver;
    double gap = 0;                  // NaN when no bound is known
};

struct SitingResult {
    SitingModel model = SitingModel::Mclp;
    int k = 0;                        // new sites chosen
    QString solver;                   // "exact (CBC)", "heuristic (greedy + Teitz-Bart swap)"
    bool optimal = false;             // proven optimal
    bool timeLimitHit = false;
    bool feasible = true;             // LSCP: every reachable unit covered (capacitated: placed)
    double objective = 0;
    double bound = 0;                 // NaN when none is known
    double gap = 0;                   // |objective − bound| / |objective|; NaN when no bound
    std::vector<SitingSite> sites;    // new sites, ranked by marginal gain
    std::vector<char> open;           // per candidate
    SitingEvaluation evaluation;      // assignments and figures of the solution
    std::vector<int> unreachableDemand; // units no candidate reaches within the limit
    double unreachablePopulation = 0;
    std::vector<SitingCurvePoint> curve;
    QStringList warnings;
    QJsonObject summaryJson() const;  // objective, bound, gap, solver, figures
};

class Siting {
public:
    // Throws InvalidInput (SitingProblem::validate) or Canceled.
    static SitingResult solve(const SitingProblem &problem, const SitingOptions &options, Feedback &feedback);
};

} // namespace refuge
