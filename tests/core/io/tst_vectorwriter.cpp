// VectorWriter: GeoPackage (typed fields, Chinese text, nulls, update keeps other layers),
// GeoJSON (RFC 7946: reprojected to EPSG:4326), CSV (WKT geometry), atomic replace.
// Files written are read back independently with the OGR C API, not only with our reader.
#include "io/Gdal.h"
#include "io/VectorWriter.h"
#include "util/Error.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

#include "TestSupport.h"

using namespace refuge;

namespace {

VectorLayer sampleLayer()
{
    VectorLayer l(QStringLiteral("sites"), GeometryType::Point, Crs::fromEpsg(26986));
    l.addField({QStringLiteral("name"), FieldType::String});
    l.addField({QStringLiteral("count"), FieldType::Integer});
    l.addField({QStringLiteral("share"), FieldType::Real});
    l.addField({QStringLiteral("opened"), FieldType::Date});
    l.addField({QStringLiteral("checked"), FieldType::DateTime});
    l.addField({QStringLiteral("indoor"), FieldType::Boolean});
    // (231379.7510, 902636.3042) is Harvard Square, (-71.1190, 42.3736) per cs2cs
    l.addFeature(Geometry::point({231379.7510, 902636.3042}),
                 {QStringLiteral("人民广场避难场所"), qint64(5000000000), 0.25, QDate(2024, 2, 29), QDateTime(QDate(2025, 6, 1), QTime(13, 45, 10)), true});
    l.addFeature(Geometry::point({230000, 900000}), {QStringLiteral("Main St"), QVariant(), QVariant(), QVariant(), QVariant(), false});
    l.addFeature(Geometry(GeometryType::Point), {QStringLiteral("no geometry"), 3, 1.5, QVariant(), QVariant(), QVariant()});
    return l;
}

struct OgrRead {
    QString driver;
    QStringList layers;
    int count = 0;
    QString authority;
    QStringList fieldNames;
    QStringList wkt;
};

// Reads a file with the OGR C API only.
OgrRead ogrRead(const QString &path, const QString &layerName = {})
{
    ensureGdal();
    OgrRead r;
    GdalDataset ds(GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!ds)
        return r;
    r.driver = QString::fromUtf8(GDALGetDriverShortName(GDALGetDatasetDriver(ds.get())));
    for (int i = 0; i < GDALDatasetGetLayerCount(ds.get()); ++i)
        r.layers << QString::fromUtf8(OGR_L_GetName(GDALDatasetGetLayer(ds.get(), i)));
    OGRLayerH l = layerName.isEmpty() ? GDALDatasetGetLayer(ds.get(), 0) : GDALDatasetGetLayerByName(ds.get(), layerName.toUtf8().constData());
    if (!l)
        return r;
    r.count = int(OGR_L_GetFeatureCount(l, TRUE));
    if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(l))
        r.authority = QStringLiteral("%1:%2").arg(QString::fromUtf8(OSRGetAuthorityName(srs, nullptr)), QString::fromUtf8(OSRGetAuthorityCode(srs, nullptr)));
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(l);
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
        r.fieldNames << QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
    OGR_L_ResetReading(l);
    for (OgrFeature f(OGR_L_GetNextFeature(l)); f; f.reset(OGR_L_GetNextFeature(l))) {
        OGRGeometryH g = OGR_F_GetGeometryRef(f.get());
        char *wkt = nullptr;
        if (g)
            OGR_G_ExportToWkt(g, &wkt);
        r.wkt << (wkt ? QString::fromUtf8(wkt) : QStringLiteral("null"));
        CPLFree(wkt);
    }
    return r;
}

QStringList filesIn(const QString &dir) { return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::Dirs | QDir::NoDotAndDotDot); }

} // namespace

class TestVectorWriter : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void formatFor_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("format");
        QTest::newRow("gpkg") << "out/a.gpkg" << int(VectorFormat::GeoPackage);
        QTest::newRow("GPKG upper") << "A.GPKG" << int(VectorFormat::GeoPackage);
        QTest::newRow("geojson") << "a.geojson" << int(VectorFormat::GeoJson);
        QTest::newRow("json") << "a.json" << int(VectorFormat::GeoJson);
        QTest::newRow("csv") << "表.csv" << int(VectorFormat::Csv);
    }

    void formatFor()
    {
        QFETCH(QString, path);
        QFETCH(int, format);
        QCOMPARE(int(VectorWriter::formatFor(path)), format);
    }

    void unsupportedFormat()
    {
        const QString path = m_tmp.filePath(QStringLiteral("a.shp"));
        try {
            VectorWriter::write(sampleLayer(), path);
            QFAIL("expected InvalidInput");
        } catch (const InvalidInput &e) {
            QCOMPARE(e.message(), path + QStringLiteral(": unsupported output format (use .gpkg, .geojson or .csv)"));
        }
        QVERIFY(!QFile::exists(path));
    }

    void geopackageRoundTrip()
    {
        const QString path = m_tmp.filePath(QStringLiteral("gpkg/results.gpkg"));
        VectorWriter::write(sampleLayer(), path);
        const OgrRead o = ogrRead(path);
        QCOMPARE(o.driver, QStringLiteral("GPKG"));
        QCOMPARE(o.layers, QStringList{QStringLiteral("sites")});
        QCOMPARE(o.count, 3);
        QCOMPARE(o.authority, QStringLiteral("EPSG:26986"));
        QCOMPARE(o.fieldNames, (QStringList{"name", "count", "share", "opened", "checked", "indoor"}));
        QCOMPARE(o.wkt, (QStringList{"POINT (231379.751 902636.3042)", "POINT (230000 900000)", "null"}));
        // and back through VectorLayer::load: types and values survive
        const VectorLayer l = VectorLayer::load(DataSource{path, QStringLiteral("sites")});
        QCOMPARE(l.report().read, qint64(3));
        QCOMPARE(l.report().nullGeometry, qint64(1));
        QCOMPARE(l.featureCount(), 2);
        QCOMPARE(l.crs().authId(), QStringLiteral("EPSG:26986"));
        QCOMPARE(l.fields(), (Fields{{"name", FieldType::String}, {"count", FieldType::Integer}, {"share", FieldType::Real},
                                     {"opened", FieldType::Date}, {"checked", FieldType::DateTime}, {"indoor", FieldType::Boolean}}));
        QCOMPARE(l.attribute(0, 0).toString(), QStringLiteral("人民广场避难场所"));
        QCOMPARE(l.attribute(0, 1).toLongLong(), qint64(5000000000));
        QCOMPARE(l.attribute(0, 2).toDouble(), 0.25);
        QCOMPARE(l.attribute(0, 3).toDate(), QDate(2024, 2, 29));
        QCOMPARE(l.attribute(0, 4).toDateTime(), QDateTime(QDate(2025, 6, 1), QTime(13, 45, 10)));
        QCOMPARE(l.attribute(0, 5).toBool(), true);
        QCOMPARE(l.attribute(1, 5).toBool(), false);
        QVERIFY(!l.attribute(1, 1).isValid()); // null stays null
        QVERIFY(!l.attribute(1, 3).isValid());
        QCOMPARE(l.geometry(0).points()[0], QPointF(231379.7510, 902636.3042));
        // nothing but the result is left in the folder
        QCOMPARE(filesIn(QFileInfo(path).absolutePath()), QStringList{QStringLiteral("results.gpkg")});
    }

    // Text (Chinese), 64-bit integers, reals (NaN as null), booleans, nulls, a null
    // geometry, a polygon with a hole and a multipolygon come back through OGR as
    // written (one OGRFeature is reused for every row: no value of one row is left in
    // the next), with GDAL's feature count and extent.
    void geopackageRows()
    {
        VectorLayer l(QStringLiteral("zones"), GeometryType::MultiPolygon, Crs::fromEpsg(26986));
        l.addField({QStringLiteral("name"), FieldType::String});
        l.addField({QStringLiteral("count"), FieldType::Integer});
        l.addField({QStringLiteral("share"), FieldType::Real});
        l.addField({QStringLiteral("ok"), FieldType::Boolean});
        Geometry holed = Geometry::polygon({{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, {{2, 2}, {4, 2}, {4, 4}, {2, 2}}});
        holed.setType(GeometryType::MultiPolygon);
        Geometry two = Geometry::polygon({{{20, 0}, {30, 0}, {30, 5}, {20, 0}}});
        two.beginPart();
        const std::vector<QPointF> second{{40, 0}, {50, 0}, {50, 8}, {40, 0}};
        two.addRing(second);
        two.setType(GeometryType::MultiPolygon);
        l.addFeature(holed, {QStringLiteral("徐汇区 \"north\", 1"), qint64(5000000000), 0.25, true});
        l.addFeature(two, {QVariant(), QVariant(), std::nan(""), false});
        l.addFeature(Geometry(GeometryType::MultiPolygon), {QStringLiteral("no geometry"), -3, -1.5, QVariant()});
        const QString path = m_tmp.filePath(QStringLiteral("bulk/zones.gpkg"));
        VectorWriter::write(l, path);
        const OgrRead o = ogrRead(path);
        QCOMPARE(o.count, 3);
        QCOMPARE(o.fieldNames, (QStringList{"name", "count", "share", "ok"}));
        QCOMPARE(o.wkt, (QStringList{"MULTIPOLYGON (((0 0,10 0,10 10,0 10,0 0),(2 2,4 2,4 4,2 2)))",
                                     "MULTIPOLYGON (((20 0,30 0,30 5,20 0)),((40 0,50 0,50 8,40 0)))", "null"}));
        ensureGdal();
        GdalDataset ds(GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
        OGRLayerH ol = GDALDatasetGetLayer(ds.get(), 0);
        OGREnvelope e;
        QCOMPARE(OGR_L_GetExtent(ol, &e, FALSE), OGRERR_NONE);
        QCOMPARE((QList<double>{e.MinX, e.MinY, e.MaxX, e.MaxY}), (QList<double>{0, 0, 50, 10}));
        QCOMPARE(OGR_Fld_GetSubType(OGR_FD_GetFieldDefn(OGR_L_GetLayerDefn(ol), 3)), OFSTBoolean);
        OGR_L_ResetReading(ol);
        OgrFeature a(OGR_L_GetNextFeature(ol)), b(OGR_L_GetNextFeature(ol)), c(OGR_L_GetNextFeature(ol));
        QCOMPARE(OGR_F_GetFID(a.get()), GIntBig(1));
        QCOMPARE(QString::fromUtf8(OGR_F_GetFieldAsString(a.get(), 0)), QStringLiteral("徐汇区 \"north\", 1"));
        QCOMPARE(OGR_F_GetFieldAsInteger64(a.get(), 1), GIntBig(5000000000));
        QCOMPARE(OGR_F_GetFieldAsDouble(a.get(), 2), 0.25);
        QCOMPARE(OGR_F_GetFieldAsInteger(a.get(), 3), 1);
        for (int f : {0, 1, 2})
            QVERIFY(OGR_F_IsFieldNull(b.get(), f));
        QCOMPARE(OGR_F_GetFieldAsInteger(b.get(), 3), 0);
        QCOMPARE(OGR_F_GetFieldAsInteger64(c.get(), 1), GIntBig(-3));
        QCOMPARE(OGR_F_GetFieldAsDouble(c.get(), 2), -1.5);
        QVERIFY(OGR_F_IsFieldNull(c.get(), 3));
        QCOMPARE(OGR_F_GetGeometryRef(c.get()), OGRGeometryH(nullptr));
        // the R-tree: the two geometries, found through it
        OGR_L_SetSpatialFilterRect(ol, 35, -1, 60, 1);
        QCOMPARE(OGR_L_GetFeatureCount(ol, TRUE), GIntBig(1));
    }

    void geopackageUpdateKeepsOtherLayers()
    {
        const QString path = m_tmp.filePath(QStringLiteral("update/out.gpkg"));
        VectorLayer a = sampleLayer();
        VectorWriter::write(a, path, QStringLiteral("a"));
        VectorWriter::write(a, path, QStringLiteral("b"));
        QCOMPARE(ogrRead(path).layers, (QStringList{"a", "b"}));
        // rewriting "a" with one feature replaces it and keeps "b"
        VectorLayer one(QStringLiteral("one"), GeometryType::Polygon, Crs::fromEpsg(26986));
        one.addFeature(Geometry::polygon({{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}}));
        VectorWriter::write(one, path, QStringLiteral("a"));
        const OgrRead o = ogrRead(path, QStringLiteral("a"));
        QCOMPARE(o.layers.size(), 2);
        QVERIFY(o.layers.contains(QStringLiteral("a")) && o.layers.contains(QStringLiteral("b")));
        QCOMPARE(o.count, 1);
        QCOMPARE(o.wkt, QStringList{QStringLiteral("POLYGON ((0 0,10 0,10 10,0 10,0 0))")});
        QCOMPARE(ogrRead(path, QStringLiteral("b")).count, 3);
        QCOMPARE(VectorLayer::load(DataSource{path, QStringLiteral("a")}).geometry(0).area(), 100.0);
        QCOMPARE(filesIn(QFileInfo(path).absolutePath()), QStringList{QStringLiteral("out.gpkg")});
    }

    // Several layers in one pass: all there, in order, other layers of the file kept;
    // only GeoPackages take several.
    void writeAllLayersAtOnce()
    {
        const QString path = m_tmp.filePath(QStringLiteral("all/out.gpkg"));
        const VectorLayer a = sampleLayer();
        VectorLayer one(QStringLiteral("one"), GeometryType::Polygon, Crs::fromEpsg(26986));
        one.addFeature(Geometry::polygon({{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}}));
        VectorWriter::write(a, path, QStringLiteral("kept"));
        VectorWriter::writeAll({{QStringLiteral("first"), &a}, {QString(), &one}, {QStringLiteral("third"), &a}}, path);
        QCOMPARE(ogrRead(path).layers, (QStringList{"kept", "first", "one", "third"}));
        QCOMPARE(ogrRead(path, QStringLiteral("first")).count, 3);
        QCOMPARE(ogrRead(path, QStringLiteral("one")).wkt, QStringList{QStringLiteral("POLYGON ((0 0,10 0,10 10,0 10,0 0))")});
        QCOMPARE(ogrRead(path, QStringLiteral("third")).count, 3);
        QCOMPARE(filesIn(QFileInfo(path).absolutePath()), QStringList{QStringLiteral("out.gpkg")});
        // A view: the rows of "first" with count > 1 (one of three), read back by GDAL as a layer.
        VectorWriter::writeAll({{QStringLiteral("first"), &a}}, path,
                               {{QStringLiteral("big \"counts\""), QStringLiteral("first"), QStringLiteral("\"count\" > 1")}});
        const OgrRead view = ogrRead(path, QStringLiteral("big \"counts\""));
        QVERIFY(view.layers.contains(QStringLiteral("big \"counts\"")));
        QCOMPARE(view.count, 2); // 5000000000 and 3
        QCOMPARE(view.authority, QStringLiteral("EPSG:26986"));
        QCOMPARE(view.fieldNames, ogrRead(path, QStringLiteral("first")).fieldNames);
        // Written again: the view is replaced, not duplicated.
        VectorWriter::writeAll({{QStringLiteral("first"), &a}}, path, {{QStringLiteral("big \"counts\""), QStringLiteral("first"), QStringLiteral("\"count\" = 3")}});
        QCOMPARE(ogrRead(path, QStringLiteral("big \"counts\"")).count, 1);
        QCOMPARE(ogrRead(path).layers.count(QStringLiteral("big \"counts\"")), 1);
        const QString json = m_tmp.filePath(QStringLiteral("all/out.geojson"));
        QVERIFY_THROWS_EXCEPTION(InvalidInput, VectorWriter::writeAll({{QStringLiteral("a"), &a}, {QStringLiteral("b"), &a}}, json));
        QVERIFY(!QFile::exists(json));
    }

    // RFC 7946: GeoJSON is always lon/lat WGS 84; the writer reprojects.
    void geojsonIsWgs84()
    {
        const QString path = m_tmp.filePath(QStringLiteral("json/sites.geojson"));
        VectorWriter::write(sampleLayer(), path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(doc.value(QStringLiteral("type")).toString(), QStringLiteral("FeatureCollection"));
        QVERIFY(!doc.contains(QStringLiteral("crs")));
        const QJsonArray features = doc.value(QStringLiteral("features")).toArray();
        QCOMPARE(features.size(), 3);
        const QJsonArray c = features[0].toObject().value(QStringLiteral("geometry")).toObject().value(QStringLiteral("coordinates")).toArray();
        // cs2cs: (-71.1190, 42.3736); RFC 7946 output keeps 7 decimals
        QVERIFY2(std::abs(c[0].toDouble() + 71.1190) < 1e-6 && std::abs(c[1].toDouble() - 42.3736) < 1e-6,
                 qPrintable(QStringLiteral("%1 %2").arg(c[0].toDouble(), 0, 'f', 8).arg(c[1].toDouble(), 0, 'f', 8)));
        QCOMPARE(features[0].toObject().value(QStringLiteral("properties")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("人民广场避难场所"));
        QVERIFY(features[2].toObject().value(QStringLiteral("geometry")).isNull());
        const VectorLayer back = VectorLayer::load(DataSource{path, {}});
        QCOMPARE(back.crs().authId(), QStringLiteral("EPSG:4326"));
        QCOMPARE(back.featureCount(), 2);
    }

    void csvWithWkt()
    {
        const QString path = m_tmp.filePath(QStringLiteral("csv/sites.csv"));
        VectorWriter::write(sampleLayer(), path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0].trimmed(), QStringLiteral("WKT,name,count,share,opened,checked,indoor"));
        QVERIFY2(lines[1].startsWith(QStringLiteral("\"POINT (231379.751 902636.3042)\",人民广场避难场所,\"5000000000\",0.25,2024/02/29,2025/06/01 13:45:10,\"1\"")),
                 qPrintable(lines[1]));
        QVERIFY2(lines[2].startsWith(QLatin1String("\"POINT (230000 900000)\",Main St,,,,,\"0\"")), qPrintable(lines[2]));
        QVERIFY2(lines[3].startsWith(QLatin1String(",no geometry,\"3\",1.5")), qPrintable(lines[3])); // GDAL quotes Integer64 values
        QCOMPARE(filesIn(QFileInfo(path).absolutePath()), QStringList{QStringLiteral("sites.csv")});
        // read back with a stated CRS: the WKT column is the geometry
        LoadOptions opts;
        opts.assumedCrs = Crs::fromEpsg(26986);
        const VectorLayer back = VectorLayer::load(DataSource{path, {}}, opts);
        QCOMPARE(back.featureCount(), 2);
        QCOMPARE(back.geometry(1).points()[0], QPointF(230000, 900000));
    }

    // A failed write leaves the previous file as it was and no temporary file behind.
    void failedWriteIsAtomic()
    {
        const QString path = m_tmp.filePath(QStringLiteral("atomic/out.gpkg"));
        VectorWriter::write(sampleLayer(), path, QStringLiteral("sites"));
        const QByteArray before = test::sha256(path);
        QVERIFY(!before.isEmpty());
        // two fields whose names differ only by case: SQLite refuses the second
        VectorLayer bad(QStringLiteral("bad"), GeometryType::Point, Crs::fromEpsg(26986));
        bad.addField({QStringLiteral("Name"), FieldType::String});
        bad.addField({QStringLiteral("NAME"), FieldType::String});
        bad.addFeature(Geometry::point({1, 2}), {QStringLiteral("a"), QStringLiteral("b")});
        try {
            VectorWriter::write(bad, path, QStringLiteral("bad"));
            QFAIL("expected IoError");
        } catch (const IoError &e) {
            // GDAL accepts the second field and fails on the first feature (GDAL 3.6)
            QVERIFY2(e.message().startsWith(path + QStringLiteral(": cannot ")), qPrintable(e.message()));
        }
        QCOMPARE(test::sha256(path), before);
        QCOMPARE(filesIn(QFileInfo(path).absolutePath()), QStringList{QStringLiteral("out.gpkg")});
        QCOMPARE(ogrRead(path).layers, QStringList{QStringLiteral("sites")});
    }

    // Every GeoPackage layer gets GDAL's R-tree: registered, one entry per feature with a
    // geometry, accepted by SQLite's rtreecheck(), and a spatial filter through it finds
    // exactly the points in the box; a feature added later by GDAL is indexed too.
    void geopackageSpatialIndexAfterRows()
    {
        VectorLayer grid(QStringLiteral("grid"), GeometryType::Point, Crs::fromEpsg(26986));
        grid.addField({QStringLiteral("k"), FieldType::Integer});
        for (int i = 0; i < 60; ++i)
            for (int j = 0; j < 50; ++j)
                grid.addFeature(Geometry::point({1000.0 + 10 * i, 2000.0 + 10 * j}), {i * 50 + j});
        grid.addFeature(Geometry(GeometryType::Point), {-1}); // no geometry: no R-tree entry
        const QString path = m_tmp.filePath(QStringLiteral("rtree/grid.gpkg"));
        VectorWriter::write(grid, path);
        ensureGdal();
        GdalDataset ds(GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
        QVERIFY(ds);
        auto text = [&](const char *sql) {
            OGRLayerH r = GDALDatasetExecuteSQL(ds.get(), sql, nullptr, nullptr);
            if (!r)
                return QString();
            OgrFeature f(OGR_L_GetNextFeature(r));
            const QString t = f ? QString::fromUtf8(OGR_F_GetFieldAsString(f.get(), 0)) : QString();
            GDALDatasetReleaseResultSet(ds.get(), r);
            return t;
        };
        auto count = [&](const char *sql) {
            OGRLayerH r = GDALDatasetExecuteSQL(ds.get(), sql, nullptr, nullptr);
            if (!r)
                return qint64(-1);
            OgrFeature f(OGR_L_GetNextFeature(r));
            const qint64 n = f ? OGR_F_GetFieldAsInteger64(f.get(), 0) : -1;
            GDALDatasetReleaseResultSet(ds.get(), r);
            return n;
        };
        QCOMPARE(count("SELECT COUNT(*) FROM rtree_grid_geom"), qint64(3000));
        QCOMPARE(text("SELECT rtreecheck('rtree_grid_geom')"), QStringLiteral("ok"));
        QCOMPARE(count("SELECT COUNT(*) FROM rtree_grid_geom WHERE minx >= 1095 AND maxx <= 1205 AND miny >= 1995 AND maxy <= 2095"), qint64(110));
        QCOMPARE(count("SELECT COUNT(*) FROM gpkg_extensions WHERE table_name = 'grid' AND extension_name = 'gpkg_rtree_index'"), qint64(1));
        QCOMPARE(count("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_grid_geom_%'") > 0, true);
        OGRLayerH layer = GDALDatasetGetLayerByName(ds.get(), "grid");
        QVERIFY(layer);
        QCOMPARE(OGR_L_TestCapability(layer, OLCFastSpatialFilter), 1);
        // x 1095..1205 holds i = 10..20 (11 columns), y 2000..2095 holds j = 0..9 (10 rows)
        OGR_L_SetSpatialFilterRect(layer, 1095, 1995, 1205, 2095);
        QCOMPARE(OGR_L_GetFeatureCount(layer, TRUE), GIntBig(110));
        ds.reset();
        // GDAL adds a feature to the file: it goes into the R-tree.
        GdalDataset update(GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
        QVERIFY(update);
        OGRLayerH ul = GDALDatasetGetLayerByName(update.get(), "grid");
        OgrFeature extra(OGR_F_Create(OGR_L_GetLayerDefn(ul)));
        OGRGeometryH pt = OGR_G_CreateGeometry(wkbPoint);
        OGR_G_SetPoint_2D(pt, 0, 1100, 2000.5);
        OGR_F_SetGeometryDirectly(extra.get(), pt);
        QCOMPARE(OGR_L_CreateFeature(ul, extra.get()), OGRERR_NONE);
        OGR_L_SetSpatialFilterRect(ul, 1095, 1995, 1205, 2095);
        QCOMPARE(OGR_L_GetFeatureCount(ul, TRUE), GIntBig(111));
        update.reset();
        ds.reset(GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
        QCOMPARE(count("SELECT COUNT(*) FROM rtree_grid_geom"), qint64(3001));
        // GDAL's feature count, kept by its trigger
        QCOMPARE(count("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'grid'"), qint64(3002));
        QCOMPARE(count("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name IN "
                       "('trigger_insert_feature_count_grid', 'rtree_grid_geom_insert')"), qint64(2));
        QCOMPARE(text("SELECT rtreecheck('rtree_grid_geom')"), QStringLiteral("ok"));
    }

    // The Cambridge shelters survive a write/read round trip: 15 features, capacity 10457.
    void cambridgeRoundTrip()
    {
        const VectorLayer shelters = VectorLayer::load(
            DataSource{test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")), QStringLiteral("shelters")});
        const QString path = m_tmp.filePath(QStringLiteral("cambridge/shelters.gpkg"));
        VectorWriter::write(shelters, path);
        const VectorLayer back = VectorLayer::load(DataSource{path, {}});
        QCOMPARE(back.featureCount(), 15);
        qint64 capacity = 0;
        for (int i = 0; i < back.featureCount(); ++i) {
            capacity += back.attribute(i, QStringLiteral("Capacity")).toLongLong();
            QCOMPARE(back.geometry(i).points(), shelters.geometry(i).points());
        }
        QCOMPARE(capacity, qint64(10457));
        QCOMPARE(back.name(), QStringLiteral("shelters"));
    }
};

QTEST_GUILESS_MAIN(TestVectorWriter)
#include "tst_vectorwriter.moc"
