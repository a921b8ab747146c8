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

// A new GeoPackage at `path` with one layer "roads" in EPSG:`epsg` (x/y order).
struct NewLayer {
    GdalDataset ds;
    OgrSrs srs;
    OGRLayerH layer = nullptr;
};
NewLayer newRoads(const QString &path, int epsg, OGRwkbGeometryType type)
{
    ensureGdal();
    NewLayer n;
    n.ds.reset(GDALCreate(GDALGetDriverByName("GPKG"), path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
    n.srs.reset(OSRNewSpatialReference(nullptr));
    OSRImportFromEPSG(n.srs.get(), epsg);
    OSRSetAxisMappingStrategy(n.srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    n.layer = GDALDatasetCreateLayer(n.ds.get(), "roads", n.srs.get(), type, nullptr);
    return n;
}

void addField(OGRLayerH layer, const char *name, OGRFieldType type, OGRFieldSubType sub = OFSTNone)
{
    OGRFieldDefnH fd = OGR_Fld_Create(name, type);
    OGR_Fld_SetSubType(fd, sub);
    OGR_L_CreateField(layer, fd, TRUE);
    OGR_Fld_Destroy(fd);
}

// Writes feature f to layer with the geometry of `wkt` (none when null).
bool addWithWkt(OGRLayerH layer, OGRFeatureH f, const char *wkt, OGRSpatialReferenceH srs)
{
    if (wkt) {
        OGRGeometryH g = nullptr;
        char *w = const_cast<char *>(wkt);
        OGR_G_CreateFromWkt(&w, srs, &g);
        OGR_F_SetGeometryDirectly(f, g);
    }
    return OGR_L_CreateFeature(layer, f) == OGRERR_NONE;
}

// A line layer with a null geometry, a point and two lines (lon/lat, EPSG:4326).
QString mixedLayer(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("mixed.gpkg"));
    NewLayer n = newRoads(path, 4326, wkbUnknown);
    OGRLayerH layer = n.layer;
    addField(layer, "highway", OFTString);
    const char *wkts[] = {"LINESTRING (121.47 31.23, 121.48 31.23)", nullptr, "POINT (121.47 31.24)",
                          "LINESTRING (121.48 31.23, 121.48 31.24)", "LINESTRING (121.47 31.24, 121.47 31.25)"};
    const char *classes[] = {"residential", "residential", "residential", "residential", "motorway"};
    for (int i = 0; i < 5; ++i) {
        OgrFeature f(OGR_F_Create(OGR_L_GetLayerDefn(layer)));
        OGR_F_SetFieldString(f.get(), 0, classes[i]);
        if (!addWithWkt(layer, f.get(), wkts[i], n.srs.get()))
            return {};
    }
    return path;
}

// A 230×230 street grid (105,340 lines, several batches of the Arrow stream) in
// EPSG:32651; the last rows bring class and one-way values the first rows never have,
// and a null geometry.
QString bigGrid(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("grid.gpkg"));
    NewLayer grid = newRoads(path, 32651, wkbLineString);
    OGRLayerH layer = grid.layer;
    addField(layer, "highway", OFTString);
    addField(layer, "oneway", OFTString);
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

// Every kind of line a GeoPackage may hold (2D, Z, M, ZM, multi, empty, null, a
// point), in EPSG:32651, with text, real, integer and boolean fields holding nulls:
// the Arrow stream's WKB and values against GDAL's features.
QString geometryKinds(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("kinds.gpkg"));
    NewLayer n = newRoads(path, 32651, wkbUnknown);
    OGRLayerH layer = n.layer;
    addField(layer, "highway", OFTString);
    addField(layer, "maxspeed", OFTReal);
    addField(layer, "lanes", OFTInteger64);
    addField(layer, "oneway", OFTInteger, OFSTBoolean);
    addField(layer, "fspeed", OFTReal, OFSTFloat32);
    const char *wkts[] = {"LINESTRING (350000 3450000, 350100 3450000)",
                          "LINESTRING Z (350100 3450000 5, 350100 3450100 7, 350150 3450160 9)",
                          "LINESTRING M (350100 3450100 1, 350000 3450100 2)",
                          "LINESTRING ZM (350000 3450100 1 2, 350000 3450000 3 4)",
                          "MULTILINESTRING ((350100 3450000, 350200 3450000), (350200 3450000, 350200 3450100))",
                          "LINESTRING EMPTY",
                          nullptr,
                          "POINT (350000 3450000)",
                          "LINESTRING (350200 3450100, 350100 3450100)"};
    const char *classes[] = {"residential", nullptr, "primary", "residential", "motorway", "residential", "primary", "primary", "service"};
    const double speeds[] = {30.7, -1, 50, 12.345678901234567, -1, 40, 40, 40, 0.1 + 0.2};
    for (int i = 0; i < 9; ++i) {
        OgrFeature f(OGR_F_Create(OGR_L_GetLayerDefn(layer)));
        if (classes[i])
            OGR_F_SetFieldString(f.get(), 0, classes[i]);
        if (speeds[i] >= 0) {
            OGR_F_SetFieldDouble(f.get(), 1, speeds[i]);
            OGR_F_SetFieldDouble(f.get(), 4, speeds[i]);
        }
        if (i % 3 != 1)
            OGR_F_SetFieldInteger64(f.get(), 2, 1 + i * 10000000000LL);
        if (i % 4 != 3)
            OGR_F_SetFieldInteger(f.get(), 3, i % 2);
        if (!addWithWkt(layer, f.get(), wkts[i], n.srs.get()))
            return {};
    }
    return path;
}

} // namespace

class TestRoadGraphSource : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void streamedEqualsLoaded_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<bool>("fields");
        QTest::newRow("walk") << "walk" << true;
        QTest::newRow("drive (one-way, classes)") << "drive" << true;
        // No attribute read at all (GDAL 3.6's stream then lost the geometries).
        QTest::newRow("walk, no field") << "walk" << false;
    }
    void streamedEqualsLoaded()
    {
        QFETCH(QString, profile);
        QFETCH(bool, fields);
        RoadGraphOptions o = cambridge(profile);
        if (!fields)
            o.onewayField = o.classField = QString();
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

    void bigGeoPackageWithLateValues()
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
        QVERIFY(oneWay > 500); // the late rows' one-way values made it into the table
    }

    // The Arrow stream (GeoPackage) reads the same lines and values as GDAL's features;
    // a boolean field (which GDAL 3.6's stream gets wrong) is read feature by feature.
    void geometryKindsAndFieldTypes_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("speedField");
        QTest::newRow("walk: class and speed, Arrow stream") << "walk" << "maxspeed";
        QTest::newRow("drive: boolean one-way, feature by feature") << "drive" << "maxspeed";
        // GeoPackage FLOAT: the stream would round to float32 what SQLite holds as a double.
        QTest::newRow("walk: float32 speed, feature by feature") << "walk" << "fspeed";
    }
    void geometryKindsAndFieldTypes()
    {
        QFETCH(QString, profile);
        QFETCH(QString, speedField);
        QTemporaryDir dir;
        RoadGraphOptions o;
        o.source = DataSource{geometryKinds(dir), QStringLiteral("roads")};
        QVERIFY(!o.source.path.isEmpty());
        o.profile = Profile::load(profile);
        o.speedField = speedField;
        o.useCache = false;
        const RoadLines lines = RoadLines::read(o);
        QCOMPARE(int(lines.featureCount), 6);      // 2D, Z, M, ZM, multi, last 2D
        QCOMPARE(int(lines.skippedGeometry), 3);   // empty, null, point: counted
        QCOMPARE(int(lines.partCount()), 7);       // the multi-line has two parts
        QCOMPARE(lines.points[2], QPointF(350100, 3450000)); // Z dropped, x/y kept
        QCOMPARE(lines.points[4], QPointF(350150, 3450160));
        // Values: exact reals (0.1 + 0.2 is not 0.3), nulls as index 0.
        // (also the float32 column: GDAL stores the double in SQLite, and that is what is read)
        QCOMPARE(lines.speed.values[lines.speed.index[5]].toDouble(), 0.1 + 0.2);
        QCOMPARE(lines.speed.values[lines.speed.index[3]].toDouble(), 12.345678901234567);
        QCOMPARE(lines.speed.index[1], 0u);
        QCOMPARE(lines.roadClass.index[1], 0u);
        QCOMPARE(lines.roadClass.values[lines.roadClass.index[4]].toString(), QStringLiteral("motorway"));
        if (profile == QLatin1String("drive")) {
            QCOMPARE(lines.oneway.values[lines.oneway.index[0]].toLongLong(), 0);
            QCOMPARE(lines.oneway.values[lines.oneway.index[1]].toLongLong(), 1);
            QCOMPARE(lines.oneway.index[3], 0u); // null
        }

        RoadGraphReport streamed, loaded;
        const RoadGraph a = RoadGraphBuilder::build(RoadLines::read(o), o, nullptr, &streamed);
        const RoadGraph b = RoadGraphBuilder::build(RoadGraphBuilder::loadLines(o), o, nullptr, &loaded);
        compareGraphs(a, b);
        QCOMPARE(a.data().linkSecondsForward, b.data().linkSecondsForward);
        QCOMPARE(a.data().linkSecondsBackward, b.data().linkSecondsBackward);
        QCOMPARE(streamed.skippedGeometry, 3); // (the VectorLayer path counts them in its load report)
        QCOMPARE(streamed.excludedByClass, loaded.excludedByClass);
        QVERIFY(streamed.messages().join(QLatin1Char('\n')).contains(QStringLiteral("3 road features without a usable line geometry")));
        // f1 is cut where f2 and the last line meet it: 8 links; walking excludes the motorway (2).
        QCOMPARE(a.linkCount(), profile == QLatin1String("walk") ? 6 : 8);
        // A 64-bit integer column (as the class field): exact values, nulls.
        o.classField = QStringLiteral("lanes");
        const RoadLines ints = RoadLines::read(o);
        const qint64 expected[] = {1, 0, 20000000001, 30000000001, 0, 80000000001};
        for (int k = 0; k < 6; ++k)
            QCOMPARE(expected[k] ? ints.roadClass.values[ints.roadClass.index[std::size_t(k)]].toLongLong() : qint64(ints.roadClass.index[std::size_t(k)]),
                     expected[k]);
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
