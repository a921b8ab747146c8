// MapRenderer: pixels of the Cambridge sample and of small synthetic layers.
#include "TestSupport.h"

#include "model/Project.h"
#include "model/VectorLayer.h"
#include "render/DefaultStyles.h"
#include "render/Legend.h"
#include "render/MapRenderer.h"
#include "render/ProjectLayers.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <QTest>

using namespace refuge;

class TestMapRenderer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cambridgeShelterPixel();
    void cambridgeDefaultStyles();
    void mapToPixel();
    void polygonFillOutlineAndOpacity();
    void categorizedAndHiddenCategory();
    void hatchTilesAcrossBands();
    void bandsMatchSingleImage();
    void canceledThrows();
    void pdfOutputIsVector();
    void legendSwatches();

private:
    std::vector<MapLayer> m_cambridge;
    Project m_project;
};

static bool near(const QColor &a, const QColor &b, int tol = 12)
{
    return std::abs(a.red() - b.red()) <= tol && std::abs(a.green() - b.green()) <= tol && std::abs(a.blue() - b.blue()) <= tol;
}

static QString describe(const QColor &c) { return QStringLiteral("rgba(%1,%2,%3,%4)").arg(c.red()).arg(c.green()).arg(c.blue()).arg(c.alpha()); }

void TestMapRenderer::initTestCase()
{
    m_project = Project::load(test::sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")));
    Feedback feedback;
    m_cambridge = ProjectLayers::load(m_project, &feedback);
    QCOMPARE(int(m_cambridge.size()), int(m_project.layers.size()));
}

void TestMapRenderer::cambridgeShelterPixel()
{
    MapSettings s = ProjectLayers::mapSettings(m_project, m_cambridge, QSize(800, 500));
    s.drawLabels = false;
    const QImage img = MapRenderer::renderImage(s);
    QCOMPARE(img.size(), QSize(800, 500));
    // The shelter farthest from every other point symbol, so nothing covers its centre.
    const MapLayer *shelters = nullptr;
    std::vector<QPointF> others;
    for (const MapLayer &l : s.layers) {
        if (l.id == QLatin1String("shelters"))
            shelters = &l;
        else if (l.vector && dimension(l.vector->geometryType()) == 0)
            for (const Geometry &g : l.vector->geometries())
                others.push_back(g.points().front());
    }
    QVERIFY(shelters);
    int best = -1;
    double bestDist = -1;
    for (int i = 0; i < shelters->vector->featureCount(); ++i) {
        const QPointF p = shelters->vector->geometry(i).points().front();
        double d = 1e300;
        for (int j = 0; j < shelters->vector->featureCount(); ++j)
            if (j != i)
                d = std::min(d, QLineF(p, shelters->vector->geometry(j).points().front()).length());
        for (const QPointF &o : others)
            d = std::min(d, QLineF(p, o).length());
        if (d > bestDist) {
            bestDist = d;
            best = i;
        }
    }
    const QPointF px = s.toPixel(shelters->vector->geometry(best).points().front());
    const QColor c = img.pixelColor(px.toPoint());
    QVERIFY2(near(c, QColor(30, 150, 60)), qPrintable(describe(c) + QStringLiteral(" at ") + QString::number(px.x()) + QLatin1Char(',') + QString::number(px.y())));
    // Background outside the city (the extent is grown by 2 %, corners are empty).
    QCOMPARE(img.pixelColor(2, 2), QColor(Qt::white));
    QCOMPARE(img.pixelColor(797, 497), QColor(Qt::white));
}

void TestMapRenderer::cambridgeDefaultStyles()
{
    for (const MapLayer &l : m_cambridge) {
        if (l.id == QLatin1String("shelters")) {
            QCOMPARE(l.style.size.field, QStringLiteral("Capacity"));
            QVERIFY(l.style.labels.enabled);
            QCOMPARE(l.style.labels.text, QStringLiteral("{Name} ({Capacity})"));
        } else if (l.id == QLatin1String("streets")) {
            QCOMPARE(l.style.type, Style::Type::Categorized);
            QCOMPARE(l.style.field, QStringLiteral("MajorRoad"));
            QCOMPARE(int(l.style.categories.size()), 3); // 0 minor, 2 collector, 1 arterial (drawn last)
            QCOMPARE(l.style.categories.back().value.toInt(), 1);
        } else if (l.id == QLatin1String("blocks_2000")) {
            QCOMPARE(l.style.type, Style::Type::Graduated);
            QCOMPARE(l.style.field, QStringLiteral("POP_LAB"));
            QCOMPARE(int(l.style.ranges.size()), 5);
        } else if (l.id == QLatin1String("flood_100yr")) {
            QCOMPARE(l.style.symbol.hatch, HatchPattern::BDiagonal);
            QVERIFY(l.style.symbol.fillColor.alpha() < 128);
        } else if (l.id == QLatin1String("fire_stations")) {
            QCOMPARE(l.style.symbol.marker, MarkerShape::Svg);
        } else if (l.id == QLatin1String("engine_districts")) {
            QVERIFY(!l.visible);
        }
    }
}

static std::shared_ptr<const VectorLayer> squares(int n, double size, double gap)
{
    auto layer = std::make_shared<VectorLayer>(QStringLiteral("squares"), GeometryType::Polygon, Crs());
    layer->addField({QStringLiteral("kind"), FieldType::String});
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const double x = i * (size + gap), y = j * (size + gap);
            layer->addFeature(Geometry::polygon({{{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}}}),
                              {(i + j) % 2 ? QStringLiteral("odd") : QStringLiteral("even")});
        }
    layer->buildIndex();
    return layer;
}

void TestMapRenderer::mapToPixel()
{
    MapSettings s;
    s.extent = QRectF(0, 0, 100, 100);
    s.outputSize = QSize(200, 100); // wider: the extent grows in x
    QCOMPARE(s.visibleExtent(), QRectF(-50, 0, 200, 100));
    QCOMPARE(s.mapUnitsPerPixel(), 1.0);
    QCOMPARE(s.toPixel(QPointF(-50, 100)), QPointF(0, 0));
    QCOMPARE(s.toPixel(QPointF(150, 0)), QPointF(200, 100));
    QCOMPARE(s.toMap(QPointF(100, 50)), QPointF(50, 50));
    QCOMPARE(s.mmToPixels(25.4), 96.0);
}

void TestMapRenderer::polygonFillOutlineAndOpacity()
{
    MapSettings s;
    s.extent = QRectF(0, 0, 100, 100);
    s.outputSize = QSize(100, 100);
    MapLayer l;
    l.vector = squares(1, 100, 0);
    l.style.symbol.fillColor = QColor(255, 0, 0);
    l.style.symbol.strokeColor = QColor(0, 0, 255);
    l.style.symbol.strokeWidthMm = 25.4 * 4 / 96; // 4 px
    s.layers = {l};
    QImage img = MapRenderer::renderImage(s);
    QCOMPARE(img.pixelColor(50, 50), QColor(255, 0, 0));
    QCOMPARE(img.pixelColor(50, 1), QColor(0, 0, 255));
    s.layers[0].opacity = 0.5;
    img = MapRenderer::renderImage(s);
    QVERIFY2(near(img.pixelColor(50, 50), QColor(255, 127, 127), 2), qPrintable(describe(img.pixelColor(50, 50))));
    s.layers[0].visible = false;
    img = MapRenderer::renderImage(s);
    QCOMPARE(img.pixelColor(50, 50), QColor(Qt::white));
}

void TestMapRenderer::categorizedAndHiddenCategory()
{
    MapSettings s;
    s.extent = QRectF(0, 0, 30, 10);
    s.outputSize = QSize(300, 100);
    s.antialiasing = false;
    MapLayer l;
    l.vector = squares(3, 10, 0); // 3x3: columns i = 0,1,2; (i+j) even/odd
    l.style.type = Style::Type::Categorized;
    l.style.field = QStringLiteral("kind");
    l.style.symbol.strokeStyle = Qt::NoPen;
    l.style.symbol.fillColor = QColor(0, 0, 0);
    StyleCategory even{QStringLiteral("even"), QString(), l.style.symbol, true};
    even.symbol.fillColor = QColor(0, 200, 0);
    StyleCategory odd{QStringLiteral("odd"), QString(), l.style.symbol, false};
    l.style.categories = {even, odd};
    s.layers = {l};
    const QImage img = MapRenderer::renderImage(s);
    QCOMPARE(img.pixelColor(50, 50), QColor(0, 200, 0));   // square (0,0): even
    QCOMPARE(img.pixelColor(150, 50), QColor(Qt::white));  // square (1,0): odd, hidden
    QCOMPARE(img.pixelColor(250, 50), QColor(0, 200, 0));  // square (2,0): even
}

void TestMapRenderer::hatchTilesAcrossBands()
{
    // One hatched square over the whole view: both hatch and fill colours appear, and
    // every row has hatch pixels (no gaps at band or tile seams).
    MapSettings s;
    s.extent = QRectF(0, 0, 100, 100);
    s.outputSize = QSize(200, 200);
    MapLayer l;
    l.vector = squares(1, 100, 0);
    l.style.symbol.strokeStyle = Qt::NoPen;
    l.style.symbol.fillColor = QColor(255, 255, 0);
    l.style.symbol.hatch = HatchPattern::BDiagonal;
    l.style.symbol.hatchColor = QColor(0, 0, 255);
    l.style.symbol.hatchSpacingMm = 2;
    s.layers = {l};
    const QImage img = MapRenderer::renderImage(s);
    for (int y = 1; y < 199; ++y) {
        int blue = 0, yellow = 0;
        for (int x = 0; x < 200; ++x) {
            const QColor c = img.pixelColor(x, y);
            blue += c.blue() > 100; // a 0.76 px line: partial coverage
            yellow += c == QColor(255, 255, 0);
        }
        QVERIFY2(blue >= 15 && blue <= 90, qPrintable(QStringLiteral("row %1: %2 hatch pixels").arg(y).arg(blue)));
        QVERIFY2(yellow > 100, qPrintable(QStringLiteral("row %1: %2 fill pixels").arg(y).arg(yellow)));
    }
}

void TestMapRenderer::bandsMatchSingleImage()
{
    // 300x300 = 90000 squares: drawn in parallel bands; must equal the per-layer image.
    MapSettings s;
    s.outputSize = QSize(300, 300);
    s.antialiasing = false;
    MapLayer l;
    l.vector = squares(300, 0.6, 0.4);
    s.extent = l.vector->extent();
    l.style.symbol.strokeStyle = Qt::NoPen;
    l.style.symbol.fillColor = QColor(200, 0, 0);
    s.layers = {l};
    s.background = Qt::transparent;
    const QImage a = MapRenderer::renderImage(s);
    const QImage b = MapRenderer::renderLayerImage(s, 0);
    QCOMPARE(a, b);
    int red = 0;
    for (int y = 0; y < 300; ++y)
        for (int x = 0; x < 300; ++x)
            red += a.pixelColor(x, y).red() == 200;
    QVERIFY2(red > 300 * 300 / 4, qPrintable(QString::number(red))); // sub-pixel squares drawn as dots, not dropped
}

void TestMapRenderer::canceledThrows()
{
    MapSettings s = ProjectLayers::mapSettings(m_project, m_cambridge, QSize(400, 300));
    Feedback feedback;
    feedback.cancel();
    QVERIFY_THROWS_EXCEPTION(Canceled, MapRenderer::renderImage(s, &feedback));
}

void TestMapRenderer::pdfOutputIsVector()
{
    MapSettings s = ProjectLayers::mapSettings(m_project, m_cambridge, QSize(400, 300));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(96);
        QPainter painter(&writer);
        MapRenderer::render(s, painter);
    }
    const QByteArray pdf = buffer.data();
    QVERIFY(pdf.startsWith("%PDF"));
    QVERIFY2(pdf.size() > 20000, qPrintable(QString::number(pdf.size())));
    QVERIFY(pdf.contains("/FontFile")); // labels are text with embedded fonts, not an image
}

void TestMapRenderer::legendSwatches()
{
    for (const MapLayer &l : m_cambridge) {
        if (l.id != QLatin1String("blocks_2000"))
            continue;
        const std::vector<LegendEntry> entries = Legend::entries(l.style, l.vector->geometryType());
        QCOMPARE(int(entries.size()), 5);
        QVERIFY(entries[0].label.contains(QStringLiteral(" – ")));
        const QImage swatch = entries.back().swatch(QSize(16, 16));
        QCOMPARE(swatch.size(), QSize(16, 16));
        QVERIFY2(near(swatch.pixelColor(8, 8), l.style.ranges.back().symbol.fillColor, 3), qPrintable(describe(swatch.pixelColor(8, 8))));
        QCOMPARE(swatch.pixelColor(0, 0).alpha(), 0);
    }
}

QTEST_MAIN(TestMapRenderer)
#include "tst_maprenderer.moc"
