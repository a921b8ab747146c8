#pragma once
// NetworkCheck: what is wrong with a road network before anyone routes on it —
// connected components and their sizes (and the facilities stranded on small ones),
// dangling ends, duplicate and zero-length links, one-way dead ends (nodes a one-way
// leads into but none leads out of, and the reverse), unsnapped facilities. Returns
// a report and a point layer of the problem places; also what the build left out of
// an OSM extract, by reason (not problems: the profile's rules). Synchronous; any thread.
#include "model/VectorLayer.h"
#include "network/RoadGraphBuilder.h"
#include "network/Snapper.h"

#include <QJsonObject>
#include <QStringList>
#include <vector>

namespace refuge {

class Feedback;

struct NetworkCheckReport {
    int nodes = 0, links = 0;
    std::vector<int> componentNodes;   // nodes per component, largest first
    std::vector<double> componentMeters; // street length per component, same order
    int danglingEnds = 0;              // nodes with one link (dead ends; informational)
    int duplicateLinks = 0;            // same two nodes, same length (±1 m)
    int zeroLengthLinks = 0;           // dropped by the builder or shorter than 0.01 m
    int oneWayTraps = 0;               // nodes entered by one-way links that cannot be left
    int oneWaySources = 0;             // nodes left by one-way links that cannot be entered
    QStringList facilitiesOnIslands;   // facility ids not on the largest component
    QStringList unsnappedFacilities;
    ExcludedByReason excludedWays;     // OSM ways left out by the profile's rules (RoadGraphReport)
    VectorLayer problems;              // Point layer: kind, detail, component

    int components() const { return int(componentNodes.size()); }
    // Problems that make routing results wrong (dangling ends are not counted).
    int problemCount() const;
    QStringList lines() const; // human-readable report
    QJsonObject toJson() const;
};

class NetworkCheck {
public:
    // facilities/facilityIds may be empty. Every component but the largest is an island.
    // Component of every node (0 = the largest, then by size) — cheap (union-find).
    static std::vector<int> nodeComponents(const RoadGraph &graph, std::vector<int> *componentSizes = nullptr);

    static NetworkCheckReport run(const RoadGraph &graph, const RoadGraphReport &build, const SnappedLayer &facilities,
                                  const QStringList &facilityIds, Feedback &feedback);
};

} // namespace refuge
