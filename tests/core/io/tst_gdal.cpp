// Gdal handles: openDataset/probeDataset name each problem with the file, error text
// comes from GDAL, CSL lists convert UTF-8.
#include "io/Gdal.h"
#include "util/Error.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "TestSupport.h"

using namespace refuge;

class TestGdal : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_tmp.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void probe()
    {
        const DatasetKind gpkg = probeDataset(test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")));
        QVERIFY(gpkg.vector);
        QVERIFY(!gpkg.raster);
        const DatasetKind tif = probeDataset(test::dataPath(QStringLiteral("model/dem_nodata.tif")));
        QVERIFY(tif.raster);
        QVERIFY(!tif.vector);
        const DatasetKind shp = probeDataset(test::dataPath(QStringLiteral("io/shelters_gbk.shp")));
        QVERIFY(shp.vector);
    }

    void openDatasetOk()
    {
        GdalDataset ds = openDataset(test::dataPath(QStringLiteral("io/bowtie.geojson")), GDAL_OF_VECTOR);
        QVERIFY(ds);
        QCOMPARE(QString::fromUtf8(GDALGetDriverShortName(GDALGetDatasetDriver(ds.get()))), QStringLiteral("GeoJSON"));
        QCOMPARE(GDALDatasetGetLayerCount(ds.get()), 1);
        QCOMPARE(OGR_L_GetFeatureCount(GDALDatasetGetLayer(ds.get(), 0), TRUE), GIntBig(3));
        // a folder of shapefiles is a vector dataset
        GdalDataset folder = openDataset(test::dataPath(QStringLiteral("io")), GDAL_OF_VECTOR);
        QVERIFY(GDALDatasetGetLayerCount(folder.get()) >= 2);
    }

    void openErrors_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<unsigned>("flags");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << m_tmp.filePath(QStringLiteral("missing.gpkg")) << unsigned(GDAL_OF_VECTOR) << "no such file";
        QTest::newRow("empty file") << write(QStringLiteral("empty.geojson"), QByteArray()) << unsigned(GDAL_OF_VECTOR) << "is empty (0 bytes)";
        QTest::newRow("folder without shapefiles") << m_tmp.path() << unsigned(GDAL_OF_VECTOR) << "is a directory, not a data file";
        QTest::newRow("folder as raster") << test::dataPath(QStringLiteral("io")) << unsigned(GDAL_OF_RASTER) << "is a directory, not a data file";
    }

    void openErrors()
    {
        QFETCH(QString, path);
        QFETCH(unsigned, flags);
        QFETCH(QString, message);
        try {
            (void)openDataset(path, flags);
            QFAIL("expected IoError");
        } catch (const IoError &e) {
            QCOMPARE(e.message(), path + QStringLiteral(": ") + message);
        }
    }

    // Not a format GDAL reads: the message names the file and carries GDAL's reason (or ours).
    void notAFormat()
    {
        const QString path = write(QStringLiteral("notes.txt"), "just some words\n");
        try {
            (void)openDataset(path, GDAL_OF_RASTER);
            QFAIL("expected IoError");
        } catch (const IoError &e) {
            QVERIFY2(e.message().startsWith(path + QStringLiteral(": ")), qPrintable(e.message()));
            QVERIFY(e.message().size() > path.size() + 2);
        }
        QVERIFY_THROWS_EXCEPTION(IoError, probeDataset(path));
    }

    void cslList()
    {
        const CslList l = toCsl({QStringLiteral("ENCODING=GBK"), QStringLiteral("名称=值")});
        QCOMPARE(CSLCount(l.get()), 2);
        QCOMPARE(QByteArray(CSLFetchNameValue(l.get(), "ENCODING")), QByteArray("GBK"));
        QCOMPARE(QString::fromUtf8(l.get()[1]), QStringLiteral("名称=值"));
        QVERIFY(!toCsl({}));
    }

    void lastError()
    {
        ensureGdal();
        resetGdalError();
        QCOMPARE(lastGdalError(), QString());
        CPLError(CE_Failure, CPLE_AppDefined, "boom  in\n two lines");
        QCOMPARE(lastGdalError(), QStringLiteral("boom in two lines"));
        resetGdalError();
        QCOMPARE(lastGdalError(), QString());
    }
};

QTEST_GUILESS_MAIN(TestGdal)
#include "tst_gdal.moc"
