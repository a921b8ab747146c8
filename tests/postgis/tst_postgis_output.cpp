// Analysis outputs into PostGIS (`--out PG:... schemas=refuge_results`, ResultsStore +
// PgOutput). A real throwaway PostgreSQL + PostGIS server (PgServer) requiring a
// password on TCP. On the Cambridge sample, coverage (with its per-unit layer) and
// zones run once into a folder and once into the database; every GeoPackage layer is
// read back from its table with GDAL and compared with the file: feature count, fields,
// every value by fid, geometries vertex by vertex within 1e-9 m and equal areas; the
// refuge_runs row holds the summary's record (tables, inputs with checksums, figures).
// Also: tables left by an earlier run are refused without --overwrite and replaced with
// it; an input table the run would replace is refused; a failure while writing the
// third table or a kill before COMMIT leaves no table and no refuge_runs row (and the
// previous run's tables as they were); an unreachable server is one line; the password
// is in no output, message, record or leftover temporary file.
// Exit code 77 (CTest: skipped) with the reason when the server packages are missing.
#include "PgServer.h"
#include "CliEnvironment.h"
#include "TestSupport.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <gdal.h>
#include <ogr_api.h>

#include <cmath>
#include <cstdio>

using namespace refuge::test;

namespace {

const QString kDb = QStringLiteral("refuge_out");
const QString kPassword = QStringLiteral("Qv9tOutputPassW0rd");
const QString kSchema = QStringLiteral("refuge_results");

QString project() { return sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")); }

struct Dataset {
    GDALDatasetH h = nullptr;
    explicit Dataset(const QString &path)
    {
        GDALAllRegister();
        h = GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    }
    ~Dataset()
    {
        if (h)
            GDALClose(h);
    }
    Dataset(const Dataset &) = delete;
    Dataset &operator=(const Dataset &) = delete;
};

struct Feature {
    OGRFeatureH h;
    explicit Feature(OGRFeatureH f) : h(f) {}
    ~Feature()
    {
        if (h)
            OGR_F_Destroy(h);
    }
    Feature(const Feature &) = delete;
    Feature &operator=(const Feature &) = delete;
};

// Every vertex of a geometry, in order (x, y), parts flattened.
void vertices(OGRGeometryH g, std::vector<double> &out)
{
    const int parts = OGR_G_GetGeometryCount(g);
    if (parts > 0) {
        for (int i = 0; i < parts; ++i)
            vertices(OGR_G_GetGeometryRef(g, i), out);
        return;
    }
    for (int i = 0; i < OGR_G_GetPointCount(g); ++i) {
        out.push_back(OGR_G_GetX(g, i));
        out.push_back(OGR_G_GetY(g, i));
    }
}

// The rows of a query: each row's columns as text.
std::vector<QStringList> query(GDALDatasetH ds, const QString &sql)
{
    std::vector<QStringList> rows;
    OGRLayerH rs = GDALDatasetExecuteSQL(ds, sql.toUtf8().constData(), nullptr, nullptr);
    if (!rs)
        return rows;
    while (OGRFeatureH f = OGR_L_GetNextFeature(rs)) {
        QStringList row;
        for (int i = 0; i < OGR_F_GetFieldCount(f); ++i)
            row << QString::fromUtf8(OGR_F_GetFieldAsString(f, i));
        rows.push_back(row);
        OGR_F_Destroy(f);
    }
    GDALDatasetReleaseResultSet(ds, rs);
    return rows;
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

} // namespace

class TstPostgisOutput : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void tablesEqualGeoPackage_data();
    void tablesEqualGeoPackage();
    void earlierTablesRefusedUnlessOverwrite();
    void inputTableOfTheRunRefused();
    void failureLeavesNoHalfWrittenTables_data();
    void failureLeavesNoHalfWrittenTables();
    void runIntoDatabase();
    void schemaNotWritable();
    void unreachableServerIsOneLine();
    void noTemporaryFilesLeft();

private:
    QString out(const QString &schema = kSchema) const { return QStringLiteral("PG:%1 schemas=%2").arg(m_server.conninfo(kDb), schema); }
    QString readConnection() const { return QStringLiteral("PG:") + m_server.conninfo(kDb); }
    static QStringList coverageArgs()
    {
        return {QStringLiteral("coverage"), project(), QStringLiteral("--demand-layer"), QStringLiteral("--no-cache")};
    }
    // Runs refuge-cli; neither stream may hold the password.
    CliResult cli(const QStringList &args)
    {
        const CliResult r = runCli(args, 240000);
        [&] { QVERIFY2(!r.out.contains(kPassword) && !r.err.contains(kPassword), qPrintable(r.out + r.err)); }();
        return r;
    }
    int count(const QString &sql) const
    {
        const Dataset ds(readConnection());
        const auto rows = query(ds.h, sql);
        return rows.empty() ? -1 : rows.front().value(0).toInt();
    }
    int tablesLike(const QString &schema, const QString &pattern) const
    {
        return count(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = '%1' AND tablename LIKE '%2'").arg(schema, pattern));
    }
    void compareLayer(GDALDatasetH gpkg, const QString &layer, GDALDatasetH pg, const QString &table);

    PgServer m_server;
    std::unique_ptr<QTemporaryDir> m_xdg;
    QTemporaryDir m_tmp; // TMPDIR of every refuge-cli run: its temporary folders must go
};

void TstPostgisOutput::initTestCase()
{
    m_xdg = ensureXdgRuntimeDir();
    QVERIFY(m_tmp.isValid());
    qputenv("TMPDIR", QFile::encodeName(m_tmp.path()));
    QString error;
    QVERIFY2(m_server.start(&error, kPassword), qPrintable(error));
    QVERIFY2(m_server.sql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0").arg(kDb), &error),
             qPrintable(error));
    QVERIFY2(m_server.sql(kDb, QStringLiteral("CREATE EXTENSION postgis"), &error), qPrintable(error));
}

void TstPostgisOutput::cleanupTestCase() { m_server.stop(); }

void TstPostgisOutput::compareLayer(GDALDatasetH gpkg, const QString &layer, GDALDatasetH pg, const QString &table)
{
    OGRLayerH a = GDALDatasetGetLayerByName(gpkg, layer.toUtf8().constData());
    OGRLayerH b = GDALDatasetGetLayerByName(pg, (kSchema + QLatin1Char('.') + table).toUtf8().constData());
    QVERIFY2(a && b, qPrintable(table));
    QCOMPARE(OGR_L_GetFeatureCount(b, TRUE), OGR_L_GetFeatureCount(a, TRUE));
    QVERIFY2(OGR_L_GetFeatureCount(a, TRUE) > 0, qPrintable(layer));
    OGRFeatureDefnH da = OGR_L_GetLayerDefn(a), db = OGR_L_GetLayerDefn(b);
    QCOMPARE(OGR_FD_GetFieldCount(db), OGR_FD_GetFieldCount(da));
    std::vector<int> map;
    for (int i = 0; i < OGR_FD_GetFieldCount(da); ++i) {
        OGRFieldDefnH fa = OGR_FD_GetFieldDefn(da, i);
        const int j = OGR_FD_GetFieldIndex(db, OGR_Fld_GetNameRef(fa));
        QVERIFY2(j >= 0, OGR_Fld_GetNameRef(fa));
        QCOMPARE(OGR_Fld_GetType(OGR_FD_GetFieldDefn(db, j)), OGR_Fld_GetType(fa));
        QCOMPARE(OGR_Fld_GetSubType(OGR_FD_GetFieldDefn(db, j)), OGR_Fld_GetSubType(fa));
        map.push_back(j);
    }
    OGR_L_ResetReading(a);
    int compared = 0;
    while (OGRFeatureH raw = OGR_L_GetNextFeature(a)) {
        const Feature fa(raw);
        const Feature fb(OGR_L_GetFeature(b, OGR_F_GetFID(fa.h)));
        QVERIFY2(fb.h, qPrintable(QStringLiteral("%1 fid %2").arg(table).arg(OGR_F_GetFID(fa.h))));
        for (int i = 0; i < int(map.size()); ++i) {
            const bool nullA = !OGR_F_IsFieldSetAndNotNull(fa.h, i), nullB = !OGR_F_IsFieldSetAndNotNull(fb.h, map[std::size_t(i)]);
            QCOMPARE(nullB, nullA);
            if (nullA)
                continue;
            if (OGR_Fld_GetType(OGR_FD_GetFieldDefn(da, i)) == OFTReal)
                QCOMPARE(OGR_F_GetFieldAsDouble(fb.h, map[std::size_t(i)]), OGR_F_GetFieldAsDouble(fa.h, i)); // float8: bit-exact
            else
                QCOMPARE(QString::fromUtf8(OGR_F_GetFieldAsString(fb.h, map[std::size_t(i)])), QString::fromUtf8(OGR_F_GetFieldAsString(fa.h, i)));
        }
        OGRGeometryH ga = OGR_F_GetGeometryRef(fa.h), gb = OGR_F_GetGeometryRef(fb.h);
        QCOMPARE(gb == nullptr, ga == nullptr);
        if (ga) {
            QCOMPARE(OGR_GT_Flatten(OGR_G_GetGeometryType(gb)), OGR_GT_Flatten(OGR_G_GetGeometryType(ga)));
            std::vector<double> va, vb;
            vertices(ga, va);
            vertices(gb, vb);
            QCOMPARE(vb.size(), va.size());
            for (std::size_t k = 0; k < va.size(); ++k)
                QVERIFY2(std::abs(va[k] - vb[k]) <= 1e-9, qPrintable(QStringLiteral("%1 fid %2 vertex %3").arg(table).arg(OGR_F_GetFID(fa.h)).arg(k)));
            if (OGR_GT_Flatten(OGR_G_GetGeometryType(ga)) == wkbMultiPolygon || OGR_GT_Flatten(OGR_G_GetGeometryType(ga)) == wkbPolygon)
                QCOMPARE(OGR_G_Area(gb), OGR_G_Area(ga));
        }
        ++compared;
    }
    QCOMPARE(qint64(compared), OGR_L_GetFeatureCount(b, TRUE));
}

void TstPostgisOutput::tablesEqualGeoPackage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("analysis");
    QTest::addColumn<QString>("gpkg");
    QTest::addColumn<QStringList>("layers"); // every layer the GeoPackage must have
    QTest::newRow("coverage") << coverageArgs() << "coverage"
                              << "coverage.gpkg"
                              << QStringList{"areas", "facilities", "service_areas", "demand", "uncovered"};
    QTest::newRow("zones") << QStringList{QStringLiteral("zones"), project(), QStringLiteral("--no-cache"), QStringLiteral("--max-meters"),
                                          QStringLiteral("800")}
                           << "zones"
                           << "zones.gpkg" << QStringList{"zones"};
}

void TstPostgisOutput::tablesEqualGeoPackage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, analysis);
    QFETCH(QString, gpkg);
    QFETCH(QStringList, layers);
    QTemporaryDir dir;
    const CliResult file = cli(args + QStringList{QStringLiteral("--out"), dir.path()});
    QVERIFY2(file.exitCode == 0, qPrintable(file.err));
    const CliResult db = cli(args + QStringList{QStringLiteral("--out"), out()});
    QVERIFY2(db.exitCode == 0, qPrintable(db.err));
    QVERIFY2(db.out.contains(QLatin1String("password=***")) && db.out.contains(kSchema + QLatin1Char('.') + analysis + QLatin1String("_*")),
             qPrintable(db.out));

    const Dataset g(QDir(dir.path()).filePath(gpkg));
    const Dataset pg(readConnection());
    QVERIFY(g.h && pg.h);
    // The GeoPackage also keeps its layers' styles (layer_styles); the database gets none.
    QCOMPARE(GDALDatasetGetLayerCount(g.h), int(layers.size()) + 1);
    QVERIFY(GDALDatasetGetLayerByName(g.h, "layer_styles"));
    QVERIFY(!GDALDatasetGetLayerByName(pg.h, (kSchema + QLatin1Char('.') + analysis + QStringLiteral("_layer_styles")).toUtf8().constData()));
    for (const QString &layer : layers) {
        compareLayer(g.h, layer, pg.h, analysis + QLatin1Char('_') + layer);
        if (QTest::currentTestFailed())
            return;
    }

    // The run's record: one row, complete, the summary's tables, inputs and figures.
    const auto rows = query(pg.h, QStringLiteral("SELECT analysis, complete::text, tables::text, record::text FROM %1.refuge_runs "
                                                 "WHERE analysis = '%2' ORDER BY run_id")
                                      .arg(kSchema, analysis));
    QCOMPARE(int(rows.size()), 1);
    QCOMPARE(rows.front().value(1), QStringLiteral("true"));
    QStringList expectedTables;
    for (const QString &l : layers)
        expectedTables << analysis + QLatin1Char('_') + l;
    QStringList tables;
    for (const QJsonValue &v : QJsonDocument::fromJson(rows.front().value(2).toUtf8()).array())
        tables << v.toString();
    tables.sort();
    expectedTables.sort();
    QCOMPARE(tables, expectedTables);
    QVERIFY(!rows.front().value(3).contains(kPassword));
    const QJsonObject record = QJsonDocument::fromJson(rows.front().value(3).toUtf8()).object();
    const QJsonObject summary = readJson(QDir(dir.path()).filePath(QStringLiteral("summary.json")));
    QVERIFY(!summary.isEmpty());
    QCOMPARE(record.value(QStringLiteral("complete")).toBool(), true);
    if (summary.contains(QStringLiteral("inputs"))) { // the results model (coverage, fire)
        QCOMPARE(record.value(QStringLiteral("inputs")), summary.value(QStringLiteral("inputs"))); // sources and XXH3 checksums
        QCOMPARE(record.value(QStringLiteral("parameters")), summary.value(QStringLiteral("parameters")));
    } else { // ResultsStore records the inputs itself: each layer parameter, the file's size and checksum
        const QJsonArray inputs = record.value(QStringLiteral("inputs")).toArray();
        QCOMPARE(inputs.size(), 3); // network, facilities, study area
        for (const QJsonValue &v : inputs) {
            QCOMPARE(v.toObject().value(QStringLiteral("bytes")).toDouble(), double(QFileInfo(sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg"))).size()));
            QCOMPARE(v.toObject().value(QStringLiteral("xxh3_128")).toString().size(), 32);
        }
        QCOMPARE(record.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("max-meters")).toString(), QStringLiteral("800"));
    }
    QCOMPARE(record.value(QStringLiteral("tables")), summary.value(QStringLiteral("tables")));
    QCOMPARE(record.value(QStringLiteral("checks")), summary.value(QStringLiteral("checks")));
    const QJsonObject outputs = record.value(QStringLiteral("outputs")).toObject();
    QCOMPARE(outputs.value(QStringLiteral("schema")).toString(), kSchema);
    QVERIFY2(outputs.value(QStringLiteral("database")).toString().contains(QLatin1String("password=***")),
             qPrintable(outputs.value(QStringLiteral("database")).toString()));
    QCOMPARE(outputs.value(QStringLiteral("tables")).toObject().value(layers.front()).toString(), analysis + QLatin1Char('_') + layers.front());
    if (analysis == QLatin1String("coverage")) {
        QVERIFY(summary.contains(QStringLiteral("covered_population")));
        QCOMPARE(record.value(QStringLiteral("covered_population")), summary.value(QStringLiteral("covered_population")));
        QVERIFY(record.value(QStringLiteral("tables")).toObject().value(QStringLiteral("areas")).toObject().value(QStringLiteral("rows")).toArray().size() > 5);
    }
}

void TstPostgisOutput::earlierTablesRefusedUnlessOverwrite()
{
    // coverage's tables are there from tablesEqualGeoPackage.
    const int before = count(QStringLiteral("SELECT count(*) FROM %1.refuge_runs").arg(kSchema));
    QVERIFY(before >= 1);
    const CliResult refused = cli(coverageArgs() + QStringList{QStringLiteral("--out"), out()});
    QCOMPARE(refused.exitCode, 2);
    QCOMPARE(refused.err.trimmed().count(QLatin1Char('\n')), 0); // one line
    QVERIFY2(refused.err.contains(QLatin1String("password=***")) && refused.err.contains(QLatin1String("coverage_areas"))
                 && refused.err.contains(QLatin1String("--overwrite")),
             qPrintable(refused.err));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM %1.refuge_runs").arg(kSchema)), before);

    const int demand = count(QStringLiteral("SELECT count(*) FROM %1.coverage_demand").arg(kSchema));
    const CliResult replaced = cli(QStringList{QStringLiteral("coverage"), project(), QStringLiteral("--no-cache"), QStringLiteral("--overwrite"),
                                               QStringLiteral("--out"), out()});
    QVERIFY2(replaced.exitCode == 0, qPrintable(replaced.err));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM %1.refuge_runs").arg(kSchema)), before + 1);
    // Without --demand-layer this time: the earlier run's per-unit tables went with the rest.
    QVERIFY(demand > 100);
    QCOMPARE(tablesLike(kSchema, QStringLiteral("coverage\\_%")), 3);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM %1.coverage_areas").arg(kSchema)) > 5, true);
}

void TstPostgisOutput::inputTableOfTheRunRefused()
{
    // The shelters read from the output schema under a name of coverage's tables.
    QString error;
    QVERIFY2(m_server.load(kDb, sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")),
                           {QStringLiteral("shelters"), QStringLiteral("-nln"), QStringLiteral("coverage_input"), QStringLiteral("-lco"),
                            QStringLiteral("SCHEMA=") + kSchema},
                           &error),
             qPrintable(error));
    const CliResult r = cli(coverageArgs()
                            + QStringList{QStringLiteral("--facilities"), readConnection() + QStringLiteral("|layername=") + kSchema + QStringLiteral(".coverage_input"),
                                          QStringLiteral("--overwrite"), QStringLiteral("--out"), out()});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("coverage_input is an input of this run")) && r.err.contains(QLatin1String("password=***")),
             qPrintable(r.err));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM %1.coverage_input").arg(kSchema)) > 10, true);
    QVERIFY2(m_server.sql(kDb, QStringLiteral("DROP TABLE %1.coverage_input").arg(kSchema), &error), qPrintable(error));
}

void TstPostgisOutput::failureLeavesNoHalfWrittenTables_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("schema"); // a new schema: nothing of the run may be there afterwards
    QTest::newRow("third table fails") << "pg_layer:fail:3" << 2 << "half_fail";
    QTest::newRow("SIGTERM during the second table") << "pg_layer:term:2" << 2 << "half_term";
    QTest::newRow("killed before COMMIT") << "pg_commit:kill" << 137 << "half_kill";
}

void TstPostgisOutput::failureLeavesNoHalfWrittenTables()
{
    QFETCH(QString, fault);
    QFETCH(int, exitCode);
    QFETCH(QString, schema);
    const QString fresh = schema;
    qputenv("REFUGE_TEST_FAULT", fault.toUtf8());
    const CliResult r = cli(coverageArgs() + QStringList{QStringLiteral("--out"), out(fresh)});
    QCOMPARE(r.exitCode, exitCode);
    QCOMPARE(tablesLike(fresh, QStringLiteral("%")), 0); // no coverage_* table, no refuge_runs

    // Over the previous run's tables (--overwrite): they stay exactly as they were.
    const int runs = count(QStringLiteral("SELECT count(*) FROM %1.refuge_runs").arg(kSchema));
    const int areas = count(QStringLiteral("SELECT count(*) FROM %1.coverage_areas").arg(kSchema));
    const CliResult over = cli(coverageArgs() + QStringList{QStringLiteral("--overwrite"), QStringLiteral("--out"), out()});
    qunsetenv("REFUGE_TEST_FAULT");
    QCOMPARE(over.exitCode, exitCode);
    if (fault.contains(QLatin1String("fail")))
        QVERIFY2(over.err.contains(QLatin1String("simulated write failure")) && over.err.contains(QLatin1String("password=***")), qPrintable(over.err));
    if (fault.contains(QLatin1String("term")))
        QVERIFY2(over.err.contains(QLatin1String("stopped by a signal")), qPrintable(over.err));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM %1.refuge_runs").arg(kSchema)), runs);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM %1.coverage_areas").arg(kSchema)), areas);
    QCOMPARE(tablesLike(kSchema, QStringLiteral("coverage\\_%")), 3); // no coverage_demand from the failed run
}

void TstPostgisOutput::runIntoDatabase()
{
    // `run` with --out PG:...: every analysis the project configures (coverage, fire,
    // hazard, risk), one refuge_runs row each, no report (it needs a folder).
    const QString schema = QStringLiteral("run_results");
    const CliResult r = cli({QStringLiteral("run"), project(), QStringLiteral("--out"), out(schema)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("report: not written")), qPrintable(r.out));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM %1.refuge_runs WHERE complete").arg(schema)), 4);
    QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT analysis) FROM %1.refuge_runs").arg(schema)), 4);
    QVERIFY(tablesLike(schema, QStringLiteral("coverage\\_%")) >= 3);
    QVERIFY(tablesLike(schema, QStringLiteral("fire\\_coverage\\_%")) >= 3);
    const CliResult again = cli({QStringLiteral("run"), project(), QStringLiteral("--out"), out(schema)});
    QCOMPARE(again.exitCode, 1); // each analysis refused (its tables exist), named on stderr
    QVERIFY2(again.err.count(QLatin1String("--overwrite")) == 4, qPrintable(again.err));
    const CliResult over = cli({QStringLiteral("run"), project(), QStringLiteral("--overwrite"), QStringLiteral("--out"), out(schema)});
    QVERIFY2(over.exitCode == 0, qPrintable(over.err));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM %1.refuge_runs").arg(schema)), 8);
}

void TstPostgisOutput::schemaNotWritable()
{
    // A user who may connect but not create: an existing schema without the CREATE right,
    // and a missing one it may not create.
    QString error;
    QVERIFY2(m_server.sql(kDb, QStringLiteral("CREATE ROLE reader LOGIN PASSWORD '%1'; CREATE SCHEMA locked;").arg(kPassword), &error),
             qPrintable(error));
    for (const QString &schema : {QStringLiteral("locked"), QStringLiteral("not_there")}) {
        QString conn = out(schema);
        conn.replace(QStringLiteral("user=postgres"), QStringLiteral("user=reader"));
        const CliResult r = cli({QStringLiteral("zones"), project(), QStringLiteral("--no-cache"), QStringLiteral("--out"), conn});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY2(r.err.contains(QLatin1String("user=reader password=***")), qPrintable(r.err));
        QVERIFY2(schema == QLatin1String("locked") ? r.err.contains(QLatin1String("schema locked is not writable"))
                                                   : r.err.contains(QLatin1String("permission denied for database")),
                 qPrintable(r.err));
    }
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = 'not_there'")), 0);
}

void TstPostgisOutput::unreachableServerIsOneLine()
{
    QString conn = out();
    conn.replace(QStringLiteral("port=%1").arg(m_server.port()), QStringLiteral("port=1"));
    const CliResult r = cli({QStringLiteral("zones"), project(), QStringLiteral("--no-cache"), QStringLiteral("--out"), conn});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
    QVERIFY2(r.err.startsWith(QLatin1String("refuge-cli: PG:host=127.0.0.1 port=1 ")) && r.err.contains(QLatin1String("password=***")),
             qPrintable(r.err));
    const CliResult run = cli({QStringLiteral("run"), project(), QStringLiteral("--out"), conn});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("password=***")), qPrintable(run.err));
}

void TstPostgisOutput::noTemporaryFilesLeft()
{
    // Every run above (successful, refused, failed) removed its temporary folder, except
    // the two killed before COMMIT (a kill runs no destructor); none holds the password.
    QStringList left;
    QDirIterator it(m_tmp.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains(kPassword.toUtf8()), qPrintable(path));
        left << QDir(m_tmp.path()).relativeFilePath(path).section(QLatin1Char('/'), 0, 0);
    }
    left.removeDuplicates();
    QVERIFY2(left.size() <= 2, qPrintable(left.join(QLatin1Char(' ')))); // the two killed runs
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString reason = PgServer::missingReason();
    if (!reason.isEmpty()) {
        std::fprintf(stderr, "SKIP tst_postgis_output: %s\n", qPrintable(reason));
        std::printf("SKIP tst_postgis_output: %s\n", qPrintable(reason));
        return 77; // CTest SKIP_RETURN_CODE
    }
    TstPostgisOutput test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_postgis_output.moc"
