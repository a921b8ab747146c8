// ProjectCheck: the Cambridge sample validates cleanly; broken projects report each
// problem with the right severity and message.
#include "io/ProjectCheck.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "TestSupport.h"

using namespace refuge;

namespace {

QString cambridgeGpkg() { return test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")); }

ProjectLayer layer(const QString &id, const QString &path, const QString &name, Role role, QMap<QString, QString> fields = {})
{
    ProjectLayer l;
    l.id = id;
    l.name = id;
    l.path = path;
    l.layer = name;
    l.role = role;
    l.fields = std::move(fields);
    return l;
}

QStringList messages(const ProjectCheckResult &r, ProjectProblem::Severity severity)
{
    QStringList out;
    for (const ProjectProblem &p : r.problems)
        if (p.severity == severity)
            out << (p.layerId.isEmpty() ? QString() : p.layerId + QStringLiteral(" | ")) + p.message;
    return out;
}

} // namespace

class TestProjectCheck : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void requiredRolesFromAnalyses()
    {
        Project p;
        QVERIFY(requiredRoles(p).isEmpty());
        p.analysis.insert(QStringLiteral("fire"), QJsonObject());
        QCOMPARE(requiredRoles(p), (QList<Role>{Role::Roads, Role::FireStations}));
        p.analysis.insert(QStringLiteral("coverage"), QJsonObject());
        QCOMPARE(requiredRoles(p), (QList<Role>{Role::Roads, Role::Shelters, Role::Population, Role::FireStations}));
    }

    void cambridgeSampleIsClean()
    {
        const Project p = Project::load(test::sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")));
        const ProjectCheckResult r = checkProject(p);
        QCOMPARE(messages(r, ProjectProblem::Severity::Error), QStringList());
        QCOMPARE(messages(r, ProjectProblem::Severity::Warning), QStringList());
        QCOMPARE(r.errorCount(), 0);
        QCOMPARE(r.notes, (QStringList{
                              "blocks_2000 (population): 886 MultiPolygon feature(s), EPSG:26986",
                              "flood_500yr (hazard): 39 MultiPolygon feature(s), EPSG:26986",
                              "flood_100yr (hazard): 21 MultiPolygon feature(s), EPSG:26986",
                              "neighborhoods (communities): 13 MultiPolygon feature(s), EPSG:26986",
                              "engine_districts (official_districts): 8 MultiPolygon feature(s), EPSG:26986",
                              "streets (roads): 2643 MultiLineString feature(s), EPSG:26986",
                              "hospitals (medical): 3 Point feature(s), EPSG:26986",
                              "fire_stations (fire_stations): 8 Point feature(s), EPSG:26986",
                              "shelters (shelters): 15 Point feature(s), EPSG:26986",
                          }));
    }

    void problems()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        Project p;
        p.crs = Crs::fromEpsg(26986);
        p.setFilePath(tmp.filePath(QStringLiteral("p.refuge")));
        p.analysis.insert(QStringLiteral("coverage"), QJsonObject()); // needs roads, shelters, population
        const QString gpkg = cambridgeGpkg();
        // shelters without a capacity/area mapping, and a mapped field that does not exist
        p.layers.push_back(layer(QStringLiteral("shelters"), gpkg, QStringLiteral("shelters"), Role::Shelters,
                                 {{QStringLiteral("name"), QStringLiteral("Nom")}}));
        // points given the roads role
        p.layers.push_back(layer(QStringLiteral("roads"), gpkg, QStringLiteral("hospitals"), Role::Roads));
        // lines given the communities role, with its name mapped
        p.layers.push_back(layer(QStringLiteral("hoods"), gpkg, QStringLiteral("streets"), Role::Communities,
                                 {{QStringLiteral("name"), QStringLiteral("Street")}}));
        // a missing file
        p.layers.push_back(layer(QStringLiteral("gone"), tmp.filePath(QStringLiteral("gone.gpkg")), {}, Role::Other));
        // a layer that needs repairs: warnings, not errors
        p.layers.push_back(layer(QStringLiteral("bowtie"), test::dataPath(QStringLiteral("io/bowtie.geojson")), {}, Role::Hazard));
        // a raster
        p.layers.push_back(layer(QStringLiteral("dem"), test::dataPath(QStringLiteral("model/dem_nodata.tif")), {}, Role::Hazard));
        // a raster without CRS
        p.layers.push_back(layer(QStringLiteral("plain"), test::dataPath(QStringLiteral("model/plain.tif")), {}, Role::Basemap));
        // x/y CSV without CRS: refused; the same with a stated CRS: fine
        p.layers.push_back(layer(QStringLiteral("xy"), test::dataPath(QStringLiteral("io/points_xy.csv")), {}, Role::Other));
        ProjectLayer stated = layer(QStringLiteral("xy_stated"), test::dataPath(QStringLiteral("io/points_xy.csv")), {}, Role::Other);
        stated.crs = QStringLiteral("EPSG:26986");
        p.layers.push_back(stated);

        const ProjectCheckResult r = checkProject(p);
        const QString xy = test::dataPath(QStringLiteral("io/points_xy.csv"));
        const QString bow = test::dataPath(QStringLiteral("io/bowtie.geojson"));
        QCOMPARE(messages(r, ProjectProblem::Severity::Error), (QStringList{
            "no layer has the role 'population' (needed by the analyses in the project)",
            "shelters | role 'shelters' needs the field mapping 'capacity|area'",
            "shelters | " + gpkg + ":shelters: mapped field name = 'Nom' does not exist",
            "roads | " + gpkg + ":hospitals: role 'roads' needs lines, layer has Point",
            "hoods | " + gpkg + ":streets: role 'communities' needs polygons, layer has MultiLineString",
            "gone | " + tmp.filePath(QStringLiteral("gone.gpkg")) + ": no such file",
            "plain | " + test::dataPath(QStringLiteral("model/plain.tif")) + ": raster is not georeferenced (no geotransform)",
            "xy | " + xy + ": x/y columns have no CRS; state one with --crs EPSG:N",
        }));
        QCOMPARE(r.errorCount(), 8);
        QCOMPARE(messages(r, ProjectProblem::Severity::Warning), (QStringList{
            "bowtie | " + bow + ": 1 invalid geometries repaired (GEOSMakeValid)",
            "bowtie | " + bow + ": 1 invalid geometries that could not be repaired skipped",
            "xy_stated | " + xy + ": no CRS in the file; EPSG:26986 — NAD83 / Massachusetts Mainland as stated",
        }));
        QVERIFY(r.notes.contains(QStringLiteral("dem: raster 5×4, 1 band(s), EPSG:26986 — NAD83 / Massachusetts Mainland")));
        QVERIFY(r.notes.contains(QStringLiteral("xy_stated (other): 4 Point feature(s), EPSG:26986")));
        QVERIFY(r.notes.contains(QStringLiteral("bowtie (hazard): 2 MultiPolygon feature(s), EPSG:26986")));
    }
};

QTEST_GUILESS_MAIN(TestProjectCheck)
#include "tst_projectcheck.moc"
