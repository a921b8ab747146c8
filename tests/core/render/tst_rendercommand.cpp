// refuge-cli render: PNG/PDF/SVG output of the Cambridge sample and its usage errors.
#include "TestSupport.h"

#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace refuge::test;

class TestRenderCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void png();
    void pdfAndSvg();
    void usageErrors_data();
    void usageErrors();
};

void TestRenderCommand::png()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("map.png"));
    const CliResult r = runCli({QStringLiteral("render"), sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")),
                                QStringLiteral("--out"), out, QStringLiteral("--width"), QStringLiteral("640"),
                                QStringLiteral("--height"), QStringLiteral("400"), QStringLiteral("--dpi"), QStringLiteral("144")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QImage img(out);
    QCOMPARE(img.size(), QSize(640, 400));
    QCOMPARE(qRound(img.dotsPerMeterX() * 0.0254), 144);
    QCOMPARE(img.pixelColor(1, 1), QColor(Qt::white));
    // The city is drawn: many non-white pixels in the middle.
    int drawn = 0;
    for (int y = 150; y < 250; ++y)
        for (int x = 250; x < 390; ++x)
            drawn += img.pixelColor(x, y) != QColor(Qt::white);
    QVERIFY2(drawn > 7000, qPrintable(QString::number(drawn)));

    // --extent zooms: a box inside the flood zone along the river.
    const QString zoom = dir.filePath(QStringLiteral("zoom.png"));
    const CliResult z = runCli({QStringLiteral("render"), sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")),
                                QStringLiteral("--out"), zoom, QStringLiteral("--width"), QStringLiteral("300"),
                                QStringLiteral("--height"), QStringLiteral("200"), QStringLiteral("--extent"),
                                QStringLiteral("231000,901000,234000,903500"), QStringLiteral("--no-labels")});
    QVERIFY2(z.exitCode == 0, qPrintable(z.err));
    QCOMPARE(QImage(zoom).size(), QSize(300, 200));
}

void TestRenderCommand::pdfAndSvg()
{
    QTemporaryDir dir;
    for (const QString &name : {QStringLiteral("map.pdf"), QStringLiteral("map.svg")}) {
        const QString out = dir.filePath(name);
        const CliResult r = runCli({QStringLiteral("render"), sourcePath(QStringLiteral("maps/shanghai/shanghai.refuge")),
                                    QStringLiteral("--out"), out, QStringLiteral("--width"), QStringLiteral("800"),
                                    QStringLiteral("--height"), QStringLiteral("600")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        if (name.endsWith(QLatin1String(".pdf"))) {
            QVERIFY(bytes.startsWith("%PDF"));
            QVERIFY(bytes.contains("/FontFile2")); // the CJK font is embedded
        } else {
            QVERIFY(bytes.contains("<svg"));
            QVERIFY(bytes.contains("<polyline") || bytes.contains("<path"));
        }
    }
}

void TestRenderCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    const QString project = sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge"));
    QTest::newRow("no --out") << QStringList{project};
    QTest::newRow("bad extent") << QStringList{project, QStringLiteral("--out"), QStringLiteral("/tmp/x.png"), QStringLiteral("--extent"), QStringLiteral("1,2,3")};
    QTest::newRow("inverted extent") << QStringList{project, QStringLiteral("--out"), QStringLiteral("/tmp/x.png"), QStringLiteral("--extent"), QStringLiteral("5,5,1,1")};
    QTest::newRow("zero width") << QStringList{project, QStringLiteral("--out"), QStringLiteral("/tmp/x.png"), QStringLiteral("--width"), QStringLiteral("0")};
    QTest::newRow("unknown layer") << QStringList{project, QStringLiteral("--out"), QStringLiteral("/tmp/x.png"), QStringLiteral("--layers"), QStringLiteral("nope")};
    QTest::newRow("missing project") << QStringList{QStringLiteral("/no/such.refuge"), QStringLiteral("--out"), QStringLiteral("/tmp/x.png")};
}

void TestRenderCommand::usageErrors()
{
    QFETCH(QStringList, args);
    const CliResult r = runCli(QStringList{QStringLiteral("render")} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("refuge-cli: ")), qPrintable(r.err));
}

QTEST_MAIN(TestRenderCommand)
#include "tst_rendercommand.moc"
