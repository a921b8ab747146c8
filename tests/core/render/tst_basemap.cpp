// Basemaps: web tiles (an XYZ URL template; here a local file:// tile folder), MBTiles
// tile sets, all in Web Mercator, drawn warped into a UTM map. The zoom level follows the
// view's resolution (each zoom level of the test tiles has its own colour), missing tiles
// are reported, a tile set's attribution reaches the printed credits, and an access key
// never appears in a message.
#include "crs/CoordinateTransform.h"
#include "crs/Crs.h"
#include "io/Gdal.h"
#include "io/RasterWarp.h"
#include "io/TileSource.h"
#include "model/DataSource.h"
#include "model/Project.h"
#include "model/RasterLayer.h"
#include "print/PrintCredits.h"
#include "render/DefaultStyles.h"
#include "render/MapRenderer.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <cmath>
#include <gdal_utils.h>

using namespace refuge;

namespace {

constexpr double kLon = 121.47, kLat = 31.23; // People's Square, Shanghai

int tileX(double lon, int z) { return int(std::floor((lon + 180.0) / 360.0 * (1 << z))); }
int tileY(double lat, int z)
{
    const double r = lat * M_PI / 180.0;
    return int(std::floor((1.0 - std::asinh(std::tan(r)) / M_PI) / 2.0 * (1 << z)));
}

const QColor kZoomColour[3] = {QColor(220, 0, 0), QColor(0, 200, 0), QColor(0, 0, 230)}; // z10, z11, z12

} // namespace

class TestBasemap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tileUrlsAreNotPaths();
    void xyzZoomFollowsTheView_data();
    void xyzZoomFollowsTheView();
    void missingTilesAreReported();
    void maxZoomEnlargesTheLast();
    void tileSetsWarpedWithAttribution();
    void keyNeverShown();
    void osmCreditedOnce();

private:
    MapSettings view(const QString &source, double metresPerPixel) const;
    QTemporaryDir m_dir;
    QString m_xyz;
    QPointF m_centre; // UTM 51N
};

void TestBasemap::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the tile cache goes to a test folder
    ensureGdal();
    for (int z = 10; z <= 12; ++z) {
        QImage tile(256, 256, QImage::Format_RGB32);
        tile.fill(kZoomColour[z - 10]);
        const int x0 = tileX(kLon, z), y0 = tileY(kLat, z);
        for (int x = x0 - 1; x <= x0 + 1; ++x)
            for (int y = y0 - 1; y <= y0 + 1; ++y) {
                const QString dir = m_dir.filePath(QStringLiteral("xyz/%1/%2").arg(z).arg(x));
                QVERIFY(QDir().mkpath(dir));
                QVERIFY(tile.save(QDir(dir).filePath(QStringLiteral("%1.png").arg(y))));
            }
    }
    m_xyz = QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("xyz"))).toString() + QStringLiteral("/{z}/{x}/{y}.png");
    m_centre = CoordinateTransform(Crs::fromEpsg(4326), Crs::fromEpsg(32651)).transform(QPointF(kLon, kLat));
}

MapSettings TestBasemap::view(const QString &source, double metresPerPixel) const
{
    MapSettings s;
    s.crs = Crs::fromEpsg(32651);
    s.outputSize = QSize(100, 100);
    const double half = 50 * metresPerPixel;
    s.extent = QRectF(m_centre.x() - half, m_centre.y() - half, 2 * half, 2 * half);
    s.background = QColor(255, 0, 255);
    MapLayer l;
    l.name = QStringLiteral("basemap");
    l.raster = std::make_shared<const RasterLayer>(RasterLayer::open(source));
    l.style = defaultRasterStyle(Role::Basemap, *l.raster);
    s.layers = {l};
    return s;
}

void TestBasemap::tileUrlsAreNotPaths()
{
    QVERIFY(isTileUrl(QStringLiteral("https://tile.openstreetmap.org/{z}/{x}/{y}.png")));
    QVERIFY(isTileUrl(m_xyz));
    QVERIFY(isTileUrl(QStringLiteral("WMTS:https://example.org/wmts?request=GetCapabilities")));
    QVERIFY(!isTileUrl(QStringLiteral("https://example.org/shelters.geojson")));
    QVERIFY(!isTileUrl(QStringLiteral("tiles/{z}/{x}/{y}.png"))); // a relative path, not a URL
    Project p;
    p.setFilePath(m_dir.filePath(QStringLiteral("p.refuge")));
    ProjectLayer l;
    l.path = QStringLiteral("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
    QCOMPARE(p.resolvedPath(l), l.path);
    QCOMPARE(p.storedPath(l.path), l.path);
    QCOMPARE(redactedTileUrl(QStringLiteral("http://t0.tianditu.gov.cn/vec_w/wmts?LAYER=vec&tk=abc123&x={x}")),
             QStringLiteral("http://t0.tianditu.gov.cn/vec_w/wmts?LAYER=vec&tk=***&x={x}"));
    // The template is a colour raster in Web Mercator with no extent of its own.
    const RasterLayer r = RasterLayer::open(m_xyz);
    QVERIFY(r.isColour());
    QCOMPARE(r.crs(), Crs::fromEpsg(3857));
    QVERIFY(rasterExtentIn(r, Crs::fromEpsg(32651)).isNull());
}

void TestBasemap::xyzZoomFollowsTheView_data()
{
    QTest::addColumn<double>("metresPerPixel");
    QTest::addColumn<int>("zoom");
    // Ground size of a zoom-z pixel here: 156543 m × cos(31.23°) / 2^z = 130.8 m (z10),
    // 65.4 m (z11), 32.7 m (z12). GDAL reads the coarsest level still finer than the view.
    QTest::newRow("160 m/px → z10") << 160.0 << 10;
    QTest::newRow("80 m/px → z11") << 80.0 << 11;
    QTest::newRow("40 m/px → z12") << 40.0 << 12;
}

void TestBasemap::xyzZoomFollowsTheView()
{
    QFETCH(double, metresPerPixel);
    QFETCH(int, zoom);
    Feedback feedback;
    const QImage img = MapRenderer::renderImage(view(m_xyz, metresPerPixel), &feedback);
    QVERIFY2(feedback.warnings().isEmpty(), qPrintable(feedback.warnings().join(QLatin1Char('\n'))));
    for (const QPoint p : {QPoint(50, 50), QPoint(5, 5), QPoint(95, 95)})
        QCOMPARE(img.pixelColor(p), kZoomColour[zoom - 10]);
}

void TestBasemap::missingTilesAreReported()
{
    // 10 m/px asks for z14, which the folder does not have: blank, and said so.
    Feedback feedback;
    const QImage img = MapRenderer::renderImage(view(m_xyz, 10.0), &feedback);
    QCOMPARE(img.pixelColor(50, 50), QColor(255, 0, 255));
    QCOMPARE(feedback.warnings().size(), 1);
    QVERIFY2(feedback.warnings().constFirst().contains(QLatin1String("no tiles")), qPrintable(feedback.warnings().constFirst()));
}

void TestBasemap::maxZoomEnlargesTheLast()
{
    // "#zmax=12": the folder's highest level. At 10 m/px the z12 tiles are enlarged
    // (no request for z14), so the view shows the z12 colour and no warning.
    Feedback feedback;
    const QImage img = MapRenderer::renderImage(view(m_xyz + QStringLiteral("#zmax=12"), 10.0), &feedback);
    QVERIFY2(feedback.warnings().isEmpty(), qPrintable(feedback.warnings().join(QLatin1Char('\n'))));
    for (const QPoint p : {QPoint(50, 50), QPoint(5, 5), QPoint(95, 95)})
        QCOMPARE(img.pixelColor(p), kZoomColour[2]);
    // Coarser views still use the coarser levels.
    QCOMPARE(MapRenderer::renderImage(view(m_xyz + QStringLiteral("#zmax=12"), 160.0)).pixelColor(50, 50), kZoomColour[0]);
    // A bad option is refused with one line naming the template.
    for (const QString &bad : {QStringLiteral("#zmax=40"), QStringLiteral("#zmax=x"), QStringLiteral("#zoom=3")}) {
        try {
            RasterLayer::open(m_xyz + bad);
            QFAIL(qPrintable(bad));
        } catch (const IoError &e) {
            QVERIFY2(e.message().startsWith(m_xyz + bad + QStringLiteral(": ")), qPrintable(e.message()));
            QVERIFY2(e.message().contains(QLatin1String("zmax")), qPrintable(e.message()));
        }
    }
}

void TestBasemap::tileSetsWarpedWithAttribution()
{
    // A Web Mercator picture ±4 km around the centre, west half orange, east half teal,
    // written as tile sets.
    const QPointF c = CoordinateTransform(Crs::fromEpsg(4326), Crs::fromEpsg(3857)).transform(QPointF(kLon, kLat));
    const QString tif = m_dir.filePath(QStringLiteral("pic.tif")), mb = m_dir.filePath(QStringLiteral("pic.mbtiles")),
                  gpkg = m_dir.filePath(QStringLiteral("pic.gpkg"));
    {
        GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GTiff"), tif.toUtf8().constData(), 400, 400, 3, GDT_Byte, nullptr);
        QVERIFY(ds);
        double gt[6] = {c.x() - 4000, 20, 0, c.y() + 4000, 0, -20};
        GDALSetGeoTransform(ds, gt);
        GDALSetProjection(ds, Crs::fromEpsg(3857).wkt().toUtf8().constData());
        const int west[3] = {240, 140, 20}, east[3] = {0, 150, 150};
        std::vector<GByte> row(400);
        for (int b = 0; b < 3; ++b) {
            for (int x = 0; x < 400; ++x)
                row[std::size_t(x)] = GByte(x < 200 ? west[b] : east[b]);
            for (int y = 0; y < 400; ++y)
                QCOMPARE(GDALRasterIO(GDALGetRasterBand(ds, b + 1), GF_Write, 0, y, 400, 1, row.data(), 400, 1, GDT_Byte, 0, 0), CE_None);
        }
        GDALClose(ds);
        // The same picture as MBTiles and as a GeoPackage tile set (Web Mercator tiling
        // scheme), each with two overview levels (zoom levels); the GeoPackage carries an
        // attribution in its metadata.
        GDALDatasetH src = GDALOpen(tif.toUtf8().constData(), GA_ReadOnly);
        for (const QString &out : {mb, gpkg}) {
            const CslList args = toCsl(out == mb ? QStringList{QStringLiteral("-of"), QStringLiteral("MBTILES")}
                                                 : QStringList{QStringLiteral("-of"), QStringLiteral("GPKG"), QStringLiteral("-co"),
                                                               QStringLiteral("TILING_SCHEME=GoogleMapsCompatible")});
            GDALTranslateOptions *opts = GDALTranslateOptionsNew(args.get(), nullptr);
            GDALDatasetH ds2 = GDALTranslate(out.toUtf8().constData(), src, opts, nullptr);
            GDALTranslateOptionsFree(opts);
            QVERIFY(ds2);
            GDALClose(ds2);
            GDALDatasetH upd = GDALOpen(out.toUtf8().constData(), GA_Update);
            int levels[2] = {2, 4};
            QCOMPARE(GDALBuildOverviews(upd, "AVERAGE", 2, levels, 0, nullptr, nullptr, nullptr), CE_None);
            if (out == gpkg)
                QCOMPARE(GDALSetMetadataItem(upd, "attribution", "© Test Tiles 2026", nullptr), CE_None);
            GDALClose(upd);
        }
        GDALClose(src);
    }
    for (const QString &path : {mb, gpkg}) {
        const RasterLayer t = RasterLayer::open(path);
        QVERIFY(t.isColour());
        MapSettings s = view(path, 40.0); // 4 km across: both halves in view, the edge at x = 50
        Feedback feedback;
        const QImage img = MapRenderer::renderImage(s, &feedback);
        QVERIFY2(feedback.warnings().isEmpty(), qPrintable(feedback.warnings().join(QLatin1Char('\n'))));
        // PNG tiles are exact; the edge is bilinear over a couple of pixels only.
        QCOMPARE(img.pixelColor(20, 50), QColor(240, 140, 20));
        QCOMPARE(img.pixelColor(80, 50), QColor(0, 150, 150));
    }
    const RasterLayer r = RasterLayer::open(gpkg);
    QVERIFY(r.isColour());
    QCOMPARE(r.attribution(), QStringLiteral("© Test Tiles 2026"));
    // Its extent in UTM holds the centre (it counts for zoom-to-layer).
    QVERIFY(rasterExtentIn(r, Crs::fromEpsg(32651)).contains(m_centre));

    MapSettings s = view(gpkg, 40.0);
    s.layers.front().id = QStringLiteral("tiles");
    // Outside the tile set (±4 km in Mercator ≈ ±3.4 km on the ground): background.
    const MapSettings wide = view(gpkg, 200.0); // 20 km across
    const QImage far = MapRenderer::renderImage(wide);
    QCOMPARE(far.pixelColor(1, 1), QColor(255, 0, 255));
    QCOMPARE(far.pixelColor(45, 50), QColor(240, 140, 20));

    Project project;
    ProjectLayer pl;
    pl.id = QStringLiteral("tiles");
    pl.path = gpkg;
    pl.role = Role::Basemap;
    project.layers = {pl};
    QVERIFY(PrintCredits::forProject(project, s.layers).contains(QStringLiteral("© Test Tiles 2026")));
    s.layers.front().visible = false; // a hidden basemap is not credited
    QVERIFY(!PrintCredits::forProject(project, s.layers).contains(QStringLiteral("© Test Tiles 2026")));
}

void TestBasemap::keyNeverShown()
{
    // Port 9 (discard) is closed here: the server is unreachable.
    const QString url = QStringLiteral("http://127.0.0.1:9/vec_w/{z}/{x}/{y}.png?tk={key}");
    qunsetenv("REFUGE_TILE_KEY");
    try {
        RasterLayer::open(url);
        QFAIL("a key-less open must throw");
    } catch (const IoError &e) {
        QVERIFY2(e.message().contains(QLatin1String("REFUGE_TILE_KEY")), qPrintable(e.message()));
    }
    qputenv("REFUGE_TILE_KEY", "SECRET9876");
    Feedback feedback;
    const QImage img = MapRenderer::renderImage(view(url, 40.0), &feedback);
    qunsetenv("REFUGE_TILE_KEY");
    QCOMPARE(img.pixelColor(50, 50), QColor(255, 0, 255));
    QVERIFY(!feedback.warnings().isEmpty()); // said, not thrown: the rest of the map still draws
    for (const QString &w : feedback.warnings())
        QVERIFY2(!w.contains(QLatin1String("SECRET9876")), qPrintable(w));
}

void TestBasemap::osmCreditedOnce()
{
    // An OpenStreetMap tile layer in a project whose credits already name OSM: one line.
    Project project;
    project.metadata.insert(QStringLiteral("credits"), QJsonArray{QStringLiteral("© OpenStreetMap contributors, ODbL 1.0")});
    ProjectLayer pl;
    pl.id = QStringLiteral("osm");
    pl.path = QStringLiteral("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
    pl.role = Role::Basemap;
    project.layers = {pl};
    QCOMPARE(PrintCredits::forProject(project, {}), QStringList{QStringLiteral("© OpenStreetMap contributors, ODbL 1.0")});
    project.metadata = {}; // without it the OSM credit is added
    QCOMPARE(PrintCredits::forProject(project, {}), QStringList{QStringLiteral("© OpenStreetMap contributors")});
}

QTEST_MAIN(TestBasemap)
#include "tst_basemap.moc"
