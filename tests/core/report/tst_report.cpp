// Report: HTML and PDF carry the same figures; Chinese text and the CJK font are
// embedded in the PDF; missing results give a clear error. Built from the results model
// (summary.json), never from the CSVs: its tables equal the CSVs' rows, deleting the
// CSVs changes nothing, and results of an older version are refused.
#include "TestSupport.h"
#include "model/Project.h"
#include "report/Report.h"
#include "report/ReportCharts.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

// A copy of a results folder (coverage/ and fire/ with every file).
void copyResults(const QString &from, const QString &to)
{
    for (const char *sub : {"coverage", "fire"}) {
        const QDir src(QDir(from).filePath(QLatin1String(sub)));
        QDir().mkpath(QDir(to).filePath(QLatin1String(sub)));
        for (const QString &name : src.entryList(QDir::Files))
            QFile::copy(src.filePath(name), QDir(QDir(to).filePath(QLatin1String(sub))).filePath(name));
    }
}

// Rows of a CSV the program wrote (cells without commas, as areas.csv's and
// facilities.csv's are on Cambridge apart from the quoted clause, which comes last).
QList<QStringList> readCsv(const QString &path)
{
    QFile f(path);
    QList<QStringList> rows;
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype q = line.indexOf(QLatin1Char('"'));
        QStringList cells = (q < 0 ? line : line.left(q)).split(QLatin1Char(','));
        if (q >= 0)
            cells.last() = line.mid(q);
        rows << cells;
    }
    return rows;
}

QString number(const QString &cell, int decimals = 0) { return QLocale(QLocale::English).toString(cell.toDouble(), 'f', decimals); }

QString reportHtml(const QString &results)
{
    const Project project = Project::load(test::sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")));
    Feedback fb;
    ReportOptions o;
    o.date = QStringLiteral("2026-01-01T00:00:00Z");
    o.maps = false;
    return Report::fromResults(project, results, o, fb).html();
}

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
    // The tables come from summary.json; their figures are the CSVs' (what the report
    // printed when it read the CSVs): each area and shelter row as the CSV gives it.
    void tablesEqualTheCsvs()
    {
        const QString html = reportHtml(m_results.path());
        const QDir cov(m_results.filePath(QStringLiteral("coverage")));
        const QList<QStringList> areas = readCsv(cov.filePath(QStringLiteral("areas.csv")));
        QCOMPARE(areas.size(), 14); // header + 13 neighbourhoods
        for (int i = 1; i < areas.size(); ++i) {
            const QStringList &a = areas[i]; // area, population, covered, share, assigned, unassigned, ..., per resident (10)
            const QString row = QStringLiteral("<td>%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td><td align=\"right\">%4 %</td>"
                                               "<td align=\"right\">%5</td><td align=\"right\">%6</td><td align=\"right\">%7</td>")
                                    .arg(a[0], number(a[1]), number(a[2]), QString::number(100.0 * a[3].toDouble(), 'f', 1), number(a[4]),
                                         number(a[5]), a[10].isEmpty() ? QStringLiteral("—") : number(a[10], 2));
            QVERIFY2(html.contains(row), qPrintable(row));
        }
        const QList<QStringList> fac = readCsv(cov.filePath(QStringLiteral("facilities.csv")));
        QCOMPARE(fac.size(), 16); // header + 15 shelters
        for (int i = 1; i < fac.size(); ++i) {
            const QStringList &f = fac[i]; // facility, capacity, in reach, assigned, load, name, nearest, basis
            const QString row = QStringLiteral("<td>%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td><td align=\"right\">%4</td>"
                                               "<td align=\"right\">%5 %</td><td>%6</td>")
                                    .arg(f[5].toHtmlEscaped(), number(f[1]), number(f[2]), number(f[3]),
                                         QString::number(100.0 * f[4].toDouble(), 'f', 1), f[7]);
            QVERIFY2(html.contains(row), qPrintable(row));
        }
        const QList<QStringList> zones = readCsv(QDir(m_results.filePath(QStringLiteral("fire"))).filePath(QStringLiteral("zones.csv")));
        QVERIFY(zones.size() > 5);
        for (int i = 1; i < zones.size(); ++i) // station, name, grade, zone area, limit: station and area
            QVERIFY2(html.contains(QStringLiteral("<td>%1</td><td>%2</td><td align=\"right\">%3</td>").arg(zones[i][0], zones[i][1], number(zones[i][3], 2))),
                     qPrintable(zones[i].join(QLatin1Char(','))));
    }
    // Nothing reads the CSVs back: without them the report is the same.
    void csvsAreNotRead()
    {
        const QString before = reportHtml(m_results.path());
        QTemporaryDir copy;
        copyResults(m_results.path(), copy.path());
        for (const char *csv : {"coverage/areas.csv", "coverage/facilities.csv", "fire/zones.csv"})
            QVERIFY(QFile::remove(copy.filePath(QLatin1String(csv))));
        QCOMPARE(reportHtml(copy.path()), before);
    }
    // Results written before the results model (summary.json without its tables): refused
    // with one line naming the file and saying to re-run.
    void olderResultsRefused_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("no tables") << "tables";
        QTest::newRow("no results_format") << "results_format";
        QTest::newRow("no outputs") << "outputs";
    }
    void olderResultsRefused()
    {
        QFETCH(QString, key);
        QTemporaryDir copy;
        copyResults(m_results.path(), copy.path());
        const QString summary = copy.filePath(QStringLiteral("coverage/summary.json"));
        QFile f(summary);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject s = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        QVERIFY(s.contains(key));
        s.remove(key);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(s).toJson());
        f.close();
        try {
            reportHtml(copy.path());
            QFAIL("older results accepted");
        } catch (const IoError &e) {
            QCOMPARE(e.message(), summary + QStringLiteral(": results written by an older version of Refuge (no tables in summary.json); "
                                                           "re-run the analysis to report on them"));
        }
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
