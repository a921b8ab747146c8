#include "NetworkOptions.h"
#include "Cli.h"
#include "analysis/ParameterRanges.h"
#include "standards/StandardsProfile.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <cmath>

namespace refuge::cli {

void NetworkOptions::addTo(QCommandLineParser &parser)
{
    m_options = {
        option("network", "Road lines: PATH[:LAYER] (any GDAL source) or an OSM .osm/.osm.pbf file.", "path"),
        option("profile", "Travel profile: walk (default), walk-elderly, drive, or a .json file.", "name"),
        option("oneway-field", "One-way field (0/1/-1, yes/no, FT/TF/B); default 'oneway' if present.", "field"),
        option("speed-field", "Speed field in km/h; default 'maxspeed' for profiles that use it.", "field"),
        option("class-field", "Road class field (OSM highway values or the profile's classes); default 'highway'.", "field"),
        option("from-node-field", "Take topology from node id fields: the from-node field.", "field"),
        option("to-node-field", "Take topology from node id fields: the to-node field.", "field"),
        rangedOption("tolerance", "m"),
        rangedOption("snap-max", "m"),
        option("no-snap-legs", "Do not count the walk between a point and its street."),
        option("crs", "Metric CRS to work in (e.g. EPSG:32651); default the network's (UTM for lon/lat).", "crs"),
        option("facilities", "Facility points: PATH[:LAYER].", "path"),
        option("facility-id", "Facility id field (default: the layer's 'id' field if it names every row once, else the row number counted from 1).", "field"),
        rangedOption("turnout-seconds", "s"),
        option("barriers", "Polygons closing the streets they cross: PATH[:LAYER].", "path"),
        rangedOption("barrier-factor", "f"),
        rangedOption("max-meters", "m"),
        rangedOption("max-minutes", "min"),
        option("breaks", "Breaks in the limit's unit, e.g. 5,10,15 (default: the limit).", "list"),
        option("out", "Output folder.", "dir"),
        option("no-cache", "Do not read or write the graph cache."),
        option("cache-dir", "Graph cache folder.", "dir"),
    };
    parser.addOptions(m_options);
}

NetworkSettings NetworkOptions::settings(const QCommandLineParser &p, int needs) const
{
    NetworkSettings s;
    if ((needs & NeedNetwork) && !p.isSet(QStringLiteral("network")))
        throw UsageError(QStringLiteral("--network PATH[:LAYER] is required"));
    if ((needs & NeedFacilities) && !p.isSet(QStringLiteral("facilities")))
        throw UsageError(QStringLiteral("--facilities PATH[:LAYER] is required"));
    if ((needs & NeedOut) && p.value(QStringLiteral("out")).isEmpty())
        throw UsageError(QStringLiteral("--out DIR is required"));

    // Limits first: cheap checks before reading anything.
    const bool meters = p.isSet(QStringLiteral("max-meters")), minutes = p.isSet(QStringLiteral("max-minutes"));
    if (meters && minutes)
        throw UsageError(QStringLiteral("give either --max-meters or --max-minutes, not both"));
    if ((needs & NeedLimit) && !meters && !minutes)
        throw UsageError(QStringLiteral("--max-meters M or --max-minutes T is required"));
    s.unit = meters ? CostUnit::Meters : CostUnit::Seconds;
    s.limit = meters ? numberOption(p, QStringLiteral("max-meters"), 0) : minutes ? numberOption(p, QStringLiteral("max-minutes"), 0) : 0;
    if (p.isSet(QStringLiteral("breaks"))) {
        for (const QString &b : p.value(QStringLiteral("breaks")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            double v = 0;
            try {
                v = ParameterRanges::parse(u"breaks", b, QStringLiteral("--breaks"));
            } catch (const InvalidInput &e) {
                throw UsageError(e.message());
            }
            if (s.limit > 0 && v > s.limit)
                throw UsageError(QStringLiteral("--breaks: %1 exceeds the limit %2").arg(b).arg(s.limit));
            s.breaks.push_back(v);
        }
    }
    s.snapLegs = !p.isSet(QStringLiteral("no-snap-legs"));
    s.snapMaxMeters = numberOption(p, QStringLiteral("snap-max"), 300.0);

    s.network = DataSource::parse(p.value(QStringLiteral("network")));
    s.profile = p.isSet(QStringLiteral("profile")) ? p.value(QStringLiteral("profile")) : QStringLiteral("walk");
    if (p.isSet(QStringLiteral("crs"))) {
        try {
            s.crs = Crs::fromUserInput(p.value(QStringLiteral("crs")));
        } catch (const CrsError &e) {
            throw UsageError(QStringLiteral("--crs: %1").arg(e.message()));
        }
    }
    if (s.crs.isValid() && s.crs.isGeographic())
        throw UsageError(QStringLiteral("--crs %1 is not metric; use a projected CRS").arg(p.value(QStringLiteral("crs"))));
    s.onewayField = p.value(QStringLiteral("oneway-field"));
    s.speedField = p.value(QStringLiteral("speed-field"));
    s.classField = p.value(QStringLiteral("class-field"));
    s.fromNodeField = p.value(QStringLiteral("from-node-field"));
    s.toNodeField = p.value(QStringLiteral("to-node-field"));
    if (s.fromNodeField.isEmpty() != s.toNodeField.isEmpty())
        throw UsageError(QStringLiteral("--from-node-field and --to-node-field go together"));
    s.toleranceMeters = numberOption(p, QStringLiteral("tolerance"), 0.5);
    s.useCache = !p.isSet(QStringLiteral("no-cache"));
    s.cacheDirectory = p.value(QStringLiteral("cache-dir"));
    if (p.isSet(QStringLiteral("barriers"))) {
        s.barriers = DataSource::parse(p.value(QStringLiteral("barriers")));
        s.barrierFactor = p.isSet(QStringLiteral("barrier-factor")) ? numberOption(p, QStringLiteral("barrier-factor"), 1.0) : 0.0;
    }
    if (p.isSet(QStringLiteral("facilities")))
        s.facilities = DataSource::parse(p.value(QStringLiteral("facilities")));
    s.facilityIdField = p.value(QStringLiteral("facility-id"));
    s.turnoutSeconds = numberOption(p, QStringLiteral("turnout-seconds"), 0.0);
    if (s.turnoutSeconds > 0 && s.unit == CostUnit::Meters)
        throw UsageError(QStringLiteral("--turnout-seconds needs a time limit (--max-minutes)"));
    return s;
}

QString NetworkOptions::outDir(const QCommandLineParser &p)
{
    const QString dir = p.value(QStringLiteral("out"));
    if (dir.isEmpty())
        throw UsageError(QStringLiteral("--out DIR is required"));
    return dir; // created by the job once its output checks pass (AnalysisFiles::prepareOutputFolder)
}

QString NetworkOptions::standard(const QCommandLineParser &p)
{
    const QString name = p.isSet(QStringLiteral("standard")) ? p.value(QStringLiteral("standard")) : QStringLiteral("shanghai");
    try {
        StandardsProfile::load(name);
    } catch (const InvalidInput &e) {
        throw UsageError(QStringLiteral("--standard: %1").arg(e.message()));
    }
    return name;
}

QStringList NetworkOptions::standardOverrides(const QCommandLineParser &p)
{
    const QStringList values = p.values(QStringLiteral("standard-override"));
    try {
        StandardsProfile::load(standard(p)).applyOverrides(values);
    } catch (const InvalidInput &e) {
        throw UsageError(QStringLiteral("--standard-override: %1").arg(e.message()));
    }
    return values;
}

} // namespace refuge::cli
