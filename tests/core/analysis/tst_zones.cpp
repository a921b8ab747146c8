// Zones: nearest-facility zones do not overlap, tile the study area (the part beyond
// the access distance marked), split a street where two facilities' costs meet, agree
// with the engine's costs on every street point of the Cambridge sample; one facility
// numbering (the id field, else rows from 1); the CLI writes zones.gpkg.
#include "../network/NetworkTestData.h"
#include "TestSupport.h"
#include "analysis/Buffers.h"
#include "analysis/FacilityIds.h"
#include "analysis/ServiceArea.h"
#include "analysis/StudyArea.h"
#include "analysis/Zones.h"
#include "analysis/jobs/NetworkInputs.h"
#include "io/VectorWriter.h"
#include "network/Snapper.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace refuge;
using namespace refuge::test;

namespace {

// The Cambridge sample's streets and shelters (walk, metres, no limit), ids = names.
NetworkInputs cambridgeInputs(Feedback &fb)
{
    const QString gpkg = sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg"));
    NetworkSettings s;
    s.network = DataSource::parse(gpkg + QStringLiteral(":streets"));
    s.facilities = DataSource::parse(gpkg + QStringLiteral(":shelters"));
    s.facilityIdField = QStringLiteral("Name");
    s.unit = CostUnit::Meters;
    s.useCache = false;
    return NetworkInputs::open(s, fb);
}

ZonesParameters zonesParameters(const NetworkInputs &net)
{
    ZonesParameters p;
    p.graph = net.graph;
    p.facilities = net.sources;
    p.facilityIds = net.facilityIds;
    p.routing = net.routing;
    return p;
}

// Per facility (index into ids): its zone features, merged (empty when it has none).
std::vector<GeosGeom> zonesByFacility(const VectorLayer &zones, const QStringList &ids)
{
    GEOSContextHandle_t ctx = geosContext();
    std::vector<std::vector<GEOSGeometry *>> parts(std::size_t(ids.size()));
    for (int i = 0; i < zones.featureCount(); ++i) {
        const int f = int(ids.indexOf(zones.attribute(i, QStringLiteral("facility_id")).toString()));
        if (f >= 0)
            parts[std::size_t(f)].push_back(zones.geometry(i).toGeos().release());
    }
    std::vector<GeosGeom> out;
    for (auto &p : parts) {
        if (p.empty()) {
            out.emplace_back();
            continue;
        }
        GeosGeom coll(GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, p.data(), unsigned(p.size())));
        out.emplace_back(GEOSUnaryUnion_r(ctx, coll.get()));
    }
    return out;
}

// True when a link other than l, sharing no junction with it, passes within 1 m of
// `at` (a bridge or a street drawn across another): the plane cannot give that
// point to both.
bool crossesAnotherStreet(const RoadGraph &g, int l, QPointF at)
{
    const int a = g.linkFrom(l), b = g.linkTo(l);
    for (int k = 0; k < g.linkCount(); ++k) {
        if (k == l || g.linkFrom(k) == a || g.linkFrom(k) == b || g.linkTo(k) == a || g.linkTo(k) == b)
            continue;
        if (!g.linkBounds(k).adjusted(-1, -1, 1, 1).contains(at))
            continue;
        const QPointF *p = g.linkPoints(k);
        for (int i = 0; i + 1 < g.linkPointCount(k); ++i) {
            const QPointF d = p[i + 1] - p[i];
            const double len2 = QPointF::dotProduct(d, d);
            const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(at - p[i], d) / len2, 0.0, 1.0) : 0.0;
            const QPointF q = p[i] + d * t;
            if (std::hypot(q.x() - at.x(), q.y() - at.y()) <= 1.0)
                return true;
        }
    }
    return false;
}

} // namespace

class TestZones : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void splitsWhereCostsMeet()
    {
        // One 400 m street, facilities at x=0 (turnout 100 m) and x=400: they meet at x=150.
        const RoadGraph g = buildGraph({{{{0, 0}, {100, 0}, {200, 0}, {300, 0}, {400, 0}}}});
        const Snapper s(g);
        ZonesParameters p;
        p.graph = g;
        p.facilities = {{s.snap({0, 0}, 10), 100.0}, {s.snap({400, 0}, 10), 0.0}};
        p.facilityIds = {QStringLiteral("west"), QStringLiteral("east")};
        p.routing.unit = CostUnit::Meters;
        Feedback fb;
        const VectorLayer z = Zones::run(p, fb);
        // Per facility a part within the 50 m access distance and one beyond it (the
        // corners of the default study area, the street's box grown by 50 m).
        QCOMPARE(z.featureCount(), 4);
        QCOMPARE(z.attribute(0, QStringLiteral("facility_id")).toString(), QStringLiteral("west"));
        QCOMPARE(z.attribute(0, QStringLiteral("access")).toString(), QStringLiteral("within_access_distance"));
        QCOMPARE(z.attribute(1, QStringLiteral("access")).toString(), QStringLiteral("beyond_access_distance"));
        QCOMPARE(z.attribute(2, QStringLiteral("facility_id")).toString(), QStringLiteral("east"));
        QVERIFY(std::abs(z.attribute(0, QStringLiteral("street_m")).toDouble() - 150.0) < 1e-6);
        QVERIFY(std::abs(z.attribute(2, QStringLiteral("street_m")).toDouble() - 250.0) < 1e-6);
        const std::vector<GeosGeom> zone = zonesByFacility(z, p.facilityIds);
        GEOSContextHandle_t ctx = geosContext();
        GeosGeom both(GEOSIntersection_r(ctx, zone[0].get(), zone[1].get()));
        double overlap = 0;
        GEOSArea_r(ctx, both.get(), &overlap);
        QVERIFY(overlap < 1e-6);
        auto areaOf = [&](int i) { return z.attribute(i, QStringLiteral("area_m2")).toDouble(); };
        const double within = areaOf(0) + areaOf(2), all = within + areaOf(1) + areaOf(3);
        const double expected = 400 * 100 + 3.14159265 * 50 * 50;
        QVERIFY2(std::abs(within - expected) < 0.01 * expected, qPrintable(QString::number(within)));
        QVERIFY2(std::abs(all - 500 * 100) < 1e-6, qPrintable(QString::number(all)));
        // The boundary between them is at x = 150, out to the edge of the area.
        for (const double y : {20.0, 49.0}) {
            const GeosGeom west = Geometry::point({149, y}).toGeos(), east = Geometry::point({151, y}).toGeos();
            QVERIFY(GEOSContains_r(ctx, zone[0].get(), west.get()) == 1);
            QVERIFY(GEOSContains_r(ctx, zone[1].get(), east.get()) == 1);
        }
    }

    void facilityOnAStreetOwnsItsPart()
    {
        // A 300 m street; facility A sits in its middle (x=150), facility B 100 m beyond
        // its east end on a side street. Costs are equal at x = 150 + (100 + 150 - 0)/2:
        // A owns [0, 275], B the rest (before, the links reached from their ends were
        // given to the ends' owner and A owned nothing of its own street).
        const RoadGraph g = buildGraph({{{{0, 0}, {300, 0}}}, {{{300, 0}, {300, 100}}}});
        const Snapper s(g);
        ZonesParameters p;
        p.graph = g;
        p.facilities = {{s.snap({150, 0}, 10), 0.0}, {s.snap({300, 100}, 10), 0.0}};
        p.routing.unit = CostUnit::Meters;
        Feedback fb;
        const VectorLayer z = Zones::run(p, fb);
        QCOMPARE(z.attribute(0, QStringLiteral("facility_id")).toString(), QStringLiteral("1"));
        QVERIFY2(std::abs(z.attribute(0, QStringLiteral("street_m")).toDouble() - 275.0) < 1e-6,
                 qPrintable(z.attribute(0, QStringLiteral("street_m")).toString()));
        const std::vector<GeosGeom> zone = zonesByFacility(z, {QStringLiteral("1"), QStringLiteral("2")});
        GEOSContextHandle_t ctx = geosContext();
        for (const double x : {10.0, 150.0, 270.0}) {
            const GeosGeom pt = Geometry::point({x, 5}).toGeos();
            QVERIFY2(GEOSContains_r(ctx, zone[0].get(), pt.get()) == 1, qPrintable(QString::number(x)));
        }
        const GeosGeom pt = Geometry::point({290, 1}).toGeos();
        QVERIFY(GEOSContains_r(ctx, zone[1].get(), pt.get()) == 1);
    }

    void zonesTileTheStudyAreaOnCambridge()
    {
        // The neighbourhoods (the sample's communities) as the study area: the zones
        // cover all of it, do not overlap, and each shelter lies in its own zone.
        Feedback fb;
        const NetworkInputs net = cambridgeInputs(fb);
        ZonesParameters p = zonesParameters(net);
        p.studyArea = StudyArea::load(DataSource::parse(sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg:neighborhoods"))),
                                      net.graph.crs());
        const VectorLayer z = Zones::run(p, fb);
        GEOSContextHandle_t ctx = geosContext();
        double sum = 0, within = 0;
        std::vector<GEOSGeometry *> all;
        for (int i = 0; i < z.featureCount(); ++i) {
            sum += z.geometry(i).area();
            if (z.attribute(i, QStringLiteral("access")).toString() == QLatin1String("within_access_distance"))
                within += z.geometry(i).area();
            all.push_back(z.geometry(i).toGeos().release());
        }
        const GeosGeom coll(GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, all.data(), unsigned(all.size())));
        const GeosGeom merged(GEOSUnaryUnion_r(ctx, coll.get()));
        double unionArea = 0;
        GEOSArea_r(ctx, merged.get(), &unionArea);
        const double study = p.studyArea.area();
        qInfo("zones tile %.4f %% of the study area (%.3f km²), overlap %.3f m², within the access distance %.1f %%",
              100 * unionArea / study, study / 1e6, sum - unionArea, 100 * within / study);
        QVERIFY2(std::abs(unionArea - study) < 0.001 * study, qPrintable(QString::number(unionArea / study)));
        QVERIFY2(sum - unionArea < 1e-6 * study, qPrintable(QString::number(sum - unionArea)));
        QVERIFY(within < 0.9 * study); // the rest is there, marked beyond the access distance
        const std::vector<GeosGeom> zone = zonesByFacility(z, net.facilityIds);
        for (int f = 0; f < net.facilities.featureCount(); ++f) {
            const GeosGeom pt = net.facilities.geometry(f).toGeos();
            QVERIFY2(zone[std::size_t(f)] && GEOSContains_r(ctx, zone[std::size_t(f)].get(), pt.get()) == 1,
                     qPrintable(net.facilityIds[f]));
        }
    }

    void zonesAgreeWithCoverageOnCambridge()
    {
        // Every 5 m along every street of the sample: the zone holding the point is the
        // facility nearest to it by the engine's own costs (node costs + the offset
        // along the link, from both ends, and facilities on the link itself — what
        // coverage uses), up to a tie of 1 cm, or the point lies within 3 m of the
        // nearest facility's zone (the boundary between samples).
        Feedback fb;
        const NetworkInputs net = cambridgeInputs(fb);
        const VectorLayer zones = Zones::run(zonesParameters(net), fb);
        const std::vector<GeosGeom> zone = zonesByFacility(zones, net.facilityIds);
        GEOSContextHandle_t ctx = geosContext();
        std::vector<GeosPrepared> prepared;
        for (const GeosGeom &z : zone)
            prepared.push_back(z ? prepare(z.get()) : GeosPrepared());
        const RoadGraph &g = net.graph;
        const ShortestPathTree all = ShortestPathTree::compute(g, net.sources, net.routing);
        std::vector<ShortestPathTree> each;
        for (const NetworkSource &s : net.sources)
            each.push_back(ShortestPathTree::compute(g, {s}, net.routing));
        int points = 0, exact = 0, ties = 0, nearBoundary = 0, crossings = 0;
        QStringList wrong;
        for (int l = 0; l < g.linkCount(); ++l) {
            for (double x = 2.5; x < g.linkMeters(l); x += 5) {
                SnappedPoint probe;
                probe.link = l;
                probe.offsetMeters = x;
                int nearest = -1;
                const double cost = all.costTo(probe, &nearest);
                if (nearest < 0)
                    continue; // an island no facility reaches
                ++points;
                const QPointF at = g.linkPointAt(l, x);
                const GeosGeom pt(GEOSGeom_createPointFromXY_r(ctx, at.x(), at.y()));
                int holder = -1;
                for (std::size_t f = 0; f < prepared.size() && holder < 0; ++f)
                    if (prepared[f] && GEOSPreparedIntersects_r(ctx, prepared[f].get(), pt.get()) == 1)
                        holder = int(f);
                if (holder == nearest) {
                    ++exact;
                    continue;
                }
                if (holder >= 0 && each[std::size_t(holder)].costTo(probe) - cost <= 0.01) {
                    ++ties;
                    continue;
                }
                double d = 1e9;
                if (prepared[std::size_t(nearest)])
                    GEOSPreparedDistance_r(ctx, prepared[std::size_t(nearest)].get(), pt.get(), &d);
                if (d <= 3.0) {
                    ++nearBoundary;
                    continue;
                }
                if (crossesAnotherStreet(g, l, at)) {
                    ++crossings; // two streets crossing without a junction: one plane point
                    continue;
                }
                if (wrong.size() < 10)
                    wrong << QStringLiteral("link %1 at %2 m (%3, %4): in %5's zone, nearest %6 (%7 m vs %8 m)")
                                 .arg(l).arg(x).arg(at.x(), 0, 'f', 1).arg(at.y(), 0, 'f', 1)
                                 .arg(holder >= 0 ? net.facilityIds[holder] : QStringLiteral("no"), net.facilityIds[nearest])
                                 .arg(cost, 0, 'f', 1).arg(holder >= 0 ? each[std::size_t(holder)].costTo(probe) : -1.0, 0, 'f', 1);
                else
                    wrong << QString();
            }
        }
        qInfo("zones sweep: %d street points every 5 m: %d in the nearest facility's zone, %d ties, %d within 3 m of it, "
              "%d where streets cross without a junction, %d wrong",
              points, exact, ties, nearBoundary, crossings, int(wrong.size()));
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
        QVERIFY(points > 40000);
        QVERIFY(nearBoundary + crossings < points / 1000);
    }

    void straightLineBuffersAreLabelled()
    {
        BufferParameters p;
        p.facilities = {{0, 0}, {150, 0}};
        p.radiiMeters = {100, 50};
        p.crs = Crs::fromEpsg(32651);
        Feedback fb;
        const VectorLayer each = Buffers::run(p, fb);
        QCOMPARE(each.featureCount(), 4);
        QCOMPARE(each.attribute(0, QStringLiteral("break")).toDouble(), 50.0);
        QVERIFY(each.attribute(0, QStringLiteral("method")).toString().startsWith(QStringLiteral("straight-line")));
        QVERIFY(std::abs(each.attribute(0, QStringLiteral("area_m2")).toDouble() - 3.14159265 * 2500) < 0.01 * 3.14159265 * 2500);
        p.dissolve = true;
        const VectorLayer merged = Buffers::run(p, fb);
        QCOMPARE(merged.featureCount(), 2);
        QVERIFY(merged.attribute(1, QStringLiteral("area_m2")).toDouble() < 2 * 3.14159265 * 10000); // the 100 m circles overlap
    }

    void cliOnCambridge()
    {
        QTemporaryDir dir;
        const QString gpkg = sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg"));
        const CliResult r = runCli({QStringLiteral("zones"), QStringLiteral("--network"), gpkg + QStringLiteral(":streets"),
                                    QStringLiteral("--facilities"), gpkg + QStringLiteral(":shelters"), QStringLiteral("--study-area"),
                                    gpkg + QStringLiteral(":neighborhoods"), QStringLiteral("--max-meters"), QStringLiteral("1500"),
                                    QStringLiteral("--out"), dir.path(), QStringLiteral("--no-cache")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("zones: 15 zones for 15 of 15 facilities")), qPrintable(r.out));
        const VectorLayer z = VectorLayer::load({dir.filePath(QStringLiteral("zones.gpkg")), QStringLiteral("zones")});
        // No id field: the row numbers from 1, as coverage numbers them.
        QStringList ids;
        for (int i = 0; i < z.featureCount(); ++i)
            ids << z.attribute(i, QStringLiteral("facility_id")).toString();
        ids.removeDuplicates();
        QStringList expected;
        for (int i = 1; i <= 15; ++i)
            expected << QString::number(i);
        std::sort(ids.begin(), ids.end(), [](const QString &a, const QString &b) { return a.toInt() < b.toInt(); });
        QCOMPARE(ids, expected);
        QFile f(dir.filePath(QStringLiteral("summary.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject summary = QJsonDocument::fromJson(f.readAll()).object();
        QVERIFY(std::abs(summary.value(QStringLiteral("tiled_share")).toDouble() - 1.0) < 0.001);
        QCOMPARE(summary.value(QStringLiteral("zones")).toInt(), 15);
        QVERIFY(summary.value(QStringLiteral("area_beyond_access_m2")).toDouble() > 0);
    }

    void studyAreaMustBePolygons()
    {
        // Refused before the network is built: no graph cache written (was: the streets'
        // graph built and cached, then the study area refused).
        QTemporaryDir dir, cache;
        const QByteArray oldCache = qgetenv("XDG_CACHE_HOME");
        qputenv("XDG_CACHE_HOME", cache.path().toUtf8());
        const QString gpkg = sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg"));
        const CliResult r = runCli({QStringLiteral("zones"), QStringLiteral("--network"), gpkg + QStringLiteral(":streets"),
                                    QStringLiteral("--facilities"), gpkg + QStringLiteral(":shelters"), QStringLiteral("--study-area"),
                                    gpkg + QStringLiteral(":hospitals"), QStringLiteral("--out"), dir.path()});
        if (oldCache.isNull())
            qunsetenv("XDG_CACHE_HOME");
        else
            qputenv("XDG_CACHE_HOME", oldCache);
        QDirIterator files(cache.path(), QDir::Files, QDirIterator::Subdirectories);
        QVERIFY2(!files.hasNext(), qPrintable(files.hasNext() ? files.next() : QString()));
        QCOMPARE(r.exitCode, 2);
        const QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines[0].startsWith(QStringLiteral("refuge-cli: ")) && lines[0].contains(QStringLiteral("hospitals"))
                     && lines[0].contains(QStringLiteral("the study area must be polygons")),
                 qPrintable(lines[0]));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("zones.gpkg"))));
    }

    void facilityIdRule()
    {
        VectorLayer l(QStringLiteral("f"), GeometryType::Point, Crs::fromEpsg(32651));
        l.addField({QStringLiteral("Id"), FieldType::String});
        l.addField({QStringLiteral("name"), FieldType::String});
        for (const char *id : {"a", " b ", "c"})
            l.addFeature(Geometry::point({0, 0}), {QString::fromLatin1(id), QStringLiteral("n")});
        QCOMPARE(FacilityIds::field(l, {}), 0);
        QCOMPARE(FacilityIds::id(l, 0, 1), QStringLiteral("b"));
        QCOMPARE(FacilityIds::field(l, QStringLiteral("name")), 1);
        QVERIFY_THROWS_EXCEPTION(InvalidInput, FacilityIds::field(l, QStringLiteral("code")));
        QCOMPARE(FacilityIds::id(l, -1, 0), QStringLiteral("1"));
        // An "id" field that does not name every row once is not the default.
        l.setAttribute(2, 0, QStringLiteral("a"));
        QCOMPARE(FacilityIds::field(l, {}), -1);
        l.setAttribute(2, 0, QVariant());
        QCOMPARE(FacilityIds::field(l, {}), -1);
    }

    void idFieldByDefault()
    {
        // A facility layer with an "ID" field: zones and coverage name facilities by it
        // without --facility-id.
        QTemporaryDir dir;
        const QString gpkg = sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg"));
        const VectorLayer shelters = VectorLayer::load(DataSource::parse(gpkg + QStringLiteral(":shelters")));
        VectorLayer withId(QStringLiteral("shelters"), GeometryType::Point, shelters.crs());
        withId.addField({QStringLiteral("ID"), FieldType::String});
        withId.addField({QStringLiteral("Capacity"), FieldType::Real});
        for (int i = 0; i < shelters.featureCount(); ++i)
            withId.addFeature(shelters.geometry(i), {QStringLiteral("S%1").arg(100 + i), shelters.attribute(i, QStringLiteral("Capacity"))});
        const QString facilities = dir.filePath(QStringLiteral("shelters.gpkg"));
        VectorWriter::write(withId, facilities, QStringLiteral("shelters"));
        const CliResult zr = runCli({QStringLiteral("zones"), QStringLiteral("--network"), gpkg + QStringLiteral(":streets"),
                                     QStringLiteral("--facilities"), facilities, QStringLiteral("--max-meters"), QStringLiteral("800"),
                                     QStringLiteral("--out"), dir.filePath(QStringLiteral("z")), QStringLiteral("--no-cache")});
        QVERIFY2(zr.exitCode == 0, qPrintable(zr.err));
        const VectorLayer z = VectorLayer::load({dir.filePath(QStringLiteral("z/zones.gpkg")), QStringLiteral("zones")});
        QVERIFY(z.featureCount() > 0);
        for (int i = 0; i < z.featureCount(); ++i)
            QVERIFY(z.attribute(i, QStringLiteral("facility_id")).toString().startsWith(QLatin1Char('S')));
        const CliResult cr = runCli({QStringLiteral("coverage"), QStringLiteral("--network"), gpkg + QStringLiteral(":streets"),
                                     QStringLiteral("--facilities"), facilities, QStringLiteral("--capacity-field"), QStringLiteral("Capacity"),
                                     QStringLiteral("--demand"), gpkg + QStringLiteral(":blocks_2000"), QStringLiteral("--population-field"),
                                     QStringLiteral("POP_LAB"), QStringLiteral("--max-meters"), QStringLiteral("800"), QStringLiteral("--out"),
                                     dir.filePath(QStringLiteral("c")), QStringLiteral("--no-cache")});
        QVERIFY2(cr.exitCode == 0, qPrintable(cr.err));
        QFile csv(dir.filePath(QStringLiteral("c/facilities.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 16);
        QStringList ids;
        for (int i = 1; i < lines.size(); ++i)
            ids << lines[i].section(QLatin1Char(','), 0, 0);
        std::sort(ids.begin(), ids.end());
        QCOMPARE(ids.front(), QStringLiteral("S100"));
        QCOMPARE(ids.back(), QStringLiteral("S114"));
    }
};

QTEST_GUILESS_MAIN(TestZones)
#include "tst_zones.moc"
