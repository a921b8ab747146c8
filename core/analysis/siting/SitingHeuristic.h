#pragma once
// SitingHeuristic: fast solutions for large siting instances — greedy construction
// (the site adding most at each step) then Teitz–Bart vertex substitution (swap an open
// site for a closed one while that improves the objective). MCLP runs on incremental
// coverage counts (a full swap pass costs about one pass over the cost table); the other
// models re-evaluate the whole solution per trial. LSCP: greedy set cover, then redundant
// sites dropped; p-center: the least radius whose greedy cover fits in k sites.
// Synchronous, polls Feedback; any thread.
#include "analysis/siting/SitingProblem.h"

#include <vector>

namespace refuge {

class Feedback;

class SitingHeuristic {
public:
    // Open flags per candidate (existing ones set), k new sites (LSCP: as many as needed).
    static std::vector<char> solve(const SitingProblem &problem, SitingModel model, int k, Feedback &feedback);
    // The figures of one solution: SitingEvaluator, or the capacitated LP assignment.
    static SitingEvaluation evaluate(const SitingProblem &problem, SitingModel model, const std::vector<char> &open);
};

} // namespace refuge
