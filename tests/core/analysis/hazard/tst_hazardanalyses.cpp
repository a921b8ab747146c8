// The hazard analyses on the one analysis interface: declarations (en + zh texts,
// unique names), validate() naming the parameter of each bad value (level choice,
// street factor, closing depths, unknown hazard layer, weights, a project without a
// level mapping), and a run on Cambridge through Analysis::run with its typed result.
#include "TestSupport.h"
#include "analysis/hazard/HazardAnalyses.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace refuge;

namespace {

QString cambridge() { return test::sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")); }

ParameterValues values(std::initializer_list<std::pair<const char *, QVariant>> list)
{
    ParameterValues v;
    v.set(QStringLiteral("project"), cambridge());
    v.set(QStringLiteral("out"), QStringLiteral("unused")); // required; validate() writes nothing
    for (const auto &[k, val] : list)
        v.set(QString::fromLatin1(k), val);
    return v;
}

QString firstIssue(const Analysis &a, const ParameterValues &v)
{
    const ValidationIssues issues = a.validate(v);
    return issues.empty() ? QString() : issues.front().parameter + QStringLiteral(" | ") + issues.front().message;
}

} // namespace

class TestHazardAnalyses : public QObject {
    Q_OBJECT
private slots:
    void declarations()
    {
        const ExposureAnalysis e;
        const HazardScenarioAnalysis s;
        const RiskAnalysis r;
        for (const Analysis *a : std::initializer_list<const Analysis *>{&e, &s, &r}) {
            QVERIFY(!a->title().en.isEmpty() && !a->title().zh.isEmpty());
            QVERIFY(!a->help().zh.isEmpty());
            QSet<QString> names;
            for (const Parameter &p : a->parameters()) {
                QVERIFY2(!p.label.zh.isEmpty() && !p.help.en.isEmpty(), qPrintable(p.name));
                QVERIFY(!names.contains(p.name));
                names.insert(p.name);
            }
            QVERIFY(names.contains(QStringLiteral("project")) && names.contains(QStringLiteral("out")));
            QVERIFY(a->validate(values({})).empty());
        }
        QCOMPARE(s.projectSection(), QStringLiteral("hazard"));
        QCOMPARE(r.projectSection(), QStringLiteral("risk"));
    }

    void issues_data()
    {
        QTest::addColumn<QString>("analysis");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("issue");
        QTest::newRow("level") << "hazard-scenario" << "shelter-min-level" << QVariant("6") << "shelter-min-level | {shelter-min-level} must be 1, 2, 3, 4 or 5 (got '6')";
        QTest::newRow("factor") << "hazard-scenario" << "road-factor" << QVariant("0.5") << "road-factor | must be 0 (closed) or a number above 1";
        QTest::newRow("depth") << "hazard-scenario" << "close-depth" << QVariant(QStringList{"drive"}) << "close-depth | expected KEY=NUMBER";
        QTest::newRow("type") << "hazard-scenario" << "types" << QVariant("flood,meteor") << "types | unknown hazard type 'meteor'";
        QTest::newRow("layer") << "hazard-scenario" << "layers" << QVariant("streets") << "layers | ";
        QTest::newRow("weight") << "risk" << "weight" << QVariant(QStringList{"density=-1"}) << "weight | expected KEY=NUMBER";
        QTest::newRow("aggregation") << "risk" << "aggregation" << QVariant("max") << "aggregation | {aggregation} must be geometric_mean or weighted_sum";
        QTest::newRow("project") << "exposure" << "project" << QVariant("/nonexistent/p.refuge") << "project | /nonexistent/p.refuge: no such file";
    }
    void issues()
    {
        QFETCH(QString, analysis);
        QFETCH(QString, name);
        QFETCH(QVariant, value);
        QFETCH(QString, issue);
        const ExposureAnalysis e;
        const HazardScenarioAnalysis s;
        const RiskAnalysis r;
        const Analysis &a = analysis == QLatin1String("risk") ? static_cast<const Analysis &>(r)
            : analysis == QLatin1String("exposure")          ? static_cast<const Analysis &>(e) : static_cast<const Analysis &>(s);
        ParameterValues v = values({});
        v.set(name, value);
        const QString got = firstIssue(a, v);
        QVERIFY2(got.startsWith(issue), qPrintable(got));
        if (name == QLatin1String("layers"))
            QVERIFY2(got.contains(QStringLiteral("which is not a hazard layer (role roads)")), qPrintable(got));
        QVERIFY_THROWS_EXCEPTION(InvalidInput, a.run(v, *std::make_unique<Feedback>()));
    }

    void exposureRun()
    {
        QTemporaryDir dir;
        qputenv("XDG_CACHE_HOME", QFile::encodeName(dir.filePath(QStringLiteral("cache"))));
        Feedback fb;
        const AnalysisResult r = ExposureAnalysis().run(values({{"out", dir.filePath(QStringLiteral("out"))}}), fb);
        QCOMPARE(r.analysisId, QStringLiteral("exposure"));
        QCOMPARE(int(r.layers.size()), 3);
        QVERIFY(QFile::exists(r.layers[0].file));
        QCOMPARE(r.figures[0].id, QStringLiteral("exposed_population"));
        const auto &job = std::any_cast<const ExposureJobResult &>(r.detail);
        QCOMPARE(r.figures[0].value, job.exposure.overall.exposed());
        QVERIFY(r.report.front().startsWith(QStringLiteral("exposure: ")));
        QVERIFY(r.summary.value(QStringLiteral("complete")).toBool());
    }
};

QTEST_GUILESS_MAIN(TestHazardAnalyses)
#include "tst_hazardanalyses.moc"
