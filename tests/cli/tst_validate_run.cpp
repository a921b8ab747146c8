// `validate` rejects whatever `run` rejects: each broken project of tests/data/params/
// (and the broken ones of tests/data/bad/) gives the same exit code and the same
// stderr lines from both commands, and `run` writes nothing for it. Also: fire-coverage
// without a study area says so instead of printing an area ratio of nothing.
#include "CliEnvironment.h"
#include "TestSupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace refuge::test;

class TstValidateRun : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_xdg = ensureXdgRuntimeDir();
        QVERIFY(m_dir.isValid() && m_out.isValid());
        for (const QString &folder : {QStringLiteral("bad"), QStringLiteral("params")}) {
            const QDir source(dataPath(folder));
            for (const QString &f : source.entryList(QDir::Files))
                QVERIFY(QFile::copy(source.filePath(f), m_dir.filePath(f)));
        }
    }

    void sameVerdict_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("words"); // in the one stderr line
        auto row = [](const char *file, int code, const char *words) {
            QTest::newRow(file) << QString::fromLatin1(file) << code << QString::fromUtf8(words);
        };
        row("project_fire_minutes_negative.refuge", 2, "analysis.fire.max_minutes: must be a number > 0 and ≤ 1440 min (got -5)");
        row("project_fire_minutes_text.refuge", 2, "analysis.fire.max_minutes: must be a number > 0 and ≤ 1440 min (got 'five')");
        row("project_fire_turnout_huge.refuge", 2, "analysis.fire.turnout_seconds: must be a number from 0 to 3600 s (got 1e+308)");
        row("project_max_meters_negative.refuge", 2, "analysis.coverage.max_meters: must be a number > 0 and ≤ 100000 m (got -800)");
        row("project_max_meters_zero.refuge", 2, "analysis.coverage.max_meters: must be a number > 0 and ≤ 100000 m (got 0)");
        row("project_max_meters_text.refuge", 2, "analysis.coverage.max_meters: must be a number > 0 and ≤ 100000 m (got '800')");
        row("project_breaks_beyond_limit.refuge", 2, "analysis.coverage.breaks[1]: 15 exceeds the limit 10");
        row("project_override_nan.refuge", 2, "analysis.standard_overrides: shelter.walk_speed_mps: must be a number > 0 and ≤ 100 m/s (got 'nan')");
        row("project_override_huge.refuge", 2, "analysis.standard_overrides: fire.response_s: must be a number from 0 to 86400 s (got 1e+308)");
        row("project_unknown_profile.refuge", 2, "analysis.coverage.profile: unknown profile 'hovercraft'");
        row("project_assignment_unknown.refuge", 2, "analysis.coverage.assignment: unknown assignment 'random'");
        row("project_no_format.refuge", 2, "format: missing");
        row("project_version_negative.refuge", 2, "version: must be 1 or more (got -1)");
        row("project_bad_encoding.refuge", 1, "error: layer shelters: encoding: unknown text encoding 'NOT-AN-ENCODING'");
        row("project_newer.refuge", 2, "written by a newer Refuge");
        row("project_visible_string.refuge", 2, "layers[0].visible: expected true or false");
        row("project_missing_layer.refuge", 1, "does_not_exist.gpkg: no such file");
    }

    void sameVerdict()
    {
        QFETCH(QString, project);
        QFETCH(int, exitCode);
        QFETCH(QString, words);
        const QString path = m_dir.filePath(project);
        const QString out = m_out.filePath(QFileInfo(project).completeBaseName());
        const CliResult validate = runCli({QStringLiteral("validate"), QStringLiteral("--quiet"), path}, 60000);
        const CliResult run = runCli({QStringLiteral("run"), path, QStringLiteral("--out"), out}, 60000);
        const QString context = QStringLiteral("validate: exit %1\n%2\nrun: exit %3\n%4").arg(validate.exitCode).arg(validate.err).arg(run.exitCode).arg(run.err);
        QVERIFY2(validate.exitCode == exitCode, qPrintable(context));
        QVERIFY2(run.exitCode == exitCode, qPrintable(context));
        QVERIFY2(validate.err == run.err, qPrintable(context));
        const QStringList lines = validate.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() == 1, qPrintable(context));
        QVERIFY2(lines[0].startsWith(QStringLiteral("refuge-cli: ")) && lines[0].contains(QFileInfo(path).fileName()), qPrintable(context));
        QVERIFY2(lines[0].contains(words), qPrintable(context));
        QVERIFY2(validate.out.isEmpty() && !QFileInfo::exists(out), qPrintable(QStringLiteral("run wrote %1\n").arg(out) + context));
    }

    void fireWithoutStudyArea()
    {
        const QString out = m_out.filePath(QStringLiteral("fire"));
        const CliResult r = runCli({QStringLiteral("fire-coverage"), QStringLiteral("--euclidean"), QStringLiteral("--facilities"),
                                    m_dir.filePath(QStringLiteral("ok_points.geojson")), QStringLiteral("--demand"),
                                    m_dir.filePath(QStringLiteral("params_demand_points.geojson")), QStringLiteral("--population-field"),
                                    QStringLiteral("pop"), QStringLiteral("--out"), out},
                                   60000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // 100 + 50 people within 300 s of a station (turnout 60 s, 30 km/h: 2 km); the third
        // point, 25 people ~25 km away, is not.
        QVERIFY2(r.out.contains(QStringLiteral("150 of 175 people reached within 300 s (85.7 %)")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("area reached: no study area given (--study-area or --official)")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QStringLiteral("km²")), qPrintable(r.out));
    }

private:
    QTemporaryDir m_dir, m_out;
    std::unique_ptr<QTemporaryDir> m_xdg;
};

QTEST_GUILESS_MAIN(TstValidateRun)
#include "tst_validate_run.moc"
