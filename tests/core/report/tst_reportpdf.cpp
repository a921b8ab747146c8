// ReportPdf: the report's tables break no word (headers, names), straddle no page
// break with a row, and fit the A4 text column; checked with pdftotext.
#include "report/ReportPdf.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace refuge;

namespace {

const QStringList kHeader = {QStringLiteral("Name"),       QStringLiteral("Population"), QStringLiteral("Covered"),
                             QStringLiteral("Share"),      QStringLiteral("Assigned"),   QStringLiteral("Unassigned"),
                             QStringLiteral("Capacity"),   QStringLiteral("Headquarters"), QStringLiteral("Check"),
                             QStringLiteral("Source")};
constexpr int kRows = 70;

// Row i: a long name ending in its tag R<i>, and its population 1000<i>.
QString html()
{
    QString s = QStringLiteral("<html><body><h1>Tables</h1><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                               "width=\"100%\"><thead><tr>");
    for (const QString &h : kHeader)
        s += QStringLiteral("<th>%1</th>").arg(h);
    s += QStringLiteral("</tr></thead><tbody>");
    for (int i = 0; i < kRows; ++i)
        s += QStringLiteral("<tr><td>Cambridge Fire Headquarters Station R%1</td><td>%2</td><td>5,993</td><td>50.8 %</td>"
                            "<td>497</td><td>11,297</td><td>1,209</td><td>Inman Square</td><td>Fail</td><td>field</td></tr>")
                 .arg(i)
                 .arg(10000 + i);
    return s + QStringLiteral("</tbody></table></body></html>");
}

QString pdfText(const QString &pdf, int page = 0)
{
    QStringList args;
    if (page > 0)
        args << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
    args << pdf << QStringLiteral("-");
    QProcess p;
    p.start(QStringLiteral("pdftotext"), args);
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestReportPdf : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wordsWholeRowsTogether();
};

void TestReportPdf::wordsWholeRowsTogether()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("tables.pdf"));
    const QString source = html();
    const ReportPdf::Layout layout = ReportPdf::write(source, {}, QString(), QStringLiteral("Tables"), pdf);
    QCOMPARE(layout.overflowTables, 0);
    QCOMPARE(layout.splitRows, 0);
    QVERIFY(layout.pages >= 2);

    // Every word pdftotext finds is a word of the source: none was broken ("Popula|tion").
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QString plain = source;
    plain.replace(QRegularExpression(QStringLiteral("<[^>]*>")), QStringLiteral(" "));
    QSet<QString> words;
    for (const QString &w : plain.split(space, Qt::SkipEmptyParts))
        words.insert(w);
    QStringList pageTexts;
    for (int page = 1; page <= layout.pages; ++page)
        pageTexts.append(pdfText(pdf, page));
    for (const QString &text : pageTexts) {
        for (const QString &w : text.split(space, Qt::SkipEmptyParts))
            QVERIFY2(words.contains(w) || w == QString::number(pageTexts.indexOf(text) + 1), qPrintable(w));
    }
    // Each row on one page: its population (first line) and its tag (last line of the name).
    for (int i = 0; i < kRows; ++i) {
        const QRegularExpression tag(QStringLiteral("\\bR%1\\b").arg(i));
        int tagPage = -1, numberPage = -1;
        for (int p = 0; p < pageTexts.size(); ++p) {
            if (pageTexts[p].contains(tag))
                tagPage = p;
            if (pageTexts[p].contains(QString::number(10000 + i)))
                numberPage = p;
        }
        QVERIFY2(tagPage >= 0 && tagPage == numberPage, qPrintable(QStringLiteral("row %1: pages %2 and %3").arg(i).arg(numberPage).arg(tagPage)));
    }
    // The header is repeated on every page.
    for (const QString &text : pageTexts)
        QVERIFY(text.contains(QLatin1String("Unassigned")));
}

QTEST_MAIN(TestReportPdf)
#include "tst_reportpdf.moc"
