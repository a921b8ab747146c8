// RoadLines::read (streaming GDAL into flat arrays) builds exactly the graph the
// VectorLayer path builds, reprojects lon/lat to a metric CRS the same way, counts the
// features it cannot use and names the file and problem on bad input.
#include "TestSupport.h"
#include "io/Gdal.h"
#include <gdal_utils.h>
#include "model/VectorLayer.h"
#include "network/RoadGraphBuilder.h"
#include "network/RoadGraphSource.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <numbers>

using namespace refuge;

namespace {

RoadGraphOptions cambridge(const QString &profile, const QString &layer = QStringLiteral("streets"))
{
    RoadGraphOptions o;
    o.source = DataSource{refuge::test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")), layer};
    o.profile = Profile::load(profile);
    o.onewayField = QStringLiteral("Direction");
    o.classField = QStringLiteral("MajorRoad");
    o.useCache = false;
    return o;
}

void compareGraphs(const RoadGraph &a, const RoadGraph &b)
{
    QCOMPARE(a.nodeCount(), b.nodeCount());
    QCOMPARE(a.linkCount(), b.linkCount());
    QCOMPARE(a.arcCount(), b.arcCount());
    QVERIFY(a.crs() == b.crs());
    const RoadGraph::Data &x = a.data(), &y = b.data();
    QVERIFY(x.nodeX == y.nodeX && x.nodeY == y.nodeY);
    QVERIFY(x.arcTarget == y.arcTarget && x.arcSeconds == y.arcSeconds && x.arcMeters == y.arcMeters);
    QVERIFY(x.linkFeature == y.linkFeature && x.linkMeters == y.linkMeters && x.points == y.points);
}

// A line layer with a null geometry, a point and two lines (lon/lat, EPSG:4326).
QString mixedLayer(const QTemporaryDir &dir)
{
    ensureGdal();
    const QString path = dir.filePath(QStringLiteral("mixed.gpkg"));
    GDALDriverH drv = GDALGetDriverByName("GPKG");
    GdalDataset ds(GDALCreate(drv, path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
    OgrSrs srs(OSRNewSpatialReference(nullptr));
    OSRImportFromEPSG(srs.get(), 4326);
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayerH layer = GDALDatasetCreateLayer(ds.get(), "roads", srs.get(), wkbUnknown, nullptr);
    OGRFieldDefnH fd = OGR_Fld_Create("highway", OFTString);
    OGR_L_CreateField(layer, fd, TRUE);
    OGR_Fld_Destroy(fd);
    const char *wkts[] = {"LINESTRING (121.47 31.23, 121.48 31.23)", nullptr, "POINT (121.47 31.24)",
                          "LINESTRING (121.48 31.23, 121.48 31.24)", "LINESTRING (121.47 31.24, 121.47 31.25)"};
    const char *classes[] = {"residential", "residential", "residential", "residential", "motorway"};
    for (int i = 0; i < 5; ++i) {
        OgrFeature f(OGR_F_Create(OGR_L_GetLayerDefn(layer)));
        OGR_F_SetFieldString(f.get(), 0, classes[i]);
        if (wkts[i]) {
            OGRGeometryH g = nullptr;
            char *w = const_cast<char *>(wkts[i]);
            OGR_G_CreateFromWkt(&w, srs.get(), &g);
            OGR_F_SetGeometryDirectly(f.get(), g);
        }
        if (OGR_L_CreateFeature(layer, f.get()) != OGRERR_NONE)
            return {};
    }
    return path;
}

// A 230×230 street grid (105,340 lines, enough for the two-thread read of big
// GeoPackages) in EPSG:32651; the last rows bring class and one-way values the first
// half never has, and a null geometry.
QString bigGrid(const QTemporaryDir &dir)
{
    ensureGdal();
    const QString path = dir.filePath(QStringLiteral("grid.gpkg"));
    GdalDataset ds(GDALCreate(GDALGetDriverByName("GPKG"), path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
    OgrSrs srs(OSRNewSpatialReference(nullptr));
    OSRImportFromEPSG(srs.get(), 32651);
    OGRLayerH layer = GDALDatasetCreateLayer(ds.get(), "roads", srs.get(), wkbLineString, nullptr);
    for (const char *name : {"highway", "oneway"}) {
        OGRFieldDefnH fd = OGR_Fld_Create(name, OFTString);
        OGR_L_CreateField(layer, fd, TRUE);
        OGR_Fld_Destroy(fd);
    }
    bool ok = OGR_L_StartTransaction(layer) == OGRERR_NONE;
    constexpr int n = 230;
    auto add = [&](double x0, double y0, double x1, double y1, const char *cls, const char *oneway) {
        OgrFeature f(OGR_F_Create(OGR_L_GetLayerDefn(layer)));
        OGR_F_SetFieldString(f.get(), 0, cls);
        OGR_F_SetFieldString(f.get(), 1, oneway);
        if (x0 >= 0) {
            OGRGeometryH g = OGR_G_CreateGeometry(wkbLineString);
            OGR_G_AddPoint_2D(g, 350000 + x0, 3450000 + y0);
            OGR_G_AddPoint_2D(g, 350000 + x1, 3450000 + y1);
            OGR_F_SetGeometryDirectly(f.get(), g);
        }
        return OGR_L_CreateFeature(layer, f.get()) == OGRERR_NONE;
    };
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const bool late = i >= n - 5;
            const char *cls = late && j % 3 == 0 ? "living_street" : "residential";
            const char *way = late && j % 4 == 0 ? "yes" : "no";
            if (i + 1 < n)
                ok = ok && add(i * 100.0, j * 100.0, (i + 1) * 100.0, j * 100.0, cls, way);
            if (j + 1 < n)
                ok = ok && add(i * 100.0, j * 100.0, i * 100.0, (j + 1) * 100.0, late && j == 7 ? "motorway" : cls, way);
        }
    ok = ok && add(-1, 0, 0, 0, "residential", "no"); // null geometry, last
    ok = OGR_L_CommitTransaction(layer) == OGRERR_NONE && ok;
    return ok ? path : QString();
}

} // namespace

class TestRoadGraphSource : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void streamedEqualsLoaded_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::newRow("walk") << "walk";
        QTest::newRow("drive (one-way, classes)") << "drive";
    }
    void streamedEqualsLoaded()
    {
        QFETCH(QString, profile);
        const RoadGraphOptions o = cambridge(profile);
        RoadGraphReport streamed, loaded;
        const RoadGraph a = RoadGraphBuilder::build(RoadLines::read(o), o, nullptr, &streamed);
        const RoadGraph b = RoadGraphBuilder::build(RoadGraphBuilder::loadLines(o), o, nullptr, &loaded);
        compareGraphs(a, b);
        QVERIFY(a.linkCount() > 1000);
        QCOMPARE(streamed.features, loaded.features);
        QCOMPARE(streamed.closedByOneWay, loaded.closedByOneWay);
        QCOMPARE(streamed.unknownOneWay, loaded.unknownOneWay);
        QCOMPARE(streamed.excludedByClass, loaded.excludedByClass);
        QCOMPARE(streamed.zeroLength, loaded.zeroLength);
        QCOMPARE(streamed.messages(), loaded.messages());
    }

    void shapefileWithDeclaredEncoding()
    {
        // A Shapefile with a .cpg is streamed; one without takes the VectorLayer path
        // (encoding detection). Both give the GeoPackage's graph.
        QTemporaryDir dir;
        ensureGdal();
        const RoadGraphOptions gpkg = cambridge(QStringLiteral("drive"));
        GdalDataset src = openDataset(gpkg.source.path, GDAL_OF_VECTOR);
        for (const char *encoding : {"UTF-8", ""}) {
            const QString shp = dir.filePath(QStringLiteral("streets%1.shp").arg(QString::fromLatin1(encoding).remove(QLatin1Char('-'))));
            CslList args = toCsl({QStringLiteral("-f"), QStringLiteral("ESRI Shapefile"), QStringLiteral("-lco"),
                                  QStringLiteral("ENCODING=%1").arg(QString::fromLatin1(encoding)), QStringLiteral("streets")});
            GDALVectorTranslateOptions *vto = GDALVectorTranslateOptionsNew(args.get(), nullptr);
            GDALDatasetH srcHandle = src.get();
            GdalDataset out(GDALVectorTranslate(shp.toUtf8().constData(), nullptr, 1, &srcHandle, vto, nullptr));
            GDALVectorTranslateOptionsFree(vto);
            QVERIFY(out);
            out.reset();
            RoadGraphOptions o = gpkg;
            o.source = DataSource{shp, {}};
            const RoadGraph a = RoadGraphBuilder::open(o);
            const RoadGraph b = RoadGraphBuilder::open(gpkg);
            QCOMPARE(a.linkCount(), b.linkCount());
            QCOMPARE(a.data().arcSeconds, b.data().arcSeconds);
            QCOMPARE(a.data().points, b.data().points);
        }
    }

    void lonLatIsReprojectedAndSkipsCounted()
    {
        QTemporaryDir dir;
        RoadGraphOptions o;
        o.source = DataSource{mixedLayer(dir), QStringLiteral("roads")};
        o.profile = Profile::load(QStringLiteral("walk"));
        o.useCache = false;
        RoadGraphReport streamed, loaded;
        const RoadGraph a = RoadGraphBuilder::build(RoadLines::read(o), o, nullptr, &streamed);
        const RoadGraph b = RoadGraphBuilder::build(RoadGraphBuilder::loadLines(o), o, nullptr, &loaded);
        compareGraphs(a, b);
        QVERIFY(!a.crs().isGeographic());
        QCOMPARE(a.crs().authId(), QStringLiteral("EPSG:32651"));
        QCOMPARE(streamed.features, 3);        // the null geometry and the point are not lines
        QCOMPARE(streamed.skippedGeometry, 2); // ... and are counted, not dropped silently
        QCOMPARE(streamed.excludedByClass, 1); // the motorway, for walking
        QCOMPARE(a.linkCount(), 2);
        QVERIFY(std::abs(a.linkMeters(0) + a.linkMeters(1) - (0.01 * 111320 * std::cos(31.23 * std::numbers::pi / 180) + 0.01 * 110900)) < 60);
        QVERIFY(streamed.messages().join(QLatin1Char('\n')).contains(QStringLiteral("2 road features without a usable line geometry")));
    }

    void bigGeoPackageReadInTwoRanges()
    {
        QTemporaryDir dir;
        RoadGraphOptions o;
        o.source = DataSource{bigGrid(dir), QStringLiteral("roads")};
        QVERIFY(!o.source.path.isEmpty());
        o.profile = Profile::load(QStringLiteral("drive"));
        o.useCache = false;
        RoadGraphReport streamed, loaded;
        const RoadGraph a = RoadGraphBuilder::build(RoadLines::read(o), o, nullptr, &streamed);
        const RoadGraph b = RoadGraphBuilder::build(RoadGraphBuilder::loadLines(o), o, nullptr, &loaded);
        compareGraphs(a, b);
        QCOMPARE(streamed.features, 105340);
        QCOMPARE(streamed.skippedGeometry, 1);
        QCOMPARE(streamed.excludedByClass, loaded.excludedByClass);
        QCOMPARE(a.data().linkSecondsForward, b.data().linkSecondsForward);
        QCOMPARE(a.data().linkSecondsBackward, b.data().linkSecondsBackward);
        int oneWay = 0;
        for (int l = 0; l < a.linkCount(); ++l)
            oneWay += a.linkOneWay(l) == OneWay::Forward ? 1 : 0;
        QVERIFY(oneWay > 500); // the late rows' one-way values made it through the second range's table
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("layer");
        QTest::addColumn<QString>("classField");
        QTest::addColumn<QString>("message");
        QTest::newRow("polygons") << "neighborhoods" << "" << "cambridge.gpkg:neighborhoods: the network layer must be lines, not MultiPolygon";
        QTest::newRow("points") << "shelters" << "" << "the network layer must be lines, not Point";
        QTest::newRow("no such field") << "streets" << "Lanes" << "cambridge.gpkg:streets: no field 'Lanes' (fields: ";
        QTest::newRow("no such layer") << "roads" << "" << "no layer 'roads' (layers: streets, shelters";
    }
    void badInput()
    {
        QFETCH(QString, layer);
        QFETCH(QString, classField);
        QFETCH(QString, message);
        RoadGraphOptions o = cambridge(QStringLiteral("walk"), layer);
        o.classField = classField;
        try {
            RoadGraphBuilder::open(o);
            QFAIL("no error");
        } catch (const Error &e) {
            QVERIFY2(e.message().contains(message), qPrintable(e.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestRoadGraphSource)
#include "tst_roadgraphsource.moc"
