// Coverage + capacity on the synthetic city (bench/coverage/run.sh makes it): ~490k
// population blocks, 100 shelters, ~900k-edge walk network, 1000 m limit — the whole
// chain after the graph cache is warm: open graph, load shelters and blocks, demand
// points, snapping, the demand × shelter cost table, coverage, nearest-first
// assignment. Prints one line per step and the total (wall and CPU seconds). Demand comes
// through Demand::load (stream, the default) or VectorLayer::load + Demand::fromLayer
// (layer, the path before: to compare).
//   bench_coverage CITY.gpkg [CACHE_DIR] [LIMIT_M] [nearest|optimal] [stream|layer]
#include "analysis/Assignment.h"
#include "analysis/Coverage.h"
#include "analysis/CoverageNetwork.h"
#include "analysis/Demand.h"
#include "analysis/FacilityTable.h"
#include "analysis/NearestFacility.h"
#include "model/VectorLayer.h"
#include "network/GraphCache.h"
#include "network/RoadGraphBuilder.h"
#include "network/Snapper.h"
#include "util/Feedback.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <cstdio>
#include <ctime>

using namespace refuge;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_coverage CITY.gpkg [CACHE_DIR] [LIMIT_M] [nearest|optimal] [stream|layer]\n");
        return 2;
    }
    const QString city = QString::fromLocal8Bit(argv[1]);
    const QString cache = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString();
    const double limit = argc > 3 ? std::atof(argv[3]) : 1000.0;
    const AssignmentMethod method = assignmentMethodFromName(argc > 4 ? QString::fromLatin1(argv[4]) : QStringLiteral("nearest"));
    const bool viaLayer = argc > 5 && QByteArray(argv[5]) == "layer";
    Feedback fb;
    QElapsedTimer total, step;
    total.start();
    step.start();
    // CPU seconds of all threads (std::clock on Linux; wall time on Windows): on a busy
    // machine these say more than wall time.
    std::clock_t cpu = std::clock(), cpuTotal = cpu;
    auto lap = [&](const char *what) {
        const std::clock_t now = std::clock();
        std::printf("%-28s %7.3f s  cpu %7.3f s\n", what, double(step.nsecsElapsed()) / 1e9, double(now - cpu) / CLOCKS_PER_SEC);
        step.restart();
        cpu = now;
    };
    RoadGraphOptions go;
    go.source = DataSource{city, QStringLiteral("roads")};
    go.profile = Profile::load(QStringLiteral("walk"));
    go.cacheDirectory = cache;
    RoadGraphReport report;
    const RoadGraph graph = RoadGraphBuilder::open(go, &fb, &report);
    GraphCache::finishSave(report.cacheSave, &fb); // not overlapping the laps below
    lap(report.fromCache ? "graph (cache)" : "graph (built + cache written)");
    const VectorLayer shelters = VectorLayer::load(DataSource{city, QStringLiteral("shelters")}, {graph.crs()});
    const FacilityTable fac = FacilityTable::fromLayer(shelters, {{}, {}, QStringLiteral("capacity"), {}, {}, {}});
    lap("load shelters");
    const DataSource blocks{city, QStringLiteral("blocks")};
    DemandSet demand;
    if (viaLayer) {
        const VectorLayer layer = VectorLayer::load(blocks, {graph.crs()});
        lap("load blocks (layer)");
        demand = Demand::fromLayer(layer, QStringLiteral("population"), 0, fb);
        lap("demand points");
    } else {
        demand = Demand::load(blocks, QStringLiteral("population"), 0, {graph.crs()}, fb);
        lap("blocks -> demand (stream)");
    }
    const Snapper snapper(graph);
    lap("snap index");
    const SnappedLayer fs = snapper.snapAll(fac.points, 300, &fb);
    const SnappedLayer ds = CoverageNetwork::snapAll(snapper, demand.points, 300, fb);
    lap("snap");
    RoutingOptions ro;
    ro.unit = CostUnit::Meters;
    ro.limit = limit;
    const CoverageCosts costs = CoverageNetwork::costs(graph, NearestFacility::sources(fs), fs, ds, ro, fb);
    lap("cost table");
    const CoverageResult cov = Coverage::run(demand, costs, {}, 0, fb);
    lap("coverage");
    std::vector<double> cap(fac.capacity);
    const AssignmentResult as = Assignment::run(method, demand.population, costs, cap, fb);
    lap("assignment");
    std::printf("%-28s %7.3f s  cpu %7.3f s\n", "TOTAL", double(total.nsecsElapsed()) / 1e9, double(std::clock() - cpuTotal) / CLOCKS_PER_SEC);
    std::printf("nodes %d links %d | blocks %lld units %zu | shelters %d | entries %zu\n", graph.nodeCount(), graph.linkCount(),
                static_cast<long long>(demand.stats.features), demand.size(), fac.size(), costs.entryCount());
    std::printf("population %.0f covered %.0f (%.1f %%) assigned %.0f unassigned %.0f (no reach %.0f, full %.0f)\n",
                cov.totalPopulation, cov.coveredPopulation, 100 * cov.coveredShare(), as.assigned, as.unassigned(),
                as.unassignedNoReach, as.unassignedFull);
    return 0;
}
