// refuge-cli atlas on the Cambridge neighbourhoods (13 features) with the community
// evacuation templates: one PDF of 13 pages, each page titled with its neighbourhood
// (names read independently with OGR); one file per neighbourhood, "Area 2/MIT"
// sanitized; Chinese text extractable; bad input refused before anything is written.
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <gdal.h>
#include <ogr_api.h>

using namespace refuge::test;

namespace {

QString tool(const QString &name, const QStringList &args)
{
    QProcess p;
    p.start(name, args);
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString project() { return sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")); }

// The NAME of each neighbourhood in the GeoPackage's order, read with OGR.
QStringList neighbourhoodNames()
{
    GDALAllRegister();
    QStringList names;
    GDALDatasetH ds = GDALOpenEx(sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")).toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                 nullptr, nullptr, nullptr);
    if (!ds)
        return names;
    OGRLayerH layer = GDALDatasetGetLayerByName(ds, "neighborhoods");
    OGR_L_ResetReading(layer);
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        names << QString::fromUtf8(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "NAME")));
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    return names;
}

} // namespace

class TestAtlasCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void singlePdf();
    void filePerFeatureChinese();
    void refusedBeforeWriting_data();
    void refusedBeforeWriting();
    void outputIsInput();
    void skippedFeatureReported();
    void levelsBatch();
    void runWithCommunityPages();
};

void TestAtlasCli::singlePdf()
{
    const QStringList names = neighbourhoodNames();
    QCOMPARE(names.size(), 13);
    QTemporaryDir dir;
    const CliResult r = runCli({QStringLiteral("atlas"), project(), QStringLiteral("--layout"), QStringLiteral("community-evacuation-a4"),
                                QStringLiteral("--coverage"), QStringLiteral("neighborhoods"), QStringLiteral("--single-file"),
                                QStringLiteral("--out"), dir.filePath(QStringLiteral("out"))});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("13 pages exported, 0 failed")), qPrintable(r.out));
    const QString pdf = dir.filePath(QStringLiteral("out/atlas.pdf"));
    QCOMPARE(QDir(dir.filePath(QStringLiteral("out"))).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("atlas.pdf")});
    if (QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
        QSKIP("poppler-utils is not installed");
    const QString info = tool(QStringLiteral("pdfinfo"), {pdf});
    QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+13\\n"))), qPrintable(info));
    QVERIFY2(info.contains(QLatin1String("595 x 842 pts (A4)")), qPrintable(info));
    for (int page = 1; page <= 13; ++page) {
        const QString text = tool(QStringLiteral("pdftotext"), {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                                                                QString::number(page), pdf, QStringLiteral("-")});
        // The title (first line) is the page's neighbourhood; the footer numbers the page.
        QCOMPARE(text.section(QLatin1Char('\n'), 0, 0), names[page - 1]);
        QVERIFY2(text.contains(QStringLiteral("page %1 of 13").arg(page)), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("City of Cambridge GIS")), qPrintable(text)); // credits
    }
    for (const QString &row : tool(QStringLiteral("pdffonts"), {pdf}).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2))
        QVERIFY2(row.contains(QLatin1String(" yes ")), qPrintable(row));
}

void TestAtlasCli::filePerFeatureChinese()
{
    const QStringList names = neighbourhoodNames();
    QTemporaryDir dir;
    const CliResult r = runCli({QStringLiteral("atlas"), project(), QStringLiteral("--layout"), QStringLiteral("community-evacuation-a4-zh_CN"),
                                QStringLiteral("--coverage"), QStringLiteral("neighborhoods"), QStringLiteral("--field"), QStringLiteral("NAME"),
                                QStringLiteral("--out"), dir.path()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QStringList expected;
    for (QString name : names)
        expected << name.replace(QLatin1Char('/'), QLatin1Char('_')) + QStringLiteral(".pdf");
    QVERIFY(expected.contains(QStringLiteral("Area 2_MIT.pdf")));
    expected.sort();
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name), expected);
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("poppler-utils is not installed");
    const QString text = tool(QStringLiteral("pdftotext"), {dir.filePath(QStringLiteral("Area 2_MIT.pdf")), QStringLiteral("-")});
    QCOMPARE(text.section(QLatin1Char('\n'), 0, 0), QStringLiteral("Area 2/MIT"));
    QVERIFY2(text.contains(QStringLiteral("人口")) && text.contains(QStringLiteral("避难")) && text.contains(QStringLiteral("公众版风险与避险提示图")),
             qPrintable(text));
}

void TestAtlasCli::refusedBeforeWriting_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("words");
    const QString layout = QStringLiteral("community-evacuation-a4");
    QTest::newRow("field") << QStringList{QStringLiteral("--coverage"), QStringLiteral("neighborhoods"), QStringLiteral("--field"), QStringLiteral("POP"),
                                          QStringLiteral("--layout"), layout, QStringLiteral("--out"), QStringLiteral("@D/out")}
                           << QStringLiteral("no field 'POP' (fields: NAME, N_HOOD");
    QTest::newRow("coverage") << QStringList{QStringLiteral("--coverage"), QStringLiteral("roads"), QStringLiteral("--layout"), layout,
                                             QStringLiteral("--out"), QStringLiteral("@D/out")}
                              << QStringLiteral("--coverage: no layer 'roads' in the project (layers: blocks_2000, flood_500yr");
    QTest::newRow("template") << QStringList{QStringLiteral("--coverage"), QStringLiteral("neighborhoods"), QStringLiteral("--layout"), QStringLiteral("poster"),
                                             QStringLiteral("--out"), QStringLiteral("@D/out")}
                              << QStringLiteral("'poster' is neither a layout file (.json), a template (community-evacuation-a3-zh_CN, community-evacuation-a3, community-evacuation-a4-zh_CN");
    QTest::newRow("out is a file") << QStringList{QStringLiteral("--coverage"), QStringLiteral("neighborhoods"), QStringLiteral("--layout"), layout,
                                                  QStringLiteral("--out"), QStringLiteral("@D/file.txt")}
                                   << QStringLiteral("is a file, not a folder");
#ifdef Q_OS_LINUX
    QTest::newRow("unwritable") << QStringList{QStringLiteral("--coverage"), QStringLiteral("neighborhoods"), QStringLiteral("--layout"), layout,
                                               QStringLiteral("--out"), QStringLiteral("/proc/refuge-atlas-test")}
                                << QStringLiteral("--out /proc/refuge-atlas-test: folder");
#endif
    QTest::newRow("single png") << QStringList{QStringLiteral("--coverage"), QStringLiteral("neighborhoods"), QStringLiteral("--layout"), layout,
                                               QStringLiteral("--single-file"), QStringLiteral("--format"), QStringLiteral("png"),
                                               QStringLiteral("--out"), QStringLiteral("@D/out")}
                                << QStringLiteral("--single-file writes a PDF");
}

void TestAtlasCli::refusedBeforeWriting()
{
    QFETCH(QStringList, args);
    QFETCH(QString, words);
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("file.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("x");
    file.close();
    args.replaceInStrings(QStringLiteral("@D"), dir.path());
    const CliResult r = runCli(QStringList{QStringLiteral("atlas"), project()} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(QLatin1String("refuge-cli: ")) && r.err.contains(words), qPrintable(r.err));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList{QStringLiteral("file.txt")});
}

void TestAtlasCli::outputIsInput()
{
    // The project's data saved as "Baldwin.pdf" (GDAL opens by content) in the output
    // folder: the atlas page of Baldwin would overwrite it, so nothing is written.
    QTemporaryDir dir;
    QVERIFY(QFile::copy(sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")), dir.filePath(QStringLiteral("Baldwin.pdf"))));
    QFile in(project());
    QVERIFY(in.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(in.readAll()).object();
    QJsonArray layers = json.value(QLatin1String("layers")).toArray();
    for (QJsonValueRef v : layers) {
        QJsonObject l = v.toObject();
        l.insert(QStringLiteral("source"), QStringLiteral("Baldwin.pdf"));
        v = l;
    }
    json.insert(QStringLiteral("layers"), layers);
    QFile out(dir.filePath(QStringLiteral("p.refuge")));
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(json).toJson());
    out.close();
    const QByteArray before = sha256(dir.filePath(QStringLiteral("Baldwin.pdf")));
    const CliResult r = runCli({QStringLiteral("atlas"), out.fileName(), QStringLiteral("--layout"), QStringLiteral("community-evacuation-a4"),
                                QStringLiteral("--coverage"), QStringLiteral("neighborhoods"), QStringLiteral("--field"), QStringLiteral("NAME"),
                                QStringLiteral("--out"), dir.path()});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("Baldwin.pdf: would overwrite an input")), qPrintable(r.err));
    QCOMPARE(sha256(dir.filePath(QStringLiteral("Baldwin.pdf"))), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name), QStringList({QStringLiteral("Baldwin.pdf"), QStringLiteral("p.refuge")}));
}

void TestAtlasCli::skippedFeatureReported()
{
    // Feature 2 has an empty polygon: the loader skips it, the atlas names it and
    // exports the two others (exit 1: problems found).
    QTemporaryDir dir;
    QFile geojson(dir.filePath(QStringLiteral("c.geojson")));
    QVERIFY(geojson.open(QIODevice::WriteOnly));
    geojson.write(R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::26986"}},"features":[
{"type":"Feature","id":1,"properties":{"NAME":"North"},"geometry":{"type":"Polygon","coordinates":[[[230000,900000],[231000,900000],[231000,901000],[230000,901000],[230000,900000]]]}},
{"type":"Feature","id":2,"properties":{"NAME":"Empty"},"geometry":{"type":"Polygon","coordinates":[]}},
{"type":"Feature","id":3,"properties":{"NAME":"South"},"geometry":{"type":"Polygon","coordinates":[[[230000,898000],[231000,898000],[231000,899000],[230000,899000],[230000,898000]]]}}]})");
    geojson.close();
    QFile projectFile(dir.filePath(QStringLiteral("p.refuge")));
    QVERIFY(projectFile.open(QIODevice::WriteOnly));
    projectFile.write(R"({"format": "refuge-project", "version": 1, "title": "T", "crs": "EPSG:26986",
 "layers": [{"id": "c", "name": "Communities", "source": "c.geojson", "role": "communities"}]})");
    projectFile.close();
    const CliResult r = runCli({QStringLiteral("atlas"), projectFile.fileName(), QStringLiteral("--layout"), QStringLiteral("community-evacuation-a4"),
                                QStringLiteral("--coverage"), QStringLiteral("c"), QStringLiteral("--field"), QStringLiteral("NAME"),
                                QStringLiteral("--out"), dir.filePath(QStringLiteral("out"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("refuge-cli: atlas: feature 2 of 'Communities': skipped when loading")), qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("2 pages exported, 1 failed")), qPrintable(r.out));
    QCOMPARE(QDir(dir.filePath(QStringLiteral("out"))).entryList(QDir::Files | QDir::Hidden, QDir::Name),
             QStringList({QStringLiteral("North.pdf"), QStringLiteral("South.pdf")}));
}

namespace {

// A project over admin.geojson: one district, two streets, three communities (LEVEL),
// and an atlas section with a layout per level.
QString levelsProject(const QTemporaryDir &dir)
{
    QFile geojson(dir.filePath(QStringLiteral("admin.geojson")));
    if (!geojson.open(QIODevice::WriteOnly))
        return {};
    QByteArray features;
    const QList<std::tuple<const char *, const char *, int>> rows{{"City", "district", 0}, {"East", "street", 0}, {"West", "street", 1},
                                                                  {"汉口路社区", "community", 0}, {"Elm", "community", 1}, {"Oak", "community", 2}};
    for (const auto &[name, level, i] : rows) {
        const int x = 230000 + i * 1000;
        features += QStringLiteral(R"({"type":"Feature","properties":{"NAME":"%1","LEVEL":"%2"},"geometry":{"type":"Polygon","coordinates":[[[%3,900000],[%4,900000],[%4,901000],[%3,901000],[%3,900000]]]}},)")
                        .arg(QString::fromUtf8(name), QString::fromUtf8(level)).arg(x).arg(x + 900).toUtf8();
    }
    features.chop(1);
    geojson.write(R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::26986"}},"features":[)" + features + "]}");
    geojson.close();
    QFile project(dir.filePath(QStringLiteral("p.refuge")));
    if (!project.open(QIODevice::WriteOnly))
        return {};
    project.write(R"({"format": "refuge-project", "version": 1, "title": "Levels", "crs": "EPSG:26986",
 "layers": [{"id": "admin", "name": "Admin", "source": "admin.geojson", "role": "communities", "fields": {"level": "LEVEL"}}],
 "atlas": {"coverage": "admin", "level_field": "LEVEL", "field": "NAME", "single_file": false,
           "levels": [{"level": "district", "template": "standard-a3"},
                      {"level": "street", "template": "standard-a4"},
                      {"level": "community", "template": "standard-a4"}]}})");
    return project.fileName();
}

int pdfPages(const QString &pdf)
{
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(tool(QStringLiteral("pdfinfo"), {pdf}));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// Per neighbourhood (NAME): its covered share (areas layer) and the shelter most of its
// residents are assigned to (demand summed by assigned_to, named from facilities), read
// with OGR from a run's coverage.gpkg.
QHash<QString, std::pair<double, QString>> coverageByArea(const QString &gpkg)
{
    GDALAllRegister();
    QHash<QString, std::pair<double, QString>> out;
    GDALDatasetH ds = GDALOpenEx(gpkg.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (!ds)
        return out;
    auto each = [&](const char *layer, const std::function<void(OGRFeatureH)> &f) {
        OGRLayerH l = GDALDatasetGetLayerByName(ds, layer);
        OGR_L_ResetReading(l);
        while (OGRFeatureH feature = OGR_L_GetNextFeature(l)) {
            f(feature);
            OGR_F_Destroy(feature);
        }
    };
    auto text = [](OGRFeatureH f, const char *field) { return QString::fromUtf8(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, field))); };
    QHash<QString, QString> names;
    each("facilities", [&](OGRFeatureH f) { names.insert(text(f, "facility"), text(f, "name")); });
    QHash<QString, QHash<QString, double>> sums;
    each("demand", [&](OGRFeatureH f) {
        if (!text(f, "assigned_to").isEmpty())
            sums[text(f, "area")][text(f, "assigned_to")] += OGR_F_GetFieldAsDouble(f, OGR_F_GetFieldIndex(f, "assigned"));
    });
    each("areas", [&](OGRFeatureH f) {
        const QString area = text(f, "area");
        QString best;
        double most = -1;
        for (auto it = sums[area].begin(); it != sums[area].end(); ++it)
            if (it.value() > most || (it.value() == most && it.key() < best))
                most = it.value(), best = it.key();
        out.insert(area, {OGR_F_GetFieldAsDouble(f, OGR_F_GetFieldIndex(f, "covered_share")), names.value(best)});
    });
    GDALClose(ds);
    return out;
}

} // namespace

void TestAtlasCli::levelsBatch()
{
    // The project's atlas section: district (A3), street and community (A4) pages in one
    // run, one folder per level, each level's features picked by LEVEL.
    QTemporaryDir dir;
    const QString p = levelsProject(dir);
    const CliResult r = runCli({QStringLiteral("atlas"), p, QStringLiteral("--single-file"), QStringLiteral("--out"), dir.filePath(QStringLiteral("out"))});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    for (const char *line : {"district: 1 pages exported, 0 failed", "street: 2 pages exported, 0 failed", "community: 3 pages exported, 0 failed"})
        QVERIFY2(r.out.contains(QLatin1String(line)), qPrintable(r.out));
    QCOMPARE(QDir(dir.filePath(QStringLiteral("out"))).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name),
             QStringList({QStringLiteral("community"), QStringLiteral("district"), QStringLiteral("street")}));
    // --level: one level of the section, one file per feature.
    const CliResult one = runCli({QStringLiteral("atlas"), p, QStringLiteral("--level"), QStringLiteral("community"), QStringLiteral("--out"),
                                  dir.filePath(QStringLiteral("one"))});
    QVERIFY2(one.exitCode == 0, qPrintable(one.err));
    QCOMPARE(QDir(dir.filePath(QStringLiteral("one/community"))).entryList(QDir::Files, QDir::Name),
             QStringList({QStringLiteral("Elm.pdf"), QStringLiteral("Oak.pdf"), QStringLiteral("汉口路社区.pdf")}));
    // --coverage with --level: the layer's "level" mapping picks the features.
    const CliResult street = runCli({QStringLiteral("atlas"), p, QStringLiteral("--coverage"), QStringLiteral("admin"), QStringLiteral("--template"),
                                     QStringLiteral("standard-a4"), QStringLiteral("--level"), QStringLiteral("street"), QStringLiteral("--field"),
                                     QStringLiteral("NAME"), QStringLiteral("--out"), dir.filePath(QStringLiteral("street"))});
    QVERIFY2(street.exitCode == 0, qPrintable(street.err));
    QCOMPARE(QDir(dir.filePath(QStringLiteral("street"))).entryList(QDir::Files, QDir::Name),
             QStringList({QStringLiteral("East.pdf"), QStringLiteral("West.pdf")}));
    const CliResult none = runCli({QStringLiteral("atlas"), p, QStringLiteral("--coverage"), QStringLiteral("admin"), QStringLiteral("--template"),
                                   QStringLiteral("standard-a4"), QStringLiteral("--level"), QStringLiteral("town"), QStringLiteral("--out"),
                                   dir.filePath(QStringLiteral("town"))});
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(none.err.contains(QLatin1String("no feature has LEVEL = 'town' (values: district, street, community)")), qPrintable(none.err));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("town"))));
    if (QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
        QSKIP("poppler-utils is not installed");
    QCOMPARE(pdfPages(dir.filePath(QStringLiteral("out/district/atlas.pdf"))), 1);
    QVERIFY(tool(QStringLiteral("pdfinfo"), {dir.filePath(QStringLiteral("out/district/atlas.pdf"))}).contains(QLatin1String("(A3)")));
    QCOMPARE(pdfPages(dir.filePath(QStringLiteral("out/street/atlas.pdf"))), 2);
    QCOMPARE(pdfPages(dir.filePath(QStringLiteral("out/community/atlas.pdf"))), 3);
}

void TestAtlasCli::runWithCommunityPages()
{
    // `run` on Cambridge (coverage only) with an atlas section: the neighbourhood atlas
    // on this run's results, each page with its covered share and its main assigned
    // shelter as OGR reads them from coverage.gpkg.
    QTemporaryDir dir;
    QFile in(project());
    QVERIFY(in.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(in.readAll()).object();
    QJsonArray layers = json.value(QLatin1String("layers")).toArray();
    for (QJsonValueRef v : layers) {
        QJsonObject l = v.toObject();
        l.insert(QStringLiteral("source"), sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")));
        v = l;
    }
    json.insert(QStringLiteral("layers"), layers);
    QJsonObject analysis = json.value(QLatin1String("analysis")).toObject();
    analysis.remove(QStringLiteral("fire"));
    analysis.insert(QStringLiteral("report"), false);
    json.insert(QStringLiteral("analysis"), analysis);
    json.insert(QStringLiteral("atlas"), QJsonObject{{QStringLiteral("template"), QStringLiteral("community-evacuation-a4")},
                                                     {QStringLiteral("coverage"), QStringLiteral("neighborhoods")},
                                                     {QStringLiteral("field"), QStringLiteral("NAME")}});
    QFile p(dir.filePath(QStringLiteral("p.refuge")));
    QVERIFY(p.open(QIODevice::WriteOnly));
    p.write(QJsonDocument(json).toJson());
    p.close();
    const CliResult r = runCli({QStringLiteral("run"), p.fileName(), QStringLiteral("--out"), dir.filePath(QStringLiteral("out"))});
    QVERIFY2(r.out.contains(QLatin1String("13 pages exported, 0 failed")), qPrintable(r.out + r.err));
    const QString pdf = dir.filePath(QStringLiteral("out/atlas/atlas.pdf"));
    QVERIFY(QFileInfo::exists(pdf));
    const QHash<QString, std::pair<double, QString>> expected = coverageByArea(dir.filePath(QStringLiteral("out/coverage/coverage.gpkg")));
    QCOMPARE(expected.size(), 13);
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("poppler-utils is not installed");
    const QStringList names = neighbourhoodNames();
    int withShelter = 0;
    for (int page = 1; page <= 13; ++page) {
        const QString text = tool(QStringLiteral("pdftotext"), {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                                                                QString::number(page), pdf, QStringLiteral("-")});
        const auto [share, shelter] = expected.value(names[page - 1]);
        const QString printed = QStringLiteral("%1 %").arg(share * 100, 0, 'f', 1);
        QVERIFY2(text.contains(QStringLiteral("walking reach of a shelter: ") + printed), qPrintable(names[page - 1] + QLatin1Char(' ') + printed + QLatin1Char('\n') + text));
        if (!shelter.isEmpty()) {
            ++withShelter;
            QVERIFY2(text.contains(shelter), qPrintable(shelter + QLatin1Char('\n') + text));
            QVERIFY2(text.contains(QLatin1String("Walking route")), qPrintable(text)); // the legend's overlay entry
        }
        QVERIFY2(text.contains(QLatin1String("You are here")), qPrintable(text));
    }
    QVERIFY(withShelter >= 10);
}

QTEST_MAIN(TestAtlasCli)
#include "tst_atlas_cli.moc"
