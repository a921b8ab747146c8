#include "analysis/jobs/ServiceAreaJob.h"
#include "analysis/AnalysisFiles.h"
#include "analysis/algorithms/ServiceAreaAlgorithm.h"
#include "analysis/ServiceArea.h"
#include "analysis/ParameterRanges.h"
#include "analysis/jobs/JobInputs.h"
#include "io/VectorWriter.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QJsonArray>
#include <algorithm>
#include <numeric>

namespace refuge {

namespace {

// The features ordered by break, largest first (stable): drawn in file order, the
// small breaks stay visible on top of the large ones, here and in QGIS.
VectorLayer largestBreakFirst(const VectorLayer &areas)
{
    const int breakField = areas.fieldIndex(QStringLiteral("break"));
    std::vector<int> order(std::size_t(areas.featureCount()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return areas.attribute(a, breakField).toDouble() > areas.attribute(b, breakField).toDouble();
    });
    VectorLayer out(areas.name(), areas.geometryType(), areas.crs());
    for (const Field &f : areas.fields())
        out.addField(f);
    for (int i : order) {
        QVariantList values;
        for (int f = 0; f < int(areas.fields().size()); ++f)
            values << areas.attribute(i, f);
        out.addFeature(areas.geometry(i), values);
    }
    return out;
}

} // namespace

ServiceAreaJobResult ServiceAreaJob::run(const ServiceAreaSettings &settings, Feedback &feedback)
{
    QElapsedTimer timer;
    timer.start();
    ServiceAreaAlgorithm::check(settings); // every rule of the parameters, in one place
    if (!settings.outDir.isEmpty()) // before anything can fail: no previous figures survive a failed run
        AnalysisFiles::prepareOutputFolder(settings.outDir, {QStringLiteral("service_areas.gpkg")}, JobInputs::of(settings.network));
    feedback.setProgressSpan(0, 30);
    const NetworkInputs net = NetworkInputs::open(settings.network, feedback);
    feedback.setProgressSpan(30, 95);

    ServiceAreaParameters p;
    p.graph = net.graph;
    p.facilities = net.sources;
    p.facilityIds = net.facilityIds;
    const double scale = settings.network.unitScale();
    for (double b : net.breaks)
        p.breaks.push_back(b * scale);
    p.routing = net.routing;
    p.dissolve = settings.dissolve;
    p.accessMeters = settings.accessMeters;
    p.polygons = settings.polygons;
    p.lines = settings.lines;
    QElapsedTimer t;
    t.start();
    ServiceAreaJobResult r;
    ServiceAreaResult computed = ServiceArea::compute(p, feedback);
    const double analysisSeconds = double(t.nsecsElapsed()) / 1e9;
    // Breaks in the user's unit (minutes or metres).
    for (VectorLayer *layer : {&computed.areas, &computed.lines}) {
        const int breakField = layer->fieldIndex(QStringLiteral("break")), unitField = layer->fieldIndex(QStringLiteral("unit"));
        for (int i = 0; i < layer->featureCount(); ++i) {
            layer->setAttribute(i, breakField, layer->attribute(i, breakField).toDouble() / scale);
            layer->setAttribute(i, unitField, settings.network.unitLabel());
        }
    }
    r.areas = largestBreakFirst(computed.areas);
    r.lines = std::move(computed.lines);
    r.snappedFacilities = net.snapped.snappedCount();
    r.totalFacilities = int(net.snapped.points.size());
    net.finishCacheSave(feedback); // the graph cache written meanwhile
    r.warnings = feedback.warnings();
    r.inputProblems = feedback.inputProblems();
    r.summary = net.summary();
    AnalysisFiles::addInputProblems(r.summary, feedback);
    r.summary.insert(QStringLiteral("command"), QStringLiteral("service-area"));
    r.summary.insert(QStringLiteral("polygons"), r.areas.featureCount());
    r.summary.insert(QStringLiteral("line_features"), r.lines.featureCount());
    r.summary.insert(QStringLiteral("dissolved"), p.dissolve);
    r.summary.insert(QStringLiteral("access_m"), p.accessMeters > 0 ? p.accessMeters : net.graph.accessMeters());
    r.summary.insert(QStringLiteral("analysis_seconds"), analysisSeconds);
    if (!settings.outDir.isEmpty()) {
        feedback.throwIfCanceled();
        feedback.setProgressSpan(95, 100);
        r.outputPath = AnalysisFiles::outputFolder(settings.outDir).filePath(QStringLiteral("service_areas.gpkg"));
        std::vector<VectorWriter::NamedLayer> layers;
        if (settings.polygons)
            layers.push_back({QStringLiteral("service_areas"), &r.areas});
        if (settings.lines)
            layers.push_back({QStringLiteral("service_lines"), &r.lines});
        VectorWriter::writeAll(layers, r.outputPath);
        r.summary.insert(QStringLiteral("output"), r.outputPath);
        r.summary.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(r.warnings));
        AnalysisFiles::writeSummary(settings.outDir, r.summary, QStringLiteral("total_seconds"), double(timer.nsecsElapsed()) / 1e9);
    }
    return r;
}

} // namespace refuge
