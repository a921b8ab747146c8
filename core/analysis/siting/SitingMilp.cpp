// CBC glue for the siting models (see SitingMilp.h): load an LpModel, solve with the
// time limit, read the solution, bound and status back. Public C API only.
#include "analysis/siting/SitingMilp.h"
#include "analysis/siting/SitingFormulation.h"

#include <coin/Cbc_C_Interface.h> // no include path of their own: refuge_core's flags stay unchanged
#include <coin/Clp_C_Interface.h>

#include <QElapsedTimer>
#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>

namespace refuge {

using detail::FormulationOptions;
using detail::LpModel;

namespace {

std::mutex &cbcMutex()
{
    static std::mutex m; // CBC's command-line driver keeps static state
    return m;
}

struct CbcDeleter {
    void operator()(Cbc_Model *m) const { Cbc_deleteModel(m); }
};
using CbcHandle = std::unique_ptr<Cbc_Model, CbcDeleter>;

struct ClpDeleter {
    void operator()(Clp_Simplex *m) const { Clp_deleteModel(m); }
};
using ClpHandle = std::unique_ptr<Clp_Simplex, ClpDeleter>;

// Rows → the column-major matrix CBC and Clp load.
struct ColumnMajor {
    std::vector<CoinBigIndex> start;
    std::vector<int> index;
    std::vector<double> value;
};

ColumnMajor columnMajor(const LpModel &m)
{
    const int nc = m.columnCount(), nr = m.rowCount();
    ColumnMajor c;
    c.start.assign(std::size_t(nc) + 1, 0);
    for (int col : m.rowCols)
        ++c.start[std::size_t(col) + 1];
    for (int col = 0; col < nc; ++col)
        c.start[std::size_t(col) + 1] += c.start[std::size_t(col)];
    c.index.resize(m.rowCols.size());
    c.value.resize(m.rowCols.size());
    std::vector<CoinBigIndex> fill(c.start.begin(), c.start.end() - 1);
    for (int r = 0; r < nr; ++r)
        for (int e = m.rowStart[std::size_t(r)]; e < m.rowStart[std::size_t(r) + 1]; ++e) {
            const auto at = std::size_t(fill[std::size_t(m.rowCols[std::size_t(e)])]++);
            c.index[at] = r;
            c.value[at] = m.rowValues[std::size_t(e)];
        }
    return c;
}

CbcHandle load(const LpModel &m)
{
    const ColumnMajor c = columnMajor(m);
    CbcHandle h(Cbc_newModel());
    Cbc_loadProblem(h.get(), m.columnCount(), m.rowCount(), c.start.data(), c.index.data(), c.value.data(), m.colLower.data(),
                    m.colUpper.data(), m.objective.data(), m.rowLower.data(), m.rowUpper.data());
    for (int col = 0; col < m.columnCount(); ++col)
        if (m.integer[std::size_t(col)])
            Cbc_setInteger(h.get(), col);
    Cbc_setObjSense(h.get(), m.maximise ? -1.0 : 1.0);
    Cbc_setLogLevel(h.get(), 0);
    return h;
}

struct RawSolution {
    bool has = false, optimal = false, infeasible = false, timeLimit = false;
    double objective = 0, bound = 0;
    std::vector<double> x;
};

// Linear programs (relaxations, capacitated assignments): Clp directly, dual simplex
// after presolve — far quicker than CBC's driver on an LP.
RawSolution runLp(const LpModel &m, double seconds)
{
    RawSolution s;
    const ColumnMajor c = columnMajor(m);
    ClpHandle h(Clp_newModel());
    Clp_setLogLevel(h.get(), 0);
    Clp_loadProblem(h.get(), m.columnCount(), m.rowCount(), c.start.data(), c.index.data(), c.value.data(), m.colLower.data(),
                    m.colUpper.data(), m.objective.data(), m.rowLower.data(), m.rowUpper.data());
    Clp_setObjSense(h.get(), m.maximise ? -1.0 : 1.0);
    Clp_setMaximumSeconds(h.get(), std::max(0.1, seconds));
    Clp_initialSolve(h.get());
    s.optimal = Clp_isProvenOptimal(h.get()) != 0;
    s.infeasible = Clp_isProvenPrimalInfeasible(h.get()) != 0;
    s.timeLimit = !s.optimal && !s.infeasible && Clp_status(h.get()) == 3;
    s.has = s.optimal;
    if (s.has) {
        const double *x = Clp_getColSolution(h.get());
        s.x.assign(x, x + m.columnCount());
        s.objective = s.bound = Clp_getObjValue(h.get()) + m.offset;
    }
    return s;
}

RawSolution run(const LpModel &m, double seconds, std::span<const char> start)
{
    RawSolution s;
    if (m.columnCount() == 0) { // nothing to decide (everything covered by existing sites)
        s.has = s.optimal = true;
        s.objective = s.bound = m.offset;
        return s;
    }
    const bool mip = std::any_of(m.integer.begin(), m.integer.end(), [](char c) { return c != 0; });
    if (!mip)
        return runLp(m, seconds);
    std::lock_guard<std::mutex> lock(cbcMutex());
    CbcHandle h = load(m);
    Cbc_setMaximumSeconds(h.get(), std::max(0.1, seconds));
    Cbc_setAllowableFractionGap(h.get(), 1e-9);
    Cbc_setAllowableGap(h.get(), 1e-7);
    if (!start.empty()) {
        std::vector<int> cols;
        std::vector<double> vals;
        for (std::size_t j = 0; j < m.yColumn.size(); ++j)
            if (m.yColumn[j] >= 0) {
                cols.push_back(m.yColumn[j]);
                vals.push_back(start[j] ? 1.0 : 0.0);
            }
        Cbc_setMIPStartI(h.get(), int(cols.size()), cols.data(), vals.data());
    }
    Cbc_solve(h.get());
    s.infeasible = Cbc_isProvenInfeasible(h.get()) != 0;
    s.timeLimit = Cbc_isSecondsLimitReached(h.get()) != 0;
    s.optimal = Cbc_isProvenOptimal(h.get()) != 0;
    s.has = !s.infeasible && Cbc_bestSolution(h.get()) != nullptr;
    if (s.has) {
        const double *x = Cbc_getColSolution(h.get());
        s.x.assign(x, x + m.columnCount());
        s.objective = Cbc_getObjValue(h.get()) + m.offset;
    }
    s.bound = Cbc_getBestPossibleObjValue(h.get()) + m.offset;
    if (s.optimal)
        s.bound = s.objective;
    return s;
}

std::vector<char> openFrom(const SitingProblem &p, const LpModel &m, const std::vector<double> &x)
{
    std::vector<char> open(std::size_t(p.candidateCount()), 0);
    for (int j = 0; j < p.candidateCount(); ++j)
        open[std::size_t(j)] = p.isFixed(j) || (m.yColumn[std::size_t(j)] >= 0 && x[std::size_t(m.yColumn[std::size_t(j)])] > 0.5);
    return open;
}

void readAssignments(const SitingProblem &p, const LpModel &m, const std::vector<double> &x, MilpOutcome &o)
{
    o.assigned.assign(std::size_t(p.demandCount()), -1);
    o.servedShare.assign(std::size_t(p.demandCount()), 0.0);
    std::vector<double> best(std::size_t(p.demandCount()), 1e-9);
    for (const LpModel::Assign &a : m.assignments) {
        const double v = x[std::size_t(a.column)];
        o.servedShare[std::size_t(a.demand)] += v;
        if (v > best[std::size_t(a.demand)]) {
            best[std::size_t(a.demand)] = v;
            o.assigned[std::size_t(a.demand)] = a.candidate;
        }
    }
}

// Greedy padding of a p-center solution up to k new sites: least person-cost first.
void padTo(const SitingProblem &p, int k, std::vector<char> &open)
{
    auto opened = [&] {
        int n = 0;
        for (int j = 0; j < p.candidateCount(); ++j)
            n += open[std::size_t(j)] && !p.isFixed(j);
        return n;
    };
    while (opened() < k) {
        int bestJ = -1;
        double bestCost = 0;
        for (int j = 0; j < p.candidateCount(); ++j) {
            if (open[std::size_t(j)])
                continue;
            open[std::size_t(j)] = 1;
            const double c = SitingEvaluator::evaluate(p, SitingModel::PMedian, open).objective;
            open[std::size_t(j)] = 0;
            if (bestJ < 0 || c < bestCost) {
                bestJ = j;
                bestCost = c;
            }
        }
        open[std::size_t(bestJ)] = 1;
    }
}

// p-center: the least radius (a distinct cost) whose set-covering problem needs ≤ k new sites.
MilpOutcome solvePCenter(const SitingProblem &p, int k, double seconds)
{
    QElapsedTimer timer;
    timer.start();
    std::vector<float> radii;
    double lower = 0; // every reachable unit needs at least its nearest candidate's cost
    for (int i = 0; i < p.demandCount(); ++i) {
        const auto list = p.costs.within(i);
        if (!list.empty())
            lower = std::max(lower, double(list.front().cost));
        for (const CostEntry &c : list)
            radii.push_back(c.cost);
    }
    std::sort(radii.begin(), radii.end());
    radii.erase(std::unique(radii.begin(), radii.end()), radii.end());
    radii.erase(radii.begin(), std::lower_bound(radii.begin(), radii.end(), float(lower)));
    MilpOutcome out;
    out.bound = lower;
    bool allProven = true;
    int lo = 0, hi = int(radii.size()) - 1, found = -1;
    std::vector<char> bestOpen;
    while (lo <= hi) {
        const int mid = (lo + hi) / 2;
        FormulationOptions o;
        o.radius = radii[std::size_t(mid)];
        const LpModel m = detail::formulate(p, SitingModel::Lscp, o);
        const double left = seconds - double(timer.elapsed()) / 1000.0;
        const RawSolution s = run(m, left, {});
        const bool fits = s.has && s.objective <= k + 0.5;
        allProven = allProven && (s.optimal || s.infeasible || fits);
        out.timeLimitHit = out.timeLimitHit || s.timeLimit;
        if (fits) {
            found = mid;
            bestOpen = openFrom(p, m, s.x);
            hi = mid - 1;
        } else {
            lo = mid + 1;
        }
    }
    if (found < 0) {
        out.infeasible = allProven;
        return out;
    }
    padTo(p, k, bestOpen);
    out.hasSolution = true;
    out.open = bestOpen;
    out.objective = SitingEvaluator::evaluate(p, SitingModel::PCenter, bestOpen).objective;
    out.optimal = allProven;
    out.bound = allProven ? out.objective : lower;
    return out;
}

} // namespace

MilpOutcome SitingMilp::solve(const SitingProblem &p, SitingModel model, int k, double seconds, std::span<const char> start)
{
    if (model == SitingModel::PCenter)
        return solvePCenter(p, k, seconds);
    FormulationOptions o;
    o.k = k;
    const LpModel m = detail::formulate(p, model, o);
    const RawSolution s = run(m, seconds, start);
    MilpOutcome out;
    out.infeasible = s.infeasible;
    out.timeLimitHit = s.timeLimit;
    out.bound = s.bound;
    if (!s.has)
        return out;
    out.hasSolution = true;
    out.optimal = s.optimal;
    out.objective = model == SitingModel::Lscp ? std::round(s.objective) : s.objective;
    out.open = openFrom(p, m, s.x);
    if (p.capacitated())
        readAssignments(p, m, s.x, out);
    return out;
}

MilpOutcome SitingMilp::relaxation(const SitingProblem &p, SitingModel model, int k, double seconds)
{
    MilpOutcome out;
    if (model == SitingModel::PCenter) {
        for (int i = 0; i < p.demandCount(); ++i)
            if (!p.costs.within(i).empty())
                out.bound = std::max(out.bound, double(p.costs.within(i).front().cost));
        out.hasSolution = true;
        return out;
    }
    FormulationOptions o;
    o.k = k;
    o.relax = true;
    const RawSolution s = run(detail::formulate(p, model, o), seconds, {});
    out.hasSolution = s.has;
    out.infeasible = s.infeasible;
    out.bound = model == SitingModel::Lscp ? std::ceil(s.objective - 1e-6) : s.objective;
    return out;
}

SitingEvaluation SitingMilp::evaluateCapacitated(const SitingProblem &p, SitingModel model, std::span<const char> open)
{
    FormulationOptions o;
    o.fixOpen = open;
    o.relax = true;
    // LSCP asks for every unit assigned: measure the most that can be (an MCLP assignment).
    const SitingModel asked = model == SitingModel::Lscp ? SitingModel::Mclp : model;
    const LpModel m = detail::formulate(p, asked, o);
    const RawSolution s = run(m, 60.0, {});
    SitingEvaluation e;
    MilpOutcome a;
    readAssignments(p, m, s.x.empty() ? std::vector<double>(std::size_t(m.columnCount()), 0.0) : s.x, a);
    e.assigned = a.assigned;
    e.assignedCost.assign(std::size_t(p.demandCount()), CoverageCosts::kUnreached);
    for (int i = 0; i < p.demandCount(); ++i) {
        const double w = p.population[std::size_t(i)], share = std::min(1.0, a.servedShare[std::size_t(i)]);
        e.coveredPopulation += w * share;
        if (!p.costs.within(i).empty())
            e.unservedReachable += w * (1.0 - share);
    }
    e.siteLoad.assign(std::size_t(p.candidateCount()), 0.0);
    for (const LpModel::Assign &x : m.assignments) {
        const double v = s.x.empty() ? 0.0 : s.x[std::size_t(x.column)];
        if (v <= 1e-9)
            continue;
        e.siteLoad[std::size_t(x.candidate)] += p.population[std::size_t(x.demand)] * v;
        float cost = 0;
        for (const CostEntry &c : p.costs.within(x.demand))
            if (c.facility == x.candidate)
                cost = c.cost;
        e.personCost += p.population[std::size_t(x.demand)] * v * double(cost);
        e.worstCost = std::max(e.worstCost, double(cost));
        if (x.candidate == e.assigned[std::size_t(x.demand)])
            e.assignedCost[std::size_t(x.demand)] = cost;
    }
    e.unservedReachable = e.unservedReachable < 1e-6 * std::max(1.0, p.totalPopulation()) ? 0.0 : e.unservedReachable;
    e.feasible = e.unservedReachable == 0;
    int opened = 0;
    for (int j = 0; j < p.candidateCount(); ++j)
        opened += open[std::size_t(j)] && !p.isFixed(j);
    switch (model) {
    case SitingModel::Lscp: e.objective = opened; break;
    case SitingModel::Mclp: e.objective = e.coveredPopulation; break;
    case SitingModel::PMedian: e.objective = e.personCost + e.unservedReachable * p.penalty(); break;
    default: break;
    }
    return e;
}

} // namespace refuge
