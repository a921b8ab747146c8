// Output safety of refuge-cli (issue 12, items 1–3 and signals): no writer opens an
// output before its checks pass, none writes over an input of the same run, every
// output is written under a temporary name and renamed, a results folder is marked
// complete last and read only when marked, and SIGTERM stops a run without leaving
// temporaries. Kills and write failures are made deterministic with the
// REFUGE_TEST_FAULT hook (io/OutputFile.h). Inputs are checked by SHA-256.
#include "CliEnvironment.h"
#include "TestSupport.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QtTest>

using namespace refuge::test;

namespace {

using L = QStringList;

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

// Every file under `dir` (hidden ones too): relative path -> SHA-256.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        out.insert(QDir(dir).relativeFilePath(p), sha256(p));
    }
    return out;
}

// Files under `dir` whose names show an unfinished write.
QStringList leftovers(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString name = QFileInfo(it.next()).fileName();
        if (name.contains(QLatin1String(".tmp.")) || name.endsWith(QLatin1String("-journal")) || name.endsWith(QLatin1String("-wal")))
            out << name;
    }
    return out;
}

// refuge-cli with REFUGE_TEST_FAULT set for this one process.
CliResult runWithFault(const QByteArray &fault, const QStringList &args)
{
    qputenv("REFUGE_TEST_FAULT", fault);
    const CliResult r = runCli(args);
    qunsetenv("REFUGE_TEST_FAULT");
    return r;
}

QStringList errorLines(const CliResult &r) { return r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts); }

} // namespace

class TestOutputSafety : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void renderRefusesInputs_data();
    void renderRefusesInputs();
    void renderKilledKeepsPreviousImage();
    void analysisRefusesInputInOutFolder_data();
    void analysisRefusesInputInOutFolder();
    void coverageKilledMidWriteLeavesNoResults();
    void failedAnalysisInRunLeavesNoStaleResults();
    void reportReadsOnlyCompleteResults();
    void sigtermStopsRunCleanly();
    void sigtermFromOutsideStopsRun();

private:
    QString path(const QString &name) const { return m_work->filePath(name); }
    QString gpkg() const { return path(QStringLiteral("cambridge.gpkg")); }
    QString project() const { return path(QStringLiteral("cambridge.refuge")); }
    QStringList coverageArgs(const QString &g, const QString &out) const;

    std::unique_ptr<QTemporaryDir> m_xdg, m_cache, m_work;
};

void TestOutputSafety::initTestCase()
{
    m_xdg = ensureXdgRuntimeDir();
    m_cache = std::make_unique<QTemporaryDir>();
    qputenv("XDG_CACHE_HOME", QFile::encodeName(m_cache->path())); // the graph cache of `run`
}

// A fresh copy of the Cambridge project and GeoPackage for every test function.
void TestOutputSafety::init()
{
    m_work = std::make_unique<QTemporaryDir>();
    QVERIFY(m_work->isValid());
    for (const char *f : {"cambridge.gpkg", "cambridge.refuge"})
        QVERIFY(QFile::copy(sourcePath(QStringLiteral("maps/cambridge/") + QLatin1String(f)), path(QLatin1String(f))));
}

QStringList TestOutputSafety::coverageArgs(const QString &g, const QString &out) const
{
    return {QStringLiteral("coverage"), QStringLiteral("--network"), g + QStringLiteral(":streets"), QStringLiteral("--facilities"),
            g + QStringLiteral(":shelters"), QStringLiteral("--facility-id"), QStringLiteral("Name"), QStringLiteral("--capacity-field"),
            QStringLiteral("Capacity"), QStringLiteral("--demand"), g + QStringLiteral(":blocks_2000"), QStringLiteral("--population-field"),
            QStringLiteral("POP_LAB"), QStringLiteral("--max-meters"), QStringLiteral("800"), QStringLiteral("--no-cache"),
            QStringLiteral("--out"), out};
}

void TestOutputSafety::renderRefusesInputs_data()
{
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("words");
    QTest::newRow("--out the project") << QStringLiteral("cambridge.refuge") << QStringLiteral("unsupported output format '.refuge'");
    QTest::newRow("--out the project's GeoPackage") << QStringLiteral("cambridge.gpkg") << QStringLiteral("unsupported output format '.gpkg'");
    // An image name that is the GeoPackage under another name (a symbolic link).
    QTest::newRow("--out a link to the GeoPackage") << QStringLiteral("link.png") << QStringLiteral("would write over");
}

// Item 1: the format and the inputs are checked before the output is opened; the
// project and its GeoPackage stay byte-identical and nothing else appears.
void TestOutputSafety::renderRefusesInputs()
{
    QFETCH(QString, out);
    QFETCH(QString, words);
    if (out == QLatin1String("link.png") && !QFile::link(gpkg(), path(out)))
        QSKIP("no symbolic links here");
    const auto before = snapshot(m_work->path());
    const CliResult r = runCli({QStringLiteral("render"), project(), QStringLiteral("--out"), path(out)});
    QCOMPARE(r.exitCode, 2);
    const QStringList lines = errorLines(r);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines[0].startsWith(QStringLiteral("refuge-cli: ") + path(out) + QStringLiteral(": ")), qPrintable(r.err));
    QVERIFY2(lines[0].contains(words), qPrintable(r.err));
    QCOMPARE(snapshot(m_work->path()), before);
}

// Item 1: a kill before the rename (the new image complete under its temporary name)
// leaves the previous image byte-identical at the final path; the next render
// replaces it and the temporary.
void TestOutputSafety::renderKilledKeepsPreviousImage()
{
    const QString png = path(QStringLiteral("map.png"));
    const L args{QStringLiteral("render"), project(), QStringLiteral("--out"), png, QStringLiteral("--width"), QStringLiteral("300"),
                 QStringLiteral("--height"), QStringLiteral("200")};
    QCOMPARE(runCli(args).exitCode, 0);
    const QByteArray first = sha256(png);
    QVERIFY(!first.isEmpty());
    L wider = args;
    wider[5] = QStringLiteral("320");
    const CliResult killed = runWithFault("commit:kill", wider);
    QCOMPARE(killed.exitCode, 137);
    QCOMPARE(sha256(png), first);
    QCOMPARE(QImage(png).width(), 300);
    const CliResult again = runCli(wider);
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QCOMPARE(QImage(png).width(), 320);
    QCOMPARE(leftovers(m_work->path()), QStringList());
}

void TestOutputSafety::analysisRefusesInputInOutFolder_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("inputName"); // the input GeoPackage, put in the out folder under this name
    QTest::newRow("coverage") << QStringLiteral("coverage") << QStringLiteral("coverage.gpkg");
    QTest::newRow("service-area") << QStringLiteral("service-area") << QStringLiteral("service_areas.gpkg");
    QTest::newRow("zones") << QStringLiteral("zones") << QStringLiteral("zones.gpkg");
    QTest::newRow("fire-coverage") << QStringLiteral("fire-coverage") << QStringLiteral("fire.gpkg");
    QTest::newRow("network-check") << QStringLiteral("network-check") << QStringLiteral("network_check.gpkg");
    QTest::newRow("coverage, summary.json") << QStringLiteral("coverage") << QStringLiteral("summary.json");
}

// Item 2: an input named like an output, in the out folder, is refused with exit 2
// and one line naming it; it stays byte-identical and nothing is written beside it.
void TestOutputSafety::analysisRefusesInputInOutFolder()
{
    QFETCH(QString, command);
    QFETCH(QString, inputName);
    const QString outDir = path(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(outDir));
    const QString input = QDir(outDir).filePath(inputName);
    QVERIFY(QFile::copy(gpkg(), input));
    const auto before = snapshot(outDir);
    L args;
    if (command == QLatin1String("coverage")) {
        args = coverageArgs(input, outDir);
    } else {
        args = L{command, QStringLiteral("--network"), input + QStringLiteral(":streets"), QStringLiteral("--no-cache"), QStringLiteral("--out"), outDir};
        if (command == QLatin1String("fire-coverage"))
            args << QStringLiteral("--facilities") << input + QStringLiteral(":fire_stations") << QStringLiteral("--official")
                 << input + QStringLiteral(":engine_districts") << QStringLiteral("--official-field") << QStringLiteral("ENGINE");
        else if (command != QLatin1String("network-check"))
            args << QStringLiteral("--facilities") << input + QStringLiteral(":shelters");
        if (command == QLatin1String("service-area"))
            args << QStringLiteral("--max-meters") << QStringLiteral("800");
    }
    const CliResult r = runCli(args);
    QCOMPARE(r.exitCode, 2);
    const QStringList lines = errorLines(r);
    QVERIFY2(lines.size() == 1, qPrintable(r.err));
    QVERIFY2(lines[0].startsWith(QStringLiteral("refuge-cli: ") + input + QStringLiteral(": is an input of this run")), qPrintable(r.err));
    QCOMPARE(snapshot(outDir), before);
}

// Item 3: a kill while coverage.gpkg is written leaves no cut-off GeoPackage at the
// final path, no summary.json (the previous run's was removed first), and the report
// refuses the folder.
void TestOutputSafety::coverageKilledMidWriteLeavesNoResults()
{
    const QString outDir = path(QStringLiteral("results/coverage"));
    QCOMPARE(runCli(coverageArgs(gpkg(), outDir)).exitCode, 0);
    QCOMPARE(readJson(QDir(outDir).filePath(QStringLiteral("summary.json"))).value(QStringLiteral("complete")).toBool(), true);
    const CliResult killed = runWithFault("row:kill:100", coverageArgs(gpkg(), outDir) << QStringLiteral("--demand-layer")); // 726 rows
    QCOMPARE(killed.exitCode, 137);
    QVERIFY(!QFile::exists(QDir(outDir).filePath(QStringLiteral("summary.json"))));
    QVERIFY(!QFile::exists(QDir(outDir).filePath(QStringLiteral("coverage.gpkg"))));
    const CliResult report = runCli({QStringLiteral("report"), project(), QStringLiteral("--results"), path(QStringLiteral("results")),
                                     QStringLiteral("--out"), path(QStringLiteral("report")), QStringLiteral("--no-maps")});
    QCOMPARE(report.exitCode, 2);
    QVERIFY2(report.err.contains(QStringLiteral("no complete results")), qPrintable(report.err));
    QVERIFY(!QFile::exists(path(QStringLiteral("report/report.html"))));
    // The next run completes and takes the killed run's temporary away.
    QCOMPARE(runCli(coverageArgs(gpkg(), outDir)).exitCode, 0);
    QCOMPARE(leftovers(outDir), QStringList());
}

// Item 3: `run` into an old folder where one analysis fails this time (fire.gpkg
// cannot be written) leaves no fire figures of the previous run: fire/summary.json is
// gone, results.json (written last) names fire as failed, and the report has no fire
// section.
void TestOutputSafety::failedAnalysisInRunLeavesNoStaleResults()
{
    const QString outDir = path(QStringLiteral("run"));
    const L args{QStringLiteral("run"), project(), QStringLiteral("--out"), outDir};
    const CliResult first = runCli(args);
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    const QDir dir(outDir);
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("fire/summary.json"))));
    QFile html(dir.filePath(QStringLiteral("report/report.html")));
    QVERIFY(html.open(QIODevice::ReadOnly));
    QVERIFY(html.readAll().contains("map_fire.png"));
    html.close();

    // OutputFile commits in `run`: coverage.gpkg (1), fire.gpkg (2), the report's files.
    const CliResult second = runWithFault("commit:fail:2", args);
    QCOMPARE(second.exitCode, 1);
    QVERIFY2(second.err.contains(dir.filePath(QStringLiteral("fire/fire.gpkg")) + QStringLiteral(": simulated write failure")), qPrintable(second.err));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("fire/summary.json"))));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("fire/fire.gpkg"))));
    const QJsonObject results = readJson(dir.filePath(QStringLiteral("results.json")));
    QCOMPARE(results.value(QStringLiteral("complete")).toBool(), true);
    QCOMPARE(results.value(QStringLiteral("failed")).toArray(), QJsonArray{QStringLiteral("fire")});
    QCOMPARE(results.value(QStringLiteral("succeeded")).toArray(), (QJsonArray{QStringLiteral("coverage"), QStringLiteral("hazard"), QStringLiteral("risk"), QStringLiteral("report")}));
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QByteArray text = html.readAll();
    QVERIFY(!text.contains("map_fire.png"));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("report/map_fire.png"))));
    QVERIFY(text.contains("map_coverage.png"));
    QCOMPARE(leftovers(outDir), QStringList());
}

// Item 3: the report reads only folders whose summary.json says "complete": true. With
// neither complete it refuses (exit 2, naming the results folder); with one complete
// it reports that one and warns, naming the other.
void TestOutputSafety::reportReadsOnlyCompleteResults()
{
    const QString results = path(QStringLiteral("results"));
    const QString cov = QDir(results).filePath(QStringLiteral("coverage"));
    QCOMPARE(runCli(coverageArgs(gpkg(), cov)).exitCode, 0);
    const QString summary = QDir(cov).filePath(QStringLiteral("summary.json"));
    QJsonObject s = readJson(summary);
    QCOMPARE(s.value(QStringLiteral("complete")).toBool(), true);
    s.remove(QStringLiteral("complete")); // as a run killed before its last file would leave it
    QFile f(summary);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(s).toJson());
    f.close();
    const L args{QStringLiteral("report"), project(), QStringLiteral("--results"), results, QStringLiteral("--out"),
                 path(QStringLiteral("report")), QStringLiteral("--no-maps")};
    const CliResult refused = runCli(args);
    QCOMPARE(refused.exitCode, 2);
    QCOMPARE(errorLines(refused).size(), 1);
    QVERIFY2(refused.err.startsWith(QStringLiteral("refuge-cli: ") + results + QStringLiteral(": no complete results")), qPrintable(refused.err));
    QVERIFY(!QFile::exists(path(QStringLiteral("report/report.html"))));

    const CliResult fire = runCli({QStringLiteral("fire-coverage"), QStringLiteral("--network"), gpkg() + QStringLiteral(":streets"),
                                   QStringLiteral("--profile"), QStringLiteral("drive"), QStringLiteral("--facilities"),
                                   gpkg() + QStringLiteral(":fire_stations"), QStringLiteral("--facility-id"), QStringLiteral("ENGINE"),
                                   QStringLiteral("--official"), gpkg() + QStringLiteral(":engine_districts"), QStringLiteral("--official-field"),
                                   QStringLiteral("ENGINE"), QStringLiteral("--no-cache"), QStringLiteral("--out"),
                                   QDir(results).filePath(QStringLiteral("fire"))});
    QVERIFY2(fire.exitCode == 0, qPrintable(fire.err));
    const CliResult partial = runCli(args);
    QVERIFY2(partial.exitCode == 0, qPrintable(partial.err));
    QCOMPARE(errorLines(partial).size(), 1);
    QVERIFY2(partial.err.contains(cov + QStringLiteral(": incomplete results")), qPrintable(partial.err));
    QVERIFY(QFile::exists(path(QStringLiteral("report/report.html"))));
}

// Signals: SIGTERM (raised at the 1000th row written: coverage.gpkg has 726 rows on
// Cambridge, so inside fire.gpkg) cancels through Feedback: exit 2 with one line,
// no temporary left, no results.json, and the interrupted analysis has no summary.
void TestOutputSafety::sigtermStopsRunCleanly()
{
    const QString outDir = path(QStringLiteral("run"));
    const CliResult r = runWithFault("row:term:1000", {QStringLiteral("run"), project(), QStringLiteral("--out"), outDir});
    QCOMPARE(r.exitCode, 2);
    const QStringList lines = errorLines(r);
    QVERIFY2(lines.size() == 1 && lines[0] == QStringLiteral("refuge-cli: run: stopped by a signal; unfinished outputs removed"), qPrintable(r.err));
    QCOMPARE(leftovers(outDir), QStringList());
    QVERIFY(!QFile::exists(QDir(outDir).filePath(QStringLiteral("results.json"))));
    QVERIFY(QFile::exists(QDir(outDir).filePath(QStringLiteral("coverage/summary.json"))));
    QVERIFY(!QFile::exists(QDir(outDir).filePath(QStringLiteral("fire/summary.json"))));
    QVERIFY(!QFile::exists(QDir(outDir).filePath(QStringLiteral("fire/fire.gpkg"))));
}

// SIGTERM sent by another process (QProcess::terminate) once `run` has written
// layers.json and started its analyses: exit 2 naming the signal, no temporary, no
// results.json. (Should the run finish first, it must have finished completely.)
void TestOutputSafety::sigtermFromOutsideStopsRun()
{
#ifdef Q_OS_WIN
    QSKIP("terminate() closes windows on Windows; console events are not sent this way");
#endif
    const QString outDir = path(QStringLiteral("run"));
    QProcess p;
    p.start(QStringLiteral(REFUGE_CLI_PATH), {QStringLiteral("run"), project(), QStringLiteral("--out"), outDir});
    QVERIFY(p.waitForStarted());
    QByteArray seen;
    while (!seen.contains("layers:") && p.state() == QProcess::Running && p.waitForReadyRead(60000))
        seen += p.readAllStandardOutput();
    QVERIFY2(seen.contains("layers:"), seen.constData());
    p.terminate();
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit); // handled: not killed by the signal
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QCOMPARE(leftovers(outDir), QStringList());
    if (p.exitCode() == 0) { // finished before the signal arrived
        QCOMPARE(readJson(QDir(outDir).filePath(QStringLiteral("results.json"))).value(QStringLiteral("complete")).toBool(), true);
        return;
    }
    QCOMPARE(p.exitCode(), 2);
    QVERIFY2(err.trimmed() == QStringLiteral("refuge-cli: run: stopped by a signal; unfinished outputs removed"), qPrintable(err));
    QVERIFY(!QFile::exists(QDir(outDir).filePath(QStringLiteral("results.json"))));
}

QTEST_GUILESS_MAIN(TestOutputSafety)
#include "tst_output_safety.moc"
