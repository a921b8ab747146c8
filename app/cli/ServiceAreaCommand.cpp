// refuge-cli service-area: polygons reachable from each facility along the streets
// within each break (per facility, or dissolved), as service_areas.gpkg + summary.json.
// A thin parser over core's ServiceAreaJob.
#include "Cli.h"
#include "NetworkOptions.h"
#include "analysis/jobs/ServiceAreaJob.h"
#include "util/Error.h"
#include "util/Feedback.h"

namespace refuge::cli {

namespace {

int runServiceArea(const QStringList &args)
{
    QCommandLineParser parser;
    NetworkOptions net;
    net.addTo(parser);
    const QCommandLineOption dissolve(QStringLiteral("dissolve"), QStringLiteral("One polygon per break for all facilities together."));
    const QCommandLineOption access(QStringLiteral("access-meters"),
                                    QStringLiteral("Lateral access distance around reached streets (default: 50 walking, 25 driving)."),
                                    QStringLiteral("m"));
    parser.addOptions({dissolve, access});
    parseOrThrow(parser, args, QStringLiteral("Service areas: the area within each break of every facility along the streets. "
                                              "Writes service_areas.gpkg (layer service_areas: facility_id, break, unit) and summary.json."));
    ServiceAreaSettings s;
    s.network = net.settings(parser, NetworkOptions::NeedNetwork | NetworkOptions::NeedFacilities | NetworkOptions::NeedOut
                                         | NetworkOptions::NeedLimit);
    s.dissolve = parser.isSet(dissolve);
    if (parser.isSet(access)) {
        bool ok = false;
        s.accessMeters = parser.value(access).toDouble(&ok);
        if (!ok || !(s.accessMeters > 0))
            throw UsageError(QStringLiteral("--access-meters must be > 0"));
    }
    s.outDir = NetworkOptions::outDir(parser);
    Feedback feedback;
    const ServiceAreaJobResult r = ServiceAreaJob::run(s, feedback);
    out() << "service areas: " << r.areas.featureCount() << " polygons for " << r.snappedFacilities << " of " << r.totalFacilities
          << " facilities -> " << r.outputPath << "\n";
    for (const QString &w : r.warnings)
        printError(w);
    return Ok;
}

} // namespace

static const bool registered = registerCommand(
    {QStringLiteral("service-area"), QStringLiteral("Service areas along the road network (per facility and break)"), runServiceArea});

} // namespace refuge::cli
