#pragma once
// FeatureStream: core's one streaming reader of a vector layer. Opens a source as
// VectorLayer::load does (the layer the source names, the CRS decided from the file or
// the stated one, Shapefile text encodings) and hands its features one at a time —
// position, FID, geometry (as WKB or as a Geometry) and the values of the fields asked
// for — without an OGRFeature or GDAL type in sight: GeoPackages through GDAL's Arrow
// stream (batches filled on a GDAL worker thread), other formats feature by feature.
// VectorLayer::load, Demand::load and the road graph's reader are built on it.
// One thread; not copyable; the values and WKB of a feature are valid until next().
#include "crs/Crs.h"
#include "geom/Geometry.h"
#include "model/DataSource.h"
#include "model/VectorLayer.h"

#include <QByteArray>
#include <QRectF>
#include <QString>
#include <memory>
#include <vector>

namespace refuge {

class CoordinateTransform;

class FeatureStream {
public:
    // How a field's values come: Integer (qint64), Real (double), Text (bytes; dates and
    // everything else as GDAL writes them as text).
    enum class Kind { Integer, Real, Text };
    // Opens `source` (IoError, CrsError, InvalidInput naming it, as VectorLayer::load).
    // `options.targetCrs`: geometries from geometry() and acceptGeometry() are
    // reprojected to it. `detectText`: a Shapefile with no declared encoding gives its
    // text undecoded (rawText(); VectorLayer::load guesses the encoding); false lets
    // GDAL decode it as it would by default.
    FeatureStream(const DataSource &source, const LoadOptions &options, bool detectText = true);
    ~FeatureStream();
    FeatureStream(const FeatureStream &) = delete;
    FeatureStream &operator=(const FeatureStream &) = delete;

    // What opening decided.
    const QString &name() const;
    const QString &driver() const;
    const QJsonObject &storedStyle() const;      // Refuge's style stored with the layer (GpkgStyles), {} if none
    const Crs &sourceCrs() const;
    const Crs &crs() const;                      // targetCrs, else the source CRS
    const CoordinateTransform *transform() const; // null when none is needed
    bool rawText() const;                        // text (values and names) undecoded
    const QString &declaredEncoding() const;
    // The layer's declared geometry type (Unknown when it does not say or is a collection).
    GeometryType declaredType() const;
    int declaredDimension() const; // 0/1/2, -1 when it does not say
    // The fields (names decoded as GDAL gives them; rawNames() their bytes).
    const Fields &fields() const;
    QByteArray rawName(int field) const;
    int fieldIndex(const QString &name) const; // case-insensitive; -1 if none
    // The features the layer declares (-1 when unknown without a scan); exact: counts.
    qint64 featureCount(bool exact = false) const;
    // The CRS note of opening (a reader's report starts from it).
    const LoadReport &report() const;

    // Starts reading (again) the geometry and `fields` (indices into fields(), in that
    // order as columns 0, 1, ...). `allowArrow`: through GDAL's Arrow stream when the
    // source is a GeoPackage and the columns come with the kinds their fields declare.
    void start(const std::vector<int> &fields, bool allowArrow);
    bool viaArrow() const;
    // The next feature; false at the end (or on an error that stops the read: failure()).
    bool next();
    qint64 position() const; // 0-based in the reading order
    qint64 fid() const;      // -1 through the Arrow stream (see fidsAt)
    // GDAL's first error raised while reading since start() ("" if none).
    QString failure() const;
    // True when an error was raised while reading this feature (a truncated record).
    bool readFailed() const;

    // The geometry as ISO WKB (exported on demand when read feature by feature); false
    // for a null geometry.
    bool wkb(const unsigned char *&data, std::size_t &size);
    // The geometry as GDAL gives it (curves linearised, not reprojected, not checked;
    // empty for a null one); false when its WKB cannot be read.
    bool geometry(Geometry &g);
    // The geometry as VectorLayer::load keeps it, reprojected: false (counted in
    // `report` and listed with fid() and the reason) for a null, unreadable, empty,
    // non-finite or out-of-range geometry or one that cannot be transformed.
    bool acceptGeometry(Geometry &g, LoadReport &report);

    Kind kind(int column) const;
    bool isNull(int column) const;
    qint64 integer(int column) const;
    double real(int column) const;
    // Text as GDAL gives it (any kind: integers and reals as GDAL writes them); not
    // terminated, valid until next().
    std::pair<const char *, std::size_t> text(int column) const;
    // The value as VectorLayer::load stores it (raw bytes for rawText() text).
    QVariant value(int column) const;

    // The FIDs of the features at these positions (ascending): for features read
    // through the Arrow stream. Reading must start() again afterwards.
    std::vector<qint64> fidsAt(const std::vector<qint64> &positions);

    // VectorLayer::load's rules, for readers that keep features their own way: a box
    // no CRS can hold; an invalid polygon repaired with GEOSMakeValid (false, counted,
    // when it cannot be); the reasons given for those dropped.
    static bool outsideRange(const QRectF &bounds, bool geographic);
    static bool repairPolygon(Geometry &g, LoadReport &report);
    static const QString &unrepairableReason();
    static const QString &otherTypeReason();

    // The FIDs of every feature of the layer `source` names, in reading order, without
    // deciding its CRS (IoError/InvalidInput as the layer choice of VectorLayer::load).
    static std::vector<qint64> fids(const DataSource &source);
    // The layer names of a dataset (IoError naming it).
    static QStringList layerNames(const QString &path);
    // The field names of the layer `source` names, without reading features or deciding
    // its CRS (IoError/InvalidInput as the layer choice of VectorLayer::load).
    static QStringList fieldNames(const DataSource &source);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace refuge
