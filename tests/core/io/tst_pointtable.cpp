// Point tables (PointTable through VectorLayer::load) and the GCJ-02 offset check
// (OffsetCheck, ProjectCheck). Fixtures: tests/data/cn (make_fixtures.sh): twelve real
// street intersections of the Shanghai OSM extract with Chinese headers (名称, 地址,
// 容纳人数, 面积（平方米）, 经度, 纬度), shelters_wgs84.csv as OSM gives them and
// shelters_gcj02.xlsx/.ods moved to GCJ-02 by the published formula in Python
// (independent of core/crs/ChinaOffsets), plus bad tables.
#include "crs/ChinaOffsets.h"
#include "io/OffsetCheck.h"
#include "io/ProjectCheck.h"
#include "model/Project.h"
#include "model/VectorLayer.h"
#include "util/Error.h"

#include <QJsonDocument>
#include <QTest>
#include <cmath>

#include "TestSupport.h"

using namespace refuge;

namespace {
QString cn(const char *name) { return test::dataPath(QStringLiteral("cn/") + QString::fromUtf8(name)); }
QString streetsPath() { return test::sourcePath(QStringLiteral("maps/shanghai/shanghai_jingan_huangpu_osmnx.osm")); }
VectorLayer load(const QString &path, const QString &layer = {}, const Crs &stated = {}, const Crs &target = {})
{
    LoadOptions o;
    o.assumedCrs = stated;
    o.targetCrs = target;
    return VectorLayer::load(DataSource{path, layer}, o);
}
// The message of the InvalidInput/CrsError loading throws ("" when it loads).
QString loadError(const QString &path, const QString &layer = {}, const Crs &stated = {})
{
    try {
        (void)load(path, layer, stated);
    } catch (const Error &e) {
        return e.message();
    }
    return {};
}
const VectorLayer &streets()
{
    static const VectorLayer l = load(streetsPath(), QStringLiteral("lines"));
    return l;
}
} // namespace

class TestPointTable : public QObject {
    Q_OBJECT

private slots:
    // The GCJ-02 sheet stated as GCJ-02 lands on the WGS 84 points (< 0.01 m in UTM 51N),
    // its attributes read with their Chinese headers, the coordinate columns not kept.
    void xlsxAndOdsInGcj02LandOnTheWgs84Points_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("sheet");
        QTest::newRow("xlsx") << cn("shelters_gcj02.xlsx") << QString();
        QTest::newRow("ods") << cn("shelters_gcj02.ods") << QString();
        QTest::newRow("xlsx, one of two sheets") << cn("two_sheets.xlsx") << QStringLiteral("避难场所");
    }
    void xlsxAndOdsInGcj02LandOnTheWgs84Points()
    {
        QFETCH(QString, path);
        QFETCH(QString, sheet);
        const Crs utm = Crs::fromEpsg(32651);
        const VectorLayer table = load(path, sheet, Crs::fromUserInput(QStringLiteral("GCJ-02")), utm);
        const VectorLayer truth = load(cn("shelters_wgs84.csv"), {}, {}, utm);
        QCOMPARE(table.featureCount(), 12);
        QCOMPARE(truth.featureCount(), 12);
        QCOMPARE(table.geometryType(), GeometryType::Point);
        QCOMPARE(table.sourceCrs().chinaOffset(), ChinaOffset::Gcj02);
        QCOMPARE(table.report().skipped(), 0);
        QCOMPARE(table.fieldIndex(QStringLiteral("经度")), -1);
        QCOMPARE(table.attribute(0, QStringLiteral("名称")).toString(), truth.attribute(0, QStringLiteral("名称")).toString());
        QCOMPARE(table.attribute(0, QStringLiteral("名称")).toString(), QStringLiteral("中华路与复兴东路交叉口避难点"));
        QCOMPARE(table.attribute(0, QStringLiteral("容纳人数")).toLongLong(), 200);
        QCOMPARE(table.attribute(1, QStringLiteral("面积（平方米）")).toLongLong(), 500);
        QCOMPARE(table.sourceFid(0), 2); // the sheet's row
        for (int i = 0; i < 12; ++i) {
            const QPointF a = table.geometry(i).points().front(), b = truth.geometry(i).points().front();
            QVERIFY2(std::hypot(a.x() - b.x(), a.y() - b.y()) < 0.01, qPrintable(QString::number(std::hypot(a.x() - b.x(), a.y() - b.y()))));
        }
    }

    // Without a stated CRS a lon/lat sheet is WGS 84; English headers in any case work.
    void englishHeadersAnyCase()
    {
        const VectorLayer l = load(cn("english.xlsx"));
        QCOMPARE(l.featureCount(), 3);
        QCOMPARE(l.sourceCrs().authId(), QStringLiteral("EPSG:4326"));
        QCOMPARE(l.report().crsNote, QStringLiteral("no CRS in the file; EPSG:4326 assumed from lon/lat columns"));
        const VectorLayer truth = load(cn("shelters_wgs84.csv"));
        QCOMPARE(l.geometry(2).points().front(), truth.geometry(2).points().front());
    }

    void severalSheetsNeedAName()
    {
        const QString path = cn("two_sheets.xlsx");
        QCOMPARE(loadError(path), path + QStringLiteral(": has 2 sheets (避难场所, WGS84); name the one to use as PATH:SHEET"));
        QCOMPARE(load(path, QStringLiteral("WGS84")).featureCount(), 12);
    }

    void noCoordinateColumnsListsTheHeaders()
    {
        const QString path = cn("bad_no_coords.xlsx");
        QCOMPARE(loadError(path), path + QStringLiteral(": no coordinate columns (expected 经度/纬度, lon/lat, lng/lat, longitude/latitude or x/y); "
                                                        "headers found: 名称, 地址, 容纳人数"));
    }

    // Row 3's 经度 is empty, row 5's 纬度 is text: dropped, counted and named by row.
    void badCoordinatesAreReportedByRow()
    {
        const VectorLayer l = load(cn("bad_values.xlsx"));
        QCOMPARE(l.featureCount(), 3);
        QCOMPARE(l.report().read, 5);
        QCOMPARE(l.report().nullGeometry, 2);
        QVERIFY(l.report().messages().contains(QStringLiteral("2 rows without usable coordinates skipped (row 3: 经度 is empty; row 5: 纬度 '北纬31度' is not a number)")));
        QCOMPARE(l.report().dropped.size(), std::size_t(2));
        QCOMPARE(l.report().dropped[0].fid, 3);
        QCOMPARE(l.report().dropped[0].reason, QStringLiteral("row 3: 经度 is empty"));
        QCOMPARE(l.report().dropped[1].fid, 5);
        QCOMPARE(l.report().dropped[1].reason, QStringLiteral("row 5: 纬度 '北纬31度' is not a number"));
        QVERIFY2(l.report().droppedMessage(QStringLiteral("shelters")).contains(QStringLiteral("row 5: 纬度 '北纬31度' is not a number")),
                 qPrintable(l.report().droppedMessage(QStringLiteral("shelters"))));
    }

    void swappedColumnsAreRefused()
    {
        const QString path = cn("bad_swapped.xlsx");
        const QString e = loadError(path);
        QVERIFY2(e.startsWith(path + QStringLiteral(": the lng and lat columns look swapped: row 2 (31.2192")), qPrintable(e));
        QVERIFY2(e.contains(QStringLiteral("has a latitude beyond ±90° as given")), qPrintable(e));
        QVERIFY2(e.contains(QLatin1String("exchange the column headers")), qPrintable(e));
    }

    // Berlin stated as GCJ-02: not swapped (exchanged it is not in China either): refused
    // because the offset is not defined there.
    void gcj02OutsideChinaIsRefused()
    {
        const QString path = cn("berlin_gcj02.xlsx");
        const QString e = loadError(path, {}, Crs::fromUserInput(QStringLiteral("GCJ-02")));
        QVERIFY2(e.startsWith(path + QStringLiteral(": ")), qPrintable(e));
        QVERIFY2(e.contains(QLatin1String("outside China")), qPrintable(e));
    }

    // The GCJ-02 sheet declared WGS 84 is flagged against the OSM streets; the same sheet
    // stated as GCJ-02, and the WGS 84 points, are not.
    void offsetCheckFlagsGcj02DeclaredWgs84()
    {
        const VectorLayer wrong = load(cn("shelters_gcj02.xlsx"));
        const OffsetCheckResult r = OffsetCheck::check(wrong, streets());
        QVERIFY(r.applicable);
        QCOMPARE(r.points, 12);
        QVERIFY2(r.looksGcj02, qPrintable(QStringLiteral("%1 %2").arg(r.medianDeclaredMeters).arg(r.medianCorrectedMeters)));
        QVERIFY(r.medianCorrectedMeters < 0.01); // the points are street nodes
        QVERIFY(r.medianDeclaredMeters > 20);
        QVERIFY(r.message.contains(QStringLiteral("%1 m as declared").arg(r.medianDeclaredMeters, 0, 'f', 1)));

        const OffsetCheckResult stated = OffsetCheck::check(load(cn("shelters_gcj02.xlsx"), {}, Crs::fromUserInput(QStringLiteral("GCJ-02"))), streets());
        QVERIFY(!stated.applicable);
        QVERIFY(!stated.looksGcj02);
        const OffsetCheckResult right = OffsetCheck::check(load(cn("shelters_wgs84.csv"), {}, {}, Crs::fromEpsg(32651)), streets());
        QVERIFY(right.applicable);
        QVERIFY(!right.looksGcj02);
        QVERIFY(right.medianDeclaredMeters < 0.01);
        QVERIFY(right.medianCorrectedMeters > 20); // the correction moves correct points off the streets
    }

    // validate: a warning on the GCJ-02 table declared WGS 84, none once the layer states "crs": "GCJ-02".
    void projectCheckWarns_data()
    {
        QTest::addColumn<QString>("crs");
        QTest::addColumn<bool>("warned");
        QTest::newRow("declared WGS 84") << QString() << true;
        QTest::newRow("stated GCJ-02") << QStringLiteral("GCJ-02") << false;
    }
    void projectCheckWarns()
    {
        QFETCH(QString, crs);
        QFETCH(bool, warned);
        const QString json = QStringLiteral(R"({"format": "refuge-project", "version": 1, "crs": "EPSG:32651", "layers": [
            {"id": "roads", "source": "%1", "layer": "lines", "role": "roads"},
            {"id": "shelters", "source": "%2", "role": "shelters", "fields": {"name": "名称", "capacity": "容纳人数"}%3}]})")
                                 .arg(streetsPath(), cn("shelters_gcj02.xlsx"),
                                      crs.isEmpty() ? QString() : QStringLiteral(R"(, "crs": "%1")").arg(crs));
        const Project project = Project::fromJson(QJsonDocument::fromJson(json.toUtf8()).object(), cn("p.refuge"));
        const ProjectCheckResult result = checkProject(project);
        int offsetWarnings = 0;
        for (const ProjectProblem &p : result.problems) {
            if (p.message.contains(QLatin1String("GCJ-02 (Amap/Tencent) coordinates declared as WGS 84"))) {
                ++offsetWarnings;
                QCOMPARE(p.severity, ProjectProblem::Severity::Warning);
                QCOMPARE(p.layerId, QStringLiteral("shelters"));
                QVERIFY(p.message.startsWith(cn("shelters_gcj02.xlsx") + QStringLiteral(": ")));
            }
        }
        QCOMPARE(offsetWarnings, warned ? 1 : 0);
    }
};

QTEST_GUILESS_MAIN(TestPointTable)
#include "tst_pointtable.moc"
