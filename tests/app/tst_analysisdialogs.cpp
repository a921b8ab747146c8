// Analysis dialogs on the Cambridge sample (a copy in a temporary folder): prefilled
// from the project's roles, fields and analysis settings; Service Area and Coverage
// run in the background to completion and add styled result layers through one undo
// step (values checked against the core result); re-running replaces them; undo
// removes them; cancel and bad input leave the project unchanged.
#include "AppTestSupport.h"
#include "analysis/AnalysisController.h"
#include "analysis/CoverageDialog.h"
#include "analysis/FireDialog.h"
#include "analysis/InputWidgets.h"
#include "analysis/NetworkSection.h"
#include "analysis/ServiceAreaDialog.h"
#include "analysis/jobs/ServiceAreaJob.h"
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
#include <QLineEdit>
#include <QMenuBar>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>
#include <QUndoStack>

using namespace refuge;
using namespace refuge::desktop;

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

    void analysisMenu()
    {
        QStringList menus;
        for (QAction *a : m_window->menuBar()->actions())
            menus << a->text();
        QVERIFY2(menus.contains(QStringLiteral("&Analysis")), qPrintable(menus.join(QLatin1Char(','))));
    }

    void prefilledFromTheProject()
    {
        QPointer<ServiceAreaDialog> sa = qobject_cast<ServiceAreaDialog *>(analysis()->openDialog(AnalysisController::Kind::ServiceArea));
        QVERIFY(sa);
        QCOMPARE(sa->facilities()->layerId(), QStringLiteral("shelters"));
        QCOMPARE(sa->facilityId()->field(), QStringLiteral("Name"));
        QCOMPARE(sa->network()->roads->layerId(), QStringLiteral("streets"));
        QCOMPARE(sa->network()->oneway->field(), QStringLiteral("Direction"));
        QCOMPARE(sa->network()->profile->currentData().toString(), QStringLiteral("walk"));
        QCOMPARE(sa->network()->limit->value(), 800.0);
        QCOMPARE(sa->network()->unit->currentData().toInt(), int(CostUnit::Meters));
        // Field lists are the layer's fields.
        QVERIFY(sa->facilityId()->findData(QStringLiteral("Capacity")) >= 0);
        shot(sa, QStringLiteral("service_area_dialog"));

        auto *cov = qobject_cast<CoverageDialog *>(analysis()->openDialog(AnalysisController::Kind::Coverage));
        QVERIFY(cov);
        QVERIFY(!sa); // the previous dialog is closed
        QCOMPARE(cov->shelters()->layerId(), QStringLiteral("shelters"));
        QCOMPARE(cov->capacityField()->field(), QStringLiteral("Capacity"));
        QCOMPARE(cov->population()->layerId(), QStringLiteral("blocks_2000"));
        QCOMPARE(cov->populationField()->field(), QStringLiteral("POP_LAB"));
        QCOMPARE(cov->areas()->layerId(), QStringLiteral("neighborhoods"));
        QCOMPARE(cov->assignment()->currentData().toString(), QStringLiteral("nearest"));
        QCOMPARE(cov->standard()->currentData().toString(), QStringLiteral("shanghai"));
        const CoverageSettings cs = cov->settings();
        QCOMPARE(cs.network.limit, 800.0);
        QCOMPARE(cs.fields.capacity, QStringLiteral("Capacity"));
        // No shelter area is invented unless asked for (capacity × m² per person).
        QCOMPARE(cs.areaFromCapacityM2, 0.0);
        auto *areaFromCapacity = cov->findChild<QDoubleSpinBox *>(QStringLiteral("areaFromCapacity"));
        QVERIFY(areaFromCapacity);
        areaFromCapacity->setValue(1.5);
        QCOMPARE(cov->settings().areaFromCapacityM2, 1.5);
        areaFromCapacity->setValue(0);
        shot(cov, QStringLiteral("coverage_dialog"));

        auto *fire = qobject_cast<FireDialog *>(analysis()->openDialog(AnalysisController::Kind::Fire));
        QVERIFY(fire);
        QCOMPARE(fire->stations()->layerId(), QStringLiteral("fire_stations"));
        QCOMPARE(fire->stationId()->field(), QStringLiteral("ENGINE"));
        QCOMPARE(fire->official()->layerId(), QStringLiteral("engine_districts"));
        QCOMPARE(fire->officialField()->field(), QStringLiteral("ENGINE"));
        QCOMPARE(fire->network()->profile->currentData().toString(), QStringLiteral("drive"));
        QCOMPARE(fire->network()->limit->value(), 5.0);
        QCOMPARE(fire->turnout()->value(), 60.0);
        shot(fire, QStringLiteral("fire_dialog"));
        fire->close();
    }

    void speaksChinese()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(REFUGE_QM_DIR "/refuge_zh_CN.qm")));
        QCoreApplication::installTranslator(&translator);
        auto *cov = analysis()->openDialog(AnalysisController::Kind::Coverage);
        QCOMPARE(cov->windowTitle(), QStringLiteral("避难场所覆盖与容量"));
        QCOMPARE(cov->runButton()->text(), QStringLiteral("运行(&R)"));
        shot(cov, QStringLiteral("coverage_dialog_zh"));
        auto *fire = analysis()->openDialog(AnalysisController::Kind::Fire);
        QCOMPARE(fire->windowTitle(), QStringLiteral("消防响应"));
        shot(fire, QStringLiteral("fire_dialog_zh"));
        fire->close();
        QCoreApplication::removeTranslator(&translator);
    }

    void validationNamesTheProblem()
    {
        auto *sa = qobject_cast<ServiceAreaDialog *>(analysis()->openDialog(AnalysisController::Kind::ServiceArea));
        sa->network()->breaks->setText(QStringLiteral("400, 900"));
        const int layers = doc()->layerCount();
        QVERIFY(!sa->run());
        QVERIFY2(sa->lastError().contains(QLatin1String("900")), qPrintable(sa->lastError()));
        QCOMPARE(doc()->layerCount(), layers);
        sa->close();
    }

    void serviceAreaRunAddsStyledLayer()
    {
        auto *sa = qobject_cast<ServiceAreaDialog *>(analysis()->openDialog(AnalysisController::Kind::ServiceArea));
        sa->network()->breaks->setText(QStringLiteral("400, 800"));
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
        auto *again = qobject_cast<ServiceAreaDialog *>(analysis()->openDialog(AnalysisController::Kind::ServiceArea));
        again->network()->breaks->setText(QStringLiteral("800"));
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
    // layer equals the core job with the same settings; reached streets never enter the
    // zone; less street is reached than without it.
    void serviceAreaWithFloodBarrier()
    {
        auto *sa = qobject_cast<ServiceAreaDialog *>(analysis()->openDialog(AnalysisController::Kind::ServiceArea));
        QVERIFY(sa->network()->barriers->layerId().isEmpty()); // hazards are not barriers until chosen
        QVERIFY(!sa->network()->barrierFactor->isEnabled());
        sa->network()->breaks->setText(QStringLiteral("800"));
        const ServiceAreaSettings open = sa->settings();
        QVERIFY(open.network.barriers.path.isEmpty());
        sa->network()->barriers->selectLayer(QStringLiteral("flood_500yr"));
        QVERIFY(sa->network()->barrierFactor->isEnabled());
        QCOMPARE(sa->network()->barrierFactor->value(), 0.0); // closed
        ServiceAreaSettings closed = sa->settings();
        QCOMPARE(closed.network.barriers.layer, QStringLiteral("flood_500yr"));
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
        closed.lines = true;
        Feedback fb;
        const ServiceAreaJobResult core = ServiceAreaJob::run(closed, fb);
        QVERIFY(core.summary.value(QStringLiteral("network")).toObject().value(QStringLiteral("barrier_links")).toInt() > 10);
        QCOMPARE(data.vector->featureCount(), core.areas.featureCount());
        QVERIFY(std::abs(streetMeters(*data.vector) - streetMeters(core.areas)) < 1e-6 * streetMeters(core.areas));
        const ServiceAreaJobResult without = ServiceAreaJob::run(open, fb);
        QVERIFY2(streetMeters(core.areas) < 0.99 * streetMeters(without.areas),
                 qPrintable(QStringLiteral("%1 vs %2 m").arg(streetMeters(core.areas)).arg(streetMeters(without.areas))));
        // No reached street runs inside the flood zone.
        LoadOptions lo;
        lo.targetCrs = core.lines.crs();
        const VectorLayer flood = VectorLayer::load(DataSource{closed.network.barriers.path, QStringLiteral("flood_500yr")}, lo);
        GEOSContextHandle_t ctx = geosContext();
        double inside = 0;
        for (int f = 0; f < flood.featureCount(); ++f) {
            const GeosGeom zone = flood.geometry(f).toGeos();
            for (int i = 0; i < core.lines.featureCount(); ++i) {
                const GeosGeom cut(GEOSIntersection_r(ctx, zone.get(), core.lines.geometry(i).toGeos().get()));
                double length = 0;
                if (cut && GEOSLength_r(ctx, cut.get(), &length) == 1)
                    inside += length;
            }
        }
        QVERIFY2(inside < 1.0, qPrintable(QStringLiteral("%1 m of reached street inside the flood zone").arg(inside)));
    }

    void coverageRunMatchesTheCore()
    {
        auto *cov = qobject_cast<CoverageDialog *>(analysis()->openDialog(AnalysisController::Kind::Coverage));
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
        QCOMPARE(doc()->layerCount(), layers + 3);
        QVERIFY(test::waitForLayers(*doc()));
        QString demandId, sheltersId;
        for (const QString &id : resultIds(QStringLiteral("coverage"))) {
            if (doc()->layerById(id)->layer == QLatin1String("demand"))
                demandId = id;
            if (doc()->layerById(id)->layer == QLatin1String("facilities"))
                sheltersId = id;
        }
        const LayerData demand = doc()->layerData(demandId);
        QVERIFY2(demand.isReady(), qPrintable(demand.error));
        double covered = 0, total = 0;
        for (int i = 0; i < demand.vector->featureCount(); ++i) {
            const double pop = demand.vector->attribute(i, QStringLiteral("population")).toDouble();
            total += pop;
            if (demand.vector->attribute(i, QStringLiteral("covered")).toBool())
                covered += pop;
        }
        QCOMPARE(qRound(total), 101355);
        QCOMPARE(qRound(covered), 52529);
        const Style demandStyle = doc()->effectiveStyle(demandId);
        QCOMPARE(demandStyle.type, Style::Type::Categorized);
        QCOMPARE(demandStyle.field, QStringLiteral("covered"));
        const LayerData shelters = doc()->layerData(sheltersId);
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
        auto *fire = qobject_cast<FireDialog *>(analysis()->openDialog(AnalysisController::Kind::Fire));
        QSignalSpy finished(analysis(), &AnalysisController::fireFinished);
        const int layers = doc()->layerCount();
        QVERIFY(runToEnd(fire));
        QCOMPARE(finished.count(), 1);
        const auto outcome = finished.front().at(1).value<FireOutcome>();
        QCOMPARE(qRound(outcome.totalPopulation), 101355);
        QVERIFY(outcome.hasOfficial);
        QCOMPARE(doc()->layerCount(), layers + 3); // zones, not reached, differences
        QVERIFY(test::waitForLayers(*doc()));
        for (const QString &id : resultIds(QStringLiteral("fire")))
            QVERIFY2(doc()->layerData(id).isReady(), qPrintable(doc()->layerData(id).error));
        if (!qEnvironmentVariableIsEmpty("REFUGE_SHOTS_DIR")) {
            m_window->show();
            QTest::qWait(1500);
            shot(m_window.get(), QStringLiteral("map_fire"));
        }
        doc()->undoStack()->undo();
        QCOMPARE(doc()->layerCount(), layers);

        auto *zones = qobject_cast<ServiceAreaDialog *>(analysis()->openDialog(AnalysisController::Kind::Zones));
        QVERIFY(zones->network()->breaks == nullptr);
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
        auto *cov = qobject_cast<CoverageDialog *>(analysis()->openDialog(AnalysisController::Kind::Coverage));
        const QByteArray before = test::projectJson(*doc());
        const int undoCount = doc()->undoStack()->count();
        const int runs = historyRuns();
        QSignalSpy done(cov, &AnalysisDialog::runFinished);
        QVERIFY(cov->run());
        QVERIFY(cov->isRunning());
        QVERIFY(cov->cancelButton()->isEnabled());
        QVERIFY(!cov->shelters()->isEnabled()); // inputs locked while running
        shot(cov, QStringLiteral("coverage_running"));
        cov->cancelButton()->click();
        QVERIFY(done.wait(60000) || done.count() > 0);
        QCOMPARE(cov->state(), AnalysisDialog::State::Canceled);
        QVERIFY(cov->isVisible()); // stays open to change and run again
        QVERIFY(cov->shelters()->isEnabled());
        QVERIFY(cov->runButton()->isEnabled());
        QCOMPARE(test::projectJson(*doc()), before);
        QCOMPARE(doc()->undoStack()->count(), undoCount);
        QCOMPARE(historyRuns(), runs); // the canceled run's folder is gone
        cov->close();
    }

    void badFieldShowsTheFile()
    {
        auto *cov = qobject_cast<CoverageDialog *>(analysis()->openDialog(AnalysisController::Kind::Coverage));
        cov->populationField()->addItem(QStringLiteral("NOPE"), QStringLiteral("NOPE"));
        cov->populationField()->setCurrentIndex(cov->populationField()->count() - 1);
        const int layers = doc()->layerCount();
        const int runs = historyRuns();
        QVERIFY(runToEnd(cov));
        QCOMPARE(cov->state(), AnalysisDialog::State::Failed);
        QCOMPARE(historyRuns(), runs);
        QVERIFY2(cov->lastError().contains(QLatin1String("NOPE")), qPrintable(cov->lastError()));
        QVERIFY2(cov->lastError().contains(QLatin1String("blocks_2000")), qPrintable(cov->lastError()));
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
        auto *sa = qobject_cast<ServiceAreaDialog *>(analysis()->openDialog(AnalysisController::Kind::ServiceArea));
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
