#pragma once
// CoverageAreas: the polygons results are summed by (communities, streets/towns,
// districts, official fire districts): any polygon layer plus a name field. locate()
// finds the area containing each point with a packed R-tree and prepared geometries.
// A plain value; locate() is const and may run on any thread (GEOS objects are made
// on the calling thread).
#include "crs/Crs.h"
#include "geom/Geometry.h"

#include <QStringList>
#include <vector>

namespace refuge {

class Feedback;
class VectorLayer;

struct CoverageAreas {
    Crs crs;
    QString source;
    QString nameField;
    std::vector<Geometry> polygons;
    QStringList names;

    int size() const { return int(polygons.size()); }
    bool isEmpty() const { return polygons.empty(); }
    double areaM2(int i) const;

    // Throws InvalidInput when the layer is not polygons or the field is missing.
    static CoverageAreas fromLayer(const VectorLayer &layer, const QString &nameField);
    // For each point, the first area containing it (-1: none).
    std::vector<int> locate(const std::vector<QPointF> &points, Feedback &feedback) const;
};

} // namespace refuge
