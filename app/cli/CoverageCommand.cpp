// refuge-cli coverage: who is within reach of a shelter, who gets a place, and does
// each area meet the standard (see issue "Coverage"). Network options are shared with
// service-area/zones (NetworkOptions); --euclidean measures straight lines instead.
#include "Cli.h"
#include "NetworkOptions.h"
#include "JobReports.h"
#include "analysis/jobs/CoverageJob.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>

namespace refuge::cli {

int runCoverage(const QStringList &args)
{
    QCommandLineParser parser;
    NetworkOptions net;
    net.addTo(parser);
    parser.addOptions({
        option("euclidean", "Measure straight-line distance instead of the network (a labelled fallback; --network not needed)."),
        option("capacity-field", "Shelter capacity field (persons).", "field"),
        option("shelter-area-field", "Shelter effective area field (m²): capacity = area ÷ space per evacuee when no capacity.", "field"),
        option("name-field", "Shelter name field (default: the id).", "field"),
        option("demand", "Population: polygons or points PATH[:LAYER], or a raster (.tif).", "path"),
        option("population-field", "Population field of the demand layer.", "field"),
        rangedOption("split-cell", "m"),
        option("areas", "Areas to sum by (communities, streets, districts): PATH[:LAYER].", "path"),
        option("area-field", "Name field of the areas.", "field"),
        option("assignment", "Capacity assignment: nearest (default; nearer people first: (block, shelter) pairs in order of cost, so a shelter fills with the people closest to it and the rest overflow to the next nearest with room) or optimal (most people placed, then least person-metres).", "method"),
        option("standard", "Standards profile: shanghai (default), china-national, nfpa1710.", "name"),
        option("standard-override", "Change one value of the profile: KEY=NUMBER (repeatable; e.g. shelter.district_supply_m2_per_resident=2).", "kv"),
        rangedOption("walk-speed", "mps"),
        option("area-from-capacity", "Shelters without an effective area: take capacity × M m² per person as their area (each one listed "
                                     "in the warnings). Without it they have no area and the per-capita area check is not evaluated.", "m2"),
        option("demand-layer", "Also write the per-unit layers to coverage.gpkg: demand (one point per population unit: cost, nearest "
                               "shelter, covered, assigned) and uncovered (a view of the units not covered). Large inputs take longer."),
    });
    parseOrThrow(parser, args, QStringLiteral("Shelter coverage, capacity assignment and per-capita shelter area, per shelter, per area and overall."));
    const bool euclidean = parser.isSet(QStringLiteral("euclidean"));
    for (const char *required : {"facilities", "demand", "out"})
        if (!parser.isSet(QLatin1String(required)))
            throw UsageError(QStringLiteral("coverage: --%1 is required (see refuge-cli coverage --help)").arg(QLatin1String(required)));
    if (!euclidean && !parser.isSet(QStringLiteral("network")))
        throw UsageError(QStringLiteral("coverage: give --network PATH[:LAYER], or --euclidean for straight-line distances"));
    if (parser.isSet(QStringLiteral("areas")) != parser.isSet(QStringLiteral("area-field")))
        throw UsageError(QStringLiteral("coverage: --areas and --area-field go together"));
    const bool meters = parser.isSet(QStringLiteral("max-meters")), minutes = parser.isSet(QStringLiteral("max-minutes"));
    if (meters == minutes)
        throw UsageError(QStringLiteral("coverage: give one of --max-meters M or --max-minutes T"));

    CoverageSettings s;
    s.euclidean = euclidean;
    s.network = net.settings(parser, (euclidean ? 0 : NetworkOptions::NeedNetwork) | NetworkOptions::NeedFacilities
                                         | NetworkOptions::NeedLimit | NetworkOptions::NeedOut);
    s.fields = {parser.value(QStringLiteral("facility-id")), parser.value(QStringLiteral("name-field")),
                parser.value(QStringLiteral("capacity-field")), parser.value(QStringLiteral("shelter-area-field")), {}, {}};
    if (s.fields.capacity.isEmpty() && s.fields.area.isEmpty())
        throw UsageError(QStringLiteral("coverage: give --capacity-field or --shelter-area-field"));
    s.demand = DataSource::parse(parser.value(QStringLiteral("demand")));
    s.populationField = parser.value(QStringLiteral("population-field"));
    if (!CoverageJob::isRaster(s.demand) && s.populationField.isEmpty())
        throw UsageError(QStringLiteral("coverage: --population-field is required for a vector demand layer"));
    s.splitCellMeters = numberOption(parser, QStringLiteral("split-cell"), 0);
    if (parser.isSet(QStringLiteral("areas"))) {
        s.areas = DataSource::parse(parser.value(QStringLiteral("areas")));
        s.areaField = parser.value(QStringLiteral("area-field"));
    }
    s.assignment = parser.value(QStringLiteral("assignment"));
    s.standard = NetworkOptions::standard(parser);
    s.standardOverrides = NetworkOptions::standardOverrides(parser);
    if (minutes && euclidean)
        s.walkSpeedMps = numberOption(parser, QStringLiteral("walk-speed"), 0);
    s.areaFromCapacityM2 = numberOption(parser, QStringLiteral("area-from-capacity"), 0);
    if (s.areaFromCapacityM2 > 0 && s.fields.capacity.isEmpty())
        throw UsageError(QStringLiteral("coverage: --area-from-capacity needs --capacity-field"));
    s.outDir = NetworkOptions::outDir(parser);
    s.demandLayer = parser.isSet(QStringLiteral("demand-layer"));
    Feedback feedback;
    return printCoverage(CoverageJob::run(s, feedback));
}

int printCoverage(const CoverageJobResult &r)
{
    const CoverageOutcome &o = r.outcome;
    const bool meters = r.summary.value(QStringLiteral("limit_user_unit")).toString() == QLatin1String("m");
    const double limitUser = r.summary.value(QStringLiteral("limit_user")).toDouble();
    out() << QStringLiteral("coverage: %1 of %2 people within %3 %4 of a shelter (%5 %); assigned %6, unassigned %7\n")
                 .arg(o.coverage.coveredPopulation, 0, 'f', 0)
                 .arg(o.coverage.totalPopulation, 0, 'f', 0)
                 .arg(limitUser)
                 .arg(meters ? QStringLiteral("m") : QStringLiteral("min"))
                 .arg(100.0 * o.coverage.coveredShare(), 0, 'f', 1)
                 .arg(o.assignment.assigned, 0, 'f', 0)
                 .arg(o.assignment.unassigned(), 0, 'f', 0);
    const int code = printNotes(r.warnings, r.inputProblems);
    out() << "results: " << QDir(r.outDir).absolutePath() << "\n";
    return code;
}

static const bool registered = registerCommand({QStringLiteral("coverage"), QStringLiteral("Shelter coverage, capacity and per-capita area"), runCoverage});

} // namespace refuge::cli
