#pragma once
// NetworkInputs: the setup every network analysis shares — build (or load from the
// cache) the road graph, read barriers, load the facilities and snap them to the
// streets — with the bad-input cases as one-line InvalidInput messages naming the
// file, and the non-fatal ones (islands, unsnapped facilities) as Feedback warnings.
// NetworkSettings is a plain value filled by the CLI, the desktop dialogs or a
// project (ProjectJobSettings). open() is synchronous, polls Feedback; any thread.
#include "model/DataSource.h"
#include "model/VectorLayer.h"
#include "network/RoadGraphBuilder.h"
#include "network/ShortestPathTree.h"
#include "network/Snapper.h"
#include "util/Error.h"

#include <QJsonObject>
#include <QStringList>
#include <vector>

namespace refuge {

class Feedback;

struct NetworkSettings {
    DataSource network;            // road lines or an OSM file
    QString profile = QStringLiteral("walk"); // profile name or .json path
    QString onewayField, speedField, classField, fromNodeField, toNodeField;
    double toleranceMeters = 0.5;
    Crs crs;                       // metric CRS to work in; invalid = the network's
    bool useCache = true;
    QString cacheDirectory;        // empty = the default cache folder

    DataSource barriers;           // empty path = none
    double barrierFactor = 0;      // 0 = close the crossed streets, else multiply their cost

    DataSource facilities;         // empty path = none
    QString facilityIdField;       // empty = the layer's "id" field, else the row number from 1 (FacilityIds)
    double turnoutSeconds = 0;     // start cost per facility (time limits only)
    double snapMaxMeters = 300;
    bool snapLegs = true;

    CostUnit unit = CostUnit::Seconds;
    double limit = 0;              // in the user unit (minutes or metres); 0 = none
    std::vector<double> breaks;    // user unit, ascending; empty = {limit}

    double unitScale() const { return unit == CostUnit::Meters ? 1.0 : 60.0; } // user unit → routing unit
    QString unitLabel() const { return unit == CostUnit::Meters ? QStringLiteral("m") : QStringLiteral("min"); }
    // The breaks to use (user unit): `breaks` sorted, or {limit}. Throws InvalidInput when
    // a break is ≤ 0 or beyond the limit.
    std::vector<double> effectiveBreaks() const;
};

// No facility lies within the snap distance of a street: a finding for network-check
// (which goes on without facilities), an error for every other analysis.
class NoFacilitySnapped : public InvalidInput {
public:
    using InvalidInput::InvalidInput;
};

class NetworkInputs {
public:
    // Throws InvalidInput (NoFacilitySnapped when none snaps) / IoError / CrsError naming the file; Canceled.
    static NetworkInputs open(const NetworkSettings &settings, Feedback &feedback);
    // The same in two steps: the graph and barriers only, then the facilities of
    // `settings` (network-check goes on without them when none snaps).
    static NetworkInputs openNetwork(const NetworkSettings &settings, Feedback &feedback);
    void loadFacilities(Feedback &feedback);

    NetworkSettings settings;
    RoadGraphReport graphReport;
    RoadGraph graph;
    VectorLayer facilities;           // as loaded (graph CRS)
    QStringList facilityIds;          // per row
    SnappedLayer snapped;             // per row
    std::vector<NetworkSource> sources;
    RoutingOptions routing;           // unit, limit (routing unit), snap legs, barrier factors
    std::vector<double> breaks;       // user unit
    int barrierLinks = 0;
    double setupSeconds = 0;

    // The common parts of summary.json (network, facilities, unit, breaks...).
    QJsonObject summary() const;
    // Waits for the graph cache file written in the background, if any (a failure is a
    // warning), and updates the "network" part of a summary() taken before. Jobs call
    // it before they report their warnings.
    void finishCacheSave(Feedback &feedback, QJsonObject *summaryTaken = nullptr) const;

private:
    std::vector<int> m_component, m_componentSizes; // per node, per component (largest first)
};

} // namespace refuge
