// refuge-cli print: the Cambridge sample on A3 (PDF: page size from the paper, text
// extractable, fonts embedded, no leftover temporary file), A4 PNG, SVG and TIFF at a
// DPI, a layout saved in the project by name; errors.
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <gdal.h>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace refuge::test;

namespace {
QString tool(const QString &name, const QStringList &args)
{
    QProcess p;
    p.start(name, args);
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}
} // namespace

class TestPrintCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pdfA3();
    void pngA4();
    void svgAndTiff();
    void layoutSavedInProject();
    void errors_data();
    void errors();
};

void TestPrintCli::pdfA3()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("poppler-utils is not installed");
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("maps/cambridge.pdf"));
    const CliResult r = runCli({QStringLiteral("print"), sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")),
                                QStringLiteral("--layout"), QStringLiteral("standard-a3"), QStringLiteral("--out"), out,
                                QStringLiteral("--title"), QStringLiteral("人口 避难 Cambridge 2026")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(tool(QStringLiteral("pdfinfo"), {out}).contains(QLatin1String("842 x 1191 pts (A3)")));
    const QString text = tool(QStringLiteral("pdftotext"), {out, QStringLiteral("-")});
    QVERIFY2(text.contains(QStringLiteral("人口 避难 Cambridge 2026")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("City of Cambridge")), qPrintable(text)); // credits
    QVERIFY2(text.contains(QStringLiteral("Emergency shelters")), qPrintable(text)); // legend
    for (const QString &row : tool(QStringLiteral("pdffonts"), {out}).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2))
        QVERIFY2(row.contains(QLatin1String(" yes ")), qPrintable(row));
    QCOMPARE(QDir(dir.filePath(QStringLiteral("maps"))).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("cambridge.pdf")});
}

void TestPrintCli::pngA4()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("page.png"));
    const CliResult r = runCli({QStringLiteral("print"), sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")),
                                QStringLiteral("--layout"), QStringLiteral("standard-a4"), QStringLiteral("--out"), out,
                                QStringLiteral("--dpi"), QStringLiteral("50")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(QImage(out).size(), QSize(413, 585)); // 210 x 297 mm at 50 dpi
}

void TestPrintCli::svgAndTiff()
{
    // SVG: the A4 page in mm, its text as text. TIFF (GDAL): 210 x 297 mm at 50 dpi,
    // RGB, resolution tags 50 per inch.
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("page.svg")), tif = dir.filePath(QStringLiteral("page.tif"));
    for (const QString &out : {svg, tif}) {
        const CliResult r = runCli({QStringLiteral("print"), sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")),
                                    QStringLiteral("--layout"), QStringLiteral("standard-a4"), QStringLiteral("--out"), out,
                                    QStringLiteral("--dpi"), QStringLiteral("50"), QStringLiteral("--title"), QStringLiteral("人口 避难 SVG")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY2(text.contains(QRegularExpression(QStringLiteral("<svg width=\"(209|210)(\\.\\d+)?mm\" height=\"(296|297)(\\.\\d+)?mm\""))), qPrintable(text.left(400)));
    QVERIFY(text.contains(QStringLiteral("人口 避难 SVG")));
    GDALAllRegister();
    GDALDatasetH ds = GDALOpen(tif.toUtf8().constData(), GA_ReadOnly);
    QVERIFY(ds);
    QCOMPARE(GDALGetRasterXSize(ds), 413);
    QCOMPARE(GDALGetRasterYSize(ds), 585);
    QCOMPARE(GDALGetRasterCount(ds), 3);
    QCOMPARE(QByteArray(GDALGetMetadataItem(ds, "TIFFTAG_XRESOLUTION", nullptr)).toDouble(), 50.0);
    QCOMPARE(QByteArray(GDALGetMetadataItem(ds, "TIFFTAG_RESOLUTIONUNIT", nullptr)), QByteArray("2 (pixels/inch)"));
    GDALClose(ds);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name), QStringList({QStringLiteral("page.svg"), QStringLiteral("page.tif")}));
}

void TestPrintCli::layoutSavedInProject()
{
    // A layout saved in the project's "layouts" is found by name before the templates.
    QTemporaryDir dir;
    QFile in(sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(in.readAll()).object();
    QJsonArray layers = json.value(QLatin1String("layers")).toArray();
    for (QJsonValueRef v : layers) {
        QJsonObject l = v.toObject();
        l.insert(QStringLiteral("source"), sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")));
        v = l;
    }
    json.insert(QStringLiteral("layers"), layers);
    const QJsonObject layout = QJsonDocument::fromJson(R"({"name": "notice-board", "paper": "A5", "items": [
        {"type": "text", "text": "Notice board {title}", "rect_mm": [10, 10, 128, 10]},
        {"type": "map", "id": "map", "rect_mm": [10, 25, 128, 170]}]})").object();
    json.insert(QStringLiteral("layouts"), QJsonArray{layout});
    QFile project(dir.filePath(QStringLiteral("p.refuge")));
    QVERIFY(project.open(QIODevice::WriteOnly));
    project.write(QJsonDocument(json).toJson());
    project.close();
    const QString out = dir.filePath(QStringLiteral("page.pdf"));
    const CliResult r = runCli({QStringLiteral("print"), project.fileName(), QStringLiteral("--layout"), QStringLiteral("notice-board"),
                                QStringLiteral("--out"), out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    if (QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
        QSKIP("poppler-utils is not installed");
    QVERIFY(tool(QStringLiteral("pdfinfo"), {out}).contains(QLatin1String("420 x 595 pts (A5)")));
    QVERIFY(tool(QStringLiteral("pdftotext"), {out, QStringLiteral("-")}).contains(QLatin1String("Notice board Cambridge")));
}

void TestPrintCli::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("words");
    const QString project = sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge"));
    QTest::newRow("layout name") << QStringList{project, QStringLiteral("--layout"), QStringLiteral("poster"), QStringLiteral("--out"), QStringLiteral("@O.pdf")}
                                 << QStringLiteral("'poster' is neither a layout file");
    QTest::newRow("suffix") << QStringList{project, QStringLiteral("--layout"), QStringLiteral("standard-a4"), QStringLiteral("--out"), QStringLiteral("@O.txt")}
                            << QStringLiteral("--out must end in .pdf, .svg, .png or .tif");
    QTest::newRow("dpi") << QStringList{project, QStringLiteral("--layout"), QStringLiteral("standard-a4"), QStringLiteral("--out"), QStringLiteral("@O.png"), QStringLiteral("--dpi"), QStringLiteral("0")}
                         << QStringLiteral("--dpi must be an integer");
    QTest::newRow("layout file") << QStringList{project, QStringLiteral("--layout"), QStringLiteral("@L"), QStringLiteral("--out"), QStringLiteral("@O.pdf")}
                                 << QStringLiteral("item 1: unknown type 'chart'");
}

void TestPrintCli::errors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, words);
    QTemporaryDir dir;
    QFile layout(dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(layout.open(QIODevice::WriteOnly));
    layout.write(R"({"name":"bad","items":[{"type":"chart","rect_mm":[0,0,10,10]}]})");
    layout.close();
    args.replaceInStrings(QStringLiteral("@O"), dir.filePath(QStringLiteral("out")));
    args.replaceInStrings(QStringLiteral("@L"), layout.fileName());
    const CliResult r = runCli(QStringList{QStringLiteral("print")} + args);
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.startsWith(QLatin1String("refuge-cli: ")) && r.err.contains(words), qPrintable(r.err));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("bad.json")}); // nothing written
}

QTEST_MAIN(TestPrintCli)
#include "tst_print_cli.moc"
