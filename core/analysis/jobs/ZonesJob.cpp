#include "analysis/jobs/ZonesJob.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/Zones.h"
#include "io/VectorWriter.h"
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
    if (settings.network.facilities.path.isEmpty())
        throw InvalidInput(QStringLiteral("zones need a facilities layer"));
    feedback.setProgressSpan(0, 30);
    const NetworkInputs net = NetworkInputs::open(settings.network, feedback);
    feedback.setProgressSpan(30, 95);
    ZonesParameters p;
    p.graph = net.graph;
    p.facilities = net.sources;
    p.facilityIds = net.facilityIds;
    p.routing = net.routing;
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
    r.summary.insert(QStringLiteral("zones"), r.zones.featureCount());
    double total = 0;
    for (int i = 0; i < r.zones.featureCount(); ++i)
        total += r.zones.attribute(i, QStringLiteral("area_m2")).toDouble();
    r.summary.insert(QStringLiteral("area_m2"), total);
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
