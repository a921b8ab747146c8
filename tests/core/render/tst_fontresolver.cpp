// FontResolver: Chinese labels get a CJK font that has the glyphs.
#include "render/FontResolver.h"

#include <QFontInfo>
#include <QFontMetricsF>
#include <QTest>

using namespace refuge;

class TestFontResolver : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void detectsCjk_data();
    void detectsCjk();
    void chineseTextGetsCjkFamily();
};

void TestFontResolver::detectsCjk_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("cjk");
    QTest::newRow("latin") << QStringLiteral("Fire Company 8") << false;
    QTest::newRow("accents") << QStringLiteral("Café Müller") << false;
    QTest::newRow("hanzi") << QStringLiteral("人民广场") << true;
    QTest::newRow("mixed") << QStringLiteral("避难场所 Shelter 3") << true;
    QTest::newRow("full-width bracket") << QStringLiteral("（1）") << true;
}

void TestFontResolver::detectsCjk()
{
    QFETCH(QString, text);
    QFETCH(bool, cjk);
    QCOMPARE(FontResolver::containsCjk(text), cjk);
}

void TestFontResolver::chineseTextGetsCjkFamily()
{
    const QString family = FontResolver::cjkFamily();
    if (family.isEmpty())
        QSKIP("no CJK font installed (install fonts-noto-cjk)");
#if defined(Q_OS_LINUX)
    QVERIFY2(family.contains(QLatin1String("CJK")) || family.contains(QLatin1String("Hei")), qPrintable(family));
#endif
    const QString text = QStringLiteral("南京西路 应急避难场所");
    const QFont font = FontResolver::fontFor(text, QStringLiteral("DejaVu Sans"), 9);
    // The CJK family follows the Latin one (which keeps the digits; see tst_pdftext).
    QCOMPARE(font.families(), QStringList({QStringLiteral("DejaVu Sans"), family}));
    QFont cjk(font);
    cjk.setFamilies({family});
    const QFontMetricsF fm(cjk);
    for (const QChar ch : text)
        if (!ch.isSpace())
            QVERIFY2(fm.inFont(ch), qPrintable(QString(ch)));
    // Latin text keeps the requested family first.
    QCOMPARE(FontResolver::fontFor(QStringLiteral("Main St"), QStringLiteral("DejaVu Sans"), 9).families().constFirst(),
             QStringLiteral("DejaVu Sans"));
}

QTEST_MAIN(TestFontResolver)
#include "tst_fontresolver.moc"
