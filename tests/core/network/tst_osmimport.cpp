// OSM import (maps/shanghai): routing tags exposed through resources/osmconf.ini,
// Chinese street names kept, graph built in the UTM zone, one-way honoured when driving,
// the profiles' OSM rules applied.
#include "TestSupport.h"
#include "model/VectorLayer.h"
#include "network/RoadGraphBuilder.h"

#include <QTest>

using namespace refuge;

class TestOsmImport : public QObject {
    Q_OBJECT

private:
    static RoadGraphOptions shanghai(const QString &profile)
    {
        RoadGraphOptions o;
        o.source = DataSource{refuge::test::sourcePath(QStringLiteral("maps/shanghai/shanghai_jingan_huangpu_osmnx.osm")), {}};
        o.profile = Profile::load(profile);
        o.useCache = false;
        return o;
    }

private Q_SLOTS:
    void keepsChineseNamesAndTags()
    {
        const VectorLayer lines = RoadGraphBuilder::loadLines(shanghai(QStringLiteral("walk")));
        QVERIFY(lines.featureCount() > 100);
        QCOMPARE(lines.crs().authId(), QStringLiteral("EPSG:32651"));
        QVERIFY(lines.fieldIndex(QStringLiteral("oneway")) >= 0);
        QVERIFY(lines.fieldIndex(QStringLiteral("maxspeed")) >= 0);
        QVERIFY(lines.fieldIndex(QStringLiteral("lanes")) >= 0);
        QVERIFY(lines.fieldIndex(QStringLiteral("junction")) >= 0);
        const int name = lines.requireField(QStringLiteral("name"));
        int chinese = 0;
        for (int i = 0; i < lines.featureCount(); ++i) {
            const QString s = lines.attribute(i, name).toString();
            for (QChar c : s)
                if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF) {
                    ++chinese;
                    break;
                }
        }
        QVERIFY2(chinese > 50, qPrintable(QString::number(chinese)));
    }

    void buildsWalkAndDrive()
    {
        RoadGraphReport walkReport, driveReport;
        const RoadGraph walk = RoadGraphBuilder::open(shanghai(QStringLiteral("walk")), nullptr, &walkReport);
        const RoadGraph drive = RoadGraphBuilder::open(shanghai(QStringLiteral("drive")), nullptr, &driveReport);
        QVERIFY(walk.linkCount() > 500);
        QCOMPARE(walkReport.onewayField, QStringLiteral("oneway"));
        QCOMPARE(walkReport.classField, QStringLiteral("highway"));
        // Walking ignores one-way: every link both ways. Driving has one-way links.
        int oneWayDrive = 0;
        for (int l = 0; l < drive.linkCount(); ++l)
            oneWayDrive += drive.linkOneWay(l) != OneWay::Both ? 1 : 0;
        for (int l = 0; l < walk.linkCount(); ++l)
            QCOMPARE(walk.linkOneWay(l), OneWay::Both);
        QVERIFY(oneWayDrive > 10);
        // The profiles' OSM rules: the trunk roads (the North-South and Yan'an elevated
        // expressways, their ramps, the Yan'an East Road tunnel) are not walked, three
        // access=no ways neither walked nor driven.
        QCOMPARE(walkReport.excludedWays.size(), 3);
        QCOMPARE(walkReport.excludedWays.value(QStringLiteral("highway=trunk")).ways, 25);
        QCOMPARE(walkReport.excludedWays.value(QStringLiteral("highway=trunk_link")).ways, 75);
        QCOMPARE(walkReport.excludedWays.value(QStringLiteral("access=no")).ways, 3);
        QCOMPARE(driveReport.excludedWays.size(), 1);
        QCOMPARE(driveReport.excludedWays.value(QStringLiteral("access=no")).ways, 3);
    }
};

QTEST_GUILESS_MAIN(TestOsmImport)
#include "tst_osmimport.moc"
