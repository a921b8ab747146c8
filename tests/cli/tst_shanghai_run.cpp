// The Shanghai sample end to end (issue 19): `refuge-cli run` on maps/shanghai — OSM
// streets, a GCJ-02 shelter sheet with Chinese headers, OSM fire stations, the offline
// MBTiles basemap — writes service areas, fire response over the study area and the
// report. Values checked against independent sums: the study area's area from its
// corners (shoelace in UTM 51N), the shelter sheet's 人民广场 against the WGS 84 point
// OSM gives, every shelter the network cannot reach named on stderr.
#include "CliEnvironment.h"
#include "TestSupport.h"

#include "crs/CoordinateTransform.h"
#include "model/VectorLayer.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace refuge;
using namespace refuge::test;

namespace {

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

} // namespace

class TstShanghaiRun : public QObject {
    Q_OBJECT
    QTemporaryDir m_out;
    CliResult m_run;

private slots:
    void initTestCase()
    {
        ensureXdgRuntimeDir();
        QVERIFY(m_out.isValid());
        m_run = runCli({QStringLiteral("run"), sourcePath(QStringLiteral("maps/shanghai/shanghai.refuge")), QStringLiteral("--out"),
                        m_out.filePath(QStringLiteral("out"))},
                       120000);
        QVERIFY2(m_run.exitCode == 0, qPrintable(m_run.err));
    }

    void serviceAreasAndUnreachedShelters()
    {
        // 19 shelters; 18 reach the network, the one more than 300 m from any drivable
        // street (the OSM extract holds drivable streets only) is named, not dropped.
        const VectorLayer areas = VectorLayer::load(
            DataSource{m_out.filePath(QStringLiteral("out/service_area/service_areas.gpkg")), QString()}, LoadOptions());
        QCOMPARE(areas.featureCount(), 18);
        QVERIFY2(m_run.err.contains(QLatin1String("facility 1201484656 is farther than 300 m from any street")), qPrintable(m_run.err));
        const QJsonArray layers = readJson(m_out.filePath(QStringLiteral("out/layers.json"))).value(QStringLiteral("layers")).toArray();
        QCOMPARE(layers.size(), 5);
        for (const QJsonValue &v : layers)
            if (v[QStringLiteral("id")].toString() == QLatin1String("shelters"))
                QCOMPARE(v[QStringLiteral("features")].toInt(), 19);
    }

    void shelterSheetLandsOnTheOsmPoint()
    {
        // 人民广场 in osm/pois.geojson (WGS 84) and in the GCJ-02 sheet stated as GCJ-02.
        const Crs utm = Crs::fromEpsg(32651);
        LoadOptions o;
        o.targetCrs = utm;
        const VectorLayer osm = VectorLayer::load(DataSource{sourcePath(QStringLiteral("maps/shanghai/osm/pois.geojson")), QString()}, o);
        o.assumedCrs = Crs::fromUserInput(QStringLiteral("GCJ-02"));
        const VectorLayer sheet = VectorLayer::load(
            DataSource{sourcePath(QStringLiteral("maps/shanghai/shelters_gcj02.xlsx")), QStringLiteral("避难场所")}, o);
        auto find = [](const VectorLayer &l, const QString &field) {
            const int f = l.fieldIndex(field);
            for (int i = 0; i < l.featureCount(); ++i)
                if (l.attribute(i, f).toString() == QStringLiteral("人民广场"))
                    return l.geometry(i).ringPoints(0)[0];
            return QPointF(NAN, NAN);
        };
        const QPointF a = find(osm, QStringLiteral("name")), b = find(sheet, QStringLiteral("名称"));
        // The sheet keeps 6 decimals (0.11 m): within 0.2 m, where the unconverted
        // GCJ-02 point would be about 500 m off.
        QVERIFY2(std::hypot(a.x() - b.x(), a.y() - b.y()) < 0.2, qPrintable(QStringLiteral("%1 m").arg(std::hypot(a.x() - b.x(), a.y() - b.y()))));
    }

    void fireResponseOverTheStudyArea()
    {
        const QJsonObject fire = readJson(m_out.filePath(QStringLiteral("out/fire/summary.json")));
        QCOMPARE(fire.value(QStringLiteral("stations")).toInt(), 3);
        QCOMPARE(fire.value(QStringLiteral("total_population")).toDouble(), 0.0); // no population layer in the sample
        // The study area is the extract's lon/lat box; its area in UTM 51N by the shoelace
        // formula over densified edges, against the analysis's 50 m grid.
        const CoordinateTransform t(Crs::fromEpsg(4326), Crs::fromEpsg(32651));
        const double x0 = 121.4611262, y0 = 31.2196145, x1 = 121.4863121, y1 = 31.2411914;
        std::vector<QPointF> ring;
        for (int i = 0; i < 100; ++i) ring.push_back(t.transform({x0 + (x1 - x0) * i / 100, y0}));
        for (int i = 0; i < 100; ++i) ring.push_back(t.transform({x1, y0 + (y1 - y0) * i / 100}));
        for (int i = 0; i < 100; ++i) ring.push_back(t.transform({x1 - (x1 - x0) * i / 100, y1}));
        for (int i = 0; i < 100; ++i) ring.push_back(t.transform({x0, y1 - (y1 - y0) * i / 100}));
        double twice = 0;
        for (std::size_t i = 0; i < ring.size(); ++i) {
            const QPointF &p = ring[i], &q = ring[(i + 1) % ring.size()];
            twice += p.x() * q.y() - q.x() * p.y();
        }
        const double km2 = std::abs(twice) / 2 / 1e6;
        const double studied = fire.value(QStringLiteral("study_area_km2")).toDouble();
        QVERIFY2(std::abs(studied - km2) < 0.03, qPrintable(QStringLiteral("%1 vs %2").arg(studied).arg(km2)));
        const double reached = fire.value(QStringLiteral("reached_area_km2")).toDouble();
        QVERIFY(reached > 0 && reached < studied);
        QCOMPARE(reached + fire.value(QStringLiteral("unreached_area_km2")).toDouble(), studied);
        // The report has no population figure to show (not "0 people reached").
        QVERIFY(QFile::exists(m_out.filePath(QStringLiteral("out/report/report.pdf"))));
        QFile html(m_out.filePath(QStringLiteral("out/report/report.html")));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(html.readAll());
        QVERIFY(!text.contains(QLatin1String("Population reached in time")));
        QVERIFY(text.contains(QLatin1String("basemap.mbtiles")));
    }

    // The results GeoPackages carry their styles (issue 18): the first-due zones one
    // colour per station of the run, the unreached area hatched; both read back as stored.
    void resultsCarryTheirStyles()
    {
        const VectorLayer zones = VectorLayer::load(DataSource{m_out.filePath(QStringLiteral("out/fire/fire.gpkg")), QStringLiteral("zones")});
        const QJsonObject style = zones.storedStyle();
        QCOMPARE(style.value(QStringLiteral("type")).toString(), QStringLiteral("categorized"));
        QCOMPARE(style.value(QStringLiteral("field")).toString(), QStringLiteral("station"));
        const QJsonArray categories = style.value(QStringLiteral("categories")).toArray();
        QCOMPARE(categories.size(), 3);
        QStringList styled;
        for (const QJsonValue &c : categories)
            styled << c[QStringLiteral("value")].toString();
        QVERIFY(zones.featureCount() > 0);
        for (int i = 0; i < zones.featureCount(); ++i) // every zone drawn in its station's colour
            QVERIFY2(styled.contains(zones.attribute(i, QStringLiteral("station")).toString()), qPrintable(styled.join(u',')));
        const VectorLayer unreached = VectorLayer::load(DataSource{m_out.filePath(QStringLiteral("out/fire/fire.gpkg")), QStringLiteral("unreached")});
        QCOMPARE(unreached.storedStyle().value(QStringLiteral("symbol")).toObject().value(QStringLiteral("hatch")).toString(), QStringLiteral("bdiagonal"));
        QCOMPARE(VectorLayer::layerNames(m_out.filePath(QStringLiteral("out/fire/fire.gpkg"))).count(QStringLiteral("layer_styles")), 0);
    }
};

QTEST_GUILESS_MAIN(TstShanghaiRun)
#include "tst_shanghai_run.moc"
