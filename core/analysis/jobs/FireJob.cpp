#include "analysis/jobs/FireJob.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/algorithms/FireCoverageAlgorithm.h"
#include "analysis/FireCoverageOutputs.h"
#include "analysis/NearestFacility.h"
#include "analysis/ParameterRanges.h"
#include "analysis/StudyArea.h"
#include "analysis/jobs/JobInputs.h"
#include "geom/Geos.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <limits>

namespace refuge {

namespace {

NearestCosts fromNetwork(const NearestFacilityResult &r)
{
    NearestCosts c;
    c.seconds = r.demandCost;
    c.station.assign(r.demandFacility.begin(), r.demandFacility.end());
    return c;
}

NearestCosts straightLine(const std::vector<QPointF> &pts, const FacilityTable &st, const std::vector<double> &turnout, double mPerUnit,
                          double speed)
{
    NearestCosts c;
    c.seconds.assign(pts.size(), std::numeric_limits<float>::infinity());
    c.station.assign(pts.size(), -1);
    for (std::size_t i = 0; i < pts.size(); ++i) {
        for (int s = 0; s < st.size(); ++s) {
            const QPointF f = st.points[std::size_t(s)];
            if (!std::isfinite(f.x()))
                continue;
            const double t = std::hypot(f.x() - pts[i].x(), f.y() - pts[i].y()) * mPerUnit / speed + turnout[std::size_t(s)];
            if (t < c.seconds[i]) {
                c.seconds[i] = float(t);
                c.station[i] = s;
            }
        }
    }
    return c;
}

} // namespace

FireJobResult FireJob::run(const FireSettings &s, Feedback &feedback)
{
    QElapsedTimer timer;
    timer.start();
    FireCoverageAlgorithm::check(s); // every rule of the parameters, in one place

    if (!s.outDir.isEmpty()) // before anything can fail: no previous figures survive a failed run
        AnalysisFiles::prepareOutputFolder(s.outDir, FireCoverageOutputs::fileNames(), JobInputs::of(s));

    FireJobResult r;
    FireRequest &q = r.request;
    q.standard = StandardsProfile::load(s.standard.isEmpty() ? QStringLiteral("shanghai") : s.standard);
    q.standard.applyOverrides(s.standardOverrides);
    q.suburban = s.suburban;
    const double defaultLimit = q.standard.number(q.suburban && q.standard.contains(QStringLiteral("fire.response_suburban_s"))
                                                      ? QStringLiteral("fire.response_suburban_s") : QStringLiteral("fire.response_s"), 300);
    q.responseLimitSeconds = s.responseMinutes > 0 ? s.responseMinutes * 60.0 : defaultLimit;
    q.turnoutSeconds = s.turnoutSeconds >= 0 ? s.turnoutSeconds : q.standard.number(QStringLiteral("fire.turnout_s"), 60);
    if (!std::isfinite(q.turnoutSeconds))
        throw InvalidInput(QStringLiteral("the turnout time must be ≥ 0 s"));

    Crs crs;
    VectorLayer stationsLayer;
    QJsonObject networkSummary;
    NetworkInputs net;
    if (!s.euclidean) {
        NetworkSettings ns = s.network;
        ns.facilityIdField = s.fields.id;
        ns.unit = CostUnit::Seconds;
        ns.limit = q.responseLimitSeconds / 60.0;
        ns.turnoutSeconds = q.turnoutSeconds;
        feedback.setProgressSpan(0, 25);
        net = NetworkInputs::open(ns, feedback);
        crs = net.graph.crs();
        stationsLayer = net.facilities;
        networkSummary = net.summary();
        q.method = QStringLiteral("network (%1)").arg(net.graph.profileName());
    } else {
        crs = s.network.crs;
        stationsLayer = VectorLayer::load(s.network.facilities, LoadOptions{crs, {}, {}, true, s.fields.id});
        stationsLayer.report().reportTo(feedback, s.network.facilities.displayName(), QStringLiteral("facilities"));
        if (!crs.isValid()) {
            crs = metricCrsFor(stationsLayer.crs(), stationsLayer.extent());
            stationsLayer = stationsLayer.reprojected(crs);
        }
        q.method = QStringLiteral("straight line");
    }
    q.stations = FacilityTable::fromLayer(stationsLayer, s.fields);
    q.stations.reportValues(feedback);
    std::vector<double> turnout(std::size_t(q.stations.size()), q.turnoutSeconds);
    for (int i = 0; i < q.stations.size(); ++i)
        if (std::isfinite(q.stations.turnoutSeconds[std::size_t(i)]))
            turnout[std::size_t(i)] = q.stations.turnoutSeconds[std::size_t(i)];
    feedback.throwIfCanceled();

    feedback.setProgressSpan(25, 40);
    if (!s.demand.path.isEmpty()) {
        q.demand = Demand::load(s.demand, s.populationField, 0, LoadOptions{crs, {}, {}, true}, feedback);
        ParameterRanges::checkPopulation(s.demand.displayName(), q.demand.population, q.demand.feature);
    }
    q.demand.crs = crs;
    if (!s.official.path.isEmpty()) {
        const VectorLayer off = VectorLayer::load(s.official, LoadOptions{crs, {}, {}, true, s.officialField});
        off.report().reportTo(feedback, s.official.displayName(), QStringLiteral("districts"));
        q.official = CoverageAreas::fromLayer(off, s.officialField);
    }
    Geometry study;
    if (!s.studyArea.path.isEmpty()) {
        study = StudyArea::merge(StudyArea::read(s.studyArea, &feedback), crs);
        r.studyArea = fileMessage(s.studyArea.displayName(), QStringLiteral("study area"));
    } else if (!q.official.isEmpty()) {
        study = StudyArea::unionOf(q.official.polygons);
        r.studyArea = fileMessage(s.official.displayName(), QStringLiteral("official districts"));
    } else if (q.demand.size() > 0) {
        // The demand's extent bounds the grid of zones; it is no study area (QRectF::united
        // would skip the zero-size rectangles of single points: take min/max).
        double x0 = q.demand.points.front().x(), x1 = x0, y0 = q.demand.points.front().y(), y1 = y0;
        for (const QPointF &p : q.demand.points) {
            x0 = std::min(x0, p.x()), x1 = std::max(x1, p.x());
            y0 = std::min(y0, p.y()), y1 = std::max(y1, p.y());
        }
        study = Geometry::polygon({{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}});
    } else {
        throw InvalidInput(fileMessage(s.demand.displayName(), QStringLiteral("no population to bound the analysis")));
    }
    q.grid = FireGrid::over(study, s.gridCellMeters, crs.metresPerUnit(), feedback);
    feedback.throwIfCanceled();

    if (!s.euclidean) {
        std::vector<NetworkSource> sources = net.sources;
        for (std::size_t i = 0; i < sources.size(); ++i)
            sources[i].startCost = turnout[i];
        RoutingOptions ro = net.routing;
        ro.limit = std::numeric_limits<double>::infinity(); // zones: every reachable cell
        const Snapper snapper(net.graph);
        feedback.setProgressSpan(40, 55);
        const SnappedLayer gridSnapped = snapper.snapAll(q.grid.centres, s.network.snapMaxMeters, &feedback);
        const SnappedLayer demandSnapped = snapper.snapAll(q.demand.points, s.network.snapMaxMeters, &feedback);
        feedback.setProgressSpan(55, 80);
        q.gridCosts = fromNetwork(NearestFacility::run(net.graph, sources, gridSnapped, ro, feedback));
        q.demandCosts = fromNetwork(NearestFacility::run(net.graph, sources, demandSnapped, ro, feedback));
    } else {
        const double speed = (s.speedKmh > 0 ? s.speedKmh : q.standard.number(QStringLiteral("fire.planning_speed_kmh"), 30)) / 3.6;
        q.gridCosts = straightLine(q.grid.centres, q.stations, turnout, crs.metresPerUnit(), speed);
        q.demandCosts = straightLine(q.demand.points, q.stations, turnout, crs.metresPerUnit(), speed);
    }

    feedback.setProgressSpan(80, 95);
    r.outcome = FireCoverage::run(q, feedback);
    r.summary = r.outcome.summaryJson(q);
    networkSummary.insert(QStringLiteral("euclidean"), s.euclidean);
    if (!s.euclidean)
        net.finishCacheSave(feedback, &networkSummary); // the graph cache written meanwhile
    networkSummary.insert(QStringLiteral("study_area"), r.studyArea.isEmpty() ? QJsonValue() : QJsonValue(r.studyArea));
    r.warnings = AnalysisFiles::completeSummary(r.summary, networkSummary, feedback.warnings() + q.demand.stats.messages());
    AnalysisFiles::addInputProblems(r.summary, feedback);
    r.inputProblems = feedback.inputProblems();
    if (!s.outDir.isEmpty()) {
        feedback.throwIfCanceled();
        feedback.setProgressSpan(95, 100);
        FireCoverageOutputs::write(q, r.outcome, s.outDir);
        AnalysisFiles::writeSummary(s.outDir, r.summary, QStringLiteral("seconds"), double(timer.nsecsElapsed()) / 1e9);
        r.outDir = s.outDir;
    }
    return r;
}

} // namespace refuge
