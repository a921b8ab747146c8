// VectorReader (VectorLayer::load): GeoPackage, Shapefile with and without .cpg (GBK),
// KML, CSV (lon/lat, x/y, 经度/纬度), OSM XML, GeoJSON with null/empty geometries,
// repair of a bow-tie; feedback and cancel. Fixtures: tests/data/io (make_fixtures.py).
#include "io/VectorReader.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QTest>
#include <cmath>

#include "TestSupport.h"

using namespace refuge;

namespace {
QString io(const char *name) { return test::dataPath(QStringLiteral("io/") + QString::fromUtf8(name)); }
bool near(QPointF a, QPointF b, double tol) { return std::abs(a.x() - b.x()) <= tol && std::abs(a.y() - b.y()) <= tol; }
VectorLayer load(const QString &path, const LoadOptions &opts = {}) { return VectorLayer::load(DataSource{path, {}}, opts); }
const QStringList kShelterNames = {QStringLiteral("人民广场避难场所"), QStringLiteral("静安公园避难场所"), QStringLiteral("中山公园应急避难场所")};
const QStringList kDistricts = {QStringLiteral("黄浦区"), QStringLiteral("静安区"), QStringLiteral("长宁区")};
} // namespace

class TestVectorReader : public QObject {
    Q_OBJECT

    void checkShelters(const VectorLayer &l)
    {
        QCOMPARE(l.featureCount(), 3);
        QCOMPARE(l.geometryType(), GeometryType::Point);
        QCOMPARE(l.crs().authId(), QStringLiteral("EPSG:4326"));
        QCOMPARE(l.driver(), QStringLiteral("ESRI Shapefile"));
        QCOMPARE(l.fields().size(), std::size_t(4));
        QCOMPARE(l.fields()[0], (Field{QStringLiteral("name"), FieldType::String}));
        QCOMPARE(l.fields()[2], (Field{QStringLiteral("capacity"), FieldType::Integer}));
        QCOMPARE(l.fields()[3], (Field{QStringLiteral("area"), FieldType::Real}));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(l.attribute(i, 0).toString(), kShelterNames[i]);
            QCOMPARE(l.attribute(i, 1).toString(), kDistricts[i]);
        }
        QCOMPARE(l.attribute(0, 2).toLongLong(), 12000);
        QCOMPARE(l.attribute(1, 3).toDouble(), 11500.25);
        QCOMPARE(l.geometry(0).points()[0], QPointF(121.4737, 31.2304));
    }

private Q_SLOTS:
    void gbkShapefileWithCpg()
    {
        const VectorLayer l = load(io("shelters_gbk.shp"));
        checkShelters(l);
        QCOMPARE(l.name(), QStringLiteral("shelters_gbk"));
        QCOMPARE(l.report().encoding, QStringLiteral("GBK"));
        QCOMPARE(l.report().encodingNote, QString());
        QCOMPARE(declaredShapefileEncoding(io("shelters_gbk.shp")), QStringLiteral("GBK"));
    }

    void gbkShapefileWithoutCpgIsDetected()
    {
        QCOMPARE(declaredShapefileEncoding(io("shelters_gbk_nocpg.shp")), QString());
        const VectorLayer l = load(io("shelters_gbk_nocpg.shp"));
        checkShelters(l);
        QCOMPARE(l.report().encoding, QStringLiteral("GBK"));
        QVERIFY2(l.report().encodingNote.startsWith(QLatin1String("no .cpg file: text encoding detected as GBK")), qPrintable(l.report().encodingNote));
        QVERIFY(l.report().messages().contains(l.report().encodingNote));
    }

    void gbkShapefileWithStatedEncoding()
    {
        LoadOptions opts;
        opts.encoding = QStringLiteral("GBK");
        const VectorLayer l = load(io("shelters_gbk_nocpg.shp"), opts);
        checkShelters(l);
        QCOMPARE(l.report().encoding, QStringLiteral("GBK"));
        QCOMPARE(l.report().encodingNote, QString());
    }

    void guessEncoding_data()
    {
        QTest::addColumn<QByteArrayList>("samples");
        QTest::addColumn<QString>("encoding");
        QTest::newRow("nothing") << QByteArrayList{} << "UTF-8";
        QTest::newRow("ascii") << QByteArrayList{"Main St", "Fire Company 2"} << "UTF-8";
        QTest::newRow("utf-8 chinese") << QByteArrayList{QStringLiteral("人民广场").toUtf8(), "abc"} << "UTF-8";
        QTest::newRow("gbk chinese") << QByteArrayList{QByteArray("\xC8\xCB\xC3\xF1\xB9\xE3\xB3\xA1"), "abc"} << "GBK"; // 人民广场
        QTest::newRow("latin-1 at end") << QByteArrayList{QByteArray("caf\xE9")} << "ISO-8859-1";
    }

    void guessEncoding()
    {
        QFETCH(QByteArrayList, samples);
        QFETCH(QString, encoding);
        QCOMPARE(refuge::guessEncoding(std::vector<QByteArray>(samples.begin(), samples.end())), encoding);
    }

    void kml()
    {
        const VectorLayer l = load(io("shelters.kml"));
        QCOMPARE(l.featureCount(), 2);
        QCOMPARE(l.geometryType(), GeometryType::Point);
        QCOMPARE(l.crs().authId(), QStringLiteral("EPSG:4326"));
        QCOMPARE(l.name(), QStringLiteral("shelters"));
        QCOMPARE(l.attribute(0, QStringLiteral("Name")).toString(), QStringLiteral("人民广场避难场所"));
        QCOMPARE(l.attribute(0, QStringLiteral("Description")).toString(), QStringLiteral("黄浦区"));
        QCOMPARE(l.attribute(1, QStringLiteral("Name")).toString(), QStringLiteral("Cambridge Rindge and Latin"));
        QCOMPARE(l.geometry(0).points()[0], QPointF(121.4737, 31.2304));
        QCOMPARE(l.geometry(1).points()[0], QPointF(-71.1097, 42.3743));
    }

    void csvLonLat()
    {
        const VectorLayer l = load(io("points_lonlat.csv"));
        QCOMPARE(l.featureCount(), 3);
        QCOMPARE(l.geometryType(), GeometryType::Point);
        QCOMPARE(l.crs().authId(), QStringLiteral("EPSG:4326"));
        QCOMPARE(l.report().crsNote, QStringLiteral("no CRS in the file; EPSG:4326 assumed from lon/lat columns"));
        // coordinate columns become the geometry, not attributes
        QCOMPARE(l.fields(), (Fields{{QStringLiteral("name"), FieldType::String}, {QStringLiteral("capacity"), FieldType::Integer}}));
        QCOMPARE(l.attribute(0, 0).toString(), QStringLiteral("人民广场"));
        QCOMPARE(l.attribute(2, 1).toLongLong(), 800);
        QCOMPARE(l.geometry(0).points()[0], QPointF(121.4737, 31.2304));
        QCOMPARE(l.geometry(2).points()[0], QPointF(-71.1190, 42.3736));
    }

    void csvLonLatReprojected()
    {
        LoadOptions opts;
        opts.targetCrs = Crs::fromEpsg(32651);
        const VectorLayer l = load(io("points_cn.csv"), opts);
        QCOMPARE(l.featureCount(), 2);
        QCOMPARE(l.sourceCrs().authId(), QStringLiteral("EPSG:4326"));
        QCOMPARE(l.crs().authId(), QStringLiteral("EPSG:32651"));
        QCOMPARE(l.attribute(0, QStringLiteral("名称")).toString(), QStringLiteral("人民广场"));
        // cs2cs EPSG:4326 EPSG:32651 <<< "31.2304 121.4737" → 354633.6490 3456140.5296
        QVERIFY(near(l.geometry(0).points()[0], {354633.6490, 3456140.5296}, 1e-3));
    }

    void csvXyNeedsACrs()
    {
        const QString path = io("points_xy.csv");
        try {
            (void)load(path);
            QFAIL("expected CrsError");
        } catch (const CrsError &e) {
            QCOMPARE(e.message(), path + QStringLiteral(": x/y columns have no CRS; state one with --crs EPSG:N"));
        }
        LoadOptions opts;
        opts.assumedCrs = Crs::fromEpsg(26986);
        const VectorLayer l = load(path, opts);
        QCOMPARE(l.featureCount(), 4);
        QCOMPARE(l.crs().authId(), QStringLiteral("EPSG:26986"));
        QCOMPARE(l.report().crsNote, QStringLiteral("no CRS in the file; EPSG:26986 — NAD83 / Massachusetts Mainland as stated"));
        qint64 pop = 0;
        for (int i = 0; i < l.featureCount(); ++i)
            pop += l.attribute(i, QStringLiteral("pop")).toLongLong();
        QCOMPARE(pop, qint64(42));
        QCOMPARE(l.geometry(1).points()[0], QPointF(230300, 900400));
        QCOMPARE(l.extent(), QRectF(QPointF(229500, 899000), QPointF(231000, 901000)));
        // reprojected on load: (230000, 900000) is (-71.13588880, 42.34992042) per cs2cs
        opts.targetCrs = Crs::fromEpsg(4326);
        const VectorLayer ll = load(path, opts);
        QVERIFY(near(ll.geometry(0).points()[0], {-71.13588880, 42.34992042}, 1e-8));
    }

    void statedCrsOverridesTheFile()
    {
        LoadOptions opts;
        opts.assumedCrs = Crs::fromEpsg(4490);
        const VectorLayer l = load(io("shelters_gbk.shp"), opts);
        QCOMPARE(l.crs().authId(), QStringLiteral("EPSG:4490"));
        QVERIFY(l.report().crsNote.startsWith(QLatin1String("file CRS EPSG:4326")));
    }

    void osm()
    {
        const VectorLayer l = load(io("tiny.osm"));
        QCOMPARE(l.driver(), QStringLiteral("OSM"));
        QCOMPARE(l.name(), QStringLiteral("lines"));
        QCOMPARE(l.featureCount(), 2);
        QCOMPARE(l.geometryType(), GeometryType::LineString);
        QCOMPARE(l.attribute(0, QStringLiteral("name")).toString(), QStringLiteral("南京东路"));
        QCOMPARE(l.attribute(0, QStringLiteral("highway")).toString(), QStringLiteral("primary"));
        QCOMPARE(l.attribute(1, QStringLiteral("name")).toString(), QStringLiteral("Test Lane"));
        QCOMPARE(l.geometry(0).ringSize(0), 3);
        QCOMPARE(l.geometry(1).points()[2], QPointF(121.476, 31.232));
        // in UTM 51N the ways measure (python3-gdal, OGR_G_Length after transform) 571.5661 m and 221.7158 m
        LoadOptions opts;
        opts.targetCrs = Crs::fromEpsg(32651);
        const VectorLayer m = load(io("tiny.osm"), opts);
        QVERIFY2(std::abs(m.geometry(0).length() - 571.5661) < 1e-3, qPrintable(QString::number(m.geometry(0).length(), 'f', 4)));
        QVERIFY2(std::abs(m.geometry(1).length() - 221.7158) < 1e-3, qPrintable(QString::number(m.geometry(1).length(), 'f', 4)));
        // another layer by name
        const VectorLayer pts = VectorLayer::load(DataSource{io("tiny.osm"), QStringLiteral("points")});
        QCOMPARE(pts.featureCount(), 1);
        QCOMPARE(pts.attribute(0, QStringLiteral("name")).toString(), QStringLiteral("仁济医院"));
    }

    void shanghaiOsm()
    {
        if (!test::haveSharedData())
            QSKIP("../shared/data is not available");
        const VectorLayer l = load(test::sharedData(QStringLiteral("shanghai/shanghai_jingan_huangpu_osmnx.osm")));
        // ogrinfo: SELECT COUNT(*), COUNT(name) FROM lines → 796, 629
        QCOMPARE(l.featureCount(), 796);
        int named = 0, nanjingWest = 0;
        for (int i = 0; i < l.featureCount(); ++i) {
            const QVariant v = l.attribute(i, QStringLiteral("name"));
            named += v.isValid() ? 1 : 0;
            nanjingWest += v.toString() == QStringLiteral("南京西路") ? 1 : 0;
        }
        QCOMPARE(named, 629);
        QCOMPARE(nanjingWest, 12);
        QCOMPARE(metricCrsFor(l.crs(), l.extent()).authId(), QStringLiteral("EPSG:32651"));
    }

    // 8 features: 3 points, a null geometry, an empty Point (GDAL reads it as null),
    // MULTIPOINT EMPTY, GEOMETRYCOLLECTION EMPTY and a line string.
    void nullAndEmptyGeometries()
    {
        const VectorLayer l = load(io("nulls.geojson"));
        const LoadReport &r = l.report();
        QCOMPARE(r.read, qint64(8));
        QCOMPARE(r.loaded, qint64(3));
        QCOMPARE(r.nullGeometry, qint64(2));
        QCOMPARE(r.emptyGeometry, qint64(2));
        QCOMPARE(r.otherDimension, qint64(1));
        QCOMPARE(r.nonFinite, qint64(0));
        QCOMPARE(r.repaired, qint64(0));
        QCOMPARE(r.skipped(), qint64(5));
        QCOMPARE(r.messages(), (QStringList{"2 features without geometry skipped", "2 features with empty geometry skipped",
                                            "1 features of another geometry type (mixed geometry types) skipped"}));
        QCOMPARE(l.featureCount(), 3);
        QCOMPARE(l.geometryType(), GeometryType::Point);
        QCOMPARE(l.attribute(0, QStringLiteral("id")).toLongLong(), 1);
        QCOMPARE(l.attribute(1, QStringLiteral("id")).toLongLong(), 5);
        QCOMPARE(l.attribute(2, QStringLiteral("id")).toLongLong(), 7);
        QCOMPARE(l.sourceFid(2), qint64(7)); // GDAL takes the integer "id" property as FID (ogrinfo: OGRFeature(nulls):7)
    }

    // bow-tie: two triangles of 10000 m² after GEOSMakeValid; square with hole: 9600 m²;
    // a ring of 3 points cannot be repaired.
    void bowTieIsRepaired()
    {
        const VectorLayer l = load(io("bowtie.geojson"));
        QCOMPARE(l.crs().authId(), QStringLiteral("EPSG:26986"));
        QCOMPARE(l.report().read, qint64(3));
        QCOMPARE(l.report().repaired, qint64(1));
        QCOMPARE(l.report().unrepairable, qint64(1));
        QCOMPARE(l.featureCount(), 2);
        QCOMPARE(l.geometryType(), GeometryType::MultiPolygon);
        QCOMPARE(l.attribute(0, QStringLiteral("kind")).toString(), QStringLiteral("bowtie"));
        QCOMPARE(l.geometry(0).type(), GeometryType::MultiPolygon);
        QCOMPARE(l.geometry(0).partCount(), 2);
        QCOMPARE(l.geometry(0).area(), 20000.0);
        QCOMPARE(l.geometry(1).type(), GeometryType::MultiPolygon);
        QCOMPARE(l.geometry(1).area(), 9600.0);
        QCOMPARE(l.geometry(1).ringCount(), 2);
        // the repaired geometry is valid for GEOS
        GeosGeom g = l.geometry(0).toGeos();
        QCOMPARE(GEOSisValid_r(geosContext(), g.get()), char(1));

        LoadOptions noRepair;
        noRepair.repairInvalid = false;
        const VectorLayer raw = load(io("bowtie.geojson"), noRepair);
        QCOMPARE(raw.featureCount(), 3);
        QCOMPARE(raw.report().repaired, qint64(0));
        QCOMPARE(raw.geometry(0).area(), 0.0); // the bow-tie's shoelace sum cancels
    }

    void geopackageLayers()
    {
        const QString gpkg = test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg"));
        QCOMPARE(VectorLayer::layerNames(gpkg), (QStringList{"streets", "shelters", "fire_stations", "engine_districts", "neighborhoods",
                                                             "blocks_2000", "flood_100yr", "flood_500yr", "city_boundary", "hospitals"}));
        // without a layer name: refused, never silently the first of several layers
        try {
            (void)VectorLayer::load(DataSource{gpkg, QString()});
            QFAIL("expected InvalidInput");
        } catch (const InvalidInput &e) {
            QCOMPARE(e.message(), gpkg + QStringLiteral(": has 10 layers (streets, shelters, fire_stations, engine_districts, neighborhoods, "
                                                        "blocks_2000, flood_100yr, flood_500yr, city_boundary, hospitals); name the one to "
                                                        "use as PATH:LAYER"));
        }
        const VectorLayer first = VectorLayer::load(DataSource{gpkg, QStringLiteral("streets")});
        QCOMPARE(first.name(), QStringLiteral("streets"));
        QCOMPARE(first.featureCount(), 2643);
        try {
            (void)VectorLayer::load(DataSource{gpkg, QStringLiteral("roads")});
            QFAIL("expected IoError");
        } catch (const IoError &e) {
            QCOMPARE(e.message(), gpkg + QStringLiteral(": no layer 'roads' (layers: streets, shelters, fire_stations, engine_districts, "
                                                        "neighborhoods, blocks_2000, flood_100yr, flood_500yr, city_boundary, hospitals)"));
        }
    }

    void feedbackAndCancel()
    {
        const DataSource streets{test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")), QStringLiteral("streets")};
        std::vector<double> progress;
        Feedback fb([&](double p) { progress.push_back(p); });
        const VectorLayer l = VectorLayer::load(streets, {}, &fb);
        QCOMPARE(l.featureCount(), 2643);
        QVERIFY(progress.size() >= 3); // at 1024, 2048 features and the end
        QCOMPARE(progress.back(), 100.0);
        QVERIFY(std::is_sorted(progress.begin(), progress.end()));

        Feedback canceled;
        canceled.cancel();
        QVERIFY_THROWS_EXCEPTION(Canceled, VectorLayer::load(streets, {}, &canceled));
    }

    void errors()
    {
        const QString missing = io("missing.geojson");
        try {
            (void)load(missing);
            QFAIL("expected IoError");
        } catch (const IoError &e) {
            QCOMPARE(e.message(), missing + QStringLiteral(": no such file"));
        }
        // a raster is not a vector source
        QVERIFY_THROWS_EXCEPTION(Error, load(test::dataPath(QStringLiteral("model/dem_nodata.tif"))));
    }
};

QTEST_GUILESS_MAIN(TestVectorReader)
#include "tst_vectorreader.moc"
