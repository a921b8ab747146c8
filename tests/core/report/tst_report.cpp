// Report: HTML and PDF carry the same figures; Chinese text and the CJK font are
// embedded in the PDF; missing results give a clear error.
#include "TestSupport.h"
#include "model/Project.h"
#include "report/Report.h"
#include "report/ReportCharts.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace refuge;

namespace {

QString tool(const QString &name, const QStringList &args)
{
    QProcess p;
    p.start(name, args);
    if (!p.waitForFinished(60000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

bool haveTool(const QString &name) { return !QStandardPaths::findExecutable(name).isEmpty(); }

} // namespace

class TestReport : public QObject {
    Q_OBJECT
    QTemporaryDir m_results;

private Q_SLOTS:
    void initTestCase()
    {
        const QString g = test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg"));
        const test::CliResult c = test::runCli(
            {QStringLiteral("coverage"), QStringLiteral("--euclidean"), QStringLiteral("--facilities"), g + QStringLiteral(":shelters"),
             QStringLiteral("--facility-id"), QStringLiteral("Name"), QStringLiteral("--capacity-field"), QStringLiteral("Capacity"),
             QStringLiteral("--demand"), g + QStringLiteral(":blocks_2000"), QStringLiteral("--population-field"), QStringLiteral("POP_LAB"),
             QStringLiteral("--areas"), g + QStringLiteral(":neighborhoods"), QStringLiteral("--area-field"), QStringLiteral("NAME"),
             QStringLiteral("--max-meters"), QStringLiteral("800"), QStringLiteral("--out"), m_results.filePath(QStringLiteral("coverage"))});
        QVERIFY2(c.exitCode == 0, qPrintable(c.err));
        const test::CliResult f = test::runCli(
            {QStringLiteral("fire-coverage"), QStringLiteral("--euclidean"), QStringLiteral("--facilities"), g + QStringLiteral(":fire_stations"),
             QStringLiteral("--facility-id"), QStringLiteral("ENGINE"), QStringLiteral("--official"), g + QStringLiteral(":engine_districts"),
             QStringLiteral("--official-field"), QStringLiteral("ENGINE"), QStringLiteral("--demand"), g + QStringLiteral(":blocks_2000"),
             QStringLiteral("--population-field"), QStringLiteral("POP_LAB"), QStringLiteral("--grid-cell"), QStringLiteral("100"),
             QStringLiteral("--out"), m_results.filePath(QStringLiteral("fire"))});
        QVERIFY2(f.exitCode == 0, qPrintable(f.err));
    }
    void htmlAndPdfAgree_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("heading");
        QTest::newRow("en") << "en" << "Emergency coverage report";
        QTest::newRow("zh") << "zh" << "应急避难与消防覆盖评估报告";
    }
    void htmlAndPdfAgree()
    {
        QFETCH(QString, lang);
        QFETCH(QString, heading);
        const Project project = Project::load(test::sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")));
        Feedback fb;
        ReportOptions o;
        o.lang = lang;
        o.date = QStringLiteral("2026-01-01T00:00:00Z");
        const Report r = Report::fromResults(project, m_results.path(), o, fb);
        QTemporaryDir out;
        r.writeHtml(out.path());
        r.writePdf(out.filePath(QStringLiteral("report.pdf")));
        const QString html = r.html();
        QVERIFY(html.contains(heading));
        QVERIFY(html.contains(QStringLiteral("101,355")));
        QVERIFY(html.contains(QStringLiteral("沪府办发〔2021〕18号")));   // clause of the per-capita check
        QVERIFY(html.contains(lang == QLatin1String("zh") ? QStringLiteral("未核实") : QStringLiteral("unverified")));
        QVERIFY(html.contains(QStringLiteral("Wellington-Harrington")));
        QVERIFY(html.contains(QString::fromLatin1(test::sha256(test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg"))))));
        for (const char *img : {"chart_coverage.png", "chart_load.png", "map_coverage.png", "map_fire.png"})
            QVERIFY2(QFile::exists(out.filePath(QLatin1String(img))), img);
        QVERIFY(QFileInfo(out.filePath(QStringLiteral("report.pdf"))).size() > 10000);
        if (!haveTool(QStringLiteral("pdftotext")) || !haveTool(QStringLiteral("pdffonts")))
            QSKIP("poppler-utils not installed");
        const QString text = tool(QStringLiteral("pdftotext"), {out.filePath(QStringLiteral("report.pdf")), QStringLiteral("-")});
        QVERIFY(text.contains(heading));
        QVERIFY(text.contains(QStringLiteral("101,355")));
        QVERIFY(text.contains(QStringLiteral("Riverside")) && text.contains(QStringLiteral("Peabody")));
        const QString fonts = tool(QStringLiteral("pdffonts"), {out.filePath(QStringLiteral("report.pdf"))});
        QVERIFY2(fonts.contains(QStringLiteral("NotoSansCJK")), qPrintable(fonts));
        for (const QString &line : fonts.split(QLatin1Char('\n')).mid(2, -1))
            if (!line.trimmed().isEmpty())
                QVERIFY2(line.contains(QStringLiteral(" yes ")), qPrintable(line)); // embedded
    }
    void chartPixels()
    {
        const QImage img = ReportCharts::bars(QStringLiteral("t"), {{QStringLiteral("a"), 1.0}, {QStringLiteral("b"), 0.5}}, 1.0, true, 1.0, 800);
        QCOMPARE(img.width(), 800);
        // Bar "a" reaches the reference (full) and is red; "b" is blue.
        int red = 0, blue = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x) {
                const QColor c = img.pixelColor(x, y);
                red += c == QColor(215, 48, 39) ? 1 : 0;
                blue += c == QColor(49, 130, 189) ? 1 : 0;
            }
        QVERIFY(red > 0 && blue > 0);
        QVERIFY(std::abs(red - 2 * blue) < red / 10 + 40); // twice as long
    }
    void noResults()
    {
        const Project project = Project::load(test::sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")));
        QTemporaryDir empty;
        Feedback fb;
        QVERIFY_THROWS_EXCEPTION(IoError, Report::fromResults(project, empty.path(), {}, fb));
    }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
