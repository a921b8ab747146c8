#include "analysis/Assignment.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <queue>

namespace refuge {

namespace {

constexpr double kEps = 1e-9;

std::vector<double> cleanCapacity(const std::vector<double> &capacity, int facilityCount)
{
    if (int(capacity.size()) != facilityCount)
        throw InvalidInput(QStringLiteral("%1 capacities for %2 facilities").arg(capacity.size()).arg(facilityCount));
    std::vector<double> c(capacity);
    for (double &v : c)
        if (!std::isfinite(v) || v < 0)
            v = 0;
    return c;
}

void checkSizes(const std::vector<double> &population, const CoverageCosts &costs)
{
    if (int(population.size()) != costs.demandCount())
        throw InvalidInput(QStringLiteral("%1 demand units for a cost table of %2").arg(population.size()).arg(costs.demandCount()));
}

// Fills the per-demand/per-facility totals and the unassigned split from the flows.
void finish(AssignmentResult &r, const std::vector<double> &population, const CoverageCosts &costs)
{
    std::sort(r.flows.begin(), r.flows.end(), [](const AssignmentFlow &a, const AssignmentFlow &b) {
        return a.demand < b.demand || (a.demand == b.demand && (a.cost < b.cost || (a.cost == b.cost && a.facility < b.facility)));
    });
    const std::size_t n = population.size();
    r.demandAssigned.assign(n, 0.0);
    r.demandFacility.assign(n, -1);
    r.facilityAssigned.assign(std::size_t(costs.facilityCount()), 0.0);
    std::vector<double> best(n, 0.0);
    for (const AssignmentFlow &f : r.flows) {
        r.demandAssigned[std::size_t(f.demand)] += f.persons;
        r.facilityAssigned[std::size_t(f.facility)] += f.persons;
        r.personCost += f.persons * double(f.cost);
        if (f.persons > best[std::size_t(f.demand)]) {
            best[std::size_t(f.demand)] = f.persons;
            r.demandFacility[std::size_t(f.demand)] = f.facility;
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        r.assigned += r.demandAssigned[i];
        const double left = std::max(0.0, population[i] - r.demandAssigned[i]);
        if (costs.within(int(i)).empty())
            r.unassignedNoReach += left;
        else
            r.unassignedFull += left;
    }
}

} // namespace

QString assignmentMethodName(AssignmentMethod m)
{
    return m == AssignmentMethod::Optimal ? QStringLiteral("optimal") : QStringLiteral("nearest");
}

AssignmentMethod assignmentMethodFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n.isEmpty() || n == QLatin1String("nearest"))
        return AssignmentMethod::Nearest;
    if (n == QLatin1String("optimal"))
        return AssignmentMethod::Optimal;
    throw InvalidInput(QStringLiteral("unknown assignment '%1' (use nearest or optimal)").arg(name));
}

AssignmentResult Assignment::run(AssignmentMethod method, const std::vector<double> &population, const CoverageCosts &costs,
                                 const std::vector<double> &capacity, Feedback &feedback)
{
    return method == AssignmentMethod::Optimal ? optimal(population, costs, capacity, feedback)
                                               : nearestFirst(population, costs, capacity, feedback);
}

AssignmentResult Assignment::nearestFirst(const std::vector<double> &population, const CoverageCosts &costs,
                                          const std::vector<double> &capacity, Feedback &feedback)
{
    checkSizes(population, costs);
    std::vector<double> room = cleanCapacity(capacity, costs.facilityCount());
    std::vector<double> left(population);
    // Every (unit, facility) pair within the limit, cheapest first (ties: unit row, then
    // facility row): a facility fills with the people nearest to it.
    struct Pair {
        float cost;
        std::uint32_t demand;
        std::int32_t facility;
    };
    std::vector<Pair> pairs;
    pairs.reserve(costs.entryCount());
    for (std::size_t i = 0; i < population.size(); ++i)
        if (population[i] > 0)
            for (const CostEntry &e : costs.within(int(i)))
                pairs.push_back({e.cost, std::uint32_t(i), e.facility});
    std::sort(pairs.begin(), pairs.end(), [](const Pair &a, const Pair &b) {
        return a.cost != b.cost ? a.cost < b.cost : a.demand != b.demand ? a.demand < b.demand : a.facility < b.facility;
    });
    AssignmentResult r;
    r.method = AssignmentMethod::Nearest;
    std::size_t done = 0;
    for (const Pair &p : pairs) {
        if ((++done & 65535) == 0) {
            feedback.throwIfCanceled();
            feedback.setProgress(100.0 * double(done) / double(pairs.size()));
        }
        double &free = room[std::size_t(p.facility)];
        double &want = left[p.demand];
        if (free <= kEps || want <= kEps)
            continue;
        const double take = std::min(want, free);
        free -= take;
        want -= take;
        r.flows.push_back({int(p.demand), p.facility, take, p.cost});
    }
    finish(r, population, costs);
    feedback.setProgress(100.0);
    return r;
}

AssignmentResult Assignment::optimal(const std::vector<double> &population, const CoverageCosts &costs,
                                     const std::vector<double> &capacity, Feedback &feedback)
{
    checkSizes(population, costs);
    const std::vector<double> cap = cleanCapacity(capacity, costs.facilityCount());
    // Graph: S=0, demand units 1..D (only those with people and facilities in reach),
    // facilities D+1..D+F, T=D+F+1. Arcs in pairs (a, a^1 = reverse).
    std::vector<int> units;
    for (int i = 0; i < costs.demandCount(); ++i)
        if (population[std::size_t(i)] > 0 && !costs.within(i).empty())
            units.push_back(i);
    const int D = int(units.size()), F = costs.facilityCount();
    const int S = 0, T = D + F + 1, V = D + F + 2;
    struct Arc {
        int to;
        double cap;
        double cost;
    };
    std::vector<Arc> arcs;
    std::vector<std::vector<int>> out(static_cast<std::size_t>(V));
    auto addArc = [&](int a, int b, double c, double cost) {
        out[std::size_t(a)].push_back(int(arcs.size()));
        arcs.push_back({b, c, cost});
        out[std::size_t(b)].push_back(int(arcs.size()));
        arcs.push_back({a, 0.0, -cost});
    };
    for (int k = 0; k < D; ++k) {
        addArc(S, 1 + k, population[std::size_t(units[std::size_t(k)])], 0.0);
        for (const CostEntry &e : costs.within(units[std::size_t(k)]))
            addArc(1 + k, D + 1 + e.facility, std::numeric_limits<double>::infinity(), double(e.cost));
    }
    double totalCap = 0;
    for (int f = 0; f < F; ++f) {
        if (cap[std::size_t(f)] > 0)
            addArc(D + 1 + f, T, cap[std::size_t(f)], 0.0);
        totalCap += cap[std::size_t(f)];
    }
    double totalDemand = 0;
    for (int u : units)
        totalDemand += population[std::size_t(u)];
    const double target = std::min(totalDemand, totalCap);

    std::vector<double> pot(static_cast<std::size_t>(V), 0.0), dist(static_cast<std::size_t>(V));
    std::vector<int> prevArc(static_cast<std::size_t>(V));
    std::vector<char> done(static_cast<std::size_t>(V));
    const double inf = std::numeric_limits<double>::infinity();
    double flow = 0;
    using Item = std::pair<double, int>;
    while (flow < target - kEps * std::max(1.0, target)) {
        feedback.throwIfCanceled();
        feedback.setProgress(target > 0 ? 100.0 * flow / target : 100.0);
        std::fill(dist.begin(), dist.end(), inf);
        std::fill(done.begin(), done.end(), 0);
        std::fill(prevArc.begin(), prevArc.end(), -1);
        std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
        dist[std::size_t(S)] = 0;
        heap.push({0.0, S});
        while (!heap.empty()) {
            const auto [d, v] = heap.top();
            heap.pop();
            if (done[std::size_t(v)])
                continue;
            done[std::size_t(v)] = 1;
            if (v == T)
                break; // early stop: unsettled nodes get dist(T) below
            for (int a : out[std::size_t(v)]) {
                const Arc &arc = arcs[std::size_t(a)];
                if (arc.cap <= kEps || done[std::size_t(arc.to)])
                    continue;
                const double rc = arc.cost + pot[std::size_t(v)] - pot[std::size_t(arc.to)];
                const double nd = d + std::max(0.0, rc);
                if (nd < dist[std::size_t(arc.to)]) {
                    dist[std::size_t(arc.to)] = nd;
                    prevArc[std::size_t(arc.to)] = a;
                    heap.push({nd, arc.to});
                }
            }
        }
        if (!done[std::size_t(T)])
            break; // no augmenting path: max flow reached
        const double dT = dist[std::size_t(T)];
        for (int v = 0; v < V; ++v)
            pot[std::size_t(v)] += done[std::size_t(v)] ? dist[std::size_t(v)] : dT;
        double push = inf;
        for (int v = T; v != S;) {
            const int a = prevArc[std::size_t(v)];
            push = std::min(push, arcs[std::size_t(a)].cap);
            v = arcs[std::size_t(a ^ 1)].to;
        }
        for (int v = T; v != S;) {
            const int a = prevArc[std::size_t(v)];
            arcs[std::size_t(a)].cap -= push;
            arcs[std::size_t(a ^ 1)].cap += push;
            v = arcs[std::size_t(a ^ 1)].to;
        }
        flow += push;
    }
    AssignmentResult r;
    r.method = AssignmentMethod::Optimal;
    for (int k = 0; k < D; ++k) {
        for (int a : out[std::size_t(1 + k)]) {
            if (a & 1)
                continue; // reverse arc of S → unit
            const Arc &arc = arcs[std::size_t(a)];
            const double persons = arcs[std::size_t(a ^ 1)].cap; // flow on a forward arc
            if (arc.to > D && arc.to <= D + F && persons > kEps)
                r.flows.push_back({units[std::size_t(k)], arc.to - D - 1, persons, float(arc.cost)});
        }
    }
    finish(r, population, costs);
    feedback.setProgress(100.0);
    return r;
}

} // namespace refuge
