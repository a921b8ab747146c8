// Atlas: file names (unsafe characters, reserved names, duplicates), page extents
// (margin %, fixed scale), the veil outside the feature, failing pages (empty geometry,
// no name) reported while the rest export, a missing field refused before writing,
// cancel leaves no file, and a single PDF with one page per feature in order.
#include "TestSupport.h"
#include "model/VectorLayer.h"
#include "print/Atlas.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace refuge;

namespace {

Geometry square(double x, double y, double size)
{
    return Geometry::polygon({{QPointF(x, y), QPointF(x + size, y), QPointF(x + size, y + size), QPointF(x, y + size), QPointF(x, y)}});
}

// Five communities in EPSG:26986: "A/B", "Dup", "Dup", one with empty geometry, one
// without a name.
PrintContext context()
{
    auto layer = std::make_shared<VectorLayer>(QStringLiteral("communities"), GeometryType::Polygon, Crs::fromEpsg(26986));
    layer->addField({QStringLiteral("NAME"), FieldType::String});
    layer->addField({QStringLiteral("POP"), FieldType::Integer});
    layer->addFeature(square(230000, 900000, 1000), {QStringLiteral("A/B"), 120}, 11);
    layer->addFeature(square(232000, 900000, 500), {QStringLiteral("Dup"), 7}, 12);
    layer->addFeature(Geometry(GeometryType::Polygon), {QStringLiteral("Nowhere"), 0}, 13);
    layer->addFeature(square(234000, 900000, 800), {QStringLiteral("Dup"), 9}, 14);
    layer->addFeature(square(236000, 900000, 800), {QVariant(), 3}, 15);
    layer->buildIndex();
    PrintContext c;
    c.map.crs = Crs::fromEpsg(26986);
    MapLayer ml;
    ml.id = QStringLiteral("communities");
    ml.name = QStringLiteral("Communities");
    ml.vector = layer;
    c.map.layers.push_back(ml);
    c.map.extent = layer->extent();
    c.title = QStringLiteral("Test");
    c.date = QStringLiteral("2026-12-07");
    return c;
}

PrintLayout layout()
{
    PrintLayout l = PrintLayout::standard(QStringLiteral("A5"), PrintLayout::Orientation::Portrait);
    PrintItem name;
    name.type = PrintItem::Type::Text;
    name.rectMm = QRectF(10, 190, 100, 8);
    name.text = QStringLiteral("Community {feature.name} pop {feature.POP}");
    l.items.push_back(name);
    return l;
}

QString tool(const QString &name, const QStringList &args)
{
    QProcess p;
    p.start(name, args);
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestAtlas : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void safeFileName_data();
    void safeFileName();
    void uniqueNames();
    void pageExtent();
    void veil();
    void missingField();
    void perFile();
    void canceled();
    void singleFile();
    void templates();
};

void TestAtlas::safeFileName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("safe");
    QTest::newRow("slash") << QStringLiteral("Area 2/MIT") << QStringLiteral("Area 2_MIT");
    QTest::newRow("windows") << QStringLiteral("a<b>c:d\"e\\f|g?h*i") << QStringLiteral("a_b_c_d_e_f_g_h_i");
    QTest::newRow("control") << QStringLiteral("x\ty\nz") << QStringLiteral("x_y_z");
    QTest::newRow("trailing dot") << QStringLiteral("St. Mary. ") << QStringLiteral("St. Mary__");
    QTest::newRow("reserved") << QStringLiteral("CON.pdf") << QStringLiteral("_CON.pdf");
    QTest::newRow("dots") << QStringLiteral("..") << QStringLiteral("__");
    QTest::newRow("chinese") << QStringLiteral("汉口路社区.pdf") << QStringLiteral("汉口路社区.pdf");
}

void TestAtlas::safeFileName()
{
    QFETCH(QString, name);
    QFETCH(QString, safe);
    QCOMPARE(Atlas::safeFileName(name), safe);
}

void TestAtlas::uniqueNames()
{
    QCOMPARE(Atlas::uniqueNames({QStringLiteral("A.pdf"), QStringLiteral("a.pdf"), QStringLiteral("A.pdf"), QStringLiteral("A (2).pdf")}),
             QStringList({QStringLiteral("A.pdf"), QStringLiteral("a (3).pdf"), QStringLiteral("A (4).pdf"), QStringLiteral("A (2).pdf")}));
}

void TestAtlas::pageExtent()
{
    MapSettings map;
    map.crs = Crs::fromEpsg(26986);
    AtlasOptions o;
    o.marginPercent = 10;
    QCOMPARE(Atlas::pageExtent(QRectF(0, 0, 100, 50), map, QSizeF(100, 50), o), QRectF(-10, -5, 120, 60));
    o.fixedScale = 10000; // 100 mm x 50 mm at 1:10 000 = 1000 m x 500 m
    QCOMPARE(Atlas::pageExtent(QRectF(0, 0, 100, 50), map, QSizeF(100, 50), o), QRectF(-450, -225, 1000, 500));
}

void TestAtlas::veil()
{
    // A black map with the focus square in its middle: outside it the white veil
    // (alpha 150) gives grey 150, inside it stays black.
    PrintLayout l;
    l.paper = QStringLiteral("A5");
    PrintItem map;
    map.type = PrintItem::Type::Map;
    map.id = QStringLiteral("map");
    map.rectMm = QRectF(0, 0, 100, 100);
    l.items.push_back(map);
    PrintContext c;
    c.map.crs = Crs::fromEpsg(26986);
    c.map.background = Qt::black;
    c.map.extent = QRectF(0, 0, 300, 300);
    c.focus.addRect(QRectF(100, 100, 100, 100));
    QImage image(400, 400, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        PrintRenderer::render(l, c, p, 101.6); // 100 mm = 400 px
    }
    QCOMPARE(qRed(image.pixel(200, 200)), 0);
    QVERIFY2(std::abs(qRed(image.pixel(30, 30)) - 150) <= 2, qPrintable(QString::number(qRed(image.pixel(30, 30)))));
    QVERIFY2(std::abs(qRed(image.pixel(370, 200)) - 150) <= 2, qPrintable(QString::number(qRed(image.pixel(370, 200)))));
}

void TestAtlas::missingField()
{
    QTemporaryDir dir;
    AtlasOptions o;
    o.coverageLayerId = QStringLiteral("communities");
    o.nameField = QStringLiteral("LABEL");
    o.outDir = dir.filePath(QStringLiteral("out"));
    try {
        Atlas::run(layout(), context(), o);
        QFAIL("no error for a missing field");
    } catch (const InvalidInput &e) {
        QVERIFY2(e.message().contains(QLatin1String("no field 'LABEL' (fields: NAME, POP)")), qPrintable(e.message()));
    }
    QVERIFY(!QFileInfo::exists(o.outDir));
    o.nameField.clear();
    o.coverageLayerId = QStringLiteral("streets");
    QVERIFY_THROWS_EXCEPTION(InvalidInput, Atlas::plan(layout(), context(), o));
}

void TestAtlas::perFile()
{
    QTemporaryDir dir;
    AtlasOptions o;
    o.coverageLayerId = QStringLiteral("communities");
    o.nameField = QStringLiteral("NAME");
    o.outDir = dir.path();
    o.threads = 2;
    double progress = 0;
    Feedback feedback([&](double p) { progress = std::max(progress, p); });
    const AtlasResult r = Atlas::run(layout(), context(), o, &feedback);
    QCOMPARE(r.pages, 3);
    QCOMPARE(r.files, QStringList({dir.filePath(QStringLiteral("A_B.pdf")), dir.filePath(QStringLiteral("Dup.pdf")),
                                   dir.filePath(QStringLiteral("Dup (2).pdf"))}));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name),
             QStringList({QStringLiteral("A_B.pdf"), QStringLiteral("Dup (2).pdf"), QStringLiteral("Dup.pdf")}));
    QCOMPARE(int(r.failures.size()), 2);
    QCOMPARE(r.failures[0].fid, 13);
    QVERIFY2(r.failures[0].message.contains(QLatin1String("feature 13")) && r.failures[0].message.contains(QLatin1String("empty geometry")),
             qPrintable(r.failures[0].message));
    QCOMPARE(r.failures[1].fid, 15);
    QVERIFY2(r.failures[1].message.contains(QLatin1String("no value in field 'NAME'")), qPrintable(r.failures[1].message));
    QCOMPARE(progress, 100.0);
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("poppler-utils is not installed");
    const QString text = tool(QStringLiteral("pdftotext"), {dir.filePath(QStringLiteral("Dup (2).pdf")), QStringLiteral("-")});
    QVERIFY2(text.contains(QLatin1String("Community Dup pop 9")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("3/3")), qPrintable(text)); // {page}/{pages} of the standard layout
}

void TestAtlas::canceled()
{
    QTemporaryDir dir;
    AtlasOptions o;
    o.coverageLayerId = QStringLiteral("communities");
    o.outDir = dir.path();
    for (const bool single : {false, true}) {
        o.singleFile = single;
        Feedback feedback;
        feedback.cancel();
        QVERIFY_THROWS_EXCEPTION(Canceled, Atlas::run(layout(), context(), o, &feedback));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    }
}

void TestAtlas::singleFile()
{
    QTemporaryDir dir;
    AtlasOptions o;
    o.coverageLayerId = QStringLiteral("communities");
    o.singleFile = true;
    o.outDir = dir.path();
    const AtlasResult r = Atlas::run(layout(), context(), o);
    QCOMPARE(r.files, QStringList{dir.filePath(QStringLiteral("atlas.pdf"))});
    QCOMPARE(r.pages, 4); // the unnamed feature prints; only the empty geometry fails
    QCOMPARE(int(r.failures.size()), 1);
    if (QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
        QSKIP("poppler-utils is not installed");
    QVERIFY(tool(QStringLiteral("pdfinfo"), {r.files.front()}).contains(QRegularExpression(QStringLiteral("Pages:\\s+4\\n"))));
    const QStringList expected{QStringLiteral("Community A/B pop 120"), QStringLiteral("Community Dup pop 7"),
                               QStringLiteral("Community Dup pop 9"), QStringLiteral("Community pop 3")};
    for (int page = 1; page <= 4; ++page) {
        const QString text = tool(QStringLiteral("pdftotext"), {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                                                                QString::number(page), r.files.front(), QStringLiteral("-")});
        QVERIFY2(text.contains(expected[page - 1]) && text.contains(QStringLiteral("%1/4").arg(page)), qPrintable(text));
    }
}

void TestAtlas::templates()
{
    // Every template of resources/templates loads, has the atlas map frame with legend,
    // scale bar and north arrow, and titles the page with {feature.NAME}; A3 and A4, en and zh_CN.
    const QDir dir(refuge::test::sourcePath(QStringLiteral("resources/templates")));
    const QStringList files = dir.entryList({QStringLiteral("community-evacuation-*.json")}, QDir::Files, QDir::Name);
    QCOMPARE(files, QStringList({QStringLiteral("community-evacuation-a3-zh_CN.json"), QStringLiteral("community-evacuation-a3.json"),
                                 QStringLiteral("community-evacuation-a4-zh_CN.json"), QStringLiteral("community-evacuation-a4.json")}));
    for (const QString &file : files) {
        const PrintLayout l = PrintLayout::load(dir.filePath(file));
        QCOMPARE(l.name + QStringLiteral(".json"), file);
        QCOMPARE(Atlas::atlasFrame(l).id, QStringLiteral("map"));
        QStringList types;
        for (const PrintItem &item : l.items)
            types << QString::number(int(item.type));
        for (const PrintItem::Type t : {PrintItem::Type::Legend, PrintItem::Type::ScaleBar, PrintItem::Type::NorthArrow, PrintItem::Type::Credits})
            QVERIFY2(types.contains(QString::number(int(t))), qPrintable(file));
        QCOMPARE(Atlas::fieldsUsed(l, QString()), QStringList{QStringLiteral("NAME")});
        QCOMPARE(l.pageSizeMm(), file.contains(QLatin1String("-a3")) ? QSizeF(297, 420) : QSizeF(210, 297));
    }
}

QTEST_MAIN(TestAtlas)
#include "tst_atlas.moc"
