// bench_nearest_facility ROADS FACILITIES CACHE_DIR: time of the nearest-facility cost
// for every node (one multi-source Dijkstra, no limit, walking) on a cached graph.
#include "analysis/NearestFacility.h"
#include "model/VectorLayer.h"
#include "network/GraphCache.h"
#include "network/RoadGraphBuilder.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <cmath>
#include <ctime>

using namespace refuge;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        out << "usage: bench_nearest_facility ROADS FACILITIES CACHE_DIR\n";
        return 2;
    }
    try {
        RoadGraphOptions o;
        o.source = DataSource::parse(args[1]);
        o.profile = Profile::load(QStringLiteral("walk"));
        o.cacheDirectory = args[3];
        QElapsedTimer t;
        t.start();
        RoadGraphReport report;
        const RoadGraph graph = RoadGraphBuilder::open(o, nullptr, &report);
        GraphCache::finishSave(report.cacheSave); // not overlapping the timed searches
        const double openSeconds = double(t.nsecsElapsed()) / 1e9;
        LoadOptions lo;
        lo.targetCrs = graph.crs();
        const VectorLayer fac = VectorLayer::load(DataSource::parse(args[2]), lo);
        t.restart();
        const SnappedLayer snapped = Snapper(graph).snapAll(Snapper::representativePoints(fac, graph.crs()), 300);
        const double snapSeconds = double(t.nsecsElapsed()) / 1e9;
        Feedback fb;
        RoutingOptions ro;
        double best = 1e9, bestCpu = 1e9;
        NearestFacilityResult r;
        for (int i = 0; i < 5; ++i) {
            t.restart();
            const std::clock_t c0 = std::clock();
            r = NearestFacility::run(graph, NearestFacility::sources(snapped), {}, ro, fb);
            bestCpu = std::min(bestCpu, double(std::clock() - c0) / CLOCKS_PER_SEC);
            best = std::min(best, double(t.nsecsElapsed()) / 1e9);
        }
        int reached = 0;
        for (float c : r.nodeCost)
            reached += std::isfinite(c) ? 1 : 0;
        out << QStringLiteral("  nearest facility for every node: %1 s wall, %7 s CPU (best of 5; %2 of %3 nodes reached, %4 links); "
                              "graph open %5 s, snap %6 s\n")
                   .arg(best, 0, 'f', 4).arg(reached).arg(graph.nodeCount()).arg(graph.linkCount())
                   .arg(openSeconds, 0, 'f', 3).arg(snapSeconds, 0, 'f', 3).arg(bestCpu, 0, 'f', 4);
    } catch (const Error &e) {
        out << "error: " << e.message() << "\n";
        return 2;
    }
    return 0;
}
