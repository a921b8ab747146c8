// refuge-cli site: where to put the next shelters or fire stations (issue "Siting") —
// LSCP, MCLP, p-median, p-center or backup coverage (capacitated with --capacity-field)
// over candidate points or a grid, existing facilities kept, solved exactly by CBC or
// by greedy + swap. Network options are shared with coverage (NetworkOptions).
#include "Cli.h"
#include "JobReports.h"
#include "NetworkOptions.h"
#include "analysis/siting/SitingJob.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <cmath>

namespace refuge::cli {

namespace {

// A number option of this command: text, NaN, infinity or a value outside [lo, hi] is a UsageError.
double siteNumber(const QCommandLineParser &p, const char *name, double fallback, double lo, double hi, bool integer = false)
{
    const QString n = QString::fromLatin1(name);
    if (!p.isSet(n))
        return fallback;
    bool ok = false;
    const double v = p.value(n).trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < lo || v > hi || (integer && v != std::floor(v)))
        throw UsageError(QStringLiteral("--%1: must be %2 from %3 to %4 (got '%5')")
                             .arg(n, integer ? QStringLiteral("a whole number") : QStringLiteral("a number"))
                             .arg(lo).arg(hi).arg(p.value(n)));
    return v;
}

int printSite(const SitingJobResult &r)
{
    const SitingResult &s = r.result;
    const QString model = sitingModelName(s.model);
    out() << QStringLiteral("site: %1, %2 new sites; objective %3 (bound %4, gap %5); solver %6\n")
                 .arg(model)
                 .arg(s.k)
                 .arg(std::isfinite(s.objective) ? QString::number(s.objective, 'f', 2) : QStringLiteral("none"))
                 .arg(std::isfinite(s.bound) ? QString::number(s.bound, 'f', 2) : QStringLiteral("none"))
                 .arg(std::isfinite(s.gap) ? QStringLiteral("%1 %").arg(100.0 * s.gap, 0, 'f', 2) : QStringLiteral("unknown"))
                 .arg(s.solver);
    const double total = r.problem.totalPopulation();
    out() << QStringLiteral("covered: %1 of %2 people (%3 %)\n")
                 .arg(s.evaluation.coveredPopulation, 0, 'f', 0)
                 .arg(total, 0, 'f', 0)
                 .arg(total > 0 ? 100.0 * s.evaluation.coveredPopulation / total : 0.0, 0, 'f', 1);
    int rank = 0;
    for (const SitingSite &site : s.sites)
        out() << QStringLiteral("  %1. %2 %3: +%4\n").arg(++rank).arg(r.sites.ids[site.candidate], r.sites.names.value(site.candidate)).arg(site.gain, 0, 'f', 1);
    int code = printNotes(r.warnings, r.inputProblems);
    if (r.summary.value(QStringLiteral("partial")).toBool())
        code = ProblemsFound;
    if (!r.outDir.isEmpty())
        out() << "results: " << QDir(r.outDir).absolutePath() << "\n";
    return code;
}

} // namespace

int runSite(const QStringList &args)
{
    QCommandLineParser parser;
    NetworkOptions net;
    net.addTo(parser);
    parser.addOptions({
        option("model", "lscp (fewest new sites covering everyone reachable), mclp (k sites covering the most people; default), "
                        "pmedian (k sites, least total person-distance), pcenter (k sites, least worst distance), backup (k sites, most people covered once plus covered twice).", "name"),
        option("k", "New sites to choose (1 to the number of candidates; not for lscp). Default 1.", "n"),
        option("candidates", "Candidate sites: points PATH[:LAYER].", "path"),
        option("grid", "Candidate sites at the centres of a grid of M-metre cells over the demand (or --inside) instead of --candidates.", "m"),
        option("inside", "Keep only candidates inside these polygons: PATH[:LAYER].", "path"),
        option("hazard", "Leave out candidates inside these polygons (hazard zones): PATH[:LAYER].", "path"),
        option("existing", "Existing facilities, kept open and not counted in k: points PATH[:LAYER].", "path"),
        option("candidate-id", "Candidate id field (default: the layer's 'id' field if it names every row once, else the row number).", "field"),
        option("name-field", "Candidate name field.", "field"),
        option("capacity-field", "Capacity field (persons) of the candidates and the existing facilities: the capacitated model (lscp, mclp, pmedian).", "field"),
        option("demand", "Population: polygons or points PATH[:LAYER].", "path"),
        option("population-field", "Population field of the demand layer.", "field"),
        rangedOption("split-cell", "m"),
        option("solver", "exact (CBC, with --time-limit), heuristic (greedy + Teitz-Bart swap, LP bound) or auto (default: exact when the cost table is small enough).", "name"),
        option("time-limit", "Time limit of each exact solve in seconds (default 60; 0.1 to 86400).", "s"),
        option("no-curve", "Do not solve k = 1 .. k-1 for curve.csv."),
        option("euclidean", "Measure straight lines instead of the network (a labelled fallback; --network not needed)."),
        option("walk-speed", "Straight lines with --max-minutes: walking speed in m/s (default 1.0).", "mps"),
    });
    parseOrThrow(parser, args, QStringLiteral("Siting: where to put new shelters or fire stations (LSCP, MCLP, p-median, p-center, backup coverage), "
                                              "with the sites ranked by what each adds and the curve as k grows."));
    SitingSettings s;
    s.euclidean = parser.isSet(QStringLiteral("euclidean"));
    if (parser.isSet(QStringLiteral("facilities")))
        throw UsageError(QStringLiteral("site: give candidate sites with --candidates (or --grid) and existing ones with --existing, not --facilities"));
    if (!parser.isSet(QStringLiteral("demand")) || !parser.isSet(QStringLiteral("population-field")))
        throw UsageError(QStringLiteral("site: --demand and --population-field are required (see refuge-cli site --help)"));
    if (parser.isSet(QStringLiteral("candidates")) == parser.isSet(QStringLiteral("grid")))
        throw UsageError(QStringLiteral("site: give one of --candidates PATH[:LAYER] or --grid M"));
    if (!s.euclidean && !parser.isSet(QStringLiteral("network")))
        throw UsageError(QStringLiteral("site: give --network PATH[:LAYER], or --euclidean for straight-line distances"));
    s.network = net.settings(parser, (s.euclidean ? 0 : NetworkOptions::NeedNetwork) | NetworkOptions::NeedLimit | NetworkOptions::NeedOut);
    s.model = parser.isSet(QStringLiteral("model")) ? parser.value(QStringLiteral("model")) : QStringLiteral("mclp");
    s.solver = parser.isSet(QStringLiteral("solver")) ? parser.value(QStringLiteral("solver")) : QStringLiteral("auto");
    try {
        sitingModelFromName(s.model);
        sitingSolverFromName(s.solver);
    } catch (const InvalidInput &e) {
        throw UsageError(QStringLiteral("site: %1").arg(e.message()));
    }
    if (sitingModelFromName(s.model) == SitingModel::Lscp && parser.isSet(QStringLiteral("k")))
        throw UsageError(QStringLiteral("site: --k does not apply to lscp (it finds the number of sites)"));
    s.k = int(siteNumber(parser, "k", 1, 1, 100000, true));
    s.gridMeters = siteNumber(parser, "grid", 0, 10, 100000);
    s.timeLimitSeconds = siteNumber(parser, "time-limit", 60, 0.1, 86400);
    s.walkSpeedMps = siteNumber(parser, "walk-speed", 1.0, 0.1, 10);
    s.curve = !parser.isSet(QStringLiteral("no-curve"));
    auto source = [&](const char *name) {
        return parser.isSet(QLatin1String(name)) ? DataSource::parse(parser.value(QLatin1String(name))) : DataSource();
    };
    s.candidates = source("candidates");
    s.inside = source("inside");
    s.hazard = source("hazard");
    s.existing = source("existing");
    s.demand = source("demand");
    s.idField = parser.value(QStringLiteral("candidate-id"));
    s.nameField = parser.value(QStringLiteral("name-field"));
    s.capacityField = parser.value(QStringLiteral("capacity-field"));
    s.populationField = parser.value(QStringLiteral("population-field"));
    s.splitCellMeters = numberOption(parser, QStringLiteral("split-cell"), 0);
    s.outDir = NetworkOptions::outDir(parser);
    Feedback feedback;
    return printSite(SitingJob::run(s, feedback));
}

static const bool registered = registerCommand({QStringLiteral("site"), QStringLiteral("Siting of new shelters or fire stations (LSCP, MCLP, p-median, p-center)"), runSite});

} // namespace refuge::cli
