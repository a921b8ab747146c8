// Siting benchmark: MCLP with k new sites on the synthetic city (bench/siting/run.sh
// makes it: ~10k population blocks, ~1k candidate sites, 100 m street grid), 1000 m
// walk. Steps: graph, inputs and the candidate × demand cost table (the network
// engine's bounded searches), then the solvers on the same table — heuristic (greedy
// + Teitz–Bart swap, with its LP bound) and exact (CBC, with the time limit) — and the
// heuristic's gap to the exact optimum. Wall and CPU seconds per step.
//   bench_siting CITY.gpkg [K] [LIMIT_M] [TIME_LIMIT_S] [CACHE_DIR]
#include "analysis/CoverageNetwork.h"
#include "analysis/Demand.h"
#include "analysis/NearestFacility.h"
#include "analysis/siting/Siting.h"
#include "analysis/siting/SitingBound.h"
#include "analysis/siting/SitingHeuristic.h"
#include "analysis/siting/SitingMilp.h"
#include "model/VectorLayer.h"
#include "network/GraphCache.h"
#include "network/RoadGraphBuilder.h"
#include "network/Snapper.h"
#include "util/Feedback.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <cmath>
#include <cstdio>
#include <ctime>

using namespace refuge;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_siting CITY.gpkg [K] [LIMIT_M] [TIME_LIMIT_S] [CACHE_DIR]\n");
        return 2;
    }
    const QString city = QString::fromLocal8Bit(argv[1]);
    const int k = argc > 2 ? std::atoi(argv[2]) : 30;
    const double limit = argc > 3 ? std::atof(argv[3]) : 1000.0;
    const double timeLimit = argc > 4 ? std::atof(argv[4]) : 600.0;
    const QString cache = argc > 5 ? QString::fromLocal8Bit(argv[5]) : QString();
    Feedback fb;
    QElapsedTimer step;
    step.start();
    std::clock_t cpu = std::clock();
    auto lap = [&](const char *what) {
        const std::clock_t now = std::clock();
        const double wall = double(step.nsecsElapsed()) / 1e9;
        std::printf("%-34s %8.3f s  cpu %8.3f s\n", what, wall, double(now - cpu) / CLOCKS_PER_SEC);
        std::fflush(stdout);
        step.restart();
        cpu = now;
        return wall;
    };
    RoadGraphOptions go;
    go.source = DataSource{city, QStringLiteral("roads")};
    go.profile = Profile::load(QStringLiteral("walk"));
    go.cacheDirectory = cache;
    RoadGraphReport report;
    const RoadGraph graph = RoadGraphBuilder::open(go, &fb, &report);
    GraphCache::finishSave(report.cacheSave, &fb);
    lap("graph");
    const DemandSet demand = Demand::load(DataSource{city, QStringLiteral("blocks")}, QStringLiteral("population"), 0,
                                          LoadOptions{graph.crs(), {}, {}, true}, fb);
    const VectorLayer sites = VectorLayer::load(DataSource{city, QStringLiteral("shelters")}, LoadOptions{graph.crs(), {}, {}, true});
    const Snapper snapper(graph);
    const SnappedLayer candidates = CoverageNetwork::snapAll(snapper, Snapper::representativePoints(sites, graph.crs()), 300, fb);
    const SnappedLayer dem = CoverageNetwork::snapAll(snapper, demand.points, 300, fb);
    lap("demand, candidates, snapping");
    RoutingOptions routing;
    routing.unit = CostUnit::Meters;
    routing.limit = limit;
    SitingProblem problem;
    problem.costs = CoverageNetwork::costs(graph, NearestFacility::sources(candidates), candidates, dem, routing, fb);
    problem.population = demand.population;
    lap("cost table (bounded searches)");
    std::printf("demand units %zu, candidates %d, k %d, limit %.0f m, cost entries %zu, population %.0f\n", demand.size(),
                problem.candidateCount(), k, limit, problem.costs.entryCount(), problem.totalPopulation());

    SitingOptions o;
    o.model = SitingModel::Mclp;
    o.k = k;
    o.curve = false;
    o.timeLimitSeconds = timeLimit;
    const std::vector<char> open = SitingHeuristic::solve(problem, o.model, k, fb);
    const double heuristicSeconds = lap("heuristic: greedy + swap");
    const double heuristic = SitingEvaluator::evaluate(problem, o.model, open).objective;
    const double lagrangian = SitingBound::mclpLagrangian(problem, k, heuristic);
    lap("heuristic: Lagrangian bound");
    const MilpOutcome lp = SitingMilp::relaxation(problem, o.model, k, timeLimit);
    lap("LP relaxation bound (Clp)");
    o.solver = SitingSolver::Heuristic;
    const SitingResult h = Siting::solve(problem, o, fb);
    lap("Siting::solve heuristic (all)");
    o.solver = SitingSolver::Exact;
    const SitingResult x = Siting::solve(problem, o, fb);
    lap("Siting::solve exact (CBC)");
    std::printf("heuristic objective %.0f (greedy + swap alone %.3f s), Lagrangian bound %.1f, LP bound %.1f, reported gap %.3f %%\n",
                h.objective, heuristicSeconds, lagrangian, lp.bound, 100.0 * h.gap);
    std::printf("exact objective %.0f, bound %.1f, optimal %s, time limit hit %s\n", x.objective, x.bound, x.optimal ? "yes" : "no",
                x.timeLimitHit ? "yes" : "no");
    std::printf("heuristic / exact = %.5f (gap %.3f %%)\n", heuristic / x.objective, 100.0 * (x.objective - heuristic) / x.objective);
    return 0;
}
