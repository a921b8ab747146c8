// Demand: polygons → points on the surface, split cells by area, points, raster cell
// centres; null/negative/zero populations counted and left out.
#include "analysis/Demand.h"
#include "model/RasterLayer.h"
#include "model/VectorLayer.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QTemporaryDir>
#include <QTest>
#include <gdal.h>

using namespace refuge;

namespace {

Geometry square(double x, double y, double w, double h)
{
    return Geometry::polygon({{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}, {x, y}}});
}

VectorLayer blocks()
{
    VectorLayer l(QStringLiteral("blocks"), GeometryType::Polygon, Crs::fromEpsg(26986));
    l.addField({QStringLiteral("pop"), FieldType::Real});
    l.addFeature(square(0, 0, 100, 100), {100.0});
    l.addFeature(square(200, 0, 10, 10), {QVariant()});   // null
    l.addFeature(square(300, 0, 10, 10), {-5.0});         // negative
    l.addFeature(square(400, 0, 10, 10), {0.0});          // zero
    l.addFeature(square(500, 0, 10, 10), {QStringLiteral("n/a")}); // non-numeric
    l.addFeature(square(25, 125, 100, 50), {60.0});       // straddles cells
    l.buildIndex();
    return l;
}

} // namespace

class TestDemand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void polygonsOnePointEach()
    {
        Feedback fb;
        const DemandSet d = Demand::fromLayer(blocks(), QStringLiteral("pop"), 0, fb);
        QCOMPARE(int(d.size()), 2);
        QCOMPARE(d.totalPopulation(), 160.0);
        QCOMPARE(d.stats.features, 6);
        QCOMPARE(d.stats.used, 2);
        QCOMPARE(d.stats.nullPopulation, 1);
        QCOMPARE(d.stats.unusablePopulation, 1); // "n/a": listed, never 0
        QCOMPARE(d.stats.unusableFids, std::vector<qint64>{4});
        QCOMPARE(d.stats.negativePopulation, 1);
        QCOMPARE(d.stats.zeroPopulation, 1);
        QVERIFY(QRectF(0, 0, 100, 100).contains(d.points[0]));
        QCOMPARE(d.feature[1], 5);
        QVERIFY(d.stats.messages().join(QLatin1Char('\n')).contains(QStringLiteral("negative")));
        QCOMPARE(fb.inputProblems(), QStringList{QStringLiteral("blocks: 1 features with a population that is not a number left out (unusable: fid 4)")});
    }
    void populationWrittenAsText()
    {
        VectorLayer l(QStringLiteral("blocks"), GeometryType::Point, Crs::fromEpsg(26986));
        l.addField({QStringLiteral("pop"), FieldType::String});
        l.addFeature(Geometry::point({0, 0}), {QStringLiteral("14,495")});
        l.addFeature(Geometry::point({1, 0}), {QStringLiteral("1 234")});
        l.addFeature(Geometry::point({2, 0}), {QStringLiteral("300")});
        l.addFeature(Geometry::point({3, 0}), {QStringLiteral("big")});
        l.addFeature(Geometry::point({4, 0}), {QString()});
        l.buildIndex();
        Feedback fb;
        const DemandSet d = Demand::fromLayer(l, QStringLiteral("pop"), 0, fb);
        QCOMPARE(d.population, (std::vector<double>{14495, 1234, 300}));
        QCOMPARE(d.stats.reformattedPopulation, 2);
        QCOMPARE(d.stats.unusablePopulation, 1);
        QCOMPARE(d.stats.unusableFids, std::vector<qint64>{3});
        QCOMPARE(d.stats.nullPopulation, 1);
        QVERIFY(d.stats.messages().join(QLatin1Char('\n')).contains(QStringLiteral("2 features with a population written as text")));
    }
    void splitCells()
    {
        Feedback fb;
        const DemandSet d = Demand::fromLayer(blocks(), QStringLiteral("pop"), 50, fb);
        // 100×100 square on the 50 m grid: 4 cells of 25 at their centres.
        // 100×50 rectangle at x 25..125, y 125..175: pieces over 3 columns × 2 rows.
        QCOMPARE(d.stats.splitFeatures, 2);
        QCOMPARE(d.totalPopulation(), 160.0);
        int firstCount = 0;
        double rect = 0;
        for (std::size_t i = 0; i < d.size(); ++i) {
            if (d.feature[i] == 0) {
                ++firstCount;
                QCOMPARE(d.population[i], 25.0);
                const double fx = std::fmod(d.points[i].x(), 50.0), fy = std::fmod(d.points[i].y(), 50.0);
                QCOMPARE(fx, 25.0);
                QCOMPARE(fy, 25.0);
            } else {
                rect += d.population[i];
                // Piece x 25..50 y 125..150 has 625 m² of 5000 → 7.5 people.
                if (d.points[i].x() < 50 && d.points[i].y() < 150)
                    QCOMPARE(d.population[i], 7.5);
            }
        }
        QCOMPARE(firstCount, 4);
        QCOMPARE(rect, 60.0);
        QCOMPARE(int(d.size()), 4 + 6);
    }
    void missingField()
    {
        Feedback fb;
        QVERIFY_THROWS_EXCEPTION(InvalidInput, Demand::fromLayer(blocks(), QStringLiteral("POP100"), 0, fb));
    }
    void points()
    {
        Feedback fb;
        VectorLayer l(QStringLiteral("pts"), GeometryType::Point, Crs::fromEpsg(26986));
        l.addField({QStringLiteral("n"), FieldType::Integer});
        l.addFeature(Geometry::point({1, 2}), {7});
        l.addFeature(Geometry::point({3, 4}), {QVariant()});
        const DemandSet d = Demand::fromLayer(l, QStringLiteral("n"), 100, fb);
        QCOMPARE(int(d.size()), 1);
        QCOMPARE(d.points[0], QPointF(1, 2));
        QCOMPARE(d.population[0], 7.0);
        QCOMPARE(d.stats.nullPopulation, 1);
    }
    void raster()
    {
        QTemporaryDir dir;
        const QByteArray path = dir.filePath(QStringLiteral("pop.tif")).toUtf8();
        GDALAllRegister();
        GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GTiff"), path.constData(), 3, 2, 1, GDT_Float32, nullptr);
        double gt[6] = {1000, 100, 0, 2000, 0, -100};
        GDALSetGeoTransform(ds, gt);
        const QByteArray wkt = Crs::fromEpsg(26986).wkt().toUtf8();
        GDALSetProjection(ds, wkt.constData());
        GDALRasterBandH b = GDALGetRasterBand(ds, 1);
        GDALSetRasterNoDataValue(b, -9999);
        float v[6] = {10, -9999, 0, -3, 5, 2.5f};
        QCOMPARE(GDALRasterIO(b, GF_Write, 0, 0, 3, 2, v, 3, 2, GDT_Float32, 0, 0), CE_None);
        GDALClose(ds);
        Feedback fb;
        const DemandSet d = Demand::fromRaster(RasterLayer::open(QString::fromUtf8(path)), 0, Crs(), fb);
        QCOMPARE(int(d.size()), 3);
        QCOMPARE(d.totalPopulation(), 17.5);
        QCOMPARE(d.points[0], QPointF(1050, 1950));
        QCOMPARE(d.points[2], QPointF(1250, 1850));
        QCOMPARE(d.stats.negativePopulation, 1);
        QCOMPARE(d.stats.zeroPopulation, 1);
        QCOMPARE(d.stats.features, 5); // the nodata cell is not a feature
    }
};

QTEST_MAIN(TestDemand)
#include "tst_demand.moc"
