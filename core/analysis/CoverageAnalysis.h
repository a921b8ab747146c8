#pragma once
// CoverageAnalysis: the shelter question end to end on prepared inputs — coverage,
// capacity assignment and per-capita shelter area — summed per shelter, per area and
// overall, with every standards check carrying its clause. The inputs are a value
// snapshot (CoverageRequest), so a hazard scenario can swap demand, shelters or costs
// and re-run. Synchronous; polls Feedback; any thread. Writing the results to files
// is CoverageOutputs' job.
#include "analysis/Assignment.h"
#include "analysis/Capacity.h"
#include "analysis/Coverage.h"
#include "analysis/CoverageAreas.h"
#include "analysis/CoverageCosts.h"
#include "analysis/Demand.h"
#include "analysis/FacilityTable.h"
#include "geom/Geometry.h"
#include "standards/StandardsProfile.h"

#include <QJsonObject>
#include <QStringList>
#include <vector>

namespace refuge {

class Feedback;

struct CoverageRequest {
    DemandSet demand;
    FacilityTable facilities;
    CoverageAreas areas;              // may be empty
    CoverageCosts costs;              // demand × facilities, within the limit
    StandardsProfile standard;
    AssignmentMethod assignment = AssignmentMethod::Nearest;
    std::vector<Geometry> serviceAreas; // per facility (optional; for the output layer)
    QString serviceAreaMethod;          // "network", "straight-line buffer"
    double areaFromCapacityM2 = 0;      // > 0: shelters without an area get capacity × this (listed)
    std::vector<int> demandArea;        // per demand unit, when already located in `areas` (else empty: located by run())
};

struct CoverageAreaRow {
    QString name;
    double population = 0;
    double covered = 0;
    double assigned = 0;
    double unassignedNoReach = 0;
    double unassignedFull = 0;
    int shelters = 0;           // shelters inside the area
    double shelterAreaM2 = 0;   // their effective area (or capacity × --area-from-capacity, as asked)
    int sheltersWithoutArea = 0; // shelters inside with no effective area: the supply check is not evaluated
    double shelterAreaPerResident = 0;
    CheckResult supplyCheck;    // against shelter.district_supply_m2_per_resident
    double coveredShare() const { return population > 0 ? covered / population : 0.0; }
    double unassigned() const { return unassignedNoReach + unassignedFull; }
};

struct CoverageFacilityRow {
    QString id, name;
    double capacity = 0;
    QString capacityBasis;       // field / area / none
    double areaM2 = 0;
    bool areaKnown = true;       // false: no effective area (areaM2 0 means nothing)
    double populationInReach = 0;
    double nearestPopulation = 0;
    double assigned = 0;
    bool snapped = true;
    QString area;                // area containing it
    double loadRatio() const { return capacity > 0 ? assigned / capacity : 0.0; }
};

struct CoverageOutcome {
    CoverageResult coverage;
    AssignmentResult assignment;
    CapacityTable capacity;
    std::vector<int> demandArea;        // per demand unit (-1 outside)
    std::vector<CoverageAreaRow> areas; // per area, then "(outside areas)" when anyone lives there
    std::vector<CoverageFacilityRow> facilities;
    CoverageAreaRow overall;            // whole study area
    double limit = 0;
    QString unit, method;
    QStringList warnings;               // partial problems, counted

    // The summary.json object (the CLI contract keys and more).
    QJsonObject summaryJson(const CoverageRequest &request) const;
};

class CoverageAnalysis {
public:
    static CoverageOutcome run(const CoverageRequest &request, Feedback &feedback);
};

} // namespace refuge
