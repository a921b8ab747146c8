#pragma once
// FireCoverage: fire response on prepared inputs — response time (turnout + travel)
// from the first-due station to every demand point and to every cell of a sample grid
// over the study area; reach within the response limit; first-due zones (cells
// merged per station) and each zone's area against the station-grade limit; population
// and area not reached; and, with official districts, the share of area and population
// where the computed first-due station equals the official one, plus the differences.
//
// Costs come in as nearest-station arrays (from the network's multi-source search with
// turnout start costs, straight lines, or a test), so the same code serves every path.
// Inputs by value/const; synchronous; polls Feedback; any thread.
#include "analysis/CoverageAreas.h"
#include "analysis/Demand.h"
#include "analysis/FacilityTable.h"
#include "geom/Geometry.h"
#include "standards/StandardsProfile.h"

#include <QJsonObject>
#include <vector>

namespace refuge {

class Feedback;

// Nearest station and response seconds per point (+inf / -1: unreached or unsnapped).
struct NearestCosts {
    std::vector<float> seconds;
    std::vector<int> station;
};

// A square sample grid: cell centres inside a study area.
struct FireGrid {
    double cellSize = 50;   // CRS units
    double cellAreaM2 = 2500;
    std::vector<QPointF> centres;

    // Cells of `cellMeters` (grid aligned to multiples of it) whose centre lies in `area`.
    static FireGrid over(const Geometry &area, double cellMeters, double metresPerUnit, Feedback &feedback);
};

struct FireRequest {
    FacilityTable stations;
    DemandSet demand;
    FireGrid grid;
    NearestCosts demandCosts;      // per demand unit
    NearestCosts gridCosts;        // per grid cell
    CoverageAreas official;        // official districts (names = station ids); may be empty
    StandardsProfile standard;
    double responseLimitSeconds = 300;
    bool suburban = false;         // use the suburban district area limit for every station
    QString method;                // "network (drive)" / "straight line"
    double turnoutSeconds = 60;    // default turnout (for the record)
};

struct FireZoneRow {
    QString station, name, grade;
    double zoneAreaKm2 = 0;        // first-due zone (cells whose nearest station it is)
    double reachedAreaKm2 = 0;     // of which within the response limit
    double population = 0;         // first-due population
    double populationReached = 0;
    double officialAreaKm2 = 0;    // official district area (when given)
    double agreementAreaKm2 = 0;   // zone ∩ official district of the same station
    CheckResult areaCheck;         // zone area against the grade limit
    Geometry zone;
};

struct FireDifference {
    QString official, computed;
    double areaKm2 = 0;
    double population = 0;
    Geometry geometry;
};

struct FireOutcome {
    std::vector<FireZoneRow> zones;
    std::vector<FireDifference> differences;
    Geometry unreachedArea;
    double totalPopulation = 0, reachedPopulation = 0;
    double studyAreaKm2 = 0, reachedAreaKm2 = 0;
    bool hasOfficial = false;
    double officialAreaKm2 = 0, agreementAreaKm2 = 0;   // over cells inside official districts
    double officialPopulation = 0, agreementPopulation = 0;
    std::vector<int> demandOfficial;                     // official district index per demand unit
    CheckResult responseCheck;                           // share reached (informational clause)
    QStringList warnings;

    double reachedShare() const { return totalPopulation > 0 ? reachedPopulation / totalPopulation : 0.0; }
    double agreementAreaShare() const { return officialAreaKm2 > 0 ? agreementAreaKm2 / officialAreaKm2 : 0.0; }
    double agreementPopulationShare() const { return officialPopulation > 0 ? agreementPopulation / officialPopulation : 0.0; }
    QJsonObject summaryJson(const FireRequest &request) const;
};

class FireCoverage {
public:
    // Station grade → standards key ("fire.district_km2.grade1" ...).
    static QString gradeKey(const QString &grade, bool suburban);
    static FireOutcome run(const FireRequest &request, Feedback &feedback);
};

} // namespace refuge
