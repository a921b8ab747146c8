#include "analysis/jobs/ZonesJob.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/algorithms/ZonesAlgorithm.h"
#include "analysis/StudyArea.h"
#include "analysis/Zones.h"
#include "analysis/jobs/JobInputs.h"
#include "io/VectorWriter.h"
#include "model/VectorLayer.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>

namespace refuge {

ZonesJobResult ZonesJob::run(const ZonesSettings &settings, Feedback &feedback)
{
    QElapsedTimer timer;
    timer.start();
    ZonesAlgorithm::check(settings); // every rule of the parameters, in one place
    // The study area is checked before the network is built (fast fail).
    const VectorLayer studyArea = settings.studyArea.path.isEmpty() ? VectorLayer() : StudyArea::read(settings.studyArea, &feedback);
    if (!settings.outDir.isEmpty()) // before anything can fail: no previous figures survive a failed run
        AnalysisFiles::prepareOutputFolder(settings.outDir, {QStringLiteral("zones.gpkg")}, JobInputs::of(settings.network));
    feedback.setProgressSpan(0, 30);
    const NetworkInputs net = NetworkInputs::open(settings.network, feedback);
    feedback.setProgressSpan(30, 95);
    ZonesParameters p;
    p.graph = net.graph;
    p.facilities = net.sources;
    p.facilityIds = net.facilityIds;
    p.routing = net.routing;
    if (!settings.studyArea.path.isEmpty())
        p.studyArea = StudyArea::merge(studyArea, net.graph.crs());
    QElapsedTimer t;
    t.start();
    ZonesJobResult r;
    r.zones = Zones::run(p, feedback);
    const double analysisSeconds = double(t.nsecsElapsed()) / 1e9;
    r.snappedFacilities = net.snapped.snappedCount();
    r.totalFacilities = int(net.snapped.points.size());
    net.finishCacheSave(feedback); // the graph cache written meanwhile
    r.warnings = feedback.warnings();
    r.inputProblems = feedback.inputProblems();
    r.summary = net.summary();
    AnalysisFiles::addInputProblems(r.summary, feedback);
    r.summary.insert(QStringLiteral("command"), QStringLiteral("zones"));
    double total = 0, beyond = 0;
    QStringList facilities;
    for (int i = 0; i < r.zones.featureCount(); ++i) {
        const double a = r.zones.attribute(i, QStringLiteral("area_m2")).toDouble();
        total += a;
        if (r.zones.attribute(i, QStringLiteral("access")).toString() == QLatin1String("beyond_access_distance"))
            beyond += a;
        facilities << r.zones.attribute(i, QStringLiteral("facility_id")).toString();
    }
    facilities.removeDuplicates();
    const double unit = net.graph.crs().metresPerUnit() > 0 ? net.graph.crs().metresPerUnit() : 1.0;
    const double studyM2 = p.studyArea.area() * unit * unit;
    r.summary.insert(QStringLiteral("zones"), int(facilities.size()));
    r.summary.insert(QStringLiteral("features"), r.zones.featureCount());
    r.summary.insert(QStringLiteral("area_m2"), total);
    r.summary.insert(QStringLiteral("area_within_access_m2"), total - beyond);
    r.summary.insert(QStringLiteral("area_beyond_access_m2"), beyond);
    r.summary.insert(QStringLiteral("study_area"), settings.studyArea.path.isEmpty() ? QStringLiteral("streets' box + access distance")
                                                                                     : settings.studyArea.displayName());
    if (studyM2 > 0) {
        r.summary.insert(QStringLiteral("study_area_m2"), studyM2);
        r.summary.insert(QStringLiteral("tiled_share"), total / studyM2);
    }
    r.summary.insert(QStringLiteral("analysis_seconds"), analysisSeconds);
    if (!settings.outDir.isEmpty()) {
        feedback.throwIfCanceled();
        feedback.setProgressSpan(95, 100);
        r.outputPath = AnalysisFiles::outputFolder(settings.outDir).filePath(QStringLiteral("zones.gpkg"));
        VectorWriter::write(r.zones, r.outputPath, QStringLiteral("zones"));
        r.summary.insert(QStringLiteral("output"), r.outputPath);
        r.summary.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(r.warnings));
        AnalysisFiles::writeSummary(settings.outDir, r.summary, QStringLiteral("total_seconds"), double(timer.nsecsElapsed()) / 1e9);
    }
    return r;
}

} // namespace refuge
