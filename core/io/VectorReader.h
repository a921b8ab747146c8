#pragma once
// VectorReader: the GDAL side of VectorLayer::load (internal to core). Reads one
// layer of a dataset into a VectorLayer, reprojecting, repairing and counting.
#include "crs/CoordinateTransform.h"
#include "io/Gdal.h"
#include "io/TextEncoding.h"
#include "model/VectorLayer.h"

#include <QJsonObject>
#include <map>
#include <memory>

namespace refuge {

// A vector source opened for reading: the dataset, the chosen layer (borrowed from
// the dataset), the CRS decided as VectorLayer::load decides it, the transform to the
// target CRS (null when none is needed). One thread; never outlives nothing it borrows.
struct VectorSourceReading {
    GdalDataset dataset;
    OGRLayerH layer = nullptr;
    QString name, driver;
    Crs sourceCrs, crs;
    std::unique_ptr<CoordinateTransform> transform;
    bool rawText = false;       // undeclared shapefile text: decoded after reading
    QString declaredEncoding;
    LoadReport report;          // CRS note so far
    std::map<qint64, QString> rowProblems; // a point table's rows without usable coordinates (FID → why)
    QJsonObject storedStyle;    // Refuge's style stored with a GeoPackage layer (GpkgStyles), {} if none
};

class VectorReader {
public:
    static VectorLayer read(const DataSource &source, const LoadOptions &options, Feedback *feedback);
    static QStringList layerNames(const QString &path);
    // The layer `source` names (IoError listing the layers when there is none of that
    // name). Without a name: the only layer, OSM's "lines", else InvalidInput naming
    // the file and listing its layers — never silently the first of several.
    static OGRLayerH chooseLayer(GDALDatasetH dataset, const DataSource &source);

    // The steps of read() for readers that stream features themselves (Demand::load).
    // Opens the source; gdalErrors must be alive (it sees unreadable CRSs). detectText:
    // see FeatureStream.
    static VectorSourceReading open(const DataSource &source, const LoadOptions &options, const GdalErrorCollector &gdalErrors,
                                    bool detectText = true);
    // The CRS the layer declares; `unreadable` gets why a declared CRS cannot be used
    // (then the result is invalid and the caller must not treat it as "no CRS").
    static Crs declaredCrs(OGRLayerH layer, const QString &path, const GdalErrorCollector &gdalErrors, QString &unreadable);
    // One feature's geometry as read() keeps it: false (counted in report, and listed
    // with `fid` and the reason in report.dropped) for a null, empty, non-finite or
    // out-of-range geometry or one that cannot be transformed.
    static bool acceptGeometry(OGRGeometryH og, bool readFailed, qint64 fid, const VectorSourceReading &src, Geometry &g, LoadReport &report);
    // The FIDs of the features at these positions (0-based, ascending) of the layer's
    // reading order: for readers of GDAL's Arrow stream, which gives no FIDs.
    static std::vector<qint64> fidsAt(OGRLayerH layer, const std::vector<qint64> &positions);
    static const QString kUnrepairable; // the reason a polygon repairPolygon() refused is dropped
    static const QString kOtherType;    // the reason a feature of another dimension than the layer's is dropped
    static bool outsideRange(const QRectF &bounds, bool geographic);
    // read()'s repair of a polygon: valid stays, invalid is repaired with GEOSMakeValid;
    // false (counted) when it cannot be repaired.
    static bool repairPolygon(Geometry &g, LoadReport &report);
    // A field's type and one feature's value as read() stores them (raw: undecoded bytes).
    static FieldType fieldType(OGRFieldDefnH def);
    static QVariant fieldValue(OGRFeatureH f, int field, FieldType type, bool raw);
    // 0/1/2 for a layer declared as points/lines/polygons, -1 when it does not say.
    static int declaredDimension(OGRLayerH layer);
};

} // namespace refuge
