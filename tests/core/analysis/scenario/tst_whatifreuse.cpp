// What-if reuse (issue 16, speed): compare's side b reuses side a's network, demand and
// the searches of shelters whose point is unchanged (CoverageReuse, CoverageCostCache);
// its results must equal a from-scratch run of side b exactly. Hand-made town: a 2 km
// street along y = 0 (20 links of 100 m), shelters S1 (100,0) cap 50 and S2 (900,0)
// cap 100, residents 10 at x=0, 30 at 450, 40 at 800, 25 at 1800, communities West
// (x < 1000) and East, 500 m walk. By hand: +1 shelter at (1700,0) searches only the new
// one (2 reused) and covers 105; -S1 searches none (S2 reused), covers 70; a capacity
// change searches none; a move searches the moved shelter only; the flood (closing
// the street around S2, S2 unsuitable) searches S1 again under the barriers. Then the
// Cambridge sample's "+1 shelter", and the cost cache against CoverageNetwork::costs.
#include "TestSupport.h"
#include "analysis/CoverageCostCache.h"
#include "analysis/CoverageNetwork.h"
#include "analysis/scenario/ScenarioCompare.h"
#include "io/VectorWriter.h"
#include "network/RoadGraphBuilder.h"
#include "util/Feedback.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace refuge;

namespace {

Geometry box(double x0, double y0, double x1, double y1) { return Geometry::polygon({{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}); }

void writeTown(const QString &gpkg)
{
    const Crs crs = Crs::fromEpsg(26986);
    VectorLayer roads(QStringLiteral("roads"), GeometryType::LineString, crs);
    roads.addField({QStringLiteral("name"), FieldType::String});
    for (int i = 0; i < 20; ++i)
        roads.addFeature(Geometry::lineString({{i * 100.0, 0}, {(i + 1) * 100.0, 0}}), {QStringLiteral("Main St")});
    VectorLayer shelters(QStringLiteral("shelters"), GeometryType::Point, crs);
    shelters.addField({QStringLiteral("sid"), FieldType::String});
    shelters.addField({QStringLiteral("cap"), FieldType::Integer});
    shelters.addFeature(Geometry::point({100, 0}), {QStringLiteral("S1"), 50});
    shelters.addFeature(Geometry::point({900, 0}), {QStringLiteral("S2"), 100});
    VectorLayer people(QStringLiteral("people"), GeometryType::Point, crs);
    people.addField({QStringLiteral("pop"), FieldType::Real});
    for (const auto &[x, n] : std::vector<std::pair<double, double>>{{0, 10}, {450, 30}, {800, 40}, {1800, 25}})
        people.addFeature(Geometry::point({x, 0}), {n});
    VectorLayer areas(QStringLiteral("areas"), GeometryType::Polygon, crs);
    areas.addField({QStringLiteral("name"), FieldType::String});
    areas.addFeature(box(-50, -50, 1000, 50), {QStringLiteral("West")});
    areas.addFeature(box(1000, -50, 2050, 50), {QStringLiteral("East")});
    VectorLayer flood(QStringLiteral("flood"), GeometryType::Polygon, crs);
    flood.addField({QStringLiteral("zone"), FieldType::String});
    flood.addFeature(box(850, -20, 950, 20), {QStringLiteral("AE")});
    VectorWriter::writeAll({{QString(), &roads}, {QString(), &shelters}, {QString(), &people}, {QString(), &areas}, {QString(), &flood}}, gpkg);
}

QJsonObject layer(const char *id, const char *role, QJsonObject fields, const QString &gpkg)
{
    return {{QStringLiteral("id"), QLatin1String(id)}, {QStringLiteral("name"), QLatin1String(id)}, {QStringLiteral("source"), gpkg},
            {QStringLiteral("layer"), QLatin1String(id)}, {QStringLiteral("role"), QLatin1String(role)}, {QStringLiteral("fields"), fields}};
}

QJsonObject edits(const char *name, const QJsonObject &shelters)
{
    return {{QStringLiteral("name"), QLatin1String(name)}, {QStringLiteral("edits"), QJsonObject{{QStringLiteral("shelters"), shelters}}}};
}

QJsonObject at(double x, double y) { return {{QStringLiteral("x"), x}, {QStringLiteral("y"), y}}; }

QString writeTownProject(const QTemporaryDir &dir)
{
    const QString gpkg = dir.filePath(QStringLiteral("town.gpkg"));
    writeTown(gpkg);
    QJsonObject added = at(1700, 0);
    added.insert(QStringLiteral("capacity"), 100);
    const QJsonArray scenarios{edits("+1 shelter", {{QStringLiteral("add"), QJsonArray{added}}}),
                               edits("-S1", {{QStringLiteral("delete"), QJsonArray{QStringLiteral("S1")}}}),
                               edits("S1 small", {{QStringLiteral("capacity"), QJsonObject{{QStringLiteral("S1"), 20}}}}),
                               edits("S1 moved", {{QStringLiteral("move"), QJsonObject{{QStringLiteral("S1"), at(1700, 0)}}}}),
                               QJsonObject{{QStringLiteral("name"), QStringLiteral("flood")},
                                           {QStringLiteral("hazard"), QJsonObject{{QStringLiteral("shelter_min_level"), 3}}}}};
    const QJsonObject hazard{{QStringLiteral("type"), QStringLiteral("flood")}, {QStringLiteral("level"), QJsonObject{{QStringLiteral("constant"), 4}}}};
    QJsonObject floodLayer = layer("flood", "hazard", {}, gpkg);
    floodLayer.insert(QStringLiteral("hazard"), hazard);
    const QJsonObject project{
        {QStringLiteral("format"), QStringLiteral("refuge-project")}, {QStringLiteral("version"), 1}, {QStringLiteral("crs"), QStringLiteral("EPSG:26986")},
        {QStringLiteral("analysis"), QJsonObject{{QStringLiteral("coverage"), QJsonObject{{QStringLiteral("profile"), QStringLiteral("walk")},
                                                                                            {QStringLiteral("max_meters"), 500}}}}},
        {QStringLiteral("layers"), QJsonArray{layer("areas", "communities", {{QStringLiteral("name"), QStringLiteral("name")}}, gpkg),
                                              layer("people", "population", {{QStringLiteral("population"), QStringLiteral("pop")}}, gpkg),
                                              layer("roads", "roads", {}, gpkg), floodLayer,
                                              layer("shelters", "shelters", {{QStringLiteral("id"), QStringLiteral("sid")}, {QStringLiteral("capacity"), QStringLiteral("cap")}}, gpkg)}},
        {QStringLiteral("scenarios"), scenarios}};
    const QString path = dir.filePath(QStringLiteral("town.refuge"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(QJsonDocument(project).toJson());
    return path;
}

// The Cambridge sample with absolute layer paths and a "+1 shelter" scenario (as bench/scenarios/compare.sh).
QString writeCambridgeProject(const QTemporaryDir &dir)
{
    const QString src = test::sourcePath(QStringLiteral("maps/cambridge"));
    QFile in(QDir(src).filePath(QStringLiteral("cambridge.refuge")));
    in.open(QIODevice::ReadOnly);
    QJsonObject p = QJsonDocument::fromJson(in.readAll()).object();
    QJsonArray layers;
    for (const QJsonValue &v : p.value(QStringLiteral("layers")).toArray()) {
        QJsonObject l = v.toObject();
        l.insert(QStringLiteral("source"), QDir(src).filePath(l.value(QStringLiteral("source")).toString()));
        layers.append(l);
    }
    p.insert(QStringLiteral("layers"), layers);
    QJsonObject added{{QStringLiteral("name"), QStringLiteral("New shelter (Area 4)")}, {QStringLiteral("capacity"), 800},
                      {QStringLiteral("lon"), -71.0985}, {QStringLiteral("lat"), 42.3655}};
    p.insert(QStringLiteral("scenarios"), QJsonArray{edits("+1 shelter", {{QStringLiteral("add"), QJsonArray{added}}})});
    const QString path = dir.filePath(QStringLiteral("cambridge.refuge"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(QJsonDocument(p).toJson());
    return path;
}

// Side b of `r` equals a from-scratch run of it: per community, per shelter, per demand unit.
void compareWithScratch(const ScenarioSide &b, const ScenarioSide &scratch)
{
    const CoverageOutcome &o = b.coverage.outcome, &s = scratch.coverage.outcome;
    QCOMPARE(o.areas.size(), s.areas.size());
    for (std::size_t i = 0; i < o.areas.size(); ++i) {
        QCOMPARE(o.areas[i].name, s.areas[i].name);
        QCOMPARE(o.areas[i].covered, s.areas[i].covered);
        QCOMPARE(o.areas[i].assigned, s.areas[i].assigned);
        QCOMPARE(o.areas[i].unassignedNoReach, s.areas[i].unassignedNoReach);
        QCOMPARE(o.areas[i].unassignedFull, s.areas[i].unassignedFull);
    }
    QCOMPARE(o.facilities.size(), s.facilities.size());
    for (std::size_t f = 0; f < o.facilities.size(); ++f) {
        QCOMPARE(o.facilities[f].id, s.facilities[f].id);
        QCOMPARE(o.facilities[f].assigned, s.facilities[f].assigned);
        QCOMPARE(o.facilities[f].populationInReach, s.facilities[f].populationInReach);
        QCOMPARE(o.facilities[f].nearestPopulation, s.facilities[f].nearestPopulation);
    }
    QCOMPARE(o.overall.covered, s.overall.covered);
    QCOMPARE(o.overall.assigned, s.overall.assigned);
    QCOMPARE(o.coverage.covered, s.coverage.covered);
    QCOMPARE(o.coverage.facility, s.coverage.facility);
    QCOMPARE(o.coverage.cost, s.coverage.cost);
}

void sameTable(const CoverageCosts &a, const CoverageCosts &b)
{
    QCOMPARE(a.demandCount(), b.demandCount());
    QCOMPARE(a.facilityCount(), b.facilityCount());
    QCOMPARE(a.entryCount(), b.entryCount());
    for (int i = 0; i < a.demandCount(); ++i) {
        const auto x = a.within(i), y = b.within(i);
        QCOMPARE(x.size(), y.size());
        for (std::size_t k = 0; k < x.size(); ++k) {
            QCOMPARE(x[k].facility, y[k].facility);
            QCOMPARE(x[k].cost, y[k].cost);
        }
        QCOMPARE(a.nearestCost(i), b.nearestCost(i));
        QCOMPARE(a.nearestFacility(i), b.nearestFacility(i));
    }
}

} // namespace

class TestWhatIfReuse : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_town;

    // compare(baseline, b) with reuse, and b alone from scratch: identical; returns compare's result.
    CompareResult checked(const QString &project, const QString &b)
    {
        Feedback fb;
        const QString tag = QString(b).replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]")), QStringLiteral("_"));
        CompareResult r = ScenarioCompare::run(Project::load(project), QStringLiteral("baseline"), b, m_dir.filePath(QStringLiteral("cmp-") + tag), fb);
        Feedback fb2;
        const ScenarioSide scratch = ScenarioCompare::runSide(Project::load(project), b, m_dir.filePath(QStringLiteral("scratch-") + tag), fb2);
        compareWithScratch(r.b, scratch);
        return r;
    }
    static int reuseOf(const CompareResult &r, const char *key) { return r.summary.value(QStringLiteral("reuse_b")).toObject().value(QLatin1String(key)).toInt(); }

private slots:
    void initTestCase()
    {
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("cache"))));
        m_town = writeTownProject(m_dir);
    }

    void addedShelterSearchedAlone()
    {
        const CompareResult r = checked(m_town, QStringLiteral("+1 shelter"));
        QCOMPARE(reuseOf(r, "facility_searches"), 1);
        QCOMPARE(reuseOf(r, "facility_searches_reused"), 2);
        const QJsonObject reuse = r.summary.value(QStringLiteral("reuse_b")).toObject();
        for (const char *kept : {"network", "demand", "snapped_demand", "areas", "demand_areas"})
            QVERIFY2(reuse.value(QLatin1String(kept)).toBool(), kept);
        QCOMPARE(r.overall.coveredA, 80.0);
        QCOMPARE(r.overall.coveredB, 105.0);
        const QJsonObject timing = r.summary.value(QStringLiteral("timing_ms")).toObject();
        QVERIFY(timing.contains(QStringLiteral("a")) && timing.contains(QStringLiteral("b")));
    }
    void deletedShelterDropped()
    {
        const CompareResult r = checked(m_town, QStringLiteral("-S1"));
        QCOMPARE(reuseOf(r, "facility_searches"), 0);
        QCOMPARE(reuseOf(r, "facility_searches_reused"), 1);
        QCOMPARE(r.overall.coveredB, 70.0);
    }
    void capacityOnlyRedoesAssignment()
    {
        const CompareResult r = checked(m_town, QStringLiteral("S1 small"));
        QCOMPARE(reuseOf(r, "facility_searches"), 0);
        QCOMPARE(reuseOf(r, "facility_searches_reused"), 2);
        QCOMPARE(r.overall.assignedB, 80.0); // 20 of P1 move from S1 (now 20) to S2
    }
    void movedShelterSearchedAgain()
    {
        const CompareResult r = checked(m_town, QStringLiteral("S1 moved"));
        QCOMPARE(reuseOf(r, "facility_searches"), 1);
        QCOMPARE(reuseOf(r, "facility_searches_reused"), 1);
        QCOMPARE(r.overall.coveredB, 95.0); // S1 at 1700 covers 25 (x=1800) and S2 70 (450, 800); x=0 is out
    }
    void barriersSearchAgain()
    {
        const CompareResult r = checked(m_town, QStringLiteral("flood"));
        QCOMPARE(reuseOf(r, "facility_searches"), 1); // S1 under the closures; S2 unsuitable
        QCOMPARE(reuseOf(r, "facility_searches_reused"), 0);
        QVERIFY(!r.summary.value(QStringLiteral("reuse_b")).toObject().value(QStringLiteral("network")).toBool());
        QCOMPARE(r.overall.coveredB, 40.0);
    }
    void cambridgeAddedShelter()
    {
        const CompareResult r = checked(writeCambridgeProject(m_dir), QStringLiteral("+1 shelter"));
        QCOMPARE(reuseOf(r, "facility_searches"), 1);
        QCOMPARE(reuseOf(r, "facility_searches_reused"), int(r.a.coverage.outcome.facilities.size()));
        QVERIFY(r.overall.coveredB > r.overall.coveredA);
    }
    void costCacheEqualsFromScratch()
    {
        // Cambridge, 800 m walk: the 15 shelters, then 14 of them with one moved, then barriers.
        const QString gpkg = test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg"));
        Feedback fb;
        RoadGraphOptions go;
        go.source = DataSource::parse(gpkg + QStringLiteral(":streets"));
        go.profile = Profile::load(QStringLiteral("walk"));
        go.useCache = false;
        const RoadGraph graph = RoadGraphBuilder::open(go, &fb);
        const VectorLayer blocks = VectorLayer::load(DataSource::parse(gpkg + QStringLiteral(":blocks_2000")), {graph.crs()});
        const VectorLayer shelters = VectorLayer::load(DataSource::parse(gpkg + QStringLiteral(":shelters")), {graph.crs()});
        const DemandSet demand = Demand::fromLayer(blocks, QStringLiteral("POP_LAB"), 0, fb);
        const Snapper snapper(graph);
        std::vector<QPointF> points = Snapper::representativePoints(shelters, graph.crs());
        const SnappedLayer ds = snapper.snapAll(demand.points, 300);
        RoutingOptions ro;
        ro.unit = CostUnit::Meters;
        ro.limit = 800;
        CoverageCostCache cache;
        const auto check = [&](const std::vector<QPointF> &pts, const RoutingOptions &o, int searched, int reused) {
            const SnappedLayer fs = snapper.snapAll(pts, 300);
            const std::vector<NetworkSource> sources = NearestFacility::sources(fs);
            sameTable(cache.costs(graph, sources, fs, ds, o, fb), CoverageNetwork::costs(graph, sources, fs, ds, o, fb));
            QCOMPARE(cache.searched(), searched);
            QCOMPARE(cache.reused(), reused);
        };
        const int n = int(points.size());
        QCOMPARE(n, 15);
        check(points, ro, n, 0);
        check(points, ro, 0, n);
        points.erase(points.begin() + 3);
        points[5] += QPointF(250, 120);
        check(points, ro, 1, n - 2);
        RoutingOptions closed = ro;
        closed.linkFactors.assign(std::size_t(graph.linkCount()), 1.0f);
        for (int l = 0; l < graph.linkCount(); l += 7)
            closed.linkFactors[std::size_t(l)] = 0.0f;
        check(points, closed, n - 1, 0);
        check(points, ro, 0, n - 1);
    }
};

QTEST_MAIN(TestWhatIfReuse)
#include "tst_whatifreuse.moc"
