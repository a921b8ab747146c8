// Named scenarios on a hand-made project: a 2 km street along y = 0 (20 links of 100 m),
// shelters S1 (100,0) cap 50 and S2 (900,0) cap 100, residents P4 (0,0) 10, P1 (450,0)
// 30, P2 (800,0) 40, P3 (1800,0) 25, communities West (x < 1000) and East, walking
// limit 500 m, nearest assignment. By hand: the baseline covers 80 (P3 is 900 m from
// S2), S1 takes 40 (P4, P1) and S2 40 (P2). Adding a shelter at (1700,0) covers P3:
// +25 exactly; deleting S1 leaves P4 out (S2 is 900 m away) while P1 walks to S2
// (−10 covered, S2 70); S1's capacity down to 20 moves 20 of P1 to S2 (S2 40 → 60);
// a flood over S2 makes it unsuitable (covered 40). compare's delta equals b − a, and
// bad scenarios are refused with one line naming the project and key.
#include "TestSupport.h"
#include "analysis/scenario/CompareAnalysis.h"
#include "analysis/scenario/ScenarioCompare.h"
#include "analysis/AnalysisFiles.h"
#include "io/VectorWriter.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace refuge;

namespace {

Geometry box(double x0, double y0, double x1, double y1) { return Geometry::polygon({{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}); }

void writeData(const QString &gpkg)
{
    const Crs crs = Crs::fromEpsg(26986);
    VectorLayer roads(QStringLiteral("roads"), GeometryType::LineString, crs);
    roads.addField({QStringLiteral("name"), FieldType::String});
    for (int i = 0; i < 20; ++i)
        roads.addFeature(Geometry::lineString({{i * 100.0, 0}, {(i + 1) * 100.0, 0}}), {QStringLiteral("Main St")});
    VectorLayer shelters(QStringLiteral("shelters"), GeometryType::Point, crs);
    shelters.addField({QStringLiteral("sid"), FieldType::String});
    shelters.addField({QStringLiteral("label"), FieldType::String});
    shelters.addField({QStringLiteral("cap"), FieldType::Integer});
    shelters.addFeature(Geometry::point({100, 0}), {QStringLiteral("S1"), QStringLiteral("West School"), 50});
    shelters.addFeature(Geometry::point({900, 0}), {QStringLiteral("S2"), QStringLiteral("Middle School"), 100});
    VectorLayer people(QStringLiteral("people"), GeometryType::Point, crs);
    people.addField({QStringLiteral("pop"), FieldType::Real});
    for (const auto &[x, n] : std::vector<std::pair<double, double>>{{0, 10}, {450, 30}, {800, 40}, {1800, 25}})
        people.addFeature(Geometry::point({x, 0}), {n});
    VectorLayer areas(QStringLiteral("areas"), GeometryType::Polygon, crs);
    areas.addField({QStringLiteral("name"), FieldType::String});
    areas.addFeature(box(-50, -50, 1000, 50), {QStringLiteral("West")});
    areas.addFeature(box(1000, -50, 2050, 50), {QStringLiteral("East")});
    VectorLayer flood(QStringLiteral("flood"), GeometryType::Polygon, crs);
    flood.addField({QStringLiteral("zone"), FieldType::String});
    flood.addFeature(box(850, -20, 950, 20), {QStringLiteral("AE")});
    VectorWriter::writeAll({{QString(), &roads}, {QString(), &shelters}, {QString(), &people}, {QString(), &areas}, {QString(), &flood}}, gpkg);
}

QJsonObject layer(const char *id, const char *role, QJsonObject fields = {}, QJsonObject extra = {})
{
    QJsonObject o{{QStringLiteral("id"), QLatin1String(id)}, {QStringLiteral("name"), QLatin1String(id)}, {QStringLiteral("source"), QStringLiteral("data.gpkg")},
                  {QStringLiteral("layer"), QLatin1String(id)}, {QStringLiteral("role"), QLatin1String(role)}, {QStringLiteral("fields"), fields}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonArray defaultScenarios()
{
    const auto edits = [](const char *name, QJsonObject shelters) {
        return QJsonObject{{QStringLiteral("name"), QLatin1String(name)}, {QStringLiteral("edits"), QJsonObject{{QStringLiteral("shelters"), shelters}}}};
    };
    return {edits("+1 shelter", {{QStringLiteral("add"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("East Hall")},
                                                                                {QStringLiteral("capacity"), 100}, {QStringLiteral("x"), 1700}, {QStringLiteral("y"), 0}}}}}),
            edits("-S1", {{QStringLiteral("delete"), QJsonArray{QStringLiteral("S1")}}}),
            edits("S1 small", {{QStringLiteral("capacity"), QJsonObject{{QStringLiteral("S1"), 20}}}}),
            edits("S1 moved", {{QStringLiteral("move"), QJsonObject{{QStringLiteral("S1"), QJsonObject{{QStringLiteral("x"), 1700}, {QStringLiteral("y"), 0}}}}}}),
            QJsonObject{{QStringLiteral("name"), QStringLiteral("flood")}, {QStringLiteral("hazard"), QJsonObject{{QStringLiteral("shelter_min_level"), 3}}}}};
}

// The project in `dir` with `scenarios`; returns its path.
QString writeProject(const QTemporaryDir &dir, const QJsonArray &scenarios = defaultScenarios())
{
    if (!QFile::exists(dir.filePath(QStringLiteral("data.gpkg"))))
        writeData(dir.filePath(QStringLiteral("data.gpkg")));
    const QJsonObject hazard{{QStringLiteral("type"), QStringLiteral("flood")}, {QStringLiteral("level"), QJsonObject{{QStringLiteral("constant"), 4}}}};
    const QJsonObject project{
        {QStringLiteral("format"), QStringLiteral("refuge-project")}, {QStringLiteral("version"), 1}, {QStringLiteral("crs"), QStringLiteral("EPSG:26986")},
        {QStringLiteral("analysis"), QJsonObject{{QStringLiteral("coverage"), QJsonObject{{QStringLiteral("profile"), QStringLiteral("walk")},
                                                                                            {QStringLiteral("max_meters"), 500}, {QStringLiteral("assignment"), QStringLiteral("nearest")}}}}},
        {QStringLiteral("layers"), QJsonArray{layer("areas", "communities", {{QStringLiteral("name"), QStringLiteral("name")}}),
                                              layer("people", "population", {{QStringLiteral("population"), QStringLiteral("pop")}}),
                                              layer("roads", "roads"), layer("flood", "hazard", {}, {{QStringLiteral("hazard"), hazard}}),
                                              layer("shelters", "shelters", {{QStringLiteral("id"), QStringLiteral("sid")}, {QStringLiteral("name"), QStringLiteral("label")},
                                                                             {QStringLiteral("capacity"), QStringLiteral("cap")}})}},
        {QStringLiteral("scenarios"), scenarios}};
    const QString path = dir.filePath(QStringLiteral("town.refuge"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(QJsonDocument(project).toJson());
    return path;
}

const CompareAreaRow &row(const CompareResult &r, const char *name)
{
    for (const CompareAreaRow &a : r.areas)
        if (a.name == QLatin1String(name))
            return a;
    throw std::runtime_error(name);
}

const CompareShelterRow &shelter(const CompareResult &r, const QString &id)
{
    for (const CompareShelterRow &s : r.shelters)
        if (s.id == id)
            return s;
    throw std::runtime_error(id.toStdString());
}

QString errorOf(const std::function<void()> &fn)
{
    try {
        fn();
    } catch (const Error &e) {
        return e.message();
    }
    return {};
}

} // namespace

class TestScenarios : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_project;
    CompareResult compare(const char *a, const char *b)
    {
        Feedback fb;
        return ScenarioCompare::run(Project::load(m_project), QLatin1String(a), QLatin1String(b),
                                    m_dir.filePath(QStringLiteral("cmp-%1-%2").arg(QLatin1String(a), QLatin1String(b)).replace(QLatin1Char(' '), QLatin1Char('_'))), fb);
    }

private slots:
    void initTestCase()
    {
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("cache"))));
        m_project = writeProject(m_dir);
    }

    void jsonRoundTrip()
    {
        const std::vector<Scenario> list = Scenario::listOf(Project::load(m_project));
        QCOMPARE(int(list.size()), 5);
        for (const Scenario &s : list)
            QCOMPARE(Scenario::fromJson(s.toJson(), s.key).toJson(), s.toJson());
        QCOMPARE(list[0].edits[0].add[0].at.xy, QPointF(1700, 0));
        QCOMPARE(*list[0].edits[0].add[0].capacity, 100.0);
        QCOMPARE(list[2].edits[0].capacity.value(QStringLiteral("S1")), 20.0);
    }

    void addedShelterCoversItsResidents()
    {
        const CompareResult r = compare("baseline", "+1 shelter");
        QCOMPARE(r.overall.coveredA, 80.0);
        QCOMPARE(r.overall.coveredB, 105.0); // + P3's 25 exactly
        QCOMPARE(row(r, "East").coveredDelta(), 25.0);
        QCOMPARE(row(r, "West").coveredDelta(), 0.0);
        QCOMPARE(row(r, "East").assignedB, 25.0);
        QCOMPARE(row(r, "East").unassignedDelta(), -25.0);
        const CompareShelterRow &added = shelter(r, QStringLiteral("new-1")); // no id given: new-<n>
        QCOMPARE(added.name, QStringLiteral("East Hall"));
        QVERIFY(!added.inA && added.inB);
        QCOMPARE(added.capacityB, 100.0);
        QCOMPARE(added.assignedB, 25.0);
        QCOMPARE(added.at, QPointF(1700, 0));
        // The scenario's layers went to its own GeoPackage; the source is untouched.
        const Project derived = r.b.applied.project;
        QVERIFY(derived.resolvedPath(*derived.layerWithRole(Role::Shelters)).endsWith(QStringLiteral("/b/scenario.gpkg")));
        QCOMPARE(VectorLayer::load(DataSource{m_dir.filePath(QStringLiteral("data.gpkg")), QStringLiteral("shelters")}).featureCount(), 2);
    }

    void deletedShelter()
    {
        const CompareResult r = compare("baseline", "-S1");
        QCOMPARE(r.overall.coveredB, 70.0);
        QCOMPARE(row(r, "West").coveredDelta(), -10.0); // P4: S2 is 900 m away; P1 walks 450 m to S2
        QCOMPARE(shelter(r, QStringLiteral("S2")).assignedB, 70.0);
        QVERIFY(!shelter(r, QStringLiteral("S1")).inB);
        QCOMPARE(shelter(r, QStringLiteral("S1")).assignedA, 40.0);
    }

    void capacityChangeMovesAssignment()
    {
        const CompareResult r = compare("baseline", "S1 small");
        QCOMPARE(shelter(r, QStringLiteral("S1")).assignedA, 40.0);
        QCOMPARE(shelter(r, QStringLiteral("S1")).assignedB, 20.0);
        QCOMPARE(shelter(r, QStringLiteral("S2")).assignedA, 40.0);
        QCOMPARE(shelter(r, QStringLiteral("S2")).assignedB, 60.0);
        QCOMPARE(shelter(r, QStringLiteral("S1")).capacityB, 20.0);
        QCOMPARE(r.overall.assignedDelta(), 0.0);
    }

    void hazardRulesApplied()
    {
        const CompareResult r = compare("baseline", "flood");
        QCOMPARE(int(r.b.applied.unsuitable.size()), 1);
        QCOMPARE(r.b.applied.unsuitable[0].id, QStringLiteral("S2"));
        QVERIFY(!r.b.applied.barriersFor(QStringLiteral("walk")).isEmpty());
        QCOMPARE(r.overall.coveredB, 40.0); // P4 and P1 by S1; P2 had only S2
        QCOMPARE(row(r, "West").coveredDelta(), -40.0);
        // The same rules through the hazard scenario's own code (streets by link factors, not barrier files).
        Feedback fb;
        const Project project = Project::load(m_project);
        const ScenarioJobResult h = HazardScenarioJob::run(project, ScenarioApply::rulesOf(project, Scenario::named(project, QStringLiteral("flood"))), {}, fb);
        QCOMPARE(h.comparison.overall.scenarioCovered, r.overall.coveredB);
        QCOMPARE(h.comparison.overall.scenarioAssigned, r.overall.assignedB);
        QCOMPARE(h.comparison.closedLinks, 2); // 800–900 and 900–1000 cross the flood box
    }

    void deltaEqualsBMinusA()
    {
        const CompareResult r = compare("-S1", "S1 moved");
        for (const CompareAreaRow &a : r.areas) {
            QCOMPARE(a.coveredDelta(), a.coveredB - a.coveredA);
            QCOMPARE(a.unassignedDelta(), a.unassignedB - a.unassignedA);
        }
        // Moved to (1700,0): P3 is covered by S1, P4 not (S2 900 m); P1 and P2 by S2.
        QCOMPARE(r.overall.coveredA, 70.0);
        QCOMPARE(r.overall.coveredB, 95.0);
        QCOMPARE(shelter(r, QStringLiteral("S1")).at, QPointF(1700, 0));
        // The files: delta.csv with b - a per community.
        QFile csv(QDir(r.outDir).filePath(QStringLiteral("delta.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(csv.readAll());
        QVERIFY2(text.contains(QStringLiteral("East,25,0,25,25,0,25,25,25,0,-25")), qPrintable(text));
        QVERIFY(QFile::exists(QDir(r.outDir).filePath(QStringLiteral("delta.gpkg"))));
        QCOMPARE(AnalysisFiles::completeSummary(r.outDir).value(QStringLiteral("b")).toString(), QStringLiteral("S1 moved"));
    }

    void badScenarios_data()
    {
        QTest::addColumn<QJsonObject>("scenario");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        const auto withEdits = [](QJsonObject shelters) {
            return QJsonObject{{QStringLiteral("name"), QStringLiteral("bad")}, {QStringLiteral("edits"), QJsonObject{{QStringLiteral("shelters"), shelters}}}};
        };
        QTest::newRow("unknown name") << withEdits({{QStringLiteral("delete"), QJsonArray{QStringLiteral("S1")}}}) << "nope"
                                      << "scenarios: no scenario named 'nope' (the project has: baseline, bad)";
        QTest::newRow("missing id") << withEdits({{QStringLiteral("delete"), QJsonArray{QStringLiteral("S9")}}}) << "bad"
                                    << "scenarios[0].edits.shelters.delete: no feature with id 'S9' in layer 'shelters'";
        QTest::newRow("missing layer") << withEdits({{QStringLiteral("layer"), QStringLiteral("gone")}, {QStringLiteral("delete"), QJsonArray{QStringLiteral("S1")}}})
                                       << "bad" << "scenarios[0].edits.shelters.layer: no layer 'gone' in the project";
        QTest::newRow("negative capacity") << withEdits({{QStringLiteral("capacity"), QJsonObject{{QStringLiteral("S1"), -5}}}}) << "bad"
                                           << "scenarios[0].edits.shelters.capacity.S1: must be 0 or more (got -5)";
        QTest::newRow("no point") << withEdits({{QStringLiteral("add"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("X")}}}}}) << "bad"
                                  << "scenarios[0].edits.shelters.add[0]: give the point as lon/lat or as x/y in the project CRS";
        QTest::newRow("id taken") << withEdits({{QStringLiteral("add"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("S2")}, {QStringLiteral("x"), 0}, {QStringLiteral("y"), 0}}}}})
                                  << "bad" << "scenarios[0].edits.shelters.add[0]: id 'S2' is already taken in layer 'shelters'";
        QTest::newRow("baseline name") << QJsonObject{{QStringLiteral("name"), QStringLiteral("baseline")}, {QStringLiteral("hazard"), QJsonObject{}}} << "x"
                                       << "scenarios[0].name: 'baseline' is the project without a scenario";
        QTest::newRow("unknown hazard layer") << QJsonObject{{QStringLiteral("name"), QStringLiteral("bad")},
                                                             {QStringLiteral("hazard"), QJsonObject{{QStringLiteral("layers"), QJsonArray{QStringLiteral("gone")}}}}}
                                              << "bad" << "gone";
    }

    void badScenarios()
    {
        QFETCH(QJsonObject, scenario);
        QFETCH(QString, name);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QFile::copy(m_dir.filePath(QStringLiteral("data.gpkg")), dir.filePath(QStringLiteral("data.gpkg")));
        const QString path = writeProject(dir, QJsonArray{scenario});
        const QByteArray before = test::sha256(dir.filePath(QStringLiteral("data.gpkg")));
        Feedback fb;
        const QString got = errorOf([&] { ScenarioApply::apply(Project::load(path), name, dir.filePath(QStringLiteral("out")), fb); });
        QVERIFY2(got.startsWith(path + QStringLiteral(": ")), qPrintable(got));
        QVERIFY2(got.contains(message), qPrintable(got));
        QVERIFY(!got.contains(QLatin1Char('\n')));
        QCOMPARE(test::sha256(dir.filePath(QStringLiteral("data.gpkg"))), before);
        // compare names the option: --a / --b.
        ParameterValues v;
        v.set(QStringLiteral("project"), path);
        v.set(QStringLiteral("a"), QStringLiteral("baseline"));
        v.set(QStringLiteral("b"), name);
        v.set(QStringLiteral("out"), dir.filePath(QStringLiteral("compare")));
        const ValidationIssues issues = CompareAnalysis().validate(v);
        if (QTest::currentDataTag() != QLatin1String("missing id") && QTest::currentDataTag() != QLatin1String("id taken")) {
            QVERIFY(!issues.empty());
            QCOMPARE(issues.front().parameter, QStringLiteral("b"));
        }
    }

    void cli()
    {
        const QString out = m_dir.filePath(QStringLiteral("cli-compare"));
        const test::CliResult c = test::runCli({QStringLiteral("compare"), m_project, QStringLiteral("--a"), QStringLiteral("baseline"), QStringLiteral("--b"),
                                                QStringLiteral("+1 shelter"), QStringLiteral("--out"), out});
        QVERIFY2(c.exitCode == 0, qPrintable(c.err));
        QVERIFY2(c.out.contains(QStringLiteral("covered 80 → 105 (25)")), qPrintable(c.out));
        const test::CliResult bad = test::runCli({QStringLiteral("compare"), m_project, QStringLiteral("--a"), QStringLiteral("baseline"), QStringLiteral("--b"),
                                                  QStringLiteral("nope"), QStringLiteral("--out"), out});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("no scenario named 'nope'")), qPrintable(bad.err));
        const QString run = m_dir.filePath(QStringLiteral("cli-run"));
        const test::CliResult r = test::runCli({QStringLiteral("run"), m_project, QStringLiteral("--scenario"), QStringLiteral("+1 shelter"), QStringLiteral("--out"), run});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const QJsonObject summary = AnalysisFiles::completeSummary(QDir(run).filePath(QStringLiteral("coverage")));
        QCOMPARE(summary.value(QStringLiteral("scenario")).toString(), QStringLiteral("+1 shelter"));
        QVERIFY(QFile::exists(QDir(run).filePath(QStringLiteral("scenario/scenario.gpkg"))));
    }
};

QTEST_GUILESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"
