// Community page content: the walking route along the network (hand-computed
// lengths, the path's corners, the way back along the start's own street, an
// unreachable shelter), the coverage results read back from a coverage.gpkg written
// here (assigned shelters summed per community, most residents first), the page's
// table / overlay / {covered_share} filled from them, a community missing from the
// results named in a warning, the legend limited to the classes inside the frame plus
// the overlay's entries, and the table's text extractable from the PDF.
#include "TestSupport.h"
#include "io/VectorWriter.h"
#include "model/VectorLayer.h"
#include "network/RoadGraphBuilder.h"
#include "print/CommunityPages.h"
#include "print/PageItems.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace refuge;

namespace {

const Crs kCrs = Crs::fromEpsg(26986);

// A (0,0)-(400,0); B (400,0)-(400,300); C (0,0)-(0,600)-(400,600)-(400,300): the long
// way round; D (1000,1000)-(1100,1000): not connected.
RoadGraph graph()
{
    VectorLayer roads(QStringLiteral("roads"), GeometryType::LineString, kCrs);
    roads.addField({QStringLiteral("highway"), FieldType::String});
    for (const std::vector<QPointF> &line : std::vector<std::vector<QPointF>>{
             {{0, 0}, {400, 0}}, {{400, 0}, {400, 300}}, {{0, 0}, {0, 600}, {400, 600}, {400, 300}}, {{1000, 1000}, {1100, 1000}}})
        roads.addFeature(Geometry::lineString(line), {QStringLiteral("residential")});
    roads.buildIndex();
    RoadGraphOptions o;
    o.profile = Profile::load(QStringLiteral("walk"));
    o.useCache = false;
    return RoadGraphBuilder::build(roads, o);
}

Geometry rect(double x0, double y0, double x1, double y1)
{
    return Geometry::polygon({{QPointF(x0, y0), QPointF(x1, y0), QPointF(x1, y1), QPointF(x0, y1), QPointF(x0, y0)}});
}

// A complete coverage run: shelters S1 "North Hall" (410,250) cap 500, S2 "Gym"
// (300,5) cap 120, S3 unused; Riverside's demand: 300 + 200 to S1, 100 to S2; Hill's
// 40 unassigned.
void writeCoverageRun(const QString &dir)
{
    QDir().mkpath(dir);
    VectorLayer areas(QStringLiteral("areas"), GeometryType::MultiPolygon, kCrs);
    areas.addField({QStringLiteral("area"), FieldType::String});
    areas.addField({QStringLiteral("population"), FieldType::Real});
    areas.addField({QStringLiteral("covered_share"), FieldType::Real});
    areas.addFeature(rect(0, -20, 100, 0), {QStringLiteral("Riverside"), 640.0, 0.875});
    areas.addFeature(rect(0, 700, 100, 800), {QStringLiteral("Hill"), 40.0, 0.0});
    VectorLayer facilities(QStringLiteral("facilities"), GeometryType::Point, kCrs);
    for (const char *f : {"facility", "name"})
        facilities.addField({QString::fromLatin1(f), FieldType::String});
    facilities.addField({QStringLiteral("capacity"), FieldType::Real});
    facilities.addFeature(Geometry::point({410, 250}), {QStringLiteral("S1"), QStringLiteral("North Hall"), 500.0});
    facilities.addFeature(Geometry::point({300, 5}), {QStringLiteral("S2"), QStringLiteral("Gym"), 120.0});
    facilities.addFeature(Geometry::point({5, 590}), {QStringLiteral("S3"), QStringLiteral("Library"), 80.0});
    VectorLayer demand(QStringLiteral("demand"), GeometryType::Point, kCrs);
    demand.addField({QStringLiteral("assigned"), FieldType::Real});
    demand.addField({QStringLiteral("assigned_to"), FieldType::String});
    demand.addField({QStringLiteral("area"), FieldType::String});
    demand.addFeature(Geometry::point({20, -5}), {300.0, QStringLiteral("S1"), QStringLiteral("Riverside")});
    demand.addFeature(Geometry::point({60, -5}), {100.0, QStringLiteral("S2"), QStringLiteral("Riverside")});
    demand.addFeature(Geometry::point({80, -5}), {200.0, QStringLiteral("S1"), QStringLiteral("Riverside")});
    demand.addFeature(Geometry::point({50, 750}), {0.0, QVariant(), QStringLiteral("Hill")});
    VectorWriter::writeAll({{{}, &areas}, {{}, &facilities}, {{}, &demand}}, QDir(dir).filePath(QStringLiteral("coverage.gpkg")));
    QFile summary(QDir(dir).filePath(QStringLiteral("summary.json")));
    QVERIFY(summary.open(QIODevice::WriteOnly));
    summary.write(R"({"complete": true})");
}

// Communities: Riverside (its point on surface: (50,-10)), Lost (not in the run) and
// Hill (in the run, no shelter assigned).
PrintContext communities()
{
    auto layer = std::make_shared<VectorLayer>(QStringLiteral("communities"), GeometryType::Polygon, kCrs);
    layer->addField({QStringLiteral("NAME"), FieldType::String});
    layer->addFeature(rect(0, -20, 100, 0), {QStringLiteral("Riverside")}, 7);
    layer->addFeature(rect(500, 700, 600, 800), {QStringLiteral("Lost")}, 8);
    layer->addFeature(rect(0, 700, 100, 800), {QStringLiteral("Hill")}, 9);
    layer->buildIndex();
    PrintContext c;
    c.map.crs = kCrs;
    MapLayer ml;
    ml.id = QStringLiteral("communities");
    ml.name = QStringLiteral("Communities");
    ml.vector = layer;
    c.map.layers.push_back(ml);
    c.map.extent = QRectF(-50, -50, 700, 900);
    return c;
}

PrintLayout pageLayout()
{
    PrintLayout l = PrintLayout::standard(QStringLiteral("A4"), PrintLayout::Orientation::Portrait);
    PrintItem table;
    table.type = PrintItem::Type::Table;
    table.rectMm = QRectF(10, 200, 120, 30);
    table.fontPt = 8;
    table.columns = {{QStringLiteral("name"), QStringLiteral("Shelter"), 3}, {QStringLiteral("capacity"), QStringLiteral("Capacity"), 1},
                     {QStringLiteral("residents"), QStringLiteral("Residents"), 1}, {QStringLiteral("distance_m"), QStringLiteral("Walk m"), 1}};
    table.text = QStringLiteral("No shelter");
    l.items.push_back(table);
    PrintItem share;
    share.type = PrintItem::Type::Text;
    share.rectMm = QRectF(10, 232, 120, 8);
    share.text = QStringLiteral("Covered {covered_share} of {result.population}");
    l.items.push_back(share);
    return l;
}

double polylineLength(const std::vector<QPointF> &pts)
{
    double s = 0;
    for (std::size_t i = 1; i < pts.size(); ++i)
        s += std::hypot(pts[i].x() - pts[i - 1].x(), pts[i].y() - pts[i - 1].y());
    return s;
}

} // namespace

class TestCommunityPages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void route();
    void coverageResults();
    void pageContent();
    void legendPresentClasses();
    void tableInPdf();
};

void TestCommunityPages::route()
{
    const NetworkRoute router(graph());
    const double snap = router.graph().snapSpeed();
    const std::vector<Route> r = router.routes({50, -10}, {{410, 250}, {300, 5}, {10, 300}, {1050, 1010}});
    QCOMPARE(int(r.size()), 4);
    // 350 m along A, 250 m up B, legs 10 + 10: 620 m; walking at 3.6 km/h = 1 m/s.
    QVERIFY(r[0].found());
    QCOMPARE(r[0].meters, 620.0);
    QCOMPARE(r[0].seconds, 600.0 + 20.0 / snap);
    QCOMPARE(r[0].points, (std::vector<QPointF>{{50, -10}, {50, 0}, {400, 0}, {400, 250}, {410, 250}}));
    QCOMPARE(polylineLength(r[0].points), 620.0);
    // Along the start's own street: 250 m + legs 10 + 5.
    QCOMPARE(r[1].meters, 265.0);
    QCOMPARE(r[1].points.front(), QPointF(50, -10));
    QCOMPARE(r[1].points.back(), QPointF(300, 5));
    // Back west 50 m along A, then 300 m up C (not 350 + 300 + 1000 the other way).
    QCOMPARE(r[2].meters, 370.0);
    QCOMPARE(r[2].points, (std::vector<QPointF>{{50, -10}, {50, 0}, {0, 0}, {0, 300}, {10, 300}}));
    QVERIFY(!r[3].found()); // D is not connected
    // Beyond the bound: nothing.
    QVERIFY(!router.routes({50, -10}, {{410, 250}}, 500).front().found());
}

void TestCommunityPages::coverageResults()
{
    QTemporaryDir dir;
    writeCoverageRun(dir.filePath(QStringLiteral("run/coverage")));
    const CoverageResults results = CoverageResults::load(dir.filePath(QStringLiteral("run")), kCrs);
    QCOMPARE(results.folder(), dir.filePath(QStringLiteral("run/coverage")));
    QCOMPARE(results.area(QStringLiteral("Riverside")).value(QStringLiteral("covered_share")).toDouble(), 0.875);
    const std::vector<AssignedShelter> a = results.assigned(QStringLiteral("Riverside"));
    QCOMPARE(int(a.size()), 2);
    QCOMPARE(a[0].name, QStringLiteral("North Hall"));
    QCOMPARE(a[0].residents, 500.0);
    QCOMPARE(a[0].capacity.toDouble(), 500.0);
    QCOMPARE(a[0].point, QPointF(410, 250));
    QCOMPARE(a[1].name, QStringLiteral("Gym"));
    QCOMPARE(a[1].residents, 100.0);
    QVERIFY(results.assigned(QStringLiteral("Hill")).empty());
    // No run, or an unfinished one: refused naming the folder.
    QVERIFY_THROWS_EXCEPTION(IoError, CoverageResults::load(dir.filePath(QStringLiteral("none")), kCrs));
    QFile::remove(dir.filePath(QStringLiteral("run/coverage/summary.json")));
    try {
        CoverageResults::load(dir.filePath(QStringLiteral("run")), kCrs);
        QFAIL("an incomplete run was read");
    } catch (const IoError &e) {
        QVERIFY2(e.message().contains(QLatin1String("incomplete")), qPrintable(e.message()));
    }
}

void TestCommunityPages::pageContent()
{
    QTemporaryDir dir;
    writeCoverageRun(dir.path());
    AtlasOptions o;
    o.coverageLayerId = QStringLiteral("communities");
    o.singleFile = true;
    const PrintContext base = communities();
    AtlasPlan plan = Atlas::plan(pageLayout(), base, o);
    QCOMPARE(int(plan.pages.size()), 3);
    const NetworkRoute router(graph());
    CommunityPageOptions options;
    options.areaField = QStringLiteral("NAME");
    Feedback feedback;
    CommunityPages::fill(plan, *base.map.layers.front().vector, CoverageResults::load(dir.path(), kCrs), &router, options, &feedback);

    const PrintContext &page = plan.pages[0];
    QCOMPARE(page.overlay.here.value(), QPointF(50, -10));
    QCOMPARE(int(page.table.size()), 2);
    QCOMPARE(page.table[0].value(QStringLiteral("name")).toString(), QStringLiteral("North Hall"));
    QCOMPARE(page.table[0].value(QStringLiteral("residents")).toDouble(), 500.0);
    QCOMPARE(page.table[0].value(QStringLiteral("distance_m")).toDouble(), 620.0);
    QCOMPARE(page.table[1].value(QStringLiteral("distance_m")).toDouble(), 265.0);
    QCOMPARE(int(page.overlay.routes.size()), 2);
    QCOMPARE(page.overlay.routes[0].size(), 5);
    QCOMPARE(page.overlay.shelters, (std::vector<QPointF>{{410, 250}, {300, 5}}));
    QCOMPARE(PrintRenderer::expand(QStringLiteral("{covered_share} of {result.population}"), page), QStringLiteral("87.5 % of 640"));

    const PrintContext &lost = plan.pages[1];
    QVERIFY(lost.table.empty() && lost.results.isEmpty());
    QCOMPARE(PrintRenderer::expand(QStringLiteral("{covered_share}"), lost), QStringLiteral("—"));
    const PrintContext &hill = plan.pages[2];
    QVERIFY(hill.table.empty() && hill.overlay.routes.empty());
    QCOMPARE(PrintRenderer::expand(QStringLiteral("{covered_share}"), hill), QStringLiteral("0.0 %"));
    QCOMPARE(feedback.warnings().size(), 1);
    QVERIFY2(feedback.warnings().front().contains(QLatin1String("'Lost' (feature 8): not an area of the coverage results")),
             qPrintable(feedback.warnings().front()));
    // A field the layer lacks is refused.
    options.areaField = QStringLiteral("LABEL");
    QVERIFY_THROWS_EXCEPTION(InvalidInput, CommunityPages::fill(plan, *base.map.layers.front().vector, CoverageResults::load(dir.path(), kCrs),
                                                                &router, options, &feedback));
}

void TestCommunityPages::legendPresentClasses()
{
    auto layer = std::make_shared<VectorLayer>(QStringLiteral("hazard"), GeometryType::Polygon, kCrs);
    layer->addField({QStringLiteral("level"), FieldType::String});
    layer->addFeature(rect(0, 0, 10, 10), {QStringLiteral("high")});
    layer->addFeature(rect(20, 0, 30, 10), {QStringLiteral("low")});
    layer->addFeature(rect(500, 500, 510, 510), {QStringLiteral("medium")}); // outside the frame
    layer->buildIndex();
    MapSettings map;
    map.crs = kCrs;
    map.extent = QRectF(0, 0, 100, 100);
    map.outputSize = QSize(100, 100);
    MapLayer ml;
    ml.name = QStringLiteral("Hazard");
    ml.vector = layer;
    ml.style.type = Style::Type::Categorized;
    ml.style.field = QStringLiteral("level");
    for (const char *v : {"high", "medium", "low"})
        ml.style.categories.push_back({QString::fromLatin1(v), QString::fromLatin1(v).toUpper(), Symbol(), true});
    map.layers.push_back(ml);
    MapLayer empty = ml; // a layer with nothing in the frame gives no entry
    empty.name = QStringLiteral("Far");
    auto far = std::make_shared<VectorLayer>(QStringLiteral("far"), GeometryType::Polygon, kCrs);
    far->addField({QStringLiteral("level"), FieldType::String});
    far->addFeature(rect(900, 900, 910, 910), {QStringLiteral("high")});
    far->buildIndex();
    empty.vector = far;
    map.layers.push_back(empty);

    auto labels = [](const std::vector<LegendEntry> &entries) {
        QStringList out;
        for (const LegendEntry &e : entries)
            out << e.label;
        return out;
    };
    QCOMPARE(labels(detail::frameLegend(map, {}, {}, 96)), QStringList({QStringLiteral("HIGH"), QStringLiteral("LOW")}));
    PageOverlay overlay;
    overlay.here = QPointF(5, 5);
    overlay.routes.push_back(QPolygonF({QPointF(0, 0), QPointF(5, 5)}));
    const QVariantMap names{{QStringLiteral("here"), QStringLiteral("您在这里")}, {QStringLiteral("route"), QStringLiteral("步行路线")}};
    QCOMPARE(labels(detail::frameLegend(map, overlay, names, 96)),
             QStringList({QStringLiteral("您在这里"), QStringLiteral("步行路线"), QStringLiteral("HIGH"), QStringLiteral("LOW")}));
}

void TestCommunityPages::tableInPdf()
{
    QTemporaryDir dir;
    writeCoverageRun(dir.path());
    AtlasOptions o;
    o.coverageLayerId = QStringLiteral("communities");
    o.singleFile = true;
    o.outDir = dir.path();
    const PrintContext base = communities();
    AtlasPlan plan = Atlas::plan(pageLayout(), base, o);
    const NetworkRoute router(graph());
    CommunityPageOptions options;
    options.areaField = QStringLiteral("NAME");
    CommunityPages::fill(plan, *base.map.layers.front().vector, CoverageResults::load(dir.path(), kCrs), &router, options);
    const AtlasResult r = Atlas::write(pageLayout(), plan, o);
    QCOMPARE(r.pages, 3);
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("poppler-utils is not installed");
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                                          QStringLiteral("1"), r.files.front(), QStringLiteral("-")});
    QVERIFY(p.waitForFinished(30000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    for (const QString &expected : {QStringLiteral("North Hall"), QStringLiteral("Gym"), QStringLiteral("620"), QStringLiteral("265"),
                                    QStringLiteral("Covered 87.5 % of 640")})
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in: ") + text));
    // Lost (no results): no claim about shelters; Hill (results, none assigned): the table's text.
    for (const auto &[page, says] : {std::pair<int, bool>{2, false}, std::pair<int, bool>{3, true}}) {
        p.start(QStringLiteral("pdftotext"), {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"), QString::number(page), r.files.front(),
                                              QStringLiteral("-")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).contains(QLatin1String("No shelter")), says);
    }
}

QTEST_MAIN(TestCommunityPages)
#include "tst_communitypages.moc"
