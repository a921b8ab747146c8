// Analysis dialogs (generated from the registry's declarations) on the Cambridge
// sample (a copy in a temporary folder): prefilled from the project's roles, fields and
// analysis settings; Service Area and Coverage run in the background to completion and
// add styled result layers through one undo step (values checked against the core
// result); re-running replaces them; undo removes them; cancel and bad input leave the
// project unchanged.
#include "AppTestSupport.h"
#include "analysis/AnalysisController.h"
#include "analysis/AnalysisForm.h"
#include "analysis/AnalysisFormDialog.h"
#include "analysis/InputWidgets.h"
#include "analysis/ParameterEditors.h"
#include "analysis/framework/AnalysisRegistry.h"
#include "geom/Geos.h"
#include "util/Feedback.h"
#include "canvas/MapCanvas.h"
#include "mainwindow/MainWindow.h"
#include "model/VectorLayer.h"
#include "render/Style.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace refuge;
using namespace refuge::desktop;

namespace {
const QString kServiceArea = QStringLiteral("service-area");
const QString kZones = QStringLiteral("zones");
const QString kCoverage = QStringLiteral("coverage");
const QString kFire = QStringLiteral("fire-coverage");

const VectorLayer &output(const AnalysisResult &r, const char *id)
{
    static const VectorLayer none;
    for (const OutputLayer &l : r.layers)
        if (l.id == QLatin1String(id))
            return l.data;
    return none;
}

QString layerId(const ParameterValues &v, const char *name)
{
    return v.layer(QLatin1String(name)).layerId;
}
} // namespace

class TestAnalysisDialogs : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;
    std::unique_ptr<MainWindow> m_window;

    ProjectDocument *doc() const { return m_window->document(); }
    AnalysisController *analysis() const { return m_window->analysis(); }

    QStringList resultIds(const QString &analysisKey) const
    {
        QStringList ids;
        for (const ProjectLayer &l : doc()->project().layers)
            if (l.extra.value(QStringLiteral("analysis")).toString() == analysisKey)
                ids << l.id;
        return ids;
    }

    // The one result layer of `analysisKey`, once loaded; empty with the reason otherwise.
    QString loadedResult(const QString &analysisKey, QString *why) const
    {
        const QStringList ids = resultIds(analysisKey);
        if (ids.size() != 1)
            *why = QStringLiteral("%1 result layers of %2").arg(ids.size()).arg(analysisKey);
        else if (!test::waitForLayers(*doc()))
            *why = QStringLiteral("layers still loading");
        else if (!doc()->layerData(ids.front()).isReady())
            *why = doc()->layerData(ids.front()).error;
        return why->isEmpty() ? ids.front() : QString();
    }

    // With REFUGE_SHOTS_DIR set, saves a screenshot of `w` there (for looking at the UI).
    static void shot(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("REFUGE_SHOTS_DIR");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QApplication::processEvents();
        w->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
    }

    int historyRuns() const
    {
        return int(QDir(QDir(m_dir.path()).filePath(QStringLiteral("results/history"))).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
    }

    bool runToEnd(AnalysisDialog *d)
    {
        QSignalSpy done(d, &AnalysisDialog::runFinished);
        if (!d->run())
            return false;
        return done.wait(120000) || done.count() > 0;
    }

    AnalysisFormDialog *open(const QString &id) { return analysis()->openDialog(id); }
    static void setText(AnalysisFormDialog *d, const char *name, const QString &text)
    {
        auto *line = d->findChild<QLineEdit *>(QLatin1String(name));
        QVERIFY(line);
        line->setText(text);
        d->revalidate();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // graph cache in a test location
        QVERIFY(m_dir.isValid());
        for (const char *f : {"cambridge.refuge", "cambridge.gpkg"})
            QVERIFY(QFile::copy(test::sourcePath(QStringLiteral("maps/cambridge/") + QLatin1String(f)),
                                QDir(m_dir.path()).filePath(QLatin1String(f))));
        m_project = QDir(m_dir.path()).filePath(QStringLiteral("cambridge.refuge"));
        QFile::setPermissions(QDir(m_dir.path()).filePath(QStringLiteral("cambridge.gpkg")),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        m_window = std::make_unique<MainWindow>();
        m_window->setInteractive(false);
        doc()->open(m_project);
        QVERIFY(test::waitForLayers(*doc()));
    }

    void cleanupTestCase() { m_window.reset(); }

    // The Analysis menu lists the registry, in its order.
    void analysisMenu()
    {
        QMenu *menu = nullptr;
        for (QAction *a : m_window->menuBar()->actions())
            if (a->text() == QLatin1String("&Analysis"))
                menu = a->menu();
        QVERIFY(menu);
        QStringList ids;
        for (QAction *a : menu->actions())
            if (!a->isSeparator())
                ids << a->objectName();
        QStringList registry;
        for (const Analysis *a : AnalysisRegistry::all())
            registry << a->id();
        QCOMPARE(ids, registry);
    }

    void prefilledFromTheProject()
    {
        QPointer<AnalysisFormDialog> sa = open(kServiceArea);
        QVERIFY(sa);
        ParameterValues v = sa->values();
        QCOMPARE(layerId(v, "facilities"), QStringLiteral("shelters"));
        QCOMPARE(v.text(QStringLiteral("facility-id")), QStringLiteral("Name"));
        QCOMPARE(layerId(v, "network"), QStringLiteral("streets"));
        QCOMPARE(v.text(QStringLiteral("oneway-field")), QStringLiteral("Direction"));
        QCOMPARE(v.text(QStringLiteral("profile")), QStringLiteral("walk"));
        QCOMPARE(v.number(QStringLiteral("max-meters"), 0), 800.0);
        QVERIFY(!v.has(QStringLiteral("max-minutes")));
        // Field lists are the layer's fields.
        QVERIFY(sa->findChild<QComboBox *>(QStringLiteral("facility-id"))->findData(QStringLiteral("Capacity")) >= 0);
        shot(sa, QStringLiteral("service_area_dialog"));

        auto *cov = open(kCoverage);
        QVERIFY(cov);
        QVERIFY(!sa); // the previous dialog is closed
        v = cov->values();
        QCOMPARE(layerId(v, "facilities"), QStringLiteral("shelters"));
        QCOMPARE(v.text(QStringLiteral("capacity-field")), QStringLiteral("Capacity"));
        QCOMPARE(layerId(v, "demand"), QStringLiteral("blocks_2000"));
        QCOMPARE(v.text(QStringLiteral("population-field")), QStringLiteral("POP_LAB"));
        QCOMPARE(layerId(v, "areas"), QStringLiteral("neighborhoods"));
        QCOMPARE(v.text(QStringLiteral("assignment")), QStringLiteral("nearest"));
        QCOMPARE(v.text(QStringLiteral("standard")), QStringLiteral("shanghai"));
        QCOMPARE(v.number(QStringLiteral("max-meters"), 0), 800.0);
        // No shelter area is invented unless asked for (capacity × m² per person).
        QVERIFY(!v.has(QStringLiteral("area-from-capacity")));
        auto *areaFromCapacity = cov->findChild<QDoubleSpinBox *>(QStringLiteral("area-from-capacity"));
        QVERIFY(areaFromCapacity);
        areaFromCapacity->setValue(1.5);
        QCOMPARE(cov->values().number(QStringLiteral("area-from-capacity"), 0), 1.5);
        areaFromCapacity->setValue(areaFromCapacity->minimum());
        QVERIFY(!cov->values().has(QStringLiteral("area-from-capacity")));
        shot(cov, QStringLiteral("coverage_dialog"));

        auto *fire = open(kFire);
        QVERIFY(fire);
        v = fire->values();
        QCOMPARE(layerId(v, "facilities"), QStringLiteral("fire_stations"));
        QCOMPARE(v.text(QStringLiteral("facility-id")), QStringLiteral("ENGINE"));
        QCOMPARE(layerId(v, "official"), QStringLiteral("engine_districts"));
        QCOMPARE(v.text(QStringLiteral("official-field")), QStringLiteral("ENGINE"));
        QCOMPARE(v.text(QStringLiteral("profile")), QStringLiteral("drive"));
        QCOMPARE(v.number(QStringLiteral("max-minutes"), 0), 5.0);
        QCOMPARE(v.number(QStringLiteral("turnout-seconds"), 0), 60.0);
        shot(fire, QStringLiteral("fire_dialog"));
        fire->close();
    }

    void serviceAreaRunAddsStyledLayer()
    {
        auto *sa = open(kServiceArea);
        setText(sa, "breaks", QStringLiteral("400, 800"));
        const int layers = doc()->layerCount();
        const int undoIndex = doc()->undoStack()->index();
        QVERIFY(runToEnd(sa));
        QCOMPARE(doc()->layerCount(), layers + 1);
        QCOMPARE(doc()->undoStack()->index(), undoIndex + 1);
        const QStringList ids = resultIds(QStringLiteral("service_area"));
        QCOMPARE(ids.size(), 1);
        QVERIFY(test::waitForLayers(*doc()));
        const LayerData data = doc()->layerData(ids.front());
        QVERIFY2(data.isReady(), qPrintable(data.error));
        QCOMPARE(data.vector->featureCount(), 30); // 15 shelters × 2 breaks
        int small = 0;
        for (int i = 0; i < 30; ++i)
            small += data.vector->attribute(i, QStringLiteral("break")).toDouble() == 400.0 ? 1 : 0;
        QCOMPARE(small, 15);
        QCOMPARE(data.vector->attribute(0, QStringLiteral("break")).toDouble(), 800.0); // largest first
        const Style style = doc()->effectiveStyle(ids.front());
        QCOMPARE(style.type, Style::Type::Graduated);
        QCOMPARE(style.field, QStringLiteral("break"));
        QCOMPARE(int(style.ranges.size()), 2);
        QVERIFY(style.ranges[0].symbol.fillColor.lightness() < style.ranges[1].symbol.fillColor.lightness());
        // The layer reads its run's own folder; results/service_area/ holds a copy of the latest run.
        QCOMPARE(analysis()->resultsDirectory(), QDir(m_dir.path()).filePath(QStringLiteral("results")));
        QVERIFY(QFile::exists(QDir(analysis()->resultsDirectory()).filePath(QStringLiteral("service_area/service_areas.gpkg"))));
        QVERIFY2(doc()->layerById(ids.front())->path.startsWith(QLatin1String("results/history/service_area-")),
                 qPrintable(doc()->layerById(ids.front())->path));
        if (!qEnvironmentVariableIsEmpty("REFUGE_SHOTS_DIR")) {
            m_window->resize(1400, 900);
            m_window->show();
            QTest::qWait(200);
            m_window->canvas()->zoomFull();
            QTest::qWait(1500);
            shot(m_window.get(), QStringLiteral("map_service_areas"));
        }

        // Re-running replaces the layer (one undo step), undo brings the first one back.
        auto *again = open(kServiceArea);
        setText(again, "breaks", QStringLiteral("800"));
        QVERIFY(runToEnd(again));
        QCOMPARE(doc()->layerCount(), layers + 1);
        const QStringList replaced = resultIds(QStringLiteral("service_area"));
        QCOMPARE(replaced.size(), 1);
        QVERIFY(replaced.front() != ids.front());
        QVERIFY(test::waitForLayers(*doc()));
        QCOMPARE(doc()->layerData(replaced.front()).vector->featureCount(), 15);
        doc()->undoStack()->undo();
        QCOMPARE(resultIds(QStringLiteral("service_area")), ids);
        QVERIFY(test::waitForLayers(*doc()));
        QCOMPARE(doc()->layerData(ids.front()).vector->featureCount(), 30); // the first run's data again
        doc()->undoStack()->undo();
        QCOMPARE(doc()->layerCount(), layers);
        QVERIFY(resultIds(QStringLiteral("service_area")).isEmpty());
    }

    // Barriers: the 500-year flood zone closes the streets crossing it. The dialog's
    // layer equals the analysis run with the same values; reached streets never enter
    // the zone; less street is reached than without it.
    void serviceAreaWithFloodBarrier()
    {
        auto *sa = open(kServiceArea);
        auto *barriers = sa->findChild<LayerCombo *>(QStringLiteral("barriers"));
        auto *factor = sa->findChild<QDoubleSpinBox *>(QStringLiteral("barrier-factor"));
        QVERIFY(barriers && factor);
        QVERIFY(barriers->layerId().isEmpty()); // hazards are not barriers until chosen
        QVERIFY(!factor->isEnabled());
        // Only polygons block: the combo offers no point or line layer.
        QCOMPARE(barriers->findData(QStringLiteral("streets")), -1);
        QCOMPARE(barriers->findData(QStringLiteral("shelters")), -1);
        setText(sa, "breaks", QStringLiteral("800"));
        ParameterValues unblocked = sa->values();
        QVERIFY(!unblocked.has(QStringLiteral("barriers")));
        barriers->selectLayer(QStringLiteral("flood_500yr"));
        QVERIFY(factor->isEnabled());
        ParameterValues closed = sa->values();
        QCOMPARE(closed.layer(QStringLiteral("barriers")).source.layer, QStringLiteral("flood_500yr"));
        QVERIFY(!closed.has(QStringLiteral("barrier-factor"))); // unset: the streets are closed
        QVERIFY(sa->revalidate().empty());
        shot(sa, QStringLiteral("service_area_dialog_barriers"));
        QVERIFY(runToEnd(sa));
        QString why;
        const QString id = loadedResult(QStringLiteral("service_area"), &why);
        QVERIFY2(!id.isEmpty(), qPrintable(why));
        const LayerData data = doc()->layerData(id);
        auto streetMeters = [](const VectorLayer &l) {
            double sum = 0;
            for (int i = 0; i < l.featureCount(); ++i)
                sum += l.attribute(i, QStringLiteral("street_m")).toDouble();
            return sum;
        };
        const Analysis *serviceArea = AnalysisRegistry::find(kServiceArea);
        QTemporaryDir out1, out2;
        closed.set(QStringLiteral("output"), QStringLiteral("both"));
        closed.set(QStringLiteral("out"), out1.path());
        unblocked.set(QStringLiteral("out"), out2.path());
        Feedback fb;
        const AnalysisResult core = serviceArea->run(closed, fb);
        QVERIFY(core.summary.value(QStringLiteral("network")).toObject().value(QStringLiteral("barrier_links")).toInt() > 10);
        const VectorLayer &areas = output(core, "service_areas");
        const VectorLayer &lines = output(core, "service_lines");
        QCOMPARE(data.vector->featureCount(), areas.featureCount());
        QVERIFY(std::abs(streetMeters(*data.vector) - streetMeters(areas)) < 1e-6 * streetMeters(areas));
        const AnalysisResult without = serviceArea->run(unblocked, fb);
        const double withoutMeters = streetMeters(output(without, "service_areas"));
        QVERIFY2(streetMeters(areas) < 0.99 * withoutMeters, qPrintable(QStringLiteral("%1 vs %2 m").arg(streetMeters(areas)).arg(withoutMeters)));
        // No reached street runs inside the flood zone.
        LoadOptions lo;
        lo.targetCrs = lines.crs();
        const VectorLayer flood = VectorLayer::load(closed.layer(QStringLiteral("barriers")).source, lo);
        GEOSContextHandle_t ctx = geosContext();
        double inside = 0;
        for (int f = 0; f < flood.featureCount(); ++f) {
            const GeosGeom zone = flood.geometry(f).toGeos();
            for (int i = 0; i < lines.featureCount(); ++i) {
                const GeosGeom cut(GEOSIntersection_r(ctx, zone.get(), lines.geometry(i).toGeos().get()));
                double length = 0;
                if (cut && GEOSLength_r(ctx, cut.get(), &length) == 1)
                    inside += length;
            }
        }
        QVERIFY2(inside < 1.0, qPrintable(QStringLiteral("%1 m of reached street inside the flood zone").arg(inside)));
    }

    void coverageRunMatchesTheCore()
    {
        auto *cov = open(kCoverage);
        QSignalSpy finished(analysis(), &AnalysisController::coverageFinished);
        QSignalSpy progress(cov->progressBar(), &QProgressBar::valueChanged);
        const int layers = doc()->layerCount();
        QVERIFY(runToEnd(cov));
        QCOMPARE(finished.count(), 1);
        // The steps (network, demand, costs, service areas, analysis, files) fill one bar.
        int highest = 0;
        for (const QList<QVariant> &v : progress)
            highest = std::max(highest, v.at(0).toInt());
        QVERIFY2(highest >= 95, qPrintable(QString::number(highest)));
        const auto outcome = finished.front().at(1).value<CoverageOutcome>();
        QCOMPARE(qRound(outcome.coverage.totalPopulation), 101355);
        QCOMPARE(qRound(outcome.coverage.coveredPopulation), 52529);
        const QStringList ids = resultIds(QStringLiteral("coverage"));
        QVERIFY2(ids.size() >= 3, qPrintable(ids.join(QLatin1Char(','))));
        QCOMPARE(doc()->layerCount(), layers + int(ids.size()));
        QVERIFY(test::waitForLayers(*doc()));
        QString sheltersId;
        for (const QString &id : ids) {
            QVERIFY2(doc()->layerData(id).isReady(), qPrintable(doc()->layerData(id).error));
            if (doc()->layerById(id)->layer == QLatin1String("facilities"))
                sheltersId = id;
        }
        const LayerData shelters = doc()->layerData(sheltersId);
        QVERIFY(shelters.isReady());
        QCOMPARE(shelters.vector->featureCount(), 15);
        QCOMPARE(doc()->effectiveStyle(sheltersId).field, QStringLiteral("load_ratio"));
        QVERIFY(QFile::exists(QDir(analysis()->resultsDirectory()).filePath(QStringLiteral("coverage/summary.json"))));
        QVERIFY(QFile::exists(QDir(analysis()->resultsDirectory()).filePath(QStringLiteral("coverage/coverage.gpkg"))));
        if (!qEnvironmentVariableIsEmpty("REFUGE_SHOTS_DIR")) {
            m_window->resize(1400, 900);
            m_window->show();
            QTest::qWait(200);
            m_window->canvas()->zoomFull();
            QTest::qWait(1500);
            shot(m_window.get(), QStringLiteral("map_coverage"));
        }
        doc()->undoStack()->undo();
        QCOMPARE(doc()->layerCount(), layers);
    }

    void fireAndZonesRuns()
    {
        auto *fire = open(kFire);
        QSignalSpy finished(analysis(), &AnalysisController::fireFinished);
        const int layers = doc()->layerCount();
        QVERIFY(runToEnd(fire));
        QCOMPARE(finished.count(), 1);
        const auto outcome = finished.front().at(1).value<FireOutcome>();
        QCOMPARE(qRound(outcome.totalPopulation), 101355);
        QVERIFY(outcome.hasOfficial);
        QCOMPARE(doc()->layerCount(), layers + 3); // zones, not reached, differences
        QVERIFY(test::waitForLayers(*doc()));
        for (const QString &id : resultIds(QStringLiteral("fire"))) {
            QVERIFY2(doc()->layerData(id).isReady(), qPrintable(doc()->layerData(id).error));
            if (doc()->layerById(id)->layer == QLatin1String("zones")) { // categorized by station
                const auto request = finished.front().at(0).value<FireRequest>();
                QVERIFY(!request.stations.ids.isEmpty());
                QCOMPARE(doc()->effectiveStyle(id).categories.size(), std::size_t(request.stations.ids.size()));
            }
        }
        if (!qEnvironmentVariableIsEmpty("REFUGE_SHOTS_DIR")) {
            m_window->show();
            QTest::qWait(1500);
            shot(m_window.get(), QStringLiteral("map_fire"));
        }
        doc()->undoStack()->undo();
        QCOMPARE(doc()->layerCount(), layers);

        auto *zones = open(kZones);
        // One editor per declared parameter (breaks only where declared).
        QCOMPARE(zones->findChild<QLineEdit *>(QStringLiteral("breaks")) != nullptr, zones->analysis().parameter(u"breaks") != nullptr);
        QVERIFY(runToEnd(zones));
        QString why;
        const QString zoneId = loadedResult(QStringLiteral("zones"), &why);
        QVERIFY2(!zoneId.isEmpty(), qPrintable(why));
        const LayerData data = doc()->layerData(zoneId);
        // One zone per facility, in up to two parts: within and beyond the access distance.
        QStringList zoneIds;
        for (int i = 0; i < data.vector->featureCount(); ++i)
            zoneIds << data.vector->attribute(i, QStringLiteral("facility_id")).toString();
        zoneIds.removeDuplicates();
        QVERIFY2(zoneIds.size() >= 14 && zoneIds.size() <= 15, qPrintable(zoneIds.join(QLatin1Char(','))));
        QCOMPARE(doc()->effectiveStyle(zoneId).type, Style::Type::Categorized);
        // Polygons go under the streets and facilities.
        QVERIFY(doc()->indexOf(zoneId) < doc()->indexOf(QStringLiteral("streets")));
        if (!qEnvironmentVariableIsEmpty("REFUGE_SHOTS_DIR")) {
            m_window->show();
            QTest::qWait(1500);
            shot(m_window.get(), QStringLiteral("map_zones"));
        }
        doc()->undoStack()->undo();
        QCOMPARE(doc()->layerCount(), layers);
    }

    void cancelLeavesTheProjectUnchanged()
    {
        auto *cov = open(kCoverage);
        const QByteArray before = test::projectJson(*doc());
        const int undoCount = doc()->undoStack()->count();
        const int runs = historyRuns();
        QSignalSpy done(cov, &AnalysisDialog::runFinished);
        QWidget *shelters = cov->form()->editor(QStringLiteral("facilities"))->widget();
        QVERIFY(cov->run());
        QVERIFY(cov->isRunning());
        QVERIFY(cov->cancelButton()->isEnabled());
        QVERIFY(!shelters->isEnabled()); // inputs locked while running
        shot(cov, QStringLiteral("coverage_running"));
        cov->cancelButton()->click();
        QVERIFY(done.wait(60000) || done.count() > 0);
        QCOMPARE(cov->state(), AnalysisDialog::State::Canceled);
        QVERIFY(cov->isVisible()); // stays open to change and run again
        QVERIFY(shelters->isEnabled());
        QVERIFY(cov->runButton()->isEnabled());
        QCOMPARE(test::projectJson(*doc()), before);
        QCOMPARE(doc()->undoStack()->count(), undoCount);
        QCOMPARE(historyRuns(), runs); // the canceled run's folder is gone
        cov->close();
    }

    // A field the layer lacks: named with its file under the field, Run refused before
    // anything is created.
    void badFieldShowsTheFile()
    {
        auto *cov = open(kCoverage);
        auto *field = cov->findChild<QComboBox *>(QStringLiteral("population-field"));
        QVERIFY(field);
        field->addItem(QStringLiteral("NOPE"), QStringLiteral("NOPE"));
        field->setCurrentIndex(field->count() - 1);
        cov->revalidate();
        const int layers = doc()->layerCount();
        const int runs = historyRuns();
        QVERIFY(!cov->run());
        QVERIFY(!cov->runButton()->isEnabled());
        QCOMPARE(historyRuns(), runs);
        const QString shown = cov->form()->issueLabel(QStringLiteral("population-field"))->text();
        QVERIFY2(shown.contains(QLatin1String("NOPE")), qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("blocks_2000")), qPrintable(shown));
        QVERIFY2(cov->lastError().contains(QLatin1String("NOPE")), qPrintable(cov->lastError()));
        QCOMPARE(doc()->layerCount(), layers);
        cov->close();
    }

    // Last: replaces the project. A project never saved keeps its results in a
    // temporary folder, with absolute layer paths.
    void unsavedProjectUsesATemporaryFolder()
    {
        Project p = doc()->project();
        for (ProjectLayer &l : p.layers)
            l.path = p.resolvedPath(l);
        p.setFilePath(QString());
        doc()->setProject(p);
        QVERIFY(test::waitForLayers(*doc()));
        auto *sa = open(kServiceArea);
        QVERIFY(runToEnd(sa));
        const QStringList ids = resultIds(QStringLiteral("service_area"));
        QCOMPARE(ids.size(), 1);
        const QString results = analysis()->resultsDirectory();
        QVERIFY2(results.startsWith(QDir::tempPath()), qPrintable(results));
        QVERIFY(QDir::isAbsolutePath(doc()->layerById(ids.front())->path));
        QVERIFY(test::waitForLayers(*doc()));
        QCOMPARE(doc()->layerData(ids.front()).vector->featureCount(), 15);
        doc()->undoStack()->undo();
        QVERIFY(QDir(results).removeRecursively());
    }
};

QTEST_MAIN(TestAnalysisDialogs)
#include "tst_analysisdialogs.moc"
