// refuge-cli fire-coverage: fire response (turnout + travel) from the stations, first-due
// zones against the district area limits, and agreement with official districts.
#include "Cli.h"
#include "NetworkOptions.h"
#include "JobReports.h"
#include "analysis/jobs/FireJob.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>

namespace refuge::cli {

int runFireCoverage(const QStringList &args)
{
    QCommandLineParser parser;
    NetworkOptions net;
    net.addTo(parser);
    parser.addOptions({
        option("euclidean", "Straight-line travel at --speed-kmh instead of the network (a labelled fallback)."),
        rangedOption("speed-kmh", "kmh"),
        option("name-field", "Station name field.", "field"),
        option("grade-field", "Station grade field (一级/二级/小型/微型 or 1/2/small) for the district area limit.", "field"),
        option("turnout-field", "Per-station turnout seconds field (else --turnout-seconds / the standard).", "field"),
        option("official", "Official first-due districts: PATH[:LAYER].", "path"),
        option("official-field", "Field of the official districts naming the station (its --facility-id value).", "field"),
        option("demand", "Population: polygons or points PATH[:LAYER].", "path"),
        option("population-field", "Population field of the demand layer.", "field"),
        option("study-area", "Polygons bounding the analysis (default: the official districts, else the demand).", "path"),
        rangedOption("grid-cell", "m"),
        option("suburban", "Use the suburban district area limit (15 km²) for every station."),
        option("standard", "Standards profile: shanghai (default), china-national, nfpa1710.", "name"),
        option("standard-override", "Change one value of the profile: KEY=NUMBER (repeatable; e.g. shelter.district_supply_m2_per_resident=2).", "kv"),
    });
    parseOrThrow(parser, args, QStringLiteral("Fire response coverage: reach within the response time, first-due zones, district area limits and agreement with official districts."));
    const bool euclidean = parser.isSet(QStringLiteral("euclidean"));
    for (const char *required : {"facilities", "out"})
        if (!parser.isSet(QLatin1String(required)))
            throw UsageError(QStringLiteral("fire-coverage: --%1 is required").arg(QLatin1String(required)));
    if (!euclidean && !parser.isSet(QStringLiteral("network")))
        throw UsageError(QStringLiteral("fire-coverage: give --network PATH[:LAYER] (drive profile), or --euclidean"));
    if (parser.isSet(QStringLiteral("official")) != parser.isSet(QStringLiteral("official-field")))
        throw UsageError(QStringLiteral("fire-coverage: --official and --official-field go together"));
    if (parser.isSet(QStringLiteral("demand")) != parser.isSet(QStringLiteral("population-field")))
        throw UsageError(QStringLiteral("fire-coverage: --demand and --population-field go together"));
    if (parser.isSet(QStringLiteral("max-meters")))
        throw UsageError(QStringLiteral("fire-coverage: the response limit is a time: use --max-minutes"));

    FireSettings s;
    s.euclidean = euclidean;
    s.network = net.settings(parser, (euclidean ? 0 : NetworkOptions::NeedNetwork) | NetworkOptions::NeedFacilities | NetworkOptions::NeedOut);
    if (!parser.isSet(QStringLiteral("profile")))
        s.network.profile = QStringLiteral("drive");
    s.fields = {parser.value(QStringLiteral("facility-id")), parser.value(QStringLiteral("name-field")), {}, {},
                parser.value(QStringLiteral("grade-field")), parser.value(QStringLiteral("turnout-field"))};
    s.suburban = parser.isSet(QStringLiteral("suburban"));
    if (parser.isSet(QStringLiteral("max-minutes")))
        s.responseMinutes = numberOption(parser, QStringLiteral("max-minutes"), 5);
    if (parser.isSet(QStringLiteral("turnout-seconds")))
        s.turnoutSeconds = s.network.turnoutSeconds; // checked ≥ 0 by NetworkOptions
    s.speedKmh = numberOption(parser, QStringLiteral("speed-kmh"), 0);
    s.gridCellMeters = numberOption(parser, QStringLiteral("grid-cell"), 50);
    if (parser.isSet(QStringLiteral("demand"))) {
        s.demand = DataSource::parse(parser.value(QStringLiteral("demand")));
        s.populationField = parser.value(QStringLiteral("population-field"));
    }
    if (parser.isSet(QStringLiteral("official"))) {
        s.official = DataSource::parse(parser.value(QStringLiteral("official")));
        s.officialField = parser.value(QStringLiteral("official-field"));
    }
    if (parser.isSet(QStringLiteral("study-area")))
        s.studyArea = DataSource::parse(parser.value(QStringLiteral("study-area")));
    if (s.official.path.isEmpty() && s.studyArea.path.isEmpty() && s.demand.path.isEmpty())
        throw UsageError(QStringLiteral("fire-coverage: give --official, --study-area or --demand to bound the analysis"));
    s.standard = NetworkOptions::standard(parser);
    s.standardOverrides = NetworkOptions::standardOverrides(parser);
    s.outDir = NetworkOptions::outDir(parser);
    Feedback feedback;
    return printFire(FireJob::run(s, feedback));
}

int printFire(const FireJobResult &r)
{
    const FireRequest &q = r.request;
    const FireOutcome &o = r.outcome;
    out() << QStringLiteral("fire-coverage: %1 of %2 people reached within %3 s (%4 %); ")
                 .arg(o.reachedPopulation, 0, 'f', 0).arg(o.totalPopulation, 0, 'f', 0).arg(q.responseLimitSeconds)
                 .arg(100 * o.reachedShare(), 0, 'f', 1)
          << (r.studyArea.isEmpty() ? QStringLiteral("area reached: no study area given (--study-area or --official)\n")
                                    : QStringLiteral("area reached %1 of %2 km²\n").arg(o.reachedAreaKm2, 0, 'f', 2).arg(o.studyAreaKm2, 0, 'f', 2));
    if (o.hasOfficial)
        out() << QStringLiteral("  agreement with official districts: %1 % of area, %2 % of population\n")
                     .arg(100 * o.agreementAreaShare(), 0, 'f', 1).arg(100 * o.agreementPopulationShare(), 0, 'f', 1);
    const int code = printNotes(r.warnings, r.inputProblems);
    out() << "results: " << QDir(r.outDir).absolutePath() << "\n";
    return code;
}

static const bool registered = registerCommand({QStringLiteral("fire-coverage"), QStringLiteral("Fire response reach, first-due zones and district agreement"), runFireCoverage});

} // namespace refuge::cli
