// SitingJob::run, step by step (see SitingJob.h).
#include "analysis/siting/SitingJob.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/CoverageNetwork.h"
#include "analysis/NearestFacility.h"
#include "analysis/StudyArea.h"
#include "analysis/siting/SitingCandidates.h"
#include "analysis/siting/SitingOutputs.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <cmath>

namespace refuge {

namespace {

QRectF extentOf(const std::vector<QPointF> &points)
{
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (const QPointF &p : points) {
        x0 = std::min(x0, p.x());
        y0 = std::min(y0, p.y());
        x1 = std::max(x1, p.x());
        y1 = std::max(y1, p.y());
    }
    return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

void checkSettings(const SitingSettings &s)
{
    const SitingModel model = sitingModelFromName(s.model);
    sitingSolverFromName(s.solver);
    if (s.candidates.path.isEmpty() == (s.gridMeters <= 0))
        throw InvalidInput(QStringLiteral("siting: give the candidate sites as a point layer or as a grid (not both)"));
    if (s.gridMeters < 0 || !std::isfinite(s.gridMeters))
        throw InvalidInput(QStringLiteral("siting: the grid cell must be > 0 m (got %1)").arg(s.gridMeters));
    if (s.demand.path.isEmpty() || s.populationField.isEmpty())
        throw InvalidInput(QStringLiteral("siting needs a demand layer and its population field"));
    if (!s.euclidean && s.network.network.path.isEmpty())
        throw InvalidInput(QStringLiteral("siting needs a road network (or straight-line distances)"));
    if (!(s.network.limit > 0) || !std::isfinite(s.network.limit))
        throw InvalidInput(QStringLiteral("siting needs a limit > 0 (minutes or metres)"));
    if (model != SitingModel::Lscp && s.k < 1)
        throw InvalidInput(QStringLiteral("siting: k must be at least 1 (got %1)").arg(s.k));
    if (!(s.timeLimitSeconds > 0) || !std::isfinite(s.timeLimitSeconds))
        throw InvalidInput(QStringLiteral("siting: the time limit must be > 0 seconds"));
    if (!s.capacityField.isEmpty() && (model == SitingModel::PCenter || model == SitingModel::Backup))
        throw InvalidInput(QStringLiteral("siting: capacities apply to lscp, mclp and pmedian, not %1").arg(s.model));
}

FacilityTable loadPoints(const DataSource &source, const Crs &crs, const FacilityFields &fields, const QString &what, Feedback &feedback)
{
    const VectorLayer layer = VectorLayer::load(source, LoadOptions{crs, {}, {}, true, fields.id});
    layer.report().reportTo(feedback, source.displayName(), what);
    if (layer.featureCount() == 0)
        throw InvalidInput(fileMessage(source.displayName(), QStringLiteral("no %1 (the layer is empty)").arg(what)));
    layer.requireGeometry(what, {0, 2});
    FacilityTable t = FacilityTable::fromLayer(layer, fields);
    t.reportValues(feedback);
    return t;
}

// Capacities must be known for every site of a capacitated model: unknown ones are
// refused by id rather than guessed.
void checkCapacities(const FacilityTable &t, const QString &source)
{
    QStringList unknown;
    for (int i = 0; i < t.size(); ++i)
        if (!std::isfinite(t.capacity[std::size_t(i)]))
            unknown << t.ids[i];
    if (!unknown.isEmpty())
        throw InvalidInput(fileMessage(source, SitingCandidates::listMessage(int(unknown.size()), QStringLiteral("sites without a capacity"), unknown)));
}

FacilityTable candidateSites(const SitingSettings &s, const Crs &crs, const DemandSet &demand, Feedback &feedback)
{
    FacilityTable t;
    if (s.gridMeters > 0) {
        const Geometry inside = s.inside.path.isEmpty() ? Geometry() : StudyArea::load(s.inside, crs);
        t = SitingCandidates::grid(extentOf(demand.points), s.gridMeters, inside, crs);
    } else {
        t = loadPoints(s.candidates, crs, {s.idField, s.nameField, s.capacityField, {}, {}, {}}, QStringLiteral("candidate sites"), feedback);
        if (!s.inside.path.isEmpty()) {
            const QStringList removed = SitingCandidates::removeInside(t, StudyArea::load(s.inside, crs), true);
            if (!removed.isEmpty())
                feedback.warn(SitingCandidates::listMessage(int(removed.size()), QStringLiteral("candidates outside the area left out"), removed));
        }
        if (!s.capacityField.isEmpty())
            checkCapacities(t, s.candidates.displayName());
    }
    if (!s.hazard.path.isEmpty()) {
        const QStringList removed = SitingCandidates::removeInside(t, StudyArea::load(s.hazard, crs));
        if (!removed.isEmpty())
            feedback.warn(SitingCandidates::listMessage(int(removed.size()), QStringLiteral("candidates inside hazard zones left out"), removed));
    }
    if (t.size() == 0)
        throw InvalidInput(QStringLiteral("siting: no candidate site left after the filters"));
    if (t.capacity.empty())
        t.capacity.assign(t.points.size(), FacilityTable::kUnknown);
    return t;
}

// Candidates and existing sites as one table: the cost table's columns.
FacilityTable append(FacilityTable a, const FacilityTable &b)
{
    a.points.insert(a.points.end(), b.points.begin(), b.points.end());
    a.ids << b.ids;
    a.names << (b.names.isEmpty() ? b.ids : b.names);
    a.capacity.insert(a.capacity.end(), b.capacity.begin(), b.capacity.end());
    return a;
}

QStringList demandRows(const DemandSet &d, const std::vector<int> &units)
{
    QStringList out;
    for (int i : units)
        out << QStringLiteral("row %1").arg(d.feature[std::size_t(i)] + 1);
    return out;
}

} // namespace

OutputGuard SitingJob::inputs(const SitingSettings &s)
{
    OutputGuard guard;
    for (const DataSource *d : {&s.network.network, &s.network.barriers, &s.candidates, &s.inside, &s.hazard, &s.existing, &s.demand})
        guard.addInput(*d);
    return guard;
}

SitingJobResult SitingJob::run(const SitingSettings &s, Feedback &feedback)
{
    QElapsedTimer timer;
    timer.start();
    checkSettings(s);
    if (!s.outDir.isEmpty())
        AnalysisFiles::prepareOutputFolder(s.outDir, SitingOutputs::fileNames(), inputs(s));
    SitingJobResult r;
    const bool meters = s.network.unit == CostUnit::Meters;
    r.unit = meters ? QStringLiteral("m") : QStringLiteral("min");
    r.costScale = meters ? 1.0 : 1.0 / 60.0;

    // 1. The network (and its CRS) or the CRS to measure straight lines in.
    QJsonObject summary;
    NetworkInputs net;
    Crs crs = s.network.crs;
    feedback.setProgressSpan(0, 20);
    if (!s.euclidean) {
        NetworkSettings ns = s.network;
        ns.facilities = {};
        net = NetworkInputs::openNetwork(ns, feedback);
        crs = net.graph.crs();
        summary = net.summary();
    }
    // 2. Demand, candidates, existing sites.
    feedback.setProgressSpan(20, 30);
    r.demand = Demand::load(s.demand, s.populationField, s.splitCellMeters, LoadOptions{crs, {}, {}, true}, feedback);
    if (r.demand.size() == 0)
        throw InvalidInput(fileMessage(s.demand.displayName(), QStringLiteral("no population: every value is zero, null or negative")));
    if (!crs.isValid()) {
        crs = r.demand.crs.isGeographic() ? metricCrsFor(r.demand.crs, extentOf(r.demand.points)) : r.demand.crs;
        if (r.demand.crs.isGeographic())
            r.demand = Demand::load(s.demand, s.populationField, s.splitCellMeters, LoadOptions{crs, {}, {}, true}, feedback);
    }
    FacilityTable candidates = candidateSites(s, crs, r.demand, feedback);
    FacilityTable existing;
    if (!s.existing.path.isEmpty()) {
        existing = loadPoints(s.existing, crs, {{}, {}, s.capacityField, {}, {}, {}}, QStringLiteral("existing facilities"), feedback);
        if (!s.capacityField.isEmpty())
            checkCapacities(existing, s.existing.displayName());
        if (existing.capacity.empty())
            existing.capacity.assign(existing.points.size(), FacilityTable::kUnknown);
    }
    feedback.throwIfCanceled();

    // 3. Costs: one bounded search per site over the network, or straight lines.
    feedback.setProgressSpan(30, 60);
    if (!s.euclidean) {
        const Snapper snapper(net.graph);
        SnappedLayer cand = CoverageNetwork::snapAll(snapper, candidates.points, s.network.snapMaxMeters, feedback);
        if (!cand.unsnapped.empty()) { // candidates away from the streets cannot be reached: left out, listed
            std::vector<int> keep;
            QStringList removed;
            for (int i = 0, u = 0; i < candidates.size(); ++i) {
                if (u < int(cand.unsnapped.size()) && cand.unsnapped[std::size_t(u)] == i) {
                    removed << candidates.ids[i];
                    ++u;
                } else {
                    keep.push_back(i);
                }
            }
            SitingCandidates::keepRows(candidates, keep);
            feedback.warn(SitingCandidates::listMessage(int(removed.size()),
                                                        QStringLiteral("candidates farther than %1 m from a street left out").arg(s.network.snapMaxMeters), removed));
            if (candidates.size() == 0)
                throw InvalidInput(QStringLiteral("siting: no candidate site lies within %1 m of a street").arg(s.network.snapMaxMeters));
            cand = CoverageNetwork::snapAll(snapper, candidates.points, s.network.snapMaxMeters, feedback);
        }
        const SnappedLayer ex = CoverageNetwork::snapAll(snapper, existing.points, s.network.snapMaxMeters, feedback);
        if (!ex.unsnapped.empty())
            feedback.warn(fileMessage(s.existing.displayName(), QStringLiteral("%1 existing facilities farther than %2 m from a street reach nobody")
                                                                    .arg(ex.unsnapped.size()).arg(s.network.snapMaxMeters)));
        SnappedLayer all = cand;
        all.points.insert(all.points.end(), ex.points.begin(), ex.points.end());
        const SnappedLayer dem = CoverageNetwork::snapAll(snapper, r.demand.points, s.network.snapMaxMeters, feedback);
        r.problem.costs = CoverageNetwork::costs(net.graph, NearestFacility::sources(all), all, dem, net.routing, feedback);
    } else {
        const double limit = meters ? s.network.limit : s.network.limit * 60.0;
        const double speed = meters ? 1.0 : s.walkSpeedMps;
        r.problem.costs = CoverageCosts::euclidean(r.demand.points, append(candidates, existing).points, limit, crs.metresPerUnit(), speed, {}, feedback);
    }
    r.candidateCount = candidates.size();
    r.sites = append(candidates, existing);
    r.problem.population = r.demand.population;
    r.problem.fixed.assign(std::size_t(r.sites.size()), 0);
    std::fill(r.problem.fixed.begin() + r.candidateCount, r.problem.fixed.end(), 1);
    if (!s.capacityField.isEmpty())
        r.problem.capacity = r.sites.capacity;

    // 4. Solve, with the curve.
    feedback.setProgressSpan(60, 95);
    SitingOptions o;
    o.model = sitingModelFromName(s.model);
    o.k = s.k;
    o.solver = sitingSolverFromName(s.solver);
    o.timeLimitSeconds = s.timeLimitSeconds;
    o.curve = s.curve;
    r.result = Siting::solve(r.problem, o, feedback);
    if (!r.result.unreachableDemand.empty())
        feedback.warn(fileMessage(s.demand.displayName(), SitingCandidates::listMessage(int(r.result.unreachableDemand.size()),
                                                                                         QStringLiteral("unreachable demand units"),
                                                                                         demandRows(r.demand, r.result.unreachableDemand))));

    // 5. Summary and files.
    QJsonObject extra = summary;
    extra.insert(QStringLiteral("limit_user"), s.network.limit);
    extra.insert(QStringLiteral("limit_user_unit"), r.unit);
    extra.insert(QStringLiteral("euclidean"), s.euclidean);
    extra.insert(QStringLiteral("method"), r.problem.costs.method);
    extra.insert(QStringLiteral("cost_unit"), r.problem.costs.unit); // objective, bound, costs: metres or seconds
    extra.insert(QStringLiteral("candidates"), r.candidateCount);
    extra.insert(QStringLiteral("existing"), r.sites.size() - r.candidateCount);
    extra.insert(QStringLiteral("demand_units"), int(r.demand.size()));
    extra.insert(QStringLiteral("total_population"), r.problem.totalPopulation());
    extra.insert(QStringLiteral("cost_entries"), double(r.problem.costs.entryCount()));
    QJsonArray chosen;
    for (const SitingSite &site : r.result.sites)
        chosen.append(r.sites.ids[site.candidate]);
    extra.insert(QStringLiteral("sites"), chosen);
    extra.insert(QStringLiteral("unreachable_demand_rows"), QJsonArray::fromStringList(demandRows(r.demand, r.result.unreachableDemand)));
    if (!s.euclidean)
        net.finishCacheSave(feedback, &extra);
    r.summary = r.result.summaryJson();
    r.summary.remove(QStringLiteral("warnings"));
    r.warnings = AnalysisFiles::completeSummary(r.summary, extra, feedback.warnings() + r.result.warnings);
    AnalysisFiles::addInputProblems(r.summary, feedback);
    SitingOutputs::addResultsModel(r.summary, r);
    r.inputProblems = feedback.inputProblems();
    if (!s.outDir.isEmpty()) {
        feedback.throwIfCanceled();
        feedback.setProgressSpan(95, 100);
        SitingOutputs::write(r, s.outDir);
        AnalysisFiles::writeSummary(s.outDir, r.summary, QStringLiteral("seconds"), double(timer.nsecsElapsed()) / 1e9);
        r.outDir = s.outDir;
    }
    return r;
}

} // namespace refuge
