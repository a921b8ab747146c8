#pragma once
// FacilityTable: the facilities an analysis serves from (shelters, fire stations) as
// plain columns — location, id, name, capacity, effective area, grade, start cost —
// read once from a layer. Duplicate or empty ids are refused. A plain value.
#include "crs/Crs.h"

#include <QPointF>
#include <QString>
#include <QStringList>
#include <cmath>
#include <limits>
#include <vector>

namespace refuge {

class VectorLayer;

struct FacilityFields {
    QString id;       // empty: the layer's "id" field, else row numbers from 1 (FacilityIds)
    QString name;
    QString capacity; // persons
    QString area;     // effective area, m²
    QString grade;    // fire station grade
    QString turnout;  // seconds
};

struct FacilityTable {
    static constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();

    Crs crs;
    QString source;
    std::vector<QPointF> points;
    QStringList ids;
    QStringList names;
    std::vector<double> capacity;     // NaN: unknown
    std::vector<double> areaM2;       // NaN: unknown
    QStringList grades;
    std::vector<double> turnoutSeconds; // NaN: unknown (use the default)
    qint64 nullCapacity = 0;          // capacity field present but null / non-numeric
    qint64 negativeCapacity = 0;

    int size() const { return int(points.size()); }
    int indexOf(const QString &id) const { return int(ids.indexOf(id)); }

    // Reads points (points of polygons: a point on the surface). Throws InvalidInput
    // for missing fields, duplicate ids, or an empty layer.
    static FacilityTable fromLayer(const VectorLayer &layer, const FacilityFields &fields);
};

} // namespace refuge
