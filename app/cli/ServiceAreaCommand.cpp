// refuge-cli service-area: polygons (and/or the reached street sections as lines) reachable from each facility along the streets
// within each break (per facility, or dissolved), as service_areas.gpkg + summary.json.
// A thin parser over core's ServiceAreaJob.
#include "Cli.h"
#include "JobReports.h"
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
    const QCommandLineOption access = rangedOption("access-meters", "m"); // default: the profile's (50 walking, 25 driving)
    const QCommandLineOption output(QStringLiteral("output"),
                                    QStringLiteral("polygons (default), lines (the reached street sections, layer service_lines) or both."),
                                    QStringLiteral("what"), QStringLiteral("polygons"));
    parser.addOptions({dissolve, access, output});
    parseOrThrow(parser, args, QStringLiteral("Service areas: the area within each break of every facility along the streets. "
                                              "Writes service_areas.gpkg (layer service_areas: facility_id, break, unit, area_m2, street_m; "
                                              "with --output lines|both layer service_lines: facility_id, break, unit, street_m) and summary.json."));
    const QString what = parser.value(output);
    if (what != QLatin1String("polygons") && what != QLatin1String("lines") && what != QLatin1String("both"))
        throw UsageError(QStringLiteral("--output must be polygons, lines or both (got '%1')").arg(what));
    ServiceAreaSettings s;
    s.network = net.settings(parser, NetworkOptions::NeedNetwork | NetworkOptions::NeedFacilities | NetworkOptions::NeedOut
                                         | NetworkOptions::NeedLimit);
    s.dissolve = parser.isSet(dissolve);
    s.polygons = what != QLatin1String("lines");
    s.lines = what != QLatin1String("polygons");
    if (parser.isSet(access))
        s.accessMeters = numberOption(parser, QStringLiteral("access-meters"), 0);
    s.outDir = NetworkOptions::outDir(parser);
    Feedback feedback;
    const ServiceAreaJobResult r = ServiceAreaJob::run(s, feedback);
    out() << "service areas: " << r.areas.featureCount() << " polygons, " << r.lines.featureCount() << " line features for " << r.snappedFacilities << " of " << r.totalFacilities
          << " facilities -> " << r.outputPath << "\n";
    return printNotes(r.warnings, r.inputProblems, true);
}

} // namespace

static const bool registered = registerCommand(
    {QStringLiteral("service-area"), QStringLiteral("Service areas along the road network (per facility and break)"), runServiceArea});

} // namespace refuge::cli
