// VectorLayer: building result layers (addField/addFeature/attributes/index), requireField,
// reprojected(), LoadReport messages, and the real Cambridge sample data
// (maps/cambridge/cambridge.gpkg, EPSG:26986) with counts checked by ogrinfo:
//   15 shelters, 8 fire stations, 2643 streets, 886 blocks (POP_LAB sums to 101355),
//   13 neighbourhoods.
#include "crs/CoordinateTransform.h"
#include "model/VectorLayer.h"
#include "util/Error.h"

#include <QTest>
#include <cmath>

#include "TestSupport.h"

using namespace refuge;

Q_DECLARE_METATYPE(refuge::GeometryType)

namespace {
QString cambridge() { return test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")); }
bool near(QPointF a, QPointF b, double tol) { return std::abs(a.x() - b.x()) <= tol && std::abs(a.y() - b.y()) <= tol; }
} // namespace

class TestVectorLayer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void buildResultLayer()
    {
        VectorLayer layer(QStringLiteral("sites"), GeometryType::Point, Crs::fromEpsg(26986));
        QCOMPARE(layer.name(), QStringLiteral("sites"));
        QCOMPARE(layer.geometryType(), GeometryType::Point);
        QCOMPARE(layer.crs().authId(), QStringLiteral("EPSG:26986"));
        QCOMPARE(layer.sourceCrs().authId(), QStringLiteral("EPSG:26986"));
        QCOMPARE(layer.featureCount(), 0);
        QCOMPARE(layer.addField({QStringLiteral("name"), FieldType::String}), 0);
        layer.addFeature(Geometry::point({230000, 900000}), {QStringLiteral("北门"), 5});
        layer.addFeature(Geometry::point({230100, 900050}), {QStringLiteral("南门")}, 42);
        // a field added later gets empty values for existing features
        QCOMPARE(layer.addField({QStringLiteral("capacity"), FieldType::Integer}), 1);
        layer.addFeature(Geometry::point({229900, 900200}), {QStringLiteral("东门"), 300, QStringLiteral("ignored extra")});
        QCOMPARE(layer.featureCount(), 3);
        QCOMPARE(layer.sourceFid(0), qint64(0));
        QCOMPARE(layer.sourceFid(1), qint64(42));
        QCOMPARE(layer.sourceFid(2), qint64(2));
        QCOMPARE(layer.attribute(0, 0).toString(), QStringLiteral("北门"));
        QVERIFY(!layer.attribute(0, 1).isValid());
        QCOMPARE(layer.attribute(2, QStringLiteral("CAPACITY")).toInt(), 300);
        QVERIFY(!layer.attribute(2, QStringLiteral("nope")).isValid());
        layer.setAttribute(0, 1, 120);
        QCOMPARE(layer.attribute(0, QStringLiteral("capacity")).toInt(), 120);
        QCOMPARE(layer.fieldIndex(QStringLiteral("Name")), 0);

        // index and extent are built on request
        QCOMPARE(layer.index().size(), std::size_t(0));
        layer.buildIndex();
        QCOMPARE(layer.index().size(), std::size_t(3));
        QCOMPARE(layer.extent(), QRectF(QPointF(229900, 900000), QPointF(230100, 900200)));
        auto hits = layer.index().query(QRectF(230050, 899990, 100, 100));
        QCOMPARE(hits, (std::vector<std::uint32_t>{1}));
        QCOMPARE(layer.index().nearest({229950, 900150}, 1, 1e9), (std::vector<std::uint32_t>{2}));
    }

    void emptyGeometriesStayOutOfTheIndex()
    {
        VectorLayer layer(QStringLiteral("x"), GeometryType::Polygon, Crs::fromEpsg(26986));
        layer.addFeature(Geometry(GeometryType::Polygon));
        layer.addFeature(Geometry::polygon({{{0, 0}, {10, 0}, {10, 10}, {0, 0}}}));
        layer.buildIndex();
        QCOMPARE(layer.index().size(), std::size_t(1));
        QCOMPARE(layer.extent(), QRectF(0, 0, 10, 10));
        QCOMPARE(layer.index().query(QRectF(-1, -1, 20, 20)), (std::vector<std::uint32_t>{1}));
    }

    void requireField()
    {
        VectorLayer layer(QStringLiteral("shelters"), GeometryType::Point, Crs::fromEpsg(4326));
        layer.addField({QStringLiteral("Name"), FieldType::String});
        layer.addField({QStringLiteral("Capacity"), FieldType::Integer});
        QCOMPARE(layer.requireField(QStringLiteral("capacity")), 1);
        try {
            layer.requireField(QStringLiteral("area"));
            QFAIL("expected InvalidInput");
        } catch (const InvalidInput &e) {
            QCOMPARE(e.message(), QStringLiteral("shelters: no field 'area' (fields: Name, Capacity)"));
        }
        // a loaded layer names its source
        const VectorLayer loaded = VectorLayer::load(DataSource{cambridge(), QStringLiteral("fire_stations")});
        try {
            loaded.requireField(QStringLiteral("grade"));
            QFAIL("expected InvalidInput");
        } catch (const InvalidInput &e) {
            QCOMPARE(e.message(), cambridge() + QStringLiteral(":fire_stations: no field 'grade' (fields: SITE_NAME, ADDRESS, PHONE, ENGINE)"));
        }
    }

    void reprojected()
    {
        VectorLayer layer(QStringLiteral("pts"), GeometryType::Point, Crs::fromEpsg(4326));
        layer.addField({QStringLiteral("name"), FieldType::String});
        layer.addFeature(Geometry::point({-71.1190, 42.3736}), {QStringLiteral("Harvard Square")});
        layer.addFeature(Geometry::point({-71.13588880, 42.34992042}), {QStringLiteral("b")});
        layer.buildIndex();
        const VectorLayer m = layer.reprojected(Crs::fromEpsg(26986));
        QCOMPARE(m.crs().authId(), QStringLiteral("EPSG:26986"));
        QCOMPARE(m.sourceCrs().authId(), QStringLiteral("EPSG:4326"));
        // cs2cs EPSG:4326 EPSG:26986: 231379.7510 902636.3042; and back-computed 230000 900000
        QVERIFY(near(m.geometry(0).points()[0], {231379.7510, 902636.3042}, 1e-3));
        QVERIFY(near(m.geometry(1).points()[0], {230000, 900000}, 1e-3));
        QCOMPARE(m.attribute(0, 0).toString(), QStringLiteral("Harvard Square"));
        QVERIFY(near(m.extent().topLeft(), {230000, 900000}, 1e-3));
        QVERIFY(near(m.extent().bottomRight(), {231379.7510, 902636.3042}, 1e-3));
        QCOMPARE(m.index().query(QRectF(231000, 902000, 1000, 1000)), (std::vector<std::uint32_t>{0}));
        // the original is untouched
        QCOMPARE(layer.geometry(0).points()[0], QPointF(-71.1190, 42.3736));
        QCOMPARE(layer.crs().authId(), QStringLiteral("EPSG:4326"));
        // same CRS: an identical copy
        const VectorLayer same = layer.reprojected(Crs::fromEpsg(4326));
        QCOMPARE(same.geometry(0).points(), layer.geometry(0).points());
        // no CRS: refused
        VectorLayer noCrs(QStringLiteral("n"), GeometryType::Point, Crs());
        noCrs.addFeature(Geometry::point({1, 2}));
        QVERIFY_THROWS_EXCEPTION(CrsError, noCrs.reprojected(Crs::fromEpsg(4326)));
    }

    void loadReportMessages()
    {
        LoadReport r;
        QVERIFY(r.messages().isEmpty());
        QCOMPARE(r.skipped(), qint64(0));
        r.read = 20;
        r.loaded = 9;
        r.nullGeometry = 1;
        r.emptyGeometry = 2;
        r.nonFinite = 3;
        r.outsideCrs = 1;
        r.otherDimension = 2;
        r.repaired = 4;
        r.unrepairable = 2;
        r.encodingNote = QStringLiteral("no .cpg file: text encoding detected as GBK (set the layer's encoding if wrong)");
        r.crsNote = QStringLiteral("no CRS in the file; EPSG:4326 assumed from lon/lat columns");
        QCOMPARE(r.skipped(), qint64(1 + 2 + 3 + 1 + 2 + 2));
        QCOMPARE(r.read, r.loaded + r.skipped());
        QCOMPARE(r.messages(), (QStringList{
                                   "1 features without geometry skipped",
                                   "2 features with empty geometry skipped",
                                   "3 features with NaN/infinite coordinates skipped",
                                   "1 features outside the valid area of the CRS skipped",
                                   "2 features of another geometry type (mixed geometry types) skipped",
                                   "4 invalid geometries repaired (GEOSMakeValid)",
                                   "2 invalid geometries that could not be repaired skipped",
                                   "no .cpg file: text encoding detected as GBK (set the layer's encoding if wrong)",
                                   "no CRS in the file; EPSG:4326 assumed from lon/lat columns",
                               }));
    }

    void cambridgeLayers_data()
    {
        QTest::addColumn<QString>("layer");
        QTest::addColumn<int>("count");
        QTest::addColumn<GeometryType>("type");
        QTest::newRow("shelters") << "shelters" << 15 << GeometryType::Point;
        QTest::newRow("fire_stations") << "fire_stations" << 8 << GeometryType::Point;
        QTest::newRow("streets") << "streets" << 2643 << GeometryType::MultiLineString;
        QTest::newRow("blocks_2000") << "blocks_2000" << 886 << GeometryType::MultiPolygon;
        QTest::newRow("neighborhoods") << "neighborhoods" << 13 << GeometryType::MultiPolygon;
        QTest::newRow("engine_districts") << "engine_districts" << 8 << GeometryType::MultiPolygon;
        QTest::newRow("hospitals") << "hospitals" << 3 << GeometryType::Point;
        QTest::newRow("city_boundary") << "city_boundary" << 1 << GeometryType::MultiPolygon;
    }

    void cambridgeLayers()
    {
        QFETCH(QString, layer);
        QFETCH(int, count);
        QFETCH(GeometryType, type);
        const VectorLayer l = VectorLayer::load(DataSource::parse(cambridge() + QLatin1Char(':') + layer));
        QCOMPARE(l.featureCount(), count);
        QCOMPARE(l.geometryType(), type);
        QCOMPARE(l.name(), layer);
        QCOMPARE(l.driver(), QStringLiteral("GPKG"));
        QCOMPARE(l.crs().authId(), QStringLiteral("EPSG:26986"));
        QCOMPARE(l.report().read, qint64(count));
        QCOMPARE(l.report().loaded, qint64(count));
        QCOMPARE(l.report().skipped(), qint64(0));
        QCOMPARE(l.index().size(), std::size_t(count));
    }

    void cambridgeValues()
    {
        const VectorLayer blocks = VectorLayer::load(DataSource{cambridge(), QStringLiteral("blocks_2000")});
        const int pop = blocks.requireField(QStringLiteral("POP_LAB"));
        QCOMPARE(blocks.fields()[std::size_t(pop)].type, FieldType::Real);
        double sum = 0;
        for (int i = 0; i < blocks.featureCount(); ++i)
            sum += blocks.attribute(i, pop).toDouble();
        QCOMPARE(sum, 101355.0);

        // ogrinfo -so: Extent (227964.703161, 900298.956363) - (235908.925697, 905981.463759)
        const VectorLayer hoods = VectorLayer::load(DataSource{cambridge(), QStringLiteral("neighborhoods")});
        QVERIFY(near(hoods.extent().topLeft(), {227964.703161171, 900298.95636307}, 1e-6));
        QVERIFY(near(hoods.extent().bottomRight(), {235908.925697473, 905981.46375856}, 1e-6));
        // sums of OGR_G_Area and of ring lengths (python3-gdal): 18458492.6 m², 72812.7 m
        double area = 0, perimeter = 0;
        for (const Geometry &g : hoods.geometries()) {
            area += g.area();
            perimeter += g.length();
        }
        QVERIFY2(std::abs(area - 18458492.6) < 0.1, qPrintable(QString::number(area, 'f', 2)));
        QVERIFY2(std::abs(perimeter - 72812.7) < 0.1, qPrintable(QString::number(perimeter, 'f', 2)));

        // total street centre line length (python3-gdal OGR_G_Length): 251593.0 m
        const VectorLayer streets = VectorLayer::load(DataSource{cambridge(), QStringLiteral("streets")});
        double length = 0;
        for (const Geometry &g : streets.geometries())
            length += g.length();
        QVERIFY2(std::abs(length - 251593.0) < 0.1, qPrintable(QString::number(length, 'f', 2)));

        // shelters: capacities sum to 10457 with one empty value; first one as ogrinfo shows it
        const VectorLayer shelters = VectorLayer::load(DataSource{cambridge(), QStringLiteral("shelters")});
        const int cap = shelters.requireField(QStringLiteral("Capacity"));
        qint64 capacity = 0;
        int empty = 0;
        for (int i = 0; i < shelters.featureCount(); ++i) {
            const QVariant v = shelters.attribute(i, cap);
            if (v.isValid())
                capacity += v.toLongLong();
            else
                ++empty;
        }
        QCOMPARE(capacity, qint64(10457));
        QCOMPARE(empty, 1);
        QCOMPARE(shelters.attribute(0, QStringLiteral("Name")).toString(), QStringLiteral("Kennedy / Longfellow School"));
        QVERIFY(near(shelters.geometry(0).points()[0], {234049.97206065856, 902180.4983879525}, 1e-6));
    }

    // The city's own GeoJSON (EPSG:4326) reprojected on load lands where ogr2ogr put it
    // in the GeoPackage (same PROJ operation): within a millimetre.
    void reprojectOnLoadMatchesOgr2ogr()
    {
        if (!test::haveSharedData())
            QSKIP("../shared/data is not available");
        LoadOptions opts;
        opts.targetCrs = Crs::fromEpsg(26986);
        const VectorLayer fromJson = VectorLayer::load(
            DataSource{test::sharedData(QStringLiteral("cambridge/Emergency_Shelters__PUBLICSAFETY_EmergencyShelters.geojson")), {}}, opts);
        QCOMPARE(fromJson.sourceCrs().authId(), QStringLiteral("EPSG:4326"));
        QCOMPARE(fromJson.crs().authId(), QStringLiteral("EPSG:26986"));
        const VectorLayer gpkg = VectorLayer::load(DataSource{cambridge(), QStringLiteral("shelters")});
        QCOMPARE(fromJson.featureCount(), 15);
        for (int i = 0; i < 15; ++i) {
            QCOMPARE(fromJson.attribute(i, QStringLiteral("Name")).toString(), gpkg.attribute(i, QStringLiteral("Name")).toString());
            QVERIFY2(near(fromJson.geometry(i).points()[0], gpkg.geometry(i).points()[0], 1e-3), qPrintable(QString::number(i)));
        }
        // in its own CRS, the city's blocks sum to the same population
        const VectorLayer blocks = VectorLayer::load(DataSource{test::sharedData(QStringLiteral("cambridge/2000_Blocks__DEMOGRAPHICS_Blocks2000.geojson")), {}});
        QCOMPARE(blocks.featureCount(), 886);
        QVERIFY(blocks.crs().isGeographic());
        double sum = 0;
        for (int i = 0; i < blocks.featureCount(); ++i)
            sum += blocks.attribute(i, QStringLiteral("POP_LAB")).toDouble();
        QCOMPARE(sum, 101355.0);
        // analyses would measure it in UTM 19N
        QCOMPARE(metricCrsFor(blocks.crs(), blocks.extent()).authId(), QStringLiteral("EPSG:32619"));
    }
};

QTEST_GUILESS_MAIN(TestVectorLayer)
#include "tst_vectorlayer.moc"
