// refuge-cli hazard-scenario / exposure / risk on the Cambridge sample with the FEMA
// 100-year and 500-year flood zones: the unsuitable shelters are the ones an
// independent OGR intersection finds, the per-neighbourhood scenario table adds up to
// the summary, exposure sums equal the blocks' population (summed with OGR), the risk
// layer has a class 1…5 per neighbourhood; bad hazard settings give exit 2 and one line.
#include "CliEnvironment.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <gdal.h>
#include <ogr_api.h>

using namespace refuge::test;

namespace {

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

QString project() { return sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")); }
QString gpkg() { return sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")); }

// Shelter names inside any feature of the flood layers (all of them are level 2 or more).
QStringList sheltersInFloodZones()
{
    GDALAllRegister();
    GDALDatasetH ds = GDALOpenEx(gpkg().toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    QStringList out;
    OGRLayerH shelters = GDALDatasetGetLayerByName(ds, "shelters");
    OGR_L_ResetReading(shelters);
    while (OGRFeatureH s = OGR_L_GetNextFeature(shelters)) {
        bool inside = false;
        for (const char *name : {"flood_100yr", "flood_500yr"}) {
            OGRLayerH l = GDALDatasetGetLayerByName(ds, name);
            OGR_L_ResetReading(l);
            while (OGRFeatureH f = OGR_L_GetNextFeature(l)) {
                inside = inside || OGR_G_Intersects(OGR_F_GetGeometryRef(f), OGR_F_GetGeometryRef(s));
                OGR_F_Destroy(f);
            }
        }
        if (inside)
            out << QString::fromUtf8(OGR_F_GetFieldAsString(s, OGR_F_GetFieldIndex(s, "Name")));
        OGR_F_Destroy(s);
    }
    GDALClose(ds);
    return out;
}

double blocksPopulation()
{
    GDALDatasetH ds = GDALOpenEx(gpkg().toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    OGRLayerH l = GDALDatasetGetLayerByName(ds, "blocks_2000");
    double sum = 0;
    OGR_L_ResetReading(l);
    while (OGRFeatureH f = OGR_L_GetNextFeature(l)) {
        const int i = OGR_F_GetFieldIndex(f, "POP_LAB");
        if (OGR_F_IsFieldSetAndNotNull(f, i) && OGR_F_GetFieldAsDouble(f, i) > 0)
            sum += OGR_F_GetFieldAsDouble(f, i);
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    return sum;
}

} // namespace

class TestHazardCli : public QObject {
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_xdg;
    QTemporaryDir m_cache;
private slots:
    void initTestCase()
    {
        m_xdg = ensureXdgRuntimeDir();
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_cache.path()));
    }

    void scenario()
    {
        QTemporaryDir dir;
        const CliResult r = runCli({QStringLiteral("hazard-scenario"), project(), QStringLiteral("--out"), dir.path()});
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(r.err));
        const QJsonObject s = readJson(dir.filePath(QStringLiteral("summary.json")));
        QVERIFY(s.value(QStringLiteral("complete")).toBool());
        QStringList names;
        for (const QJsonValue &v : s.value(QStringLiteral("unsuitable_shelters")).toArray())
            names << v.toObject().value(QStringLiteral("name")).toString();
        const QStringList expected = sheltersInFloodZones();
        QVERIFY(!expected.isEmpty());
        QCOMPARE(names, expected);
        QCOMPARE(s.value(QStringLiteral("shelters_lost")).toInt(), int(expected.size()));
        QVERIFY(s.value(QStringLiteral("closed_links")).toInt() > 0);
        const double before = s.value(QStringLiteral("baseline_covered")).toDouble(), after = s.value(QStringLiteral("scenario_covered")).toDouble();
        QVERIFY(after <= before);
        // The neighbourhood table adds up to the summary; covered before − after ≤ newly uncovered.
        QFile csv(dir.filePath(QStringLiteral("scenario_areas.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 14); // header + 13 neighbourhoods
        double newly = 0, lost = 0;
        for (const QString &line : lines.mid(1)) {
            const QStringList c = line.split(QLatin1Char(','));
            newly += c[4].toDouble();
            lost += c[7].toDouble();
        }
        QVERIFY(std::abs(newly - s.value(QStringLiteral("newly_uncovered")).toDouble()) < 1e-6);
        QCOMPARE(lost, double(expected.size()));
        QVERIFY(before - after <= newly + 1e-6);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("scenario.gpkg"))));
    }

    void exposure()
    {
        QTemporaryDir dir;
        const CliResult r = runCli({QStringLiteral("exposure"), project(), QStringLiteral("--out"), dir.path()});
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(r.err));
        const QJsonObject s = readJson(dir.filePath(QStringLiteral("summary.json")));
        const double total = s.value(QStringLiteral("total_population")).toDouble();
        QVERIFY(std::abs(total - blocksPopulation()) < 1e-6);
        double levels = 0;
        for (const QJsonValue &v : s.value(QStringLiteral("population_by_level")).toArray())
            levels += v.toDouble();
        QVERIFY(std::abs(levels + s.value(QStringLiteral("unexposed_population")).toDouble() - total) < 1e-6);
        QVERIFY(levels > 0);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("exposure_communities.csv"))));
    }

    void risk()
    {
        QTemporaryDir dir;
        const CliResult r = runCli({QStringLiteral("risk"), project(), QStringLiteral("--out"), dir.path()});
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(r.err));
        const QJsonObject s = readJson(dir.filePath(QStringLiteral("summary.json")));
        QCOMPARE(s.value(QStringLiteral("indicators")).toArray().size(), 3);
        const QJsonArray communities = s.value(QStringLiteral("communities")).toArray();
        QCOMPARE(communities.size(), 13);
        int perClass = 0;
        for (const QJsonValue &v : s.value(QStringLiteral("communities_per_class")).toArray())
            perClass += v.toInt();
        QCOMPARE(perClass, 13);
        for (const QJsonValue &v : communities) {
            const int cls = v.toObject().value(QStringLiteral("class")).toInt();
            QVERIFY(cls >= 1 && cls <= 5);
            QVERIFY(!v.toObject().value(QStringLiteral("label_zh")).toString().isEmpty());
        }
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("risk.gpkg"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("risk_style.json")))); // the style comes from the desktop (risk_classes)
    }

    void badHazardSettings_data()
    {
        QTest::addColumn<QString>("hazard");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("message");
        QTest::newRow("no level") << R"({"type": "flood"})" << QStringList() << "has no level mapping";
        QTest::newRow("bad type") << R"({"type": "meteor"})" << QStringList() << "unknown hazard type 'meteor'";
        QTest::newRow("unknown layer") << R"({"type": "flood", "level": {"constant": 4}})"
                                       << QStringList{QStringLiteral("--layers"), QStringLiteral("flood_1000yr")} << "names layer 'flood_1000yr', which is not in the project";
        QTest::newRow("level option") << R"({"type": "flood", "level": {"constant": 4}})"
                                      << QStringList{QStringLiteral("--shelter-min-level"), QStringLiteral("7")} << "--shelter-min-level must be 1, 2, 3, 4 or 5 (got '7')";
    }
    void badHazardSettings()
    {
        QFETCH(QString, hazard);
        QFETCH(QStringList, extra);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QFile in(project());
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject p = QJsonDocument::fromJson(in.readAll()).object();
        QJsonArray layers;
        for (const QJsonValue &v : p.value(QStringLiteral("layers")).toArray()) {
            QJsonObject l = v.toObject();
            l.insert(QStringLiteral("source"), gpkg());
            if (l.value(QStringLiteral("id")).toString() == QLatin1String("flood_100yr"))
                l.insert(QStringLiteral("hazard"), QJsonDocument::fromJson(hazard.toUtf8()).object());
            layers.append(l);
        }
        p.insert(QStringLiteral("layers"), layers);
        const QString path = dir.filePath(QStringLiteral("bad.refuge"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(p).toJson());
        out.close();
        const CliResult r = runCli(QStringList{QStringLiteral("hazard-scenario"), path, QStringLiteral("--out"), dir.filePath(QStringLiteral("out"))} + extra);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out/summary.json"))));
    }
};

QTEST_GUILESS_MAIN(TestHazardCli)
#include "tst_hazard_cli.moc"
