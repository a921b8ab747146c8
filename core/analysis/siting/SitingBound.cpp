// MCLP Lagrangian bound (see SitingBound.h). With multipliers 0 ≤ λ_i ≤ w_i on
// "unit i is covered only if an open site reaches it":
//   L(λ) = constant + Σ_i (w_i − λ_i) + (sum of the k largest Σ_{i reached by j} λ_i)
// is ≥ the optimum for every λ; subgradient g_i = (chosen sites reaching i) − 1.
#include "analysis/siting/SitingBound.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace refuge {

double SitingBound::mclpLagrangian(const SitingProblem &p, int k, double lowerBound, int iterations)
{
    // Units reached by an existing site are covered anyway: a constant.
    double constant = 0;
    std::vector<int> units;
    for (int i = 0; i < p.demandCount(); ++i) {
        bool existing = false, any = false;
        for (const CostEntry &c : p.costs.within(i)) {
            existing = existing || p.isFixed(c.facility);
            any = true;
        }
        if (existing)
            constant += p.population[std::size_t(i)];
        else if (any)
            units.push_back(i);
    }
    const std::size_t C = std::size_t(p.candidateCount());
    std::vector<double> lambda(std::size_t(p.demandCount()), 0.0), value(C, 0.0);
    for (int i : units)
        lambda[std::size_t(i)] = 0.5 * p.population[std::size_t(i)];
    std::vector<int> order(C, 0), hits(std::size_t(p.demandCount()), 0);
    std::vector<char> chosen(C, 0);
    double best = std::numeric_limits<double>::infinity(), theta = 2.0;
    int sinceImproved = 0;
    for (int it = 0; it < iterations && theta > 1e-4; ++it) {
        std::fill(value.begin(), value.end(), 0.0);
        double l = constant;
        for (int i : units) {
            l += p.population[std::size_t(i)] - lambda[std::size_t(i)];
            for (const CostEntry &c : p.costs.within(i))
                value[std::size_t(c.facility)] += lambda[std::size_t(i)];
        }
        order.resize(C);
        std::iota(order.begin(), order.end(), 0);
        std::erase_if(order, [&](int j) { return p.isFixed(j); });
        const int take = std::min<int>(k, int(order.size()));
        std::nth_element(order.begin(), order.begin() + take - 1, order.end(), [&](int a, int b) { return value[std::size_t(a)] > value[std::size_t(b)]; });
        std::fill(chosen.begin(), chosen.end(), 0);
        for (int t = 0; t < take; ++t) {
            l += value[std::size_t(order[std::size_t(t)])];
            chosen[std::size_t(order[std::size_t(t)])] = 1;
        }
        if (!std::isfinite(best) || l < best - 1e-9 * best) {
            best = l;
            sinceImproved = 0;
        } else if (++sinceImproved >= 15) {
            theta /= 2;
            sinceImproved = 0;
        }
        double norm = 0;
        for (int i : units) {
            int h = -1;
            for (const CostEntry &c : p.costs.within(i))
                h += chosen[std::size_t(c.facility)];
            hits[std::size_t(i)] = h;
            // Components that cannot move λ (at a bound, pushing outwards) do not count.
            const double lam = lambda[std::size_t(i)], w = p.population[std::size_t(i)];
            if (!((h > 0 && lam <= 0) || (h < 0 && lam >= w)))
                norm += double(h) * h;
        }
        if (norm == 0)
            break; // λ optimal: the bound is exact for these multipliers
        const double step = theta * std::max(l - lowerBound, 1e-6 * std::max(1.0, l)) / norm;
        for (int i : units)
            lambda[std::size_t(i)] = std::clamp(lambda[std::size_t(i)] - step * hits[std::size_t(i)], 0.0, p.population[std::size_t(i)]);
    }
    return best;
}

} // namespace refuge
