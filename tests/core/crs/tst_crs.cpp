// Crs: parsing EPSG codes, WKT (incl. ESRI .prj), PROJ strings; authority
// identification; units; equivalence; UTM zone choice and metricCrsFor.
#include "crs/Crs.h"
#include "util/Error.h"

#include <QFile>
#include <QTest>
#include <limits>
#include <thread>

#include "TestSupport.h"

using namespace refuge;

namespace {
const char *kEsriWgs84 = R"(GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]])";
// WKT1 as GDAL writes it, without AUTHORITY nodes: identified by PROJ.
const char *kWkt1NoAuthority = R"(PROJCS["NAD83 / Massachusetts Mainland",GEOGCS["NAD83",DATUM["North_American_Datum_1983",SPHEROID["GRS 1980",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic_2SP"],PARAMETER["latitude_of_origin",41],PARAMETER["central_meridian",-71.5],PARAMETER["standard_parallel_1",42.6833333333333],PARAMETER["standard_parallel_2",41.7166666666667],PARAMETER["false_easting",200000],PARAMETER["false_northing",750000],UNIT["metre",1],AXIS["Easting",EAST],AXIS["Northing",NORTH]])";
} // namespace

class TestCrs : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void invalidByDefault()
    {
        const Crs c;
        QVERIFY(!c.isValid());
        QCOMPARE(c.authId(), QString());
        QCOMPARE(c.label(), QStringLiteral("(no CRS)"));
        QCOMPARE(c.metresPerUnit(), 0.0);
        QVERIFY(!c.isGeographic());
        QCOMPARE(c.toProjJson(), QString());
    }

    void parse_data()
    {
        QTest::addColumn<QString>("definition");
        QTest::addColumn<QString>("authId");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("geographic");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<double>("metresPerUnit");
        QTest::newRow("EPSG:26986") << "EPSG:26986" << "EPSG:26986" << "NAD83 / Massachusetts Mainland" << false << "metre" << 1.0;
        QTest::newRow("epsg lower case") << " epsg:4326 " << "EPSG:4326" << "WGS 84" << true << "degree" << 0.0;
        QTest::newRow("OGC:CRS84") << "OGC:CRS84" << "OGC:CRS84" << "WGS 84 (CRS84)" << true << "degree" << 0.0;
        QTest::newRow("UTM 51N") << "EPSG:32651" << "EPSG:32651" << "WGS 84 / UTM zone 51N" << false << "metre" << 1.0;
        QTest::newRow("US survey feet") << "EPSG:2249" << "EPSG:2249" << "NAD83 / Massachusetts Mainland (ftUS)" << false << "US survey foot"
                                        << 0.30480060960121924;
        QTest::newRow("CGCS2000") << "EPSG:4490" << "EPSG:4490" << "China Geodetic Coordinate System 2000" << true << "degree" << 0.0;
        QTest::newRow("ESRI prj WGS84") << kEsriWgs84 << "EPSG:4326" << "WGS 84" << true << "Degree" << 0.0; // unit name as spelled in the .prj
        QTest::newRow("WKT1 without authority") << kWkt1NoAuthority << "EPSG:26986" << "NAD83 / Massachusetts Mainland" << false << "metre" << 1.0;
        // A PROJ string is not identified with enough confidence: no authority code.
        QTest::newRow("PROJ string") << "+proj=lcc +lat_0=41 +lon_0=-71.5 +lat_1=42.6833333333333 +lat_2=41.7166666666667 +x_0=200000 +y_0=750000 +ellps=GRS80 +units=m +no_defs +type=crs"
                                     << "" << "unknown" << false << "metre" << 1.0;
    }

    void parse()
    {
        QFETCH(QString, definition);
        QFETCH(QString, authId);
        QFETCH(QString, name);
        QFETCH(bool, geographic);
        QFETCH(QString, unit);
        QFETCH(double, metresPerUnit);
        const Crs c = Crs::fromUserInput(definition);
        QVERIFY(c.isValid());
        QCOMPARE(c.authId(), authId);
        QCOMPARE(c.name(), name);
        QCOMPARE(c.isGeographic(), geographic);
        QCOMPARE(c.unitName(), unit);
        QCOMPARE(c.metresPerUnit(), metresPerUnit);
        QVERIFY(c.wkt().startsWith(geographic ? QLatin1String("GEOGCRS[") : QLatin1String("PROJCRS[")));
        // The WKT2 round-trips to an equivalent CRS. It carries the authority code when
        // the definition had one; an identified one (ESRI .prj, WKT1 without AUTHORITY)
        // is not written into the WKT, so the project file stores authId() instead.
        const Crs again = Crs::fromUserInput(c.wkt());
        QVERIFY(again.isEquivalentTo(c));
        if (c.wkt().contains(QLatin1String("ID[\"EPSG\",") + authId.mid(5) + QLatin1String("]]")))
            QCOMPARE(again.authId(), authId);
    }

    void prjFileFromFixture()
    {
        QFile f(test::dataPath(QStringLiteral("io/shelters_gbk.prj")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const Crs c = Crs::fromUserInput(QString::fromUtf8(f.readAll()));
        QCOMPARE(c.authId(), QStringLiteral("EPSG:4326"));
        QVERIFY(c.isGeographic());
    }

    // A compound CRS (horizontal + height) takes geography and units from its horizontal part.
    void compoundCrs()
    {
        const Crs c = Crs::fromEpsg(7405);
        QCOMPARE(c.authId(), QStringLiteral("EPSG:7405"));
        QCOMPARE(c.name(), QStringLiteral("OSGB36 / British National Grid + ODN height"));
        QVERIFY(!c.isGeographic());
        QCOMPARE(c.unitName(), QStringLiteral("metre"));
        QCOMPARE(c.metresPerUnit(), 1.0);
        QVERIFY(c.wkt().startsWith(QLatin1String("COMPOUNDCRS[")));
        const Crs g = Crs::fromUserInput(QStringLiteral("EPSG:4326+5773")); // WGS 84 + EGM96 height
        QVERIFY(g.isGeographic());
        QCOMPARE(g.unitName(), QStringLiteral("degree"));
        QCOMPARE(metricCrsFor(g, QRectF(121.46, 31.22, 0.03, 0.02)).authId(), QStringLiteral("EPSG:32651"));
    }

    void boundCrsBecomesItsSource()
    {
        // WKT1 with TOWGS84 is a BoundCRS in PROJ: we keep the source CRS.
        const Crs c = Crs::fromUserInput(QStringLiteral("+proj=longlat +ellps=bessel +towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7 +no_defs +type=crs"));
        QVERIFY(c.isGeographic());
        QVERIFY(!c.wkt().startsWith(QLatin1String("BOUNDCRS")));
        QCOMPARE(c.unitName(), QStringLiteral("degree"));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("definition");
        QTest::addColumn<QString>("messageStart");
        QTest::newRow("empty") << "" << "empty CRS definition";
        QTest::newRow("blank") << "   " << "empty CRS definition";
        QTest::newRow("unknown code") << "EPSG:999999" << "unknown CRS 'EPSG:999999'";
        QTest::newRow("garbage") << "not a crs" << "unknown CRS 'not a crs'";
        // A valid PROJ object that is not a CRS (an operation) is refused too.
        QTest::newRow("operation") << "+proj=utm +zone=19" << "unknown CRS '+proj=utm +zone=19'";
        QTest::newRow("broken WKT") << "PROJCS[\"x\",GEOGCS[" << "unknown CRS";
    }

    void errors()
    {
        QFETCH(QString, definition);
        QFETCH(QString, messageStart);
        try {
            (void)Crs::fromUserInput(definition);
            QFAIL("expected CrsError");
        } catch (const CrsError &e) {
            QVERIFY2(e.message().startsWith(messageStart), qPrintable(e.message()));
        }
    }

    void labelAndProjJson()
    {
        const Crs c = Crs::fromEpsg(26986);
        QCOMPARE(c.label(), QStringLiteral("EPSG:26986 — NAD83 / Massachusetts Mainland"));
        const QString json = c.toProjJson();
        QVERIFY2(json.contains(QLatin1String("\"code\": 26986")), qPrintable(json.left(200)));
        QVERIFY(json.contains(QLatin1String("\"type\": \"ProjectedCRS\"")));
        QCOMPARE(Crs::fromUserInput(json).authId(), QStringLiteral("EPSG:26986"));
        const Crs noAuth = Crs::fromUserInput(QStringLiteral("+proj=tmerc +lon_0=121.5 +ellps=GRS80 +units=m +type=crs"));
        QCOMPARE(noAuth.label(), noAuth.name());
    }

    void equivalence_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("equivalent");
        QTest::newRow("same code") << "EPSG:26986" << "EPSG:26986" << true;
        QTest::newRow("code vs WKT1 without authority") << "EPSG:26986" << kWkt1NoAuthority << true;
        QTest::newRow("4326 vs CRS84 (axis order only)") << "EPSG:4326" << "OGC:CRS84" << true;
        QTest::newRow("4326 vs ESRI prj") << "EPSG:4326" << kEsriWgs84 << true;
        QTest::newRow("metres vs feet") << "EPSG:26986" << "EPSG:2249" << false;
        QTest::newRow("WGS84 vs CGCS2000") << "EPSG:4326" << "EPSG:4490" << false;
        QTest::newRow("UTM 19 vs 51") << "EPSG:32619" << "EPSG:32651" << false;
        QTest::newRow("code vs PROJ string") << "EPSG:26986"
                                             << "+proj=lcc +lat_0=41 +lon_0=-71.5 +lat_1=42.6833333333333 +lat_2=41.7166666666667 +x_0=200000 +y_0=750000 +ellps=GRS80 +towgs84=0,0,0 +units=m +no_defs +type=crs"
                                             << false; // datum given only as an ellipsoid: not the same datum
    }

    void equivalence()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, equivalent);
        const Crs ca = Crs::fromUserInput(a), cb = Crs::fromUserInput(b);
        QCOMPARE(ca.isEquivalentTo(cb), equivalent);
        QCOMPARE(cb.isEquivalentTo(ca), equivalent);
        QCOMPARE(ca == cb, equivalent);
        QCOMPARE(ca != cb, !equivalent);
    }

    void equivalenceWithInvalid()
    {
        QVERIFY(Crs().isEquivalentTo(Crs()));
        QVERIFY(!Crs().isEquivalentTo(Crs::fromEpsg(4326)));
        QVERIFY(!Crs::fromEpsg(4326).isEquivalentTo(Crs()));
    }

    void utmFor_data()
    {
        QTest::addColumn<double>("lon");
        QTest::addColumn<double>("lat");
        QTest::addColumn<QString>("authId");
        QTest::newRow("Shanghai People's Square") << 121.4737 << 31.2304 << "EPSG:32651";
        QTest::newRow("Cambridge MA") << -71.1190 << 42.3736 << "EPSG:32619";
        QTest::newRow("Sydney") << 151.2093 << -33.8688 << "EPSG:32756";
        QTest::newRow("Greenwich") << 0.0 << 51.48 << "EPSG:32631";
        QTest::newRow("just west of Greenwich") << -0.0001 << 51.48 << "EPSG:32630";
        QTest::newRow("equator is north") << 10.0 << 0.0 << "EPSG:32632";
        QTest::newRow("lon -180") << -180.0 << 10.0 << "EPSG:32601";
        QTest::newRow("lon 180 wraps to zone 1") << 180.0 << 10.0 << "EPSG:32601";
        QTest::newRow("lon 179.99") << 179.99 << -10.0 << "EPSG:32760";
        QTest::newRow("lon 481.4737 wraps") << 481.4737 << 31.2304 << "EPSG:32651";
        QTest::newRow("lon -238.5263 wraps") << -238.5263 << 31.2304 << "EPSG:32651";
        QTest::newRow("zone edge 120E starts zone 51") << 120.0 << 31.0 << "EPSG:32651";
    }

    void utmFor()
    {
        QFETCH(double, lon);
        QFETCH(double, lat);
        QFETCH(QString, authId);
        const Crs utm = Crs::utmFor(lon, lat);
        QCOMPARE(utm.authId(), authId);
        QCOMPARE(utm.metresPerUnit(), 1.0);
    }

    void utmForRejectsBadInput()
    {
        QVERIFY_THROWS_EXCEPTION(CrsError, Crs::utmFor(0, 91));
        QVERIFY_THROWS_EXCEPTION(CrsError, Crs::utmFor(0, -90.5));
        QVERIFY_THROWS_EXCEPTION(CrsError, Crs::utmFor(std::numeric_limits<double>::quiet_NaN(), 0));
        QVERIFY_THROWS_EXCEPTION(CrsError, Crs::utmFor(0, std::numeric_limits<double>::infinity()));
    }

    void metricCrs_data()
    {
        QTest::addColumn<QString>("crs");
        QTest::addColumn<QRectF>("extent");
        QTest::addColumn<QString>("metric");
        // central Shanghai in degrees
        QTest::newRow("Shanghai lon/lat") << "EPSG:4326" << QRectF(QPointF(121.461, 31.220), QPointF(121.486, 31.241)) << "EPSG:32651";
        // CGCS2000 data: the 3-degree Gauss-Kruger zone (CM 120E: 118.5–121.5° E; CM 123E beyond)
        QTest::newRow("Shanghai CGCS2000") << "EPSG:4490" << QRectF(QPointF(121.461, 31.220), QPointF(121.486, 31.241)) << "EPSG:4549";
        QTest::newRow("Pudong CGCS2000") << "EPSG:4490" << QRectF(QPointF(121.55, 31.20), QPointF(121.60, 31.25)) << "EPSG:4550";
        QTest::newRow("CGCS2000 GK kept") << "EPSG:4549" << QRectF(640000, 3457000, 1000, 1000) << "EPSG:4549";
        QTest::newRow("Cambridge lon/lat") << "EPSG:4326" << QRectF(QPointF(-71.1606, 42.3524), QPointF(-71.0638, 42.4038)) << "EPSG:32619";
        // projected in metres: kept as is
        QTest::newRow("Cambridge state plane metres") << "EPSG:26986" << QRectF(QPointF(227964.7, 900298.9), QPointF(235908.9, 905981.5)) << "EPSG:26986";
        QTest::newRow("UTM kept") << "EPSG:32651" << QRectF(354000, 3456000, 1000, 1000) << "EPSG:32651";
        // projected in US survey feet: metres are needed, the UTM zone of the data
        QTest::newRow("Cambridge state plane feet") << "EPSG:2249" << QRectF(QPointF(747937.6, 2953723.1), QPointF(773999.5, 2972367.5)) << "EPSG:32619";
    }

    void metricCrs()
    {
        QFETCH(QString, crs);
        QFETCH(QRectF, extent);
        QFETCH(QString, metric);
        const Crs m = metricCrsFor(Crs::fromUserInput(crs), extent);
        QCOMPARE(m.authId(), metric);
        QCOMPARE(m.metresPerUnit(), 1.0);
        QVERIFY(!m.isGeographic());
    }

    void metricCrsNeedsACrs() { QVERIFY_THROWS_EXCEPTION(CrsError, metricCrsFor(Crs(), QRectF(0, 0, 1, 1))); }

    // Crs values are shared across threads; each thread parses with its own PROJ context.
    void threads()
    {
        const Crs shared = Crs::fromEpsg(26986);
        std::vector<QString> ids(4);
        std::vector<bool> same(4, false);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                const Crs own = Crs::utmFor(121.47, 31.23);
                ids[std::size_t(t)] = own.authId();
                same[std::size_t(t)] = shared.isEquivalentTo(Crs::fromUserInput(QString::fromLatin1(kWkt1NoAuthority)));
            });
        for (auto &t : threads)
            t.join();
        for (int t = 0; t < 4; ++t) {
            QCOMPARE(ids[std::size_t(t)], QStringLiteral("EPSG:32651"));
            QVERIFY(same[std::size_t(t)]);
        }
    }
};

QTEST_GUILESS_MAIN(TestCrs)
#include "tst_crs.moc"
