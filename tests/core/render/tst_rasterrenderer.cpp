// Raster drawing: greyscale and pseudocolour stretch, nodata transparent, layer extent;
// a raster in another CRS is warped onto the map.
#include "crs/Crs.h"
#include "io/Gdal.h"
#include "model/RasterLayer.h"
#include "render/ColorRamp.h"
#include "render/MapRenderer.h"
#include "util/Feedback.h"

#include <QTemporaryDir>
#include <QTest>
#include <gdal.h>

using namespace refuge;

class TestRasterRenderer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void greyscaleAndNodata();
    void pseudocolour();
    void otherCrsIsWarped();

private:
    MapSettings settings(RasterStyle::Mode mode) const;
    QTemporaryDir m_dir;
    QString m_path;
};

// A 4x2 Float32 GeoTIFF in EPSG:26986, 10 m pixels from (1000, 2000) down to (1040, 1980):
// row 0: 0 10 20 -9999(nodata); row 1: 30 30 30 30.
void TestRasterRenderer::initTestCase()
{
    ensureGdal();
    m_path = m_dir.filePath(QStringLiteral("r.tif"));
    GDALDriverH drv = GDALGetDriverByName("GTiff");
    GDALDatasetH ds = GDALCreate(drv, m_path.toUtf8().constData(), 4, 2, 1, GDT_Float32, nullptr);
    QVERIFY(ds);
    double gt[6] = {1000, 10, 0, 2000, 0, -10};
    GDALSetGeoTransform(ds, gt);
    GDALSetProjection(ds, Crs::fromEpsg(26986).wkt().toUtf8().constData());
    GDALRasterBandH band = GDALGetRasterBand(ds, 1);
    GDALSetRasterNoDataValue(band, -9999);
    float values[8] = {0, 10, 20, -9999, 30, 30, 30, 30};
    QCOMPARE(GDALRasterIO(band, GF_Write, 0, 0, 4, 2, values, 4, 2, GDT_Float32, 0, 0), CE_None);
    GDALClose(ds);
}

MapSettings TestRasterRenderer::settings(RasterStyle::Mode mode) const
{
    MapSettings s;
    s.crs = Crs::fromEpsg(26986);
    s.extent = QRectF(1000, 1980, 40, 20);
    s.outputSize = QSize(40, 20); // 1 px = 1 m: each raster cell is 10x10 px
    s.background = QColor(255, 0, 255);
    MapLayer l;
    l.raster = std::make_shared<const RasterLayer>(RasterLayer::open(m_path));
    l.style.type = Style::Type::Raster;
    l.style.raster.mode = mode;
    l.style.raster.min = 0;
    l.style.raster.max = 30;
    l.style.raster.ramp = QStringLiteral("blues");
    s.layers = {l};
    return s;
}

void TestRasterRenderer::greyscaleAndNodata()
{
    const QImage img = MapRenderer::renderImage(settings(RasterStyle::Mode::Greyscale));
    QCOMPARE(img.pixelColor(5, 5), QColor(0, 0, 0));        // 0 → black
    QCOMPARE(img.pixelColor(25, 5), QColor(170, 170, 170)); // 20 of 0..30 → 2/3 grey
    QCOMPARE(img.pixelColor(35, 5), QColor(255, 0, 255));   // nodata: background shows
    QCOMPARE(img.pixelColor(5, 15), QColor(255, 255, 255)); // 30 → white
}

void TestRasterRenderer::pseudocolour()
{
    const QImage img = MapRenderer::renderImage(settings(RasterStyle::Mode::Pseudocolor));
    const ColorRamp blues = ColorRamp::named(QStringLiteral("blues"));
    QCOMPARE(img.pixelColor(5, 5), blues.colorAt(0));
    QCOMPARE(img.pixelColor(5, 15), blues.colorAt(1));
    QCOMPARE(img.pixelColor(35, 5), QColor(255, 0, 255));
}

void TestRasterRenderer::otherCrsIsWarped()
{
    // EPSG:2249 is EPSG:26986 in US survey feet (same projection and origin): the same
    // extent in feet must show the same cells at the same pixels.
    MapSettings s = settings(RasterStyle::Mode::Greyscale);
    s.crs = Crs::fromEpsg(2249);
    const double ft = 1200.0 / 3937.0; // metres per US survey foot
    s.extent = QRectF(1000 / ft, 1980 / ft, 40 / ft, 20 / ft);
    Feedback feedback;
    const QImage img = MapRenderer::renderImage(s, &feedback);
    QVERIFY2(feedback.warnings().isEmpty(), qPrintable(feedback.warnings().join(QLatin1Char('\n'))));
    QCOMPARE(img.pixelColor(5, 5), QColor(0, 0, 0));
    QCOMPARE(img.pixelColor(25, 5), QColor(170, 170, 170));
    QCOMPARE(img.pixelColor(35, 5), QColor(255, 0, 255)); // nodata stays transparent when warped
    QCOMPARE(img.pixelColor(5, 15), QColor(255, 255, 255));
}

QTEST_MAIN(TestRasterRenderer)
#include "tst_rasterrenderer.moc"
