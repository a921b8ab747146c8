// PdfText + FontResolver: text in Refuge's PDFs extracts as written (digits kept, 人口
// not ⼈⼝), checked with poppler's pdftotext; every font embedded (pdffonts).
#include "render/FontResolver.h"
#include "render/PdfText.h"

#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace refuge;

namespace {

const QString kText = QStringLiteral("Population 101,355 人口 避难 面积 十 口 行车 角色 EPSG:26986 fire flood");

QString run(const QString &tool, const QStringList &args)
{
    QProcess p;
    p.start(tool, args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return QString();
    return QString::fromUtf8(p.readAllStandardOutput());
}

// Draws kText with a painter and, below it, in a QTextDocument (as the report does).
void writePdf(const QString &path, const QFont &font)
{
    QPdfWriter writer(path);
    writer.setResolution(300);
    QPainter painter(&writer);
    painter.setFont(font);
    painter.drawText(QPointF(100, 300), kText);
    QTextDocument doc;
    doc.setDefaultFont(font);
    doc.setPlainText(kText);
    painter.translate(100, 600);
    doc.drawContents(&painter);
    painter.end();
}

QStringList textLines(const QString &pdf)
{
    QStringList lines;
    for (const QString &line : run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    return lines;
}

} // namespace

class TestPdfText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void extractsDigitsAndIdeographs_data();
    void extractsDigitsAndIdeographs();
    void radicalsBecomeIdeographs();
    void untouchedWithoutRadicals();
    void latinFamilyComesFirst();
};

void TestPdfText::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    if (FontResolver::cjkFamily().isEmpty())
        QSKIP("no CJK font installed (install fonts-noto-cjk)");
}

void TestPdfText::extractsDigitsAndIdeographs_data()
{
    QTest::addColumn<QString>("family");
    QTest::newRow("default") << QString();
    QTest::newRow("cjk family asked") << FontResolver::cjkFamily();
    QTest::newRow("latin family asked") << QStringLiteral("DejaVu Sans");
}

void TestPdfText::extractsDigitsAndIdeographs()
{
    QFETCH(QString, family);
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("text.pdf"));
    writePdf(pdf, FontResolver::fontFor(kText, family, 12));
    PdfText::repairToUnicode(pdf);
    QCOMPARE(textLines(pdf), QStringList({kText, kText}));

    // Every font embedded: the "emb" column of pdffonts says yes on each font row.
    const QStringList rows = run(QStringLiteral("pdffonts"), {pdf}).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2);
    QVERIFY(rows.size() >= 2); // a Latin and a CJK font
    for (const QString &row : rows) {
        const QStringList cols = row.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QVERIFY2(cols.size() >= 5 && cols[cols.size() - 5] == QLatin1String("yes"), qPrintable(row));
    }
}

void TestPdfText::radicalsBecomeIdeographs()
{
    // Drawn with the CJK family alone, Qt maps 人 to the Kangxi radical ⼈ (U+2F08), which
    // comes first in the font's cmap; repairToUnicode gives the ordinary characters back.
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("cjk.pdf"));
    QFont font;
    font.setFamilies({FontResolver::cjkFamily()});
    font.setPointSizeF(12);
    const QString chinese = QStringLiteral("人口 避难 面积 十 口 行车 角色"); // 车 角: CJK radicals supplement
    {
        QPdfWriter writer(pdf);
        QPainter painter(&writer);
        painter.setFont(font);
        painter.drawText(QPointF(100, 300), chinese);
    }
    const QString before = textLines(pdf).join(QLatin1Char('\n'));
    QVERIFY2(before.contains(QChar(0x2F08)) && !before.contains(QChar(0x4EBA)), qPrintable(before)); // Qt's defect
    // Cut or damaged files are left as they are (no crash, no guessing).
    QFile in(pdf);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    in.close();
    for (const qsizetype cut : {qsizetype(10), bytes.size() / 2, bytes.size() - 40})
        QCOMPARE(PdfText::repaired(bytes.left(cut)), bytes.left(cut));
    QByteArray badXref = bytes;
    badXref.replace("xref\n0 ", "xref\n7 ");
    QCOMPARE(PdfText::repaired(badXref), badXref);

    PdfText::repairToUnicode(pdf);
    QCOMPARE(textLines(pdf), QStringList({chinese}));
    // The file stays a valid PDF: pdfinfo reads its cross-reference table without error.
    QProcess info;
    info.start(QStringLiteral("pdfinfo"), {pdf});
    QVERIFY(info.waitForFinished(30000));
    QCOMPARE(info.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(info.readAllStandardError()), QString());
    QVERIFY(QString::fromUtf8(info.readAllStandardOutput()).contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))));
}

void TestPdfText::untouchedWithoutRadicals()
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("latin.pdf"));
    QFont font(QStringLiteral("DejaVu Sans"));
    {
        QPdfWriter writer(pdf);
        QPainter painter(&writer);
        painter.setFont(font);
        painter.drawText(QPointF(100, 300), QStringLiteral("FireHeadquarters42")); // no space: tab shares its glyph
    }
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QCOMPARE(PdfText::repaired(bytes), bytes);
    QCOMPARE(PdfText::repaired(QByteArray("not a pdf")), QByteArray("not a pdf"));
}

void TestPdfText::latinFamilyComesFirst()
{
    const QStringList families = FontResolver::families(FontResolver::cjkFamily());
    QVERIFY(!FontResolver::latinFamily().isEmpty());
    QVERIFY(!FontResolver::isCjkFamily(FontResolver::latinFamily()));
    QCOMPARE(families.constFirst(), FontResolver::latinFamily());
    QCOMPARE(families.constLast(), FontResolver::cjkFamily());
    QCOMPARE(FontResolver::families(QStringLiteral("DejaVu Serif")).constFirst(), QStringLiteral("DejaVu Serif"));
}

QTEST_MAIN(TestPdfText)
#include "tst_pdftext.moc"
