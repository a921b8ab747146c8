// Cambridge streets (maps/cambridge/cambridge.gpkg): the engine's Dijkstra agrees with
// an independent brute-force Dijkstra (O(V²), built from the link table, in double)
// on every node; node-field topology and vertex topology give the same network size.
#include "GraphCacheLayout.h"
#include "TestSupport.h"
#include "network/GraphCache.h"
#include "network/RoadGraphBuilder.h"
#include "network/ShortestPathTree.h"
#include "network/Snapper.h"
#include "util/Feedback.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <cstring>

using namespace refuge;

namespace {

std::vector<double> bruteForce(const RoadGraph &g, const std::vector<NetworkSource> &sources, CostUnit unit)
{
    const int n = g.nodeCount();
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> dist(static_cast<std::size_t>(n), inf);
    std::vector<char> done(static_cast<std::size_t>(n), 0);
    // Sources: walk from the snapped point to each end the link allows.
    for (const NetworkSource &s : sources) {
        const int l = s.at.link;
        const double len = g.linkMeters(l);
        const double f = g.linkCost(l, false, unit), b = g.linkCost(l, true, unit);
        const int to = g.linkTo(l), from = g.linkFrom(l);
        if (std::isfinite(f))
            dist[std::size_t(to)] = std::min(dist[std::size_t(to)], s.startCost + f * (len - s.at.offsetMeters) / len);
        if (std::isfinite(b))
            dist[std::size_t(from)] = std::min(dist[std::size_t(from)], s.startCost + b * s.at.offsetMeters / len);
    }
    // Adjacency from the link table (not the CSR arrays).
    std::vector<std::vector<std::pair<int, double>>> adj(static_cast<std::size_t>(n));
    for (int l = 0; l < g.linkCount(); ++l) {
        const double f = g.linkCost(l, false, unit), b = g.linkCost(l, true, unit);
        if (std::isfinite(f))
            adj[std::size_t(g.linkFrom(l))].emplace_back(g.linkTo(l), f);
        if (std::isfinite(b))
            adj[std::size_t(g.linkTo(l))].emplace_back(g.linkFrom(l), b);
    }
    for (int it = 0; it < n; ++it) {
        int u = -1;
        for (int v = 0; v < n; ++v)
            if (!done[std::size_t(v)] && std::isfinite(dist[std::size_t(v)]) && (u < 0 || dist[std::size_t(v)] < dist[std::size_t(u)]))
                u = v;
        if (u < 0)
            break;
        done[std::size_t(u)] = 1;
        for (const auto &[v, c] : adj[std::size_t(u)])
            dist[std::size_t(v)] = std::min(dist[std::size_t(v)], dist[std::size_t(u)] + c);
    }
    return dist;
}

RoadGraphOptions cambridge(const QString &profile)
{
    RoadGraphOptions o;
    o.source = DataSource{refuge::test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")), QStringLiteral("streets")};
    o.profile = Profile::load(profile);
    o.onewayField = QStringLiteral("Direction");
    o.classField = QStringLiteral("MajorRoad");
    o.useCache = false;
    return o;
}

} // namespace

class TestCambridgeGraph : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void agreesWithBruteForce_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<bool>("seconds");
        QTest::newRow("drive seconds (one-way)") << "drive" << true;
        QTest::newRow("drive metres (one-way)") << "drive" << false;
        QTest::newRow("walk seconds") << "walk" << true;
    }
    void agreesWithBruteForce()
    {
        QFETCH(QString, profile);
        QFETCH(bool, seconds);
        RoadGraphReport report;
        const RoadGraph g = RoadGraphBuilder::open(cambridge(profile), nullptr, &report);
        QVERIFY(g.nodeCount() > 1000);
        QVERIFY(g.linkCount() > 2000);
        QCOMPARE(report.unknownOneWay, 0);
        const Snapper snapper(g);
        std::vector<NetworkSource> sources;
        // Three facilities in the middle of links spread over the network, one with a start cost.
        for (int k : {0, g.linkCount() / 2, g.linkCount() - 1}) {
            const QPointF mid = g.linkPointAt(k, g.linkMeters(k) / 2);
            NetworkSource s;
            s.at = snapper.snap(mid, 10);
            s.startCost = k == 0 ? 30 : 0;
            QVERIFY(s.at.isSnapped());
            sources.push_back(s);
        }
        RoutingOptions o;
        o.unit = seconds ? CostUnit::Seconds : CostUnit::Meters;
        o.snapLegs = false;
        const ShortestPathTree t = ShortestPathTree::compute(g, sources, o);
        const std::vector<double> expected = bruteForce(g, sources, o.unit);
        int reached = 0;
        for (int n = 0; n < g.nodeCount(); ++n) {
            const double e = expected[std::size_t(n)], a = t.nodeCost(n);
            if (!std::isfinite(e)) {
                QVERIFY2(!std::isfinite(a), qPrintable(QStringLiteral("node %1 reached by engine only").arg(n)));
                continue;
            }
            ++reached;
            QVERIFY2(std::abs(a - e) <= 1e-4 * std::max(1.0, e), qPrintable(QStringLiteral("node %1: %2 vs %3").arg(n).arg(a).arg(e)));
        }
        QVERIFY(reached > g.nodeCount() * 9 / 10);
    }

    void nodeFieldTopology()
    {
        RoadGraphOptions o = cambridge(QStringLiteral("walk"));
        const RoadGraph byVertex = RoadGraphBuilder::open(o);
        o.fromNodeField = QStringLiteral("FromNode");
        o.toNodeField = QStringLiteral("ToNode");
        RoadGraphReport report;
        const RoadGraph byField = RoadGraphBuilder::open(o, nullptr, &report);
        QVERIFY(report.missingNodeIds <= 1); // one street in the data has no node ids: counted, not dropped silently
        QVERIFY(byField.linkCount() > 2000);
        // Same streets, nearly the same junctions (coincident vertices vs. node ids).
        QVERIFY(std::abs(byField.nodeCount() - byVertex.nodeCount()) < byVertex.nodeCount() / 20);
    }

    void cacheRoundTrip()
    {
        QTemporaryDir dir;
        RoadGraphOptions o = cambridge(QStringLiteral("drive"));
        o.useCache = true;
        o.cacheDirectory = dir.path();
        RoadGraphReport first, second;
        const RoadGraph a = RoadGraphBuilder::open(o, nullptr, &first);
        const RoadGraph b = RoadGraphBuilder::open(o, nullptr, &second);
        QVERIFY(!first.fromCache);
        QVERIFY(second.fromCache);
        sameArrays(a, b);
        QCOMPARE(b.crs().authId(), QStringLiteral("EPSG:26986"));
        QCOMPARE(b.profileName(), a.profileName());
        QCOMPARE(b.accessMeters(), a.accessMeters());
        // The cached graph views the mapped file: nothing copied, every array on a
        // 64-byte boundary of a page-aligned mapping (a copy in malloc memory is not).
        QVERIFY(!a.data().arcTarget.isView());
        QVERIFY(b.data().arcTarget.isView() && b.data().points.isView());
        QCOMPARE(reinterpret_cast<quintptr>(b.data().nodeX.data()) % 64, quintptr(0));
        QCOMPARE(reinterpret_cast<quintptr>(b.data().arcTarget.data()) % 64, quintptr(0));
        QCOMPARE(reinterpret_cast<quintptr>(b.data().points.data()) % 64, quintptr(0));
#ifndef Q_OS_WIN // (Windows refuses to remove a mapped file)
        // The mapped graph lives on when its file is removed and rebuilt.
        const RoadGraph copy = b;
        QVERIFY(QFile::remove(second.cacheFile));
        RoadGraphReport rebuilt;
        RoadGraphBuilder::open(o, nullptr, &rebuilt);
        QVERIFY(!rebuilt.fromCache);
        QVERIFY(GraphCache::finishSave(rebuilt.cacheSave));
        sameArrays(a, copy);
#endif
        // Another profile is another cache entry.
        o.profile = Profile::load(QStringLiteral("walk"));
        RoadGraphReport third;
        RoadGraphBuilder::open(o, nullptr, &third);
        QVERIFY(!third.fromCache);
        QVERIFY(GraphCache::finishSave(third.cacheSave));
    }

    // A damaged or foreign cache file is never trusted: rebuilt, never a crash. Damage
    // that keeps the file's shape (values changed inside an array) is caught by the
    // checksum, with a warning naming the file; another version is rebuilt silently.
    void damagedCacheIsRebuilt_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<bool>("warned");
        QTest::newRow("truncated to half") << "half" << true;
        QTest::newRow("header only") << "header" << true;
        QTest::newRow("empty") << "empty" << false;
        QTest::newRow("older version") << "version" << false;
        QTest::newRow("arc target out of range") << "arcs" << true;
        QTest::newRow("array count too large") << "count" << true;
        QTest::newRow("link lengths zeroed") << "zero-lengths" << true;
        QTest::newRow("checksum changed") << "checksum" << true;
        QTest::newRow("meta changed") << "meta" << true;
        // One byte flipped in the middle of each of the 15 arrays' values.
        for (int i = 0; i < 15; ++i)
            QTest::addRow("array %d byte flipped", i) << QStringLiteral("flip %1").arg(i) << true;
    }
    void damagedCacheIsRebuilt()
    {
        QFETCH(QString, damage);
        QFETCH(bool, warned);
        QTemporaryDir dir;
        RoadGraphOptions o = cambridge(QStringLiteral("walk"));
        o.useCache = true;
        o.cacheDirectory = dir.path();
        RoadGraphReport first;
        const RoadGraph a = RoadGraphBuilder::open(o, nullptr, &first);
        QVERIFY(GraphCache::finishSave(first.cacheSave)); // written in the background
        QFile f(first.cacheFile);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        const refuge::test::GraphCacheLayout layout(bytes);
        const qsizetype pos = layout.metaEnd();
        auto arrayAt = [&](int index) { return layout.countAt(index); };
        auto countOf = [&](int index) { return layout.count(index); };
        auto valuesOf = [&](int index) { return layout.valuesAt(index); };
        const auto valueSize = &refuge::test::GraphCacheLayout::valueSize;
        QCOMPARE(layout.arraysEnd() + 8, bytes.size()); // then the checksum
        if (damage == QLatin1String("half"))
            bytes.truncate(bytes.size() / 2);
        else if (damage == QLatin1String("header"))
            bytes.truncate(pos);
        else if (damage == QLatin1String("empty"))
            bytes.clear();
        else if (damage == QLatin1String("version"))
            bytes[8] = 2;
        else if (damage == QLatin1String("arcs")) { // arcTarget (array 3): first value = node count
            const quint32 nodes = quint32(a.nodeCount());
            std::memcpy(bytes.data() + valuesOf(3), &nodes, 4);
        } else if (damage == QLatin1String("count")) { // points (array 14): count beyond the file
            const quint64 n = quint64(bytes.size());
            std::memcpy(bytes.data() + arrayAt(14), &n, 8);
        } else if (damage == QLatin1String("zero-lengths")) { // linkMeters (array 9): every 7th link 0 m
            const qsizetype values = valuesOf(9);
            const float zero = 0;
            for (qsizetype l = 0; l < countOf(9); l += 7)
                std::memcpy(bytes.data() + values + l * 4, &zero, 4);
        } else if (damage == QLatin1String("checksum")) {
            bytes[bytes.size() - 3] = char(bytes[bytes.size() - 3] ^ 0x10);
        } else if (damage == QLatin1String("meta")) { // the profile name's bytes
            bytes[pos - 20] = char(bytes[pos - 20] ^ 0x01);
        } else if (damage.startsWith(QLatin1String("flip "))) {
            const int i = damage.mid(5).toInt();
            QVERIFY(countOf(i) > 0);
            const qsizetype at = valuesOf(i) + countOf(i) / 2 * valueSize(i) + valueSize(i) - 1;
            bytes[at] = char(bytes[at] ^ 0x04);
        }
        QVERIFY(f.resize(0) && f.seek(0) && f.write(bytes) == bytes.size());
        f.close();
        RoadGraphReport second;
        Feedback feedback;
        const RoadGraph b = RoadGraphBuilder::open(o, &feedback, &second);
        QVERIFY(!second.fromCache);
        sameArrays(a, b);
        if (warned) {
            QCOMPARE(feedback.warnings().size(), 1);
            QVERIFY2(feedback.warnings().front().startsWith(first.cacheFile + QStringLiteral(": graph cache damaged")),
                     qPrintable(feedback.warnings().front()));
        } else {
            QCOMPARE(feedback.warnings(), QStringList());
        }
        // The rebuilt graph routes like the fresh one: same cost to every node from one link.
        QVERIFY(GraphCache::finishSave(second.cacheSave));
        const Snapper snapper(b);
        NetworkSource source;
        source.at = snapper.snap(b.linkPointAt(b.linkCount() / 3, b.linkMeters(b.linkCount() / 3) / 2), 10);
        QVERIFY(source.at.isSnapped());
        RoutingOptions ro;
        ro.unit = CostUnit::Meters;
        const ShortestPathTree ta = ShortestPathTree::compute(a, {source}, ro), tb = ShortestPathTree::compute(b, {source}, ro);
        int reached = 0;
        for (int n = 0; n < a.nodeCount(); ++n) {
            QCOMPARE(tb.nodeCost(n), ta.nodeCost(n));
            reached += std::isfinite(ta.nodeCost(n)) ? 1 : 0;
        }
        QVERIFY(reached > a.nodeCount() * 9 / 10);
        // ... and the rebuilt file is good again.
        RoadGraphReport third;
        sameArrays(a, RoadGraphBuilder::open(o, nullptr, &third));
        QVERIFY(third.fromCache);
    }

    // The cache is written in the background; a folder that cannot be made is a
    // warning naming it, and the graph is there all the same.
    void unwritableCacheIsAWarning()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        RoadGraphOptions o = cambridge(QStringLiteral("walk"));
        o.useCache = true;
        o.cacheDirectory = dir.filePath(QStringLiteral("file/graphs")); // below a file
        Feedback feedback;
        RoadGraphReport report;
        const RoadGraph g = RoadGraphBuilder::open(o, &feedback, &report);
        QVERIFY(g.linkCount() > 2000 && !report.fromCache);
        QVERIFY(!GraphCache::finishSave(report.cacheSave, &feedback));
        QCOMPARE(feedback.warnings().size(), 1);
        QVERIFY2(feedback.warnings().front().contains(QStringLiteral("cannot create the cache folder"))
                     && feedback.warnings().front().contains(QStringLiteral("file/graphs")),
                 qPrintable(feedback.warnings().front()));
        QVERIFY(GraphCache::finishSave({}, &feedback)); // nothing to wait for: nothing more
        QCOMPARE(feedback.warnings().size(), 1);
    }

private:
    static void sameArrays(const RoadGraph &a, const RoadGraph &b)
    {
        const RoadGraph::Data &x = a.data(), &y = b.data();
        QVERIFY(x.nodeX == y.nodeX && x.nodeY == y.nodeY && x.firstArc == y.firstArc);
        QVERIFY(x.arcTarget == y.arcTarget && x.arcLink == y.arcLink && x.arcSeconds == y.arcSeconds && x.arcMeters == y.arcMeters);
        QVERIFY(x.linkFrom == y.linkFrom && x.linkTo == y.linkTo && x.linkMeters == y.linkMeters);
        QVERIFY(x.linkSecondsForward == y.linkSecondsForward && x.linkSecondsBackward == y.linkSecondsBackward);
        QVERIFY(x.linkFeature == y.linkFeature && x.linkFirstPoint == y.linkFirstPoint && x.points == y.points);
        QVERIFY(x.nodeX.size() > 1000 && x.points.size() > x.linkFrom.size());
    }
};

QTEST_GUILESS_MAIN(TestCambridgeGraph)
#include "tst_cambridgegraph.moc"
