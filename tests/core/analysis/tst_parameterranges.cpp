// ParameterRanges: every spec refuses values below its minimum, above its maximum,
// NaN, infinities and text, naming the parameter; the readers that use the table
// (Profile, StandardsProfile, ProjectJobSettings) refuse what it refuses; grid and
// split cell counts are refused before anything is allocated.
#include "TestSupport.h"
#include "io/TextEncoding.h"

#include "analysis/Demand.h"
#include "analysis/FireCoverage.h"
#include "util/ParameterRanges.h"
#include "analysis/jobs/CoverageJob.h"
#include "analysis/jobs/FireJob.h"
#include "analysis/jobs/ProjectJobSettings.h"
#include "model/VectorLayer.h"
#include "network/Profile.h"
#include "standards/StandardsProfile.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>
#include <cmath>
#include <limits>

using namespace refuge;

namespace {

// The message of the InvalidInput `fn` throws, or "" when it throws nothing.
template <typename Fn>
QString refusal(Fn fn)
{
    try {
        fn();
    } catch (const InvalidInput &e) {
        return e.message();
    }
    return {};
}

} // namespace

class TstParameterRanges : public QObject {
    Q_OBJECT

private slots:
    void everySpecRefusesOutOfRange_data()
    {
        QTest::addColumn<QString>("name");
        for (const ParameterSpec &s : ParameterRanges::all())
            QTest::newRow(qPrintable(s.name)) << s.name;
    }

    void everySpecRefusesOutOfRange()
    {
        QFETCH(QString, name);
        const ParameterSpec &s = ParameterRanges::spec(name);
        QVERIFY2(s.min < s.max, "an empty range");
        QVERIFY(!s.help.isEmpty());
        const QString label = QStringLiteral("--") + name;
        const double inf = std::numeric_limits<double>::infinity();
        const double below = s.minExclusive ? s.min : s.min - std::max(1.0, std::abs(s.min));
        const double above = s.max + std::max(1.0, s.max * 1e-6);
        for (double bad : {below, above, std::numeric_limits<double>::quiet_NaN(), inf, -inf, 1e308, -1e308}) {
            const QString m = refusal([&] { ParameterRanges::check(s, bad, label); });
            QVERIFY2(m.startsWith(label + QStringLiteral(": must be a number ")), qPrintable(QStringLiteral("%1 for %2").arg(m).arg(bad)));
            QVERIFY2(m.contains(s.rangeText()), qPrintable(m));
            // The same value typed on a command line, and in a JSON file.
            const QString text = QString::number(bad, 'g', 17);
            QVERIFY2(!refusal([&] { ParameterRanges::parse(s, text, label); }).isEmpty(), qPrintable(text));
        }
        for (const QString &text : {QStringLiteral("five"), QStringLiteral(""), QStringLiteral("1,5"), QStringLiteral("nan"),
                                    QStringLiteral("inf"), QStringLiteral("1e999")}) {
            const QString m = refusal([&] { ParameterRanges::parse(s, text, label); });
            QVERIFY2(m.startsWith(label + QStringLiteral(": ")) && m.contains(QStringLiteral("'%1'").arg(text)), qPrintable(m));
        }
        QVERIFY(refusal([&] { ParameterRanges::fromJson(s, QJsonValue(QStringLiteral("5")), label); }).contains(QLatin1String("'5'")));
        QVERIFY(refusal([&] { ParameterRanges::fromJson(s, QJsonValue(true), label); }).contains(QLatin1String("true")));
        QVERIFY(refusal([&] { ParameterRanges::fromJson(s, QJsonValue(), label); }).contains(QLatin1String("null")));

        // The ends of the range are accepted (an exclusive minimum just above it), and the default.
        const double low = s.minExclusive ? s.min + (s.max - s.min) * 1e-6 : s.min;
        QCOMPARE(ParameterRanges::check(s, low, label), low);
        QCOMPARE(ParameterRanges::check(s, s.max, label), s.max);
        QCOMPARE(ParameterRanges::parse(s, QString::number(s.max, 'g', 17), label), s.max);
        QCOMPARE(ParameterRanges::fromJson(s, QJsonValue(s.max), label), s.max);
        if (!std::isnan(s.defaultValue))
            QVERIFY(s.contains(s.defaultValue));
    }

    void rangeTextAndHelp()
    {
        const ParameterSpec &t = ParameterRanges::spec(u"turnout-seconds");
        QCOMPARE(t.rangeText(), QStringLiteral("from 0 to 3600 s"));
        QCOMPARE(ParameterRanges::spec(u"max-minutes").rangeText(), QStringLiteral("> 0 and ≤ 1440 min"));
        QCOMPARE(ParameterRanges::spec(u"grid-cell").helpText(),
                 QStringLiteral("Sample grid cell for fire zones and areas; at most 5000000 cells in all (from 1 to 10000 m; default 50)."));
        QCOMPARE(refusal([&] { ParameterRanges::parse(t, QStringLiteral("1e308"), QStringLiteral("--turnout-seconds")); }),
                 QStringLiteral("--turnout-seconds: must be a number from 0 to 3600 s (got '1e308')"));
        QVERIFY_THROWS_EXCEPTION(std::logic_error, ParameterRanges::spec(u"no-such-parameter"));
        // Standards values by unit; an unknown unit gets the general range.
        QCOMPARE(ParameterRanges::standardValue(QStringLiteral("m/s")).name, QStringLiteral("standard-m/s"));
        QCOMPARE(ParameterRanges::standardValue(QStringLiteral("furlongs")).name, QStringLiteral("standard-value"));
    }

    void cellCountBeforeAllocating()
    {
        // 10 km × 10 km in metres: 1 m cells are 100 020 001 (10001²), 5 m cells 4 004 001.
        const QRectF square(0, 0, 10000, 10000);
        QCOMPARE(ParameterRanges::cellCount(square, 1, 1), 10001.0 * 10001.0);
        QCOMPARE(ParameterRanges::cellCount(square, 5, 1), 2001.0 * 2001.0);
        QCOMPARE(ParameterRanges::cellCount(square, 1, 0.3048), std::floor(10000 / (1 / 0.3048) + 1) * std::floor(10000 / (1 / 0.3048) + 1));
        QVERIFY(std::isinf(ParameterRanges::cellCount(square, 0, 1)));
        QVERIFY(std::isinf(ParameterRanges::cellCount(QRectF(0, 0, 1e300, 1e300), 1e-300, 1)));
        ParameterRanges::checkCellCount(square, 5, 1, QStringLiteral("--grid-cell"));
        const QString m = refusal([&] { ParameterRanges::checkCellCount(square, 1, 1, QStringLiteral("--grid-cell")); });
        QCOMPARE(m, QStringLiteral("--grid-cell: a cell of 1 m over 10.0 × 10.0 km gives 100020001 cells; the limit is 5000000 cells (use a larger cell)"));

        // FireGrid over a 1000 km square at 0.001 m would be 1e18 cells: refused at once.
        const Geometry huge = Geometry::polygon({{{0, 0}, {1e6, 0}, {1e6, 1e6}, {0, 1e6}, {0, 0}}});
        Feedback feedback;
        QVERIFY(refusal([&] { FireGrid::over(huge, 0.001, 1.0, feedback); }).contains(QLatin1String("limit is 5000000")));
        // Within the limit the grid is built: 20 × 20 cells of 50 m over 1 km².
        const Geometry km = Geometry::polygon({{{0, 0}, {999, 0}, {999, 999}, {0, 999}, {0, 0}}});
        QCOMPARE(FireGrid::over(km, 50, 1.0, feedback).centres.size(), std::size_t(400));
    }

    void splitCellCountBeforeSplitting()
    {
        const VectorLayer area = VectorLayer::load({test::sourcePath(QStringLiteral("tests/data/params/area_10km.geojson")), {}});
        const VectorLayer metric = area.reprojected(Crs::fromUserInput(QStringLiteral("EPSG:26986")));
        Feedback feedback;
        const QString m = refusal([&] { Demand::fromLayer(metric, QStringLiteral("pop"), 1, feedback); });
        QVERIFY2(m.startsWith(QLatin1String("--split-cell: a cell of 1 m gives 10")) && m.contains(QLatin1String("limit is 5000000")), qPrintable(m));
        // 500 m cells: the ~10.3 × 10.2 km square's bounds hold 22 × 22 cells at most; the population is kept.
        const DemandSet split = Demand::fromLayer(metric, QStringLiteral("pop"), 500, feedback);
        QVERIFY(split.size() > 400 && split.size() <= 22 * 22);
        QVERIFY(std::abs(split.totalPopulation() - 1000) < 1e-6);
    }

    void population()
    {
        ParameterRanges::checkPopulation(QStringLiteral("d.gpkg"), {1, 2, 1e9}, {0, 1, 2});
        QCOMPARE(refusal([&] { ParameterRanges::checkPopulation(QStringLiteral("d.gpkg"), {1, 1e308}, {4, 7}); }),
                 QStringLiteral("d.gpkg: feature 7: population: must be a number from 0 to 1000000000 persons (got 1e+308)"));
        QVERIFY(refusal([&] { ParameterRanges::checkPopulation(QStringLiteral("d.gpkg"), {std::nan("")}, {-1}); })
                    .startsWith(QLatin1String("d.gpkg: population: must be")));
    }

    void encodings()
    {
        for (const char *ok : {"UTF-8", "GBK", "GB18030", "CP936", "Big5", "CP1252", "ISO-8859-1"})
            checkEncoding(QString::fromLatin1(ok), QStringLiteral("--encoding"));
        for (const char *bad : {"NOT-AN-ENCODING", "", "UTF-9"})
            QCOMPARE(refusal([&] { checkEncoding(QString::fromLatin1(bad), QStringLiteral("--encoding")); }),
                     QStringLiteral("--encoding: unknown text encoding '%1' (e.g. UTF-8, GBK, GB18030, Big5, CP1252)").arg(QLatin1String(bad)));
    }

    void profileSpeeds()
    {
        auto profile = [](const char *json) {
            return Profile::fromJson(QJsonDocument::fromJson(json).object(), QStringLiteral("p.json"));
        };
        QCOMPARE(profile(R"({"default_speed_kmh": 4.5})").defaultSpeed(), 4.5 / 3.6);
        QCOMPARE(refusal([&] { profile(R"({"default_speed_kmh": 1e-300})"); }),
                 QStringLiteral("p.json: default_speed_kmh: must be a number from 0.1 to 300 km/h (got 1e-300)"));
        QVERIFY(refusal([&] { profile(R"({"default_speed_kmh": 1e308})"); }).startsWith(QLatin1String("p.json: default_speed_kmh:")));
        QVERIFY(refusal([&] { profile(R"({"default_speed_kmh": "4"})"); }).contains(QLatin1String("'4'")));
        QVERIFY(refusal([&] { profile(R"({})"); }).contains(QLatin1String("default_speed_kmh")));
        QVERIFY(refusal([&] { profile(R"({"default_speed_kmh": 5, "snap_speed_kmh": 0})"); }).startsWith(QLatin1String("p.json: snap_speed_kmh:")));
        QVERIFY(refusal([&] { profile(R"({"default_speed_kmh": 5, "access_meters": -1})"); }).startsWith(QLatin1String("p.json: access_meters:")));
        QVERIFY(refusal([&] { profile(R"({"default_speed_kmh": 5, "class_speeds_kmh": {"primary": 1e308}})"); })
                    .startsWith(QLatin1String("p.json: class_speeds_kmh.primary:")));
        // The shipped profiles are in range.
        for (const QString &name : Profile::available())
            QVERIFY(Profile::load(name).defaultSpeed() > 0);
    }

    void standardOverrides()
    {
        StandardsProfile p = StandardsProfile::load(QStringLiteral("shanghai"));
        p.applyOverrides(QStringList{QStringLiteral("shelter.walk_speed_mps=1.2")});
        QCOMPARE(p.number(QStringLiteral("shelter.walk_speed_mps")), 1.2);
        QCOMPARE(refusal([&] { p.applyOverrides(QStringList{QStringLiteral("shelter.walk_speed_mps=nan")}); }),
                 QStringLiteral("shelter.walk_speed_mps: must be a number > 0 and ≤ 100 m/s (got nan)"));
        QVERIFY(refusal([&] { p.applyOverrides(QStringList{QStringLiteral("fire.response_s=1e308")}); }).contains(QLatin1String("86400 s")));
        QVERIFY(refusal([&] { p.applyOverrides(QStringList{QStringLiteral("fire.response_s=-1")}); }).startsWith(QLatin1String("fire.response_s:")));
        QVERIFY(refusal([&] { p.applyOverrides(QJsonObject{{QStringLiteral("fire.response_s"), QStringLiteral("300")}}); }).contains(QLatin1String("'300'")));
        // Every shipped value lies in the range of its unit, so no default is refused when restated.
        for (const QString &id : StandardsProfile::available()) {
            const StandardsProfile s = StandardsProfile::load(id);
            for (const StandardValue &v : s.values())
                QVERIFY2(ParameterRanges::standardValue(v.unit).contains(v.value), qPrintable(id + QLatin1Char(' ') + v.key));
        }
    }

    void jobsCheckSettingsFromDialogs()
    {
        // Settings that reach a job without an option or a project key (the desktop's
        // dialogs) are checked against the same table, before any file is read.
        Feedback fb;
        FireSettings f;
        f.euclidean = true;
        f.network.facilities = {QStringLiteral("/nonexistent/stations.gpkg"), {}};
        f.studyArea = {QStringLiteral("/nonexistent/area.gpkg"), {}};
        f.gridCellMeters = 0.05;
        QCOMPARE(refusal([&] { FireJob::run(f, fb); }), QStringLiteral("grid-cell: must be a number from 1 to 10000 m (got 0.05)"));
        f.gridCellMeters = 50;
        f.speedKmh = 1e-300;
        QVERIFY(refusal([&] { FireJob::run(f, fb); }).startsWith(QLatin1String("speed-kmh: must be")));
        f.speedKmh = 0;
        f.responseMinutes = -5;
        QVERIFY(refusal([&] { FireJob::run(f, fb); }).startsWith(QLatin1String("max-minutes: must be")));

        CoverageSettings c;
        c.euclidean = true;
        c.network.facilities = {QStringLiteral("/nonexistent/shelters.gpkg"), {}};
        c.demand = {QStringLiteral("/nonexistent/blocks.gpkg"), {}};
        c.fields.capacity = QStringLiteral("cap");
        c.populationField = QStringLiteral("pop");
        c.network.unit = CostUnit::Meters;
        c.network.limit = 1e308;
        QVERIFY(refusal([&] { CoverageJob::run(c, fb); }).startsWith(QLatin1String("max-meters: must be")));
        c.network.limit = 800;
        c.walkSpeedMps = 1e308;
        QVERIFY(refusal([&] { CoverageJob::run(c, fb); }).startsWith(QLatin1String("walk-speed: must be")));

        NetworkSettings n;
        n.network = {QStringLiteral("/nonexistent/roads.gpkg"), {}};
        n.snapMaxMeters = 1e9;
        QVERIFY(refusal([&] { NetworkInputs::open(n, fb); }).startsWith(QLatin1String("snap-max: must be")));
        n.snapMaxMeters = 300;
        n.toleranceMeters = 1e9;
        QVERIFY(refusal([&] { NetworkInputs::open(n, fb); }).startsWith(QLatin1String("tolerance: must be")));
        n.toleranceMeters = 0.5;
        n.breaks = {5, std::nan("")};
        QVERIFY(refusal([&] { NetworkInputs::open(n, fb); }).startsWith(QLatin1String("breaks: must be")));
    }

    void projectSettings_data()
    {
        QTest::addColumn<QByteArray>("analysis");
        QTest::addColumn<QString>("message"); // after "<project>: "
        QTest::newRow("fire max_minutes -5") << QByteArray(R"({"fire": {"max_minutes": -5}})")
                                             << "analysis.fire.max_minutes: must be a number > 0 and ≤ 1440 min (got -5)";
        QTest::newRow("fire max_minutes five") << QByteArray(R"({"fire": {"max_minutes": "five"}})")
                                               << "analysis.fire.max_minutes: must be a number > 0 and ≤ 1440 min (got 'five')";
        QTest::newRow("fire turnout 1e308") << QByteArray(R"({"fire": {"turnout_seconds": 1e308}})")
                                            << "analysis.fire.turnout_seconds: must be a number from 0 to 3600 s (got 1e+308)";
        QTest::newRow("fire grid cell 0") << QByteArray(R"({"fire": {"grid_cell": 0}})")
                                          << "analysis.fire.grid_cell: must be a number from 1 to 10000 m (got 0)";
        QTest::newRow("fire max_meters") << QByteArray(R"({"fire": {"max_meters": 800}})")
                                         << "analysis.fire.max_meters: the response limit is a time: use max_minutes";
        QTest::newRow("fire suburban text") << QByteArray(R"({"fire": {"suburban": "yes"}})") << "analysis.fire.suburban: expected true or false";
        QTest::newRow("coverage max_meters 0") << QByteArray(R"({"coverage": {"max_meters": 0}})")
                                               << "analysis.coverage.max_meters: must be a number > 0 and ≤ 100000 m (got 0)";
        QTest::newRow("coverage max_meters -800") << QByteArray(R"({"coverage": {"max_meters": -800}})")
                                                  << "analysis.coverage.max_meters: must be a number > 0 and ≤ 100000 m (got -800)";
        QTest::newRow("coverage max_meters text") << QByteArray(R"({"coverage": {"max_meters": "800"}})")
                                                  << "analysis.coverage.max_meters: must be a number > 0 and ≤ 100000 m (got '800')";
        QTest::newRow("coverage both limits") << QByteArray(R"({"coverage": {"max_meters": 800, "max_minutes": 10}})")
                                              << "analysis.coverage.max_meters: give either max_meters or max_minutes, not both";
        QTest::newRow("coverage break beyond") << QByteArray(R"({"coverage": {"max_minutes": 10, "breaks": [5, 15]}})")
                                               << "analysis.coverage.breaks[1]: 15 exceeds the limit 10";
        QTest::newRow("coverage break text") << QByteArray(R"({"coverage": {"max_minutes": 10, "breaks": ["5"]}})")
                                             << "analysis.coverage.breaks[0]: must be a number > 0 and ≤ 100000 (got '5')";
        QTest::newRow("coverage assignment") << QByteArray(R"({"coverage": {"max_meters": 800, "assignment": "random"}})")
                                             << "analysis.coverage.assignment: unknown assignment 'random' (use nearest or optimal)";
        QTest::newRow("coverage profile") << QByteArray(R"({"coverage": {"max_meters": 800, "profile": 7}})")
                                          << "analysis.coverage.profile: expected a string";
        QTest::newRow("coverage not an object") << QByteArray(R"({"coverage": 800})") << "analysis.coverage: expected an object";
        QTest::newRow("service area minutes") << QByteArray(R"({"service_area": {"max_minutes": 1e308}})")
                                              << "analysis.service_area.max_minutes: must be a number > 0 and ≤ 1440 min (got 1e+308)";
        QTest::newRow("override nan text") << QByteArray(R"({"standard_overrides": {"shelter.walk_speed_mps": "nan"}})")
                                           << "analysis.standard_overrides: shelter.walk_speed_mps: must be a number > 0 and ≤ 100 m/s (got 'nan')";
        QTest::newRow("report text") << QByteArray(R"({"report": "no"})") << "analysis.report: expected true or false";
        QTest::newRow("override unknown standard") << QByteArray(R"({"standard": "atlantis"})") << "analysis.standard: unknown standard";
        QTest::newRow("fine") << QByteArray(R"({"coverage": {"max_meters": 800, "breaks": [400, 800]}, "fire": {"max_minutes": 5, "turnout_seconds": 60},
                                               "standard_overrides": {"shelter.walk_speed_mps": 1.2}})")
                              << QString();
    }

    void projectSettings()
    {
        QFETCH(QByteArray, analysis);
        QFETCH(QString, message);
        Project project;
        project.setFilePath(QStringLiteral("/data/p.refuge"));
        project.analysis = QJsonDocument::fromJson(analysis).object();
        QVERIFY(!project.analysis.isEmpty());
        const QString m = refusal([&] { ProjectJobSettings::check(project); });
        if (message.isEmpty()) {
            QCOMPARE(m, QString());
            const FireSettings f = ProjectJobSettings::fire(project);
            QCOMPARE(f.responseMinutes, 5.0);
            QCOMPARE(f.turnoutSeconds, 60.0);
            QCOMPARE(ProjectJobSettings::coverage(project).network.breaks, (std::vector<double>{400, 800}));
            QCOMPARE(ProjectJobSettings::standardOverrides(project), QStringList{QStringLiteral("shelter.walk_speed_mps=1.2")});
            return;
        }
        QVERIFY2(m.startsWith(QStringLiteral("/data/p.refuge: ") + message), qPrintable(m));
    }
};

QTEST_GUILESS_MAIN(TstParameterRanges)
#include "tst_parameterranges.moc"
