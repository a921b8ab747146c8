// Project: the Cambridge sample project, save → load → save byte-identical, unknown keys
// kept, newer versions refused, every JSON error names the key, relative paths
// re-anchored on Save As.
#include "model/Project.h"
#include "util/Error.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "TestSupport.h"

using namespace refuge;

namespace {

QString sampleProject() { return test::sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")); }

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestProject : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void loadSample()
    {
        const Project p = Project::load(sampleProject());
        QCOMPARE(p.title, QStringLiteral("Cambridge, MA — shelters, fire stations and flood zones"));
        QCOMPARE(p.crs.authId(), QStringLiteral("EPSG:26986"));
        QCOMPARE(p.filePath(), QFileInfo(sampleProject()).absoluteFilePath());
        QCOMPARE(p.directory(), QFileInfo(sampleProject()).absolutePath());
        QCOMPARE(int(p.layers.size()), 9);
        QStringList ids;
        for (const ProjectLayer &l : p.layers)
            ids << l.id;
        QCOMPARE(ids, (QStringList{"blocks_2000", "flood_500yr", "flood_100yr", "neighborhoods", "engine_districts", "streets",
                                   "hospitals", "fire_stations", "shelters"}));
        const ProjectLayer *blocks = p.layerWithRole(Role::Population);
        QVERIFY(blocks);
        QCOMPARE(blocks->id, QStringLiteral("blocks_2000"));
        QCOMPARE(blocks->field(QStringLiteral("population")), QStringLiteral("POP_LAB"));
        QCOMPARE(blocks->layer, QStringLiteral("blocks_2000"));
        QCOMPARE(p.resolvedPath(*blocks), test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")));
        const DataSource src = p.dataSource(*blocks);
        QCOMPARE(src.path, test::sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")));
        QCOMPARE(src.layer, QStringLiteral("blocks_2000"));
        QCOMPARE(p.layerWithRole(Role::Hazard)->id, QStringLiteral("flood_500yr")); // the first one
        QCOMPARE(p.layerWithRole(Role::Supplies), nullptr);
        QVERIFY(!p.layerById(QStringLiteral("engine_districts"))->visible);
        QVERIFY(p.layerById(QStringLiteral("streets"))->visible);
        QCOMPARE(p.layerById(QStringLiteral("streets"))->opacity, 1.0);
        QCOMPARE(p.layerById(QStringLiteral("shelters"))->fields.size(), 2);
        QCOMPARE(p.layerById(QStringLiteral("nope")), nullptr);
        QCOMPARE(p.credits().size(), 2);
        QVERIFY(p.credits().at(0).startsWith(QLatin1String("City of Cambridge GIS")));
        QCOMPARE(p.analysis.value(QStringLiteral("coverage")).toObject().value(QStringLiteral("max_meters")).toInt(), 800);
        QCOMPARE(p.analysis.value(QStringLiteral("standard")).toString(), QStringLiteral("shanghai"));
    }

    // Saved next to its data, a project saves, loads and saves to the very same bytes.
    void saveLoadSaveIsByteIdentical()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("same"));
        QDir().mkpath(dir);
        Project p = Project::load(sampleProject());
        p.save(dir + QStringLiteral("/a.refuge"));
        Project q = Project::load(dir + QStringLiteral("/a.refuge"));
        q.save(dir + QStringLiteral("/b.refuge"));
        const QByteArray a = readAll(dir + QStringLiteral("/a.refuge")), b = readAll(dir + QStringLiteral("/b.refuge"));
        QVERIFY(!a.isEmpty());
        QCOMPARE(b, a);
        // and a third generation too
        Project::load(dir + QStringLiteral("/b.refuge")).save(dir + QStringLiteral("/c.refuge"));
        QCOMPARE(readAll(dir + QStringLiteral("/c.refuge")), a);
        QCOMPARE(q.toJson(), p.toJson());
        for (std::size_t i = 0; i < p.layers.size(); ++i)
            QVERIFY(q.layers[i] == p.layers[i]);
        // saving in place changes nothing either
        q.save(dir + QStringLiteral("/b.refuge"));
        QCOMPARE(readAll(dir + QStringLiteral("/b.refuge")), a);
        QVERIFY(!QFile::exists(dir + QStringLiteral("/b.refuge.tmp"))); // nothing left behind
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden).size(), 3);
    }

    void saveAsReanchorsRelativePaths()
    {
        const QString a = m_tmp.filePath(QStringLiteral("reanchor/a"));
        const QString b = m_tmp.filePath(QStringLiteral("reanchor/b/deeper"));
        writeFile(a + QStringLiteral("/p.refuge"), R"({
  "format": "refuge-project", "version": 1, "crs": "EPSG:26986",
  "layers": [
    {"source": "data/roads.gpkg", "layer": "streets", "role": "roads"},
    {"source": "/abs/elsewhere/shelters.shp", "role": "shelters"},
    {"source": "PG:dbname=refuge host=localhost", "layer": "public.blocks", "role": "population"},
    {"source": "../sibling/x.geojson"}
  ]
})");
        Project p = Project::load(a + QStringLiteral("/p.refuge"));
        const QString roadsAbs = QDir::cleanPath(a + QStringLiteral("/data/roads.gpkg"));
        const QString siblingAbs = QDir::cleanPath(a + QStringLiteral("/../sibling/x.geojson"));
        QCOMPARE(p.resolvedPath(p.layers[0]), roadsAbs);
        QCOMPARE(p.resolvedPath(p.layers[3]), siblingAbs);
        QDir().mkpath(b);
        p.save(b + QStringLiteral("/q.refuge"));
        QCOMPARE(p.filePath(), b + QStringLiteral("/q.refuge"));
        QCOMPARE(p.layers[0].path, QStringLiteral("../../a/data/roads.gpkg"));
        QCOMPARE(p.layers[1].path, QStringLiteral("/abs/elsewhere/shelters.shp"));
        QCOMPARE(p.layers[2].path, QStringLiteral("PG:dbname=refuge host=localhost"));
        QCOMPARE(p.layers[3].path, QStringLiteral("../../sibling/x.geojson"));
        // the saved file resolves to the same files
        const Project q = Project::load(b + QStringLiteral("/q.refuge"));
        QCOMPARE(q.resolvedPath(q.layers[0]), roadsAbs);
        QCOMPARE(q.resolvedPath(q.layers[1]), QStringLiteral("/abs/elsewhere/shelters.shp"));
        QCOMPARE(q.resolvedPath(q.layers[2]), QStringLiteral("PG:dbname=refuge host=localhost"));
        QCOMPARE(q.resolvedPath(q.layers[3]), siblingAbs);
        QCOMPARE(q.dataSource(q.layers[2]).layer, QStringLiteral("public.blocks"));
        // Save As back again restores the original relative paths
        p.save(a + QStringLiteral("/r.refuge"));
        QCOMPARE(p.layers[0].path, QStringLiteral("data/roads.gpkg"));
        QCOMPARE(p.layers[3].path, QStringLiteral("../sibling/x.geojson"));
    }

    void storedPath()
    {
        Project p;
        QCOMPARE(p.storedPath(QStringLiteral("/data/x.gpkg")), QStringLiteral("/data/x.gpkg")); // no file yet
        p.setFilePath(QStringLiteral("/work/projects/p.refuge"));
        QCOMPARE(p.storedPath(QStringLiteral("/work/projects/data/x.gpkg")), QStringLiteral("data/x.gpkg"));
        QCOMPARE(p.storedPath(QStringLiteral("/work/other/x.gpkg")), QStringLiteral("../other/x.gpkg"));
        QCOMPARE(p.storedPath(QStringLiteral("PG:dbname=x")), QStringLiteral("PG:dbname=x"));
    }

    void unknownKeysAreKept()
    {
        const QString path = m_tmp.filePath(QStringLiteral("unknown/p.refuge"));
        writeFile(path, R"({
  "format": "refuge-project", "version": 1, "crs": "EPSG:4326", "title": "未来",
  "x_future_root": {"a": [1, 2, {"b": null}]},
  "metadata": {"credits": ["© OpenStreetMap contributors"], "x_meta": true},
  "analysis": {"x_new_analysis": {"k": 1.5}},
  "layers": [
    {"id": "roads", "source": "roads.osm", "role": "roads", "x_layer_option": "keep me",
     "style": {"x_style": [3, 4]}, "encoding": "GBK", "crs": "EPSG:4490", "opacity": 0.25, "visible": false}
  ]
})");
        Project p = Project::load(path);
        QCOMPARE(p.title, QStringLiteral("未来"));
        QCOMPARE(p.credits(), QStringList{QStringLiteral("© OpenStreetMap contributors")});
        QCOMPARE(p.layers[0].extra.value(QStringLiteral("x_layer_option")).toString(), QStringLiteral("keep me"));
        QCOMPARE(p.layers[0].encoding, QStringLiteral("GBK"));
        QCOMPARE(p.layers[0].crs, QStringLiteral("EPSG:4490"));
        QCOMPARE(p.layers[0].opacity, 0.25);
        QVERIFY(!p.layers[0].visible);
        const QString out = m_tmp.filePath(QStringLiteral("unknown/q.refuge"));
        p.save(out);
        const QJsonObject o = QJsonDocument::fromJson(readAll(out)).object();
        QCOMPARE(o.value(QStringLiteral("x_future_root")).toObject(),
                 QJsonDocument::fromJson(R"({"a": [1, 2, {"b": null}]})").object());
        QCOMPARE(o.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("x_meta")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("analysis")).toObject().value(QStringLiteral("x_new_analysis")).toObject().value(QStringLiteral("k")).toDouble(), 1.5);
        const QJsonObject layer = o.value(QStringLiteral("layers")).toArray().at(0).toObject();
        QCOMPARE(layer.value(QStringLiteral("x_layer_option")).toString(), QStringLiteral("keep me"));
        QCOMPARE(layer.value(QStringLiteral("style")).toObject().value(QStringLiteral("x_style")).toArray(), (QJsonArray{3, 4}));
        QCOMPARE(layer.value(QStringLiteral("encoding")).toString(), QStringLiteral("GBK"));
        QCOMPARE(layer.value(QStringLiteral("opacity")).toDouble(), 0.25);
        QCOMPARE(layer.value(QStringLiteral("visible")).toBool(), false);
        QCOMPARE(o.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("format")).toString(), QStringLiteral("refuge-project"));
        QCOMPARE(o.value(QStringLiteral("title")).toString(), QStringLiteral("未来"));
    }

    // Save keeps the order a person wrote the keys in (issue 18): at the top, in each
    // layer (matched by id, even after a layer before it went) and in nested objects;
    // keys Refuge adds come after them. The values are those of the project in memory.
    void keyOrderKeptOnSave()
    {
        const QString path = m_tmp.filePath(QStringLiteral("order/p.refuge"));
        writeFile(path, R"({
  "title": "Order", "x_notes": {"zeta": 1, "alpha": 2}, "version": 1, "format": "refuge-project", "crs": "EPSG:4326",
  "layers": [
    {"source": "a.gpkg", "id": "first", "role": "roads", "layer": "roads"},
    {"visible": false, "source": "b.gpkg", "layer": "shelters", "id": "second", "role": "shelters"}
  ]
})");
        Project p = Project::load(path);
        p.title = QStringLiteral("Order, edited");
        p.layers.erase(p.layers.begin());
        const QString copy = m_tmp.filePath(QStringLiteral("order/copy.refuge"));
        for (const QString &target : {path, copy}) { // over itself, and saved as a new file
            p.save(target);
            const QByteArray text = readAll(target);
            const auto at = [&](const char *key) { return text.indexOf(QByteArray("\"") + key + "\""); };
            QVERIFY2(at("title") >= 0 && at("title") < at("x_notes"), text.constData());
            QVERIFY(at("x_notes") < at("zeta") && at("zeta") < at("alpha") && at("alpha") < at("version"));
            QVERIFY(at("version") < at("format") && at("format") < at("crs") && at("crs") < at("layers"));
            QVERIFY(at("layers") < at("visible") && at("visible") < at("source") && at("source") < at("layer\": \"shelters"));
            QVERIFY(at("layer\": \"shelters") < at("id") && at("id") < at("role"));
            QVERIFY(!text.contains("first"));
            // Same values as the project's own JSON; only the order differs.
            QCOMPARE(QJsonDocument::fromJson(text).object(), Project::load(target).toJson());
            QCOMPARE(Project::load(target).title, QStringLiteral("Order, edited"));
            QVERIFY(text.endsWith("}\n"));
        }
    }

    // A project file never stores a database password: a password read from a file is
    // kept in memory (the layer still connects), named in one warning (without the
    // password), and gone from the file at the next save; the same for one set in memory.
    void passwordsNeverSaved()
    {
        const QString path = m_tmp.filePath(QStringLiteral("pg/p.refuge"));
        // (Built as JSON, not a raw string literal: moc reads "//" in one as a comment.)
        const QJsonArray layers{
            QJsonObject{{"id", "roads"}, {"source", "PG:host=db.example port=5432 dbname=city user=planner password=Tr0ub4dor"},
                        {"layer", "public.roads"}, {"role", "roads"}},
            QJsonObject{{"id", "shelters"}, {"source", "postgresql://planner:Tr0ub4dor@db.example/city"}, {"layer", "public.shelters"},
                        {"role", "shelters"}},
            QJsonObject{{"id", "blocks"}, {"source", "blocks.gpkg"}, {"role", "population"}}};
        writeFile(path, QJsonDocument(QJsonObject{{"format", "refuge-project"}, {"version", 1}, {"crs", "EPSG:26986"}, {"layers", layers}})
                            .toJson());
        Project p = Project::load(path);
        QCOMPARE(p.warnings().size(), 1);
        const QString w = p.warnings().front();
        QVERIFY2(w.startsWith(QFileInfo(path).absoluteFilePath() + QStringLiteral(": warning: ")), qPrintable(w));
        QVERIFY2(w.contains(QLatin1String("password")) && w.contains(QLatin1String("roads, shelters")), qPrintable(w));
        QVERIFY(!w.contains(QLatin1String("Tr0ub4dor")));
        // In memory the connection keeps its password.
        QCOMPARE(p.dataSource(p.layers[0]).toString(),
                 QStringLiteral("PG:host=db.example port=5432 dbname=city user=planner password=Tr0ub4dor|layername=public.roads"));
        QCOMPARE(p.dataSource(p.layers[0]).redacted(),
                 QStringLiteral("PG:host=db.example port=5432 dbname=city user=planner password=***|layername=public.roads"));
        // Saved: no password anywhere in the file, everything else as it was.
        const QString out = m_tmp.filePath(QStringLiteral("pg/q.refuge"));
        p.save(out);
        QVERIFY(!readAll(out).contains("Tr0ub4dor"));
        QVERIFY(!readAll(out).contains("password"));
        const QJsonArray saved = QJsonDocument::fromJson(readAll(out)).object().value(QStringLiteral("layers")).toArray();
        QCOMPARE(saved.at(0).toObject().value(QStringLiteral("source")).toString(),
                 QStringLiteral("PG:host=db.example port=5432 dbname=city user=planner"));
        QCOMPARE(saved.at(1).toObject().value(QStringLiteral("source")).toString(), QStringLiteral("postgresql://planner@db.example/city"));
        QCOMPARE(saved.at(2).toObject().value(QStringLiteral("source")).toString(), QStringLiteral("blocks.gpkg"));
        // ... while the saved project in memory still connects with it.
        QVERIFY(p.dataSource(p.layers[1]).toString().contains(QLatin1String("Tr0ub4dor")));
        QVERIFY(!QJsonDocument(p.toJson()).toJson().contains("Tr0ub4dor"));
        // The saved file loads without a warning and without a password.
        const Project q = Project::load(out);
        QCOMPARE(q.warnings(), QStringList());
        QVERIFY(!hasPassword(q.layers[0].path) && !hasPassword(q.layers[1].path));
        // A password given in memory (asked at open) is never written either.
        Project r = q;
        r.layers[0].path = withPassword(r.layers[0].path, QStringLiteral("asked-at-open"));
        QVERIFY(r.dataSource(r.layers[0]).toString().contains(QLatin1String("password='asked-at-open'")));
        r.save(out);
        QVERIFY(!readAll(out).contains("asked-at-open"));
    }

    void defaults()
    {
        const QString path = m_tmp.filePath(QStringLiteral("defaults/p.refuge"));
        writeFile(path, R"({"format": "refuge-project", "crs": "EPSG:32651", "layers": [
            {"source": "shelters.shp"}, {"source": "a.gpkg", "layer": "streets"},
            {"source": "b.gpkg", "layer": "streets"}, {"source": "人民广场避难场所.shp"}]})");
        const Project p = Project::load(path);
        QCOMPARE(p.crs.authId(), QStringLiteral("EPSG:32651"));
        QCOMPARE(p.layers[0].name, QStringLiteral("shelters"));
        QCOMPARE(p.layers[0].id, QStringLiteral("shelters"));
        QCOMPARE(p.layers[0].role, Role::Other);
        QVERIFY(p.layers[0].visible);
        QCOMPARE(p.layers[0].opacity, 1.0);
        QCOMPARE(p.layers[1].name, QStringLiteral("streets"));
        QCOMPARE(p.layers[1].id, QStringLiteral("streets"));
        QCOMPARE(p.layers[2].id, QStringLiteral("streets_2"));
        // Chinese names make readable ids, not "_"
        QCOMPARE(p.layers[3].id, QStringLiteral("人民广场避难场所"));
    }

    void uniqueLayerId()
    {
        Project p;
        QCOMPARE(p.uniqueLayerId(QStringLiteral("Census 2000 blocks")), QStringLiteral("census_2000_blocks"));
        QCOMPARE(p.uniqueLayerId(QStringLiteral("FEMA 500-year flood zone")), QStringLiteral("fema_500_year_flood_zone"));
        QCOMPARE(p.uniqueLayerId(QStringLiteral("")), QStringLiteral("layer"));
        QCOMPARE(p.uniqueLayerId(QStringLiteral("静安区 避难场所")), QStringLiteral("静安区_避难场所"));
        ProjectLayer l;
        l.id = QStringLiteral("roads");
        p.layers.push_back(l);
        l.id = QStringLiteral("roads_2");
        p.layers.push_back(l);
        QCOMPARE(p.uniqueLayerId(QStringLiteral("Roads")), QStringLiteral("roads_3"));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message"); // after "<file>: "
        QTest::newRow("syntax error line 3") << QByteArray("{\n  \"crs\": \"EPSG:4326\",\n  \"layers\": [,]\n}")
                                             << "JSON syntax error at line 3: illegal value";
        QTest::newRow("top-level array") << QByteArray("[1, 2]") << "expected a JSON object at the top level";
        QTest::newRow("empty") << QByteArray(" \n ") << "is empty, not a project file";
        QTest::newRow("wrong format") << QByteArray(R"({"format": "qgis", "crs": "EPSG:4326"})") << "format: not a Refuge project ('qgis')";
        QTest::newRow("newer version") << QByteArray(R"({"format": "refuge-project", "version": 2, "crs": "EPSG:4326"})")
                                       << "written by a newer Refuge (project format 2; this version reads up to 1)";
        QTest::newRow("newer minor version") << QByteArray(R"({"format": "refuge-project", "version": 1.5, "crs": "EPSG:4326"})")
                                             << "written by a newer Refuge (project format 1.5; this version reads up to 1)";
        QTest::newRow("version as text") << QByteArray(R"({"version": "1", "crs": "EPSG:4326"})") << "version: expected a number";
        QTest::newRow("missing crs") << QByteArray(R"({"layers": []})") << "project.crs: missing";
        QTest::newRow("crs not a string") << QByteArray(R"({"crs": 4326})") << "project.crs: expected a string";
        QTest::newRow("title not a string") << QByteArray(R"({"crs": "EPSG:4326", "title": 5})") << "project.title: expected a string";
        QTest::newRow("metadata not an object") << QByteArray(R"({"crs": "EPSG:4326", "metadata": []})") << "project.metadata: expected an object";
        QTest::newRow("layers not an array") << QByteArray(R"({"crs": "EPSG:4326", "layers": {}})") << "layers: expected an array";
        QTest::newRow("layer not an object") << QByteArray(R"({"crs": "EPSG:4326", "layers": ["roads.gpkg"]})") << "layers[0]: expected an object";
        QTest::newRow("layer without source") << QByteArray(R"({"crs": "EPSG:4326", "layers": [{"source": "a.shp"}, {"name": "x"}]})")
                                              << "layers[1].source: missing";
        QTest::newRow("unknown role") << QByteArray(R"({"crs": "EPSG:4326", "layers": [{"source": "a.shp", "role": "shelter"}]})")
                                      << "layers[0].role: unknown role 'shelter' (one of: roads, shelters, fire_stations, supplies, medical, hazard, communities, population, official_districts, basemap, other)";
        QTest::newRow("duplicate id") << QByteArray(R"({"crs": "EPSG:4326", "layers": [{"id": "a", "source": "a.shp"}, {"id": "a", "source": "b.shp"}]})")
                                      << "layers[1].id: duplicate id 'a'";
        QTest::newRow("field mapping not a string") << QByteArray(R"({"crs": "EPSG:4326", "layers": [{"source": "a.shp", "fields": {"capacity": 3}}]})")
                                                    << "layers[0].fields.capacity: expected a field name (string)";
        QTest::newRow("visible not a bool") << QByteArray(R"({"crs": "EPSG:4326", "layers": [{"source": "a.shp", "visible": "yes"}]})")
                                            << "layers[0].visible: expected true or false";
        QTest::newRow("opacity out of range") << QByteArray(R"({"crs": "EPSG:4326", "layers": [{"source": "a.shp", "opacity": 2}]})")
                                              << "layers[0].opacity: must be between 0 and 1";
        QTest::newRow("opacity not a number") << QByteArray(R"({"crs": "EPSG:4326", "layers": [{"source": "a.shp", "opacity": "half"}]})")
                                              << "layers[0].opacity: expected a number";
    }

    void errors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const QString path = m_tmp.filePath(QStringLiteral("errors/%1.refuge").arg(QString::fromUtf8(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'))));
        writeFile(path, json);
        try {
            (void)Project::load(path);
            QFAIL("expected InvalidInput");
        } catch (const InvalidInput &e) {
            QCOMPARE(e.message(), QFileInfo(path).absoluteFilePath() + QStringLiteral(": ") + message);
        }
    }

    void crsErrors()
    {
        const QString path = m_tmp.filePath(QStringLiteral("errors/badcrs.refuge"));
        writeFile(path, R"({"crs": "EPSG:999999"})");
        try {
            (void)Project::load(path);
            QFAIL("expected CrsError");
        } catch (const CrsError &e) {
            QVERIFY2(e.message().startsWith(QFileInfo(path).absoluteFilePath() + QStringLiteral(": crs: unknown CRS 'EPSG:999999'")),
                     qPrintable(e.message()));
        }
    }

    void fileErrors()
    {
        const QString missing = m_tmp.filePath(QStringLiteral("nope.refuge"));
        try {
            (void)Project::load(missing);
            QFAIL("expected IoError");
        } catch (const IoError &e) {
            QCOMPARE(e.message(), missing + QStringLiteral(": no such file"));
        }
        try {
            (void)Project::load(m_tmp.path());
            QFAIL("expected IoError");
        } catch (const IoError &e) {
            QCOMPARE(e.message(), m_tmp.path() + QStringLiteral(": is a directory, not a project file"));
        }
        // saving into a folder that does not exist fails cleanly and writes nothing
        Project p = Project::load(sampleProject());
        const QString bad = m_tmp.filePath(QStringLiteral("no/such/dir/p.refuge"));
        const QString before = p.filePath();
        const QString firstPath = p.layers.front().path;
        QVERIFY_THROWS_EXCEPTION(IoError, p.save(bad));
        QVERIFY(!QFile::exists(bad));
        QCOMPARE(p.filePath(), before);            // still the project it was
        QCOMPARE(p.layers.front().path, firstPath); // paths not re-anchored
    }

    // A CRS without an authority code is written as WKT and read back as the same CRS.
    void crsWithoutAuthorityRoundTrips()
    {
        Project p;
        p.crs = Crs::fromUserInput(QStringLiteral("+proj=tmerc +lat_0=0 +lon_0=121.4667 +k=1 +x_0=0 +y_0=-3457147.81 +ellps=krass +units=m +no_defs +type=crs"));
        QCOMPARE(p.crs.authId(), QString());
        const QString path = m_tmp.filePath(QStringLiteral("wkt/p.refuge"));
        QDir().mkpath(QFileInfo(path).absolutePath());
        p.save(path);
        const Project q = Project::load(path);
        QVERIFY(q.crs.isEquivalentTo(p.crs));
        QVERIFY(QJsonDocument::fromJson(readAll(path)).object().value(QStringLiteral("crs")).toString().startsWith(QLatin1String("PROJCRS[")));
    }
};

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
