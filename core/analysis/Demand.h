#pragma once
// Demand: population as weighted points, the input of coverage and capacity. Built
// from polygons with a population field (one point on the surface each — the area
// centroid of a simple polygon when it lies inside, else GEOS's point on surface — or spread
// over square cells of M metres by area), points with a population field, or a
// population raster (cell centres). Null, non-numeric and negative populations are
// counted and left out, never silently used. A plain value, safe to copy between
// threads; the builders are synchronous and poll the Feedback.
#include "crs/Crs.h"

#include <QPointF>
#include <QString>
#include <QStringList>
#include <vector>

namespace refuge {

class Feedback;
class RasterLayer;
class VectorLayer;
struct DataSource;
struct LoadOptions;

struct DemandStats {
    qint64 features = 0;        // source features (or raster cells with data) examined
    qint64 used = 0;            // features contributing population
    qint64 nullPopulation = 0;  // null or empty: left out
    qint64 unusablePopulation = 0; // text that is no number (NumberText): left out
    std::vector<qint64> unusableFids; // the first 10 of them (-1: a raster cell)
    qint64 reformattedPopulation = 0; // written as text people write ("14,495"), read
    qint64 negativePopulation = 0; // < 0: left out
    qint64 zeroPopulation = 0;  // 0: kept out of the units (nothing to cover)
    qint64 noPoint = 0;         // no point could be placed (empty/degenerate geometry)
    qint64 splitFeatures = 0;   // polygons spread over several cells
    QStringList sourceMessages; // what reading the source skipped or repaired (Demand::load)
    QStringList messages() const;        // not the unusable values: see unusableMessage()
    QString unusableMessage() const;     // "2 features with a population that is not a number left out (unusable: fid 3, fid 9)"
};

struct DemandSet {
    Crs crs;
    QString source;                 // display name of the source
    std::vector<QPointF> points;    // one per demand unit
    std::vector<double> population; // > 0
    std::vector<int> feature;       // source feature index (row for rasters: -1)
    DemandStats stats;

    std::size_t size() const { return points.size(); }
    double totalPopulation() const;
    void add(QPointF p, double pop, int sourceFeature);
    // stats.unusableMessage() as Feedback::inputProblem naming the source (the builders call it).
    void reportUnusable(Feedback &feedback) const;
};

class Demand {
public:
    // Polygons (or points) with a population field. splitCellMeters > 0 spreads every
    // polygon larger than one cell over the cells of a grid aligned to multiples of
    // splitCellMeters (each piece gets population × piece area ÷ polygon area, placed on
    // the piece's surface). Throws InvalidInput for a missing field or a non-metric CRS
    // with split cells.
    static DemandSet fromLayer(const VectorLayer &layer, const QString &populationField, double splitCellMeters, Feedback &feedback);
    // The same demand as fromLayer(VectorLayer::load(source, options), ...) without
    // loading the layer: streams the features, reading only the geometry and the
    // population field, and places each point as it goes (GEOS only where the ring's
    // centroid test or validity check cannot decide). Geometries the load would skip
    // or repair are counted in stats.sourceMessages. Split cells, layers of no declared
    // type and undeclared text encodings take the VectorLayer path.
    static DemandSet load(const DataSource &source, const QString &populationField, double splitCellMeters,
                          const LoadOptions &options, Feedback &feedback);
    // Raster band (0-based) cell centres, reprojected to `target` (invalid: raster CRS).
    static DemandSet fromRaster(const RasterLayer &raster, int band, const Crs &target, Feedback &feedback);
};

} // namespace refuge
