// refuge-cli zones: nearest-facility zones that tile the study area, as zones.gpkg
// (layer zones: facility_id, access, area_m2, street_m) + summary.json. A thin parser
// over core's ZonesJob.
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
    parser.addOption(option("study-area", "Polygons the zones tile, PATH[:LAYER] (e.g. the communities; default: the streets' box grown by the access distance).", "path"));
    parseOrThrow(parser, args, QStringLiteral("Nearest-facility zones (responsibility zones, first-due areas) that tile the study area: each street point "
                                              "goes to the facility that reaches it at least cost (as coverage measures), each place to the zone of its "
                                              "nearest street access. Writes zones.gpkg (layer zones: facility_id, access = within_access_distance | "
                                              "beyond_access_distance, area_m2, street_m) and summary.json. Facility ids: --facility-id, else the layer's "
                                              "'id' field if it names every row once, else the row number counted from 1."));
    ZonesSettings s;
    s.network = net.settings(parser, NetworkOptions::NeedNetwork | NetworkOptions::NeedFacilities | NetworkOptions::NeedOut);
    if (parser.isSet(QStringLiteral("study-area")))
        s.studyArea = DataSource::parse(parser.value(QStringLiteral("study-area")));
    s.outDir = NetworkOptions::outDir(parser);
    Feedback feedback;
    const ZonesJobResult r = ZonesJob::run(s, feedback);
    out() << "zones: " << r.summary.value(QStringLiteral("zones")).toInt() << " zones for " << r.snappedFacilities << " of " << r.totalFacilities
          << " facilities -> " << r.outputPath << "\n";
    return printNotes(r.warnings, r.inputProblems, true);
}

} // namespace

static const bool registered = registerCommand(
    {QStringLiteral("zones"), QStringLiteral("Nearest-facility zones along the road network"), runZones});

} // namespace refuge::cli
