// Capacity and assignment on hand-made cost tables: nearer people first (pairs in cost order), the
// unassigned split, and the optimal (min-cost max-flow) assignment against known optima.
#include "analysis/Assignment.h"
#include "analysis/Capacity.h"
#include "analysis/CoverageCosts.h"
#include "analysis/FacilityTable.h"
#include "analysis/jobs/CoverageJob.h"
#include "TestSupport.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QTest>
#include <random>

using namespace refuge;

namespace {

CoverageCosts table(const std::vector<std::vector<CostEntry>> &lists, int facilities, double limit = 100)
{
    return CoverageCosts::fromLists(lists, facilities, limit);
}

double flowTo(const AssignmentResult &r, int demand, int facility)
{
    double s = 0;
    for (const AssignmentFlow &f : r.flows)
        if (f.demand == demand && f.facility == facility)
            s += f.persons;
    return s;
}

// Brute force over integer splits for tiny instances: max assigned, then min cost.
std::pair<double, double> bruteForce(const std::vector<double> &pop, const std::vector<std::vector<CostEntry>> &lists,
                                     std::vector<double> cap)
{
    std::pair<double, double> best{-1, 0};
    std::function<void(std::size_t, double, double)> rec = [&](std::size_t i, double assigned, double cost) {
        if (i == pop.size()) {
            if (assigned > best.first + 1e-9 || (std::abs(assigned - best.first) < 1e-9 && cost < best.second))
                best = {assigned, cost};
            return;
        }
        const auto &l = lists[i];
        // Enumerate amounts to each of up to two facilities.
        const int p = int(pop[i]);
        if (l.empty()) {
            rec(i + 1, assigned, cost);
            return;
        }
        for (int a = 0; a <= p; ++a) {
            if (a > cap[std::size_t(l[0].facility)])
                break;
            for (int b = 0; a + b <= p; ++b) {
                if (l.size() < 2 && b > 0)
                    break;
                if (l.size() >= 2 && b > cap[std::size_t(l[1].facility)])
                    break;
                cap[std::size_t(l[0].facility)] -= a;
                if (l.size() >= 2)
                    cap[std::size_t(l[1].facility)] -= b;
                rec(i + 1, assigned + a + b, cost + a * l[0].cost + (l.size() >= 2 ? b * l[1].cost : 0));
                cap[std::size_t(l[0].facility)] += a;
                if (l.size() >= 2)
                    cap[std::size_t(l[1].facility)] += b;
            }
        }
    };
    rec(0, 0, 0);
    return best;
}

} // namespace

class TestCapacity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nearestOverflow()
    {
        Feedback fb;
        // u0: 15 people, A at 1, B at 2; u1: 5 people, B at 1; u2: 5 people, nothing in reach.
        const CoverageCosts c = table({{{0, 1}, {1, 2}}, {{1, 1}}, {{0, 500}}}, 2);
        const AssignmentResult r = Assignment::nearestFirst({15, 5, 5}, c, {10, 8}, fb);
        // Pairs by cost: (u0, A, 1) takes 10, (u1, B, 1) takes 5, (u0, B, 2) the 3 left in B.
        QCOMPARE(flowTo(r, 0, 0), 10.0);
        QCOMPARE(flowTo(r, 0, 1), 3.0);
        QCOMPARE(flowTo(r, 1, 1), 5.0);
        QCOMPARE(r.assigned, 18.0);
        QCOMPARE(r.unassignedFull, 2.0);
        QCOMPARE(r.unassignedNoReach, 5.0);
        QCOMPARE(r.facilityAssigned[0], 10.0);
        QCOMPARE(r.facilityAssigned[1], 8.0);
        QCOMPARE(r.demandFacility[0], 0);
        QCOMPARE(r.personCost, 10 * 1.0 + 3 * 2.0 + 5 * 1.0);
    }
    void nearerPeopleFirst()
    {
        Feedback fb;
        // Shelter A (room 10); shelter C (room 5) is 30 m from u0. u0 (10 people) is 541 m
        // from A, u1 (10 people) 97 m from A. Serving units by their own nearest cost
        // (u0 at 30 first) sent u0's overflow 541 m to A and left 5 of u1 out; the pairs
        // in cost order fill A with u1, the people next to it.
        const CoverageCosts c = table({{{2, 30}, {0, 541}}, {{0, 97}}}, 3, 1000);
        const AssignmentResult r = Assignment::nearestFirst({10, 10}, c, {10, 0, 5}, fb);
        QCOMPARE(flowTo(r, 0, 2), 5.0);
        QCOMPARE(flowTo(r, 0, 0), 0.0);
        QCOMPARE(flowTo(r, 1, 0), 10.0);
        QCOMPARE(r.assigned, 15.0);
        QCOMPARE(r.unassignedFull, 5.0);
        QCOMPARE(r.demandAssigned, (std::vector<double>{5, 10}));
        QCOMPARE(r.personCost, 5 * 30.0 + 10 * 97.0);
        QCOMPARE(r.flows.size(), std::size_t(2));
    }
    void nearestNoOneNearerLeftOut()
    {
        // On random tables: whenever a facility takes people at cost c, no unit that
        // reaches it cheaper than c is left with people unassigned.
        Feedback fb;
        std::mt19937 rng(11);
        for (int round = 0; round < 50; ++round) {
            const int F = 4, N = 12;
            std::vector<std::vector<CostEntry>> lists(N);
            std::vector<double> pop(N), cap(F);
            for (int f = 0; f < F; ++f)
                cap[std::size_t(f)] = double(rng() % 15);
            for (int i = 0; i < N; ++i) {
                pop[std::size_t(i)] = double(rng() % 8);
                for (int f = 0; f < F; ++f)
                    if (rng() % 2)
                        lists[std::size_t(i)].push_back({f, float(1 + rng() % 50)});
                std::sort(lists[std::size_t(i)].begin(), lists[std::size_t(i)].end(),
                          [](auto x, auto y) { return x.cost != y.cost ? x.cost < y.cost : x.facility < y.facility; });
            }
            const AssignmentResult r = Assignment::nearestFirst(pop, table(lists, F), cap, fb);
            for (const AssignmentFlow &fl : r.flows)
                for (int i = 0; i < N; ++i)
                    for (const CostEntry &e : lists[std::size_t(i)])
                        if (e.facility == fl.facility && e.cost < fl.cost)
                            QVERIFY2(r.demandAssigned[std::size_t(i)] >= pop[std::size_t(i)] - 1e-9,
                                     qPrintable(QStringLiteral("round %1: unit %2 left out of facility %3").arg(round).arg(i).arg(fl.facility)));
            for (int f = 0; f < F; ++f)
                QVERIFY(r.facilityAssigned[std::size_t(f)] <= cap[std::size_t(f)] + 1e-9);
        }
    }
    void nearerPeopleFirstOnCambridge()
    {
        // The sample's blocks and shelters, 800 m walk (the project's settings): no block
        // is left with people while a shelter it reaches takes people from farther away.
        const QString gpkg = test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg"));
        CoverageSettings s;
        s.network.network = DataSource::parse(gpkg + QStringLiteral(":streets"));
        s.network.facilities = DataSource::parse(gpkg + QStringLiteral(":shelters"));
        s.network.unit = CostUnit::Meters;
        s.network.limit = 800;
        s.network.useCache = false;
        s.fields.id = QStringLiteral("Name");
        s.fields.capacity = QStringLiteral("Capacity");
        s.demand = DataSource::parse(gpkg + QStringLiteral(":blocks_2000"));
        s.populationField = QStringLiteral("POP_LAB");
        Feedback fb;
        const CoverageJobResult r = CoverageJob::run(s, fb);
        const AssignmentResult &a = r.outcome.assignment;
        const CoverageCosts &costs = r.request.costs;
        std::vector<float> farthest(std::size_t(costs.facilityCount()), -1.0f);
        double maxCost = 0;
        for (const AssignmentFlow &f : a.flows) {
            farthest[std::size_t(f.facility)] = std::max(farthest[std::size_t(f.facility)], f.cost);
            maxCost = std::max(maxCost, double(f.cost));
        }
        qInfo("Cambridge, nearest: %.0f people assigned, mean %.1f m, max %.1f m", a.assigned, a.personCost / a.assigned, maxCost);
        QCOMPARE(a.assigned, 10457.0); // all the capacity: 15 shelters, one without capacity
        int leftOut = 0;
        for (int i = 0; i < costs.demandCount(); ++i) {
            const double left = r.request.demand.population[std::size_t(i)] - a.demandAssigned[std::size_t(i)];
            if (left <= 1e-9)
                continue;
            for (const CostEntry &e : costs.within(i))
                if (e.cost < farthest[std::size_t(e.facility)]) {
                    if (leftOut < 5)
                        qWarning("block %d (%.0f people left) is %.0f m from %s, which takes people from %.0f m", i, left, double(e.cost),
                                 qPrintable(r.request.facilities.ids[e.facility]), double(farthest[std::size_t(e.facility)]));
                    ++leftOut;
                }
        }
        QCOMPARE(leftOut, 0);
    }
    void optimalKnownOptimum()
    {
        Feedback fb;
        // Greedy: u0 (nearest 1) takes A; u1 must go to B at 10 → 10·1 + 10·10 = 110.
        // Optimum: u0 → B (10·2), u1 → A (10·1.5) = 35.
        const CoverageCosts c = table({{{0, 1}, {1, 2}}, {{0, 1.5f}, {1, 10}}}, 2);
        const AssignmentResult g = Assignment::nearestFirst({10, 10}, c, {10, 10}, fb);
        QCOMPARE(g.personCost, 110.0);
        const AssignmentResult o = Assignment::optimal({10, 10}, c, {10, 10}, fb);
        QCOMPARE(o.personCost, 35.0);
        QCOMPARE(flowTo(o, 0, 1), 10.0);
        QCOMPARE(flowTo(o, 1, 0), 10.0);
        QCOMPARE(o.assigned, 20.0);
    }
    void optimalMaximisesAssigned()
    {
        Feedback fb;
        // u0 only reaches A; u1 reaches A (nearer) and B. Greedy serves u1 at A first and
        // leaves u0 out; the optimum places everyone.
        const CoverageCosts c = table({{{0, 2}}, {{0, 1}, {1, 3}}}, 2);
        const AssignmentResult g = Assignment::nearestFirst({10, 10}, c, {10, 10}, fb);
        QCOMPARE(g.assigned, 10.0);
        QCOMPARE(g.unassignedFull, 10.0);
        const AssignmentResult o = Assignment::optimal({10, 10}, c, {10, 10}, fb);
        QCOMPARE(o.assigned, 20.0);
        QCOMPARE(o.unassignedFull, 0.0);
        QCOMPARE(o.personCost, 10 * 2.0 + 10 * 3.0);
    }
    void optimalAgainstBruteForce()
    {
        Feedback fb;
        std::mt19937 rng(7);
        for (int round = 0; round < 30; ++round) {
            const int F = 3, N = 4;
            std::vector<std::vector<CostEntry>> lists(N);
            std::vector<double> pop(N), cap(F);
            for (int f = 0; f < F; ++f)
                cap[std::size_t(f)] = double(rng() % 6);
            for (int i = 0; i < N; ++i) {
                pop[std::size_t(i)] = double(1 + rng() % 4);
                int a = int(rng() % F), b = int(rng() % F);
                lists[std::size_t(i)].push_back({a, float(1 + rng() % 9)});
                if (b != a)
                    lists[std::size_t(i)].push_back({b, float(1 + rng() % 9)});
                std::sort(lists[std::size_t(i)].begin(), lists[std::size_t(i)].end(), [](auto x, auto y) { return x.cost < y.cost; });
            }
            const auto [bestAssigned, bestCost] = bruteForce(pop, lists, cap);
            const AssignmentResult o = Assignment::optimal(pop, table(lists, F), cap, fb);
            QCOMPARE(o.assigned, bestAssigned);
            QVERIFY2(std::abs(o.personCost - bestCost) < 1e-6, qPrintable(QStringLiteral("round %1: %2 vs %3").arg(round).arg(o.personCost).arg(bestCost)));
            for (int f = 0; f < F; ++f)
                QVERIFY(o.facilityAssigned[std::size_t(f)] <= cap[std::size_t(f)] + 1e-9);
        }
    }
    void capacityFromFieldOrArea()
    {
        FacilityTable t;
        t.source = QStringLiteral("shelters");
        t.points = {{0, 0}, {1, 1}, {2, 2}};
        t.ids = QStringList{"a", "b", "c"};
        t.names = t.ids;
        t.capacity = {100, FacilityTable::kUnknown, FacilityTable::kUnknown};
        t.areaM2 = {FacilityTable::kUnknown, 3000, FacilityTable::kUnknown};
        const CapacityTable c = Capacity::resolve(t, 1.5);
        QCOMPARE(c.persons, (std::vector<double>{100, 2000, 0}));
        // No area is invented for "a": it has none (only asked for, below).
        QCOMPARE(c.areaM2, (std::vector<double>{0, 3000, 0}));
        QCOMPARE(c.areaKnown, (std::vector<char>{0, 1, 0}));
        QCOMPARE(c.withoutAreaIds, (QStringList{"a", "c"}));
        QVERIFY(c.substitutedIds.isEmpty());
        QCOMPARE(c.fromField, 1);
        QCOMPARE(c.fromArea, 1);
        QCOMPARE(c.missing, 1);
        QCOMPARE(c.missingIds, QStringList{"c"});
        const CapacityTable asked = Capacity::resolve(t, 1.5, 2.0);
        QCOMPARE(asked.areaM2, (std::vector<double>{200, 3000, 0}));
        QCOMPARE(asked.areaKnown, (std::vector<char>{1, 1, 0}));
        QCOMPARE(asked.substitutedIds, QStringList{"a"});
        QVERIFY(asked.messages().join(QLatin1Char('\n')).contains(QStringLiteral("area taken as capacity × 2 m² per person (as asked, --area-from-capacity): a")));
        QVERIFY_THROWS_EXCEPTION(InvalidInput, Capacity::resolve(t, 1.5, -1));
        t.capacity = {FacilityTable::kUnknown, FacilityTable::kUnknown, FacilityTable::kUnknown};
        t.areaM2 = t.capacity;
        QVERIFY_THROWS_EXCEPTION(InvalidInput, Capacity::resolve(t, 1.5));
    }
    void methodNames()
    {
        QCOMPARE(assignmentMethodFromName(QStringLiteral("Optimal")), AssignmentMethod::Optimal);
        QCOMPARE(assignmentMethodFromName(QStringLiteral("nearest")), AssignmentMethod::Nearest);
        QVERIFY_THROWS_EXCEPTION(InvalidInput, assignmentMethodFromName(QStringLiteral("random")));
    }
};

QTEST_MAIN(TestCapacity)
#include "tst_capacity.moc"
