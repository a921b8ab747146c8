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

QTEST_MAIN(TestAtlasCli)
#include "tst_atlas_cli.moc"
