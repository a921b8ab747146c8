#pragma once
// CoverageResults: what a community page prints from a finished shelter-coverage run —
// per area (community) its row of the `areas` layer (covered_share, population...),
// and the shelters its residents are assigned to (from the `demand` layer's
// assigned_to / assigned / area) with each shelter's name, capacity and position (the
// `facilities` layer). Read from the run's coverage.gpkg through core/io (VectorLayer),
// never from the CSVs; the folder must be marked complete (summary.json). A plain
// value; read it once, then query from any thread.
#include "crs/Crs.h"

#include <QHash>
#include <QPointF>
#include <QString>
#include <QVariantMap>
#include <vector>

namespace refuge {

struct AssignedShelter {
    QString id;
    QString name;
    QVariant capacity;        // null when unknown
    double residents = 0;     // the area's residents assigned to it
    QPointF point;            // in the CRS the results were loaded into
};

class CoverageResults {
public:
    // `dir`: a coverage folder (with coverage.gpkg) or a run folder holding coverage/.
    // Layers reprojected to `target`. Throws IoError naming the folder when there is no
    // complete coverage run there, or the GeoPackage cannot be read.
    static CoverageResults load(const QString &dir, const Crs &target);
    // The folder of the coverage run under `dir` (itself or dir/coverage), or empty.
    static QString coverageFolder(const QString &dir);
    // The folder of an analysis's run under `dir`: `dir` itself or dir/<subfolder>,
    // whichever holds `file` (its GeoPackage); empty when neither does.
    static QString runFolder(const QString &dir, const QString &subfolder, const QString &file);

    QString folder() const { return m_folder; }
    bool hasArea(const QString &area) const { return m_areas.contains(area); }
    // The areas row of `area` (field → value), empty when the run has no such area.
    QVariantMap area(const QString &area) const { return m_areas.value(area); }
    // Shelters the area's residents are assigned to, most residents first (ties by id).
    std::vector<AssignedShelter> assigned(const QString &area) const;
    QStringList areaNames() const { return m_areas.keys(); }

private:
    QString m_folder;
    QHash<QString, QVariantMap> m_areas;
    QHash<QString, AssignedShelter> m_facilities;          // by facility id
    QHash<QString, QHash<QString, double>> m_assignedByArea; // area → facility id → residents
};

} // namespace refuge
