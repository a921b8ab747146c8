#include "io/VectorReader.h"
#include "io/GpkgStyles.h"
#include "crs/ChinaOffsets.h"
#include "crs/CoordinateTransform.h"
#include "io/FeatureStream.h"
#include "io/Gdal.h"
#include "io/TextEncoding.h"
#include "io/OgrGeometry.h"
#include "io/PointTable.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDate>
#include <QDir>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>
#include <cmath>
#include <numeric>
#include <optional>
#include <cpl_conv.h>
#include <cpl_string.h>

namespace refuge {

namespace {

bool isCsv(const QString &path) { return QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0; }
bool isShapefile(const QString &path)
{
    const QString s = QFileInfo(path).suffix().toLower();
    return s == QLatin1String("shp") || s == QLatin1String("dbf");
}
bool isOsm(const QString &path)
{
    const QString s = QFileInfo(path).suffix().toLower();
    return s == QLatin1String("osm") || s == QLatin1String("pbf");
}

// The "crs" member of a (legacy) GeoJSON file, for messages; "" if none or not GeoJSON.
QString geoJsonCrsName(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("geojson") && suffix != QLatin1String("json"))
        return {};
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression re(QStringLiteral(R"re("crs"\s*:\s*\{[^{}]*"properties"\s*:\s*\{[^{}]*"name"\s*:\s*"([^"]{1,200})")re"));
    const QRegularExpressionMatch m = re.match(QString::fromUtf8(f.read(65536)));
    return m.hasMatch() ? m.captured(1) : QString();
}

FieldType mapType(OGRFieldDefnH def)
{
    switch (OGR_Fld_GetType(def)) {
    case OFTInteger:
        return OGR_Fld_GetSubType(def) == OFSTBoolean ? FieldType::Boolean : FieldType::Integer;
    case OFTInteger64: return FieldType::Integer;
    case OFTReal: return FieldType::Real;
    case OFTDate: return FieldType::Date;
    case OFTDateTime: return FieldType::DateTime;
    default: return FieldType::String;
    }
}

QVariant readValue(OGRFeatureH f, int i, FieldType type, bool raw)
{
    if (!OGR_F_IsFieldSetAndNotNull(f, i))
        return {};
    switch (type) {
    case FieldType::Integer: return QVariant::fromValue<qint64>(OGR_F_GetFieldAsInteger64(f, i));
    case FieldType::Boolean: return QVariant(OGR_F_GetFieldAsInteger(f, i) != 0);
    case FieldType::Real: return QVariant(OGR_F_GetFieldAsDouble(f, i));
    case FieldType::Date:
    case FieldType::DateTime: {
        int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
        float s = 0;
        OGR_F_GetFieldAsDateTimeEx(f, i, &y, &mo, &d, &h, &mi, &s, &tz);
        if (type == FieldType::Date)
            return QVariant(QDate(y, mo, d));
        return QVariant(QDateTime(QDate(y, mo, d), QTime(h, mi, int(s))));
    }
    case FieldType::String: {
        const char *txt = OGR_F_GetFieldAsString(f, i);
        if (raw)
            return QVariant(QByteArray(txt));
        return QVariant(QString::fromUtf8(txt));
    }
    }
    return {};
}

// The dataset's layers, without a GeoPackage's layer_styles table (GpkgStyles).
std::vector<OGRLayerH> dataLayers(GDALDatasetH ds)
{
    const QString driver = QString::fromUtf8(GDALGetDriverShortName(GDALGetDatasetDriver(ds)));
    std::vector<OGRLayerH> out;
    for (int i = 0; i < GDALDatasetGetLayerCount(ds); ++i) {
        OGRLayerH layer = GDALDatasetGetLayer(ds, i);
        if (!GpkgStyles::isStyleTable(driver, QString::fromUtf8(OGR_L_GetName(layer))))
            out.push_back(layer);
    }
    return out;
}

} // namespace

QStringList VectorReader::layerNames(const QString &path)
{
    GdalDataset ds = openDataset(path, GDAL_OF_VECTOR);
    QStringList names;
    for (OGRLayerH layer : dataLayers(ds.get()))
        names << QString::fromUtf8(OGR_L_GetName(layer));
    return names;
}

OGRLayerH VectorReader::chooseLayer(GDALDatasetH ds, const DataSource &source)
{
    const std::vector<OGRLayerH> layers = dataLayers(ds);
    const int layerCount = int(layers.size());
    if (layerCount == 0)
        throw InvalidInput(fileMessage(source.displayName(), QStringLiteral("contains no vector layer")));
    auto names = [&](int most) {
        QStringList out;
        for (int i = 0; i < layerCount && i < most; ++i)
            out << QString::fromUtf8(OGR_L_GetName(layers[std::size_t(i)]));
        if (layerCount > most)
            out << QStringLiteral("… %1 more").arg(layerCount - most);
        return out.join(QStringLiteral(", "));
    };
    if (!source.layer.isEmpty()) {
        if (OGRLayerH layer = GDALDatasetGetLayerByName(ds, source.layer.toUtf8().constData()))
            return layer;
        throw IoError(fileMessage(redactedSource(source.path), QStringLiteral("no layer '%1' (layers: %2)").arg(source.layer, names(layerCount))));
    }
    if (isOsm(source.path))
        if (OGRLayerH layer = GDALDatasetGetLayerByName(ds, "lines"))
            return layer;
    if (layerCount > 1) {
        const QString driver = QString::fromUtf8(GDALGetDriverShortName(GDALGetDatasetDriver(ds)));
        const bool sheets = driver == QLatin1String("XLSX") || driver == QLatin1String("ODS");
        throw InvalidInput(fileMessage(source.displayName(), QStringLiteral("has %1 %2 (%3); name the one to use as PATH:%4")
                                                                 .arg(layerCount)
                                                                 .arg(sheets ? QStringLiteral("sheets") : QStringLiteral("layers"), names(30),
                                                                      sheets ? QStringLiteral("SHEET") : QStringLiteral("LAYER"))));
    }
    return layers.front();
}

// GDAL drops a CRS it cannot interpret (a .prj PROJ rejects, a GeoJSON "crs" naming an
// unknown code: GeoJSON then even defaults to WGS 84) with only an error message: that
// is an unknown CRS (`unreadable` says why), never "no CRS" or WGS 84.
Crs VectorReader::declaredCrs(OGRLayerH layer, const QString &path, const GdalErrorCollector &gdalErrors, QString &unreadable)
{
    Crs sourceCrs;
    OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer);
    if (const QString projError = gdalErrors.first(QStringLiteral("PROJ:")); !projError.isEmpty())
        unreadable = geoJsonCrsName(path).isEmpty() ? projError : geoJsonCrsName(path) + QStringLiteral(": ") + projError;
    else if (!srs && isShapefile(path) && !siblingFile(path, QStringLiteral("prj")).isEmpty())
        unreadable = QStringLiteral("the .prj file cannot be read");
    if (srs && unreadable.isEmpty()) {
        char *wkt = nullptr;
        const char *wktOptions[] = {"FORMAT=WKT2_2019", nullptr};
        if (OSRExportToWktEx(srs, &wkt, wktOptions) == OGRERR_NONE && wkt) {
            try {
                sourceCrs = Crs::fromUserInput(QString::fromUtf8(wkt));
            } catch (const CrsError &e) {
                unreadable = e.message();
            }
        } else {
            unreadable = QStringLiteral("GDAL cannot export it");
        }
        CPLFree(wkt);
    }
    return sourceCrs;
}

VectorSourceReading VectorReader::open(const DataSource &source, const LoadOptions &options, const GdalErrorCollector &gdalErrors,
                                      bool detectText)
{
    const QString &path = source.path;
    const QString display = source.displayName();
    QStringList openOptions;
    bool rawText = false;
    QString declaredEncoding;
    if (isCsv(path))
        openOptions << QStringLiteral("KEEP_GEOM_COLUMNS=NO") << QStringLiteral("AUTODETECT_TYPE=YES"); // coordinates: PointTable
    if (isShapefile(path)) {
        if (!siblingFile(path, QStringLiteral("dbf")).isEmpty() || QFileInfo(path).suffix().toLower() == QLatin1String("dbf")) {
            declaredEncoding = declaredShapefileEncoding(path);
        } else {
            throw IoError(fileMessage(path, QStringLiteral("the Shapefile has no .dbf file (attributes missing)")));
        }
        if (!options.encoding.isEmpty()) {
            openOptions << QStringLiteral("ENCODING=%1").arg(options.encoding);
        } else if (detectText && (declaredEncoding.isEmpty() || declaredEncoding == QLatin1String("LDID/87"))) {
            // LDID 87 ("ANSI") is what GDAL and many tools write by default, so it says
            // little: Chinese files carry it too. Detect the text as if undeclared.
            openOptions << QStringLiteral("ENCODING=");
            rawText = true;
        }
    }

    GdalDataset ds = openDataset(path, GDAL_OF_VECTOR, openOptions);
    const int layerCount = int(dataLayers(ds.get()).size());
    OGRLayerH layer = chooseLayer(ds.get(), source);

    VectorSourceReading out;
    out.name = source.layer.isEmpty() ? QString::fromUtf8(OGR_L_GetName(layer)) : source.layer;
    if (out.name.isEmpty() || (layerCount == 1 && !isConnectionString(path)))
        out.name = QFileInfo(path).completeBaseName();
    out.driver = QString::fromUtf8(GDALGetDriverShortName(GDALGetDatasetDriver(ds.get())));
    out.rawText = rawText;
    out.declaredEncoding = declaredEncoding;
    if (out.driver == QLatin1String("GPKG"))
        if (const std::optional<GpkgStyle> stored = GpkgStyles::readDefault(ds.get(), QString::fromUtf8(OGR_L_GetName(layer))))
            out.storedStyle = GpkgStyles::refugeStyle(stored->qml);
    LoadReport &report = out.report;

    // A table (sheet, CSV) of points: its coordinate columns made the geometry.
    std::optional<PointTableColumns> table;
    if (OGR_FD_GetGeomFieldCount(OGR_L_GetLayerDefn(layer)) == 0) {
        if (!PointTable::isTableDriver(out.driver))
            throw InvalidInput(fileMessage(display, QStringLiteral("layer has no geometry column")));
        table = PointTable::findColumns(layer, display);
        ds = PointTable::toPoints(layer, *table, options.assumedCrs, out.driver, display, out.rowProblems);
        layer = GDALDatasetGetLayer(ds.get(), 0);
    }

    // CRS (see declaredCrs).
    QString unreadableCrs;
    Crs sourceCrs = declaredCrs(layer, path, gdalErrors, unreadableCrs);
    if (!unreadableCrs.isEmpty()) {
        if (!options.assumedCrs.isValid())
            throw CrsError(fileMessage(display, QStringLiteral("unknown CRS in the file (%1); state one with --crs EPSG:N").arg(unreadableCrs)));
        sourceCrs = Crs();
    }
    if (options.assumedCrs.isValid()) {
        if (sourceCrs.isValid() && !(sourceCrs == options.assumedCrs))
            report.crsNote = QStringLiteral("file CRS %1 overridden by the stated %2").arg(sourceCrs.label(), options.assumedCrs.label());
        else if (!unreadableCrs.isEmpty())
            report.crsNote = QStringLiteral("CRS in the file cannot be read; %1 as stated").arg(options.assumedCrs.label());
        else if (!sourceCrs.isValid())
            report.crsNote = QStringLiteral("no CRS in the file; %1 as stated").arg(options.assumedCrs.label());
        sourceCrs = options.assumedCrs;
    } else if (!sourceCrs.isValid() && table && table->lonLat) {
        sourceCrs = Crs::fromEpsg(4326);
        report.crsNote = QStringLiteral("no CRS in the file; EPSG:4326 assumed from lon/lat columns");
    }
    if (!sourceCrs.isValid()) {
        if (table)
            throw CrsError(fileMessage(display, QStringLiteral("%1/%2 columns have no CRS; state one with --crs EPSG:N").arg(table->xName, table->yName)));
        if (isShapefile(path))
            throw CrsError(fileMessage(display, QStringLiteral("no CRS: the Shapefile has no .prj file; state one with --crs EPSG:N")));
        throw CrsError(fileMessage(display, QStringLiteral("no CRS in the file; state one with --crs EPSG:N")));
    }
    out.sourceCrs = sourceCrs;
    out.crs = options.targetCrs.isValid() ? options.targetCrs : sourceCrs;
    if (!(out.crs == sourceCrs))
        out.transform = std::make_unique<CoordinateTransform>(sourceCrs, out.crs);
    out.layer = layer;
    out.dataset = std::move(ds);
    return out;
}

const QString VectorReader::kUnrepairable = QStringLiteral("invalid geometry that cannot be repaired");
const QString VectorReader::kOtherType = QStringLiteral("another geometry type than the layer's");

bool VectorReader::acceptGeometry(OGRGeometryH og, bool readFailed, qint64 fid, const VectorSourceReading &src, Geometry &g, LoadReport &report)
{
    if (!og) {
        const auto tableRow = src.rowProblems.find(fid);
        const bool noCoordinates = !readFailed && tableRow != src.rowProblems.end();
        ++(readFailed ? report.unreadable : report.nullGeometry); // a table row: named by row in messages()
        report.drop(fid, readFailed ? QStringLiteral("unreadable") : noCoordinates ? tableRow->second : QStringLiteral("no geometry"));
        return false;
    }
    // OGR calls a point with a NaN coordinate empty: it is a bad coordinate, not "empty".
    const bool nanPoint = wkbFlatten(OGR_G_GetGeometryType(og)) == wkbPoint && OGR_G_IsEmpty(og)
        && !(std::isfinite(OGR_G_GetX(og, 0)) && std::isfinite(OGR_G_GetY(og, 0)))
        && !(OGR_G_GetX(og, 0) == 0 && OGR_G_GetY(og, 0) == 0);
    g = nanPoint ? Geometry() : fromOgr(og);
    if (!nanPoint && (g.isEmpty() || g.type() == GeometryType::Unknown)) {
        ++report.emptyGeometry;
        report.drop(fid, QStringLiteral("empty geometry"));
        return false;
    }
    if (nanPoint || !g.allFinite()) {
        ++report.nonFinite;
        report.drop(fid, QStringLiteral("non-finite coordinate"));
        return false;
    }
    if (outsideRange(g.bounds(), src.sourceCrs.isGeographic())) {
        ++report.outsideCrs;
        report.drop(fid, QStringLiteral("coordinate out of range for %1").arg(src.sourceCrs.authId()));
        return false;
    }
    if (src.transform) {
        try {
            src.transform->transformInPlace(g);
        } catch (const CrsError &) {
            ++report.outsideCrs;
            report.drop(fid, QStringLiteral("cannot be reprojected to %1").arg(src.crs.authId()));
            return false;
        }
    }
    return true;
}

std::vector<qint64> VectorReader::fidsAt(OGRLayerH layer, const std::vector<qint64> &positions)
{
    std::vector<qint64> out;
    if (positions.empty())
        return out;
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    CslList ignored = toCsl({QStringLiteral("OGR_GEOMETRY"), QStringLiteral("OGR_STYLE")});
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
        ignored.reset(CSLAddString(ignored.release(), OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i))));
    OGR_L_SetIgnoredFields(layer, const_cast<const char **>(ignored.get()));
    OGR_L_ResetReading(layer);
    qint64 at = 0;
    std::size_t next = 0;
    for (OgrFeature f(OGR_L_GetNextFeature(layer)); f && next < positions.size(); f.reset(OGR_L_GetNextFeature(layer)), ++at)
        while (next < positions.size() && positions[next] == at) {
            out.push_back(OGR_F_GetFID(f.get()));
            ++next;
        }
    out.resize(positions.size(), -1);
    OGR_L_SetIgnoredFields(layer, nullptr);
    return out;
}

bool VectorReader::outsideRange(const QRectF &b, bool geographic)
{
    const double limit = geographic ? 0 : 1e10;
    return geographic ? (b.left() < -540 || b.right() > 540 || b.top() < -90.000001 || b.bottom() > 90.000001)
                      : (std::abs(b.left()) > limit || std::abs(b.right()) > limit || std::abs(b.top()) > limit || std::abs(b.bottom()) > limit);
}

bool VectorReader::repairPolygon(Geometry &g, LoadReport &report)
{
    bool ok = true;
    for (int r = 0; r < g.ringCount(); ++r)
        ok = ok && g.ringSize(r) >= 4;
    if (!ok) {
        // Too few points for GEOS rings.
        ++report.unrepairable;
        return false;
    }
    GEOSContextHandle_t ctx = geosContext();
    GeosGeom gg = g.toGeos();
    if (GEOSisValid_r(ctx, gg.get()) == 1)
        return true;
    GeosGeom fixed;
    try {
        fixed = checkedGeos(GEOSMakeValid_r(ctx, gg.get()), "MakeValid");
    } catch (const GeometryError &) {
        ++report.unrepairable;
        return false;
    }
    Geometry repaired = Geometry::fromGeos(fixed.get());
    if (repaired.isEmpty() || dimension(repaired.type()) != 2) {
        ++report.unrepairable;
        return false;
    }
    g = std::move(repaired);
    ++report.repaired;
    return true;
}

FieldType VectorReader::fieldType(OGRFieldDefnH def) { return mapType(def); }

QVariant VectorReader::fieldValue(OGRFeatureH f, int field, FieldType type, bool raw) { return readValue(f, field, type, raw); }

int VectorReader::declaredDimension(OGRLayerH layer)
{
    switch (wkbFlatten(OGR_L_GetGeomType(layer))) {
    case wkbPoint: case wkbMultiPoint: return 0;
    case wkbLineString: case wkbMultiLineString: return 1;
    case wkbPolygon: case wkbMultiPolygon: return 2;
    default: return -1;
    }
}

VectorLayer VectorReader::read(const DataSource &source, const LoadOptions &options, Feedback *feedback)
{
    const QString display = source.displayName();
    FeatureStream stream(source, options);
    const bool rawText = stream.rawText();
    const QString &declaredEncoding = stream.declaredEncoding();
    VectorLayer out;
    out.m_source = source;
    out.m_name = stream.name();
    out.m_driver = stream.driver();
    out.m_storedStyle = stream.storedStyle();
    out.m_sourceCrs = stream.sourceCrs();
    out.m_crs = stream.crs();
    out.m_report = stream.report();
    LoadReport &report = out.m_report;

    // Fields
    out.m_fields = stream.fields();
    const int fieldCount = int(out.m_fields.size());
    out.m_columns.resize(out.m_fields.size());
    const int idField = options.idField.isEmpty() ? -1 : fieldIndex(out.m_fields, options.idField);

    // Features: read all, then keep the dominant dimension.
    const qint64 expected = stream.featureCount();
    std::vector<Geometry> geoms;
    std::vector<int> dims;
    std::vector<qint64> fids;
    std::vector<std::vector<QVariant>> cols(out.m_fields.size());
    int dimCount[3] = {0, 0, 0};
    std::vector<int> all(out.m_fields.size());
    std::iota(all.begin(), all.end(), 0);
    // A feature whose read raised a GDAL error (a truncated .shp record, a corrupt
    // page) is counted as unreadable, not as "no geometry"; see also after the loop.
    stream.start(all, false);
    while (stream.next()) {
        ++report.read;
        if (feedback && (report.read & 1023) == 0) {
            feedback->throwIfCanceled();
            if (expected > 0)
                feedback->setProgress(90.0 * double(report.read) / double(expected));
        }
        Geometry g;
        if (!stream.acceptGeometry(g, report)) {
            if (idField >= 0)
                report.dropped.back().id = stream.value(idField).toString();
            continue;
        }
        const int d = dimension(g.type());
        ++dimCount[d];
        dims.push_back(d);
        geoms.push_back(std::move(g));
        fids.push_back(stream.fid());
        for (int i = 0; i < fieldCount; ++i)
            cols[std::size_t(i)].push_back(stream.value(i));
    }
    if (const QString failure = stream.failure(); !failure.isEmpty()) {
        report.readError = failure;
        if (report.read == 0)
            throw IoError(fileMessage(display, report.readError));
        // Reading stopped early on an error: the features the layer declares but that
        // never came are unreadable too (never silently fewer features).
        if (expected > report.read) {
            report.unreadable += expected - report.read;
            report.read = expected;
        }
    }

    // Layer type: the declared one, else the most common dimension (ties: higher).
    int layerDim = stream.declaredDimension();
    if (layerDim < 0)
        for (int d = 0; d < 3; ++d)
            if (dimCount[d] > 0 && (layerDim < 0 || dimCount[d] >= dimCount[layerDim]))
                layerDim = d;
    if (layerDim < 0)
        layerDim = 0;

    // Text encoding of undeclared shapefiles.
    if (rawText) {
        std::vector<QByteArray> samples;
        for (std::size_t c = 0; c < cols.size(); ++c)
            if (out.m_fields[c].type == FieldType::String)
                for (const QVariant &v : cols[c])
                    if (v.isValid())
                        samples.push_back(v.toByteArray());
        report.encoding = guessEncoding(samples);
        bool nonAscii = false;
        for (const QByteArray &s : samples)
            for (char ch : s)
                nonAscii = nonAscii || quint8(ch) >= 0x80;
        if (nonAscii)
            report.encodingNote = QStringLiteral("no .cpg file%2: text encoding detected as %1 (state the encoding, e.g. --encoding %1, if this is wrong)")
                                      .arg(report.encoding, declaredEncoding.isEmpty() ? QString() : QStringLiteral(" (the DBF only says ANSI, LDID 87)"));
        for (std::size_t c = 0; c < cols.size(); ++c)
            if (out.m_fields[c].type == FieldType::String)
                for (QVariant &v : cols[c])
                    if (v.isValid())
                        v = decodeText(v.toByteArray(), report.encoding);
        // Field names are raw bytes too.
        for (int i = 0; i < fieldCount; ++i)
            out.m_fields[std::size_t(i)].name = decodeText(stream.rawName(i), report.encoding);
    } else if (!options.encoding.isEmpty()) {
        report.encoding = options.encoding;
    } else if (!declaredEncoding.isEmpty()) {
        report.encoding = declaredEncoding;
    } else {
        report.encoding = QStringLiteral("UTF-8");
    }

    // Keep features of the layer's dimension; repair invalid polygons.
    bool anyMulti = false;
    auto drop = [&](std::size_t i, const QString &reason) {
        report.drop(fids[i], reason, idField >= 0 ? cols[std::size_t(idField)][i].toString() : QString());
    };
    for (std::size_t i = 0; i < geoms.size(); ++i) {
        if (dims[i] != layerDim) {
            ++report.otherDimension;
            drop(i, kOtherType);
            continue;
        }
        Geometry &g = geoms[i];
        if (layerDim == 1) {
            bool degenerate = false;
            for (int r = 0; r < g.ringCount(); ++r)
                degenerate = degenerate || g.ringSize(r) < 2;
            if (degenerate) {
                ++report.unrepairable;
                drop(i, QStringLiteral("a line of one point"));
                continue;
            }
        }
        if (layerDim == 2 && options.repairInvalid && !repairPolygon(g, report)) {
            drop(i, kUnrepairable);
            continue;
        }
        anyMulti = anyMulti || g.partCount() > 1 || g.type() == multiType(g.type());
        out.m_geometries.push_back(std::move(g));
        out.m_fids.push_back(fids[i]);
        for (std::size_t c = 0; c < cols.size(); ++c)
            out.m_columns[c].push_back(std::move(cols[c][i]));
    }
    const GeometryType single[] = {GeometryType::Point, GeometryType::LineString, GeometryType::Polygon};
    out.m_type = anyMulti ? multiType(single[layerDim]) : single[layerDim];
    if (anyMulti)
        for (Geometry &g : out.m_geometries)
            g.setType(multiType(g.type()));
    report.loaded = out.featureCount();
    out.buildIndex();
    if (feedback)
        feedback->setProgress(100.0);
    return out;
}

VectorLayer VectorLayer::load(const DataSource &source, const LoadOptions &options, Feedback *feedback)
{
    try {
        VectorLayer layer = VectorReader::read(source, options, feedback);
        // Kept in GCJ-02/BD-09 (not transformed): its points must still be where the offset is defined.
        if (const auto offset = layer.crs().chinaOffset())
            for (int i = 0; i < layer.featureCount(); ++i)
                for (const QPointF &p : layer.geometry(i).points())
                    requireInsideChinaOffsetArea(p, *offset);
        return layer;
    } catch (const OutsideChinaOffsetArea &e) { // a GCJ-02/BD-09 table with points outside China
        throw InvalidInput(fileMessage(source.displayName(), e.message()));
    }
}

QStringList VectorLayer::layerNames(const QString &path) { return VectorReader::layerNames(path); }

} // namespace refuge
