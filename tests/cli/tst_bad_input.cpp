// Bad input through refuge-cli: every case in tests/data/bad/ (made by make_bad.py)
// plus the ones that cannot live in git (a directory, an unreadable file, a missing
// path). Each row asserts the exact exit code, one stderr line per problem of the form
// "refuge-cli: <file>: <what>" with the expected words, no crash, and that no input
// file changed (SHA-256) and no side file (.aux.xml, -wal, .qix...) appeared.
#include "CliEnvironment.h"
#include "TestSupport.h"

#include "model/VectorLayer.h"
#include "util/Error.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace refuge;
using namespace refuge::test;

class TstBadInput : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cli_data();
    void cli();
    void gbkShapefileIsDecoded();
    void skippedFeaturesAreCounted();
    void droppedFacilityInSummary();
    void numbersWrittenAsText();
    void droppedStreetsEveryRun();

private:
    QString bad(const QString &name) const { return m_dir.filePath(name); }
    // Every file under the copy: relative path -> SHA-256.
    QMap<QString, QByteArray> snapshot() const;

    // coverage on the analysis inputs of the corpus; extra arguments appended. Returns its summary.json.
    QJsonObject coverage(const QString &shelters, const QStringList &extra, CliResult &result);

    QTemporaryDir m_dir;
    QTemporaryDir m_out; // output folders ("%out/..." or "%name" in a row), outside the inputs' snapshot
    std::unique_ptr<QTemporaryDir> m_xdg;
    bool m_unreadableWorks = false;
};

void TstBadInput::initTestCase()
{
    m_xdg = ensureXdgRuntimeDir();
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    // Work on a copy, so a reader that wrote beside its input could not dirty the source tree.
    const QDir source(dataPath(QStringLiteral("bad")));
    const QStringList files = source.entryList(QDir::Files);
    QVERIFY2(files.size() >= 30, qPrintable(QStringLiteral("expected the corpus in %1").arg(source.path())));
    for (const QString &f : files)
        if (f != QLatin1String("make_bad.py"))
            QVERIFY(QFile::copy(source.filePath(f), bad(f)));
    // Bad parameters and settings (tests/data/params/README.md) beside them: their projects use ok_points.geojson.
    const QDir params(dataPath(QStringLiteral("params")));
    for (const QString &f : params.entryList(QDir::Files))
        if (f != QLatin1String("README.md"))
            QVERIFY(QFile::copy(params.filePath(f), bad(f)));
    // Point tables (tests/data/cn/README.md).
    const QDir cn(dataPath(QStringLiteral("cn")));
    for (const QString &f : cn.entryList({QStringLiteral("*.xlsx")}, QDir::Files))
        QVERIFY(QFile::copy(cn.filePath(f), bad(f)));
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("a_directory")));
    // A folder GDAL could mistake for data must not be: put a stray text file in it.
    QFile note(bad(QStringLiteral("a_directory/readme.txt")));
    QVERIFY(note.open(QIODevice::WriteOnly));
    note.write("not data\n");
    note.close();
    QVERIFY(QFile::copy(bad(QStringLiteral("ok_points.geojson")), bad(QStringLiteral("unreadable.geojson"))));
    QVERIFY(QFile::setPermissions(bad(QStringLiteral("unreadable.geojson")), QFileDevice::Permissions()));
    QFile probe(bad(QStringLiteral("unreadable.geojson")));
    m_unreadableWorks = !probe.open(QIODevice::ReadOnly);
}

QMap<QString, QByteArray> TstBadInput::snapshot() const
{
    QMap<QString, QByteArray> out;
    QDirIterator it(m_dir.path(), QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    const QDir root(m_dir.path());
    while (it.hasNext()) {
        const QString p = it.next();
        const QFileInfo info(p);
        out.insert(root.relativeFilePath(p), info.isDir() ? QByteArray("dir") : info.isReadable() ? sha256(p) : QByteArray("unreadable"));
    }
    return out;
}

void TstBadInput::cli_data()
{
    QTest::addColumn<QStringList>("args");   // "@name" is replaced by the path of the copy of name
    QTest::addColumn<QString>("file");       // the file every stderr line must name ("" = usage error)
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("lines");          // stderr lines expected
    QTest::addColumn<QStringList>("words");  // each must appear in stderr (case-insensitive)

    auto row = [](const char *name, const QStringList &args, const QString &file, int code, int lines, const QStringList &words) {
        QTest::newRow(name) << args << file << code << lines << words;
    };
    const QString info = QStringLiteral("info");
    const QString validate = QStringLiteral("validate");
    using L = QStringList;
    const QString streets = sourcePath(QStringLiteral("maps/shanghai/shanghai_jingan_huangpu_osmnx.osm")) + QStringLiteral(":lines");

    // Files that cannot be opened: exit 2.
    row("empty file", L{info, "@empty.geojson"}, "@empty.geojson", 2, 1, L{"empty", "0 bytes"});
    row("truncated geopackage", L{info, "@truncated.gpkg"}, "@truncated.gpkg", 2, 1, L{"truncated or corrupt", "malformed"});
    row("geojson syntax error", L{info, "@syntax_error.geojson"}, "@syntax_error.geojson", 2, 1, L{"GeoJSON"});
    row("not geodata", L{info, "@not_geodata.geojson"}, "@not_geodata.geojson", 2, 1, L{"not a format GDAL can read"});
    row("shapefile without dbf", L{info, "@no_dbf.shp"}, "@no_dbf.shp", 2, 1, L{"no .dbf"});
    row("shapefile without prj", L{info, "@no_prj.shp"}, "@no_prj.shp", 2, 1, L{"no .prj", "--crs"});
    row("csv without coordinates", L{info, "@no_coords.csv"}, "@no_coords.csv", 2, 1, L{"no coordinate columns"});
    row("csv x/y without crs", L{info, "@xy_no_crs.csv"}, "@xy_no_crs.csv", 2, 1, L{"x/y columns have no CRS", "--crs"});
    row("unknown crs in .prj", L{info, "@unknown_crs.shp"}, "@unknown_crs.shp", 2, 1, L{"unknown CRS", "--crs"});
    row("unknown crs in geojson", L{info, "@unknown_crs.geojson"}, "@unknown_crs.geojson", 2, 1, L{"unknown CRS", "999999"});
    row("directory", L{info, "@a_directory"}, "@a_directory", 2, 1, L{"is a directory"});
    row("unreadable file", L{info, "@unreadable.geojson"}, "@unreadable.geojson", 2, 1, L{"permission denied"});
    row("non-existent path", L{info, "@does_not_exist.gpkg"}, "@does_not_exist.gpkg", 2, 1, L{"no such file"});
    row("missing layer name", L{info, "@ok_points.geojson|layername=nope"}, "@ok_points.geojson", 2, 1, L{"no layer 'nope'"});
    row("unknown crs option", L{info, "--crs", "EPSG:99999999", "@no_prj.shp"}, "", 2, 1, L{"--crs", "99999999"});
    row("gcj-02 outside china", L{info, "--crs", "GCJ-02", "@gcj02_outside_china.csv"}, "@gcj02_outside_china.csv", 2, 1,
        L{"outside China", "GCJ-02 offset is defined only inside China"});

    row("xlsx without coordinates", L{info, "@bad_no_coords.xlsx"}, "@bad_no_coords.xlsx", 2, 1,
        L{"no coordinate columns", "headers found: 名称, 地址, 容纳人数"});
    row("xlsx lng/lat swapped", L{info, "@bad_swapped.xlsx"}, "@bad_swapped.xlsx", 2, 1, L{"look swapped", "row 2", "beyond ±90°"});
    row("xlsx sheet not named", L{"service-area", "--network", streets, "--facilities", "@two_sheets.xlsx", "--max-meters", "500", "--out", "%out/sheets"}, "@two_sheets.xlsx", 2, 1,
        L{"has 2 sheets (避难场所, WGS84)", "PATH:SHEET"});
    row("xlsx gcj-02 outside china", L{info, "--crs", "GCJ-02", "@berlin_gcj02.xlsx"}, "@berlin_gcj02.xlsx", 2, 1, L{"outside China"});

    // Files that open with problems: exit 1, counts reported.
    row("gbk shapefile without cpg", L{info, "@gbk_no_cpg.shp"}, "@gbk_no_cpg.shp", 1, 1, L{"detected as GBK", "--encoding"});
    row("nan coordinates", L{info, "@nan_coords.geojson"}, "@nan_coords.geojson", 1, 1, L{"2 features", "NaN"});
    row("1e300 coordinates", L{info, "@huge_coords.geojson"}, "@huge_coords.geojson", 1, 1, L{"1 features", "outside"});
    row("csv lon/lat not numbers", L{info, "@bad_lonlat.csv"}, "@bad_lonlat.csv", 1, 1, L{"2 rows without usable coordinates", "row 3: lon 'abc' is not a number", "row 4: lat is empty"});
    row("xlsx coordinates empty or text", L{info, "@bad_values.xlsx"}, "@bad_values.xlsx", 1, 1,
        L{"2 rows without usable coordinates", "row 3: 经度 is empty", "row 5: 纬度 '北纬31度' is not a number"});
    row("xlsx gcj-02 declared wgs 84", L{info, "--network", streets, "@shelters_gcj02.xlsx"}, "@shelters_gcj02.xlsx", 1, 1,
        L{"look like GCJ-02", "55.9 m as declared", "0.0 m after the GCJ-02 → WGS 84 correction", "--crs GCJ-02"});
    row("self-intersecting polygon", L{info, "@self_intersecting.geojson"}, "@self_intersecting.geojson", 1, 1, L{"1 invalid", "repaired"});
    row("mixed geometry types", L{info, "@mixed_types.geojson"}, "@mixed_types.geojson", 1, 1, L{"2 features", "mixed geometry types"});
    row("shapefile cut mid-record", L{info, "@truncated_records.shp"}, "@truncated_records.shp", 1, 1,
        L{"2 features could not be read", "fread"});
    row("zero-feature layer", L{info, "@zero_features.shp"}, "@zero_features.shp", 1, 1, L{"no features"});

    // The user states what the file lacks: exit 0, nothing on stderr.
    row("gbk with --encoding", L{info, "--encoding", "GBK", "@gbk_no_cpg.shp"}, "@gbk_no_cpg.shp", 0, 0, L{});
    row("no prj with --crs", L{info, "--crs", "EPSG:26986", "@no_prj.shp"}, "@no_prj.shp", 0, 0, L{});
    row("csv x/y with --crs", L{info, "--json", "--crs", "EPSG:26986", "@xy_no_crs.csv"}, "@xy_no_crs.csv", 0, 0, L{});
    row("xlsx gcj-02 stated", L{info, "--crs", "GCJ-02", "--network", streets, "@shelters_gcj02.xlsx"}, "@shelters_gcj02.xlsx", 0, 0, L{});
    row("unknown crs with --crs", L{info, "--crs", "EPSG:4326", "@unknown_crs.shp"}, "@unknown_crs.shp", 0, 0, L{});

    // Project files.
    row("project ok", L{validate, "@project_ok.refuge"}, "@project_ok.refuge", 0, 0, L{});
    row("project json syntax error", L{validate, "@project_syntax.refuge"}, "@project_syntax.refuge", 2, 1, L{"JSON syntax error", "line 2"});
    row("project empty", L{validate, "@project_empty.refuge"}, "@project_empty.refuge", 2, 1, L{"empty"});
    row("project missing layer file", L{validate, "@project_missing_layer.refuge"}, "@project_missing_layer.refuge", 1, 1,
        L{"layer roads", "does_not_exist.gpkg", "no such file"});
    row("project layer is bad data", L{validate, "@project_bad_layer_data.refuge"}, "@project_bad_layer_data.refuge", 1, 1,
        L{"layer blocks", "empty.geojson", "empty"});
    row("project layers is a number", L{validate, "@project_layers_number.refuge"}, "@project_layers_number.refuge", 2, 1,
        L{"layers", "expected an array"});
    row("project visible is a string", L{validate, "@project_visible_string.refuge"}, "@project_visible_string.refuge", 2, 1,
        L{"layers[0].visible", "expected true or false"});
    row("project newer version", L{validate, "@project_newer.refuge"}, "@project_newer.refuge", 2, 1, L{"newer", "format 7"});
    row("project unknown role", L{validate, "@project_unknown_role.refuge"}, "@project_unknown_role.refuge", 2, 1,
        L{"unknown role 'helipads'"});
    row("project missing crs", L{validate, "@project_no_crs.refuge"}, "@project_no_crs.refuge", 2, 1, L{"crs", "missing"});
    row("project non-existent", L{validate, "@nope.refuge"}, "@nope.refuge", 2, 1, L{"no such file"});
    row("project is a directory", L{validate, "@a_directory"}, "@a_directory", 2, 1, L{"is a directory"});
    row("project is geodata", L{validate, "@ok_points.geojson"}, "@ok_points.geojson", 2, 1, L{"crs", "missing"});
    row("run on syntax error", L{"run", "@project_syntax.refuge", "--out", "@out_run1"}, "@project_syntax.refuge", 2, 1,
        L{"JSON syntax error"});
    row("run on missing layer", L{"run", "@project_missing_layer.refuge", "--out", "@out_run2"}, "@project_missing_layer.refuge", 1, 1,
        L{"does_not_exist.gpkg", "no such file"});

    // Parameters out of range, not numbers, NaN or inf (issue 12 item 7): exit 2 naming the
    // option, or the project key; cell counts above the limit (item 8) refused before
    // allocating; messages that name their subject (item 11).
    const QStringList euclid{"--euclidean", "--facilities", "@ok_points.geojson", "--capacity-field", "id"};
    const QStringList coverage = QStringList{"coverage"} + euclid;
    const QStringList points{"--demand", "@params_demand_points.geojson", "--population-field", "pop"};
    const QStringList sa{"service-area", "--network", "@ok_points.geojson", "--facilities", "@ok_points.geojson", "--out", "%out/sa"};
    const QStringList fire{"fire-coverage", "--euclidean", "--facilities", "@ok_points.geojson", "--study-area", "@area_10km.geojson", "--out", "%out/fire"};
    row("population 1e308", coverage + L{"--demand", "@demand_huge_population.geojson", "--population-field", "pop", "--max-meters", "800", "--out", "%out/c1"},
        "@demand_huge_population.geojson", 2, 1, L{"feature 1", "population", "1e+308", "1000000000 persons"});
    row("empty demand layer", coverage + L{"--demand", "@demand_empty.geojson", "--population-field", "pop", "--max-meters", "800", "--out", "%out/c2"},
        "@demand_empty.geojson", 2, 1, L{"has no features"});
    row("standard override nan", coverage + points + L{"--max-meters", "800", "--standard-override", "shelter.walk_speed_mps=nan", "--out", "%out/c3"},
        "", 2, 1, L{"--standard-override", "shelter.walk_speed_mps", "nan", "m/s"});
    row("standard override unknown key", coverage + points + L{"--max-meters", "800", "--standard-override", "shelter.nope=1", "--out", "%out/c3"},
        "", 2, 1, L{"--standard-override", "shelter.nope"});
    row("walk speed 1e308", coverage + points + L{"--max-minutes", "10", "--walk-speed", "1e308", "--out", "%out/c4"}, "", 2, 1,
        L{"--walk-speed", "1e308", "from 0.1 to 10 m/s"});
    row("split cell 0.001", coverage + points + L{"--max-meters", "800", "--split-cell", "0.001", "--out", "%out/c5"}, "", 2, 1,
        L{"--split-cell", "0.001", "from 1 to 10000 m"});
    row("split cell count", coverage + L{"--demand", "@area_10km.geojson", "--population-field", "pop", "--max-meters", "800", "--split-cell", "1", "--out", "%out/c6"},
        "", 2, 1, L{"--split-cell", "cells", "limit is 5000000"});
    row("turnout 1e308", sa + L{"--max-minutes", "5", "--turnout-seconds", "1e308"}, "", 2, 1, L{"--turnout-seconds", "1e308", "3600 s"});
    row("turnout nan", sa + L{"--max-minutes", "5", "--turnout-seconds", "nan"}, "", 2, 1, L{"--turnout-seconds", "nan"});
    row("max minutes text", sa + L{"--max-minutes", "five"}, "", 2, 1, L{"--max-minutes", "five"});
    row("max meters inf", sa + L{"--max-meters", "inf"}, "", 2, 1, L{"--max-meters", "inf"});
    row("breaks negative", sa + L{"--max-minutes", "10", "--breaks", "5,-1"}, "", 2, 1, L{"--breaks", "-1"});
    row("tolerance 1e9", sa + L{"--max-minutes", "5", "--tolerance", "1e9"}, "", 2, 1, L{"--tolerance", "1e9", "50 m"});
    row("snap max 0", sa + L{"--max-minutes", "5", "--snap-max", "0"}, "", 2, 1, L{"--snap-max", "> 0"});
    row("access meters nan", sa + L{"--max-minutes", "5", "--access-meters", "nan"}, "", 2, 1, L{"--access-meters", "nan"});
    row("unknown crs for the network", sa + L{"--max-minutes", "5", "--crs", "EPSG:999999"}, "", 2, 1, L{"--crs", "unknown CRS 'EPSG:999999'"});
    row("profile speed 1e-300", sa + L{"--max-minutes", "5", "--profile", "@profile_slow.json"}, "@profile_slow.json", 2, 1,
        L{"default_speed_kmh", "1e-300", "km/h"});
    row("profile class speed text", sa + L{"--max-minutes", "5", "--profile", "@profile_speed_text.json"}, "@profile_speed_text.json", 2, 1,
        L{"class_speeds_kmh.footway", "'fast'"});
    row("speed-kmh 1e-300", fire + L{"--speed-kmh", "1e-300"}, "", 2, 1, L{"--speed-kmh", "1e-300", "from 1 to 200 km/h"});
    row("grid cell 0.05", fire + L{"--grid-cell", "0.05"}, "", 2, 1, L{"--grid-cell", "0.05"});
    row("grid cell count", fire + L{"--grid-cell", "1"}, "", 2, 1, L{"--grid-cell", "cells", "limit is 5000000"});
    row("info unknown encoding", L{info, "--encoding", "NOT-AN-ENCODING", "@gbk_no_cpg.shp"}, "", 2, 1, L{"--encoding", "NOT-AN-ENCODING"});
    row("info broken pbf", L{info, "@broken.osm.pbf"}, "@broken.osm.pbf", 2, 1, L{"all 5 layers"});
    row("run out empty", L{"run", "@project_ok.refuge", "--out", ""}, "", 2, 1, L{"--out", "empty path"});
    row("render layer not loaded", L{"render", "@project_missing_layer.refuge", "--out", "%out/r1.png"}, "@project_missing_layer.refuge", 2, 1,
        L{"layer streets", "does_not_exist.gpkg"});
    row("render nothing to draw", L{"render", "@project_no_layers.refuge", "--out", "%out/r2.png"}, "@project_no_layers.refuge", 2, 1,
        L{"nothing to draw"});
    row("project fire max_minutes -5", L{validate, "@project_fire_minutes_negative.refuge"}, "@project_fire_minutes_negative.refuge", 2, 1,
        L{"analysis.fire.max_minutes", "-5"});
    row("project fire max_minutes five", L{"run", "@project_fire_minutes_text.refuge", "--out", "%out/run1"}, "@project_fire_minutes_text.refuge", 2, 1,
        L{"analysis.fire.max_minutes", "'five'"});
    row("project max_meters string", L{validate, "@project_max_meters_text.refuge"}, "@project_max_meters_text.refuge", 2, 1,
        L{"analysis.coverage.max_meters", "'800'"});
    row("project without format", L{validate, "@project_no_format.refuge"}, "@project_no_format.refuge", 2, 1, L{"format", "missing"});
    row("project version -1", L{validate, "@project_version_negative.refuge"}, "@project_version_negative.refuge", 2, 1, L{"version", "-1"});

    // Analysis inputs: data left out is named on stderr (exit 1), the wrong layer refused (exit 2).
    const QString cov = QStringLiteral("coverage");
    const L demand{"--demand", "@demand_points.geojson", "--population-field", "pop", "--euclidean", "--max-meters", "1000"};
    row("facility with NaN coordinates", L{cov, "--facilities", "@shelters_nan.geojson", "--facility-id", "name", "--capacity-field", "capacity",
                                           "--out", "%nan"} + demand,
        "@shelters_nan.geojson", 1, 1, L{"13 of 14 facilities used", "1 dropped: fid 7 'S7' (non-finite coordinate)"});
    row("facility with NaN coordinates, service-area", L{"service-area", "--network", "@two_layers.gpkg:streets", "--facilities", "@shelters_nan.geojson",
                                                         "--facility-id", "name", "--max-meters", "500", "--no-cache", "--out", "%nan_sa"},
        "@shelters_nan.geojson", 1, 6, L{"13 of 14 facilities used; 1 dropped: fid 7 'S7' (non-finite coordinate)", "S14 is farther than 300 m"});
    row("demand with NaN coordinates", L{cov, "--facilities", "@two_layers.gpkg:shelters", "--capacity-field", "capacity", "--demand",
                                         "@shelters_nan.geojson", "--population-field", "capacity", "--euclidean", "--max-meters", "1000",
                                         "--out", "%nan_demand"},
        "@shelters_nan.geojson", 1, 1, L{"13 of 14 demand features used; 1 dropped: fid 7 (non-finite coordinate)"});
    row("points as areas", L{cov, "--facilities", "@two_layers.gpkg:shelters", "--capacity-field", "capacity", "--areas", "@demand_points.geojson",
                             "--area-field", "pop", "--out", "%point_areas"} + demand,
        "@demand_points.geojson", 2, 1, L{"areas must be polygons, not points"});
    row("two layers without :LAYER", L{cov, "--facilities", "@two_layers.gpkg", "--capacity-field", "capacity", "--out", "%two"} + demand,
        "@two_layers.gpkg", 2, 1, L{"has 2 layers (streets, shelters)", "PATH:LAYER"});
    row("two layers, layer named", L{cov, "--facilities", "@two_layers.gpkg:shelters", "--capacity-field", "capacity", "--out", "%two_named"} + demand,
        "@two_layers.gpkg:shelters", 0, 0, L{});
    row("two layers as the network", L{"service-area", "--network", "@two_layers.gpkg", "--facilities", "@two_layers.gpkg:shelters",
                                       "--max-meters", "500", "--no-cache", "--out", "%two_net"},
        "@two_layers.gpkg", 2, 1, L{"has 2 layers (streets, shelters)"});
    row("lines as facilities", L{cov, "--facilities", "@lines_as_shelters.geojson", "--capacity-field", "capacity", "--out", "%lines"} + demand,
        "@lines_as_shelters.geojson", 2, 1, L{"facilities must be points or polygons, not lines"});
    row("capacity that is not a number", L{cov, "--facilities", "@shelters_text_numbers.geojson", "--facility-id", "name", "--capacity-field",
                                           "capacity", "--shelter-area-field", "area", "--out", "%text"} + demand,
        "@shelters_text_numbers.geojson", 1, 1, L{"field 'capacity'", "unusable", "S3 \"big\""});

    // Usage.
    row("info without path", L{info}, "", 2, 1, L{"expected one PATH"});
    row("validate two paths", L{validate, "@project_ok.refuge", "@project_ok.refuge"}, "", 2, 1, L{"expected one"});
    row("unknown option", L{info, "--bogus", "@ok_points.geojson"}, "", 2, 1, L{"bogus"});
}

void TstBadInput::cli()
{
    QFETCH(QStringList, args);
    QFETCH(QString, file);
    QFETCH(int, exitCode);
    QFETCH(int, lines);
    QFETCH(QStringList, words);

    if (file.contains(QLatin1String("unreadable")) && !m_unreadableWorks)
        QSKIP("chmod 000 does not stop this user from reading (running as root, uid 0, as in CI): the unreadable-file "
              "case cannot be produced here");

    for (QString &a : args) {
        a.replace(QRegularExpression(QStringLiteral("^@")), m_dir.path() + QLatin1Char('/'));
        a.replace(QRegularExpression(QStringLiteral("^%(out/)?")), m_out.path() + QLatin1Char('/'));
    }
    file.replace(QRegularExpression(QStringLiteral("^@")), m_dir.path() + QLatin1Char('/'));

    const auto before = snapshot();
    const CliResult r = runCli(args, 60000);
    const auto after = snapshot();

    const QString context = QStringLiteral("refuge-cli %1\nexit %2\nstderr:\n%3").arg(args.join(QLatin1Char(' '))).arg(r.exitCode).arg(r.err);
    QVERIFY2(r.exitCode >= 0, qPrintable(QStringLiteral("crashed or timed out\n") + context));
    QVERIFY2(!r.err.contains(QLatin1String("Sanitizer")) && !r.err.contains(QLatin1String("runtime error:")), qPrintable(context));
    QVERIFY2(r.exitCode == exitCode, qPrintable(QStringLiteral("expected exit %1\n").arg(exitCode) + context));

    const QStringList errLines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(errLines.size() == lines, qPrintable(QStringLiteral("expected %1 stderr line(s)\n").arg(lines) + context));
    const QString prefix = file.isEmpty() ? QStringLiteral("refuge-cli: ") : QStringLiteral("refuge-cli: %1: ").arg(file);
    for (const QString &line : errLines) {
        QVERIFY2(line.startsWith(prefix), qPrintable(QStringLiteral("line does not start with '%1'\n").arg(prefix) + context));
        QVERIFY2(line.size() > prefix.size() + 3, qPrintable(context));
    }
    for (const QString &w : words)
        QVERIFY2(r.err.contains(w, Qt::CaseInsensitive), qPrintable(QStringLiteral("missing '%1'\n").arg(w) + context));

    // Inputs untouched, nothing written beside them (output folders of `run` excepted: there is none on failure).
    for (auto it = after.begin(); it != after.end(); ++it)
        QVERIFY2(before.contains(it.key()), qPrintable(QStringLiteral("new file beside the inputs: %1\n").arg(it.key()) + context));
    for (auto it = before.begin(); it != before.end(); ++it) {
        QVERIFY2(after.contains(it.key()), qPrintable(QStringLiteral("input removed: %1\n").arg(it.key()) + context));
        QVERIFY2(after.value(it.key()) == it.value(), qPrintable(QStringLiteral("input changed: %1\n").arg(it.key()) + context));
    }
}

void TstBadInput::gbkShapefileIsDecoded()
{
    const QString shp = dataPath(QStringLiteral("bad/gbk_no_cpg.shp"));
    auto names = [](const VectorLayer &l) {
        QStringList out;
        for (int i = 0; i < l.featureCount(); ++i)
            out << l.attribute(i, QStringLiteral("name")).toString();
        return out;
    };
    const QStringList expected = {QStringLiteral("人民广场避难场所"), QStringLiteral("南京东路应急避难点"), QStringLiteral("复兴公园")};

    const VectorLayer detected = VectorLayer::load({shp, {}});
    QCOMPARE(detected.featureCount(), 3);
    QCOMPARE(detected.report().encoding, QStringLiteral("GBK"));
    QVERIFY(detected.report().encodingNote.contains(QLatin1String("GBK")));
    QCOMPARE(names(detected), expected);
    QCOMPARE(detected.attribute(0, QStringLiteral("cap")).toLongLong(), 5000);

    LoadOptions stated;
    stated.encoding = QStringLiteral("GBK");
    const VectorLayer gbk = VectorLayer::load({shp, {}}, stated);
    QCOMPARE(names(gbk), expected);
    QVERIFY(gbk.report().encodingNote.isEmpty());
    QCOMPARE(gbk.report().encoding, QStringLiteral("GBK"));
}

void TstBadInput::skippedFeaturesAreCounted()
{
    LoadOptions named;
    named.idField = QStringLiteral("id");
    const VectorLayer nan = VectorLayer::load({dataPath(QStringLiteral("bad/nan_coords.geojson")), {}}, named);
    QCOMPARE(nan.report().read, qint64(3));
    QCOMPARE(nan.report().nonFinite, qint64(2));
    // Each one named: FIDs 1 and 3 (GDAL takes the integer "id" property as FID) and their "id" values.
    QCOMPARE(int(nan.report().dropped.size()), 2);
    QCOMPARE(nan.report().dropped[0].fid, qint64(1));
    QCOMPARE(nan.report().dropped[0].id, QStringLiteral("1"));
    QCOMPARE(nan.report().dropped[1].fid, qint64(3));
    QCOMPARE(nan.report().dropped[1].reason, QStringLiteral("non-finite coordinate"));
    QCOMPARE(nan.report().droppedMessage(QStringLiteral("lines")),
             QStringLiteral("1 of 3 lines used; 2 dropped: fid 1 '1', fid 3 '3' (non-finite coordinate)"));
    QCOMPARE(nan.featureCount(), 1);
    QCOMPARE(nan.attribute(0, QStringLiteral("id")).toLongLong(), 2);

    const VectorLayer huge = VectorLayer::load({dataPath(QStringLiteral("bad/huge_coords.geojson")), {}});
    QCOMPARE(huge.report().outsideCrs, qint64(1));
    QCOMPARE(huge.featureCount(), 2);
    QVERIFY(huge.extent().left() > -72 && huge.extent().right() < -71);

    const VectorLayer bowtie = VectorLayer::load({dataPath(QStringLiteral("bad/self_intersecting.geojson")), {}});
    QCOMPARE(bowtie.report().repaired, qint64(1));
    QCOMPARE(bowtie.featureCount(), 2);
    // The bow tie (two triangles of 0.25 each) keeps its area after repair.
    QCOMPARE(bowtie.geometry(0).partCount(), 2);

    const VectorLayer mixed = VectorLayer::load({dataPath(QStringLiteral("bad/mixed_types.geojson")), {}});
    QCOMPARE(mixed.report().otherDimension, qint64(2));
    QCOMPARE(mixed.featureCount(), 3);
    QCOMPARE(dimension(mixed.geometryType()), 2);

    const VectorLayer cut = VectorLayer::load({dataPath(QStringLiteral("bad/truncated_records.shp")), {}});
    QCOMPARE(cut.report().read, qint64(5));
    QCOMPARE(cut.report().unreadable, qint64(2));
    QCOMPARE(cut.report().nullGeometry, qint64(0));
    QCOMPARE(cut.featureCount(), 3);

    QVERIFY_THROWS_EXCEPTION(CrsError, VectorLayer::load({dataPath(QStringLiteral("bad/unknown_crs.geojson")), {}}));
    QVERIFY_THROWS_EXCEPTION(IoError, VectorLayer::load({dataPath(QStringLiteral("bad/truncated.gpkg")), {}}));
}

QJsonObject TstBadInput::coverage(const QString &shelters, const QStringList &extra, CliResult &result)
{
    static int run = 0;
    const QString out = m_out.filePath(QStringLiteral("coverage%1").arg(++run));
    result = runCli(QStringList{QStringLiteral("coverage"), QStringLiteral("--facilities"), bad(shelters), QStringLiteral("--facility-id"),
                                QStringLiteral("name"), QStringLiteral("--capacity-field"), QStringLiteral("capacity"), QStringLiteral("--demand"),
                                bad(QStringLiteral("demand_points.geojson")), QStringLiteral("--population-field"), QStringLiteral("pop"),
                                QStringLiteral("--euclidean"), QStringLiteral("--max-meters"), QStringLiteral("1000"), QStringLiteral("--out"), out}
                        + extra,
                    60000);
    QFile f(QDir(out).filePath(QStringLiteral("summary.json")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

void TstBadInput::droppedFacilityInSummary()
{
    CliResult r;
    const QJsonObject s = coverage(QStringLiteral("shelters_nan.geojson"), {}, r);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(s.value(QStringLiteral("facilities")).toInt(), 13);
    const QJsonArray dropped = s.value(QStringLiteral("dropped")).toArray();
    QCOMPARE(dropped.size(), 1);
    const QJsonObject d = dropped.at(0).toObject();
    QCOMPARE(d.value(QStringLiteral("fid")).toInteger(), 7);
    QCOMPARE(d.value(QStringLiteral("id")).toString(), QStringLiteral("S7"));
    QCOMPARE(d.value(QStringLiteral("reason")).toString(), QStringLiteral("non-finite coordinate"));
    QCOMPARE(d.value(QStringLiteral("source")).toString(), bad(QStringLiteral("shelters_nan.geojson")));
    const QString line = QStringLiteral("%1: 13 of 14 facilities used; 1 dropped: fid 7 'S7' (non-finite coordinate)").arg(bad(QStringLiteral("shelters_nan.geojson")));
    QCOMPARE(s.value(QStringLiteral("input_problems")).toArray(), QJsonArray{line});
    QVERIFY(s.value(QStringLiteral("warnings")).toArray().contains(line));
    QCOMPARE(r.err.trimmed(), QStringLiteral("refuge-cli: ") + line);
    // 1+..+14 × 100 without S7's 700.
    QCOMPARE(s.value(QStringLiteral("total_capacity")).toDouble(), 10500.0 - 700.0);
}

void TstBadInput::numbersWrittenAsText()
{
    // Capacity "14,495" and "1 234" read; "big" unusable (S3 gets its capacity from its area
    // "1,200" ÷ 1.5 = 800); area "300 m²" read; S2 (no area) and S4 (area 0) have none.
    CliResult r;
    const QJsonObject s = coverage(QStringLiteral("shelters_text_numbers.geojson"), {QStringLiteral("--shelter-area-field"), QStringLiteral("area")}, r);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(s.value(QStringLiteral("total_capacity")).toDouble(), 14495.0 + 1234.0 + 800.0 + 500.0);
    const QString warnings = s.value(QStringLiteral("warnings")).toVariant().toStringList().join(QLatin1Char('\n'));
    QVERIFY2(warnings.contains(QStringLiteral("field 'capacity': 2 values written as text read as numbers: S1 \"14,495\" → 14495, S2 \"1 234\" → 1234")), qPrintable(warnings));
    QVERIFY2(warnings.contains(QStringLiteral("field 'area': 2 values written as text read as numbers: S1 \"300 m²\" → 300, S3 \"1,200\" → 1200")), qPrintable(warnings));
    QVERIFY2(warnings.contains(QStringLiteral("field 'capacity': 1 values that are not numbers left out (unusable): S3 \"big\"")), qPrintable(warnings));
    QVERIFY2(warnings.contains(QStringLiteral("2 shelters without an effective area (per-capita shelter area not evaluated")), qPrintable(warnings));
    QVERIFY2(warnings.contains(QStringLiteral("): S2, S4")), qPrintable(warnings));
    // Not evaluated: no pass/fail on invented areas.
    const QJsonObject check = s.value(QStringLiteral("checks")).toObject().value(QStringLiteral("district_supply")).toObject();
    QVERIFY(check.value(QStringLiteral("pass")).isNull());
    QCOMPARE(check.value(QStringLiteral("evaluated")).toBool(true), false);
    QVERIFY(s.value(QStringLiteral("shelter_area_per_resident")).isNull());
    QCOMPARE(s.value(QStringLiteral("areas_from_capacity")).toArray(), QJsonArray());

    // Asked for: S2 and S4 get capacity × 2 m² (2468 and 1000), listed; the check is evaluated:
    // (300 + 2468 + 1200 + 1000) m² over 2750 residents.
    const QJsonObject asked = coverage(QStringLiteral("shelters_text_numbers.geojson"),
                                       {QStringLiteral("--shelter-area-field"), QStringLiteral("area"), QStringLiteral("--area-from-capacity"), QStringLiteral("2")}, r);
    QCOMPARE(r.exitCode, 1); // "big" is still unusable
    QCOMPARE(asked.value(QStringLiteral("areas_from_capacity")).toArray(), (QJsonArray{QStringLiteral("S2"), QStringLiteral("S4")}));
    QCOMPARE(asked.value(QStringLiteral("total_population")).toDouble(), 2750.0);
    QCOMPARE(asked.value(QStringLiteral("shelter_area_per_resident")).toDouble(), (300.0 + 2468.0 + 1200.0 + 1000.0) / 2750.0);
    const QJsonObject check2 = asked.value(QStringLiteral("checks")).toObject().value(QStringLiteral("district_supply")).toObject();
    QCOMPARE(check2.value(QStringLiteral("pass")).toBool(), true); // 1.81 > 1.5
    QVERIFY(asked.value(QStringLiteral("warnings")).toVariant().toStringList().join(QLatin1Char('\n'))
                .contains(QStringLiteral("2 shelters without an effective area: area taken as capacity × 2 m² per person (as asked, --area-from-capacity): S2, S4")));
    const CliResult bad = runCli({QStringLiteral("coverage"), QStringLiteral("--area-from-capacity"), QStringLiteral("-1")}, 60000);
    QCOMPARE(bad.exitCode, 2);
}

void TstBadInput::droppedStreetsEveryRun()
{
    // Street fid 3 has a vertex at 1e308: named on every run (the graph is not cached while
    // streets are dropped, so a second run cannot go silent).
    const QString line = QStringLiteral("refuge-cli: %1: 3 of 4 streets used; 1 dropped: fid 3 (non-finite or out-of-range coordinate)")
                             .arg(bad(QStringLiteral("streets_bad.gpkg")));
    for (int run = 1; run <= 2; ++run) {
        const QString out = m_out.filePath(QStringLiteral("streets%1").arg(run));
        const CliResult r = runCli({QStringLiteral("service-area"), QStringLiteral("--network"), bad(QStringLiteral("streets_bad.gpkg")),
                                    QStringLiteral("--facilities"), bad(QStringLiteral("facility_on_streets.geojson")), QStringLiteral("--max-meters"),
                                    QStringLiteral("500"), QStringLiteral("--cache-dir"), m_out.filePath(QStringLiteral("cache")), QStringLiteral("--out"), out},
                                   60000);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.trimmed(), line);
        QFile f(QDir(out).filePath(QStringLiteral("summary.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject s = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonArray dropped = s.value(QStringLiteral("dropped")).toArray();
        QCOMPARE(dropped.size(), 1);
        QCOMPARE(dropped.at(0).toObject().value(QStringLiteral("fid")).toInteger(), 3);
        QCOMPARE(s.value(QStringLiteral("network")).toObject().value(QStringLiteral("links")).toInt(), 3);
    }
}

QTEST_GUILESS_MAIN(TstBadInput)
#include "tst_bad_input.moc"
