// Demand::load (streamed from the source) gives exactly what Demand::fromLayer gives
// on the layer VectorLayer::load reads: the same points (bit for bit), populations,
// feature numbers and counts, and the load's skipped/repaired lines in the messages —
// on Cambridge blocks (multipolygons) and shelters (points), in their CRS and
// reprojected, and on a fixture of awkward polygons (invalid, concave, holes, spikes,
// pinches, duplicate and collinear vertices, many vertices, null/empty geometry).
#include "TestSupport.h"
#include "analysis/Demand.h"
#include "io/Gdal.h"
#include "model/VectorLayer.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace refuge;

namespace {

using Ring = std::vector<QPointF>;

QString ringWkt(const Ring &r)
{
    QStringList pts;
    for (const QPointF &p : r)
        pts << QStringLiteral("%1 %2").arg(p.x(), 0, 'g', 17).arg(p.y(), 0, 'g', 17);
    return QStringLiteral("(%1)").arg(pts.join(QStringLiteral(", ")));
}

QString polygonWkt(const std::vector<Ring> &rings)
{
    QStringList parts;
    for (const Ring &r : rings)
        parts << ringWkt(r);
    return QStringLiteral("POLYGON (%1)").arg(parts.join(QStringLiteral(", ")));
}

Ring box(double x, double y, double w, double h) { return {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}, {x, y}}; }

// Rows: WKT (empty = null geometry) and population (NaN = null).
struct Row {
    QString wkt;
    double pop;
};

std::vector<Row> awkwardRows()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    Ring circle;
    for (int i = 0; i < 100; ++i)
        circle.emplace_back(5000 + 40 * std::cos(2 * M_PI * i / 100), 40 * std::sin(2 * M_PI * i / 100));
    circle.push_back(circle.front());
    return {
        {polygonWkt({box(0, 0, 100, 100)}), 100},
        {polygonWkt({{{200, 0}, {300, 100}, {300, 0}, {200, 100}, {200, 0}}}), 50},           // bow tie: repaired
        {polygonWkt({{{400, 0}, {450, 0}, {500, 0}, {500, 80}, {400, 80}, {400, 0}}}), 10},   // collinear vertex
        {polygonWkt({{{600, 0}, {700, 0}, {700, 0}, {700, 90}, {600, 90}, {600, 0}}}), 11},   // duplicate vertex
        {polygonWkt({{{800, 0}, {900, 0}, {900, 100}, {880, 100}, {880, 10}, {820, 10}, {820, 100}, {800, 100}, {800, 0}}}), 30}, // U: centroid outside
        {polygonWkt({box(1000, 0, 100, 100), box(1010, 10, 80, 80)}), 20},                    // hole: centroid in it
        {QString(), 5},                                                                       // null geometry
        {QStringLiteral("POLYGON EMPTY"), 6},
        {polygonWkt({box(1200, 0, 10, 10)}), nan},
        {polygonWkt({box(1300, 0, 10, 10)}), -4},
        {polygonWkt({box(1400, 0, 10, 10)}), 0},
        {polygonWkt({circle}), 7},                                                            // many vertices
        {QStringLiteral("MULTIPOLYGON (%1)").arg(QStringLiteral("(%1)").arg(ringWkt(box(1500, 0, 30, 30)))), 8}, // one-part multi
        {QStringLiteral("MULTIPOLYGON ((%1), (%2))").arg(ringWkt(box(1600, 0, 10, 10)), ringWkt(box(1650, 0, 20, 20))), 9},
        {QStringLiteral("POINT (1700 5)"), 12},                                               // another dimension
        {polygonWkt({{{1800, 0}, {1900, 0}, {1850, 50}, {1900, 100}, {1800, 100}, {1850, 50}, {1800, 0}}}), 13}, // pinched
        {polygonWkt({{{2000, 0}, {2100, 0}, {2100, 100}, {2100, 150}, {2100, 100}, {2000, 100}, {2000, 0}}}), 14}, // spike
        {polygonWkt({{{2200, 0}, {2300, 0}, {2250, 80}, {2200, 0}}}), 15},                     // triangle
        {polygonWkt({{{2400, 0}, {2500, 0}, {2400, 0}, {2400, 0}}}), 16},                      // collapsed
        {polygonWkt({{{2600, 0}, {2700, 0}, {2700, 100}, {2600, 0}, {2650, 100}, {2600, 100}, {2600, 0}}}), 17},     // self-touching
    };
}

// driver "GPKG" (read through GDAL's Arrow stream) or "SQLite" (feature by feature).
QString writeFixture(const QString &dir, const QString &driver)
{
    ensureGdal();
    const QString path = dir + (driver == QLatin1String("GPKG") ? QStringLiteral("/awkward.gpkg") : QStringLiteral("/awkward.sqlite"));
    GdalDataset ds(GDALCreate(GDALGetDriverByName(driver.toLatin1().constData()), path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
    OgrSrs srs(OSRNewSpatialReference(nullptr));
    OSRImportFromEPSG(srs.get(), 26986);
    OGRLayerH layer = GDALDatasetCreateLayer(ds.get(), "blocks", srs.get(), wkbPolygon, nullptr);
    {
        OGRFieldDefnH fd = OGR_Fld_Create("pop", OFTReal);
        OGR_L_CreateField(layer, fd, TRUE);
        OGR_Fld_Destroy(fd);
    }
    for (const Row &r : awkwardRows()) {
        OgrFeature f(OGR_F_Create(OGR_L_GetLayerDefn(layer)));
        if (!std::isnan(r.pop))
            OGR_F_SetFieldDouble(f.get(), 0, r.pop);
        if (!r.wkt.isEmpty()) {
            QByteArray wkt = r.wkt.toUtf8();
            char *text = wkt.data();
            OGRGeometryH g = nullptr;
            if (OGR_G_CreateFromWkt(&text, nullptr, &g) != OGRERR_NONE)
                qFatal("bad WKT %s", wkt.constData());
            OGR_F_SetGeometryDirectly(f.get(), g);
        }
        if (OGR_L_CreateFeature(layer, f.get()) != OGRERR_NONE)
            qFatal("cannot write the fixture");
    }
    return path;
}

void compare(const DemandSet &a, const DemandSet &b, const QStringList &loadMessages)
{
    QCOMPARE(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a.feature[i], b.feature[i]);
        QCOMPARE(a.points[i].x(), b.points[i].x());
        QCOMPARE(a.points[i].y(), b.points[i].y());
        QCOMPARE(a.population[i], b.population[i]);
    }
    QCOMPARE(a.stats.features, b.stats.features);
    QCOMPARE(a.stats.used, b.stats.used);
    QCOMPARE(a.stats.nullPopulation, b.stats.nullPopulation);
    QCOMPARE(a.stats.negativePopulation, b.stats.negativePopulation);
    QCOMPARE(a.stats.zeroPopulation, b.stats.zeroPopulation);
    QCOMPARE(a.stats.noPoint, b.stats.noPoint);
    QCOMPARE(a.crs, b.crs);
    QCOMPARE(a.source, b.source);
    QCOMPARE(a.stats.sourceMessages, loadMessages);
}

} // namespace

class TestDemandLoad : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameAsLayer_data()
    {
        QTest::addColumn<QString>("layer"); // Cambridge layer, or the fixture's driver
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("epsg");
        QTest::newRow("cambridge blocks") << "blocks_2000" << "POP_LAB" << 0;
        QTest::newRow("cambridge blocks → UTM 19N") << "blocks_2000" << "POP_LAB" << 32619;
        QTest::newRow("cambridge blocks, text as population") << "blocks_2000" << "STFID" << 0;
        QTest::newRow("cambridge shelters (points)") << "shelters" << "Capacity" << 0;
        QTest::newRow("cambridge shelters → WGS 84") << "shelters" << "capacity" << 4326;
        QTest::newRow("awkward polygons, GeoPackage") << "GPKG" << "pop" << 0;
        QTest::newRow("awkward polygons, GeoPackage → UTM 19N") << "GPKG" << "pop" << 32619;
        QTest::newRow("awkward polygons, SQLite") << "SQLite" << "pop" << 0;
        QTest::newRow("awkward polygons, SQLite → UTM 19N") << "SQLite" << "pop" << 32619;
    }
    void sameAsLayer()
    {
        QFETCH(QString, layer);
        QFETCH(QString, field);
        QFETCH(int, epsg);
        QTemporaryDir dir;
        const bool fixture = layer == QLatin1String("GPKG") || layer == QLatin1String("SQLite");
        const DataSource source = fixture ? DataSource{writeFixture(dir.path(), layer), QString()}
                                          : DataSource{test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")), layer};
        const LoadOptions options{epsg > 0 ? Crs::fromEpsg(epsg) : Crs(), {}, {}, true};
        Feedback fb, fbLoad;
        const VectorLayer l = VectorLayer::load(source, options);
        const DemandSet expected = Demand::fromLayer(l, field, 0, fb);
        const DemandSet got = Demand::load(source, field, 0, options, fbLoad);
        QVERIFY(expected.size() > 5);
        compare(got, expected, l.report().messages());
        // The same features dropped, with the same FIDs and reasons (the GeoPackage's from the Arrow stream).
        auto dropped = [](const Feedback &f) {
            QStringList out;
            for (const DroppedFeature &d : f.droppedFeatures())
                out << QStringLiteral("%1 %2").arg(d.fid, 4, 10, QLatin1Char('0')).arg(d.reason);
            out.sort();
            return out;
        };
        QCOMPARE(dropped(fbLoad), dropped(fb));
        QCOMPARE(fbLoad.inputProblems(), fb.inputProblems());
        if (fixture) {
            // The fixture really exercises the repair and skip counts.
            QVERIFY(l.report().repaired >= 2);
            QCOMPARE(l.report().nullGeometry, 1);
            QCOMPARE(l.report().otherDimension, 1);
            // Rows 7 (null), 8 (empty) and 15 (a point): the fixture's FIDs count from 1.
            const QStringList d = dropped(fbLoad);
            QVERIFY2(d.contains(QStringLiteral("0007 no geometry")) && d.contains(QStringLiteral("0008 empty geometry"))
                         && d.contains(QStringLiteral("0015 another geometry type than the layer's")),
                     qPrintable(d.join(QLatin1Char('|'))));
            QVERIFY(got.stats.messages().join(QLatin1Char('\n')).contains(QStringLiteral("repaired")));
        }
    }
    void splitCellsAsLayer()
    {
        const DataSource source{test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")), QStringLiteral("blocks_2000")};
        Feedback fb;
        const DemandSet expected = Demand::fromLayer(VectorLayer::load(source, {}), QStringLiteral("POP_LAB"), 100, fb);
        const DemandSet got = Demand::load(source, QStringLiteral("POP_LAB"), 100, {}, fb);
        QVERIFY(got.stats.splitFeatures > 10);
        compare(got, expected, {});
    }
    void errorsNameTheSource()
    {
        const DataSource blocks{test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")), QStringLiteral("blocks_2000")};
        Feedback fb;
        try {
            Demand::load(blocks, QStringLiteral("POP100"), 0, {}, fb);
            QFAIL("no error for a missing field");
        } catch (const InvalidInput &e) {
            QVERIFY(e.message().contains(QStringLiteral("cambridge.gpkg")));
            QVERIFY(e.message().contains(QStringLiteral("no field 'POP100'")));
            QVERIFY(e.message().contains(QStringLiteral("POP_LAB")));
        }
        const DataSource streets{blocks.path, QStringLiteral("streets")};
        const QString field = VectorLayer::load(streets, {}).fields().front().name;
        QVERIFY_THROWS_EXCEPTION(InvalidInput, Demand::load(streets, field, 0, {}, fb));
        QVERIFY_THROWS_EXCEPTION(IoError, Demand::load(DataSource{blocks.path + QStringLiteral(".missing"), {}}, field, 0, {}, fb));
    }
};

QTEST_GUILESS_MAIN(TestDemandLoad)
#include "tst_demandload.moc"
