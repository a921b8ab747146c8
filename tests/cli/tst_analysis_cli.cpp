// refuge-cli's analysis commands come from the registry: `refuge-cli --help` lists every
// registered analysis; each `refuge-cli ID --help` shows every declared parameter with
// its help line (range, unit, default) in English or, with --lang zh, Chinese; a bad
// value is one stderr line naming the option (exit 2); a project given as the
// positional argument supplies the values it configures.
#include "TestSupport.h"
#include "analysis/framework/AnalysisRegistry.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace refuge;
using namespace refuge::test;

class TestAnalysisCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_out;

    // Without any white space: Qt wraps help lines at spaces, Chinese also between characters.
    static QString flat(QString s) { return s.remove(QRegularExpression(QStringLiteral("\\s+"))); }

private Q_SLOTS:
    void topLevelHelpListsTheRegistry()
    {
        for (const char *lang : {"en", "zh"}) {
            const CliResult r = runCli({QStringLiteral("--help"), QStringLiteral("--lang"), QString::fromLatin1(lang)});
            QCOMPARE(r.exitCode, 0);
            const QString analyses = r.out.section(QStringLiteral("Analyses"), 1);
            for (const Analysis *a : AnalysisRegistry::all()) {
                QVERIFY2(analyses.contains(QStringLiteral("  ") + a->id() + QLatin1Char(' ')), qPrintable(r.out));
                QVERIFY2(analyses.contains(a->summary().in(QString::fromLatin1(lang))), qPrintable(r.out));
            }
        }
    }

    void helpShowsEveryParameter_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("lang");
        for (const Analysis *a : AnalysisRegistry::all())
            for (const char *lang : {"en", "zh"})
                QTest::addRow("%s %s", qPrintable(a->id()), lang) << a->id() << QString::fromLatin1(lang);
    }

    void helpShowsEveryParameter()
    {
        QFETCH(QString, id);
        QFETCH(QString, lang);
        const Analysis *a = AnalysisRegistry::find(id);
        const CliResult r = runCli({id, QStringLiteral("--help"), QStringLiteral("--lang"), lang});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const QString help = flat(r.out);
        QVERIFY2(help.contains(flat(a->help(lang))), qPrintable(r.out));
        for (const Parameter &p : a->parameters()) {
            // Qt lists a one-letter option as "-k" (refuge-cli also takes "--k").
            QVERIFY2(help.contains((p.name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + p.name), qPrintable(p.name + QStringLiteral("\n") + r.out));
            // The whole help line: the range with its unit, the default (Qt wraps at spaces).
            QVERIFY2(help.contains(flat(p.helpText(lang))), qPrintable(p.helpText(lang) + QStringLiteral("\n") + r.out));
            if (!p.unit().isEmpty())
                QVERIFY(p.helpText(lang).contains(p.unit()));
            if (p.type == ParameterType::Number && p.defaultValue.isValid())
                QVERIFY(p.helpText(lang).contains(p.defaultText()));
        }
    }

    // One line naming the option, exit 2, nothing written.
    void badValueIsOneLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("line");
        const QString points = dataPath(QStringLiteral("bad/ok_points.geojson"));
        QTest::newRow("choice") << QStringList{"service-area", "--network", points, "--facilities", points, "--max-meters", "500", "--output", "dots"}
                                << "refuge-cli: --output must be polygons, lines or both (got 'dots')";
        QTest::newRow("pair") << QStringList{"fire-coverage", "--euclidean", "--facilities", points, "--official", points, "--demand", points,
                                             "--population-field", "id"}
                              << "refuge-cli: --official and --official-field go together";
        QTest::newRow("geographic crs") << QStringList{"zones", "--network", points, "--facilities", points, "--crs", "EPSG:4326"}
                                        << "refuge-cli: --crs: EPSG:4326 is not metric; use a projected CRS";
        QTest::newRow("wrong geometry") << QStringList{"network-check", "--network", points}
                                        << QStringLiteral("refuge-cli: %1: the road network must be lines, not points; is this the right layer? (--network)").arg(points);
    }

    void badValueIsOneLine()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, line);
        const QString out = m_out.filePath(QStringLiteral("bad"));
        const CliResult r = runCli(args + QStringList{QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.trimmed(), line);
        QVERIFY(!QFileInfo::exists(out));
    }

    // A project as the positional argument supplies its values; options override them.
    void projectSuppliesValues()
    {
        const QString project = sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge"));
        const QString out = m_out.filePath(QStringLiteral("sa"));
        const CliResult r = runCli({QStringLiteral("service-area"), project, QStringLiteral("--max-meters"), QStringLiteral("300"),
                                    QStringLiteral("--cache-dir"), m_out.filePath(QStringLiteral("cache")), QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QLatin1String("service areas: 15 polygons, 0 line features for 15 of 15 facilities")), qPrintable(r.out));
        QFile f(QDir(out).filePath(QStringLiteral("summary.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject s = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(s.value(QStringLiteral("unit")).toString(), QStringLiteral("m"));
        QCOMPARE(s.value(QStringLiteral("breaks")).toArray().first().toDouble(), 300.0);
    }

    // An option that stands in for a project value replaces it instead of clashing: a time
    // limit over the project's 800 m, candidate points over the project's 250 m grid.
    void optionReplacesItsAlternative()
    {
        const QString project = sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge"));
        const QString out = m_out.filePath(QStringLiteral("sa-minutes"));
        const CliResult r = runCli({QStringLiteral("service-area"), project, QStringLiteral("--max-minutes"), QStringLiteral("5"),
                                    QStringLiteral("--cache-dir"), m_out.filePath(QStringLiteral("cache")), QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile f(QDir(out).filePath(QStringLiteral("summary.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject s = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(s.value(QStringLiteral("unit")).toString(), QStringLiteral("min"));
        QCOMPARE(s.value(QStringLiteral("breaks")).toArray().first().toDouble(), 5.0);
        // Both given by the user still clash.
        const CliResult both = runCli({QStringLiteral("service-area"), project, QStringLiteral("--max-minutes"), QStringLiteral("5"),
                                       QStringLiteral("--max-meters"), QStringLiteral("300"), QStringLiteral("--out"), m_out.filePath(QStringLiteral("both"))});
        QCOMPARE(both.exitCode, 2);
        QVERIFY2(both.err.contains(QLatin1String("not both")), qPrintable(both.err));
        // Siting: the public schools (a point layer) instead of the project's grid.
        const QString sites = m_out.filePath(QStringLiteral("site-schools"));
        const CliResult site = runCli({QStringLiteral("site"), project, QStringLiteral("--candidates"), sourcePath(QStringLiteral("maps/cambridge/public_schools.gpkg")),
                                       QStringLiteral("-k"), QStringLiteral("2"), QStringLiteral("--no-curve"), QStringLiteral("--cache-dir"),
                                       m_out.filePath(QStringLiteral("cache")), QStringLiteral("--out"), sites});
        // Exit 1: demand beyond every candidate's 800 m is reported as left out.
        QVERIFY2(site.exitCode == 0 || site.exitCode == 1, qPrintable(site.err));
        QVERIFY2(!site.err.contains(QLatin1String("not both")), qPrintable(site.err));
        QVERIFY2(site.out.startsWith(QLatin1String("site: mclp, 2 new sites")), qPrintable(site.out));
        QVERIFY(QFile::exists(QDir(sites).filePath(QStringLiteral("sites.csv"))));
    }
};

QTEST_GUILESS_MAIN(TestAnalysisCli)
#include "tst_analysis_cli.moc"
