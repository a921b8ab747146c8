// Acceptance checks of refuge-cli on the real data in ../shared/data: `info --json` on
// every file (counts, geometry type, CRS, key fields), population and capacity sums
// through refuge_core, Chinese OSM names, `validate` on the sample projects, `--help`
// on every command, unknown commands. Skips with a message when the shared data is absent.
#include "CliEnvironment.h"
#include "TestSupport.h"

#include "model/VectorLayer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

using namespace refuge;
using namespace refuge::test;

namespace {

const char *kNoShared = "../shared/data (REFUGE_SHARED_DATA) is absent: the real-data acceptance checks need it";

QString cambridge(const QString &file) { return sharedData(QStringLiteral("cambridge/") + file); }
QString shanghaiOsm() { return sharedData(QStringLiteral("shanghai/shanghai_jingan_huangpu_osmnx.osm")); }

QJsonObject parseJson(const QString &text)
{
    QJsonParseError e{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &e);
    return e.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
}

QStringList fieldNames(const QJsonObject &layer)
{
    QStringList out;
    for (const QJsonValue &f : layer.value(QStringLiteral("fields")).toArray())
        out << f.toObject().value(QStringLiteral("name")).toString();
    return out;
}

} // namespace

class TstCliInfo : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { m_xdg = ensureXdgRuntimeDir(); }
    void infoOnSharedData_data();
    void infoOnSharedData();
    void everySharedFileIsCovered();
    void nonDataFilesAreRefused();
    void blocksPopulationSum();
    void shelterCapacities();
    void osmLayersAndChineseNames();
    void validateSampleProjects_data();
    void validateSampleProjects();
    void helpOnEveryCommand();
    void unknownCommand();

private:
    static QStringList coveredFiles();
    std::unique_ptr<QTemporaryDir> m_xdg;
};

void TstCliInfo::infoOnSharedData_data()
{
    QTest::addColumn<QString>("file");        // relative to ../shared/data
    QTest::addColumn<int>("features");
    QTest::addColumn<QString>("geometryType");
    QTest::addColumn<QStringList>("fields");  // must be present

    auto row = [](const char *file, int n, const char *type, const QStringList &fields) {
        QTest::newRow(file) << QString::fromUtf8(file) << n << QString::fromUtf8(type) << fields;
    };
    using L = QStringList;
    row("cambridge/Emergency_Shelters__PUBLICSAFETY_EmergencyShelters.geojson", 15, "Point", L{"Name", "Capacity", "Type", "Address"});
    row("cambridge/Fire_Stations__PUBLICSAFETY_FireStations.geojson", 8, "Point", L{"SITE_NAME", "ADDRESS"});
    row("cambridge/Fire_Engine_Districts__PUBLICSAFETY_FireEngineDistricts.geojson", 8, "MultiPolygon", L{"ENGINE"});
    row("cambridge/Fire_Ladder_Districts__PUBLICSAFETY_FireLadderDistricts.geojson", 4, "Polygon", L{});
    row("cambridge/Fire_Rescue_Districts__PUBLICSAFETY_FireRescueDistricts.geojson", 1, "Polygon", L{});
    row("cambridge/City_Boundary__BOUNDARY_CityBoundary.geojson", 1, "Polygon", L{});
    row("cambridge/CDD_Neighborhoods__BOUNDARY_CDDNeighborhoods.geojson", 13, "Polygon", L{"NAME", "N_HOOD"});
    row("cambridge/2000_Blocks__DEMOGRAPHICS_Blocks2000.geojson", 886, "Polygon", L{"POP_LAB", "BLOCK_ID"});
    row("cambridge/2020_Blocks__DEMOGRAPHICS_Blocks2020.geojson", 1044, "Polygon", L{});
    row("cambridge/2020_Block_Groups__DEMOGRAPHICS_BlockGroups2020.geojson", 87, "Polygon", L{});
    row("cambridge/2020_Tracts__DEMOGRAPHICS_Tracts2020.geojson", 33, "Polygon", L{});
    row("cambridge/Street_Centerlines__TRANS_Centerlines.geojson", 2643, "MultiLineString",
        L{"FromNode", "ToNode", "Direction", "Street", "MajorRoad"});
    row("cambridge/Intersections__TRANS_Intersections.geojson", 1872, "Point", L{});
    row("cambridge/Major_Roads__TRANS_MajorRoads.geojson", 833, "LineString", L{});
    row("cambridge/FEMA_Floodplains_100_Year__FEMA_FloodPlains100Year.geojson", 21, "MultiPolygon", L{"fld_zone", "static_bfe", "depth"});
    row("cambridge/FEMA_Floodplains_500_Year__FEMA_FloodPlains500Year.geojson", 39, "MultiPolygon", L{"fld_zone"});
    row("cambridge/Hospitals__HEALTH_Hospitals.geojson", 3, "Point", L{});
    row("cambridge/Public_Schools__LANDMARK_PublicSchools.geojson", 18, "Point", L{});
    row("cambridge/Hydrants__INFRA_Hydrants.geojson", 1960, "Point", L{});
    row("cambridge/Open_Space__RECREATION_OpenSpace.geojson", 276, "MultiPolygon", L{});
    row("shanghai/shanghai_jingan_huangpu_osmnx.osm:lines", 796, "LineString", L{"osm_id", "name", "highway", "other_tags"});
}

void TstCliInfo::infoOnSharedData()
{
    if (!haveSharedData())
        QSKIP(kNoShared);
    QFETCH(QString, file);
    QFETCH(int, features);
    QFETCH(QString, geometryType);
    QFETCH(QStringList, fields);

    const CliResult r = runCli({QStringLiteral("info"), QStringLiteral("--json"), sharedData(file)});
    QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    const QJsonObject doc = parseJson(r.out);
    QVERIFY2(!doc.isEmpty(), "stdout is not a JSON object");
    const QJsonArray layers = doc.value(QStringLiteral("layers")).toArray();
    QCOMPARE(layers.size(), 1);
    const QJsonObject l = layers.at(0).toObject();
    QCOMPARE(l.value(QStringLiteral("feature_count")).toInt(), features);
    QCOMPARE(l.value(QStringLiteral("loaded_count")).toInt(), features);
    QCOMPARE(l.value(QStringLiteral("geometry_type")).toString(), geometryType);
    const QJsonObject crs = l.value(QStringLiteral("crs")).toObject();
    QCOMPARE(crs.value(QStringLiteral("authid")).toString(), QStringLiteral("EPSG:4326"));
    QCOMPARE(crs.value(QStringLiteral("geographic")).toBool(), true);
    for (const char *k : {"invalid_repaired", "invalid_skipped", "empty_skipped", "null_skipped", "nonfinite_skipped",
                          "outside_crs_skipped", "other_type_skipped"})
        QVERIFY2(l.value(QLatin1String(k)).toInt() == 0, k);
    const QStringList names = fieldNames(l);
    for (const QString &f : fields)
        QVERIFY2(names.contains(f), qPrintable(QStringLiteral("no field %1 in %2").arg(f, names.join(QLatin1Char(',')))));
    // Extent: [xmin, ymin, xmax, ymax] in degrees; Cambridge is about 71.06–71.16 W, 42.35–42.41 N.
    const QJsonArray e = l.value(QStringLiteral("extent")).toArray();
    QCOMPARE(e.size(), 4);
    QVERIFY(e[0].toDouble() <= e[2].toDouble() && e[1].toDouble() <= e[3].toDouble());
    if (file.startsWith(QLatin1String("cambridge/"))) {
        QVERIFY2(e[0].toDouble() > -71.20 && e[2].toDouble() < -71.0 && e[1].toDouble() > 42.33 && e[3].toDouble() < 42.43,
                 qPrintable(QJsonDocument(e).toJson(QJsonDocument::Compact)));
    } else {
        QVERIFY(e[0].toDouble() > 121.46 && e[2].toDouble() < 121.49 && e[1].toDouble() > 31.21 && e[3].toDouble() < 31.25);
    }
}

QStringList TstCliInfo::coveredFiles()
{
    QStringList out;
    const QDir dir(sharedData(QStringLiteral("cambridge")));
    for (const QString &f : dir.entryList({QStringLiteral("*.geojson")}, QDir::Files))
        out << QStringLiteral("cambridge/") + f;
    out << QStringLiteral("shanghai/shanghai_jingan_huangpu_osmnx.osm");
    return out;
}

void TstCliInfo::everySharedFileIsCovered()
{
    if (!haveSharedData())
        QSKIP(kNoShared);
    // Every data file in ../shared/data has a row above (a new file needs its expected counts).
    QStringList rows;
    for (const char *f : {"Emergency_Shelters__PUBLICSAFETY_EmergencyShelters", "Fire_Stations__PUBLICSAFETY_FireStations",
                          "Fire_Engine_Districts__PUBLICSAFETY_FireEngineDistricts", "Fire_Ladder_Districts__PUBLICSAFETY_FireLadderDistricts",
                          "Fire_Rescue_Districts__PUBLICSAFETY_FireRescueDistricts", "City_Boundary__BOUNDARY_CityBoundary",
                          "CDD_Neighborhoods__BOUNDARY_CDDNeighborhoods", "2000_Blocks__DEMOGRAPHICS_Blocks2000",
                          "2020_Blocks__DEMOGRAPHICS_Blocks2020", "2020_Block_Groups__DEMOGRAPHICS_BlockGroups2020",
                          "2020_Tracts__DEMOGRAPHICS_Tracts2020", "Street_Centerlines__TRANS_Centerlines",
                          "Intersections__TRANS_Intersections", "Major_Roads__TRANS_MajorRoads",
                          "FEMA_Floodplains_100_Year__FEMA_FloodPlains100Year", "FEMA_Floodplains_500_Year__FEMA_FloodPlains500Year",
                          "Hospitals__HEALTH_Hospitals", "Public_Schools__LANDMARK_PublicSchools", "Hydrants__INFRA_Hydrants",
                          "Open_Space__RECREATION_OpenSpace"})
        rows << QStringLiteral("cambridge/%1.geojson").arg(QLatin1String(f));
    rows << QStringLiteral("shanghai/shanghai_jingan_huangpu_osmnx.osm");
    QStringList files = coveredFiles();
    files.sort();
    rows.sort();
    QCOMPARE(files, rows);
}

void TstCliInfo::nonDataFilesAreRefused()
{
    if (!haveSharedData())
        QSKIP(kNoShared);
    // The README/licence files beside the data: exit 2 and one line naming the file.
    const QString readme = sharedData(QStringLiteral("README.md"));
    const CliResult r = runCli({QStringLiteral("info"), readme});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err.trimmed(), QStringLiteral("refuge-cli: %1: not a format GDAL can read").arg(readme));
}

void TstCliInfo::blocksPopulationSum()
{
    if (!haveSharedData())
        QSKIP(kNoShared);
    const VectorLayer blocks = VectorLayer::load({cambridge(QStringLiteral("2000_Blocks__DEMOGRAPHICS_Blocks2000.geojson")), {}});
    QCOMPARE(blocks.featureCount(), 886);
    QCOMPARE(blocks.sourceCrs().authId(), QStringLiteral("EPSG:4326"));
    const int pop = blocks.requireField(QStringLiteral("POP_LAB"));
    double sum = 0;
    int missing = 0;
    for (int i = 0; i < blocks.featureCount(); ++i) {
        const QVariant v = blocks.attribute(i, pop);
        missing += v.isValid() ? 0 : 1;
        sum += v.toDouble();
    }
    QCOMPARE(missing, 0);
    QCOMPARE(qRound64(sum), qint64(101355));
}

void TstCliInfo::shelterCapacities()
{
    if (!haveSharedData())
        QSKIP(kNoShared);
    const VectorLayer shelters = VectorLayer::load({cambridge(QStringLiteral("Emergency_Shelters__PUBLICSAFETY_EmergencyShelters.geojson")), {}});
    QCOMPARE(shelters.featureCount(), 15);
    const int cap = shelters.requireField(QStringLiteral("Capacity"));
    qint64 sum = 0;
    int empty = 0;
    for (int i = 0; i < shelters.featureCount(); ++i) {
        const QVariant v = shelters.attribute(i, cap);
        empty += v.isValid() ? 0 : 1;
        sum += v.toLongLong();
    }
    QCOMPARE(empty, 1); // README: "one is empty"
    QCOMPARE(sum, qint64(10457));
    QCOMPARE(shelters.attribute(0, QStringLiteral("Name")).toString(), QStringLiteral("Kennedy / Longfellow School"));
}

void TstCliInfo::osmLayersAndChineseNames()
{
    if (!haveSharedData())
        QSKIP(kNoShared);
    // The whole file through the CLI: GDAL's OSM layers, lines and points with their counts.
    const CliResult r = runCli({QStringLiteral("info"), QStringLiteral("--json"), shanghaiOsm()});
    QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(r.err));
    const QJsonObject doc = parseJson(r.out);
    QCOMPARE(doc.value(QStringLiteral("driver")).toString(), QStringLiteral("OSM"));
    QMap<QString, int> counts;
    for (const QJsonValue &v : doc.value(QStringLiteral("layers")).toArray()) {
        const QJsonObject l = v.toObject();
        counts.insert(l.value(QStringLiteral("name")).toString(), l.value(QStringLiteral("feature_count")).toInt());
        QCOMPARE(l.value(QStringLiteral("crs")).toObject().value(QStringLiteral("authid")).toString(), QStringLiteral("EPSG:4326"));
    }
    QCOMPARE(counts.value(QStringLiteral("lines")), 796);
    QCOMPARE(counts.value(QStringLiteral("points")), 455);
    // Layers without features are reported, one line each, never silently.
    for (const QString &line : r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        QVERIFY2(line.startsWith(QStringLiteral("refuge-cli: %1: ").arg(shanghaiOsm())), qPrintable(line));

    // Names through refuge_core: UTF-8 Chinese, counted as ogrinfo counts them.
    const VectorLayer roads = VectorLayer::load({shanghaiOsm(), QStringLiteral("lines")});
    QCOMPARE(roads.featureCount(), 796);
    const int name = roads.requireField(QStringLiteral("name"));
    QMap<QString, int> names;
    int named = 0;
    for (int i = 0; i < roads.featureCount(); ++i) {
        const QString n = roads.attribute(i, name).toString();
        if (n.isEmpty())
            continue;
        ++named;
        names[n] += 1;
        QVERIFY2(!n.contains(QChar(0xFFFD)), qPrintable(n));
    }
    QVERIFY(named > 300);
    QCOMPARE(names.value(QStringLiteral("延安东路")), 49);
    QCOMPARE(names.value(QStringLiteral("成都北路")), 25);
    QCOMPARE(names.value(QStringLiteral("人民路")), 16);
    QCOMPARE(names.value(QStringLiteral("淮海中路")), 14);
}

void TstCliInfo::validateSampleProjects_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<int>("layers");
    QTest::addColumn<QString>("note"); // the one line expected on stderr, if any
    QTest::newRow("cambridge") << QStringLiteral("maps/cambridge/cambridge.refuge") << 9 << QString();
    // The shelter sheet has no CRS (no spreadsheet has one): the project states GCJ-02,
    // and validate says it took that statement.
    QTest::newRow("shanghai") << QStringLiteral("maps/shanghai/shanghai.refuge") << 5
                              << QStringLiteral("shelters_gcj02.xlsx:避难场所: no CRS in the file; GCJ-02 as stated");
}

void TstCliInfo::validateSampleProjects()
{
    QFETCH(QString, project);
    QFETCH(int, layers);
    QFETCH(QString, note);
    const CliResult r = runCli({QStringLiteral("validate"), sourcePath(project)});
    QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("exit %1\n%2%3").arg(r.exitCode).arg(r.out, r.err)));
    if (note.isEmpty()) {
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    } else {
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY2(r.err.trimmed().endsWith(note), qPrintable(r.err));
    }
    QVERIFY(r.out.contains(QStringLiteral("Layers: %1").arg(layers)));
    QVERIFY(r.out.trimmed().endsWith(QLatin1String("OK")));
}

void TstCliInfo::helpOnEveryCommand()
{
    const CliResult top = runCli({QStringLiteral("--help")});
    QCOMPARE(top.exitCode, 0);
    QVERIFY(top.err.isEmpty());
    // Commands from the usage text: "  NAME   summary" lines under "Commands:".
    const QString commandsSection = top.out.section(QStringLiteral("Commands:\n"), 1).section(QStringLiteral("\n\n"), 0, 0);
    QStringList commands;
    static const QRegularExpression line(QStringLiteral("^  (\\S+)\\s+\\S"));
    for (const QString &l : commandsSection.split(QLatin1Char('\n'))) {
        const auto m = line.match(l);
        if (m.hasMatch())
            commands << m.captured(1);
    }
    for (const char *required : {"info", "validate", "run"})
        QVERIFY2(commands.contains(QLatin1String(required)), qPrintable(top.out));
    for (const QString &c : commands) {
        const CliResult r = runCli({c, QStringLiteral("--help")});
        QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("%1 --help: exit %2 %3").arg(c).arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.err.isEmpty(), qPrintable(c + QStringLiteral(": ") + r.err));
        QVERIFY2(r.out.contains(QLatin1String("Usage:")) && r.out.contains(QLatin1String("--help")), qPrintable(c + QStringLiteral(": ") + r.out));
    }
}

void TstCliInfo::unknownCommand()
{
    const CliResult r = runCli({QStringLiteral("frobnicate"), QStringLiteral("x")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    QVERIFY(r.err.startsWith(QLatin1String("refuge-cli: unknown command 'frobnicate'")));
    const CliResult none = runCli({});
    QCOMPARE(none.exitCode, 2);
}

QTEST_GUILESS_MAIN(TstCliInfo)
#include "tst_cli_info.moc"
