// Coverage: hand-made cost tables and geometry (coverage, per facility, per area,
// per-capita shelter area), straight-line costs, and Cambridge (800 m from the 15
// shelters over the 2000 census blocks) checked against an independent computation.
#include "TestSupport.h"
#include "analysis/CoverageAnalysis.h"
#include "analysis/CoverageNetwork.h"
#include "analysis/CoverageOutputs.h"
#include "analysis/NearestFacility.h"
#include "model/VectorLayer.h"
#include "network/RoadGraphBuilder.h"
#include "network/Snapper.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <gdal.h>
#include <ogr_api.h>

using namespace refuge;

namespace {

Geometry square(double x, double y, double w, double h)
{
    return Geometry::polygon({{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}, {x, y}}});
}

DemandSet demandOf(const std::vector<QPointF> &pts, const std::vector<double> &pop)
{
    DemandSet d;
    d.crs = Crs::fromEpsg(26986);
    d.source = QStringLiteral("demand");
    for (std::size_t i = 0; i < pts.size(); ++i)
        d.add(pts[i], pop[i], int(i));
    return d;
}

FacilityTable sheltersOf(const std::vector<QPointF> &pts, const std::vector<double> &cap, const std::vector<double> &area)
{
    FacilityTable t;
    t.crs = Crs::fromEpsg(26986);
    t.source = QStringLiteral("shelters");
    for (std::size_t i = 0; i < pts.size(); ++i) {
        t.points.push_back(pts[i]);
        t.ids << QStringLiteral("S%1").arg(i + 1);
        t.names << QStringLiteral("Shelter %1").arg(i + 1);
        t.capacity.push_back(cap[i]);
        t.areaM2.push_back(area[i]);
        t.grades << QString();
        t.turnoutSeconds.push_back(FacilityTable::kUnknown);
    }
    return t;
}

CoverageAreas twoAreas()
{
    CoverageAreas a;
    a.crs = Crs::fromEpsg(26986);
    a.source = QStringLiteral("areas");
    a.polygons = {square(0, 0, 100, 100), square(100, 0, 100, 100)};
    a.names = QStringList{QStringLiteral("A"), QStringLiteral("B")};
    return a;
}

// Cambridge blocks read with OGR directly: point on surface and population.
struct RawBlock {
    double x, y, pop;
};
std::vector<RawBlock> rawBlocks(const QString &gpkg)
{
    GDALAllRegister();
    std::vector<RawBlock> out;
    GDALDatasetH ds = GDALOpenEx(gpkg.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    OGRLayerH l = GDALDatasetGetLayerByName(ds, "blocks_2000");
    OGR_L_ResetReading(l);
    while (OGRFeatureH f = OGR_L_GetNextFeature(l)) {
        const int fi = OGR_F_GetFieldIndex(f, "POP_LAB");
        if (OGR_F_IsFieldSetAndNotNull(f, fi) && OGR_F_GetFieldAsDouble(f, fi) > 0) {
            // Demand's rule: the centroid of a polygon without holes when inside it,
            // otherwise a point on the surface.
            OGRGeometryH g = OGR_F_GetGeometryRef(f);
            OGRGeometryH poly = OGR_G_GetGeometryCount(g) == 1 && wkbFlatten(OGR_G_GetGeometryType(g)) == wkbMultiPolygon
                ? OGR_G_GetGeometryRef(g, 0) : g;
            OGRGeometryH p = nullptr;
            if (wkbFlatten(OGR_G_GetGeometryType(poly)) == wkbPolygon && OGR_G_GetGeometryCount(poly) == 1) {
                p = OGR_G_CreateGeometry(wkbPoint);
                OGR_G_Centroid(poly, p);
                if (!OGR_G_Contains(poly, p)) {
                    OGR_G_DestroyGeometry(p);
                    p = nullptr;
                }
            }
            if (!p)
                p = OGR_G_PointOnSurface(g);
            out.push_back({OGR_G_GetX(p, 0), OGR_G_GetY(p, 0), OGR_F_GetFieldAsDouble(f, fi)});
            OGR_G_DestroyGeometry(p);
        }
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    return out;
}

} // namespace

class TestCoverage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void injectedTable()
    {
        Feedback fb;
        const DemandSet d = demandOf({{10, 10}, {20, 20}, {150, 50}, {500, 500}}, {100, 50, 200, 30});
        // u0: S1 at 300, S2 at 900; u1: S1 at 850 (beyond 800); u2: S2 at 100; u3: nothing.
        const CoverageCosts c = CoverageCosts::fromLists({{{0, 300}, {1, 900}}, {{0, 850}}, {{1, 100}, {0, 700}}, {}}, 2, 800);
        const CoverageResult r = Coverage::run(d, c, {0, 0, 1, -1}, 2, fb);
        QCOMPARE(r.totalPopulation, 380.0);
        QCOMPARE(r.coveredPopulation, 300.0);
        QCOMPARE(r.covered, (std::vector<char>{1, 0, 1, 0}));
        QCOMPARE(r.cost[1], 850.0f);
        QCOMPARE(r.facility[1], 0);
        QVERIFY(std::isinf(r.cost[3]));
        QCOMPARE(r.populationInReach, (std::vector<double>{300, 200}));
        QCOMPARE(r.nearestPopulation, (std::vector<double>{100, 200}));
        QCOMPARE(r.areas[0].population, 150.0);
        QCOMPARE(r.areas[0].covered, 100.0);
        QCOMPARE(r.areas[1].covered, 200.0);
        QCOMPARE(r.outsideAreas.population, 30.0);
        QVERIFY_THROWS_EXCEPTION(InvalidInput, Coverage::run(d, CoverageCosts::fromLists({{}}, 2, 800), {}, 0, fb));
    }
    void analysisPerCapita()
    {
        Feedback fb;
        CoverageRequest q;
        q.demand = demandOf({{10, 10}, {60, 60}, {150, 50}}, {100, 50, 200});
        q.facilities = sheltersOf({{50, 50}, {150, 10}}, {200, 100}, {300, FacilityTable::kUnknown});
        q.areas = twoAreas();
        q.standard = StandardsProfile::load(QStringLiteral("shanghai"));
        // 90 m: S1 (100 m from the unit in B) is out of its reach.
        q.costs = CoverageCosts::euclidean(q.demand.points, q.facilities.points, 90, 1.0, 1.0, {}, fb);
        const CoverageOutcome o = CoverageAnalysis::run(q, fb);
        QCOMPARE(o.coverage.coveredPopulation, 350.0);
        QCOMPARE(int(o.areas.size()), 2);
        const CoverageAreaRow &a = o.areas[0], &b = o.areas[1];
        QCOMPARE(a.name, QStringLiteral("A"));
        QCOMPARE(a.shelters, 1);
        QCOMPARE(a.shelterAreaM2, 300.0);
        QCOMPARE(a.shelterAreaPerResident, 2.0);
        QVERIFY(a.supplyCheck.pass);
        QVERIFY(a.supplyCheck.citation.contains(QStringLiteral("沪府办发〔2021〕18号")));
        // S2 has no area: none is invented, and B's check (and the overall one) cannot be evaluated.
        QCOMPARE(b.shelterAreaM2, 0.0);
        QCOMPARE(b.sheltersWithoutArea, 1);
        QVERIFY(!b.supplyCheck.evaluated);
        QVERIFY(b.supplyCheck.note.contains(QStringLiteral("1 shelters without an effective area")));
        QVERIFY(a.supplyCheck.evaluated);
        QVERIFY(!o.overall.supplyCheck.evaluated);
        QVERIFY(!o.facilities[1].areaKnown);
        QVERIFY(o.warnings.join(QLatin1Char('\n')).contains(QStringLiteral("1 shelters without an effective area (per-capita shelter area not evaluated where they are; --area-from-capacity M2_PER_PERSON to estimate it): S2")));
        // Nearest-first: S2 (capacity 100) takes 100 of B's 200.
        QCOMPARE(b.assigned, 100.0);
        QCOMPARE(b.unassignedFull, 100.0);
        QCOMPARE(o.assignment.assigned, 250.0);
        QCOMPARE(o.facilities[0].loadRatio(), 150.0 / 200.0);
        QCOMPARE(o.facilities[1].loadRatio(), 1.0);
        const QJsonObject s = o.summaryJson(q);
        QVERIFY(s.value("shelter_area_per_resident").isNull());
        QCOMPARE(s.value("shelters_without_area").toInt(), 1);
        QVERIFY(s.value("checks").toObject().value("district_supply").toObject().value("pass").isNull());
        QCOMPARE(s.value("checks").toObject().value("district_supply").toObject().value("evaluated").toBool(true), false);
        for (const char *k : {"total_population", "covered_population", "covered_share", "assigned_population",
                              "unassigned_population", "unsnapped_facilities", "unsnapped_demand"})
            QVERIFY2(s.contains(QLatin1String(k)), k);
        QCOMPARE(s.value("unassigned_population").toDouble(), 100.0);

        QTemporaryDir dir;
        QCOMPARE(CoverageOutputs::write(q, o, dir.path()), (QStringList{"areas", "facilities", "service_areas"}));
        for (const char *f : {"areas.csv", "facilities.csv", "coverage.gpkg"})
            QVERIFY(QFile::exists(dir.filePath(QLatin1String(f))));
        // summary.json, the mark of a complete run, is the job's last file, not the outputs'
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("summary.json"))));
        QFile csv(dir.filePath(QStringLiteral("areas.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines[0].startsWith(QStringLiteral("area,population,covered_population,covered_share,assigned_population,unassigned_population")));
        QVERIFY(lines[0].contains(QStringLiteral("shelter_area_per_resident,pass")));
        QVERIFY(lines[1].startsWith(QStringLiteral("A,150,150,1,150,0")));
        QVERIFY2(lines[2].startsWith(QStringLiteral("B,")) && lines[2].contains(QStringLiteral(",1,0,,,")), qPrintable(lines[2])); // B: 1 shelter, 0 m² known, no per-resident figure, no pass/fail
        QCOMPARE(VectorLayer::layerNames(dir.filePath(QStringLiteral("coverage.gpkg"))).size(), 3);
        // Asked for, the per-unit layer: one row per demand unit, and the view of those not covered.
        QTemporaryDir perUnit;
        QCOMPARE(CoverageOutputs::write(q, o, perUnit.path(), CoverageOutputs::DemandLayer::Write),
                 (QStringList{"demand", "areas", "facilities", "service_areas", "uncovered"}));
        const QString perUnitGpkg = perUnit.filePath(QStringLiteral("coverage.gpkg"));
        QCOMPARE(VectorLayer::load(DataSource{perUnitGpkg, QStringLiteral("demand")}).featureCount(), 3);
        QCOMPARE(VectorLayer::load(DataSource{perUnitGpkg, QStringLiteral("uncovered")}).featureCount(), 0); // all 350 people within 90 m

        // Asked for: S2's area is capacity 100 × 1.5 m² = 150, listed; B's check is evaluated.
        q.areaFromCapacityM2 = 1.5;
        const CoverageOutcome asked = CoverageAnalysis::run(q, fb);
        const CoverageAreaRow &b2 = asked.areas[1];
        QCOMPARE(b2.shelterAreaM2, 150.0);
        QCOMPARE(b2.shelterAreaPerResident, 0.75);
        QVERIFY(b2.supplyCheck.evaluated);
        QVERIFY(!b2.supplyCheck.pass);
        QCOMPARE(asked.overall.shelterAreaPerResident, 450.0 / 350.0);
        QVERIFY(asked.warnings.join(QLatin1Char('\n')).contains(QStringLiteral("1 shelters without an effective area: area taken as capacity × 1.5 m² per person (as asked, --area-from-capacity): S2")));
        const QJsonObject s2 = asked.summaryJson(q);
        QCOMPARE(s2.value("areas_from_capacity").toArray(), QJsonArray{QStringLiteral("S2")});
        QCOMPARE(s2.value("shelter_area_per_resident").toDouble(), 450.0 / 350.0);
    }
    void areasMustOverlap()
    {
        Feedback fb;
        CoverageRequest q;
        q.demand = demandOf({{1000, 1000}}, {10});
        q.facilities = sheltersOf({{1000, 1000}}, {10}, {FacilityTable::kUnknown});
        q.areas = twoAreas();
        q.standard = StandardsProfile::load(QStringLiteral("shanghai"));
        q.costs = CoverageCosts::euclidean(q.demand.points, q.facilities.points, 100, 1.0, 1.0, {}, fb);
        QVERIFY_THROWS_EXCEPTION(InvalidInput, CoverageAnalysis::run(q, fb));
    }
    void euclideanCosts()
    {
        Feedback fb;
        // Start costs (turnout) and seconds: speed 10 m/s.
        const CoverageCosts c = CoverageCosts::euclidean({{0, 0}, {1000, 0}}, {{0, 300}, {0, 400}}, 60, 1.0, 10.0, {20, 0}, fb);
        QCOMPARE(c.within(0).size(), std::size_t(2));
        QCOMPARE(c.within(0)[0].facility, 1); // 40 s vs 30 + 20 = 50 s
        QCOMPARE(c.within(0)[0].cost, 40.0f);
        QCOMPARE(c.within(0)[1].cost, 50.0f);
        QVERIFY(c.within(1).empty());
        QCOMPARE(c.nearestFacility(1), 1);
        QCOMPARE(c.nearestCost(1), float(std::hypot(1000.0, 400.0) / 10.0));
    }
    void cambridgeEuclidean()
    {
        // Straight-line 800 m from the 15 shelters; checked with OGR and brute force.
        const QString gpkg = test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg"));
        Feedback fb;
        const VectorLayer blocks = VectorLayer::load(DataSource::parse(gpkg + QStringLiteral(":blocks_2000")));
        const VectorLayer shelters = VectorLayer::load(DataSource::parse(gpkg + QStringLiteral(":shelters")));
        CoverageRequest q;
        q.demand = Demand::fromLayer(blocks, QStringLiteral("POP_LAB"), 0, fb);
        q.facilities = FacilityTable::fromLayer(shelters, {QStringLiteral("Name"), QStringLiteral("Name"), QStringLiteral("Capacity")});
        q.standard = StandardsProfile::load(QStringLiteral("shanghai"));
        q.costs = CoverageCosts::euclidean(q.demand.points, q.facilities.points, 800, 1.0, 1.0, {}, fb);
        const CoverageOutcome o = CoverageAnalysis::run(q, fb);
        QCOMPARE(o.coverage.totalPopulation, 101355.0);

        const std::vector<RawBlock> raw = rawBlocks(gpkg);
        double total = 0, covered = 0;
        for (const RawBlock &b : raw) {
            total += b.pop;
            double best = 1e300;
            for (const QPointF &s : q.facilities.points)
                best = std::min(best, std::hypot(s.x() - b.x, s.y() - b.y));
            covered += best <= 800 ? b.pop : 0;
        }
        QCOMPARE(total, 101355.0);
        QCOMPARE(o.coverage.coveredPopulation, covered);
        QCOMPARE(q.facilities.nullCapacity, 1); // Gately Youth Center
        QCOMPARE(o.capacity.missing, 1);
        double cap = 0;
        for (double c : o.capacity.persons)
            cap += c;
        QCOMPARE(cap, 10457.0);
        QVERIFY(o.assignment.assigned <= cap);
        QCOMPARE(o.assignment.assigned + o.assignment.unassigned(), 101355.0);
    }
    void cambridgeNetwork()
    {
        // 800 m walk along the streets; the per-facility table agrees with one
        // multi-source search, and no network cost is below the straight line.
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
        const FacilityTable fac = FacilityTable::fromLayer(shelters, {QStringLiteral("Name"), QStringLiteral("Name"), QStringLiteral("Capacity")});
        const Snapper snapper(graph);
        const SnappedLayer fs = snapper.snapAll(fac.points, 300);
        const SnappedLayer ds = snapper.snapAll(demand.points, 300);
        RoutingOptions ro;
        ro.unit = CostUnit::Meters;
        ro.limit = 800;
        const std::vector<NetworkSource> sources = NearestFacility::sources(fs);
        const CoverageCosts costs = CoverageNetwork::costs(graph, sources, fs, ds, ro, fb);
        const CoverageResult r = Coverage::run(demand, costs, {}, 0, fb);
        const NearestFacilityResult nf = NearestFacility::run(graph, sources, ds, ro, fb);
        double covered = 0;
        for (std::size_t i = 0; i < demand.size(); ++i) {
            covered += std::isfinite(nf.demandCost[i]) ? demand.population[i] : 0;
            if (r.covered[i]) {
                QVERIFY(std::abs(r.cost[i] - nf.demandCost[i]) < 0.01f);
                const QPointF s = fac.points[std::size_t(r.facility[i])];
                QVERIFY(r.cost[i] + 0.01 >= std::hypot(s.x() - demand.points[i].x(), s.y() - demand.points[i].y()));
            }
        }
        QCOMPARE(r.coveredPopulation, covered);
        QVERIFY(r.coveredPopulation > 0.3 * r.totalPopulation);
        qInfo("Cambridge 800 m walk: covered %.0f of %.0f (%.1f %%), unsnapped demand %d", r.coveredPopulation,
              r.totalPopulation, 100 * r.coveredShare(), r.unsnappedDemand);
    }
};

QTEST_MAIN(TestCoverage)
#include "tst_coverage.moc"
