// A real, unfiltered OSM extract (tests/data/osm/monaco.osm.pbf: railways, walls,
// fences, streams, cliffs, piers, private roads, pedestrian squares beside the streets)
// against an independent reference (tests/data/osm/reference.py: pyosmium + networkx,
// the same rules written again; its figures in reference.json): the ways left out by
// reason (counts exact, lengths within 1 %) and the street length reached from four start
// points within a time limit, walking and driving (within 1 %).
#include "TestSupport.h"
#include "analysis/ServiceArea.h"
#include "crs/CoordinateTransform.h"
#include "io/Gdal.h"
#include "network/RoadGraphBuilder.h"
#include "network/Snapper.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <gdal_utils.h>

using namespace refuge;

class TestOsmReference : public QObject {
    Q_OBJECT

private:
    QJsonObject m_reference;

    static RoadGraphOptions options(const QString &profile)
    {
        RoadGraphOptions o;
        o.source = DataSource{refuge::test::dataPath(QStringLiteral("osm/monaco.osm.pbf")), {}};
        o.profile = Profile::load(profile);
        o.useCache = false;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile f(refuge::test::dataPath(QStringLiteral("osm/reference.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_reference = QJsonDocument::fromJson(f.readAll()).object();
        QVERIFY(m_reference.contains(QStringLiteral("walk")));
    }

    void agreesWithReference_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::newRow("walk") << QStringLiteral("walk");
        QTest::newRow("drive") << QStringLiteral("drive");
    }

    void agreesWithReference()
    {
        QFETCH(QString, profile);
        const QJsonObject ref = m_reference.value(profile).toObject();
        RoadGraphReport report;
        const RoadGraph graph = RoadGraphBuilder::open(options(profile), nullptr, &report);

        // Left out, by reason: the same reasons, the same counts, lengths within 1 %.
        const QJsonObject excluded = ref.value(QStringLiteral("excluded")).toObject();
        QCOMPARE(QStringList(report.excludedWays.keys()), excluded.keys());
        for (auto it = excluded.begin(); it != excluded.end(); ++it) {
            const ExcludedWays got = report.excludedWays.value(it.key());
            const QJsonObject want = it.value().toObject();
            QVERIFY2(got.ways == want.value(QStringLiteral("ways")).toInteger(), qPrintable(it.key()));
            const double wantMeters = want.value(QStringLiteral("length_m")).toDouble();
            QVERIFY2(std::abs(got.meters - wantMeters) <= 0.01 * wantMeters + 0.5,
                     qPrintable(QStringLiteral("%1: %2 m, reference %3 m").arg(it.key()).arg(got.meters).arg(wantMeters)));
        }
        // The railway and the walls are not streets.
        QVERIFY(report.excludedWays.value(QStringLiteral("railway")).ways > 50);
        QVERIFY(report.excludedWays.value(QStringLiteral("barrier")).ways > 10);

        // All usable street length, and the length reached from each start.
        double streetMeters = 0;
        for (int l = 0; l < graph.linkCount(); ++l)
            streetMeters += graph.linkMeters(l);
        const double refStreet = ref.value(QStringLiteral("street_m")).toDouble();
        QVERIFY2(std::abs(streetMeters - refStreet) <= 0.01 * refStreet, qPrintable(QStringLiteral("%1 vs %2").arg(streetMeters).arg(refStreet)));
        const double limit = ref.value(QStringLiteral("limit_s")).toDouble();
        const CoordinateTransform toGraph(Crs::fromEpsg(4326), graph.crs());
        const QJsonArray starts = ref.value(QStringLiteral("starts")).toArray();
        QCOMPARE(starts.size(), 4);
        for (const QJsonValue &v : starts) {
            const QJsonObject s = v.toObject();
            const QPointF p = toGraph.transform(QPointF(s.value(QStringLiteral("lon")).toDouble(), s.value(QStringLiteral("lat")).toDouble()));
            const SnappedLayer snapped = Snapper::snapPoints(graph, {p}, 5.0);
            QVERIFY(snapped.points.at(0).isSnapped());
            QVERIFY(snapped.points.at(0).distanceMeters < 0.01); // the start is an OSM node of a street
            RoutingOptions routing;
            routing.limit = limit;
            const ShortestPathTree tree = ShortestPathTree::compute(graph, {NetworkSource{snapped.points.at(0)}}, routing);
            double reached = 0;
            ServiceArea::reachedSections(tree, limit, -1, &reached);
            const double want = s.value(QStringLiteral("reached_m")).toDouble();
            QVERIFY2(std::abs(reached - want) <= 0.01 * want,
                     qPrintable(QStringLiteral("node %1: %2 m reached, reference %3 m").arg(s.value(QStringLiteral("node")).toInteger()).arg(reached).arg(want)));
        }
    }

    void convertedExtractDrives()
    {
        // `ogr2ogr monaco.gpkg monaco.osm.pbf lines` (GDAL's own osmconf.ini): driving,
        // the same ways left out by reason (but area=yes: the squares stay in the
        // multipolygons layer) and the same street length reached from each start.
        QTemporaryDir dir;
        ensureGdal();
        const QString gpkg = dir.filePath(QStringLiteral("monaco.gpkg"));
        {
            GdalDataset src = openDataset(options(QStringLiteral("drive")).source.path, GDAL_OF_VECTOR);
            CslList args = toCsl({QStringLiteral("-f"), QStringLiteral("GPKG"), QStringLiteral("lines")});
            GDALVectorTranslateOptions *vto = GDALVectorTranslateOptionsNew(args.get(), nullptr);
            GDALDatasetH srcHandle = src.get();
            GdalDataset out(GDALVectorTranslate(gpkg.toUtf8().constData(), nullptr, 1, &srcHandle, vto, nullptr));
            GDALVectorTranslateOptionsFree(vto);
            QVERIFY(out);
        }
        RoadGraphReport fromPbf, fromGpkg;
        RoadGraphOptions o = options(QStringLiteral("drive"));
        const RoadGraph a = RoadGraphBuilder::open(o, nullptr, &fromPbf);
        o.source = DataSource{gpkg, QStringLiteral("lines")};
        const RoadGraph b = RoadGraphBuilder::open(o, nullptr, &fromGpkg);
        fromPbf.excludedWays.remove(QStringLiteral("area=yes"));
        QCOMPARE(QStringList(fromGpkg.excludedWays.keys()), QStringList(fromPbf.excludedWays.keys()));
        for (auto it = fromPbf.excludedWays.begin(); it != fromPbf.excludedWays.end(); ++it)
            QVERIFY2(fromGpkg.excludedWays.value(it.key()).ways == it->ways, qPrintable(it.key()));
        QVERIFY(fromGpkg.excludedWays.value(QStringLiteral("railway")).ways > 50);
        QCOMPARE(b.linkCount(), a.linkCount());
        const double limit = m_reference.value(QStringLiteral("drive")).toObject().value(QStringLiteral("limit_s")).toDouble();
        const CoordinateTransform toGraph(Crs::fromEpsg(4326), a.crs());
        for (const QJsonValue &v : m_reference.value(QStringLiteral("drive")).toObject().value(QStringLiteral("starts")).toArray()) {
            const QPointF p = toGraph.transform(QPointF(v[QStringLiteral("lon")].toDouble(), v[QStringLiteral("lat")].toDouble()));
            double reached[2] = {0, 0};
            int k = 0;
            for (const RoadGraph *g : {&a, &b}) {
                const SnappedLayer snapped = Snapper::snapPoints(*g, {p}, 5.0);
                QVERIFY(snapped.points.at(0).isSnapped());
                RoutingOptions routing;
                routing.limit = limit;
                ServiceArea::reachedSections(ShortestPathTree::compute(*g, {NetworkSource{snapped.points.at(0)}}, routing), limit, -1,
                                             &reached[k++]);
            }
            qInfo("reached %.2f m from the .pbf, %.2f m from the GeoPackage", reached[0], reached[1]);
            QVERIFY2(reached[0] > 1000 && std::abs(reached[1] - reached[0]) < 0.01,
                     qPrintable(QStringLiteral("%1 m from the .pbf, %2 m from the GeoPackage").arg(reached[0]).arg(reached[1])));
        }
    }
};

QTEST_GUILESS_MAIN(TestOsmReference)
#include "tst_osmreference.moc"
