#pragma once
// VectorLayer: a vector layer held fully in memory — geometries (in one CRS),
// typed attribute columns, extent and a spatial index. Loaded once from any GDAL
// source (VectorLayer::load), or built by analyses as a result (addField/addFeature).
// A loaded layer is immutable in practice and can be read from many threads; the
// index is built by load() or buildIndex(), never lazily behind a const method.
#include "crs/Crs.h"
#include "geom/Geometry.h"
#include "geom/SpatialIndex.h"
#include "model/DataSource.h"
#include "model/Field.h"
#include "util/Feedback.h"

#include <QJsonObject>
#include <QStringList>
#include <QVariant>
#include <vector>

namespace refuge {

class Feedback;

struct LoadOptions {
    Crs targetCrs;          // reproject to this; invalid = keep the source CRS
    Crs assumedCrs;         // stated by the user for sources with no CRS (or to override)
    QString encoding;       // text encoding of a Shapefile/DBF ("GBK", "UTF-8"...); empty = detect
    bool repairInvalid = true;
    QString idField;        // names dropped features in LoadReport::dropped (optional)
};

// What happened while loading: nothing is skipped without being counted here.
struct LoadReport {
    qint64 read = 0;             // features read from the source
    qint64 loaded = 0;           // features kept
    qint64 nullGeometry = 0;     // skipped: no geometry
    qint64 emptyGeometry = 0;    // skipped: empty geometry
    qint64 nonFinite = 0;        // skipped: NaN/infinite coordinates
    qint64 outsideCrs = 0;       // skipped: could not be transformed to the target CRS
    qint64 otherDimension = 0;   // skipped: geometry of another dimension than the layer's
    qint64 repaired = 0;         // invalid geometries repaired with GEOSMakeValid
    qint64 unrepairable = 0;     // skipped: invalid and not repairable
    qint64 unreadable = 0;       // skipped: GDAL failed reading them (corrupt or truncated file)
    QString readError;           // GDAL's first error while reading features, if any
    QString encoding;            // text encoding used for attributes
    QString encodingNote;        // how it was chosen, when not declared by the file
    QString crsNote;             // e.g. "no CRS in file; EPSG:4326 assumed from lon/lat columns"
    std::vector<DroppedFeature> dropped; // the skipped features GDAL gave (FID, id value, reason; source empty)

    // Records one skipped feature (its count is the caller's).
    void drop(qint64 fid, const QString &reason, const QString &id = {});
    // "13 of 14 facilities used; 1 dropped: fid 7 (non-finite coordinate)"; empty when
    // nothing was skipped. Lists up to 10 features, then how many more.
    QString droppedMessage(const QString &what) const;
    // droppedMessage() as Feedback::inputProblem naming `source`, with every dropped
    // feature for summary.json. Nothing when nothing was skipped.
    void reportTo(Feedback &feedback, const QString &source, const QString &what) const;

    qint64 skipped() const { return nullGeometry + emptyGeometry + nonFinite + outsideCrs + otherDimension + unrepairable + unreadable; }
    // One line per non-zero count, e.g. "2 features with NaN/infinite coordinates skipped".
    QStringList messages() const;
};

class VectorLayer {
public:
    VectorLayer() = default;
    VectorLayer(QString name, GeometryType type, Crs crs);

    // Reads a GDAL vector source. Throws IoError/CrsError/InvalidInput with a
    // one-line message naming the source.
    static VectorLayer load(const DataSource &source, const LoadOptions &options = {}, Feedback *feedback = nullptr);
    // Names of the vector layers in a dataset.
    static QStringList layerNames(const QString &path);

    const QString &name() const { return m_name; }
    void setName(const QString &name) { m_name = name; }
    const DataSource &source() const { return m_source; }
    const QString &driver() const { return m_driver; }
    GeometryType geometryType() const { return m_type; }
    const Crs &crs() const { return m_crs; }
    const Crs &sourceCrs() const { return m_sourceCrs; }
    const LoadReport &report() const { return m_report; }
    // Refuge's style stored with the data (a GeoPackage's layer_styles default row:
    // io/GpkgStyles), as Style JSON; {} when the source has none.
    const QJsonObject &storedStyle() const { return m_storedStyle; }

    // Features
    int featureCount() const { return int(m_geometries.size()); }
    const Geometry &geometry(int i) const { return m_geometries[std::size_t(i)]; }
    const std::vector<Geometry> &geometries() const { return m_geometries; }
    qint64 sourceFid(int i) const { return m_fids[std::size_t(i)]; }

    // Attributes
    const Fields &fields() const { return m_fields; }
    int fieldIndex(const QString &name) const { return refuge::fieldIndex(m_fields, name); }
    QVariant attribute(int feature, int field) const { return m_columns[std::size_t(field)][std::size_t(feature)]; }
    QVariant attribute(int feature, const QString &field) const;
    // Throws InvalidInput "<layer>: no field 'x' (fields: a, b, c)" when missing.
    int requireField(const QString &name) const;

    // Throws InvalidInput "<source>: <role> must be points or polygons, not lines
    // (LineString)…" unless the layer's dimension (0 points, 1 lines, 2 polygons) is one
    // of `dimensions`. A layer of the wrong type is the wrong layer: never read as one.
    void requireGeometry(const QString &role, std::initializer_list<int> dimensions) const;

    QRectF extent() const { return m_extent; }
    const SpatialIndex &index() const { return m_index; }
    void buildIndex();

    // Building result layers
    int addField(const Field &field);
    int addFeature(Geometry geometry, const QVariantList &attributes = {}, qint64 fid = -1);
    void setAttribute(int feature, int field, const QVariant &value) { m_columns[std::size_t(field)][std::size_t(feature)] = value; }

    // A copy of this layer in another CRS (throws CrsError).
    VectorLayer reprojected(const Crs &target) const;

private:
    friend class VectorReader;
    QString m_name;
    DataSource m_source;
    QString m_driver;
    GeometryType m_type = GeometryType::Unknown;
    Crs m_crs, m_sourceCrs;
    LoadReport m_report;
    QJsonObject m_storedStyle;
    Fields m_fields;
    std::vector<std::vector<QVariant>> m_columns; // one per field, featureCount() values each
    std::vector<Geometry> m_geometries;
    std::vector<qint64> m_fids;
    QRectF m_extent;
    SpatialIndex m_index;
};

} // namespace refuge
