#pragma once
// Exposure: who and what lies in the hazard. Per community: population by hazard
// level (areal weighting of population polygons over the disjoint level areas — the
// highest level wins where zones overlap —, or population points by the level they
// fall in), the population exposed to each hazard type, and the share of the
// community's area at each level. Per point source (hazardous-chemical site): the
// population, shelters and other facilities (schools, hospitals) within its isolation
// and protection distances, with the community it lies in (one table per street/town).
// GEOS work on the calling thread's context. Synchronous, polls Feedback; any thread.
#include "analysis/CoverageAreas.h"
#include "analysis/hazard/HazardZones.h"

#include <QJsonObject>
#include <array>
#include <vector>

namespace refuge {

class Feedback;

// Population as polygons (areal weighting) or points, with the community of each unit.
struct ExposurePopulation {
    std::vector<Geometry> units;        // polygons or points, working CRS
    std::vector<double> population;     // per unit (≥ 0)
    std::vector<QPointF> anchors;       // a point inside each unit (community lookup)
    QString source;
    QString leftOut;                    // "<source>: 2 features with no usable population left out (fid 3, fid 9)"
    static ExposurePopulation fromLayer(const VectorLayer &layer, const QString &populationField);
};

struct ExposureRow {
    QString name;
    double population = 0;
    std::array<double, kHazardLevels> byLevel{};   // [0] = level 1 …
    double unexposed = 0;
    std::vector<double> byType;                    // parallel to ExposureResult::types
    double areaM2 = 0;
    std::array<double, kHazardLevels> areaByLevelM2{};
    double exposed() const { double s = 0; for (double v : byLevel) s += v; return s; }
    double exposedShare() const { return population > 0 ? exposed() / population : 0.0; }
    double areaShare(int level) const { return areaM2 > 0 ? areaByLevelM2[std::size_t(level) - 1] / areaM2 : 0.0; }
};

// A named set of points (shelters, schools, hospitals) counted around point sources.
struct ExposurePoints {
    QString kind;                       // "shelters", "medical", "schools"
    std::vector<QPointF> points;
    QStringList ids;                    // as printed: names where the layer has them, else ids
};

struct SourceExposure {
    HazardSource source;
    QString community;
    double populationIsolation = 0, populationProtection = 0;
    std::vector<QStringList> isolationIds, protectionIds; // per ExposurePoints set
};

struct ExposureResult {
    std::vector<HazardType> types;
    std::vector<ExposureRow> communities; // then "(outside areas)" when anyone lives there
    ExposureRow overall;
    std::vector<SourceExposure> sources;
    QStringList pointKinds;
    QJsonObject summaryJson() const;
};

class Exposure {
public:
    // communities may be empty (only the overall row). Throws InvalidInput when the
    // population has no units.
    static ExposureResult run(const ExposurePopulation &population, const CoverageAreas &communities, const HazardZones &zones,
                              const std::vector<ExposurePoints> &points, Feedback &feedback);
};

} // namespace refuge
