#include "io/VectorWriter.h"
#include "crs/CoordinateTransform.h"
#include "io/Gdal.h"
#include "io/OgrGeometry.h"
#include "io/OutputFile.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <optional>

namespace refuge {

namespace {

OGRFieldType ogrType(FieldType t)
{
    switch (t) {
    case FieldType::Integer: return OFTInteger64;
    case FieldType::Boolean: return OFTInteger;
    case FieldType::Real: return OFTReal;
    case FieldType::Date: return OFTDate;
    case FieldType::DateTime: return OFTDateTime;
    case FieldType::String: return OFTString;
    }
    return OFTString;
}

OGRwkbGeometryType ogrGeomType(GeometryType t)
{
    switch (t) {
    case GeometryType::Point: return wkbPoint;
    case GeometryType::LineString: return wkbLineString;
    case GeometryType::Polygon: return wkbPolygon;
    case GeometryType::MultiPoint: return wkbMultiPoint;
    case GeometryType::MultiLineString: return wkbMultiLineString;
    case GeometryType::MultiPolygon: return wkbMultiPolygon;
    case GeometryType::Unknown: break;
    }
    return wkbUnknown;
}

OgrSrs toSrs(const Crs &crs)
{
    OgrSrs srs(OSRNewSpatialReference(nullptr));
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    if (!crs.authId().isEmpty() && crs.authId().startsWith(QLatin1String("EPSG:"))) {
        if (OSRImportFromEPSG(srs.get(), crs.authId().mid(5).toInt()) == OGRERR_NONE)
            return srs;
    }
    const QByteArray wkt = crs.wkt().toUtf8();
    if (OSRSetFromUserInput(srs.get(), wkt.constData()) != OGRERR_NONE)
        throw CrsError(QStringLiteral("GDAL cannot use CRS %1").arg(crs.label()));
    return srs;
}

void setValue(OGRFeatureH f, int i, const QVariant &v, FieldType t)
{
    if (!v.isValid() || v.isNull()) {
        OGR_F_SetFieldNull(f, i);
        return;
    }
    switch (t) {
    case FieldType::Integer: OGR_F_SetFieldInteger64(f, i, v.toLongLong()); break;
    case FieldType::Boolean: OGR_F_SetFieldInteger(f, i, v.toBool() ? 1 : 0); break;
    case FieldType::Real: OGR_F_SetFieldDouble(f, i, v.toDouble()); break;
    case FieldType::Date: {
        const QDate d = v.toDate();
        OGR_F_SetFieldDateTime(f, i, d.year(), d.month(), d.day(), 0, 0, 0, 0);
        break;
    }
    case FieldType::DateTime: {
        const QDateTime dt = v.toDateTime();
        OGR_F_SetFieldDateTimeEx(f, i, dt.date().year(), dt.date().month(), dt.date().day(), dt.time().hour(),
                                 dt.time().minute(), float(dt.time().second()), 0);
        break;
    }
    case FieldType::String: OGR_F_SetFieldString(f, i, v.toString().toUtf8().constData()); break;
    }
}

} // namespace

VectorFormat VectorWriter::formatFor(const QString &path)
{
    const QString s = QFileInfo(path).suffix().toLower();
    if (s == QLatin1String("gpkg"))
        return VectorFormat::GeoPackage;
    if (s == QLatin1String("geojson") || s == QLatin1String("json"))
        return VectorFormat::GeoJson;
    if (s == QLatin1String("csv"))
        return VectorFormat::Csv;
    throw InvalidInput(fileMessage(path, QStringLiteral("unsupported output format (use .gpkg, .geojson or .csv)")));
}

namespace {

// A GDAL configuration option set for this thread for the lifetime of the object.
class ThreadConfigOption {
public:
    ThreadConfigOption(const char *key, const char *value) : m_key(key)
    {
        if (const char *old = CPLGetThreadLocalConfigOption(key, nullptr)) {
            m_old = old;
            m_hadOld = true;
        }
        CPLSetThreadLocalConfigOption(key, value);
    }
    ~ThreadConfigOption() { CPLSetThreadLocalConfigOption(m_key, m_hadOld ? m_old.constData() : nullptr); }
    ThreadConfigOption(const ThreadConfigOption &) = delete;
    ThreadConfigOption &operator=(const ThreadConfigOption &) = delete;

private:
    const char *m_key;
    QByteArray m_old;
    bool m_hadOld = false;
};

QString sqlLiteral(QString v) { return QLatin1Char('\'') + v.replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\''); }

// Runs one SQL statement through GDAL; fail(what) when GDAL reports an error.
template<typename Fail>
void execSql(GDALDatasetH ds, const QString &sql, const Fail &fail, const QString &what)
{
    resetGdalError();
    if (OGRLayerH r = GDALDatasetExecuteSQL(ds, sql.toUtf8().constData(), nullptr, nullptr))
        GDALDatasetReleaseResultSet(ds, r);
    if (!lastGdalError().isEmpty() && CPLGetLastErrorType() >= CE_Failure)
        fail(what);
}

// The rows of one layer through OGR in one transaction, one OGRFeature reused for all
// rows (a point layer also reuses its point).
template<typename Fail>
void writeRows(OGRLayerH ol, const VectorLayer &layer, const QString &path, const Fail &fail)
{
    if (OGR_L_StartTransaction(ol) != OGRERR_NONE)
        fail(QStringLiteral("cannot start a transaction"));
    OgrFeature f(OGR_F_Create(OGR_L_GetLayerDefn(ol)));
    const int fieldCount = int(layer.fields().size());
    for (int i = 0; i < layer.featureCount(); ++i) {
        for (int c = 0; c < fieldCount; ++c)
            setValue(f.get(), c, layer.attribute(i, c), layer.fields()[std::size_t(c)].type);
        const Geometry &geometry = layer.geometry(i);
        if (geometry.isEmpty()) {
            OGR_F_SetGeometryDirectly(f.get(), nullptr);
        } else if (OGRGeometryH pt = OGR_F_GetGeometryRef(f.get());
                   geometry.type() == GeometryType::Point && pt && wkbFlatten(OGR_G_GetGeometryType(pt)) == wkbPoint) {
            OGR_G_SetPoint_2D(pt, 0, geometry.points()[0].x(), geometry.points()[0].y());
        } else {
            OGR_F_SetGeometryDirectly(f.get(), toOgr(geometry).release());
        }
        OGR_F_SetFID(f.get(), OGRNullFID);
        if (OGR_L_CreateFeature(ol, f.get()) != OGRERR_NONE)
            fail(QStringLiteral("cannot write feature %1").arg(i));
        OutputFile::faultPoint("row", path);
        Feedback::throwIfCancelAllRequested();
    }
    if (OGR_L_CommitTransaction(ol) != OGRERR_NONE)
        fail(QStringLiteral("cannot commit"));
}

} // namespace

void VectorWriter::write(const VectorLayer &layer, const QString &path, const QString &layerName)
{
    writeAll({{layerName, &layer}}, path);
}

void VectorWriter::writeAll(const std::vector<NamedLayer> &layers, const QString &path, const std::vector<FilteredView> &views)
{
    ensureGdal();
    const VectorFormat format = formatFor(path);
    if ((layers.size() != 1 || !views.empty()) && format != VectorFormat::GeoPackage)
        throw InvalidInput(fileMessage(path, QStringLiteral("only a GeoPackage holds several layers")));

    const QFileInfo target(path);
    // Work on a temporary in the target folder, renamed over the output at the end
    // (OutputFile); GeoPackages with other layers are updated in a copy.
    OutputFile output(path);
    const QString tmp = output.tempPath();
    const bool update = format == VectorFormat::GeoPackage && target.exists();
    if (update && !QFile::copy(path, tmp))
        throw IoError(fileMessage(path, QStringLiteral("cannot copy for update")));

    resetGdalError();
    // The temporary file only becomes the output after a complete write and close, so
    // SQLite need not sync each transaction to disk (about a fifth of a large write),
    // nor keep its rollback journal on disk; a larger page cache for large layers.
    const ThreadConfigOption noSync("OGR_SQLITE_SYNCHRONOUS", "OFF");
    const ThreadConfigOption memoryJournal("OGR_SQLITE_JOURNAL", "MEMORY");
    const ThreadConfigOption cache("OGR_SQLITE_CACHE", "256"); // MB
    GdalDataset ds;
    const QByteArray tmpUtf8 = tmp.toUtf8();
    if (update) {
        ds.reset(GDALOpenEx(tmpUtf8.constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
    } else {
        const char *driverName = format == VectorFormat::GeoPackage ? "GPKG" : format == VectorFormat::GeoJson ? "GeoJSON" : "CSV";
        GDALDriverH driver = GDALGetDriverByName(driverName);
        ds.reset(driver ? GDALCreate(driver, tmpUtf8.constData(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
    }
    auto fail = [&](const QString &what) {
        ds.reset();
        throw IoError(fileMessage(path, what + (lastGdalError().isEmpty() ? QString() : QStringLiteral(": ") + lastGdalError())));
    };
    if (!ds)
        fail(QStringLiteral("cannot create"));

    for (const NamedLayer &named : layers) {
        const VectorLayer &input = *named.layer;
        const QString name = named.name.isEmpty() ? (input.name().isEmpty() ? target.completeBaseName() : input.name()) : named.name;
        std::optional<VectorLayer> reprojected;
        if (format == VectorFormat::GeoJson && input.crs().isValid() && input.crs().authId() != QLatin1String("EPSG:4326"))
            reprojected = input.reprojected(Crs::fromEpsg(4326));
        const VectorLayer &layer = reprojected ? *reprojected : input;
        QStringList layerOptions;
        if (format == VectorFormat::Csv)
            layerOptions << QStringLiteral("GEOMETRY=AS_WKT");
        if (format == VectorFormat::GeoJson)
            layerOptions << QStringLiteral("RFC7946=YES") << QStringLiteral("WRITE_NAME=NO");
        layerOptions << QStringLiteral("OVERWRITE=YES");
        // GeoPackage: GDAL's R-tree built once after the rows (CreateSpatialIndex) rather
        // than filled by GDAL while they go in; in GDAL 3.6 both insert row by row into
        // SQLite's R-tree (~4.7 s CPU for 490k points), this way took a little less.
        const bool indexAfter = format == VectorFormat::GeoPackage;
        if (indexAfter)
            layerOptions << QStringLiteral("SPATIAL_INDEX=NO");
        const CslList opts = toCsl(layerOptions);
        OgrSrs srs = layer.crs().isValid() ? toSrs(layer.crs()) : OgrSrs();
        OGRLayerH ol = GDALDatasetCreateLayer(ds.get(), name.toUtf8().constData(), srs.get(), ogrGeomType(layer.geometryType()), opts.get());
        if (!ol)
            fail(QStringLiteral("cannot create layer '%1'").arg(name));
        for (const Field &f : layer.fields()) {
            OGRFieldDefnH fd = OGR_Fld_Create(f.name.toUtf8().constData(), ogrType(f.type));
            if (f.type == FieldType::Boolean)
                OGR_Fld_SetSubType(fd, OFSTBoolean);
            const OGRErr err = OGR_L_CreateField(ol, fd, TRUE);
            OGR_Fld_Destroy(fd);
            if (err != OGRERR_NONE)
                fail(QStringLiteral("cannot create field '%1'").arg(f.name));
        }
        writeRows(ol, layer, path, fail);
        if (indexAfter)
            execSql(ds.get(),
                    QStringLiteral("SELECT CreateSpatialIndex(%1, %2)").arg(sqlLiteral(name), sqlLiteral(QString::fromUtf8(OGR_L_GetGeometryColumn(ol)))),
                    fail, QStringLiteral("cannot build the spatial index of '%1'").arg(name));
        Feedback::throwIfCancelAllRequested();
    }
    auto quoted = [](QString id) { return QLatin1Char('"') + id.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"'); };
    for (const FilteredView &view : views) {
        for (int i = 0; i < GDALDatasetGetLayerCount(ds.get()); ++i)
            if (QString::fromUtf8(OGR_L_GetName(GDALDatasetGetLayer(ds.get(), i))).compare(view.name, Qt::CaseInsensitive) == 0) {
                GDALDatasetDeleteLayer(ds.get(), i); // an older table of that name (a view: DROP VIEW below)
                resetGdalError();
                break;
            }
        const QString name = sqlLiteral(view.name), source = sqlLiteral(view.source);
        const QStringList statements = {
            QStringLiteral("DROP VIEW IF EXISTS %1").arg(quoted(view.name)),
            QStringLiteral("DELETE FROM gpkg_geometry_columns WHERE table_name = %1").arg(name),
            QStringLiteral("DELETE FROM gpkg_contents WHERE table_name = %1").arg(name),
            QStringLiteral("CREATE VIEW %1 AS SELECT * FROM %2 WHERE %3").arg(quoted(view.name), quoted(view.source), view.where),
            QStringLiteral("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, "
                           "max_y, srs_id) SELECT %1, 'features', %1, '', last_change, min_x, min_y, max_x, max_y, srs_id FROM "
                           "gpkg_contents WHERE table_name = %2")
                .arg(name, source),
            QStringLiteral("INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) SELECT %1, "
                           "column_name, geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns WHERE table_name = %2")
                .arg(name, source)};
        for (const QString &sql : statements)
            execSql(ds.get(), sql, fail, QStringLiteral("cannot create the view '%1'").arg(view.name));
    }
    ds.reset(); // flush and close
    if (!lastGdalError().isEmpty() && CPLGetLastErrorType() >= CE_Failure)
        fail(QStringLiteral("write failed"));
    output.commit();
}

QString VectorWriter::gdalVersion() { return QString::fromLatin1(GDALVersionInfo("RELEASE_NAME")); }

} // namespace refuge
