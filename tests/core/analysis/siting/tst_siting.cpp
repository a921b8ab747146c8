// Siting models against brute force: on small generated instances (fixed seeds) the
// exact solver's objective equals the best over all subsets of candidates, computed
// here independently (dense cost matrix; a min-cost flow for the capacitated
// assignment); the heuristic reaches ≥ 99 % of the exact optimum on larger ones; the
// bad inputs (k too large, demand no candidate reaches, capacities too small) are
// refused or reported by id.
#include "analysis/siting/Siting.h"
#include "analysis/siting/SitingHeuristic.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QTest>
#include <cmath>
#include <functional>
#include <limits>
#include <random>

using namespace refuge;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Instance {
    SitingProblem problem;
    std::vector<std::vector<double>> cost; // [demand][candidate], +inf beyond the limit
    double limit = 0;
};

Instance generate(unsigned seed, int demand, int candidates, int existing, bool capacities, double limit = 280)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> xy(0, 1000), pop(1, 100);
    std::vector<std::pair<double, double>> d(static_cast<std::size_t>(demand)), c(static_cast<std::size_t>(candidates));
    for (auto &p : d)
        p = {xy(rng), xy(rng)};
    for (auto &p : c)
        p = {xy(rng), xy(rng)};
    Instance in;
    in.limit = limit;
    std::vector<std::vector<CostEntry>> lists(static_cast<std::size_t>(demand));
    in.cost.assign(std::size_t(demand), std::vector<double>(std::size_t(candidates), kInf));
    for (int i = 0; i < demand; ++i) {
        in.problem.population.push_back(std::round(pop(rng)));
        for (int j = 0; j < candidates; ++j) {
            const float dist = float(std::hypot(d[std::size_t(i)].first - c[std::size_t(j)].first, d[std::size_t(i)].second - c[std::size_t(j)].second));
            lists[std::size_t(i)].push_back({j, dist});
            if (dist <= limit)
                in.cost[std::size_t(i)][std::size_t(j)] = dist;
        }
    }
    in.problem.costs = CoverageCosts::fromLists(lists, candidates, limit);
    in.problem.fixed.assign(std::size_t(candidates), 0);
    for (int j = 0; j < existing; ++j)
        in.problem.fixed[std::size_t(j)] = 1;
    if (capacities) {
        std::uniform_real_distribution<double> cap(100, 600);
        for (int j = 0; j < candidates; ++j)
            in.problem.capacity.push_back(std::round(cap(rng)));
    }
    return in;
}

// Min-cost flow (successive shortest paths, Bellman–Ford): source → demand (w) → site
// (cost) → sink (capacity); with `unserved`, demand → sink at that cost per person.
// Returns (flow, cost).
std::pair<double, double> minCostFlow(const Instance &in, const std::vector<char> &open, double unserved)
{
    const auto &p = in.problem;
    const int D = p.demandCount(), C = p.candidateCount(), S = D + C, T = S + 1, N = T + 1;
    struct Edge { int to; double cap, cost; int rev; };
    std::vector<std::vector<Edge>> g(static_cast<std::size_t>(N));
    auto add = [&](int a, int b, double cap, double cost) {
        g[std::size_t(a)].push_back({b, cap, cost, int(g[std::size_t(b)].size())});
        g[std::size_t(b)].push_back({a, 0, -cost, int(g[std::size_t(a)].size()) - 1});
    };
    for (int i = 0; i < D; ++i) {
        bool reachable = false;
        for (int j = 0; j < C; ++j)
            if (std::isfinite(in.cost[std::size_t(i)][std::size_t(j)])) {
                reachable = true;
                if (open[std::size_t(j)])
                    add(i, D + j, kInf, in.cost[std::size_t(i)][std::size_t(j)]);
            }
        if (!reachable)
            continue;
        add(S, i, p.population[std::size_t(i)], 0);
        if (unserved > 0)
            add(i, T, kInf, unserved);
    }
    for (int j = 0; j < C; ++j)
        add(D + j, T, p.capacity[std::size_t(j)], 0);
    double flow = 0, cost = 0;
    for (;;) {
        std::vector<double> dist(std::size_t(N), kInf);
        std::vector<std::pair<int, int>> prev(std::size_t(N), {-1, -1});
        dist[std::size_t(S)] = 0;
        for (bool changed = true; changed;) {
            changed = false;
            for (int a = 0; a < N; ++a)
                for (int e = 0; e < int(g[std::size_t(a)].size()) && std::isfinite(dist[std::size_t(a)]); ++e) {
                    const Edge &x = g[std::size_t(a)][std::size_t(e)];
                    if (x.cap > 1e-9 && dist[std::size_t(a)] + x.cost < dist[std::size_t(x.to)] - 1e-9) {
                        dist[std::size_t(x.to)] = dist[std::size_t(a)] + x.cost;
                        prev[std::size_t(x.to)] = {a, e};
                        changed = true;
                    }
                }
        }
        if (!std::isfinite(dist[std::size_t(T)]))
            break;
        double push = kInf;
        for (int v = T; v != S; v = prev[std::size_t(v)].first)
            push = std::min(push, g[std::size_t(prev[std::size_t(v)].first)][std::size_t(prev[std::size_t(v)].second)].cap);
        for (int v = T; v != S; v = prev[std::size_t(v)].first) {
            Edge &x = g[std::size_t(prev[std::size_t(v)].first)][std::size_t(prev[std::size_t(v)].second)];
            x.cap -= push;
            g[std::size_t(v)][std::size_t(x.rev)].cap += push;
        }
        flow += push;
        cost += push * dist[std::size_t(T)];
    }
    return {flow, cost};
}

double reachablePopulation(const Instance &in)
{
    double s = 0;
    for (int i = 0; i < in.problem.demandCount(); ++i)
        for (double c : in.cost[std::size_t(i)])
            if (std::isfinite(c)) {
                s += in.problem.population[std::size_t(i)];
                break;
            }
    return s;
}

int newSites(const SitingProblem &p, const std::vector<char> &open)
{
    int n = 0;
    for (int j = 0; j < p.candidateCount(); ++j)
        n += open[std::size_t(j)] && !p.isFixed(j);
    return n;
}

// The model's objective for one set of open sites, from the dense matrix.
double objective(const Instance &in, SitingModel model, const std::vector<char> &open)
{
    const auto &p = in.problem;
    const double penalty = 2 * in.limit;
    if (p.capacitated()) {
        if (model == SitingModel::PMedian)
            return minCostFlow(in, open, penalty).second;
        const double placed = minCostFlow(in, open, 0).first;
        if (model == SitingModel::Mclp)
            return placed;
        return placed >= reachablePopulation(in) - 1e-6 ? double(newSites(p, open)) : kInf; // LSCP
    }
    double covered = 0, twice = 0, personCost = 0, worst = 0;
    bool all = true;
    for (int i = 0; i < p.demandCount(); ++i) {
        double best = kInf;
        int n = 0;
        bool reachable = false;
        for (int j = 0; j < p.candidateCount(); ++j) {
            const double c = in.cost[std::size_t(i)][std::size_t(j)];
            reachable = reachable || std::isfinite(c);
            if (open[std::size_t(j)] && std::isfinite(c)) {
                ++n;
                best = std::min(best, c);
            }
        }
        const double w = p.population[std::size_t(i)];
        covered += n >= 1 ? w : 0;
        twice += n >= 2 ? w : 0;
        if (reachable) {
            personCost += w * (n ? best : penalty);
            all = all && n > 0;
            worst = n ? std::max(worst, best) : worst;
        }
    }
    switch (model) {
    case SitingModel::Mclp: return covered;
    case SitingModel::Backup: return covered + twice;
    case SitingModel::PMedian: return personCost;
    case SitingModel::PCenter: return all ? worst : kInf;
    case SitingModel::Lscp: return all ? double(newSites(p, open)) : kInf;
    }
    return 0;
}

bool maximises(SitingModel m)
{
    return m == SitingModel::Mclp || m == SitingModel::Backup;
}

// Best objective over every subset of k new candidates (LSCP: every subset; counts
// the existing sites too, so subtract them).
double bruteForce(const Instance &in, SitingModel model, int k)
{
    const auto &p = in.problem;
    const int C = p.candidateCount();
    double best = maximises(model) ? -kInf : kInf;
    for (unsigned mask = 0; mask < (1u << C); ++mask) {
        std::vector<char> open(static_cast<std::size_t>(C));
        int fresh = 0;
        bool ok = true;
        for (int j = 0; j < C; ++j) {
            open[std::size_t(j)] = (mask >> j) & 1u;
            if (p.isFixed(j) && !open[std::size_t(j)])
                ok = false;
            fresh += open[std::size_t(j)] && !p.isFixed(j);
        }
        if (!ok || (model != SitingModel::Lscp && fresh != k))
            continue;
        const double v = objective(in, model, open);
        best = maximises(model) ? std::max(best, v) : std::min(best, v);
    }
    return best;
}

void compareRelative(double actual, double expected)
{
    QVERIFY2(std::abs(actual - expected) <= 1e-6 * std::max(1.0, std::abs(expected)),
             qPrintable(QStringLiteral("got %1, brute force %2").arg(actual, 0, 'f', 6).arg(expected, 0, 'f', 6)));
}

} // namespace

class TestSiting : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exactEqualsBruteForce_data();
    void exactEqualsBruteForce();
    void heuristicNearOptimum_data();
    void heuristicNearOptimum();
    void handInstance();
    void unreachableDemandReported();
    void kLargerThanCandidatesRefused();
    void capacitiesTooSmall();
    void curveAndRanking();
};

void TestSiting::exactEqualsBruteForce_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("capacitated");
    QTest::addColumn<int>("k");
    QTest::addColumn<unsigned>("seed");
    QTest::addColumn<int>("existing");
    const char *models[] = {"lscp", "mclp", "pmedian", "pcenter", "backup"};
    for (const char *m : models)
        for (unsigned seed = 1; seed <= 4; ++seed)
            QTest::addRow("%s seed %u", m, seed) << QString::fromLatin1(m) << false << int(1 + seed % 3) << seed << int(seed % 2);
    for (const char *m : {"lscp", "mclp", "pmedian"})
        for (unsigned seed = 11; seed <= 13; ++seed)
            QTest::addRow("capacitated %s seed %u", m, seed) << QString::fromLatin1(m) << true << int(2 + seed % 2) << seed << int(seed % 2);
}

void TestSiting::exactEqualsBruteForce()
{
    QFETCH(QString, model);
    QFETCH(bool, capacitated);
    QFETCH(int, k);
    QFETCH(unsigned, seed);
    QFETCH(int, existing);
    const SitingModel m = sitingModelFromName(model);
    const Instance in = generate(seed, 16, 8, existing, capacitated, capacitated ? 450 : 280);
    const double expected = bruteForce(in, m, k);
    SitingOptions o;
    o.model = m;
    o.k = k;
    o.solver = SitingSolver::Exact;
    o.curve = false;
    Feedback feedback;
    const SitingResult r = Siting::solve(in.problem, o, feedback);
    QVERIFY(r.solver.startsWith(QLatin1String("exact")));
    if (!std::isfinite(expected)) { // p-center: k sites cannot reach everyone
        QVERIFY(!r.feasible);
        return;
    }
    QVERIFY(r.optimal);
    compareRelative(r.objective, expected);
    compareRelative(objective(in, m, r.open), expected); // the sites given really achieve it
    QCOMPARE(r.gap, 0.0);
    if (m != SitingModel::Lscp)
        QCOMPARE(r.k, k);
}

void TestSiting::heuristicNearOptimum_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<unsigned>("seed");
    for (const char *m : {"mclp", "pmedian", "backup"})
        for (unsigned seed = 21; seed <= 25; ++seed)
            QTest::addRow("%s seed %u", m, seed) << QString::fromLatin1(m) << seed;
}

void TestSiting::heuristicNearOptimum()
{
    QFETCH(QString, model);
    QFETCH(unsigned, seed);
    const Instance in = generate(seed, 300, 40, 2, false, 160);
    SitingOptions o;
    o.model = sitingModelFromName(model);
    o.k = 6;
    o.curve = false;
    o.solver = SitingSolver::Exact;
    Feedback feedback;
    const SitingResult exact = Siting::solve(in.problem, o, feedback);
    QVERIFY(exact.optimal);
    o.solver = SitingSolver::Heuristic;
    const SitingResult heuristic = Siting::solve(in.problem, o, feedback);
    QVERIFY(heuristic.solver.startsWith(QLatin1String("heuristic")));
    const double ratio = maximises(o.model) ? heuristic.objective / exact.objective : exact.objective / heuristic.objective;
    QVERIFY2(ratio >= 0.99, qPrintable(QStringLiteral("heuristic %1, optimum %2").arg(heuristic.objective).arg(exact.objective)));
    // The LP bound brackets the optimum and the reported gap is measured against it.
    QVERIFY(std::isfinite(heuristic.bound));
    QVERIFY(maximises(o.model) ? heuristic.bound >= exact.objective - 1e-6 : heuristic.bound <= exact.objective + 1e-6);
    QCOMPARE(heuristic.gap, std::abs(heuristic.objective - heuristic.bound) / std::abs(heuristic.objective));
}

// Three candidates on a line, four people groups: worked by hand.
void TestSiting::handInstance()
{
    // demand 0 (10 people): A 100, B 300 ; demand 1 (20): B 50 ; demand 2 (5): C 120 ; demand 3 (40): A 200, C 90
    SitingProblem p;
    p.costs = CoverageCosts::fromLists({{{0, 100}, {1, 300}}, {{1, 50}}, {{2, 120}}, {{0, 200}, {2, 90}}}, 3, 400);
    p.population = {10, 20, 5, 40};
    SitingOptions o;
    o.curve = true;
    o.solver = SitingSolver::Exact;
    Feedback feedback;
    o.model = SitingModel::Mclp;
    o.k = 1; // A covers 10 + 40 = 50, B 30, C 45
    SitingResult r = Siting::solve(p, o, feedback);
    QCOMPARE(r.objective, 50.0);
    QCOMPARE(r.sites.size(), std::size_t(1));
    QCOMPARE(r.sites[0].candidate, 0);
    o.model = SitingModel::Lscp; // every group: B (0, 1) + C (2, 3) = 2 sites
    r = Siting::solve(p, o, feedback);
    QCOMPARE(r.objective, 2.0);
    QVERIFY(!r.open[0] && r.open[1] && r.open[2]);
    QCOMPARE(r.curve.size(), std::size_t(3)); // k = 0, 1, 2: covered 0, 50, 75
    QCOMPARE(r.curve[1].coveredPopulation, 50.0);
    QCOMPARE(r.curve[2].coveredPopulation, 75.0);
    o.model = SitingModel::PMedian;
    o.k = 2; // {A,B}: 10·100 + 20·50 + 5·800 + 40·200 = 14000; {B,C}: 3000+1000+600+3600 = 8200; {A,C}: 1000+16000+600+3600 = 21200
    r = Siting::solve(p, o, feedback);
    QCOMPARE(r.objective, 8200.0);
    QCOMPARE(r.evaluation.assigned, (std::vector<int>{1, 1, 2, 2}));
    o.model = SitingModel::PCenter; // {B,C}: worst 300 (demand 0 at B); {A,C} misses demand 1; {A,B} misses 2
    r = Siting::solve(p, o, feedback);
    QCOMPARE(r.objective, 300.0);
}

void TestSiting::unreachableDemandReported()
{
    Instance in = generate(5, 16, 8, 0, false);
    // Demand unit 3 beyond every candidate: a new row with nothing within the limit.
    std::vector<std::vector<CostEntry>> lists;
    for (int i = 0; i < in.problem.demandCount(); ++i) {
        std::vector<CostEntry> l(in.problem.costs.within(i).begin(), in.problem.costs.within(i).end());
        if (i == 3 || i == 9) {
            l = {{0, 5000}};
            std::fill(in.cost[std::size_t(i)].begin(), in.cost[std::size_t(i)].end(), kInf);
        }
        lists.push_back(l);
    }
    in.problem.costs = CoverageCosts::fromLists(lists, 8, in.limit);
    SitingOptions o;
    o.model = SitingModel::Lscp;
    o.solver = SitingSolver::Exact;
    Feedback feedback;
    const SitingResult r = Siting::solve(in.problem, o, feedback);
    std::vector<int> expected; // 3, 9 and those the generator left beyond every candidate
    double expectedPopulation = 0;
    for (int i = 0; i < in.problem.demandCount(); ++i)
        if (std::none_of(in.cost[std::size_t(i)].begin(), in.cost[std::size_t(i)].end(), [](double c) { return std::isfinite(c); })) {
            expected.push_back(i);
            expectedPopulation += in.problem.population[std::size_t(i)];
        }
    QVERIFY(expected.size() > 2 && std::count(expected.begin(), expected.end(), 3) && std::count(expected.begin(), expected.end(), 9));
    QCOMPARE(r.unreachableDemand, expected);
    QCOMPARE(r.unreachablePopulation, expectedPopulation);
    QVERIFY(r.feasible); // the rest is covered
    QCOMPARE(r.objective, bruteForce(in, SitingModel::Lscp, 0));
    QVERIFY(r.warnings.join(QLatin1Char('\n')).contains(QStringLiteral("%1 demand units").arg(expected.size())));
    QVERIFY(r.summaryJson().value(QStringLiteral("partial")).toBool());
}

void TestSiting::kLargerThanCandidatesRefused()
{
    const Instance in = generate(7, 10, 5, 2, false);
    SitingOptions o;
    o.model = SitingModel::Mclp;
    o.k = 4; // 3 new candidates
    Feedback feedback;
    try {
        Siting::solve(in.problem, o, feedback);
        QFAIL("k > candidates accepted");
    } catch (const InvalidInput &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("k = 4 new sites asked, but there are 3 candidate sites")), e.what());
    }
    o.k = 3;
    QCOMPARE(Siting::solve(in.problem, o, feedback).k, 3);
}

void TestSiting::capacitiesTooSmall()
{
    Instance in = generate(12, 16, 6, 0, true, 450);
    for (double &c : in.problem.capacity)
        c = 20; // 120 places for ~800 people
    SitingOptions o;
    o.model = SitingModel::Lscp;
    o.solver = SitingSolver::Auto;
    Feedback feedback;
    const SitingResult r = Siting::solve(in.problem, o, feedback);
    QVERIFY(!r.feasible);
    QVERIFY(r.warnings.join(QLatin1Char('\n')).contains(QLatin1String("capacities too small")));
    QCOMPARE(r.evaluation.coveredPopulation, minCostFlow(in, r.open, 0).first); // the most that can be placed
    QCOMPARE(r.evaluation.coveredPopulation, 120.0);
}

void TestSiting::curveAndRanking()
{
    const Instance in = generate(31, 120, 20, 1, false, 200);
    SitingOptions o;
    o.model = SitingModel::Mclp;
    o.k = 5;
    o.solver = SitingSolver::Exact;
    Feedback feedback;
    const SitingResult r = Siting::solve(in.problem, o, feedback);
    QCOMPARE(r.curve.size(), std::size_t(6));
    std::vector<char> existing(20, 0);
    existing[0] = 1;
    QCOMPARE(r.curve[0].objective, objective(in, SitingModel::Mclp, existing));
    for (int k = 1; k <= 5; ++k) {
        QCOMPARE(r.curve[std::size_t(k)].k, k);
        compareRelative(r.curve[std::size_t(k)].objective, bruteForce(generate(31, 120, 20, 1, false, 200), SitingModel::Mclp, k));
        QVERIFY(r.curve[std::size_t(k)].objective >= r.curve[std::size_t(k) - 1].objective);
    }
    // Ranked by marginal gain: the gains add up to the objective over the existing sites'
    // and (coverage being submodular) never grow.
    double sum = r.curve[0].objective;
    for (std::size_t t = 0; t < r.sites.size(); ++t) {
        sum += r.sites[t].gain;
        compareRelative(r.sites[t].objectiveAfter, sum);
        if (t > 0)
            QVERIFY(r.sites[t].gain <= r.sites[t - 1].gain + 1e-9);
    }
    compareRelative(sum, r.objective);
}

QTEST_GUILESS_MAIN(TestSiting)
#include "tst_siting.moc"
