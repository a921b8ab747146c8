// ServiceArea on hand-made networks: the polygon covers every reached street section,
// stays within the access distance of them, leaves holes in big blocks, and agrees
// with the plain union of buffers; breaks, dissolve and the CLI outputs.
#include "../network/NetworkTestData.h"
#include "TestSupport.h"
#include "analysis/ServiceArea.h"
#include "network/Snapper.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace refuge;
using namespace refuge::test;

namespace {

// A 3×3 grid of 100 m blocks with one 300 m block in a corner (a hole at 50 m access),
// a cul-de-sac inside that big block and a spur sticking out.
std::vector<Road> town()
{
    std::vector<Road> r;
    for (int i = 0; i <= 3; ++i) { // streets share a vertex at every crossing
        r.push_back({{{0, i * 100.0}, {100, i * 100.0}, {200, i * 100.0}, {300, i * 100.0}}});
        r.push_back({{{i * 100.0, 0}, {i * 100.0, 100}, {i * 100.0, 200}, {i * 100.0, 300}}});
    }
    r.push_back({{{300, 0}, {600, 0}, {600, 150}, {600, 300}, {300, 300}}}); // the big block's outline
    r.push_back({{{600, 150}, {520, 150}}});                       // cul-de-sac into it
    r.push_back({{{0, 300}, {0, 420}}});                           // spur outwards
    return r;
}

// The town with a lollipop in the big block: the cul-de-sac goes on to a 40 m square
// loop in the block's middle (a face inside a face, the big one's inner part crossed by
// the street's buffer).
std::vector<Road> lollipopTown()
{
    std::vector<Road> r = town();
    r.push_back({{{520, 150}, {470, 150}}});
    r.push_back({{{470, 150}, {470, 170}, {430, 170}, {430, 150}}});
    r.push_back({{{430, 150}, {430, 130}, {470, 130}, {470, 150}}});
    return r;
}

// A jittered 12×12 grid of ~100 m blocks with some streets missing (as the benchmark
// city): many partial sections, dangles and faces of every size.
std::vector<Road> jitteredCity()
{
    std::vector<Road> r;
    std::uint32_t seed = 7;
    auto next = [&]() { // deterministic LCG in [0, 1)
        seed = seed * 1664525u + 1013904223u;
        return double(seed >> 8) / double(1u << 24);
    };
    QPointF pt[12][12];
    for (auto &row : pt)
        for (QPointF &q : row)
            q = {};
    for (int i = 0; i < 12; ++i)
        for (int j = 0; j < 12; ++j)
            pt[i][j] = {i * 100.0 + 30 * next() - 15, j * 100.0 + 30 * next() - 15};
    for (int i = 0; i < 12; ++i)
        for (int j = 0; j < 12; ++j) {
            if (i + 1 < 12 && next() > 0.12)
                r.push_back({{pt[i][j], pt[i + 1][j]}});
            if (j + 1 < 12 && next() > 0.12)
                r.push_back({{pt[i][j], pt[i][j + 1]}});
        }
    return r;
}

double coveredFraction(const Geometry &area, const std::vector<std::vector<QPointF>> &sections)
{
    GEOSContextHandle_t ctx = geosContext();
    const GeosGeom a = area.toGeos();
    const GeosPrepared pa = prepare(a.get());
    int covered = 0;
    for (const auto &s : sections) {
        const GeosGeom l = Geometry::lineString(s).toGeos();
        covered += GEOSPreparedCovers_r(ctx, pa.get(), l.get()) == 1 ? 1 : 0;
    }
    return sections.empty() ? 0.0 : double(covered) / double(sections.size());
}

} // namespace

class TestServiceArea : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void coversReachedStreetsOnly_data()
    {
        QTest::addColumn<int>("network"); // 0 town, 1 jittered city, 2 lollipop town
        QTest::addColumn<double>("limit");
        QTest::newRow("150 m (partial edges)") << 0 << 150.0;
        QTest::newRow("450 m") << 0 << 450.0;
        QTest::newRow("5 km (everything)") << 0 << 5000.0;
        QTest::newRow("jittered city 350 m") << 1 << 350.0;
        QTest::newRow("jittered city 700 m") << 1 << 700.0;
        QTest::newRow("lollipop in the big block, 5 km") << 2 << 5000.0;
        QTest::newRow("lollipop, its loop reached part-way") << 2 << 1000.0;
    }
    void coversReachedStreetsOnly()
    {
        QFETCH(int, network);
        QFETCH(double, limit);
        const bool city = network == 1;
        const RoadGraph g = buildGraph(city ? jitteredCity() : network == 2 ? lollipopTown() : town());
        NetworkSource src;
        src.at = Snapper(g).snap(city ? QPointF(530, 470) : QPointF(150, 150), 300);
        RoutingOptions o;
        o.unit = CostUnit::Meters;
        o.limit = limit;
        const ShortestPathTree tree = ShortestPathTree::compute(g, {src}, o);
        double street = 0;
        const auto sections = ServiceArea::reachedSections(tree, limit, -1, &street);
        QVERIFY(street > 0);
        const Geometry area = ServiceArea::bufferSections(sections, 50.0, 8);
        QCOMPARE(coveredFraction(area, sections), 1.0);
        // Nothing farther than 50 m from a reached section: the area shrunk by 50 m
        // (plus a hair) is disjoint from... equivalently its area is at most the
        // plain buffer union's, which is the exact set.
        GEOSContextHandle_t ctx = geosContext();
        std::vector<GEOSGeometry *> bufs;
        for (const auto &s : sections)
            bufs.push_back(GEOSBuffer_r(ctx, Geometry::lineString(s).toGeos().get(), 50.0, 8));
        GeosGeom coll(GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, bufs.data(), unsigned(bufs.size())));
        GeosGeom exact(GEOSUnaryUnion_r(ctx, coll.get()));
        double exactArea = 0;
        GEOSArea_r(ctx, exact.get(), &exactArea);
        // Round joins of merged chains and round caps of single sections approximate the
        // same arcs with different chords: equal up to a few m² per km².
        QVERIFY2(std::abs(area.area() - exactArea) < 1e-4 * exactArea,
                 qPrintable(QStringLiteral("%1 vs %2").arg(area.area()).arg(exactArea)));
        GeosGeom sym(GEOSSymDifference_r(ctx, area.toGeos().get(), exact.get()));
        double symArea = 0;
        GEOSArea_r(ctx, sym.get(), &symArea);
        QVERIFY(symArea < 1e-3 * exactArea);
        // Strictly nothing farther than 50 m: inside the union of 50.5 m capsules (whose
        // chords, 0.24 m inside their arcs at 8 segments, stay outside the 50 m circles).
        std::vector<GEOSGeometry *> wider;
        for (const auto &s : sections)
            wider.push_back(GEOSBuffer_r(ctx, Geometry::lineString(s).toGeos().get(), 50.5, 8));
        GeosGeom wideColl(GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, wider.data(), unsigned(wider.size())));
        GeosGeom wide(GEOSUnaryUnion_r(ctx, wideColl.get()));
        QVERIFY(GEOSCovers_r(ctx, wide.get(), area.toGeos().get()) == 1);
    }

    void bigBlockKeepsItsHole()
    {
        const RoadGraph g = buildGraph(town());
        NetworkSource src;
        src.at = Snapper(g).snap({150, 150}, 300);
        RoutingOptions o;
        o.unit = CostUnit::Meters;
        ServiceAreaParameters p;
        p.graph = g;
        p.facilities = {src};
        p.breaks = {5000};
        p.routing = o;
        Feedback fb;
        const VectorLayer layer = ServiceArea::run(p, fb);
        QCOMPARE(layer.featureCount(), 1);
        const GeosGeom a = layer.geometry(0).toGeos();
        GEOSContextHandle_t ctx = geosContext();
        auto contains = [&](QPointF q) {
            const GeosGeom pt = Geometry::point(q).toGeos();
            return GEOSContains_r(ctx, a.get(), pt.get()) == 1;
        };
        QVERIFY(contains({40, 45}));     // inside a small block: covered
        QVERIFY(!contains({420, 230}));  // middle of the big block, > 50 m from any street
        QVERIFY(contains({490, 150}));   // near the cul-de-sac's end inside it
        QVERIFY(contains({0, 460}));     // around the spur's end
        QVERIFY(!contains({0, 480}));
        QCOMPARE(layer.attribute(0, QStringLiteral("unit")).toString(), QStringLiteral("m"));
    }

    void breaksAndDissolve()
    {
        const RoadGraph g = buildGraph(town());
        const Snapper s(g);
        ServiceAreaParameters p;
        p.graph = g;
        for (QPointF q : {QPointF(0, 0), QPointF(600, 300)}) {
            NetworkSource src;
            src.at = s.snap(q, 300);
            p.facilities.push_back(src);
        }
        p.facilityIds = {QStringLiteral("A"), QStringLiteral("B")};
        p.breaks = {300, 100, 200};
        p.routing.unit = CostUnit::Meters;
        Feedback fb;
        const VectorLayer per = ServiceArea::run(p, fb);
        QCOMPARE(per.featureCount(), 6);
        double last = 0;
        for (int i = 0; i < 3; ++i) { // facility A's breaks come sorted, areas growing
            QCOMPARE(per.attribute(i, QStringLiteral("facility_id")).toString(), QStringLiteral("A"));
            QCOMPARE(per.attribute(i, QStringLiteral("break")).toDouble(), 100.0 * (i + 1));
            QVERIFY(per.attribute(i, QStringLiteral("area_m2")).toDouble() > last);
            last = per.attribute(i, QStringLiteral("area_m2")).toDouble();
        }
        p.dissolve = true;
        const VectorLayer dis = ServiceArea::run(p, fb);
        QCOMPARE(dis.featureCount(), 3);
        QCOMPARE(dis.attribute(0, QStringLiteral("facility_id")).toString(), QStringLiteral("all"));
        p.breaks = {0};
        QVERIFY_THROWS_EXCEPTION(InvalidInput, ServiceArea::run(p, fb));
    }

    void linesOutput()
    {
        const RoadGraph g = buildGraph(jitteredCity());
        ServiceAreaParameters p;
        p.graph = g;
        NetworkSource src;
        src.at = Snapper(g).snap({530, 470}, 300);
        p.facilities = {src};
        p.facilityIds = {QStringLiteral("F")};
        p.breaks = {300, 600};
        p.routing.unit = CostUnit::Meters;
        p.lines = true;
        Feedback fb;
        const ServiceAreaResult both = ServiceArea::compute(p, fb);
        QCOMPARE(both.areas.featureCount(), 2);
        QCOMPARE(both.lines.featureCount(), 2);
        GEOSContextHandle_t ctx = geosContext();
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(both.lines.attribute(i, QStringLiteral("facility_id")).toString(), QStringLiteral("F"));
            QCOMPARE(both.lines.attribute(i, QStringLiteral("break")).toDouble(), 300.0 * (i + 1));
            const Geometry &lines = both.lines.geometry(i);
            QCOMPARE(lines.type(), GeometryType::MultiLineString);
            // street_m is the length of the lines, the same as the polygon's
            const GeosGeom l = lines.toGeos();
            double length = 0;
            GEOSLength_r(ctx, l.get(), &length);
            QVERIFY(std::abs(length - both.lines.attribute(i, QStringLiteral("street_m")).toDouble()) < 1e-3 * length);
            QCOMPARE(both.lines.attribute(i, QStringLiteral("street_m")).toDouble(), both.areas.attribute(i, QStringLiteral("street_m")).toDouble());
            // the polygon covers its lines; a point 100 m (twice the access distance) from them is outside
            const GeosGeom a = both.areas.geometry(i).toGeos();
            QVERIFY(GEOSCovers_r(ctx, a.get(), l.get()) == 1);
            GeosGeom far(GEOSBuffer_r(ctx, l.get(), 100.0, 8));
            GeosGeom ring(GEOSBoundary_r(ctx, far.get()));
            GeosGeom inside(GEOSIntersection_r(ctx, ring.get(), a.get()));
            QVERIFY(GEOSisEmpty_r(ctx, inside.get()) == 1);
        }
        p.polygons = false;
        const ServiceAreaResult lines = ServiceArea::compute(p, fb);
        QCOMPARE(lines.areas.featureCount(), 0);
        QCOMPARE(lines.lines.featureCount(), 2);
        QCOMPARE(lines.lines.attribute(1, QStringLiteral("street_m")).toDouble(), both.lines.attribute(1, QStringLiteral("street_m")).toDouble());
    }

    void cliOutputLines()
    {
        QTemporaryDir dir;
        const QString gpkg = sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg"));
        const QStringList common = {QStringLiteral("service-area"), QStringLiteral("--network"), gpkg + QStringLiteral(":streets"),
                                    QStringLiteral("--facilities"), gpkg + QStringLiteral(":fire_stations"), QStringLiteral("--max-meters"),
                                    QStringLiteral("800"), QStringLiteral("--out"), dir.path(), QStringLiteral("--no-cache")};
        CliResult r = runCli(common + QStringList{QStringLiteral("--output"), QStringLiteral("both")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString out = dir.filePath(QStringLiteral("service_areas.gpkg"));
        const VectorLayer areas = VectorLayer::load({out, QStringLiteral("service_areas")});
        const VectorLayer lines = VectorLayer::load({out, QStringLiteral("service_lines")});
        QVERIFY(areas.featureCount() > 0);
        QCOMPARE(lines.featureCount(), areas.featureCount());
        QCOMPARE(lines.attribute(0, QStringLiteral("unit")).toString(), QStringLiteral("m"));
        QCOMPARE(lines.attribute(0, QStringLiteral("break")).toDouble(), 800.0);
        r = runCli(common + QStringList{QStringLiteral("--output"), QStringLiteral("lines")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(VectorLayer::layerNames(out), QStringList{QStringLiteral("service_lines")});
        r = runCli(common + QStringList{QStringLiteral("--output"), QStringLiteral("rings")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--output must be polygons, lines or both")), qPrintable(r.err));
    }

    void cliOnCambridge()
    {
        QTemporaryDir dir;
        const QString gpkg = sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg"));
        const CliResult r = runCli({QStringLiteral("service-area"), QStringLiteral("--network"), gpkg + QStringLiteral(":streets"),
                                    QStringLiteral("--facilities"), gpkg + QStringLiteral(":fire_stations"), QStringLiteral("--profile"),
                                    QStringLiteral("drive"), QStringLiteral("--oneway-field"), QStringLiteral("Direction"),
                                    QStringLiteral("--class-field"), QStringLiteral("MajorRoad"), QStringLiteral("--facility-id"),
                                    QStringLiteral("ENGINE"), QStringLiteral("--turnout-seconds"), QStringLiteral("60"),
                                    QStringLiteral("--max-minutes"), QStringLiteral("4"), QStringLiteral("--breaks"), QStringLiteral("2,4"),
                                    QStringLiteral("--out"), dir.path(), QStringLiteral("--cache-dir"), dir.filePath(QStringLiteral("cache"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const VectorLayer out = VectorLayer::load({dir.filePath(QStringLiteral("service_areas.gpkg")), QStringLiteral("service_areas")});
        QVERIFY(out.featureCount() >= 14);
        QVERIFY(out.fieldIndex(QStringLiteral("facility_id")) >= 0);
        QCOMPARE(out.attribute(0, QStringLiteral("unit")).toString(), QStringLiteral("min"));
        QFile f(dir.filePath(QStringLiteral("summary.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject s = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(s.value(QStringLiteral("polygons")).toInt(), out.featureCount());
        QVERIFY(s.value(QStringLiteral("facilities")).toObject().value(QStringLiteral("snapped")).toInt() >= 7);
    }

    void cliBadInput_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("message");
        const QString gpkg = sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg"));
        QTest::newRow("network not lines") << QStringList{QStringLiteral("--network"), gpkg + QStringLiteral(":shelters"),
                                                          QStringLiteral("--max-meters"), QStringLiteral("500")}
                                           << "must be lines";
        QTest::newRow("limit <= 0") << QStringList{QStringLiteral("--network"), gpkg + QStringLiteral(":streets"),
                                                   QStringLiteral("--max-meters"), QStringLiteral("0")}
                                    << "must be a number > 0";
        QTest::newRow("unknown profile") << QStringList{QStringLiteral("--network"), gpkg + QStringLiteral(":streets"),
                                                        QStringLiteral("--max-meters"), QStringLiteral("500"),
                                                        QStringLiteral("--profile"), QStringLiteral("hover")}
                                         << "unknown profile 'hover'";
        QTest::newRow("facilities outside") << QStringList{QStringLiteral("--network"),
                                                           sourcePath(QStringLiteral("maps/shanghai/shanghai_jingan_huangpu_osmnx.osm")),
                                                           QStringLiteral("--max-meters"), QStringLiteral("500")}
                                            << "outside the network's extent";
    }
    void cliBadInput()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString gpkg = sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg"));
        const CliResult r = runCli(QStringList{QStringLiteral("service-area"), QStringLiteral("--facilities"), gpkg + QStringLiteral(":shelters"),
                                               QStringLiteral("--out"), dir.path(), QStringLiteral("--no-cache")} + extra);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        // One line "refuge-cli: <file>: <problem>" (Qt's own environment notices aside).
        QStringList lines;
        for (const QString &l : r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (!l.startsWith(QLatin1String("QStandardPaths:")))
                lines << l;
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines[0].startsWith(QStringLiteral("refuge-cli: ")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestServiceArea)
#include "tst_servicearea.moc"
