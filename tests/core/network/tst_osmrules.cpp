// The profiles' OSM rules, one way per rule (tests/data/osm/rules.osm: way k is a
// 0.001° street at latitude k/100, so a link's way is round(y / 1105.74 m)): railway and
// wall left out, foot=no closes for walking only, a foot=yes opens a motorway and wins
// over access=private, access=no + motor_vehicle=yes drives, roundabout and motorway
// one-way when driving (not with oneway=no), oneway=-1 backward, reversible closed for
// driving, maxspeed, the area=yes pedestrian square's outline walkable, and
// network-check's list of what was left out.
#include "TestSupport.h"
#include "analysis/NetworkCheck.h"
#include "analysis/ServiceArea.h"
#include "io/Gdal.h"
#include "network/GraphCache.h"
#include "network/OsmSource.h"
#include "network/RoadGraphBuilder.h"
#include "network/Snapper.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <gdal_utils.h>
#include <map>

using namespace refuge;

namespace {

RoadGraphOptions rulesOsm(const QString &profile)
{
    RoadGraphOptions o;
    o.source = DataSource{refuge::test::dataPath(QStringLiteral("osm/rules.osm")), {}};
    o.profile = Profile::load(profile);
    o.useCache = false;
    return o;
}

// Way number of each link (its latitude in hundredths, from the UTM y).
int wayOf(const RoadGraph &g, int l) { return int(std::lround(g.linkPoints(l)[0].y() / 1105.74)); }

std::map<QString, qint64> reasons(const RoadGraphReport &r)
{
    std::map<QString, qint64> out;
    for (auto it = r.excludedWays.begin(); it != r.excludedWays.end(); ++it)
        out[it.key()] = it->ways;
    return out;
}

} // namespace

class TestOsmRules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void walk()
    {
        RoadGraphReport report;
        const RoadGraph g = RoadGraphBuilder::open(rulesOsm(QStringLiteral("walk")), nullptr, &report);
        const std::map<QString, qint64> want = {{QStringLiteral("railway"), 1},          {QStringLiteral("foot=no"), 1},
                                                {QStringLiteral("highway=motorway"), 1}, {QStringLiteral("access=private"), 1},
                                                {QStringLiteral("access=no"), 1},        {QStringLiteral("highway=construction"), 1},
                                                {QStringLiteral("barrier"), 1},          {QStringLiteral("highway=motorway_link"), 1}};
        QCOMPARE(reasons(report), want);
        std::map<int, int> links;
        for (int l = 0; l < g.linkCount(); ++l) {
            ++links[wayOf(g, l)];
            QCOMPARE(g.linkOneWay(l), OneWay::Both); // walking ignores one-way
        }
        // Ways 1, 4, 5, 7 (motorway, foot=yes), 8, 11, 14, 15, 17, 18 (private, foot=yes);
        // the square (split where the footway 21 joins it) and that footway at 20.
        const std::map<int, int> wantLinks = {{1, 1}, {4, 1}, {5, 1}, {7, 1}, {8, 1}, {11, 1}, {14, 1}, {15, 1}, {17, 1}, {18, 1}, {20, 3}};
        QCOMPARE(links, wantLinks);
        double square = 0;
        for (int l = 0; l < g.linkCount(); ++l)
            if (wayOf(g, l) == 20)
                square += g.linkMeters(l);
        QVERIFY2(std::abs(square - 5 * 111.3) < 2, qPrintable(QString::number(square))); // 4 sides + the footway
    }

    void drive()
    {
        RoadGraphReport report;
        const RoadGraph g = RoadGraphBuilder::open(rulesOsm(QStringLiteral("drive")), nullptr, &report);
        const std::map<QString, qint64> want = {{QStringLiteral("railway"), 1},          {QStringLiteral("highway=footway"), 2},
                                                {QStringLiteral("access=private"), 2},   {QStringLiteral("oneway=reversible"), 1},
                                                {QStringLiteral("highway=construction"), 1}, {QStringLiteral("barrier"), 1},
                                                {QStringLiteral("vehicle=no"), 1},       {QStringLiteral("area=yes"), 1}};
        QCOMPARE(reasons(report), want);
        std::map<int, OneWay> oneway;
        std::map<int, double> kmh;
        for (int l = 0; l < g.linkCount(); ++l) {
            const int k = wayOf(g, l);
            QVERIFY2(oneway.count(k) == 0, qPrintable(QString::number(k)));
            oneway[k] = g.linkOneWay(l);
            const double forward = g.linkCost(l, false, CostUnit::Seconds);
            const double seconds = std::isfinite(forward) ? forward : g.linkCost(l, true, CostUnit::Seconds);
            kmh[k] = g.linkMeters(l) / seconds * 3.6;
        }
        const std::map<int, OneWay> wantOneWay = {{1, OneWay::Both},     {3, OneWay::Both},    {4, OneWay::Forward},
                                                   {5, OneWay::Backward}, {6, OneWay::Forward}, {7, OneWay::Forward},
                                                   {10, OneWay::Both},   {14, OneWay::Both},   {16, OneWay::Both},
                                                   {17, OneWay::Both}};
        QCOMPARE(oneway, wantOneWay);
        // Class speeds of drive.json, maxspeed=50 over the residential 30, a footway
        // opened by motor_vehicle=yes at the default 30.
        QCOMPARE(std::lround(kmh[1]), 30L);
        QCOMPARE(std::lround(kmh[6]), 100L);
        QCOMPARE(std::lround(kmh[14]), 50L);
        QCOMPARE(std::lround(kmh[17]), 30L);
    }

    void networkCheckListsReasons()
    {
        RoadGraphReport report;
        const RoadGraph g = RoadGraphBuilder::open(rulesOsm(QStringLiteral("drive")), nullptr, &report);
        Feedback feedback;
        const NetworkCheckReport check = NetworkCheck::run(g, report, {}, {}, feedback);
        const QStringList lines = check.lines();
        // 9 ways of 111.3 m and the square's 445 m outline: 1,447 m.
        QVERIFY2(lines.contains(QStringLiteral("Left out by the profile's OSM rules: 10 ways, 1.4 km")), qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY(lines.contains(QStringLiteral("  railway: 1 ways, 0.1 km")));
        QVERIFY(lines.contains(QStringLiteral("  area=yes: 1 ways, 0.4 km")));
        QCOMPARE(check.toJson().value(QStringLiteral("excluded_ways")).toObject().value(QStringLiteral("highway=footway"))
                     .toObject().value(QStringLiteral("ways")).toInt(), 2);
        QVERIFY(report.messages().join(QLatin1Char(' ')).contains(QStringLiteral("10 OSM ways left out")));
    }

    void networkCheckCli()
    {
        // Twice with the graph cache on: an OSM network-check builds (counting what it
        // leaves out) rather than loading a cached graph without the counts.
        QTemporaryDir dir, cache;
        qputenv("XDG_CACHE_HOME", cache.path().toUtf8());
        for (int run = 0; run < 2; ++run) {
            const refuge::test::CliResult r = refuge::test::runCli(
                {QStringLiteral("network-check"), QStringLiteral("--network"), refuge::test::dataPath(QStringLiteral("osm/rules.osm")),
                 QStringLiteral("--profile"), QStringLiteral("walk"), QStringLiteral("--out"), dir.path()});
            QCOMPARE(r.exitCode, 1); // every way is its own island
            QVERIFY2(r.out.contains(QStringLiteral("Left out by the profile's OSM rules: 8 ways, 0.9 km\n")), qPrintable(r.out + r.err));
            QVERIFY(r.out.contains(QStringLiteral("  foot=no: 1 ways, 0.1 km\n")));
            QFile summary(dir.filePath(QStringLiteral("summary.json")));
            QVERIFY(summary.open(QIODevice::ReadOnly));
            const QJsonObject excluded = QJsonDocument::fromJson(summary.readAll()).object().value(QStringLiteral("check")).toObject()
                                             .value(QStringLiteral("excluded_ways")).toObject();
            QCOMPARE(excluded.size(), 8);
            QCOMPARE(excluded.value(QStringLiteral("railway")).toObject().value(QStringLiteral("ways")).toInt(), 1);
        }
    }

    void convertedExtract()
    {
        // `ogr2ogr out.gpkg extract.osm lines` (GDAL's own osmconf.ini: osm_id, highway
        // and other_tags fields) gets the same OSM rules as the extract: the same ways
        // left out and the same graph (was: every line a street, the railway and the
        // wall included). The pedestrian square (area=yes) is in the multipolygons layer,
        // not converted: the GeoPackage has neither its outline nor its area=yes count.
        QTemporaryDir dir;
        ensureGdal();
        const QString gpkg = dir.filePath(QStringLiteral("rules.gpkg"));
        {
            GdalDataset src = openDataset(refuge::test::dataPath(QStringLiteral("osm/rules.osm")), GDAL_OF_VECTOR);
            CslList args = toCsl({QStringLiteral("-f"), QStringLiteral("GPKG"), QStringLiteral("lines")});
            GDALVectorTranslateOptions *vto = GDALVectorTranslateOptionsNew(args.get(), nullptr);
            GDALDatasetH srcHandle = src.get();
            GdalDataset out(GDALVectorTranslate(gpkg.toUtf8().constData(), nullptr, 1, &srcHandle, vto, nullptr));
            GDALVectorTranslateOptionsFree(vto);
            QVERIFY(out);
        }
        const DataSource converted{gpkg, QStringLiteral("lines")};
        QVERIFY(OsmSource::isOsmSource(converted));
        QVERIFY(!OsmSource::isOsmSource(DataSource{refuge::test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")), QStringLiteral("streets")}));
        for (const QString &profile : {QStringLiteral("walk"), QStringLiteral("drive")}) {
            RoadGraphReport fromOsm, fromGpkg;
            RoadGraphOptions o = rulesOsm(profile);
            const RoadGraph a = RoadGraphBuilder::open(o, nullptr, &fromOsm);
            o.source = converted;
            const RoadGraph b = RoadGraphBuilder::open(o, nullptr, &fromGpkg);
            std::map<QString, qint64> want = reasons(fromOsm);
            want.erase(QStringLiteral("area=yes"));
            QCOMPARE(reasons(fromGpkg), want);
            QVERIFY(reasons(fromGpkg).count(QStringLiteral("railway")) == 1);
            double meters = 0;
            for (int l = 0; l < a.linkCount(); ++l)
                meters += a.linkMeters(l);
            for (int l = 0; l < b.linkCount(); ++l)
                meters -= b.linkMeters(l);
            std::map<int, OneWay> oneWayA, oneWayB;
            for (int l = 0; l < a.linkCount(); ++l)
                if (wayOf(a, l) != 20)
                    oneWayA[wayOf(a, l)] = a.linkOneWay(l);
            for (int l = 0; l < b.linkCount(); ++l)
                if (wayOf(b, l) != 20)
                    oneWayB[wayOf(b, l)] = b.linkOneWay(l);
            QCOMPARE(oneWayB, oneWayA);
            // Walking, the .osm graph has the square's outline (4 sides) more.
            QVERIFY2(std::abs(meters - (profile == QLatin1String("walk") ? 4 * 111.3 : 0.0)) < 2, qPrintable(QString::number(meters)));
        }
    }

    void loopStreetIsReached()
    {
        // The lollipop's ring (4 × 110.6 m) is a link from a node to itself: it has no arc,
        // yet it is reached from its node like any street (was: only the 110.6 m stem).
        RoadGraphOptions o = rulesOsm(QStringLiteral("walk"));
        o.source.path = refuge::test::dataPath(QStringLiteral("osm/lollipop.osm"));
        const RoadGraph g = RoadGraphBuilder::open(o);
        QCOMPARE(g.linkCount(), 2);
        int west = 0; // node 1, the stem's free end
        for (int n = 1; n < g.nodeCount(); ++n)
            if (g.node(n).x() < g.node(west).x())
                west = n;
        const SnappedLayer start = Snapper::snapPoints(g, {g.node(west)}, 1.0);
        RoutingOptions routing;
        routing.limit = 3600;
        double reached = 0;
        ServiceArea::reachedSections(ShortestPathTree::compute(g, {NetworkSource{start.points.at(0)}}, routing), 3600, -1, &reached);
        double all = 0;
        for (int l = 0; l < g.linkCount(); ++l)
            all += g.linkMeters(l);
        QVERIFY2(std::abs(all - 5 * 110.6) < 2, qPrintable(QString::number(all)));
        QCOMPARE(std::lround(reached), std::lround(all));
    }

    void cacheKeyFollowsOsmRules()
    {
        // An OSM source's graph depends on the profile's OSM rules: they are in its cache
        // key. Other sources' keys do not change with them (nor from before they existed).
        const QJsonObject base{{QStringLiteral("name"), QStringLiteral("t")}, {QStringLiteral("default_speed_kmh"), 5}};
        QJsonObject footway = base, path = base;
        footway.insert(QStringLiteral("osm"), QJsonObject{{QStringLiteral("ways"), QJsonArray{QStringLiteral("highway=footway")}}});
        path.insert(QStringLiteral("osm"), QJsonObject{{QStringLiteral("ways"), QJsonArray{QStringLiteral("highway=path")}}});
        RoadGraphOptions a = rulesOsm(QStringLiteral("walk")), b = a, c = a;
        a.profile = Profile::fromJson(footway, QStringLiteral("t"));
        b.profile = Profile::fromJson(path, QStringLiteral("t"));
        c.profile = Profile::fromJson(base, QStringLiteral("t"));
        QVERIFY(GraphCache::key(a) != GraphCache::key(b));
        const DataSource streets{refuge::test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")), QStringLiteral("streets")};
        a.source = b.source = c.source = streets;
        QVERIFY(!GraphCache::key(a).isEmpty());
        QCOMPARE(GraphCache::key(a), GraphCache::key(b));
        QCOMPARE(GraphCache::key(a), GraphCache::key(c));
    }

    void hstore()
    {
        // GDAL's other_tags: quotes and backslashes escaped, "=>" and commas inside values.
        OsmTags tags;
        parseOsmHstore(QStringLiteral("\"vehicle\"=>\"no\",\"name:zh\"=>\"a \\\"b\\\", c=>d\",\"note\"=>\"x\\\\y\""), tags);
        QCOMPARE(tags.size(), 3);
        QCOMPARE(tags.value(QStringLiteral("vehicle")), QStringLiteral("no"));
        QCOMPARE(tags.value(QStringLiteral("name:zh")), QStringLiteral("a \"b\", c=>d"));
        QCOMPARE(tags.value(QStringLiteral("note")), QStringLiteral("x\\y"));
        parseOsmHstore(QStringLiteral("\"broken\"=>\"no end"), tags); // truncated: nothing added
        QCOMPARE(tags.size(), 3);
    }

    void nothingUsable()
    {
        // Only ways the profile may not use: the message says why, not "empty".
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rail.osm"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("<?xml version=\"1.0\"?>\n<osm version=\"0.6\">\n"
                "<node id=\"1\" lat=\"0\" lon=\"3\"/><node id=\"2\" lat=\"0\" lon=\"3.001\"/>\n"
                "<way id=\"1\"><nd ref=\"1\"/><nd ref=\"2\"/><tag k=\"railway\" v=\"rail\"/></way>\n"
                "<way id=\"2\"><nd ref=\"1\"/><nd ref=\"2\"/><tag k=\"highway\" v=\"footway\"/></way>\n</osm>\n");
        f.close();
        RoadGraphOptions o = rulesOsm(QStringLiteral("drive"));
        o.source.path = path;
        try {
            RoadGraphBuilder::open(o);
            QFAIL("no error");
        } catch (const InvalidInput &e) {
            QVERIFY2(e.message().contains(QStringLiteral("no way the profile 'drive' may use (left out: highway=footway: 1, railway: 1)")),
                     qPrintable(e.message()));
        }
    }

    void badOsmRules()
    {
        QJsonObject p{{QStringLiteral("name"), QStringLiteral("t")}, {QStringLiteral("default_speed_kmh"), 5},
                      {QStringLiteral("osm"), QJsonObject{{QStringLiteral("ways"), QJsonArray{QStringLiteral("footway")}}}}};
        try {
            Profile::fromJson(p, QStringLiteral("my.json"));
            QFAIL("no error");
        } catch (const InvalidInput &e) {
            QVERIFY2(e.message().contains(QStringLiteral("my.json")) && e.message().contains(QStringLiteral("key=value")), qPrintable(e.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestOsmRules)
#include "tst_osmrules.moc"
