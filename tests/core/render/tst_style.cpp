// Style, Symbol and LabelSettings: JSON round trips, defaults, value matching.
#include "render/ColorRamp.h"
#include "render/Style.h"
#include "util/Error.h"

#include <QJsonDocument>
#include <QTest>

using namespace refuge;

class TestStyle : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void emptyObjectIsDefaultSingle();
    void readsDocumentedForm();
    void wrongTypesThrow_data();
    void wrongTypesThrow();
    void symbolForCategoriesAndRanges();
    void riskPalette();
};

static Style richStyle()
{
    Style s;
    s.type = Style::Type::Categorized;
    s.field = QStringLiteral("MajorRoad");
    s.symbol.strokeColor = QColor(1, 2, 3, 200);
    s.symbol.hatch = HatchPattern::DiagCross;
    StyleCategory major;
    major.value = 1;
    major.label = QStringLiteral("主干道 Major");
    major.symbol.strokeWidthMm = 0.8;
    major.symbol.strokeStyle = Qt::DashDotLine;
    StyleCategory minor;
    minor.value = QStringLiteral("residential");
    minor.visible = false;
    minor.symbol.marker = MarkerShape::Svg;
    minor.symbol.icon = QStringLiteral("shelter");
    s.categories = {major, minor};
    StyleRange r;
    r.lower = 0.5;
    r.upper = 12.25;
    r.label = QStringLiteral("低");
    r.symbol.fillColor = QColor(10, 20, 30, 40);
    s.ranges = {r};
    s.method = ClassificationMethod::Quantile;
    s.classes = 7;
    s.ramp = QStringLiteral("risk");
    s.size = {QStringLiteral("Capacity"), 0, 1200, 2, 9};
    s.labels.enabled = true;
    s.labels.text = QStringLiteral("{Name} ({Capacity})");
    s.labels.fontFamily = QStringLiteral("Noto Sans CJK SC");
    s.labels.sizePt = 10.5;
    s.labels.bold = true;
    s.labels.placement = LabelPlacement::Along;
    s.labels.haloMm = 0;
    return s;
}

void TestStyle::roundTrip_data()
{
    QTest::addColumn<int>("which");
    QTest::newRow("default single") << 0;
    QTest::newRow("categorized with everything") << 1;
    QTest::newRow("raster pseudocolor with stretch") << 2;
}

void TestStyle::roundTrip()
{
    QFETCH(int, which);
    Style s;
    if (which == 1)
        s = richStyle();
    if (which == 2) {
        s.type = Style::Type::Raster;
        s.raster.mode = RasterStyle::Mode::Pseudocolor;
        s.raster.band = 2;
        s.raster.min = -1.5;
        s.raster.max = 30;
        s.raster.ramp = QStringLiteral("blues");
    }
    const QJsonObject json = s.toJson();
    // Through text too, as the project file stores it.
    const QJsonObject reread = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
    const Style back = Style::fromJson(reread);
    QCOMPARE(back.toJson(), json);
    QVERIFY(back == s);
}

void TestStyle::emptyObjectIsDefaultSingle()
{
    const Style s = Style::fromJson(QJsonObject());
    QCOMPARE(s.type, Style::Type::Single);
    QVERIFY(s.symbol == Symbol());
    QVERIFY(!s.labels.enabled);
}

void TestStyle::readsDocumentedForm()
{
    const QByteArray text = R"({"type": "graduated", "field": "POP",
        "symbol": {"fill": "#336699", "stroke": "#80ff0000", "stroke_width_mm": 0.5, "dash": "dot",
                   "hatch": "bdiagonal", "marker": "star", "size_mm": 4},
        "ranges": [{"lower": 0, "upper": 10, "label": "few"}, {"lower": 10, "upper": 99}],
        "labels": {"text": "{NAME}", "placement": "inside", "size_pt": 11}})";
    const Style s = Style::fromJson(QJsonDocument::fromJson(text).object());
    QCOMPARE(s.type, Style::Type::Graduated);
    QCOMPARE(s.field, QStringLiteral("POP"));
    QCOMPARE(s.symbol.fillColor, QColor(0x33, 0x66, 0x99));
    QCOMPARE(s.symbol.strokeColor, QColor(255, 0, 0, 0x80));
    QCOMPARE(s.symbol.strokeStyle, Qt::DotLine);
    QCOMPARE(s.symbol.hatch, HatchPattern::BDiagonal);
    QCOMPARE(s.symbol.marker, MarkerShape::Star);
    QCOMPARE(s.symbol.sizeMm, 4.0);
    QCOMPARE(int(s.ranges.size()), 2);
    QCOMPARE(s.ranges[1].upper, 99.0);
    QVERIFY(s.labels.enabled); // a labels object without "enabled" turns them on
    QCOMPARE(s.labels.placement, LabelPlacement::Inside);
    QCOMPARE(s.labels.sizePt, 11.0);
}

void TestStyle::wrongTypesThrow_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("colour not a string") << QByteArray(R"({"symbol": {"fill": 12}})");
    QTest::newRow("bad colour") << QByteArray(R"({"symbol": {"stroke": "nope"}})");
    QTest::newRow("width not a number") << QByteArray(R"({"symbol": {"stroke_width_mm": "1"}})");
    QTest::newRow("unknown type") << QByteArray(R"({"type": "heatmap"})");
    QTest::newRow("ranges not an array") << QByteArray(R"({"ranges": {}})");
}

void TestStyle::wrongTypesThrow()
{
    QFETCH(QByteArray, json);
    QVERIFY_THROWS_EXCEPTION(InvalidInput, Style::fromJson(QJsonDocument::fromJson(json).object()));
}

void TestStyle::symbolForCategoriesAndRanges()
{
    Style s = richStyle();
    QCOMPARE(s.symbolFor(1.0), &s.categories[0].symbol);       // 1 == 1.0
    QCOMPARE(s.symbolFor(QStringLiteral("residential")), nullptr); // hidden category
    QCOMPARE(s.symbolFor(QStringLiteral("other")), &s.symbol);     // fallback
    s.type = Style::Type::Graduated;
    QCOMPARE(s.symbolFor(0.5), &s.ranges[0].symbol);  // first range includes its lower bound
    QCOMPARE(s.symbolFor(12.25), &s.ranges[0].symbol);
    QCOMPARE(s.symbolFor(12.26), nullptr);
    QCOMPARE(s.symbolFor(QVariant()), nullptr);
}

void TestStyle::riskPalette()
{
    const ColorRamp risk = ColorRamp::risk();
    const std::vector<QColor> c = risk.colors(5);
    QCOMPARE(int(c.size()), 5);
    QCOMPARE(c.front(), QColor(0x1a, 0x96, 0x41)); // low: green
    QCOMPARE(c.back(), QColor(0xd7, 0x19, 0x1c));  // high: red
    QCOMPARE(ColorRamp::riskLabels(true), QStringList({QStringLiteral("低"), QStringLiteral("较低"), QStringLiteral("中"),
                                                       QStringLiteral("较高"), QStringLiteral("高")}));
    QCOMPARE(ColorRamp::riskLabels(false).last(), QStringLiteral("High"));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, ColorRamp::named(QStringLiteral("no-such-ramp")));
    const ColorRamp blues = ColorRamp::named(QStringLiteral("blues"));
    QCOMPARE(blues.colorAt(0), QColor(0xef, 0xf3, 0xff));
    QCOMPARE(blues.colorAt(1), QColor(0x08, 0x51, 0x9c));
}

QTEST_MAIN(TestStyle)
#include "tst_style.moc"
