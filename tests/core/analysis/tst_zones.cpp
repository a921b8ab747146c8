// Zones: nearest-facility zones do not overlap, cover the reachable area, split a
// street where the two facilities' costs meet; the CLI writes zones.gpkg.
#include "../network/NetworkTestData.h"
#include "TestSupport.h"
#include "analysis/Buffers.h"
#include "analysis/ServiceArea.h"
#include "analysis/Zones.h"
#include "network/Snapper.h"
#include "util/Feedback.h"

#include <QTemporaryDir>
#include <QTest>

using namespace refuge;
using namespace refuge::test;

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
        QCOMPARE(z.featureCount(), 2);
        QCOMPARE(z.attribute(0, QStringLiteral("facility_id")).toString(), QStringLiteral("west"));
        QVERIFY(std::abs(z.attribute(0, QStringLiteral("street_m")).toDouble() - 150.0) < 1e-6);
        QVERIFY(std::abs(z.attribute(1, QStringLiteral("street_m")).toDouble() - 250.0) < 1e-6);
        // No overlap, and together they are the whole 50 m access area.
        GEOSContextHandle_t ctx = geosContext();
        const GeosGeom a = z.geometry(0).toGeos(), b = z.geometry(1).toGeos();
        GeosGeom both(GEOSIntersection_r(ctx, a.get(), b.get()));
        double overlap = 0;
        GEOSArea_r(ctx, both.get(), &overlap);
        QVERIFY(overlap < 1e-6);
        const double total = z.attribute(0, QStringLiteral("area_m2")).toDouble() + z.attribute(1, QStringLiteral("area_m2")).toDouble();
        const double expected = 400 * 100 + 3.14159265 * 50 * 50;
        QVERIFY2(std::abs(total - expected) < 0.01 * expected, qPrintable(QString::number(total)));
        // The boundary between them is at x = 150.
        const GeosGeom west150 = Geometry::point({140, 20}).toGeos(), east160 = Geometry::point({160, 20}).toGeos();
        QVERIFY(GEOSContains_r(ctx, a.get(), west150.get()) == 1);
        QVERIFY(GEOSContains_r(ctx, b.get(), east160.get()) == 1);
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
                                    QStringLiteral("--facilities"), gpkg + QStringLiteral(":shelters"), QStringLiteral("--facility-id"),
                                    QStringLiteral("Name"), QStringLiteral("--max-meters"), QStringLiteral("1500"), QStringLiteral("--out"),
                                    dir.path(), QStringLiteral("--no-cache")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const VectorLayer z = VectorLayer::load({dir.filePath(QStringLiteral("zones.gpkg")), QStringLiteral("zones")});
        QVERIFY(z.featureCount() >= 10);
        double sum = 0;
        for (int i = 0; i < z.featureCount(); ++i)
            sum += z.attribute(i, QStringLiteral("area_m2")).toDouble();
        QVERIFY(sum > 5e6 && sum < 3e7); // Cambridge is ~18.5 km²
    }
};

QTEST_GUILESS_MAIN(TestZones)
#include "tst_zones.moc"
