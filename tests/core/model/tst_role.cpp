// Roles: names both ways, required field keys, and guessRole on real layer names
// (City of Cambridge files) and Chinese planning vocabulary.
#include "model/Role.h"

#include <QTest>

using namespace refuge;

Q_DECLARE_METATYPE(refuge::Role)

class TestRole : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void names()
    {
        const QStringList all = allRoleNames();
        QCOMPARE(all, (QStringList{"roads", "shelters", "fire_stations", "supplies", "medical", "hazard", "communities",
                                   "population", "official_districts", "basemap", "other"}));
        for (const QString &n : all) {
            const auto role = roleFromName(n);
            QVERIFY(role.has_value());
            QCOMPARE(roleName(*role), n);
        }
        QCOMPARE(roleFromName(QStringLiteral("FIRE_STATIONS")), std::optional<Role>(Role::FireStations));
        QCOMPARE(roleFromName(QStringLiteral("Shelters")), std::optional<Role>(Role::Shelters));
        QVERIFY(!roleFromName(QStringLiteral("shelter")).has_value());
        QVERIFY(!roleFromName(QString()).has_value());
        QCOMPARE(roleName(Role::OfficialDistricts), QStringLiteral("official_districts"));
    }

    void requiredKeys()
    {
        QCOMPARE(requiredFieldKeys(Role::Shelters), (QStringList{"name", "capacity|area"}));
        QCOMPARE(requiredFieldKeys(Role::FireStations), (QStringList{"name"}));
        QCOMPARE(requiredFieldKeys(Role::Population), (QStringList{"population"}));
        QCOMPARE(requiredFieldKeys(Role::Communities), (QStringList{"name"}));
        QCOMPARE(requiredFieldKeys(Role::OfficialDistricts), (QStringList{"facility"}));
        QCOMPARE(requiredFieldKeys(Role::Roads), QStringList());
        QCOMPARE(requiredFieldKeys(Role::Basemap), QStringList());
    }

    void guess_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<Role>("role");
        // City of Cambridge file names (../shared/data/cambridge)
        QTest::newRow("shelters") << "Emergency_Shelters__PUBLICSAFETY_EmergencyShelters.geojson" << Role::Shelters;
        QTest::newRow("fire stations") << "Fire_Stations__PUBLICSAFETY_FireStations" << Role::FireStations;
        QTest::newRow("engine districts") << "Fire_Engine_Districts__PUBLICSAFETY_FireEngineDistricts" << Role::OfficialDistricts;
        QTest::newRow("centerlines") << "Street_Centerlines__TRANS_Centerlines" << Role::Roads;
        QTest::newRow("major roads") << "Major_Roads__TRANS_MajorRoads" << Role::Roads;
        QTest::newRow("blocks") << "2000_Blocks__DEMOGRAPHICS_Blocks2000" << Role::Population;
        QTest::newRow("neighborhoods") << "CDD_Neighborhoods__BOUNDARY_CDDNeighborhoods" << Role::Communities;
        QTest::newRow("FEMA flood") << "FEMA_Floodplains_100_Year__FEMA_FloodPlains100Year" << Role::Hazard;
        QTest::newRow("hospitals") << "Hospitals__HEALTH_Hospitals" << Role::Medical;
        QTest::newRow("city boundary") << "City_Boundary__BOUNDARY_CityBoundary" << Role::Other;
        QTest::newRow("hydrants") << "Hydrants__INFRA_Hydrants" << Role::Other;
        QTest::newRow("osm export") << "shanghai_jingan_huangpu_osmnx" << Role::Other;
        QTest::newRow("upper case") << "SHELTERS" << Role::Shelters;
        // Chinese
        QTest::newRow("人民广场避难场所") << "人民广场避难场所" << Role::Shelters;
        QTest::newRow("应急避险场所") << "应急避险场所" << Role::Shelters;
        QTest::newRow("微型消防站") << "微型消防站" << Role::FireStations;
        QTest::newRow("消防站辖区") << "消防站辖区" << Role::OfficialDistricts;
        QTest::newRow("消防责任区") << "消防责任区" << Role::OfficialDistricts;
        QTest::newRow("应急物资储备点") << "应急物资储备点" << Role::Supplies;
        // 救灾 contains 灾 (disaster) but a relief-supply depot is not a hazard layer
        QTest::newRow("救灾物资储备库") << "救灾物资储备库" << Role::Supplies;
        QTest::newRow("内涝点") << "内涝点" << Role::Hazard;
        QTest::newRow("洪水风险区") << "洪水风险区" << Role::Hazard;
        QTest::newRow("危险化学品企业") << "危险化学品企业" << Role::Hazard;
        QTest::newRow("道路中心线") << "道路中心线" << Role::Roads;
        QTest::newRow("路网") << "静安区路网" << Role::Roads;
        QTest::newRow("人口普查") << "第七次人口普查" << Role::Population;
        QTest::newRow("居委会") << "居委会边界" << Role::Communities;
        QTest::newRow("社区") << "静安区社区" << Role::Communities;
        QTest::newRow("街镇") << "静安区街镇" << Role::Communities;
        QTest::newRow("行政区") << "上海市行政区" << Role::Communities;
        QTest::newRow("居村") << "居村委" << Role::Communities;
        QTest::newRow("医院") << "三甲医院" << Role::Medical;
        // a community health centre is medical, not a community boundary
        QTest::newRow("社区卫生服务中心") << "社区卫生服务中心" << Role::Medical;
        QTest::newRow("静安区") << "静安区" << Role::Other;
        QTest::newRow("empty") << "" << Role::Other;
    }

    void guess()
    {
        QFETCH(QString, name);
        QFETCH(Role, role);
        QCOMPARE(roleName(guessRole(name)), roleName(role));
    }
};

QTEST_GUILESS_MAIN(TestRole)
#include "tst_role.moc"
