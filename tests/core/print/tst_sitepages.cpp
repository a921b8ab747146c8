// Hazardous-site pages (一张图一张表): an exposure run's sources read back
// (SiteResults), each atlas page gets the sites inside its street — rows in order with
// their figures, id lists as printed, the page's totals — a site on no street named
// in a warning, rings whose every vertex lies the distance away on the WGS 84 ellipsoid
// (PROJ's geodesic, independent of the ring's projection) in a projected and a
// geographic map, the page's extent grown to the whole protection ring, the zh
// template's texts and the table in the PDF, and a community layout not taken for a
// site layout.
#include "TestSupport.h"
#include "crs/CoordinateTransform.h"
#include "io/VectorWriter.h"
#include "model/VectorLayer.h"
#include "print/CommunityPages.h"
#include "print/PageItems.h"
#include "print/SitePages.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <geodesic.h>
#include <memory>

using namespace refuge;
using refuge::test::sourcePath;

namespace {

const Crs kCrs = Crs::fromEpsg(26986);

Geometry rect(double x0, double y0, double x1, double y1)
{
    return Geometry::polygon({{QPointF(x0, y0), QPointF(x1, y0), QPointF(x1, y1), QPointF(x0, y1), QPointF(x0, y0)}});
}

// A complete exposure run (Massachusetts state plane, metres near Boston): "Fuel 1" and
// "Depot" in East, "Gas" (no name: its id) in West, "Far" in no street.
void writeExposureRun(const QString &dir)
{
    QDir().mkpath(dir);
    VectorLayer sources(QStringLiteral("sources"), GeometryType::Point, kCrs);
    for (const char *f : {"layer", "id", "name", "community"})
        sources.addField({QString::fromLatin1(f), FieldType::String});
    for (const char *f : {"isolation_m", "protection_m", "pop_isolation", "pop_protection"})
        sources.addField({QString::fromLatin1(f), FieldType::Real});
    for (const char *f : {"shelters_isolation", "shelters_protection", "schools_isolation", "schools_protection"})
        sources.addField({QString::fromLatin1(f), FieldType::String});
    const QString l = QStringLiteral("hazmat");
    const QPointF origin(230000, 900000);
    sources.addFeature(Geometry::point(origin + QPointF(200, 500)),
                       {l, QStringLiteral("H1"), QStringLiteral("Fuel 1"), QStringLiteral("East"), 50.0, 300.0, 12.0, 340.0, QString(),
                        QStringLiteral("S1;S2"), QString(), QStringLiteral("Lincoln School")});
    sources.addFeature(Geometry::point(origin + QPointF(800, 200)),
                       {l, QStringLiteral("H2"), QStringLiteral("Depot"), QStringLiteral("East"), 100.0, 800.0, 30.5, 900.0, QStringLiteral("S2"),
                        QStringLiteral("S2"), QString(), QString()});
    sources.addFeature(Geometry::point(origin + QPointF(1500, 500)),
                       {l, QStringLiteral("H3"), QString(), QStringLiteral("West"), 50.0, 300.0, 0.0, 75.0, QString(), QString(), QString(), QString()});
    sources.addFeature(Geometry::point(origin + QPointF(9000, 9000)),
                       {l, QStringLiteral("H4"), QStringLiteral("Far"), QString(), 50.0, 300.0, 0.0, 0.0, QString(), QString(), QString(), QString()});
    VectorWriter::writeAll({{{}, &sources}}, QDir(dir).filePath(QStringLiteral("exposure.gpkg")));
    QFile summary(QDir(dir).filePath(QStringLiteral("summary.json")));
    QVERIFY(summary.open(QIODevice::WriteOnly));
    summary.write(R"({"complete": true})");
}

// Streets East, West and Empty (no site).
PrintContext streets()
{
    const QPointF o(230000, 900000);
    auto layer = std::make_shared<VectorLayer>(QStringLiteral("streets"), GeometryType::Polygon, kCrs);
    layer->addField({QStringLiteral("NAME"), FieldType::String});
    layer->addFeature(rect(o.x(), o.y(), o.x() + 1000, o.y() + 1000), {QStringLiteral("East")}, 1);
    layer->addFeature(rect(o.x() + 1000, o.y(), o.x() + 2000, o.y() + 1000), {QStringLiteral("West")}, 2);
    layer->addFeature(rect(o.x() + 5000, o.y() + 5000, o.x() + 6000, o.y() + 6000), {QStringLiteral("Empty")}, 3);
    layer->buildIndex();
    PrintContext c;
    c.map.crs = kCrs;
    MapLayer ml;
    ml.id = QStringLiteral("streets");
    ml.name = QStringLiteral("Streets");
    ml.vector = layer;
    c.map.layers.push_back(ml);
    c.map.extent = QRectF(o.x() - 100, o.y() - 100, 6200, 6200);
    c.title = QStringLiteral("Test district");
    return c;
}

PrintLayout siteLayout(const QString &lang = {})
{
    return PrintLayout::load(sourcePath(QStringLiteral("resources/templates/hazmat-sites-a4%1.json").arg(lang.isEmpty() ? QString() : QLatin1Char('-') + lang)));
}

// Largest deviation (metres) of the ring's vertices from `metres` away from `centre`,
// both in `crs`, measured on the WGS 84 ellipsoid.
double ringError(const QPolygonF &ring, QPointF centre, double metres, const Crs &crs)
{
    geod_geodesic g;
    geod_init(&g, 6378137.0, 1 / 298.257223563);
    const CoordinateTransform toGeo(crs, Crs::fromEpsg(4326));
    const QPointF c = toGeo.transform(centre);
    double worst = 0;
    for (const QPointF &p : ring) {
        const QPointF v = toGeo.transform(p);
        double s12 = 0, azi1 = 0, azi2 = 0;
        geod_inverse(&g, c.y(), c.x(), v.y(), v.x(), &s12, &azi1, &azi2);
        worst = std::max(worst, std::abs(s12 - metres));
    }
    return worst;
}

AtlasPlan filledPlan(const PrintContext &base, const QString &dir, Feedback &feedback, const QString &lang = {})
{
    AtlasOptions o;
    o.coverageLayerId = QStringLiteral("streets");
    o.nameField = QStringLiteral("NAME");
    o.singleFile = true;
    o.outDir = dir;
    AtlasPlan plan = Atlas::plan(siteLayout(lang), base, o);
    SitePages::fillFromResults(plan, base.map, QStringLiteral("streets"), dir, feedback);
    return plan;
}

} // namespace

class TestSitePages : public QObject {
    Q_OBJECT
private slots:
    void rowsPerStreet();
    void ringsAreTrueDistances();
    void extentShowsTheRings();
    void layoutKinds();
    void missingRun();
    void tableInPdf();
};

void TestSitePages::rowsPerStreet()
{
    QTemporaryDir dir;
    writeExposureRun(dir.path());
    Feedback feedback;
    const AtlasPlan plan = filledPlan(streets(), dir.path(), feedback);
    QCOMPARE(int(plan.pages.size()), 3);
    const PrintContext &east = plan.pages[0], &west = plan.pages[1], &empty = plan.pages[2];
    QCOMPARE(int(east.sites.size()), 2);
    QCOMPARE(east.sites[0].value(QStringLiteral("name")).toString(), QStringLiteral("Fuel 1"));
    QCOMPARE(east.sites[0].value(QStringLiteral("shelters_protection")).toString(), QStringLiteral("S1, S2"));
    QCOMPARE(east.sites[0].value(QStringLiteral("schools_protection")).toString(), QStringLiteral("Lincoln School"));
    QCOMPARE(east.sites[1].value(QStringLiteral("name")).toString(), QStringLiteral("Depot"));
    QCOMPARE(east.sites[1].value(QStringLiteral("protection_m")).toDouble(), 800.0);
    QCOMPARE(east.siteTotals.value(QStringLiteral("count")).toInt(), 2);
    QCOMPARE(east.siteTotals.value(QStringLiteral("pop_isolation")).toDouble(), 42.5);
    QCOMPARE(east.siteTotals.value(QStringLiteral("pop_protection")).toDouble(), 1240.0);
    QCOMPARE(PrintRenderer::expand(QStringLiteral("{sites.count} sites, {sites.pop_protection} residents"), east), QStringLiteral("2 sites, 1240 residents"));
    // No name: the id names the site.
    QCOMPARE(int(west.sites.size()), 1);
    QCOMPARE(west.sites[0].value(QStringLiteral("name")).toString(), QStringLiteral("H3"));
    QCOMPARE(west.overlay.sites.front().label, QStringLiteral("H3"));
    QVERIFY(empty.sites.empty());
    QCOMPARE(empty.siteTotals.value(QStringLiteral("count")).toInt(), 0);
    QVERIFY(empty.overlay.sites.empty());
    // The site in no street is named, once.
    const QStringList w = feedback.warnings();
    QCOMPARE(w.size(), 1);
    QVERIFY2(w.front().contains(QLatin1String("1 hazardous sites")) && w.front().contains(QLatin1String("'Far'")), qPrintable(w.front()));
}

void TestSitePages::ringsAreTrueDistances()
{
    const QPointF site(230200, 900500);
    const QPolygonF ring = SitePages::ring(site, 300, kCrs);
    QCOMPARE(ring.size(), 73);
    QCOMPARE(ring.front(), ring.back());
    QVERIFY2(ringError(ring, site, 300, kCrs) < 0.01, qPrintable(QString::number(ringError(ring, site, 300, kCrs))));
    // In degrees (Shanghai): a true 800 m circle, wider in longitude than in latitude.
    const Crs wgs84 = Crs::fromEpsg(4326);
    const QPointF shanghai(121.47, 31.23);
    const QPolygonF geo = SitePages::ring(shanghai, 800, wgs84);
    QVERIFY2(ringError(geo, shanghai, 800, wgs84) < 0.01, qPrintable(QString::number(ringError(geo, shanghai, 800, wgs84))));
    const QRectF box = geo.boundingRect();
    QVERIFY(box.width() / box.height() > 1.15 && box.width() / box.height() < 1.19); // 1 / cos(31.23°) ≈ 1.169
    QVERIFY(SitePages::ring(site, 0, kCrs).isEmpty());
}

void TestSitePages::extentShowsTheRings()
{
    QTemporaryDir dir;
    writeExposureRun(dir.path());
    Feedback feedback;
    const AtlasPlan plan = filledPlan(streets(), dir.path(), feedback);
    const PrintContext &east = plan.pages[0];
    QCOMPARE(int(east.overlay.sites.size()), 2);
    // Depot's 800 m ring reaches 600 m below the street; the page shows it whole.
    const QRectF depot = east.overlay.sites[1].protection.boundingRect();
    QVERIFY(depot.top() < 900000 - 599);
    QVERIFY(east.map.extent.contains(depot));
    QVERIFY(!east.overlay.sites[1].isolation.isEmpty());
    // Empty keeps the atlas's own extent (its square and the margin only).
    QVERIFY(plan.pages[2].map.extent.width() < 1500);
}

void TestSitePages::layoutKinds()
{
    QVERIFY(SitePages::wanted(siteLayout()));
    QVERIFY(SitePages::wanted(siteLayout(QStringLiteral("zh_CN"))));
    QVERIFY(!CommunityPages::wanted(siteLayout()));
    const PrintLayout community = PrintLayout::load(sourcePath(QStringLiteral("resources/templates/community-evacuation-a4.json")));
    QVERIFY(CommunityPages::wanted(community));
    QVERIFY(!SitePages::wanted(community));
}

void TestSitePages::missingRun()
{
    QTemporaryDir dir;
    Feedback feedback;
    AtlasOptions o;
    o.coverageLayerId = QStringLiteral("streets");
    const PrintContext base = streets();
    AtlasPlan plan = Atlas::plan(siteLayout(), base, o);
    try {
        SitePages::fillFromResults(plan, base.map, QStringLiteral("streets"), dir.path(), feedback);
        QFAIL("no exposure run accepted");
    } catch (const IoError &e) {
        QVERIFY2(e.message().contains(QLatin1String("no exposure results")), qPrintable(e.message()));
    }
    QFile(QDir(dir.path()).filePath(QStringLiteral("exposure.gpkg"))).open(QIODevice::WriteOnly);
    QVERIFY_THROWS_EXCEPTION(IoError, SitePages::fillFromResults(plan, base.map, QStringLiteral("streets"), dir.path(), feedback));
}

void TestSitePages::tableInPdf()
{
    QTemporaryDir dir;
    writeExposureRun(dir.path());
    Feedback feedback;
    const PrintLayout layout = siteLayout(QStringLiteral("zh_CN"));
    AtlasOptions o;
    o.coverageLayerId = QStringLiteral("streets");
    o.singleFile = true;
    o.outDir = dir.path();
    const AtlasPlan plan = filledPlan(streets(), dir.path(), feedback, QStringLiteral("zh_CN"));
    const AtlasResult r = Atlas::write(layout, plan, o);
    QCOMPARE(r.pages, 3);
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("poppler-utils is not installed");
    auto pageText = [&](int page) {
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"), QString::number(page), r.files.front(),
                                              QStringLiteral("-")});
        p.waitForFinished(30000);
        return QString::fromUtf8(p.readAllStandardOutput());
    };
    const QString east = pageText(1);
    for (const QString &expected : {QStringLiteral("East"), QStringLiteral("辖区内危险化学品企业 2 家"), QStringLiteral("Fuel 1"), QStringLiteral("Depot"),
                                    QStringLiteral("S1, S2"), QStringLiteral("Lincoln School"), QStringLiteral("1240"), QStringLiteral("隔离距离"),
                                    QStringLiteral("防护距离"), QStringLiteral("危险化学品企业")})
        QVERIFY2(east.contains(expected), qPrintable(expected + QStringLiteral(" not in: ") + east));
    QVERIFY(!east.contains(QLatin1String("本辖区内没有危险化学品企业")));
    QVERIFY(pageText(3).contains(QStringLiteral("本辖区内没有危险化学品企业")));
}

QTEST_MAIN(TestSitePages)
#include "tst_sitepages.moc"
