// PostGIS reader: a real PostgreSQL + PostGIS server (started by PgServer for this
// process), two tables loaded with ogr2ogr — Cambridge shelters reprojected to
// EPSG:26986 in public, Shanghai roads with Chinese names in a schema "planning" —
// read through `refuge-cli info "PG:...|layername=..."` and VectorLayer::load.
// Exit code 77 (CTest: skipped) with the reason when the server packages are missing.
#include "PgServer.h"
#include "CliEnvironment.h"
#include "TestSupport.h"

#include "model/VectorLayer.h"
#include "util/Error.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cstdio>

using namespace refuge;
using namespace refuge::test;

namespace {

const QString kDb = QStringLiteral("refuge_test");

QString fixture(const QString &name) { return sourcePath(QStringLiteral("tests/postgis/") + name); }

} // namespace

class TstPostgis : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cliInfoOnTable();
    void cliInfoOnDatabase();
    void loadReprojectedWithNulls();
    void chineseNamesInSchemaTable();
    void badConnectionsAndTables_data();
    void badConnectionsAndTables();

private:
    QString pg(const QString &table = {}) const
    {
        const QString base = QStringLiteral("PG:") + m_server.conninfo(kDb);
        return table.isEmpty() ? base : base + QStringLiteral("|layername=") + table;
    }
    PgServer m_server;
    std::unique_ptr<QTemporaryDir> m_xdg;
};

void TstPostgis::initTestCase()
{
    m_xdg = ensureXdgRuntimeDir();
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QVERIFY2(m_server.sql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0").arg(kDb), &error),
             qPrintable(error));
    QVERIFY2(m_server.sql(kDb, QStringLiteral("CREATE EXTENSION postgis; CREATE SCHEMA planning;"), &error), qPrintable(error));
    QVERIFY2(m_server.load(kDb, fixture(QStringLiteral("shelters.geojson")),
                           {QStringLiteral("-nln"), QStringLiteral("shelters"), QStringLiteral("-t_srs"), QStringLiteral("EPSG:26986"),
                            QStringLiteral("-lco"), QStringLiteral("GEOMETRY_NAME=geom")},
                           &error),
             qPrintable(error));
    QVERIFY2(m_server.load(kDb, fixture(QStringLiteral("roads_zh.geojson")),
                           {QStringLiteral("-nln"), QStringLiteral("roads_zh"), QStringLiteral("-lco"), QStringLiteral("SCHEMA=planning"),
                            QStringLiteral("-lco"), QStringLiteral("GEOMETRY_NAME=geom")},
                           &error),
             qPrintable(error));
}

void TstPostgis::cleanupTestCase() { m_server.stop(); }

void TstPostgis::cliInfoOnTable()
{
    const CliResult r = runCli({QStringLiteral("info"), QStringLiteral("--json"), pg(QStringLiteral("public.shelters"))});
    QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(doc.value(QStringLiteral("driver")).toString(), QStringLiteral("PostgreSQL"));
    const QJsonArray layers = doc.value(QStringLiteral("layers")).toArray();
    QCOMPARE(layers.size(), 1);
    const QJsonObject l = layers.at(0).toObject();
    QCOMPARE(l.value(QStringLiteral("feature_count")).toInt(), 15);
    QCOMPARE(l.value(QStringLiteral("loaded_count")).toInt(), 15);
    QCOMPARE(l.value(QStringLiteral("geometry_type")).toString(), QStringLiteral("Point"));
    QCOMPARE(l.value(QStringLiteral("crs")).toObject().value(QStringLiteral("authid")).toString(), QStringLiteral("EPSG:26986"));
    QMap<QString, QString> fields;
    for (const QJsonValue &f : l.value(QStringLiteral("fields")).toArray())
        fields.insert(f.toObject().value(QStringLiteral("name")).toString(), f.toObject().value(QStringLiteral("type")).toString());
    QCOMPARE(fields.keys(), (QStringList{QStringLiteral("address"), QStringLiteral("capacity"), QStringLiteral("name"), QStringLiteral("type")}));
    QCOMPARE(fields.value(QStringLiteral("capacity")), QStringLiteral("Integer"));
    QCOMPARE(fields.value(QStringLiteral("name")), QStringLiteral("String"));
    // Extent in Massachusetts Mainland metres (Cambridge: x ≈ 228–235 km, y ≈ 900–905 km).
    const QJsonArray e = l.value(QStringLiteral("extent")).toArray();
    QVERIFY2(e[0].toDouble() > 226000 && e[2].toDouble() < 236000 && e[1].toDouble() > 898000 && e[3].toDouble() < 906000,
             qPrintable(QJsonDocument(e).toJson(QJsonDocument::Compact)));
}

void TstPostgis::cliInfoOnDatabase()
{
    // Without a layer name: every spatial table of the database, one entry each.
    const CliResult r = runCli({QStringLiteral("info"), QStringLiteral("--json"), pg()});
    QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
    QMap<QString, int> counts;
    for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("layers")).toArray())
        counts.insert(v.toObject().value(QStringLiteral("name")).toString(), v.toObject().value(QStringLiteral("feature_count")).toInt());
    QCOMPARE(counts.size(), 2);
    QCOMPARE(counts.value(QStringLiteral("shelters")), 15);
    QCOMPARE(counts.value(QStringLiteral("planning.roads_zh")), 30);
}

void TstPostgis::loadReprojectedWithNulls()
{
    LoadOptions opts;
    opts.targetCrs = Crs::fromEpsg(4326);
    const VectorLayer pgLayer = VectorLayer::load(DataSource::parse(pg(QStringLiteral("public.shelters"))), opts);
    const VectorLayer file = VectorLayer::load({fixture(QStringLiteral("shelters.geojson")), {}});
    QCOMPARE(pgLayer.featureCount(), 15);
    QCOMPARE(pgLayer.sourceCrs().authId(), QStringLiteral("EPSG:26986"));
    QCOMPARE(pgLayer.crs().authId(), QStringLiteral("EPSG:4326"));
    const int cap = pgLayer.requireField(QStringLiteral("capacity"));
    qint64 sum = 0;
    int nulls = 0;
    for (int i = 0; i < pgLayer.featureCount(); ++i) {
        const QVariant v = pgLayer.attribute(i, cap);
        nulls += v.isValid() ? 0 : 1;
        sum += v.toLongLong();
    }
    QCOMPARE(nulls, 1);
    QCOMPARE(sum, qint64(10457));
    // The round trip 4326 -> 26986 (ogr2ogr) -> 4326 (refuge) lands within a centimetre.
    QHash<QString, QPointF> byName;
    for (int i = 0; i < file.featureCount(); ++i)
        byName.insert(file.attribute(i, QStringLiteral("Name")).toString(), file.geometry(i).bounds().center());
    for (int i = 0; i < pgLayer.featureCount(); ++i) {
        const QString name = pgLayer.attribute(i, QStringLiteral("name")).toString();
        QVERIFY2(byName.contains(name), qPrintable(name));
        const QPointF d = pgLayer.geometry(i).bounds().center() - byName.value(name);
        QVERIFY2(std::abs(d.x()) < 1e-7 && std::abs(d.y()) < 1e-7, qPrintable(name));
    }
}

void TstPostgis::chineseNamesInSchemaTable()
{
    const VectorLayer roads = VectorLayer::load(DataSource::parse(pg(QStringLiteral("planning.roads_zh"))));
    QCOMPARE(roads.featureCount(), 30);
    QCOMPARE(roads.sourceCrs().authId(), QStringLiteral("EPSG:4326"));
    QCOMPARE(dimension(roads.geometryType()), 1);
    QMap<QString, int> names;
    for (int i = 0; i < roads.featureCount(); ++i)
        names[roads.attribute(i, QStringLiteral("name")).toString()] += 1;
    QCOMPARE(names.value(QStringLiteral("人民路")), 16);
    QCOMPARE(names.value(QStringLiteral("淮海中路")), 14);
    QCOMPARE(names.size(), 2);
}

void TstPostgis::badConnectionsAndTables_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("words");
    QTest::newRow("no such table") << QStringLiteral("@|layername=public.nope") << QStringLiteral("no layer 'public.nope'");
    QTest::newRow("no such database") << QStringLiteral("PG:host=127.0.0.1 port=@port dbname=nope user=postgres|layername=public.shelters")
                                      << QStringLiteral("nope");
    QTest::newRow("password never printed") << QStringLiteral("PG:host=127.0.0.1 port=1 dbname=refuge_test user=postgres password=s3cret|layername=public.shelters")
                                            << QStringLiteral("password=***");
    QTest::newRow("nothing listening") << QStringLiteral("PG:host=127.0.0.1 port=1 dbname=refuge_test user=postgres|layername=public.shelters")
                                       << QStringLiteral("connect");
}

void TstPostgis::badConnectionsAndTables()
{
    QFETCH(QString, source);
    QFETCH(QString, words);
    source.replace(QLatin1String("@port"), QString::number(m_server.port()));
    if (source.startsWith(QLatin1Char('@')))
        source = pg() + source.mid(1);
    const CliResult r = runCli({QStringLiteral("info"), source});
    const QString context = QStringLiteral("exit %1, stderr:\n%2").arg(r.exitCode).arg(r.err);
    QVERIFY2(r.exitCode == 2, qPrintable(context));
    QVERIFY2(r.err.count(QLatin1Char('\n')) == 1, qPrintable(context));
    QVERIFY2(!r.err.contains(QLatin1String("s3cret")), qPrintable(context));
    const QString conn = source.section(QLatin1Char('|'), 0, 0).replace(QLatin1String("password=s3cret"), QLatin1String("password=***"));
    QVERIFY2(r.err.startsWith(QStringLiteral("refuge-cli: %1: ").arg(conn)), qPrintable(context));
    QVERIFY2(r.err.contains(words, Qt::CaseInsensitive), qPrintable(context));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString reason = PgServer::missingReason();
    if (!reason.isEmpty()) {
        std::fprintf(stderr, "SKIP tst_postgis: %s\n", qPrintable(reason));
        std::printf("SKIP tst_postgis: %s\n", qPrintable(reason));
        return 77; // CTest SKIP_RETURN_CODE
    }
    TstPostgis test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_postgis.moc"
