// Siting::solve: solver choice, ranking by marginal gain, the curve over k and the
// summary (see Siting.h).
#include "analysis/siting/Siting.h"
#include "analysis/siting/SitingBound.h"
#include "analysis/siting/SitingHeuristic.h"
#include "analysis/siting/SitingMilp.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <limits>

namespace refuge {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const QString kExact = QStringLiteral("exact (CBC)");
const QString kHeuristic = QStringLiteral("heuristic (greedy + Teitz-Bart swap)");

bool minimises(SitingModel m)
{
    return m == SitingModel::Lscp || m == SitingModel::PMedian || m == SitingModel::PCenter;
}

// Is objective a at least as good as b?
bool atLeastAsGood(SitingModel m, double a, double b)
{
    const double eps = 1e-9 * std::max(1.0, std::abs(b));
    return minimises(m) ? a <= b + eps : a >= b - eps;
}

double gapOf(double objective, double bound)
{
    if (!std::isfinite(objective) || !std::isfinite(bound))
        return kNaN;
    const double g = std::abs(objective - bound) / std::max(std::abs(objective), 1e-9);
    return g < 1e-9 ? 0.0 : g;
}

int newSites(const SitingProblem &p, const std::vector<char> &open)
{
    int n = 0;
    for (int j = 0; j < p.candidateCount(); ++j)
        n += open[std::size_t(j)] && !p.isFixed(j);
    return n;
}

struct Solved {
    std::vector<char> open;
    SitingEvaluation evaluation;
    double bound = kNaN;
    bool optimal = false, timeLimitHit = false, provenInfeasible = false;
    QString solver;
};

Solved solveOnce(const SitingProblem &p, SitingModel model, int k, const SitingOptions &o, Feedback &feedback)
{
    const bool exact = o.solver == SitingSolver::Exact || (o.solver == SitingSolver::Auto && p.costs.entryCount() <= o.autoExactEntries);
    Solved s;
    s.open = SitingHeuristic::solve(p, model, k, feedback);
    s.evaluation = SitingHeuristic::evaluate(p, model, s.open);
    s.solver = kHeuristic;
    feedback.throwIfCanceled();
    if (!exact) {
        // The bound: Lagrangian for MCLP (cheap on large instances), else the LP relaxation.
        if (model == SitingModel::Mclp && !p.capacitated()) {
            s.bound = SitingBound::mclpLagrangian(p, k, s.evaluation.objective);
        } else {
            const MilpOutcome lp = SitingMilp::relaxation(p, model, k, o.timeLimitSeconds);
            if (lp.hasSolution)
                s.bound = lp.bound;
        }
        s.optimal = gapOf(s.evaluation.objective, s.bound) == 0.0;
        return s;
    }
    const MilpOutcome m = SitingMilp::solve(p, model, k, o.timeLimitSeconds, s.open);
    feedback.throwIfCanceled();
    s.bound = m.bound;
    s.timeLimitHit = m.timeLimitHit;
    s.provenInfeasible = m.infeasible;
    s.solver = kExact;
    if (m.hasSolution) {
        const SitingEvaluation e = SitingHeuristic::evaluate(p, model, m.open);
        if (atLeastAsGood(model, e.objective, s.evaluation.objective) || !s.evaluation.feasible) {
            s.open = m.open;
            s.evaluation = e;
        }
        s.optimal = m.optimal;
    }
    if (m.infeasible)
        s.solver = kExact + QStringLiteral(", proven infeasible: heuristic solution given");
    else if (!m.optimal)
        s.solver = kExact + QStringLiteral(", stopped: best solution found (heuristic start included)");
    return s;
}

// Order the chosen new sites by what each adds, greedily from the existing ones.
std::vector<SitingSite> rank(const SitingProblem &p, SitingModel model, const Solved &s)
{
    // LSCP and p-center rank by population newly covered; the others by their objective.
    const bool byCoverage = model == SitingModel::Lscp || model == SitingModel::PCenter;
    const SitingModel measure = byCoverage ? SitingModel::Mclp : model;
    auto value = [&](const std::vector<char> &open) {
        const SitingEvaluation e = SitingHeuristic::evaluate(p, measure, open);
        return minimises(measure) ? -e.objective : e.objective;
    };
    std::vector<char> open(std::size_t(p.candidateCount()), 0);
    std::vector<int> left;
    for (int j = 0; j < p.candidateCount(); ++j) {
        open[std::size_t(j)] = p.isFixed(j);
        if (s.open[std::size_t(j)] && !p.isFixed(j))
            left.push_back(j);
    }
    std::vector<SitingSite> out;
    double current = value(open);
    while (!left.empty()) {
        std::size_t best = 0;
        double bestValue = -std::numeric_limits<double>::infinity();
        for (std::size_t t = 0; t < left.size(); ++t) {
            open[std::size_t(left[t])] = 1;
            const double v = value(open);
            open[std::size_t(left[t])] = 0;
            if (v > bestValue) {
                best = t;
                bestValue = v;
            }
        }
        SitingSite site;
        site.candidate = left[best];
        site.gain = bestValue - current;
        open[std::size_t(site.candidate)] = 1;
        site.objectiveAfter = SitingHeuristic::evaluate(p, model, open).objective;
        site.assignedPopulation = s.evaluation.siteLoad[std::size_t(site.candidate)];
        current = bestValue;
        out.push_back(site);
        left.erase(left.begin() + std::ptrdiff_t(best));
    }
    return out;
}

SitingCurvePoint pointOf(int k, const SitingEvaluation &e, const QString &solver, double bound)
{
    SitingCurvePoint c;
    c.k = k;
    c.objective = e.objective;
    c.coveredPopulation = e.coveredPopulation;
    c.personCost = e.personCost;
    c.worstCost = e.feasible ? e.worstCost : std::numeric_limits<double>::infinity();
    c.feasible = e.feasible;
    c.solver = solver;
    c.gap = gapOf(e.objective, bound);
    return c;
}

std::vector<SitingCurvePoint> curve(const SitingProblem &p, const SitingOptions &o, const SitingResult &r, Feedback &feedback)
{
    // LSCP's curve: the population the best k' sites cover, up to its answer.
    const SitingModel model = o.model == SitingModel::Lscp ? SitingModel::Mclp : o.model;
    std::vector<SitingCurvePoint> out;
    std::vector<char> existing(std::size_t(p.candidateCount()), 0);
    for (int j = 0; j < p.candidateCount(); ++j)
        existing[std::size_t(j)] = p.isFixed(j);
    out.push_back(pointOf(0, SitingHeuristic::evaluate(p, model, existing), QStringLiteral("existing sites only"), kNaN));
    out.back().gap = 0;
    for (int k = 1; k <= r.k; ++k) {
        feedback.setProgress(50.0 + 50.0 * k / std::max(1, r.k));
        if (k == r.k && o.model != SitingModel::Lscp) {
            out.push_back(pointOf(k, r.evaluation, r.solver, r.bound));
            continue;
        }
        const Solved s = solveOnce(p, model, k, o, feedback);
        out.push_back(pointOf(k, s.evaluation, s.solver, s.bound));
    }
    return out;
}

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

} // namespace

SitingSolver sitingSolverFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n.isEmpty() || n == QLatin1String("auto"))
        return SitingSolver::Auto;
    if (n == QLatin1String("exact"))
        return SitingSolver::Exact;
    if (n == QLatin1String("heuristic"))
        return SitingSolver::Heuristic;
    throw InvalidInput(QStringLiteral("unknown solver '%1' (exact, heuristic, auto)").arg(name));
}

SitingResult Siting::solve(const SitingProblem &p, const SitingOptions &o, Feedback &feedback)
{
    p.validate(o.model, o.k);
    if (!(o.timeLimitSeconds > 0))
        throw InvalidInput(QStringLiteral("siting: the time limit must be > 0 seconds"));
    SitingResult r;
    r.model = o.model;
    r.unreachableDemand = p.unreachableDemand();
    for (int i : r.unreachableDemand)
        r.unreachablePopulation += p.population[std::size_t(i)];
    const Solved s = solveOnce(p, o.model, o.k, o, feedback);
    r.open = s.open;
    r.evaluation = s.evaluation;
    r.k = newSites(p, s.open);
    r.solver = s.solver;
    r.optimal = s.optimal;
    r.timeLimitHit = s.timeLimitHit;
    r.objective = s.evaluation.objective;
    r.bound = s.bound;
    r.gap = gapOf(r.objective, r.bound);
    // Only LSCP and p-center promise every reachable unit a site; MCLP & co. leave some out by design.
    r.feasible = (o.model == SitingModel::Lscp || o.model == SitingModel::PCenter) ? s.evaluation.feasible : true;
    if (!r.unreachableDemand.empty())
        r.warnings << QStringLiteral("%1 demand units (%2 people) are beyond the limit of every candidate: left out, solved for the rest")
                          .arg(r.unreachableDemand.size()).arg(r.unreachablePopulation, 0, 'f', 0);
    if (!r.feasible && o.model == SitingModel::Lscp)
        r.warnings << QStringLiteral("capacities too small: %1 people cannot be placed even with every candidate open; the sites placing the most are given")
                          .arg(s.evaluation.unservedReachable, 0, 'f', 0);
    if (!r.feasible && o.model == SitingModel::PCenter)
        r.warnings << QStringLiteral("%1 new sites cannot reach every reachable demand unit within the limit (%2 people left): worst cost undefined; lscp gives the sites needed")
                          .arg(o.k).arg(s.evaluation.unservedReachable, 0, 'f', 0);
    if (r.timeLimitHit)
        r.warnings << QStringLiteral("time limit hit: the solution is the best found, within a gap of %1 % of the optimum")
                          .arg(std::isfinite(r.gap) ? QString::number(100.0 * r.gap, 'f', 2) : QStringLiteral("?"));
    feedback.setProgress(40);
    r.sites = rank(p, o.model, s);
    if (o.curve)
        r.curve = curve(p, o, r, feedback);
    feedback.setProgress(100);
    return r;
}

QJsonObject SitingResult::summaryJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("model"), sitingModelName(model));
    o.insert(QStringLiteral("k"), k);
    o.insert(QStringLiteral("solver"), solver);
    o.insert(QStringLiteral("optimal"), optimal);
    o.insert(QStringLiteral("time_limit_hit"), timeLimitHit);
    o.insert(QStringLiteral("feasible"), feasible);
    o.insert(QStringLiteral("objective"), number(objective));
    o.insert(QStringLiteral("bound"), number(bound));
    o.insert(QStringLiteral("gap"), number(gap));
    o.insert(QStringLiteral("covered_population"), evaluation.coveredPopulation);
    o.insert(QStringLiteral("covered_twice_population"), evaluation.coveredTwicePopulation);
    o.insert(QStringLiteral("person_cost"), evaluation.personCost);
    o.insert(QStringLiteral("worst_cost"), number(evaluation.feasible ? evaluation.worstCost : kNaN));
    o.insert(QStringLiteral("unserved_reachable_population"), evaluation.unservedReachable);
    o.insert(QStringLiteral("unreachable_units"), int(unreachableDemand.size()));
    o.insert(QStringLiteral("unreachable_population"), unreachablePopulation);
    o.insert(QStringLiteral("partial"), timeLimitHit || !feasible || !unreachableDemand.empty());
    o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(warnings));
    return o;
}

} // namespace refuge
