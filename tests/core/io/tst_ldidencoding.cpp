// A GBK shapefile without .cpg whose DBF carries LDID 87 ("ANSI", GDAL's default
// byte) must still be read as GBK, with the guess reported — never silent mojibake.
#include "TestSupport.h"
#include "model/VectorLayer.h"

#include <QTest>

using namespace refuge;

class TstLdidEncoding : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void detectsGbkBehindAnsiLdid()
    {
        const QString shp = test::dataPath(QStringLiteral("io/ldid87/ldid87.shp"));
        const QByteArray before = test::sha256(shp.chopped(4) + QStringLiteral(".dbf"));
        const VectorLayer layer = VectorLayer::load(DataSource{shp, {}});
        QCOMPARE(layer.featureCount(), 3);
        QCOMPARE(layer.attribute(0, QStringLiteral("name")).toString(), QStringLiteral("人民广场避难场所"));
        QCOMPARE(layer.attribute(0, QStringLiteral("district")).toString(), QStringLiteral("黄浦区"));
        QCOMPARE(layer.attribute(1, QStringLiteral("name")).toString(), QStringLiteral("静安公园避难场所"));
        QCOMPARE(layer.attribute(0, QStringLiteral("capacity")).toLongLong(), 12000);
        QCOMPARE(layer.report().encoding, QStringLiteral("GBK"));
        QVERIFY(layer.report().encodingNote.contains(QStringLiteral("LDID 87")));
        QCOMPARE(test::sha256(shp.chopped(4) + QStringLiteral(".dbf")), before);
    }

    void statedEncodingWins()
    {
        LoadOptions opts;
        opts.encoding = QStringLiteral("GBK");
        const VectorLayer layer = VectorLayer::load(DataSource{test::dataPath(QStringLiteral("io/ldid87/ldid87.shp")), {}}, opts);
        QCOMPARE(layer.attribute(2, QStringLiteral("district")).toString().isEmpty(), false);
        QVERIFY(layer.report().encodingNote.isEmpty());
        QCOMPARE(layer.attribute(0, QStringLiteral("name")).toString(), QStringLiteral("人民广场避难场所"));
    }
};

QTEST_GUILESS_MAIN(TstLdidEncoding)
#include "tst_ldidencoding.moc"
