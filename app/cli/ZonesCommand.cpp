// refuge-cli zones: non-overlapping nearest-facility zones over the reachable network
// area, as zones.gpkg (layer zones: facility_id, area_m2) + summary.json. A thin
// parser over core's ZonesJob.
#include "Cli.h"
#include "JobReports.h"
#include "NetworkOptions.h"
#include "analysis/jobs/ZonesJob.h"
#include "util/Error.h"
#include "util/Feedback.h"

namespace refuge::cli {

namespace {

int runZones(const QStringList &args)
{
    QCommandLineParser parser;
    NetworkOptions net;
    net.addTo(parser);
    parseOrThrow(parser, args, QStringLiteral("Nearest-facility zones along the streets (responsibility zones, first-due areas). "
                                              "Writes zones.gpkg (layer zones: facility_id, area_m2) and summary.json."));
    ZonesSettings s;
    s.network = net.settings(parser, NetworkOptions::NeedNetwork | NetworkOptions::NeedFacilities | NetworkOptions::NeedOut);
    s.outDir = NetworkOptions::outDir(parser);
    Feedback feedback;
    const ZonesJobResult r = ZonesJob::run(s, feedback);
    out() << "zones: " << r.zones.featureCount() << " zones for " << r.snappedFacilities << " of " << r.totalFacilities
          << " facilities -> " << r.outputPath << "\n";
    return printNotes(r.warnings, r.inputProblems, true);
}

} // namespace

static const bool registered = registerCommand(
    {QStringLiteral("zones"), QStringLiteral("Nearest-facility zones along the road network"), runZones});

} // namespace refuge::cli
