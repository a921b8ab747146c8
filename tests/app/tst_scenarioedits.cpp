// The desktop's what-if tools on a copy of the Cambridge sample (offscreen): the edit
// tools driven by real mouse events record additions, moves, deletions and capacity
// changes into the active scenario's JSON at the clicked map points (undo removes
// them), the source GeoPackage stays byte-identical after edits and save, and the
// Scenarios panel's "Compare with baseline" and "Run coverage under this scenario"
// give the figures refuge-cli compare gives; a siting run's chosen sites become a
// scenario's additions. Screenshots go to /tmp/whatif_*.png.
#include "AppTestSupport.h"

#include "analysis/scenario/ScenarioCompare.h"
#include "canvas/MapCanvas.h"
#include "commands/LayerCommands.h"
#include "crs/CoordinateTransform.h"
#include "mainwindow/MainWindow.h"
#include "model/VectorLayer.h"
#include "results/CompareResultsView.h"
#include "results/ResultTableView.h"
#include "results/ResultTableModel.h"
#include "results/ResultsDock.h"
#include "scenarios/ScenarioOverlay.h"
#include "scenarios/ScenarioRunner.h"
#include "scenarios/ScenarioSession.h"
#include "scenarios/ScenarioTools.h"
#include "scenarios/ScenarioWorkbench.h"
#include "scenarios/ScenariosPanel.h"

#include <QAction>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>
#include <memory>

using namespace refuge;
using namespace refuge::desktop;

namespace {

QByteArray sha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

const QString kWhatIf = QStringLiteral("Test what-if");
const QString kDanehy = QStringLiteral("+ shelter at Danehy Park");

} // namespace

class TestScenarioEdits : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project, m_gpkg;
    QByteArray m_gpkgHash;
    std::unique_ptr<MainWindow> m_window;

    ProjectDocument *doc() const { return m_window->document(); }
    MapCanvas *canvas() const { return m_window->canvas(); }
    ScenarioWorkbench *bench() const { return m_window->scenarios(); }
    QJsonArray scenarios() const { return doc()->project().toJson().value(QStringLiteral("scenarios")).toArray(); }

    // The edits of `role` in the scenario `name`, as the project JSON holds them.
    QJsonObject edits(const QString &name, const QString &role) const
    {
        for (const QJsonValue &v : scenarios())
            if (v.toObject().value(QStringLiteral("name")).toString() == name)
                return v.toObject().value(QStringLiteral("edits")).toObject().value(role).toObject();
        return {};
    }

    // A shelter of the loaded layer: its point and id (the Name field: the layer's ids).
    std::pair<QPointF, QString> shelter(int row) const
    {
        const LayerData d = doc()->layerData(QStringLiteral("shelters"));
        return {d.vector->geometry(row).ringPoints(0)[0], d.vector->attribute(row, QStringLiteral("Name")).toString()};
    }

    QPoint pixelOf(QPointF map) const { return canvas()->toPixel(map).toPoint(); }

    void useTool(QAction *action)
    {
        action->trigger();
        QVERIFY(action->isChecked());
    }

    void waitForRun(ScenarioRunner *runner)
    {
        QSignalSpy done(runner, &ScenarioRunner::finished);
        QVERIFY(done.wait(120000));
        QVERIFY2(done.front().at(0).toBool(), qPrintable(done.front().at(1).toString()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // graph cache in a test location
        QVERIFY(m_dir.isValid());
        for (const char *f : {"cambridge.refuge", "cambridge.gpkg"})
            QVERIFY(QFile::copy(test::sourcePath(QStringLiteral("maps/cambridge/") + QLatin1String(f)), QDir(m_dir.path()).filePath(QLatin1String(f))));
        m_project = QDir(m_dir.path()).filePath(QStringLiteral("cambridge.refuge"));
        m_gpkg = QDir(m_dir.path()).filePath(QStringLiteral("cambridge.gpkg"));
        QFile::setPermissions(m_gpkg, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        m_gpkgHash = sha256(m_gpkg);
        QVERIFY(!m_gpkgHash.isEmpty());
        m_window = std::make_unique<MainWindow>();
        m_window->setInteractive(false);
        m_window->resize(1200, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        doc()->open(m_project);
        QVERIFY(test::waitForLayers(*doc()));
        QVERIFY(QTest::qWaitFor([&] { return canvas()->hasImage() && !canvas()->isRendering(); }, 20000));
    }

    void cleanupTestCase() { m_window.reset(); }

    // The panel lists the baseline and the sample's two scenarios; the tools refuse the baseline.
    void panelListsScenarios()
    {
        QListWidget *list = bench()->panel()->list();
        QCOMPARE(list->count(), 3);
        QCOMPARE(list->item(0)->data(Qt::UserRole).toString(), QStringLiteral("baseline"));
        QCOMPARE(list->item(1)->text(), kDanehy);
        QVERIFY(bench()->session()->isBaselineActive());
        for (QAction *a : bench()->actions())
            QVERIFY(!a->isEnabled());
        const QJsonArray before = scenarios();
        canvas()->setTool(bench()->addShelterTool());
        QSignalSpy message(bench(), &ScenarioWorkbench::message);
        QTest::mouseClick(canvas(), Qt::LeftButton, {}, canvas()->rect().center());
        QCOMPARE(message.count(), 1);
        QCOMPARE(scenarios(), before);
    }

    // New scenario (undoable), made active.
    void newScenario()
    {
        const int steps = doc()->undoStack()->count();
        QVERIFY(bench()->session()->create(kWhatIf));
        QCOMPARE(bench()->session()->activeName(), kWhatIf);
        QCOMPARE(bench()->panel()->list()->count(), 4);
        QCOMPARE(bench()->panel()->list()->currentItem()->text(), kWhatIf);
        QVERIFY(!bench()->session()->create(QStringLiteral("baseline")));
        QVERIFY(!bench()->session()->create(kDanehy));
        QCOMPARE(doc()->undoStack()->count(), steps + 1);
        for (QAction *a : bench()->actions())
            QVERIFY(a->isEnabled());
    }

    // Rename, undo, redo: the scenario being edited stays the active one under either name
    // (undoing a rename used to fall back to the baseline).
    void renameUndoKeepsActive()
    {
        ScenarioSession *session = bench()->session();
        const QString renamed = QStringLiteral("renamed what-if");
        QVERIFY(session->rename(kWhatIf, renamed));
        QCOMPARE(session->activeName(), renamed);
        doc()->undoStack()->undo();
        QCOMPARE(session->activeName(), kWhatIf);
        QVERIFY(session->names().contains(kWhatIf));
        doc()->undoStack()->redo();
        QCOMPARE(session->activeName(), renamed);
        doc()->undoStack()->undo();
        QCOMPARE(session->activeName(), kWhatIf);
        // Deleting the active scenario still falls back to the baseline; undo brings it back, not active.
        QVERIFY(session->remove(kWhatIf));
        QVERIFY(session->isBaselineActive());
        doc()->undoStack()->undo();
        QVERIFY(session->names().contains(kWhatIf));
        session->setActive(kWhatIf);
        QCOMPARE(session->activeName(), kWhatIf);
    }

    // Add shelter: a click at Danehy Park (centred on the canvas) → an addition at that
    // point in EPSG:26986 (PROJ's own transform of the park's lon/lat), with the capacity asked.
    void addShelter()
    {
        const QPointF park = CoordinateTransform(Crs::fromEpsg(4326), Crs::fromEpsg(26986)).transform(QPointF(-71.1366, 42.3886));
        // The park on a whole pixel near the centre (an odd canvas size puts the centre
        // between two pixels).
        const QPoint pixel(canvas()->width() / 2, canvas()->height() / 2);
        const double mupp = canvas()->mapUnitsPerPixel();
        canvas()->setCenter(park + QPointF((canvas()->width() / 2.0 - pixel.x()) * mupp, (pixel.y() - canvas()->height() / 2.0) * mupp));
        QVERIFY(QLineF(canvas()->toMap(pixel), park).length() < 0.01);
        bench()->addShelterTool()->setPrompt([](const QString &role, bool hasCapacity) -> std::optional<NewFacility> {
            if (role != QLatin1String("shelters") || !hasCapacity)
                return std::nullopt;
            return NewFacility{QStringLiteral("Danehy test shelter"), 750.0};
        });
        useTool(bench()->actions()[0]);
        QTest::mouseClick(canvas(), Qt::LeftButton, {}, pixel);
        const QJsonArray add = edits(kWhatIf, QStringLiteral("shelters")).value(QStringLiteral("add")).toArray();
        QCOMPARE(add.size(), 1);
        const QJsonObject a = add[0].toObject();
        QCOMPARE(a.value(QStringLiteral("name")).toString(), QStringLiteral("Danehy test shelter"));
        QCOMPARE(a.value(QStringLiteral("capacity")).toDouble(), 750.0);
        QVERIFY(std::abs(a.value(QStringLiteral("x")).toDouble() - park.x()) < 0.01);
        QVERIFY(std::abs(a.value(QStringLiteral("y")).toDouble() - park.y()) < 0.01);
        // The overlay has it as an addition at that point.
        const ScenarioFacilities set = bench()->overlay()->facilities(QStringLiteral("shelters"));
        QCOMPARE(int(set.items.size()), 16); // the layer's 15 and the new one
        QVERIFY(set.items.back().added && QLineF(set.items.back().at, park).length() < 0.01);
        doc()->undoStack()->undo();
        QVERIFY(edits(kWhatIf, QStringLiteral("shelters")).isEmpty());
        doc()->undoStack()->redo();
        QCOMPARE(edits(kWhatIf, QStringLiteral("shelters")).value(QStringLiteral("add")).toArray().size(), 1);
        canvas()->zoomFull();
    }

    // Move: drag a shelter of the layer 60 pixels right → move.<id> at the release point.
    void moveShelter()
    {
        const auto [at, id] = shelter(0);
        const QPoint from = pixelOf(at), to = from + QPoint(60, 0);
        const QPointF expected = canvas()->toMap(to);
        useTool(bench()->actions()[2]);
        QTest::mousePress(canvas(), Qt::LeftButton, {}, from);
        QTest::mouseMove(canvas(), from + QPoint(30, 0));
        QTest::mouseMove(canvas(), to);
        QTest::mouseRelease(canvas(), Qt::LeftButton, {}, to);
        const QJsonObject move = edits(kWhatIf, QStringLiteral("shelters")).value(QStringLiteral("move")).toObject();
        QCOMPARE(move.keys(), QStringList{id});
        QVERIFY(std::abs(move.value(id).toObject().value(QStringLiteral("x")).toDouble() - expected.x()) < 0.01);
        QVERIFY(std::abs(move.value(id).toObject().value(QStringLiteral("y")).toDouble() - expected.y()) < 0.01);
        // 60 px at the canvas's scale.
        QVERIFY(std::abs((expected.x() - at.x()) - 60 * canvas()->mapUnitsPerPixel()) < canvas()->mapUnitsPerPixel());
        const ScenarioFacilities set = bench()->overlay()->facilities(QStringLiteral("shelters"));
        QVERIFY(set.items[0].moved && QLineF(set.items[0].at, expected).length() < 0.01 && set.items[0].original == at);
        doc()->undoStack()->undo();
        QVERIFY(!edits(kWhatIf, QStringLiteral("shelters")).contains(QStringLiteral("move")));
        doc()->undoStack()->redo();
        QVERIFY(edits(kWhatIf, QStringLiteral("shelters")).contains(QStringLiteral("move")));
    }

    // Delete: a click on a shelter → delete [id]; a second click restores it; undo.
    void deleteShelter()
    {
        const auto [at, id] = shelter(1);
        useTool(bench()->actions()[3]);
        QTest::mouseClick(canvas(), Qt::LeftButton, {}, pixelOf(at));
        QCOMPARE(edits(kWhatIf, QStringLiteral("shelters")).value(QStringLiteral("delete")).toArray(), QJsonArray{id});
        QVERIFY(bench()->overlay()->facilities(QStringLiteral("shelters")).items[1].deleted);
        doc()->undoStack()->undo();
        QVERIFY(!edits(kWhatIf, QStringLiteral("shelters")).contains(QStringLiteral("delete")));
        doc()->undoStack()->redo();
        QCOMPARE(edits(kWhatIf, QStringLiteral("shelters")).value(QStringLiteral("delete")).toArray(), QJsonArray{id});
    }

    // Capacity: a click on a shelter → the spin box's value as capacity.<id>; undo.
    void editCapacity()
    {
        const auto [at, id] = shelter(2);
        double asked = -1;
        bench()->capacityTool()->setPrompt([&](const ScenarioFacility &f) -> std::optional<double> {
            asked = f.capacity.value_or(-1);
            return 1234.0;
        });
        useTool(bench()->actions()[4]);
        QTest::mouseClick(canvas(), Qt::LeftButton, {}, pixelOf(at));
        const double original = doc()->layerData(QStringLiteral("shelters")).vector->attribute(2, QStringLiteral("Capacity")).toDouble();
        QCOMPARE(asked, original); // the spin box starts at the layer's value
        QCOMPARE(edits(kWhatIf, QStringLiteral("shelters")).value(QStringLiteral("capacity")).toObject().value(id).toDouble(), 1234.0);
        doc()->undoStack()->undo();
        QVERIFY(!edits(kWhatIf, QStringLiteral("shelters")).contains(QStringLiteral("capacity")));
        doc()->undoStack()->redo();
        QCOMPARE(bench()->panel()->summary()->text(), QStringLiteral("1 added, 1 moved, 1 deleted, 1 capacity changes."));
        QVERIFY(QTest::qWaitFor([&] { return !canvas()->isRendering(); }, 20000));
        canvas()->grab().save(QStringLiteral("/tmp/whatif_edits.png"));
    }

    // Edits and save: the scenario is in the saved project; the source GeoPackage is unchanged.
    void sourceUntouchedAfterSave()
    {
        doc()->save(m_project);
        QCOMPARE(sha256(m_gpkg), m_gpkgHash);
        const Scenario s = Scenario::named(Project::load(m_project), kWhatIf);
        QCOMPARE(int(s.edits.size()), 1);
        QCOMPARE(int(s.edits[0].add.size()), 1);
        QCOMPARE(s.edits[0].move.size(), 1);
        QCOMPARE(s.edits[0].remove.size(), 1);
        QCOMPARE(s.edits[0].capacity.size(), 1);
    }

    // Compare with baseline from the panel = refuge-cli compare on the same project.
    void compareFromPanel()
    {
        QListWidget *list = bench()->panel()->list();
        list->setCurrentItem(list->item(1));
        QCOMPARE(bench()->session()->activeName(), kDanehy);
        QTest::mouseClick(bench()->panel()->compareButton(), Qt::LeftButton);
        waitForRun(bench()->runner());
        const auto &r = std::any_cast<const CompareResult &>(bench()->runner()->lastResult()->detail);
        QCOMPARE(qRound(r.overall.coveredA), 52529);
        QCOMPARE(qRound(r.overall.coveredB), 52599);
        QCOMPARE(qRound(r.overall.assignedA), 10457);
        QCOMPARE(qRound(r.overall.assignedB), 10957);
        // refuge-cli compare on the saved project gives the same figures.
        const QString out = QDir(m_dir.path()).filePath(QStringLiteral("cli-compare"));
        QProcess cli;
        cli.start(QStringLiteral(REFUGE_CLI_PATH), {QStringLiteral("compare"), m_project, QStringLiteral("--a"), QStringLiteral("baseline"),
                                                    QStringLiteral("--b"), kDanehy, QStringLiteral("--out"), out});
        QVERIFY(cli.waitForFinished(120000));
        QCOMPARE(cli.exitCode(), 0);
        QFile summary(QDir(out).filePath(QStringLiteral("summary.json")));
        QVERIFY(summary.open(QIODevice::ReadOnly));
        const QJsonObject overall = QJsonDocument::fromJson(summary.readAll()).object().value(QStringLiteral("overall")).toObject();
        QCOMPARE(overall.value(QStringLiteral("covered_a")).toDouble(), std::round(r.overall.coveredA));
        QCOMPARE(overall.value(QStringLiteral("covered_b")).toDouble(), std::round(r.overall.coveredB));
        QCOMPARE(overall.value(QStringLiteral("assigned_a")).toDouble(), std::round(r.overall.assignedA));
        QCOMPARE(overall.value(QStringLiteral("assigned_b")).toDouble(), std::round(r.overall.assignedB));
        // The delta map (communities styled by covered_delta) and the delta table.
        const ProjectLayer *delta = nullptr;
        for (const ProjectLayer &l : doc()->project().layers)
            if (l.layer == QLatin1String("communities") && l.path.contains(QLatin1String("delta.gpkg")))
                delta = &l;
        QVERIFY(delta);
        QCOMPARE(delta->style.value(QStringLiteral("field")).toString(), QStringLiteral("covered_delta"));
        ResultTableModel *table = m_window->resultsDock()->compareView()->table()->resultModel();
        QCOMPARE(table->rowCount(), int(r.areas.size()) + 1); // + the total row
        QCOMPARE(table->data(table->index(table->rowCount() - 1, 4), ResultTableModel::SortRole).toDouble(), r.overall.coveredDelta());
        QVERIFY(test::waitForLayers(*doc()));
        QVERIFY(QTest::qWaitFor([&] { return !canvas()->isRendering(); }, 20000));
        QTest::qWait(50);
        m_window->grab().save(QStringLiteral("/tmp/whatif_compare.png"));
        QCOMPARE(sha256(m_gpkg), m_gpkgHash);
    }

    // Coverage under the scenario: the registered coverage analysis on the scenario's
    // derived project covers what the compare's B side covers.
    void coverageUnderScenario()
    {
        const auto &compare = std::any_cast<const CompareResult &>(bench()->runner()->lastResult()->detail);
        const double coveredB = compare.overall.coveredB;
        QTest::mouseClick(bench()->panel()->coverageButton(), Qt::LeftButton);
        waitForRun(bench()->runner());
        const AnalysisResult *r = bench()->runner()->lastResult();
        QCOMPARE(r->analysisId, QStringLiteral("coverage"));
        double covered = -1;
        for (const auto &f : r->figures)
            if (f.id == QLatin1String("covered_population"))
                covered = f.value;
        QCOMPARE(qRound(covered), qRound(coveredB));
        QVERIFY(bench()->panel()->status()->text().contains(QLatin1String("updated in")));
        // Its summary.json names the scenario, as `run --scenario` writes it.
        QFile summary(QDir(r->outDir).filePath(QStringLiteral("summary.json")));
        QVERIFY2(summary.open(QIODevice::ReadOnly), qPrintable(r->outDir));
        QCOMPARE(QJsonDocument::fromJson(summary.readAll()).object().value(QStringLiteral("scenario")).toString(),
                 bench()->session()->activeName());
        // Run again: the network, demand and every unchanged shelter's search are taken
        // from the first run, and the figures are the same.
        QTest::mouseClick(bench()->panel()->coverageButton(), Qt::LeftButton);
        waitForRun(bench()->runner());
        const QJsonObject reuse = bench()->runner()->lastReuse();
        QVERIFY2(reuse.value(QStringLiteral("network")).toBool(), qPrintable(QJsonDocument(reuse).toJson()));
        QVERIFY(reuse.value(QStringLiteral("demand")).toBool());
        QVERIFY(reuse.value(QStringLiteral("snapped_demand")).toBool());
        QCOMPARE(reuse.value(QStringLiteral("facility_searches")).toInt(), 0); // none run again
        // Every shelter's search kept: the sample's 15 and the scenario's Danehy Park.
        QCOMPARE(reuse.value(QStringLiteral("facility_searches_reused")).toInt(), 16);
        double again = -1;
        for (const auto &f : bench()->runner()->lastResult()->figures)
            if (f.id == QLatin1String("covered_population"))
                again = f.value;
        QCOMPARE(again, covered);
        QCOMPARE(sha256(m_gpkg), m_gpkgHash);
    }

    // Issue 17: a siting run's chosen sites (its "sites" result layer) → a new scenario
    // adding them as shelters at their points with their capacities; one undo step.
    void scenarioFromChosenSites()
    {
        const QString file = QDir(m_dir.path()).filePath(QStringLiteral("sites.geojson"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"type": "FeatureCollection", "name": "sites",
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::26986"}},
            "features": [
             {"type": "Feature", "properties": {"name": "Site 1", "capacity": 640}, "geometry": {"type": "Point", "coordinates": [230500.25, 903100.5]}},
             {"type": "Feature", "properties": {"name": "Site 2", "capacity": 410}, "geometry": {"type": "Point", "coordinates": [233800.0, 901250.75]}}]})");
        f.close();
        ProjectLayer l;
        l.id = QStringLiteral("site_sites");
        l.name = QStringLiteral("Chosen new sites");
        l.path = file;
        l.layer = QStringLiteral("sites");
        l.extra.insert(QStringLiteral("analysis"), QStringLiteral("site"));
        doc()->undoStack()->push(new AddLayerCommand(doc(), l));
        QVERIFY(test::waitForLayers(*doc()));
        QString error;
        const QString name = bench()->scenarioFromChosenSites(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        QCOMPARE(bench()->session()->activeName(), name);
        const QJsonArray add = edits(name, QStringLiteral("shelters")).value(QStringLiteral("add")).toArray();
        QCOMPARE(add.size(), 2);
        QCOMPARE(add[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Site 1"));
        QCOMPARE(add[0].toObject().value(QStringLiteral("capacity")).toDouble(), 640.0);
        QVERIFY(std::abs(add[0].toObject().value(QStringLiteral("x")).toDouble() - 230500.25) < 0.01);
        QVERIFY(std::abs(add[1].toObject().value(QStringLiteral("y")).toDouble() - 901250.75) < 0.01);
        QCOMPARE(add[1].toObject().value(QStringLiteral("capacity")).toDouble(), 410.0);
        doc()->undoStack()->undo();
        QVERIFY(!bench()->session()->names().contains(name));
        QVERIFY(bench()->session()->isBaselineActive());
    }
};

QTEST_MAIN(TestScenarioEdits)
#include "tst_scenarioedits.moc"
