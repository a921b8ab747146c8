// Greedy + Teitz–Bart swap for the siting models (see SitingHeuristic.h).
#include "analysis/siting/SitingHeuristic.h"
#include "analysis/siting/SitingMilp.h"
#include "util/Feedback.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace refuge {

namespace {

bool better(double a, double b)
{
    return a > b + 1e-9 * std::max(1.0, std::abs(b));
}

std::vector<char> existingOnly(const SitingProblem &p)
{
    std::vector<char> open(std::size_t(p.candidateCount()), 0);
    for (int j = 0; j < p.candidateCount(); ++j)
        open[std::size_t(j)] = p.isFixed(j) ? 1 : 0;
    return open;
}

// MCLP on coverage counts: cover[j] lists the demand units candidate j reaches.
class FastMclp {
public:
    explicit FastMclp(const SitingProblem &p) : m_p(p), m_count(std::size_t(p.demandCount()), 0)
    {
        m_cover.resize(std::size_t(p.candidateCount()));
        for (int i = 0; i < p.demandCount(); ++i)
            for (const CostEntry &c : p.costs.within(i))
                m_cover[std::size_t(c.facility)].push_back(i);
    }

    std::vector<char> run(int k, Feedback &feedback)
    {
        std::vector<char> open = existingOnly(m_p);
        for (int j = 0; j < m_p.candidateCount(); ++j)
            if (open[std::size_t(j)])
                change(j, +1);
        for (int step = 0; step < k; ++step) {
            feedback.throwIfCanceled();
            const std::vector<double> g = gains();
            int best = -1;
            for (int j = 0; j < m_p.candidateCount(); ++j)
                if (!open[std::size_t(j)] && (best < 0 || g[std::size_t(j)] > g[std::size_t(best)]))
                    best = j;
            open[std::size_t(best)] = 1;
            change(best, +1);
        }
        while (swapPass(open))
            feedback.throwIfCanceled();
        return perturbed(open, k, feedback);
    }

private:
    const SitingProblem &m_p;
    std::vector<std::vector<int>> m_cover;
    std::vector<int> m_count;

    static constexpr int kRounds = 40; // iterated local search rounds (deterministic seed)

    double covered() const
    {
        double s = 0;
        for (int i = 0; i < m_p.demandCount(); ++i)
            s += m_count[std::size_t(i)] > 0 ? w(i) : 0.0;
        return s;
    }
    void recount(const std::vector<char> &open)
    {
        std::fill(m_count.begin(), m_count.end(), 0);
        for (int j = 0; j < m_p.candidateCount(); ++j)
            if (open[std::size_t(j)])
                change(j, +1);
    }
    // Iterated local search: close a few new sites at random, refill greedily (not with
    // the sites just closed), swap to a local optimum again; keep the best solution.
    std::vector<char> perturbed(std::vector<char> best, int k, Feedback &feedback)
    {
        double bestValue = covered();
        std::mt19937 rng(20261207u);
        const int kick = std::min(3, k);
        std::vector<char> open = best;
        for (int round = 0; round < kRounds && kick > 0; ++round) {
            feedback.throwIfCanceled();
            std::vector<int> fresh;
            for (int j = 0; j < m_p.candidateCount(); ++j)
                if (open[std::size_t(j)] && !m_p.isFixed(j))
                    fresh.push_back(j);
            std::shuffle(fresh.begin(), fresh.end(), rng);
            std::vector<char> tabu(std::size_t(m_p.candidateCount()), 0);
            for (int t = 0; t < kick; ++t) {
                open[std::size_t(fresh[std::size_t(t)])] = 0;
                tabu[std::size_t(fresh[std::size_t(t)])] = 1;
                change(fresh[std::size_t(t)], -1);
            }
            for (int t = 0; t < kick; ++t) {
                const std::vector<double> g = gains();
                int add = -1;
                for (int j = 0; j < m_p.candidateCount(); ++j)
                    if (!open[std::size_t(j)] && !tabu[std::size_t(j)] && (add < 0 || g[std::size_t(j)] > g[std::size_t(add)]))
                        add = j;
                if (add < 0)
                    add = fresh[std::size_t(t)];
                open[std::size_t(add)] = 1;
                change(add, +1);
            }
            while (swapPass(open))
                feedback.throwIfCanceled();
            const double v = covered();
            if (better(v, bestValue)) {
                best = open;
                bestValue = v;
            } else {
                open = best;
                recount(open);
            }
        }
        return best;
    }

    void change(int j, int delta)
    {
        for (int i : m_cover[std::size_t(j)])
            m_count[std::size_t(i)] += delta;
    }
    double w(int i) const { return m_p.population[std::size_t(i)]; }
    // Population each candidate would newly cover.
    std::vector<double> gains() const
    {
        std::vector<double> g(std::size_t(m_p.candidateCount()), 0.0);
        for (int j = 0; j < m_p.candidateCount(); ++j)
            for (int i : m_cover[std::size_t(j)])
                if (m_count[std::size_t(i)] == 0)
                    g[std::size_t(j)] += w(i);
        return g;
    }
    // One Teitz–Bart pass: for each open new site, the best closed site to replace it.
    bool swapPass(std::vector<char> &open)
    {
        bool improved = false;
        std::vector<double> base = gains();
        std::vector<double> extra(std::size_t(m_p.candidateCount()), 0.0);
        for (int r = 0; r < m_p.candidateCount(); ++r) {
            if (!open[std::size_t(r)] || m_p.isFixed(r))
                continue;
            double loss = 0;
            std::fill(extra.begin(), extra.end(), 0.0);
            for (int i : m_cover[std::size_t(r)])
                if (m_count[std::size_t(i)] == 1) {
                    loss += w(i);
                    for (const CostEntry &c : m_p.costs.within(i))
                        extra[std::size_t(c.facility)] += w(i);
                }
            int best = -1;
            double bestDelta = 0;
            for (int j = 0; j < m_p.candidateCount(); ++j) {
                if (open[std::size_t(j)])
                    continue;
                const double delta = base[std::size_t(j)] + extra[std::size_t(j)] - loss;
                if (better(delta, bestDelta)) {
                    best = j;
                    bestDelta = delta;
                }
            }
            if (best < 0)
                continue;
            open[std::size_t(r)] = 0;
            change(r, -1);
            open[std::size_t(best)] = 1;
            change(best, +1);
            base = gains();
            improved = true;
        }
        return improved;
    }
};

double scoreOf(const SitingProblem &p, SitingModel model, const std::vector<char> &open)
{
    return SitingEvaluator::score(p, model, SitingHeuristic::evaluate(p, model, open));
}

// Generic greedy: add the site that raises the score most, k times.
std::vector<char> greedy(const SitingProblem &p, SitingModel model, int k, Feedback &feedback)
{
    std::vector<char> open = existingOnly(p);
    for (int step = 0; step < k; ++step) {
        feedback.throwIfCanceled();
        int best = -1;
        double bestScore = 0;
        for (int j = 0; j < p.candidateCount(); ++j) {
            if (open[std::size_t(j)])
                continue;
            open[std::size_t(j)] = 1;
            const double s = scoreOf(p, model, open);
            open[std::size_t(j)] = 0;
            if (best < 0 || better(s, bestScore)) {
                best = j;
                bestScore = s;
            }
        }
        open[std::size_t(best)] = 1;
    }
    return open;
}

// Generic Teitz–Bart: replace an open site by the best closed one while the score improves.
void swapSearch(const SitingProblem &p, SitingModel model, std::vector<char> &open, Feedback &feedback)
{
    double current = scoreOf(p, model, open);
    for (bool improved = true; improved;) {
        improved = false;
        for (int r = 0; r < p.candidateCount(); ++r) {
            if (!open[std::size_t(r)] || p.isFixed(r))
                continue;
            feedback.throwIfCanceled();
            open[std::size_t(r)] = 0;
            int best = -1;
            double bestScore = current;
            for (int j = 0; j < p.candidateCount(); ++j) {
                if (open[std::size_t(j)] || j == r)
                    continue;
                open[std::size_t(j)] = 1;
                const double s = scoreOf(p, model, open);
                open[std::size_t(j)] = 0;
                if (better(s, bestScore)) {
                    best = j;
                    bestScore = s;
                }
            }
            open[std::size_t(best >= 0 ? best : r)] = 1;
            if (best >= 0) {
                current = bestScore;
                improved = true;
            }
        }
    }
}

// Greedy set cover over the units a candidate reaches within `radius` (by units newly
// covered, ties by population), then sites whose units are all covered twice dropped.
std::vector<char> greedyCover(const SitingProblem &p, double radius, Feedback &feedback)
{
    std::vector<char> open = existingOnly(p);
    std::vector<std::vector<int>> cover(std::size_t(p.candidateCount()));
    std::vector<int> count(std::size_t(p.demandCount()), 0);
    for (int i = 0; i < p.demandCount(); ++i)
        for (const CostEntry &c : p.costs.within(i))
            if (double(c.cost) <= radius) {
                cover[std::size_t(c.facility)].push_back(i);
                count[std::size_t(i)] += open[std::size_t(c.facility)];
            }
    for (;;) {
        feedback.throwIfCanceled();
        int best = -1;
        double bestUnits = 0, bestPop = 0;
        for (int j = 0; j < p.candidateCount(); ++j) {
            if (open[std::size_t(j)])
                continue;
            double units = 0, pop = 0;
            for (int i : cover[std::size_t(j)])
                if (count[std::size_t(i)] == 0) {
                    units += 1;
                    pop += p.population[std::size_t(i)];
                }
            if (units > bestUnits || (units == bestUnits && units > 0 && pop > bestPop)) {
                best = j;
                bestUnits = units;
                bestPop = pop;
            }
        }
        if (best < 0)
            break;
        open[std::size_t(best)] = 1;
        for (int i : cover[std::size_t(best)])
            ++count[std::size_t(i)];
    }
    for (int j = p.candidateCount() - 1; j >= 0; --j) {
        if (!open[std::size_t(j)] || p.isFixed(j))
            continue;
        const bool redundant = std::all_of(cover[std::size_t(j)].begin(), cover[std::size_t(j)].end(),
                                           [&](int i) { return count[std::size_t(i)] >= 2; });
        if (redundant) {
            open[std::size_t(j)] = 0;
            for (int i : cover[std::size_t(j)])
                --count[std::size_t(i)];
        }
    }
    return open;
}

int newSites(const SitingProblem &p, const std::vector<char> &open)
{
    int n = 0;
    for (int j = 0; j < p.candidateCount(); ++j)
        n += open[std::size_t(j)] && !p.isFixed(j);
    return n;
}

// Capacitated LSCP: add the site placing most people until everyone reachable is placed
// (or every site is open), then drop sites the others can do without.
std::vector<char> capacitatedCover(const SitingProblem &p, Feedback &feedback)
{
    std::vector<char> open = existingOnly(p);
    while (!SitingHeuristic::evaluate(p, SitingModel::Lscp, open).feasible && newSites(p, open) < p.newCandidateCount())
        open = greedy(p, SitingModel::Mclp, newSites(p, open) + 1, feedback);
    for (int j = p.candidateCount() - 1; j >= 0; --j) {
        if (!open[std::size_t(j)] || p.isFixed(j))
            continue;
        open[std::size_t(j)] = 0;
        if (!SitingHeuristic::evaluate(p, SitingModel::Lscp, open).feasible)
            open[std::size_t(j)] = 1;
    }
    return open;
}

std::vector<char> pCenter(const SitingProblem &p, int k, Feedback &feedback)
{
    std::vector<float> radii;
    for (int i = 0; i < p.demandCount(); ++i)
        for (const CostEntry &c : p.costs.within(i))
            radii.push_back(c.cost);
    std::sort(radii.begin(), radii.end());
    radii.erase(std::unique(radii.begin(), radii.end()), radii.end());
    int lo = 0, hi = int(radii.size()) - 1;
    std::vector<char> best;
    while (lo <= hi) {
        const int mid = (lo + hi) / 2;
        std::vector<char> open = greedyCover(p, radii[std::size_t(mid)], feedback);
        if (newSites(p, open) <= k) {
            best = std::move(open);
            hi = mid - 1;
        } else {
            lo = mid + 1;
        }
    }
    if (best.empty()) // k sites cannot reach everyone: cover as much as possible
        return greedy(p, SitingModel::PCenter, k, feedback);
    while (newSites(p, best) < k) { // pad: least person-cost first
        int add = -1;
        double bestCost = 0;
        for (int j = 0; j < p.candidateCount(); ++j) {
            if (best[std::size_t(j)])
                continue;
            best[std::size_t(j)] = 1;
            const double c = SitingEvaluator::evaluate(p, SitingModel::PMedian, best).objective;
            best[std::size_t(j)] = 0;
            if (add < 0 || c < bestCost) {
                add = j;
                bestCost = c;
            }
        }
        best[std::size_t(add)] = 1;
    }
    swapSearch(p, SitingModel::PCenter, best, feedback);
    return best;
}

} // namespace

SitingEvaluation SitingHeuristic::evaluate(const SitingProblem &p, SitingModel model, const std::vector<char> &open)
{
    return p.capacitated() ? SitingMilp::evaluateCapacitated(p, model, open) : SitingEvaluator::evaluate(p, model, open);
}

std::vector<char> SitingHeuristic::solve(const SitingProblem &p, SitingModel model, int k, Feedback &feedback)
{
    if (model == SitingModel::Lscp)
        return p.capacitated() ? capacitatedCover(p, feedback) : greedyCover(p, std::numeric_limits<double>::infinity(), feedback);
    if (model == SitingModel::PCenter)
        return pCenter(p, k, feedback);
    if (model == SitingModel::Mclp && !p.capacitated())
        return FastMclp(p).run(k, feedback);
    std::vector<char> open = greedy(p, model, k, feedback);
    swapSearch(p, model, open, feedback);
    return open;
}

} // namespace refuge
