// Results GeoPackages carry their styles (issue 18): ResultStyleFiles stores each output
// layer's default style in the GeoPackage's layer_styles table as QGIS does (QML with
// Refuge's Style JSON as a custom property, and SLD 1.1), summary.json put back last;
// Refuge reads the style back when the layer is opened from any folder, and the
// layer_styles table is never offered as a layer. The QML and SLD are read back with
// QXmlStreamReader and the table with the OGR C API, not with the code under test.
#include "TestSupport.h"
#include "io/Gdal.h"
#include "io/GpkgStyles.h"
#include "io/VectorWriter.h"
#include "model/Project.h"
#include "model/VectorLayer.h"
#include "render/DefaultStyles.h"
#include "render/ResultStyleFiles.h"
#include "render/ResultStyles.h"
#include "render/StyleExport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <cmath>

using namespace refuge;

namespace {

struct XmlElement {
    QString name;
    QXmlStreamAttributes attributes;
    QString text;
};

// Every element of a document, in order, with its attributes and its own text.
std::vector<XmlElement> elements(const QString &xml, QString *error = nullptr)
{
    std::vector<XmlElement> out;
    QXmlStreamReader r(xml);
    std::vector<std::size_t> open;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            out.push_back({r.qualifiedName().toString(), r.attributes(), QString()});
            open.push_back(out.size() - 1);
        } else if (r.isEndElement()) {
            open.pop_back();
        } else if (r.isCharacters() && !r.isWhitespace() && !open.empty()) {
            out[open.back()].text += r.text();
        }
    }
    if (error)
        *error = r.hasError() ? r.errorString() : QString();
    return out;
}

std::vector<XmlElement> named(const std::vector<XmlElement> &all, const QString &name)
{
    std::vector<XmlElement> out;
    for (const XmlElement &e : all)
        if (e.name == name)
            out.push_back(e);
    return out;
}

QString prop(const std::vector<XmlElement> &all, const QString &key, int nth = 0)
{
    for (const XmlElement &e : all)
        if (e.name == QLatin1String("prop") && e.attributes.value(QLatin1String("k")) == key && nth-- == 0)
            return e.attributes.value(QLatin1String("v")).toString();
    return {};
}

OutputLayer serviceAreasOutput(const QString &file)
{
    OutputLayer o;
    o.id = QStringLiteral("service_areas");
    o.title = text("Service areas", "服务区");
    o.file = file;
    o.style = QStringLiteral("service_areas");
    o.styleOptions = QJsonObject{{QStringLiteral("breaks"), QJsonArray{5, 10}}, {QStringLiteral("unit"), QStringLiteral("min")}};
    return o;
}

OutputLayer demandOutput(const QString &file)
{
    OutputLayer o;
    o.id = QStringLiteral("demand");
    o.title = text("Population covered", "人口覆盖");
    o.file = file;
    o.style = QStringLiteral("covered_demand");
    return o;
}

// A results folder: results.gpkg with service_areas (2 polygons, break 5 and 10) and
// demand (3 points, covered true/false), and a summary.json.
QString writeResults(const QTemporaryDir &dir)
{
    VectorLayer areas(QStringLiteral("service_areas"), GeometryType::Polygon, Crs::fromEpsg(26986));
    areas.addField({QStringLiteral("break"), FieldType::Real});
    areas.addFeature(Geometry::polygon({{{0, 0}, {100, 0}, {100, 100}, {0, 0}}}), {10.0});
    areas.addFeature(Geometry::polygon({{{0, 0}, {50, 0}, {50, 50}, {0, 0}}}), {5.0});
    VectorLayer demand(QStringLiteral("demand"), GeometryType::Point, Crs::fromEpsg(26986));
    demand.addField({QStringLiteral("covered"), FieldType::Boolean});
    demand.addFeature(Geometry::point({10, 5}), {true});
    demand.addFeature(Geometry::point({90, 5}), {true});
    demand.addFeature(Geometry::point({500, 500}), {false});
    const QString gpkg = dir.filePath(QStringLiteral("results.gpkg"));
    VectorWriter::writeAll({{QString(), &areas}, {QString(), &demand}}, gpkg);
    QFile summary(dir.filePath(QStringLiteral("summary.json")));
    if (summary.open(QIODevice::WriteOnly))
        summary.write(R"({"complete": true})");
    return gpkg;
}

struct StyleRow {
    QString table, name, qml, sld;
    int isDefault = 0;
};

// layer_styles as OGR reads it.
std::vector<StyleRow> styleRows(const QString &gpkg)
{
    ensureGdal();
    std::vector<StyleRow> rows;
    GdalDataset ds(GDALOpenEx(gpkg.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    OGRLayerH l = ds ? GDALDatasetGetLayerByName(ds.get(), "layer_styles") : nullptr;
    if (!l)
        return rows;
    OGR_L_ResetReading(l);
    while (OgrFeature f{OGR_L_GetNextFeature(l)}) {
        auto s = [&](const char *name) { return QString::fromUtf8(OGR_F_GetFieldAsString(f.get(), OGR_F_GetFieldIndex(f.get(), name))); };
        rows.push_back({s("f_table_name"), s("styleName"), s("styleQML"), s("styleSLD"),
                        OGR_F_GetFieldAsInteger(f.get(), OGR_F_GetFieldIndex(f.get(), "useAsDefault"))});
    }
    return rows;
}

} // namespace

class TstResultStyleFiles : public QObject {
    Q_OBJECT
private slots:
    void qmlOfGraduatedPolygons()
    {
        const Style style = ResultStyles::forOutput(serviceAreasOutput(QString()), u"en");
        QString error;
        const auto all = elements(StyleExport::qml(style, 2), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto renderer = named(all, QStringLiteral("renderer-v2"));
        QCOMPARE(int(renderer.size()), 1);
        QCOMPARE(renderer[0].attributes.value(QLatin1String("type")).toString(), QStringLiteral("graduatedSymbol"));
        QCOMPARE(renderer[0].attributes.value(QLatin1String("attr")).toString(), QStringLiteral("break"));
        const auto ranges = named(all, QStringLiteral("range"));
        QCOMPARE(int(ranges.size()), 2);
        QCOMPARE(ranges[0].attributes.value(QLatin1String("lower")).toDouble(), 0.0);
        QCOMPARE(ranges[0].attributes.value(QLatin1String("upper")).toDouble(), 5.0);
        QCOMPARE(ranges[1].attributes.value(QLatin1String("upper")).toDouble(), 10.0);
        QCOMPARE(ranges[0].attributes.value(QLatin1String("label")).toString(), QStringLiteral("≤ 5 min"));
        const auto symbols = named(all, QStringLiteral("symbol"));
        QCOMPARE(int(symbols.size()), 2);
        QCOMPARE(symbols[0].attributes.value(QLatin1String("type")).toString(), QStringLiteral("fill"));
        // The smallest break darkest: rgb(0,109,44) at alpha 170 (ResultStyles).
        QCOMPARE(prop(all, QStringLiteral("color")), QStringLiteral("0,109,44,170"));
        QCOMPARE(prop(all, QStringLiteral("outline_width_unit")), QStringLiteral("MM"));
        QCOMPARE(named(all, QStringLiteral("layerGeometryType"))[0].text, QStringLiteral("2"));
        // Refuge's own style rides along, exactly.
        QCOMPARE(GpkgStyles::refugeStyle(StyleExport::qml(style, 2)), style.toJson());
    }

    void qmlOfCategoriesHatchAndMarkers()
    {
        // Points by a boolean: one category per value, and QGIS's "all other values".
        const Style demand = ResultStyles::forOutput(demandOutput(QString()), u"zh");
        const auto all = elements(StyleExport::qml(demand, 0));
        QCOMPARE(named(all, QStringLiteral("renderer-v2"))[0].attributes.value(QLatin1String("type")).toString(), QStringLiteral("categorizedSymbol"));
        const auto categories = named(all, QStringLiteral("category"));
        QCOMPARE(int(categories.size()), 3);
        QCOMPARE(categories[0].attributes.value(QLatin1String("value")).toString(), QStringLiteral("true"));
        QCOMPARE(categories[0].attributes.value(QLatin1String("label")).toString(), QStringLiteral("可到达避难场所"));
        QCOMPARE(categories[1].attributes.value(QLatin1String("value")).toString(), QStringLiteral("false"));
        QCOMPARE(categories[2].attributes.value(QLatin1String("value")).toString(), QString());
        QCOMPARE(prop(all, QStringLiteral("name")), QStringLiteral("circle"));
        QCOMPARE(prop(all, QStringLiteral("size")).toDouble(), 1.2);
        QCOMPARE(prop(all, QStringLiteral("color"), 1), QStringLiteral("215,48,39,255"));
        // A hatched polygon: a second fill layer with the hatch brush.
        OutputLayer unreached;
        unreached.id = QStringLiteral("unreached");
        unreached.style = QStringLiteral("unreached");
        const auto hatch = elements(StyleExport::qml(ResultStyles::forOutput(unreached, u"en"), 2));
        QCOMPARE(int(named(hatch, QStringLiteral("layer")).size()), 2);
        QCOMPARE(prop(hatch, QStringLiteral("style"), 1), QStringLiteral("b_diagonal"));
        QCOMPARE(prop(hatch, QStringLiteral("color"), 1), QStringLiteral("165,0,38,255"));
    }

    void sldRules()
    {
        const Style areas = ResultStyles::forOutput(serviceAreasOutput(QString()), u"en");
        QString error;
        const auto all = elements(StyleExport::sld(areas, 2, QStringLiteral("service_areas")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(all[0].name, QStringLiteral("StyledLayerDescriptor"));
        QCOMPARE(all[0].attributes.value(QLatin1String("version")).toString(), QStringLiteral("1.1.0"));
        QCOMPARE(int(named(all, QStringLiteral("se:Rule")).size()), 2);
        QCOMPARE(int(named(all, QStringLiteral("se:PolygonSymbolizer")).size()), 2);
        // Rule 1: 0 <= break <= 5; rule 2: 5 < break <= 10.
        const auto literals = named(all, QStringLiteral("ogc:Literal"));
        QCOMPARE(int(literals.size()), 4);
        QCOMPARE(literals[0].text, QStringLiteral("0"));
        QCOMPARE(literals[1].text, QStringLiteral("5"));
        QCOMPARE(literals[2].text, QStringLiteral("5"));
        QCOMPARE(literals[3].text, QStringLiteral("10"));
        QCOMPARE(int(named(all, QStringLiteral("ogc:PropertyIsGreaterThanOrEqualTo")).size()), 1);
        QCOMPARE(int(named(all, QStringLiteral("ogc:PropertyIsGreaterThan")).size()), 1);
        const auto params = named(all, QStringLiteral("se:SvgParameter"));
        QCOMPARE(params[0].attributes.value(QLatin1String("name")).toString(), QStringLiteral("fill"));
        QCOMPARE(params[0].text, QStringLiteral("#006d2c"));
        QCOMPARE(params[1].attributes.value(QLatin1String("name")).toString(), QStringLiteral("fill-opacity"));
        QVERIFY(std::abs(params[1].text.toDouble() - 170 / 255.0) < 1e-6);

        // Points: booleans as 1/0 literals (GeoPackage stores them as integers), an else rule,
        // sizes in pixels at 96 dpi.
        const auto points = elements(StyleExport::sld(ResultStyles::forOutput(demandOutput(QString()), u"en"), 0, QStringLiteral("demand")));
        QCOMPARE(int(named(points, QStringLiteral("se:Rule")).size()), 3);
        QCOMPARE(named(points, QStringLiteral("ogc:Literal"))[0].text, QStringLiteral("1"));
        QCOMPARE(named(points, QStringLiteral("ogc:Literal"))[1].text, QStringLiteral("0"));
        QCOMPARE(int(named(points, QStringLiteral("se:ElseFilter")).size()), 1);
        QCOMPARE(named(points, QStringLiteral("se:WellKnownName"))[0].text, QStringLiteral("circle"));
        QVERIFY(std::abs(named(points, QStringLiteral("se:Size"))[0].text.toDouble() - 1.2 * 96 / 25.4) < 1e-6);
    }

    // The hazard analyses' outputs have styles of their own, not the fallback outline.
    void hazardOutputsStyled()
    {
        auto styleOf = [](const char *name) {
            OutputLayer o;
            o.id = QStringLiteral("x");
            o.style = QString::fromLatin1(name);
            return ResultStyles::forOutput(o, u"en");
        };
        const Style levels = styleOf("hazard_levels");
        QCOMPARE(levels.field, QStringLiteral("level"));
        QCOMPARE(int(levels.categories.size()), 5);
        QCOMPARE(levels.symbolFor(5)->fillColor.rgb(), QColor(215, 25, 28).rgb());
        QCOMPARE(levels.symbolFor(5)->fillColor.alpha(), 110);
        const Style exposure = styleOf("exposure");
        QCOMPARE(exposure.field, QStringLiteral("exposed_share"));
        QCOMPARE(exposure.symbolFor(0.0)->fillColor.alpha(), 0);             // no one exposed
        QCOMPARE(exposure.symbolFor(0.25)->fillColor, QColor(252, 174, 145, 180)); // 10–30 %
        QCOMPARE(exposure.symbolFor(1.0)->fillColor, QColor(203, 24, 29, 200));    // all exposed
        const Style scenario = styleOf("scenario_areas");
        QCOMPARE(scenario.field, QStringLiteral("newly_uncovered"));
        QCOMPARE(scenario.symbolFor(0.0)->fillColor.alpha(), 0);
        QCOMPARE(scenario.symbolFor(40.0)->fillColor, QColor(252, 146, 114, 170));
        QCOMPARE(scenario.symbolFor(150.0)->fillColor, QColor(203, 24, 29, 200));
        QCOMPARE(scenario.ranges[2].label, QStringLiteral("over 100 newly uncovered"));
        QCOMPARE(styleOf("unsuitable_shelters").symbol.marker, MarkerShape::Cross);
        QCOMPARE(styleOf("hazard_sources").symbol.marker, MarkerShape::Triangle);
        QCOMPARE(styleOf("hazard_closures").symbol.hatch, HatchPattern::DiagCross);
        const Style fallback = styleOf("no such style"); // an outline
        QCOMPARE(fallback.type, Style::Type::Single);
        QCOMPARE(fallback.symbol.fillColor.alpha(), 0);
    }

    void storedAndReadBack()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString gpkg = writeResults(dir);
        AnalysisResult result;
        result.outDir = dir.path();
        result.layers = {serviceAreasOutput(gpkg), demandOutput(gpkg)};
        OutputLayer absent = demandOutput(gpkg); // an optional layer the run did not write
        absent.id = QStringLiteral("per_unit");
        result.layers.push_back(absent);
        int styled = 0;
        const QStringList warnings = ResultStyleFiles::write(result, u"en", &styled);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        QCOMPARE(styled, 2);
        // The completion mark is back, nothing left aside.
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("summary.json"))));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList({QStringLiteral("results.gpkg"), QStringLiteral("summary.json")}));

        std::vector<StyleRow> rows = styleRows(gpkg);
        QCOMPARE(int(rows.size()), 2);
        QCOMPARE(rows[0].table, QStringLiteral("service_areas"));
        QCOMPARE(rows[0].isDefault, 1);
        QCOMPARE(rows[1].table, QStringLiteral("demand"));
        QVERIFY(rows[1].qml.contains(QLatin1String("categorizedSymbol")));
        QVERIFY(rows[1].sld.contains(QLatin1String("<se:PointSymbolizer>")));

        // Opened from the folder: the stored style, not the role's default; the style
        // table is no layer.
        const VectorLayer areas = VectorLayer::load(DataSource{gpkg, QStringLiteral("service_areas")});
        const Style expected = ResultStyles::forOutput(serviceAreasOutput(gpkg), u"en");
        QCOMPARE(areas.storedStyle(), expected.toJson());
        ProjectLayer pl;
        pl.role = Role::Other;
        QVERIFY(defaultStyle(pl, areas) == expected);
        QCOMPARE(VectorLayer::layerNames(gpkg), QStringList({QStringLiteral("service_areas"), QStringLiteral("demand")}));

        // A second run replaces its rows; a default the user made in QGIS for the table
        // stays in the table but is no longer the default.
        {
            GpkgStyle mine{QStringLiteral("demand"), QStringLiteral("geom"), QStringLiteral("my qgis style"),
                           QStringLiteral("<qgis/>"), QString(), QString()};
            GpkgStyles::write(gpkg, mine);
            const VectorLayer demand = VectorLayer::load(DataSource{gpkg, QStringLiteral("demand")});
            QVERIFY(demand.storedStyle().isEmpty()); // a QGIS-only style: Refuge keeps its defaults
        }
        QVERIFY(ResultStyleFiles::write(result, u"zh").isEmpty());
        rows = styleRows(gpkg);
        QCOMPARE(int(rows.size()), 3);
        int defaults = 0;
        for (const StyleRow &r : rows) {
            defaults += r.isDefault;
            if (r.name == QLatin1String("my qgis style"))
                QCOMPARE(r.isDefault, 0);
        }
        QCOMPARE(defaults, 2);
        const VectorLayer demand = VectorLayer::load(DataSource{gpkg, QStringLiteral("demand")});
        QCOMPARE(Style::fromJson(demand.storedStyle()).categories[0].label, QStringLiteral("可到达避难场所"));
    }

    void oneLayerWithStylesOpensWithoutName()
    {
        QTemporaryDir dir;
        VectorLayer l(QStringLiteral("network_problems"), GeometryType::Point, Crs::fromEpsg(26986));
        l.addFeature(Geometry::point({1, 2}));
        const QString gpkg = dir.filePath(QStringLiteral("problems.gpkg"));
        VectorWriter::write(l, gpkg);
        OutputLayer o;
        o.id = QStringLiteral("network_problems");
        o.file = gpkg;
        o.style = QStringLiteral("network_problems");
        AnalysisResult r;
        r.layers = {o};
        QVERIFY(ResultStyleFiles::write(r, u"en").isEmpty());
        const VectorLayer back = VectorLayer::load(DataSource{gpkg, QString()}); // no "has 2 layers"
        QCOMPARE(back.name(), QStringLiteral("problems"));
        QCOMPARE(back.featureCount(), 1);
        QVERIFY(!back.storedStyle().isEmpty());
    }

    void unwritableGeoPackageWarns()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("broken.gpkg"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a GeoPackage");
        f.close();
        QFile summary(dir.filePath(QStringLiteral("summary.json")));
        QVERIFY(summary.open(QIODevice::WriteOnly));
        summary.write("{}");
        summary.close();
        AnalysisResult r;
        r.outDir = dir.path();
        r.layers = {serviceAreasOutput(bad), demandOutput(bad)};
        const QStringList warnings = ResultStyleFiles::write(r, u"en");
        QCOMPARE(warnings.size(), 1); // one line for the file, not one per layer
        QVERIFY2(warnings[0].startsWith(bad + QStringLiteral(": ")), qPrintable(warnings[0]));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("summary.json"))));
        QCOMPARE(test::sha256(bad), QCryptographicHash::hash("not a GeoPackage", QCryptographicHash::Sha256).toHex()); // untouched
    }
};

QTEST_GUILESS_MAIN(TstResultStyleFiles)
#include "tst_resultstylefiles.moc"
