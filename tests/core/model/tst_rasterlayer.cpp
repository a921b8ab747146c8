// RasterLayer on tests/data/model/dem_nodata.tif (5 x 4 Float32, EPSG:26986, origin
// (230000, 900000), 10 m pixels, value = row * 10 + col, nodata -9999 at (2,1) and (4,3);
// gdalinfo -stats: mean 16.333333, 90 % valid) and plain.tif (no georeferencing).
#include "model/RasterLayer.h"
#include "util/Error.h"

#include <QFile>
#include <QTest>
#include <cmath>

#include "TestSupport.h"

using namespace refuge;

namespace {
QString dem() { return test::dataPath(QStringLiteral("model/dem_nodata.tif")); }
} // namespace

class TestRasterLayer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void metadata()
    {
        const RasterLayer r = RasterLayer::open(dem());
        QCOMPARE(r.path(), dem());
        QCOMPARE(r.driver(), QStringLiteral("GTiff"));
        QCOMPARE(r.width(), 5);
        QCOMPARE(r.height(), 4);
        QCOMPARE(r.bandCount(), 1);
        QCOMPARE(r.band(0).dataType, QStringLiteral("Float32"));
        QVERIFY(r.band(0).nodata.has_value());
        QCOMPARE(*r.band(0).nodata, -9999.0);
        QCOMPARE(r.band(0).description, QStringLiteral("elevation"));
        QCOMPARE(r.crs().authId(), QStringLiteral("EPSG:26986"));
        QCOMPARE(r.geoTransform(), (std::vector<double>{230000, 10, 0, 900000, 0, -10}));
        QCOMPARE(r.pixelWidth(), 10.0);
        QCOMPARE(r.pixelHeight(), 10.0);
        QCOMPARE(r.extent(), QRectF(QPointF(230000, 899960), QPointF(230050, 900000)));
        QCOMPARE(r.pixelCentre(0, 0), QPointF(230005, 899995));
        QCOMPARE(r.pixelCentre(4, 3), QPointF(230045, 899965));
        // no side file was written next to the input
        QVERIFY(!QFile::exists(dem() + QStringLiteral(".aux.xml")));
    }

    void readAllWithNodata()
    {
        const RasterLayer r = RasterLayer::open(dem());
        const std::vector<double> v = r.readAll(0);
        QCOMPARE(v.size(), std::size_t(20));
        int valid = 0;
        double sum = 0;
        for (int row = 0; row < 4; ++row)
            for (int col = 0; col < 5; ++col) {
                const double x = v[std::size_t(row * 5 + col)];
                if ((col == 2 && row == 1) || (col == 4 && row == 3)) {
                    QVERIFY(std::isnan(x));
                    continue;
                }
                QCOMPARE(x, double(row * 10 + col));
                ++valid;
                sum += x;
            }
        QCOMPARE(valid, 18);   // 90 % valid
        QCOMPARE(sum, 294.0);  // 340 - 12 - 34
        QVERIFY(std::abs(sum / valid - 16.333333333333) < 1e-9);
    }

    // Float32 pixels equal to the nodata value are masked even when the nodata value is
    // not exactly a float (0.1), or is ESRI's rounded -3.40282346639e+38 for -FLT_MAX.
    // GTiff already reports such values rounded to float; the VRT driver does not.
    void float32Nodata_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("GTiff 0.1") << "model/f32_nodata.tif";
        QTest::newRow("GTiff ESRI -FLT_MAX") << "model/f32_esri_nodata.tif";
        QTest::newRow("VRT 0.1") << "model/f32_nodata.vrt";
    }

    void float32Nodata()
    {
        QFETCH(QString, file);
        const RasterLayer r = RasterLayer::open(test::dataPath(file));
        QCOMPARE(r.band(0).dataType, QStringLiteral("Float32"));
        QVERIFY(r.band(0).nodata.has_value());
        const std::vector<double> v = r.readAll(0);
        QCOMPARE(v.size(), std::size_t(4));
        QVERIFY2(std::isnan(v[0]), qPrintable(QString::number(v[0], 'g', 17)));
        QCOMPARE(v[1], 1.5);
        QVERIFY(std::isnan(v[2]));
        QCOMPARE(v[3], 2.5);
    }

    void readWindow_data()
    {
        QTest::addColumn<QRect>("window");
        QTest::addColumn<QList<double>>("values"); // -1 = nodata
        QTest::newRow("one pixel") << QRect(3, 2, 1, 1) << QList<double>{23};
        QTest::newRow("2 rows x 3 cols") << QRect(1, 1, 3, 2) << QList<double>{11, -1, 13, 21, 22, 23};
        QTest::newRow("last column") << QRect(4, 0, 1, 4) << QList<double>{4, 14, 24, -1};
        QTest::newRow("first row") << QRect(0, 0, 5, 1) << QList<double>{0, 1, 2, 3, 4};
    }

    void readWindow()
    {
        QFETCH(QRect, window);
        QFETCH(QList<double>, values);
        const RasterLayer r = RasterLayer::open(dem());
        const std::vector<double> v = r.read(0, window);
        QCOMPARE(v.size(), std::size_t(values.size()));
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (values[qsizetype(i)] < 0)
                QVERIFY(std::isnan(v[i]));
            else
                QCOMPARE(v[i], values[qsizetype(i)]);
        }
    }

    void readErrors_data()
    {
        QTest::addColumn<int>("band");
        QTest::addColumn<QRect>("window");
        QTest::newRow("band 2") << 1 << QRect(0, 0, 1, 1);
        QTest::newRow("negative band") << -1 << QRect(0, 0, 1, 1);
        QTest::newRow("past right edge") << 0 << QRect(3, 0, 3, 1);
        QTest::newRow("past bottom") << 0 << QRect(0, 3, 1, 2);
        QTest::newRow("negative origin") << 0 << QRect(-1, 0, 2, 2);
        QTest::newRow("empty") << 0 << QRect(0, 0, 0, 0);
    }

    void readErrors()
    {
        QFETCH(int, band);
        QFETCH(QRect, window);
        const RasterLayer r = RasterLayer::open(dem());
        try {
            (void)r.read(band, window);
            QFAIL("expected an Error");
        } catch (const Error &e) {
            QVERIFY2(e.message().startsWith(dem() + QStringLiteral(": ")), qPrintable(e.message()));
        }
    }

    void notGeoreferenced()
    {
        const QString plain = test::dataPath(QStringLiteral("model/plain.tif"));
        try {
            (void)RasterLayer::open(plain);
            QFAIL("expected CrsError");
        } catch (const CrsError &e) {
            QCOMPARE(e.message(), plain + QStringLiteral(": raster is not georeferenced (no geotransform)"));
        }
        // with a stated CRS it opens, pixel = 1 unit, origin (0, 0), rows going down
        const RasterLayer r = RasterLayer::open(plain, Crs::fromEpsg(32651));
        QCOMPARE(r.crs().authId(), QStringLiteral("EPSG:32651"));
        QCOMPARE(r.width(), 3);
        QCOMPARE(r.height(), 2);
        QCOMPARE(r.band(0).dataType, QStringLiteral("Byte"));
        QVERIFY(!r.band(0).nodata.has_value());
        QCOMPARE(r.readAll(0), (std::vector<double>{1, 2, 3, 4, 5, 6}));
        QCOMPARE(r.extent(), QRectF(QPointF(0, -2), QPointF(3, 0)));
    }

    void statedCrsOverridesTheFile()
    {
        const RasterLayer r = RasterLayer::open(dem(), Crs::fromEpsg(2249));
        QCOMPARE(r.crs().authId(), QStringLiteral("EPSG:2249"));
        QCOMPARE(r.geoTransform()[0], 230000.0);
    }

    void openErrors()
    {
        const QString missing = test::dataPath(QStringLiteral("model/missing.tif"));
        try {
            (void)RasterLayer::open(missing);
            QFAIL("expected IoError");
        } catch (const IoError &e) {
            QCOMPARE(e.message(), missing + QStringLiteral(": no such file"));
        }
        const QString dir = test::dataPath(QStringLiteral("model"));
        try {
            (void)RasterLayer::open(dir);
            QFAIL("expected IoError");
        } catch (const IoError &e) {
            QCOMPARE(e.message(), dir + QStringLiteral(": is a directory, not a data file"));
        }
        // a vector file is not a raster
        QVERIFY_THROWS_EXCEPTION(IoError, RasterLayer::open(test::dataPath(QStringLiteral("io/nulls.geojson"))));
    }

    // A RasterLayer is a value; copies read independently (each read opens its own handle).
    void copiesReadIndependently()
    {
        const RasterLayer a = RasterLayer::open(dem());
        const RasterLayer b = a;
        QCOMPARE(b.read(0, QRect(1, 3, 1, 1)), (std::vector<double>{31}));
        QCOMPARE(a.read(0, QRect(1, 3, 1, 1)), (std::vector<double>{31}));
    }
};

QTEST_GUILESS_MAIN(TestRasterLayer)
#include "tst_rasterlayer.moc"
