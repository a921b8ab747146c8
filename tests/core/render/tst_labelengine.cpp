// LabelEngine: greedy placement with collision avoidance.
#include "render/FontResolver.h"
#include "render/LabelEngine.h"
#include "render/LabelSettings.h"

#include <QJsonObject>
#include <QImage>
#include <QPainter>
#include <QTest>

using namespace refuge;

class TestLabelEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void overlappingLabels_data();
    void overlappingLabels();
    void pointLabelMovesAside();
    void lineLabelFollowsSegmentUpright();
    void obstacleIsAvoided();
    void higherPriorityFirst();
    void obstacleKeepsOffOnlyLowerLabels();
    void defaultPriorities();
    void drawsSomething();
};

static LabelCandidate candidate(LabelCandidate::Kind kind, const QString &text, QPointF anchor, bool avoid = true)
{
    LabelCandidate c;
    c.kind = kind;
    c.text = text;
    c.font = FontResolver::fontFor(text, QString(), 9);
    c.font.setPixelSize(12);
    c.anchor = anchor;
    c.avoidCollisions = avoid;
    return c;
}

void TestLabelEngine::overlappingLabels_data()
{
    QTest::addColumn<QPointF>("second");
    QTest::addColumn<bool>("avoid");
    QTest::addColumn<int>("placed");
    // The output is one label high, so the polygon label's alternatives (above/below) do not fit.
    QTest::newRow("same place: one drawn") << QPointF(100, 12) << true << 1;
    QTest::newRow("overlapping by half: one drawn") << QPointF(120, 12) << true << 1;
    QTest::newRow("apart: both drawn") << QPointF(330, 12) << true << 2;
    QTest::newRow("collisions allowed: both drawn") << QPointF(100, 12) << false << 2;
}

void TestLabelEngine::overlappingLabels()
{
    QFETCH(QPointF, second);
    QFETCH(bool, avoid);
    QFETCH(int, placed);
    LabelEngine engine(QSizeF(400, 24));
    engine.add(candidate(LabelCandidate::Kind::Polygon, QStringLiteral("Cambridgeport"), QPointF(100, 12), avoid));
    engine.add(candidate(LabelCandidate::Kind::Polygon, QStringLiteral("Riverside"), second, avoid));
    engine.place();
    QCOMPARE(int(engine.placed().size()), placed);
    QCOMPARE(engine.placed().front().text, QStringLiteral("Cambridgeport")); // first come, first placed
}

void TestLabelEngine::pointLabelMovesAside()
{
    LabelEngine engine(QSizeF(400, 300));
    LabelCandidate a = candidate(LabelCandidate::Kind::Point, QStringLiteral("Tobin School"), QPointF(200, 150));
    a.offsetPx = 5;
    LabelCandidate b = a;
    b.text = QStringLiteral("Fire Company 8");
    b.anchor = QPointF(205, 152);
    engine.add(a);
    engine.add(b);
    engine.place();
    QCOMPARE(int(engine.placed().size()), 2);
    const QRectF ra = engine.placed()[0].box().boundingRect(), rb = engine.placed()[1].box().boundingRect();
    QVERIFY(!ra.intersects(rb));
    QVERIFY(ra.left() > 200); // first choice: right of the point
}

void TestLabelEngine::lineLabelFollowsSegmentUpright()
{
    LabelEngine engine(QSizeF(400, 400));
    LabelCandidate c = candidate(LabelCandidate::Kind::Line, QStringLiteral("南京东路"), QPointF());
    c.line = QPolygonF({QPointF(350, 350), QPointF(50, 50)}); // drawn right-to-left, upwards
    engine.add(c);
    engine.place();
    QCOMPARE(int(engine.placed().size()), 1);
    QCOMPARE(engine.placed()[0].angleDeg, 45.0); // flipped to read left to right
    QCOMPARE(engine.placed()[0].centre, QPointF(200, 200));
}

void TestLabelEngine::obstacleIsAvoided()
{
    // A marker right of the point: the label takes the next position (left).
    LabelEngine engine(QSizeF(400, 300));
    engine.addObstacle(QRectF(210, 140, 20, 20));
    LabelCandidate c = candidate(LabelCandidate::Kind::Point, QStringLiteral("Fire Company 9"), QPointF(200, 150));
    c.offsetPx = 5;
    engine.add(c);
    engine.place();
    QCOMPARE(int(engine.placed().size()), 1);
    QVERIFY(engine.placed()[0].box().boundingRect().right() < 200);
}

void TestLabelEngine::higherPriorityFirst()
{
    // A street label added first (top layer) and a shelter label at the same place: the
    // shelter (priority 9) wins over the street (3), whatever the order of adding.
    LabelEngine engine(QSizeF(400, 24));
    LabelCandidate street = candidate(LabelCandidate::Kind::Polygon, QStringLiteral("Massachusetts Avenue"), QPointF(150, 12));
    street.priority = 3;
    LabelCandidate shelter = candidate(LabelCandidate::Kind::Polygon, QStringLiteral("Rindge and Latin"), QPointF(150, 12));
    shelter.priority = 9;
    engine.add(street);
    engine.add(shelter);
    engine.place();
    QCOMPARE(int(engine.placed().size()), 1);
    QCOMPARE(engine.placed().front().text, QStringLiteral("Rindge and Latin"));
}

void TestLabelEngine::obstacleKeepsOffOnlyLowerLabels()
{
    // Per-block result points (priority 1) fill the whole frame: a shelter label (9) is
    // still placed, to the right of its point, over them; a label of priority 1 is not.
    for (const int priority : {9, 1}) {
        LabelEngine engine(QSizeF(400, 300));
        for (int y = 0; y < 300; y += 10)
            for (int x = 0; x < 400; x += 10)
                engine.addObstacle(QRectF(x, y, 6, 6), 1);
        LabelCandidate c = candidate(LabelCandidate::Kind::Point, QStringLiteral("Fire Company 9"), QPointF(200, 150));
        c.offsetPx = 5;
        c.priority = priority;
        engine.add(c);
        engine.place();
        QCOMPARE(int(engine.placed().size()), priority == 9 ? 1 : 0);
        if (priority == 9)
            QVERIFY(engine.placed()[0].box().boundingRect().left() > 200);
    }
    // An obstacle added without a priority keeps every label off.
    LabelEngine engine(QSizeF(400, 300));
    engine.addObstacle(QRectF(0, 0, 400, 300));
    LabelCandidate c = candidate(LabelCandidate::Kind::Point, QStringLiteral("Fire Company 9"), QPointF(200, 150));
    c.priority = LabelSettings::kMaxPriority;
    engine.add(c);
    engine.place();
    QCOMPARE(int(engine.placed().size()), 0);
}

void TestLabelEngine::defaultPriorities()
{
    // JSON round trip, clamped to 0–10; absent → 5.
    LabelSettings l;
    l.priority = 9;
    QCOMPARE(LabelSettings::fromJson(l.toJson()).priority, 9);
    QJsonObject o = l.toJson();
    o.insert(QStringLiteral("priority"), 42);
    QCOMPARE(LabelSettings::fromJson(o).priority, 10);
    o.remove(QStringLiteral("priority"));
    QCOMPARE(LabelSettings::fromJson(o).priority, LabelSettings::kDefaultPriority);
}

void TestLabelEngine::drawsSomething()
{
    LabelEngine engine(QSizeF(200, 40));
    LabelCandidate c = candidate(LabelCandidate::Kind::Polygon, QStringLiteral("MMMM"), QPointF(100, 20));
    c.color = Qt::black;
    c.haloPx = 2;
    engine.add(c);
    engine.place();
    QImage img(200, 40, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::transparent);
    QPainter p(&img);
    engine.draw(p);
    p.end();
    int dark = 0, halo = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
            const QColor px = img.pixelColor(x, y);
            dark += px.alpha() == 255 && px.lightness() < 60;
            halo += px.alpha() == 255 && px.lightness() > 240;
        }
    QVERIFY2(dark > 20, qPrintable(QString::number(dark)));
    QVERIFY2(halo > 20, qPrintable(QString::number(halo)));
}

QTEST_MAIN(TestLabelEngine)
#include "tst_labelengine.moc"
