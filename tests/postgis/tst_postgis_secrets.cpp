// A database password goes only to the connection. A real PostgreSQL + PostGIS server
// (PgServer) requires a password on TCP (scram-sha-256); the Cambridge layers are
// loaded into it. Every analysis runs on PostGIS inputs whose connection strings carry
// the password — coverage, fire-coverage, service-area, zones, network-check, info,
// and `run` (+ its report) on a project file that stores it — and every file written
// (raw bytes, and the PDF's text through pdftotext), stdout and stderr are searched
// for it. The same analyses also write their results into the database (--out PG:...
// schemas=shared_results, ResultsStore): stdout, stderr, the temporary files, the
// refuge_runs records and every row of every table written are searched for it. Also: a
// wrong password, for an input or for the output, is refused naming the redacted source.
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

#include <cstdio>

using namespace refuge;
using namespace refuge::test;

namespace {

const QString kDb = QStringLiteral("refuge_secrets");
const QString kPassword = QStringLiteral("Kx7pSecretW0rd");

QString gpkg() { return sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")); }

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The text of a PDF (pdftotext from poppler-utils), or a null array when it is missing.
QByteArray pdfText(const QString &pdf)
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (tool.isEmpty())
        return {};
    QProcess p;
    p.start(tool, {QStringLiteral("-q"), pdf, QStringLiteral("-")});
    p.waitForFinished(60000);
    return p.readAllStandardOutput();
}

} // namespace

class TstPostgisSecrets : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void analyses_data();
    void analyses();
    void analysesIntoDatabase_data() { analyses_data(); }
    void analysesIntoDatabase();
    void runAndReportFromProject();
    void infoJson();
    void wrongPasswordIsRefusedRedacted();

private:
    QString pg(const QString &table, const QString &password = kPassword) const
    {
        QString conn = QStringLiteral("PG:") + m_server.conninfo(kDb);
        conn.replace(QStringLiteral("password=") + kPassword, QStringLiteral("password=") + password);
        return conn + QStringLiteral("|layername=public.") + table;
    }
    // The first column of the first row of a query on the test database (-1 when none).
    qint64 scalar(const QString &sql) const;
    // No file below `dir` holds the password: raw bytes of every file, the text of every PDF.
    void verifyNoSecretIn(const QString &dir, int *files = nullptr, int *pdfs = nullptr);

    PgServer m_server;
    std::unique_ptr<QTemporaryDir> m_xdg;
};

void TstPostgisSecrets::initTestCase()
{
    m_xdg = ensureXdgRuntimeDir();
    QString error;
    QVERIFY2(m_server.start(&error, kPassword), qPrintable(error));
    QVERIFY(m_server.conninfo(kDb).contains(kPassword));
    QVERIFY2(m_server.sql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0").arg(kDb), &error),
             qPrintable(error));
    QVERIFY2(m_server.sql(kDb, QStringLiteral("CREATE EXTENSION postgis"), &error), qPrintable(error));
    for (const char *layer : {"streets", "shelters", "fire_stations", "engine_districts", "neighborhoods", "blocks_2000", "flood_100yr", "flood_500yr"}) {
        const QString name = QString::fromLatin1(layer);
        QVERIFY2(m_server.load(kDb, gpkg(),
                               {name, QStringLiteral("-nln"), name, QStringLiteral("-lco"), QStringLiteral("GEOMETRY_NAME=geom"),
                                QStringLiteral("-lco"), QStringLiteral("LAUNDER=NO"), QStringLiteral("-lco"), QStringLiteral("SPATIAL_INDEX=NONE")},
                               &error),
                 qPrintable(error));
    }
    // The server really wants the password: without it a TCP connection is refused.
    const CliResult r = runCli({QStringLiteral("info"), pg(QStringLiteral("shelters")).remove(QStringLiteral(" password=") + kPassword)});
    QVERIFY2(r.exitCode == 2 && r.err.contains(QLatin1String("password"), Qt::CaseInsensitive), qPrintable(r.err));
}

void TstPostgisSecrets::cleanupTestCase() { m_server.stop(); }

void TstPostgisSecrets::verifyNoSecretIn(const QString &dir, int *files, int *pdfs)
{
    int fileCount = 0, pdfCount = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QByteArray bytes = readAll(path);
        QVERIFY2(!bytes.contains(kPassword.toUtf8()), qPrintable(path));
        QVERIFY2(!bytes.contains(QByteArray::fromRawData(reinterpret_cast<const char *>(kPassword.utf16()), kPassword.size() * 2)),
                 qPrintable(path + QStringLiteral(" (UTF-16)")));
        ++fileCount;
        if (path.endsWith(QLatin1String(".pdf"))) {
            const QByteArray text = pdfText(path);
            if (text.isNull())
                continue; // no pdftotext here: the raw bytes were checked
            QVERIFY2(text.size() > 100, qPrintable(path)); // the text was extracted
            QVERIFY2(!text.contains(kPassword.toUtf8()), qPrintable(path));
            ++pdfCount;
        }
    }
    if (files)
        *files = fileCount;
    if (pdfs)
        *pdfs = pdfCount;
}

void TstPostgisSecrets::analyses_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("networkSourceKey"); // summary key holding the redacted network source ("" none)
    const QStringList walk{QStringLiteral("--network"), pg(QStringLiteral("streets")), QStringLiteral("--oneway-field"),
                           QStringLiteral("Direction"), QStringLiteral("--no-cache")};
    const QStringList shelters{QStringLiteral("--facilities"), pg(QStringLiteral("shelters")), QStringLiteral("--facility-id"),
                               QStringLiteral("Name")};
    QTest::newRow("coverage") << (QStringList{QStringLiteral("coverage")} + walk + shelters
                                  + QStringList{QStringLiteral("--capacity-field"), QStringLiteral("Capacity"), QStringLiteral("--demand"),
                                                pg(QStringLiteral("blocks_2000")), QStringLiteral("--population-field"), QStringLiteral("POP_LAB"),
                                                QStringLiteral("--areas"), pg(QStringLiteral("neighborhoods")), QStringLiteral("--area-field"),
                                                QStringLiteral("NAME"), QStringLiteral("--max-meters"), QStringLiteral("800")})
                              << 0 << "network";
    QTest::newRow("fire-coverage") << (QStringList{QStringLiteral("fire-coverage"), QStringLiteral("--profile"), QStringLiteral("drive")} + walk
                                       + QStringList{QStringLiteral("--facilities"), pg(QStringLiteral("fire_stations")),
                                                     QStringLiteral("--facility-id"), QStringLiteral("ENGINE"), QStringLiteral("--official"),
                                                     pg(QStringLiteral("engine_districts")), QStringLiteral("--official-field"),
                                                     QStringLiteral("ENGINE"), QStringLiteral("--demand"), pg(QStringLiteral("blocks_2000")),
                                                     QStringLiteral("--population-field"), QStringLiteral("POP_LAB"),
                                                     QStringLiteral("--max-minutes"), QStringLiteral("5")})
                                   << 0 << "network";
    QTest::newRow("service-area") << (QStringList{QStringLiteral("service-area")} + walk + shelters
                                      + QStringList{QStringLiteral("--max-meters"), QStringLiteral("500"), QStringLiteral("--output"),
                                                    QStringLiteral("both")})
                                  << 0 << "network";
    QTest::newRow("zones") << (QStringList{QStringLiteral("zones")} + walk + shelters
                               + QStringList{QStringLiteral("--max-meters"), QStringLiteral("800")})
                           << 0 << "network";
    // Cambridge's streets have problems to list: exit 1 is "problems found", not a failure.
    QTest::newRow("network-check") << (QStringList{QStringLiteral("network-check")} + walk + shelters) << 1 << "";
}

void TstPostgisSecrets::analyses()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, networkSourceKey);
    QTemporaryDir dir;
    args << QStringLiteral("--out") << dir.path();
    const CliResult r = runCli(args, 240000);
    QVERIFY2(r.exitCode == exitCode, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
    QVERIFY2(!r.out.contains(kPassword), qPrintable(r.out));
    QVERIFY2(!r.err.contains(kPassword), qPrintable(r.err));
    int files = 0;
    verifyNoSecretIn(dir.path(), &files);
    QVERIFY2(files >= 2, qPrintable(QString::number(files))); // summary.json and a GeoPackage at least
    const QJsonObject summary = QJsonDocument::fromJson(readAll(dir.filePath(QStringLiteral("summary.json")))).object();
    QVERIFY(!summary.isEmpty());
    if (!networkSourceKey.isEmpty()) {
        // The source is still shown, with its password as "***".
        const QString shown = summary.value(networkSourceKey).toObject().value(QStringLiteral("source")).toString();
        QString expected = pg(QStringLiteral("streets"));
        expected.replace(QStringLiteral("password=") + kPassword, QStringLiteral("password=***"));
        QCOMPARE(shown, expected);
    }
}

qint64 TstPostgisSecrets::scalar(const QString &sql) const
{
    GDALAllRegister();
    const QByteArray conn = (QStringLiteral("PG:") + m_server.conninfo(kDb)).toUtf8();
    GDALDatasetH ds = GDALOpenEx(conn.constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (!ds)
        return -1;
    qint64 value = -1;
    if (OGRLayerH rs = GDALDatasetExecuteSQL(ds, sql.toUtf8().constData(), nullptr, nullptr)) {
        if (OGRFeatureH f = OGR_L_GetNextFeature(rs)) {
            value = OGR_F_GetFieldAsInteger64(f, 0);
            OGR_F_Destroy(f);
        }
        GDALDatasetReleaseResultSet(ds, rs);
    }
    GDALClose(ds);
    return value;
}

void TstPostgisSecrets::analysesIntoDatabase()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    const QString schema = QStringLiteral("shared_results");
    const QString out = QStringLiteral("PG:%1 schemas=%2").arg(m_server.conninfo(kDb), schema);
    QVERIFY(out.contains(kPassword));
    QTemporaryDir tmp; // the run's temporary folder goes there, and must go
    qputenv("TMPDIR", QFile::encodeName(tmp.path()));
    const CliResult r = runCli(args + QStringList{QStringLiteral("--overwrite"), QStringLiteral("--out"), out}, 240000);
    qunsetenv("TMPDIR");
    QVERIFY2(r.exitCode == exitCode, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
    QVERIFY2(!r.out.contains(kPassword) && !r.err.contains(kPassword), qPrintable(r.out + r.err));
    int files = -1;
    verifyNoSecretIn(tmp.path(), &files);
    QCOMPARE(files, 0);
    // The record of this run, and every row of every table it wrote.
    const QString like = QStringLiteral("'%") + kPassword + QStringLiteral("%'");
    QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM %1.refuge_runs WHERE analysis = '%2'").arg(schema, args.front())) >= 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM %1.refuge_runs WHERE record::text LIKE %2 OR tables::text LIKE %2").arg(schema, like)), 0);
    QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM %1.refuge_runs WHERE record::text LIKE '%password=***%'").arg(schema)) >= 1);
    const QString prefix = args.front().replace(QLatin1Char('-'), QLatin1Char('_')) + QLatin1Char('_');
    QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = '%1' AND tablename LIKE '%2%'").arg(schema, prefix)) >= 1);
    for (const char *table : {"coverage_areas", "coverage_facilities", "fire_coverage_zones", "service_area_service_areas", "zones_zones",
                              "network_check_network_problems"}) {
        const QString name = QString::fromLatin1(table);
        if (name.startsWith(prefix))
            QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM %1.%2 t WHERE t::text LIKE %3").arg(schema, name, like)), 0);
    }
}

void TstPostgisSecrets::runAndReportFromProject()
{
    // The Cambridge project with every layer it runs on from the database (the
    // password stored in the project file, as an old Refuge wrote it).
    QJsonObject project = QJsonDocument::fromJson(readAll(sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")))).object();
    QJsonArray layers;
    for (const QJsonValue &v : project.value(QStringLiteral("layers")).toArray()) {
        QJsonObject l = v.toObject();
        const QString name = l.value(QStringLiteral("layer")).toString();
        if (name == QLatin1String("hospitals"))
            continue; // not used by the analyses; not loaded into the database
        l.insert(QStringLiteral("source"), pg(name).section(QLatin1Char('|'), 0, 0));
        l.insert(QStringLiteral("layer"), QStringLiteral("public.") + name);
        layers.append(l);
    }
    QCOMPARE(layers.size(), 8); // the flood zones too: run does the hazard scenario and the risk index
    project.insert(QStringLiteral("layers"), layers);
    QTemporaryDir dir;
    const QString projectFile = dir.filePath(QStringLiteral("pg.refuge"));
    {
        QFile f(projectFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(project).toJson());
    }
    const QByteArray projectBytes = readAll(projectFile);
    QVERIFY(projectBytes.contains(kPassword.toUtf8()));

    const QString out = dir.filePath(QStringLiteral("results"));
    const CliResult r = runCli({QStringLiteral("run"), projectFile, QStringLiteral("--out"), out}, 240000);
    QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
    QVERIFY2(!r.out.contains(kPassword) && !r.err.contains(kPassword), qPrintable(r.out + r.err));
    // One warning, naming the project, never the password (the report step loads the project again).
    const QString warning = QStringLiteral("refuge-cli: %1: warning: the file stores a database password").arg(projectFile);
    QVERIFY2(r.err.count(warning) == 1, qPrintable(r.err));
    QCOMPARE(readAll(projectFile), projectBytes); // `run` never writes the project
    for (const char *name : {"layers.json", "coverage/summary.json", "coverage/coverage.gpkg", "fire/summary.json", "fire/fire.gpkg",
                             "hazard/summary.json", "risk/summary.json", "risk/risk.gpkg",
                             "report/report.html", "report/report.pdf"})
        QVERIFY2(QFileInfo(QDir(out).filePath(QString::fromLatin1(name))).size() > 0, name);
    int files = 0, pdfs = 0;
    verifyNoSecretIn(out, &files, &pdfs);
    QVERIFY2(files >= 9, qPrintable(QString::number(files)));
    // The report still names its database inputs (without the password).
    const QString html = QString::fromUtf8(readAll(QDir(out).filePath(QStringLiteral("report/report.html"))));
    QVERIFY2(html.contains(QLatin1String("PostGIS:public.shelters")), qPrintable(html.left(2000)));
    if (!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QCOMPARE(pdfs, 1);

    // `report` on its own, and `validate`, say the same and write nothing secret.
    const QString again = dir.filePath(QStringLiteral("report2"));
    const CliResult rep = runCli({QStringLiteral("report"), projectFile, QStringLiteral("--results"), out, QStringLiteral("--out"), again}, 240000);
    QVERIFY2(rep.exitCode == 0, qPrintable(rep.err));
    QVERIFY2(rep.err.count(warning) == 1 && !rep.err.contains(kPassword) && !rep.out.contains(kPassword), qPrintable(rep.err));
    verifyNoSecretIn(again);
    const CliResult val = runCli({QStringLiteral("validate"), projectFile});
    QVERIFY2(!val.err.contains(kPassword) && !val.out.contains(kPassword), qPrintable(val.out + val.err));
    QVERIFY2(val.err.count(warning) == 1, qPrintable(val.err));
}

void TstPostgisSecrets::infoJson()
{
    for (const QString &source : {pg(QStringLiteral("shelters")), pg(QStringLiteral("shelters")).section(QLatin1Char('|'), 0, 0)}) {
        const CliResult r = runCli({QStringLiteral("info"), QStringLiteral("--json"), source});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(!r.out.contains(kPassword) && !r.err.contains(kPassword), qPrintable(r.out + r.err));
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(!doc.value(QStringLiteral("layers")).toArray().isEmpty());
        QVERIFY2(doc.value(QStringLiteral("path")).toString().endsWith(QLatin1String("user=postgres password=***")),
                 qPrintable(doc.value(QStringLiteral("path")).toString()));
        const CliResult text = runCli({QStringLiteral("info"), source});
        QVERIFY2(text.exitCode == 0 && text.out.contains(QLatin1String("password=***")), qPrintable(text.out + text.err));
        QVERIFY2(!text.out.contains(kPassword) && !text.err.contains(kPassword), qPrintable(text.out + text.err));
    }
}

void TstPostgisSecrets::wrongPasswordIsRefusedRedacted()
{
    const QString wrong = QStringLiteral("NotTheRightOne42");
    QTemporaryDir dir;
    const CliResult r = runCli({QStringLiteral("service-area"), QStringLiteral("--network"), pg(QStringLiteral("streets"), wrong),
                                QStringLiteral("--facilities"), pg(QStringLiteral("shelters"), wrong), QStringLiteral("--max-meters"),
                                QStringLiteral("500"), QStringLiteral("--no-cache"), QStringLiteral("--out"), dir.path()});
    QVERIFY2(r.exitCode == 2, qPrintable(r.err));
    QVERIFY2(!r.err.contains(wrong) && !r.out.contains(wrong), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("password=***")) && r.err.contains(QLatin1String("password authentication failed")),
             qPrintable(r.err));
    QDirIterator it(dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        QVERIFY2(!readAll(it.next()).contains(wrong.toUtf8()), qPrintable(it.filePath()));

    // The right password for the inputs, a wrong one for the output: refused before the run.
    QString output = QStringLiteral("PG:%1 schemas=shared_results").arg(m_server.conninfo(kDb));
    output.replace(QStringLiteral("password=") + kPassword, QStringLiteral("password=") + wrong);
    const CliResult o = runCli({QStringLiteral("service-area"), QStringLiteral("--network"), pg(QStringLiteral("streets")),
                                QStringLiteral("--facilities"), pg(QStringLiteral("shelters")), QStringLiteral("--max-meters"),
                                QStringLiteral("500"), QStringLiteral("--no-cache"), QStringLiteral("--out"), output});
    QVERIFY2(o.exitCode == 2, qPrintable(o.err));
    QVERIFY2(!o.err.contains(wrong) && !o.out.contains(wrong) && !o.err.contains(kPassword), qPrintable(o.err));
    QVERIFY2(o.err.startsWith(QLatin1String("refuge-cli: PG:")) && o.err.contains(QLatin1String("password=***"))
                 && o.err.contains(QLatin1String("password authentication failed")),
             qPrintable(o.err));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString reason = PgServer::missingReason();
    if (!reason.isEmpty()) {
        std::fprintf(stderr, "SKIP tst_postgis_secrets: %s\n", qPrintable(reason));
        std::printf("SKIP tst_postgis_secrets: %s\n", qPrintable(reason));
        return 77; // CTest SKIP_RETURN_CODE
    }
    TstPostgisSecrets test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_postgis_secrets.moc"
