#pragma once
// The options service-area, zones and network-check share (--network, --profile,
// --facilities, --max-minutes ...), and the setup they all do with them: build (or
// load from cache) the road graph, load and snap the facilities, read barriers, check
// the bad-input cases with one-line messages naming the file.
#include "model/VectorLayer.h"
#include "network/RoadGraphBuilder.h"
#include "network/ShortestPathTree.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QList>

namespace refuge::cli {

class NetworkOptions {
public:
    enum Need { NeedFacilities = 1, NeedLimit = 2 };

    void addTo(QCommandLineParser &parser);
    // Reads the parsed options and does the setup. Throws UsageError / refuge::Error.
    void setUp(const QCommandLineParser &parser, int needs, Feedback &feedback);

    RoadGraphOptions graphOptions;
    RoadGraphReport graphReport;
    RoadGraph graph;
    VectorLayer facilities;           // as loaded (graph CRS)
    QStringList facilityIds;          // per row
    SnappedLayer snapped;             // per row
    std::vector<NetworkSource> sources;
    RoutingOptions routing;
    std::vector<double> breaks;       // in user units (minutes or metres)
    double breakScale = 1.0;          // user unit → routing unit
    QString unitLabel;                // "min" or "m"
    double snapMaxMeters = 300;
    int barrierLinks = 0;
    QString outDir;
    double setupSeconds = 0;

    // Common parts of summary.json (network, facilities, unsnapped, limits).
    QJsonObject summary() const;

private:
    QList<QCommandLineOption> m_options;
};

// Writes DIR/summary.json atomically (throws IoError).
void writeSummary(const QString &dir, const QJsonObject &summary);

} // namespace refuge::cli
