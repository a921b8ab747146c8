// Exposure on hand-made squares: population by level (areal weighting; the highest
// level wins where zones overlap), by hazard type, area share by level per community,
// exposure sums equal the population; a hazardous-chemical site's isolation and
// protection distances (population, shelters, hospitals); hazard layers read with a
// level mapping, levels outside the mapping listed by fid, points as circles.
#include "TestSupport.h"
#include "analysis/hazard/Exposure.h"
#include "model/RasterLayer.h"
#include "model/VectorLayer.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <gdal.h>

using namespace refuge;

namespace {

Geometry square(double x, double y, double w, double h) { return Geometry::polygon({{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}, {x, y}}}); }

HazardZone zone(const Geometry &g, int level, HazardType type)
{
    HazardZone z;
    z.polygon = g;
    z.level = level;
    z.type = type;
    z.layer = QStringLiteral("z");
    return z;
}

HazardZones handZones()
{
    HazardZones z;
    z.addZone(zone(square(0, 0, 50, 100), 5, HazardType::Flood));
    z.addZone(zone(square(0, 0, 125, 100), 2, HazardType::Flood));
    z.addZone(zone(square(150, 0, 50, 100), 3, HazardType::Earthquake));
    return z;
}

ExposurePopulation twoBlocks()
{
    VectorLayer blocks(QStringLiteral("blocks"), GeometryType::Polygon, Crs::fromEpsg(26986));
    blocks.addField({QStringLiteral("pop"), FieldType::Real});
    blocks.addFeature(square(0, 0, 100, 100), {100.0});
    blocks.addFeature(square(100, 0, 100, 100), {200.0});
    blocks.addFeature(square(300, 0, 10, 10), {QVariant()}); // no population: listed
    return ExposurePopulation::fromLayer(blocks, QStringLiteral("pop"));
}

CoverageAreas westEast()
{
    CoverageAreas a;
    a.crs = Crs::fromEpsg(26986);
    a.source = QStringLiteral("communities");
    a.polygons = {square(0, 0, 100, 100), square(100, 0, 100, 100)};
    a.names = QStringList{QStringLiteral("West"), QStringLiteral("East")};
    return a;
}

} // namespace

class TestExposure : public QObject {
    Q_OBJECT
private slots:
    void byLevelAndType()
    {
        const ExposurePopulation pop = twoBlocks();
        QCOMPARE(int(pop.units.size()), 2);
        QVERIFY2(pop.leftOut.contains(QStringLiteral("1 features with no usable population left out (fid")), qPrintable(pop.leftOut));
        Feedback fb;
        const ExposureResult r = Exposure::run(pop, westEast(), handZones(), {}, fb);
        QCOMPARE(int(r.communities.size()), 2);
        const ExposureRow &w = r.communities[0], &e = r.communities[1];
        // West: half at level 5, the other half at level 2 (level 5 wins where both lie).
        QCOMPARE(w.population, 100.0);
        QCOMPARE(w.byLevel[4], 50.0);
        QCOMPARE(w.byLevel[1], 50.0);
        QCOMPARE(w.unexposed, 0.0);
        QCOMPARE(w.areaShare(5), 0.5);
        QCOMPARE(w.areaShare(2), 0.5);
        // East: a quarter at level 2, half at level 3 (earthquake), a quarter outside.
        QCOMPARE(e.byLevel[1], 50.0);
        QCOMPARE(e.byLevel[2], 100.0);
        QCOMPARE(e.unexposed, 50.0);
        QCOMPARE(e.areaShare(3), 0.5);
        QCOMPARE(e.areaShare(2), 0.25);
        // Every person is counted once: levels + unexposed = population.
        for (const ExposureRow &row : {w, e, r.overall})
            QVERIFY(std::abs(row.exposed() + row.unexposed - row.population) < 1e-9);
        QCOMPARE(r.overall.population, 300.0);
        QCOMPARE(r.overall.exposed(), 250.0);
        // By type: flood reaches all of West and a quarter of East; the earthquake zone half of East.
        QCOMPARE(int(r.types.size()), 2);
        QCOMPARE(r.types[0], HazardType::Flood);
        QCOMPARE(r.overall.byType[0], 150.0);
        QCOMPARE(r.overall.byType[1], 100.0);
        QCOMPARE(r.summaryJson().value(QStringLiteral("exposed_population")).toDouble(), 250.0);
    }

    void pointSource()
    {
        HazardZones z;
        HazardSource s;
        s.point = {150, 50};
        s.id = QStringLiteral("plant");
        s.isolationMeters = 10;
        s.protectionMeters = 50;
        z.addSource(s);
        ExposurePoints shelters{QStringLiteral("shelters"), {{155, 50}, {199, 50}, {250, 50}}, {QStringLiteral("S1"), QStringLiteral("S2"), QStringLiteral("S3")}};
        ExposurePoints medical{QStringLiteral("medical"), {{101, 50}}, {QStringLiteral("H1")}};
        Feedback fb;
        const ExposureResult r = Exposure::run(twoBlocks(), westEast(), z, {shelters, medical}, fb);
        QCOMPARE(int(r.sources.size()), 1);
        const SourceExposure &e = r.sources[0];
        QCOMPARE(e.community, QStringLiteral("East"));
        // The 10 m circle lies inside East's block: 200 people × π·10² / 100².
        const double expected = 200.0 * M_PI * 100.0 / 10000.0;
        QVERIFY2(std::abs(e.populationIsolation - expected) < expected * 1e-3, qPrintable(QString::number(e.populationIsolation)));
        // The 50 m circle too (x 100…200, y 0…100).
        QVERIFY(std::abs(e.populationProtection - 200.0 * M_PI * 2500.0 / 10000.0) < 0.1);
        QCOMPARE(e.isolationIds[0], QStringList{QStringLiteral("S1")});
        QCOMPARE(e.protectionIds[0], (QStringList{QStringLiteral("S1"), QStringLiteral("S2")}));
        QCOMPARE(e.isolationIds[1], QStringList());
        QCOMPARE(e.protectionIds[1], QStringList{QStringLiteral("H1")});
    }

    void zonesFromLayer()
    {
        VectorLayer flood(QStringLiteral("flood"), GeometryType::Polygon, Crs::fromEpsg(26986));
        flood.addField({QStringLiteral("zone"), FieldType::String});
        flood.addField({QStringLiteral("depth"), FieldType::Real});
        flood.addFeature(square(0, 0, 10, 10), {QStringLiteral("AE"), 0.4}, 1);
        flood.addFeature(square(0, 0, 20, 20), {QStringLiteral("X"), -9999.0}, 2);
        flood.addFeature(square(0, 0, 5, 5), {QStringLiteral("VE"), 1.0}, 3);
        HazardSettings s;
        s.type = HazardType::Flood;
        s.level.field = QStringLiteral("zone");
        s.level.values = {{QStringLiteral("AE"), 4}, {QStringLiteral("X"), 2}};
        s.depthField = QStringLiteral("depth");
        s.depthNodata = -9999;
        const HazardZones z = HazardZones::fromLayer(flood, s, QStringLiteral("flood"));
        QCOMPARE(int(z.zones().size()), 2);
        QCOMPARE(z.zones()[0].depthMeters, 0.4);
        QVERIFY(std::isnan(z.zones()[1].depthMeters));
        QCOMPARE(z.problems().size(), 1);
        QVERIFY2(z.problems()[0].contains(QStringLiteral("1 features left out: level value outside the mapping (fid 3 'VE')")), qPrintable(z.problems()[0]));
        QCOMPARE(z.levelsAt({{5, 5}, {15, 15}, {30, 30}}), (std::vector<int>{4, 2, 0}));
        // No mapping: refused with the layer named.
        s.level = HazardLevelMapping();
        try {
            HazardZones::fromLayer(flood, s, QStringLiteral("flood"));
            QFAIL("accepted");
        } catch (const InvalidInput &e) {
            QVERIFY2(e.message().contains(QStringLiteral("has no level mapping")), qPrintable(e.message()));
        }
    }

    void zonesFromRaster()
    {
        // 4 × 3 cells of 10 m, top left at (0, 30); depths in metres, -1 = nodata.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("depth.tif"));
        GDALAllRegister();
        GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GTiff"), path.toUtf8().constData(), 4, 3, 1, GDT_Float32, nullptr);
        double gt[6] = {0, 10, 0, 30, 0, -10};
        GDALSetGeoTransform(ds, gt);
        GDALSetProjection(ds, Crs::fromEpsg(26986).wkt().toUtf8().constData());
        float cells[12] = {0.0f, 0.1f, 0.2f, 0.5f, 0.0f, 0.2f, 0.2f, 1.0f, -1.0f, 0.0f, 0.35f, 0.35f};
        GDALRasterBandH band = GDALGetRasterBand(ds, 1);
        GDALSetRasterNoDataValue(band, -1);
        QCOMPARE(GDALRasterIO(band, GF_Write, 0, 0, 4, 3, cells, 4, 3, GDT_Float32, 0, 0), CE_None);
        GDALClose(ds);
        HazardSettings s;
        s.type = HazardType::Waterlogging;
        s.level.kind = HazardLevelMapping::Kind::Breaks;
        s.level.breaks = {0.05, 0.15, 0.3, 0.6};
        const HazardZones z = HazardZones::fromRaster(RasterLayer::open(path), s, QStringLiteral("depth"), Crs::fromEpsg(26986));
        QCOMPARE(int(z.zones().size()), 4);
        const std::vector<double> areas{100, 300, 300, 100}, depths{0.05, 0.15, 0.3, 0.6};
        for (int k = 0; k < 4; ++k) {
            QCOMPARE(z.zones()[std::size_t(k)].level, k + 1);
            QCOMPARE(z.zones()[std::size_t(k)].polygon.area(), areas[std::size_t(k)]);
            QCOMPARE(z.zones()[std::size_t(k)].depthMeters, depths[std::size_t(k)]);
        }
        QVERIFY(z.problems().isEmpty());
        QCOMPARE(z.levelsAt({{35, 15}, {15, 25}, {5, 5}, {25, 5}}), (std::vector<int>{4, 1, 0, 3}));
        // In another CRS: refused with the way out.
        QVERIFY_THROWS_EXCEPTION(InvalidInput, HazardZones::fromRaster(RasterLayer::open(path), s, QStringLiteral("depth"), Crs::fromEpsg(32651)));
        s.level.kind = HazardLevelMapping::Kind::Field;
        QVERIFY_THROWS_EXCEPTION(InvalidInput, HazardZones::fromRaster(RasterLayer::open(path), s, QStringLiteral("depth"), Crs::fromEpsg(26986)));
    }

    void pointSourcesAsCircles()
    {
        VectorLayer sites(QStringLiteral("sites"), GeometryType::Point, Crs::fromEpsg(26986));
        sites.addField({QStringLiteral("r"), FieldType::Real});
        sites.addFeature(Geometry::point({0, 0}), {100.0}, 1);
        sites.addFeature(Geometry::point({1000, 0}), {QVariant()}, 2); // default radius
        HazardSettings s;
        s.type = HazardType::Hazmat;
        s.level.kind = HazardLevelMapping::Kind::Constant;
        s.level.constant = 5;
        s.radiusField = QStringLiteral("r");
        s.defaultRadiusMeters = 50;
        const HazardZones z = HazardZones::fromLayer(sites, s, QStringLiteral("sites"));
        QCOMPARE(int(z.zones().size()), 2);
        QCOMPARE(int(z.sources().size()), 2);
        QCOMPARE(z.sources()[1].isolationMeters, 50.0);
        QCOMPARE(z.levelsAt({{90, 0}, {110, 0}, {1040, 0}, {1060, 0}}), (std::vector<int>{5, 0, 5, 0}));
    }

    // A hazmat register: each site its own isolation and protection distances (else the
    // layer's), its code and name; the zone is the larger distance.
    void pointSourcesWithTheirOwnDistances()
    {
        VectorLayer sites(QStringLiteral("sites"), GeometryType::Point, Crs::fromEpsg(26986));
        for (const char *f : {"code", "title"})
            sites.addField({QString::fromLatin1(f), FieldType::String});
        sites.addField({QStringLiteral("iso"), FieldType::Real});
        sites.addField({QStringLiteral("prot"), FieldType::Real});
        sites.addFeature(Geometry::point({0, 0}), {QStringLiteral("C1"), QStringLiteral("Chlorine Works"), 60.0, 500.0}, 1);
        sites.addFeature(Geometry::point({2000, 0}), {QStringLiteral(" F2 "), QString(), QVariant(), QStringLiteral("0")}, 2);
        HazardSettings s;
        s.type = HazardType::Hazmat;
        s.level.kind = HazardLevelMapping::Kind::Constant;
        s.level.constant = 4;
        s.isolationField = QStringLiteral("iso");
        s.protectionField = QStringLiteral("prot");
        s.isolationMeters = 30;
        s.protectionMeters = 300;
        const HazardZones z = HazardZones::fromLayer(sites, s, QStringLiteral("sites"), QStringLiteral("code"), QStringLiteral("title"));
        QCOMPARE(int(z.sources().size()), 2);
        const HazardSource &a = z.sources()[0], &b = z.sources()[1];
        QCOMPARE(a.id, QStringLiteral("C1"));
        QCOMPARE(a.name, QStringLiteral("Chlorine Works"));
        QCOMPARE(a.isolationMeters, 60.0);
        QCOMPARE(a.protectionMeters, 500.0);
        QCOMPARE(b.id, QStringLiteral("F2"));
        QCOMPARE(b.name, QString());
        QCOMPARE(b.isolationMeters, 30.0);
        QCOMPARE(b.protectionMeters, 300.0);
        QCOMPARE(z.levelsAt({{490, 0}, {510, 0}, {2290, 0}, {2310, 0}}), (std::vector<int>{4, 0, 4, 0}));
        // The settings round-trip, and a mapped field the layer lacks is refused.
        QCOMPARE(HazardSettings::fromJson(s.toJson(), QStringLiteral("w")).isolationField, QStringLiteral("iso"));
        QCOMPARE(HazardSettings::fromJson(s.toJson(), QStringLiteral("w")).protectionField, QStringLiteral("prot"));
        s.protectionField = QStringLiteral("nope");
        QVERIFY_THROWS_EXCEPTION(InvalidInput, HazardZones::fromLayer(sites, s, QStringLiteral("sites")));
        s.protectionField.clear();
        QVERIFY_THROWS_EXCEPTION(InvalidInput, HazardZones::fromLayer(sites, s, QStringLiteral("sites"), QString(), QStringLiteral("nope")));
    }
};

QTEST_GUILESS_MAIN(TestExposure)
#include "tst_exposure.moc"
