// Analysis jobs (core/analysis/jobs): settings filled from the Cambridge project's
// roles and analysis section, and the jobs' results — the same figures the CLI gives.
#include "TestSupport.h"
#include "analysis/jobs/ProjectJobSettings.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace refuge;
using namespace refuge::test;

class TestJobs : public QObject {
    Q_OBJECT

    Project m_project;
    QTemporaryDir m_cache;

    template <class S>
    S cached(S s)
    {
        s.network.cacheDirectory = m_cache.path();
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_project = Project::load(sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")));
        QVERIFY(m_cache.isValid());
    }

    void settingsFromProject()
    {
        const CoverageSettings c = ProjectJobSettings::coverage(m_project);
        QVERIFY(!c.euclidean);
        QCOMPARE(c.network.network.layer, QStringLiteral("streets"));
        QCOMPARE(c.network.onewayField, QStringLiteral("Direction"));
        QCOMPARE(c.network.profile, QStringLiteral("walk"));
        QCOMPARE(c.network.unit, CostUnit::Meters);
        QCOMPARE(c.network.limit, 800.0);
        QCOMPARE(c.network.crs.authId(), QStringLiteral("EPSG:26986"));
        QCOMPARE(c.network.facilities.layer, QStringLiteral("shelters"));
        QCOMPARE(c.fields.id, QStringLiteral("Name"));
        QCOMPARE(c.fields.capacity, QStringLiteral("Capacity"));
        QCOMPARE(c.demand.layer, QStringLiteral("blocks_2000"));
        QCOMPARE(c.populationField, QStringLiteral("POP_LAB"));
        QCOMPARE(c.areas.layer, QStringLiteral("neighborhoods"));
        QCOMPARE(c.areaField, QStringLiteral("NAME"));
        QCOMPARE(c.assignment, QStringLiteral("nearest"));
        QCOMPARE(c.standard, QStringLiteral("shanghai"));

        const FireSettings f = ProjectJobSettings::fire(m_project);
        QCOMPARE(f.network.profile, QStringLiteral("drive"));
        QCOMPARE(f.network.facilities.layer, QStringLiteral("fire_stations"));
        QCOMPARE(f.fields.id, QStringLiteral("ENGINE"));
        QCOMPARE(f.fields.name, QStringLiteral("SITE_NAME"));
        QCOMPARE(f.turnoutSeconds, 60.0);
        QCOMPARE(f.responseMinutes, 5.0);
        QCOMPARE(f.official.layer, QStringLiteral("engine_districts"));
        QCOMPARE(f.officialField, QStringLiteral("ENGINE"));

        const ServiceAreaSettings s = ProjectJobSettings::serviceArea(m_project);
        QCOMPARE(s.network.facilities.layer, QStringLiteral("shelters"));
        QCOMPARE(s.network.facilityIdField, QStringLiteral("Name"));
        QCOMPARE(s.network.limit, 800.0);
        QCOMPARE(ProjectJobSettings::resultsDirectory(m_project),
                 QDir(sourcePath(QStringLiteral("maps/cambridge"))).filePath(QStringLiteral("results")));
        QVERIFY(ProjectJobSettings::resultsDirectory(Project()).isEmpty());
    }

    void areaFromCapacitySetting()
    {
        // Off unless the project asks; a number is taken, anything else refused naming the key.
        QCOMPARE(ProjectJobSettings::coverage(m_project).areaFromCapacityM2, 0.0);
        Project p = m_project;
        QJsonObject coverage = p.analysis.value(QStringLiteral("coverage")).toObject();
        coverage.insert(QStringLiteral("area_from_capacity"), 1.5);
        p.analysis.insert(QStringLiteral("coverage"), coverage);
        QCOMPARE(ProjectJobSettings::coverage(p).areaFromCapacityM2, 1.5);
        coverage.insert(QStringLiteral("area_from_capacity"), QStringLiteral("one and a half"));
        p.analysis.insert(QStringLiteral("coverage"), coverage);
        Feedback fb;
        try {
            CoverageJob::run(cached(ProjectJobSettings::coverage(p)), fb);
            QFAIL("expected InvalidInput");
        } catch (const InvalidInput &e) {
            QVERIFY2(e.message().contains(QLatin1String("analysis.coverage.area_from_capacity")), qPrintable(e.message()));
        }
    }

    void missingRoleIsRefused()
    {
        Project p = m_project;
        std::erase_if(p.layers, [](const ProjectLayer &l) { return l.role == Role::Shelters; });
        Feedback fb;
        try {
            CoverageJob::run(ProjectJobSettings::coverage(p), fb);
            QFAIL("expected InvalidInput");
        } catch (const InvalidInput &e) {
            QVERIFY2(e.message().contains(QLatin1String("shelters")), qPrintable(e.message()));
        }
    }

    void serviceAreaBreaks()
    {
        ServiceAreaSettings s = cached(ProjectJobSettings::serviceArea(m_project));
        s.network.breaks = {400, 800};
        QTemporaryDir out;
        s.outDir = out.path();
        Feedback fb;
        const ServiceAreaJobResult r = ServiceAreaJob::run(s, fb);
        QCOMPARE(r.totalFacilities, 15);
        QCOMPARE(r.snappedFacilities, 15);
        QCOMPARE(r.areas.featureCount(), 30);
        // Largest break first, so the small ones are drawn on top.
        const int breakField = r.areas.fieldIndex(QStringLiteral("break"));
        for (int i = 0; i < 15; ++i)
            QCOMPARE(r.areas.attribute(i, breakField).toDouble(), 800.0);
        for (int i = 15; i < 30; ++i)
            QCOMPARE(r.areas.attribute(i, breakField).toDouble(), 400.0);
        QCOMPARE(r.areas.attribute(0, QStringLiteral("unit")).toString(), QStringLiteral("m"));
        QVERIFY(QFile::exists(QDir(out.path()).filePath(QStringLiteral("service_areas.gpkg"))));
        QVERIFY(QFile::exists(QDir(out.path()).filePath(QStringLiteral("summary.json"))));
        QCOMPARE(r.summary.value(QStringLiteral("polygons")).toInt(), 30);
    }

    // The graph cache is written while the job runs; a cache that cannot be written is
    // one warning naming it, the summary names no cache file, the results are whole.
    void unwritableCacheIsAWarning()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        CoverageSettings s = ProjectJobSettings::coverage(m_project);
        s.network.cacheDirectory = dir.filePath(QStringLiteral("file/graphs"));
        Feedback fb;
        const CoverageJobResult r = CoverageJob::run(s, fb);
        QCOMPARE(qRound(r.outcome.coverage.coveredPopulation), 52529);
        QCOMPARE(r.warnings.filter(QStringLiteral("cannot create the cache folder")).size(), 1);
        const QJsonObject network = r.summary.value(QStringLiteral("network")).toObject();
        QVERIFY(network.contains(QStringLiteral("cache_file")));
        QCOMPARE(network.value(QStringLiteral("cache_file")).toString(), QString());
        // Written, it is named.
        Feedback fb2;
        const CoverageJobResult r2 = CoverageJob::run(cached(ProjectJobSettings::coverage(m_project)), fb2);
        QVERIFY(r2.summary.value(QStringLiteral("network")).toObject().value(QStringLiteral("cache_file")).toString().endsWith(
            QStringLiteral(".rgraph")));
    }

    void coverageMatchesTheCli()
    {
        const CoverageSettings s = cached(ProjectJobSettings::coverage(m_project));
        Feedback fb;
        const CoverageJobResult r = CoverageJob::run(s, fb);
        QCOMPARE(qRound(r.outcome.coverage.totalPopulation), 101355);
        QCOMPARE(qRound(r.outcome.coverage.coveredPopulation), 52529);
        QCOMPARE(r.request.facilities.size(), 15);
        QVERIFY(r.outDir.isEmpty()); // nothing written without an output folder
    }

    void canceledJobThrows()
    {
        const CoverageSettings s = cached(ProjectJobSettings::coverage(m_project));
        Feedback fb;
        fb.cancel();
        QVERIFY_THROWS_EXCEPTION(Canceled, CoverageJob::run(s, fb));
    }

    void fireFromProject()
    {
        FireSettings s = cached(ProjectJobSettings::fire(m_project));
        QTemporaryDir out;
        s.outDir = out.path();
        Feedback fb;
        const FireJobResult r = FireJob::run(s, fb);
        QCOMPARE(qRound(r.outcome.totalPopulation), 101355);
        QVERIFY(r.outcome.hasOfficial);
        QCOMPARE(r.request.responseLimitSeconds, 300.0);
        QCOMPARE(r.request.turnoutSeconds, 60.0);
        QVERIFY(r.outcome.reachedPopulation > 0 && r.outcome.reachedPopulation <= r.outcome.totalPopulation);
        QVERIFY(QFile::exists(QDir(out.path()).filePath(QStringLiteral("fire.gpkg"))));
    }
};

QTEST_MAIN(TestJobs)
#include "tst_jobs.moc"
