// PrintLayout (JSON, paper sizes, bad input), text fields, and the printed scale bar:
// its measured length on the page x the map scale = its stated ground distance (1 %),
// for EPSG:26986 and for EPSG:4326 at 31° N; a PDF page sized from the paper.
#include "print/PrintLayout.h"
#include "print/PrintRenderer.h"
#include "print/ScaleBar.h"
#include "util/Error.h"

#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <numbers>

using namespace refuge;

namespace {

// A frame 150 x 100 mm at (10, 10) and a scale bar under it, 80 mm wide at most.
PrintLayout barLayout()
{
    QJsonObject json{{QStringLiteral("name"), QStringLiteral("bar")}, {QStringLiteral("paper"), QStringLiteral("A4")},
                     {QStringLiteral("orientation"), QStringLiteral("landscape")}};
    QJsonArray items;
    items.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("map")}, {QStringLiteral("id"), QStringLiteral("map")},
                             {QStringLiteral("rect_mm"), QJsonArray{10, 10, 150, 100}}});
    items.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("scalebar")}, {QStringLiteral("map"), QStringLiteral("map")},
                             {QStringLiteral("rect_mm"), QJsonArray{10, 120, 94, 12}}});
    json.insert(QStringLiteral("items"), items);
    return PrintLayout::fromJson(json);
}

// Length in mm of the dark bar drawn in the scale bar's top 2 mm (10 px per mm), less
// its 0.25 mm outline that sticks out half at each end.
double measuredBarMm(const QImage &image, const QRectF &rectMm)
{
    const int y = int(std::lround((rectMm.top() + 1.0) * 10));
    int first = -1, last = -1;
    for (int x = int(rectMm.left() * 10) - 5; x < int(rectMm.right() * 10); ++x) {
        if (qGray(image.pixel(x, y)) < 128) {
            if (first < 0)
                first = x;
            last = x;
        }
    }
    return first < 0 ? 0 : (last - first + 1) / 10.0 - 0.25;
}

double labelMetres(const QString &label)
{
    const QStringList parts = label.split(QLatin1Char(' '));
    return parts.value(0).toDouble() * (parts.value(1) == QLatin1String("km") ? 1000.0 : 1.0);
}

} // namespace

class TestPrintLayout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jsonRoundTrip();
    void paperSizes();
    void badInput_data();
    void badInput();
    void fields();
    void niceLengths();
    void printedScaleBar_data();
    void printedScaleBar();
    void pdfPageFromPaper();
};

void TestPrintLayout::jsonRoundTrip()
{
    const PrintLayout a = PrintLayout::standard(QStringLiteral("A3"), PrintLayout::Orientation::Portrait);
    const PrintLayout b = PrintLayout::fromJson(a.toJson());
    QCOMPARE(b.toJson(), a.toJson());
    QCOMPARE(int(b.items.size()), 7);
    QCOMPARE(b.items[1].type, PrintItem::Type::Map);
    QCOMPARE(b.items[1].rectMm, a.items[1].rectMm);
    QCOMPARE(b.items[0].text, QStringLiteral("{title}"));
}

void TestPrintLayout::paperSizes()
{
    PrintLayout l;
    l.paper = QStringLiteral("A4");
    QCOMPARE(l.pageSizeMm(), QSizeF(210, 297));
    l.paper = QStringLiteral("a3");
    l.orientation = PrintLayout::Orientation::Landscape;
    QCOMPARE(l.pageSizeMm(), QSizeF(420, 297));
    l.paper = QStringLiteral("A2");
    l.orientation = PrintLayout::Orientation::Portrait;
    QCOMPARE(l.pageSizeMm(), QSizeF(420, 594));
    const PrintLayout custom = PrintLayout::fromJson(QJsonObject{{QStringLiteral("paper"), QStringLiteral("custom")},
                                                                 {QStringLiteral("width_mm"), 500}, {QStringLiteral("height_mm"), 300}});
    QCOMPARE(custom.pageSizeMm(), QSizeF(300, 500)); // portrait unless told
}

void TestPrintLayout::badInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("words");
    QTest::newRow("paper") << QByteArray(R"({"name":"x","paper":"B7"})") << QStringLiteral("unknown paper 'B7'");
    QTest::newRow("orientation") << QByteArray(R"({"name":"x","orientation":"up"})") << QStringLiteral("portrait or landscape");
    QTest::newRow("type") << QByteArray(R"({"name":"x","items":[{"type":"chart","rect_mm":[0,0,10,10]}]})")
                          << QStringLiteral("item 1: unknown type 'chart'");
    QTest::newRow("outside") << QByteArray(R"({"name":"x","items":[{"type":"text","rect_mm":[200,0,20,10]}]})")
                             << QStringLiteral("inside the 210 x 297 mm page");
    QTest::newRow("no frame") << QByteArray(R"({"name":"x","items":[{"type":"legend","map":"m2","rect_mm":[0,0,10,10]}]})")
                              << QStringLiteral("no map frame with id 'm2'");
    QTest::newRow("custom") << QByteArray(R"({"name":"x","paper":"custom","width_mm":5})") << QStringLiteral("width_mm and height_mm");
}

void TestPrintLayout::badInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, words);
    try {
        PrintLayout::fromJson(QJsonDocument::fromJson(json).object());
        QFAIL("no error");
    } catch (const InvalidInput &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(words), e.what());
    }
}

void TestPrintLayout::fields()
{
    PrintContext c;
    c.title = QStringLiteral("公众版风险与避险提示图");
    c.date = QStringLiteral("2026-12-07");
    c.page = 3;
    c.pages = 13;
    c.feature.insert(QStringLiteral("NAME"), QStringLiteral("Mid-Cambridge"));
    c.feature.insert(QStringLiteral("covered"), 57.0);
    QCOMPARE(PrintRenderer::expand(QStringLiteral("{title}: {feature.NAME} {feature.covered} % · {date} {page}/{pages} {feature.NOPE}"), c),
             QStringLiteral("公众版风险与避险提示图: Mid-Cambridge 57 % · 2026-12-07 3/13 {feature.NOPE}"));
}

void TestPrintLayout::niceLengths()
{
    QCOMPARE(ScaleBar::niceLength(7300), 5000.0);
    QCOMPARE(ScaleBar::niceLength(2000), 2000.0);
    QCOMPARE(ScaleBar::niceLength(1999), 1000.0);
    QCOMPARE(ScaleBar::niceLength(0.37), 0.2);
}

void TestPrintLayout::printedScaleBar_data()
{
    QTest::addColumn<int>("epsg");
    QTest::addColumn<QRectF>("extent");
    QTest::addColumn<double>("metresPerMm"); // independent: ground metres per mm of the 150 mm frame
    // EPSG:26986 (metres): 8000 x 6000 m in a 150 x 100 mm frame shows 9000 m across.
    QTest::newRow("EPSG:26986") << 26986 << QRectF(230000, 895000, 8000, 6000) << 9000.0 / 150.0;
    // EPSG:4326 at 31° N: 0.1° x 0.08° shows 0.12° of longitude across; a degree of
    // longitude on the WGS 84 parallel is (pi/180) a cos(phi) / sqrt(1 - e² sin²(phi)).
    const double a = 6378137.0, f = 1 / 298.257223563, e2 = f * (2 - f), phi = 31.0 * std::numbers::pi / 180.0;
    const double metresPerDegree = std::numbers::pi / 180.0 * a * std::cos(phi) / std::sqrt(1 - e2 * std::sin(phi) * std::sin(phi));
    QTest::newRow("EPSG:4326 31N") << 4326 << QRectF(121.40, 30.96, 0.10, 0.08) << 0.12 * metresPerDegree / 150.0;
}

void TestPrintLayout::printedScaleBar()
{
    QFETCH(int, epsg);
    QFETCH(QRectF, extent);
    QFETCH(double, metresPerMm);
    const PrintLayout layout = barLayout();
    PrintContext context;
    context.map.crs = Crs::fromEpsg(epsg);
    context.map.extent = extent;
    const double dpi = 254; // 10 px per mm
    QImage image(2970, 2100, QImage::Format_ARGB32_Premultiplied);
    image.setDotsPerMeterX(10000);
    image.setDotsPerMeterY(10000);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        PrintRenderer::render(layout, context, p, dpi);
    }
    const ScaleBar bar = ScaleBar::compute(PrintRenderer::frameSettings(layout.items[0], context, dpi), 150, 94 * 0.85);
    const double stated = labelMetres(bar.label);
    QCOMPARE(ScaleBar::niceLength(stated), stated); // a round length
    const double printedMm = measuredBarMm(image, layout.items[1].rectMm);
    const double ground = printedMm * metresPerMm;
    qInfo("%s: bar %.2f mm printed, scale 1:%.0f, %s stated, %.1f m measured", QTest::currentDataTag(), printedMm,
          metresPerMm * 1000, qPrintable(bar.label), ground);
    QVERIFY2(std::abs(ground - stated) <= 0.01 * stated, qPrintable(QStringLiteral("%1 m vs %2").arg(ground).arg(bar.label)));
    QVERIFY(printedMm > 94 * 0.85 / 2.6); // the largest round length that fits: at least 40 % of the room
}

void TestPrintLayout::pdfPageFromPaper()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
        QSKIP("pdfinfo (poppler-utils) is not installed");
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("out/page.pdf"));
    const PrintLayout layout = PrintLayout::standard(QStringLiteral("A3"), PrintLayout::Orientation::Landscape);
    PrintContext c;
    c.map.crs = Crs::fromEpsg(26986);
    c.map.extent = QRectF(230000, 895000, 8000, 6000);
    c.title = QStringLiteral("人口 避难 Population 101,355");
    c.date = QStringLiteral("2026-12-07");
    PrintContext second = c;
    second.page = second.pages = 2;
    c.pages = 2;
    PrintRenderer::writePdf(layout, {c, second}, pdf);
    QProcess info;
    info.start(QStringLiteral("pdfinfo"), {pdf});
    QVERIFY(info.waitForFinished(30000));
    const QString out = QString::fromUtf8(info.readAllStandardOutput());
    QVERIFY2(out.contains(QStringLiteral("1191 x 842 pts (A3)")), qPrintable(out));
    QVERIFY2(out.contains(QRegularExpression(QStringLiteral("Pages:\\s+2\\n"))), qPrintable(out));
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-f"), QStringLiteral("2"), pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(30000));
    const QString t = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(t.contains(c.title), qPrintable(t));
    QVERIFY2(t.contains(QStringLiteral("2026-12-07 · 2/2")), qPrintable(t)); // page 2's fields
    QCOMPARE(QDir(dir.filePath(QStringLiteral("out"))).entryList(QDir::Files | QDir::Hidden), QStringList({QStringLiteral("page.pdf")}));
}

QTEST_MAIN(TestPrintLayout)
#include "tst_printlayout.moc"
