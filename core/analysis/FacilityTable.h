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

class Feedback;
class VectorLayer;

struct FacilityFields {
    QString id;       // empty: the layer's "id" field, else row numbers from 1 (FacilityIds)
    QString name;
    QString capacity; // persons
    QString area;     // effective area, m²
    QString grade;    // fire station grade
    QString turnout;  // seconds
};

// One attribute value of a facility that needed reading (NumberText): written as
// text people write ("14,495": value read) or unusable (value NaN; left out).
struct FacilityValueNote {
    int row = 0;       // facility index
    QString field;     // field name
    QString text;      // as written
    double value = 0;  // NaN: unusable
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
    qint64 nullCapacity = 0;          // capacity field present but null / empty
    qint64 negativeCapacity = 0;
    std::vector<FacilityValueNote> reformatted, unusable; // capacity, area, turnout values

    int size() const { return int(points.size()); }
    int indexOf(const QString &id) const { return int(ids.indexOf(id)); }

    // Reads points (points of polygons: a point on the surface). Throws InvalidInput
    // for missing fields, duplicate ids, or an empty layer.
    static FacilityTable fromLayer(const VectorLayer &layer, const FacilityFields &fields);
    // One line per field naming the facilities (up to 10 each), "<source>: field 'cap':
    // 2 values written as text read as numbers: S3 "14,495" → 14495, …" as a warning;
    // unusable values as Feedback::inputProblem (the CLI prints them on stderr).
    void reportValues(Feedback &feedback) const;
};

} // namespace refuge
