#include "analysis/jobs/NetworkCheckJob.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/jobs/JobInputs.h"
#include "io/VectorWriter.h"
#include "network/OsmSource.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>

namespace refuge {

namespace {

// The facilities, when any snaps; none snapping is reported as a warning.
void loadFacilitiesIfAny(NetworkInputs &in, Feedback &feedback)
{
    try {
        in.loadFacilities(feedback);
    } catch (const NoFacilitySnapped &e) {
        in.facilities = VectorLayer();
        in.snapped = {};
        feedback.warn(e.message());
    }
}

} // namespace

NetworkCheckJobResult NetworkCheckJob::run(const NetworkCheckSettings &settings, Feedback &feedback)
{
    QElapsedTimer timer;
    timer.start();
    NetworkSettings s = settings.network;
    // What an OSM extract's rules leave out (also once converted) is counted while
    // building: build, don't load.
    if (OsmSource::isOsmSource(s.network))
        s.useCache = false;
    if (!settings.outDir.isEmpty())
        AnalysisFiles::prepareOutputFolder(settings.outDir, {QStringLiteral("network_check.gpkg")}, JobInputs::of(s));
    NetworkInputs in = NetworkInputs::openNetwork(s, feedback);
    loadFacilitiesIfAny(in, feedback);
    NetworkCheckJobResult r;
    r.report = NetworkCheck::run(in.graph, in.graphReport, in.snapped, in.facilityIds, feedback);
    r.graphMessages = in.graphReport.messages();
    r.summary = in.summary();
    r.summary.insert(QStringLiteral("command"), QStringLiteral("network-check"));
    r.summary.insert(QStringLiteral("check"), r.report.toJson());
    if (!settings.outDir.isEmpty()) {
        r.outputPath = QDir(settings.outDir).filePath(QStringLiteral("network_check.gpkg"));
        VectorWriter::write(r.report.problems, r.outputPath, QStringLiteral("network_problems"));
        r.summary.insert(QStringLiteral("output"), r.outputPath);
    }
    in.finishCacheSave(feedback, &r.summary); // the graph cache written meanwhile
    r.warnings = feedback.warnings();
    r.inputProblems = feedback.inputProblems();
    r.summary.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(r.warnings));
    if (!settings.outDir.isEmpty())
        AnalysisFiles::writeSummary(settings.outDir, r.summary, QStringLiteral("total_seconds"), double(timer.nsecsElapsed()) / 1e9);
    return r;
}

} // namespace refuge
