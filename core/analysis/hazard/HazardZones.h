#pragma once
// HazardZones: the hazard layers of a run as plain polygons with a level (1 低 … 5 高),
// a type and, when known, a water depth in metres — from polygon layers (level by a
// field's values, breaks or a constant), point sources (circles of their radius) and
// rasters (cells grouped by the level breaks). Features the mapping cannot place are
// left out and listed (problems(), with their fids), never silently. Also answers
// "which level here" for points and gives the disjoint area of each level (the
// highest level wins where zones overlap). A plain value; GEOS work runs on the
// calling thread's context.
#include "crs/Crs.h"
#include "geom/Geometry.h"
#include "model/HazardSettings.h"

#include <QPointF>
#include <QStringList>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

namespace refuge {

class RasterLayer;
class VectorLayer;

struct HazardZone {
    Geometry polygon;
    int level = 0;                                             // 1..5
    double depthMeters = std::numeric_limits<double>::quiet_NaN(); // NaN: unknown
    HazardType type = HazardType::Other;
    QString layer;                                             // id of the hazard layer
    qint64 fid = -1;
};

// A point source (hazardous-chemical site) with its distances.
struct HazardSource {
    QPointF point;
    QString layer, id, name;
    HazardType type = HazardType::Hazmat;
    int level = 0;
    double isolationMeters = 0, protectionMeters = 0;
};

class HazardZones {
public:
    // A vector hazard layer (in the working CRS). Throws InvalidInput naming the layer
    // when it has no level mapping, a mapped field is missing, points have no radius,
    // or lines are given.
    // Point sources take their id and name from idField / nameField when given (else
    // the feature id and no name).
    static HazardZones fromLayer(const VectorLayer &layer, const HazardSettings &settings, const QString &layerId,
                                 const QString &idField = {}, const QString &nameField = {});
    // A raster hazard layer: settings.level must be breaks (on the band's values, e.g.
    // depth in metres); each level's cells become one polygon whose depth is that
    // level's lower bound. The raster must be in `working` (else InvalidInput naming it).
    static HazardZones fromRaster(const RasterLayer &raster, const HazardSettings &settings, const QString &layerId, const Crs &working);

    void append(const HazardZones &other);
    const std::vector<HazardZone> &zones() const { return m_zones; }
    const std::vector<HazardSource> &sources() const { return m_sources; }
    const QStringList &problems() const { return m_problems; }
    bool isEmpty() const { return m_zones.empty(); }
    void addZone(HazardZone zone) { m_zones.push_back(std::move(zone)); }
    void addSource(HazardSource source) { m_sources.push_back(std::move(source)); }

    // Highest level of the zones containing each point (0: none); only zones of `type` when given.
    std::vector<int> levelsAt(const std::vector<QPointF> &points, std::optional<HazardType> type = std::nullopt) const;
    // The zone (index) of the highest level containing p, -1 when none.
    int zoneAt(QPointF p) const;
    // Disjoint area of each level: [0] = level 1 … [4] = level 5 (empty geometry when none).
    std::array<Geometry, kHazardLevels> levelAreas(std::optional<HazardType> type = std::nullopt) const;
    // The hazard types present, in enum order.
    std::vector<HazardType> types() const;

private:
    std::vector<HazardZone> m_zones;
    std::vector<HazardSource> m_sources;
    QStringList m_problems;
};

} // namespace refuge
