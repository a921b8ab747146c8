// The hazardous-chemical sites' "one map, one table" (一张图一张表) end to end on the
// Cambridge sample: a hazmat register (two exercise sites placed inside a
// neighbourhood by OGR, each with its own isolation and protection distances, code and
// name) added to the project; `refuge-cli exposure` names the sites and measures
// their distances as registered; `refuge-cli atlas --layout hazmat-sites-a4 --lang
// zh_CN` prints one page per neighbourhood: the sites' neighbourhood lists both with
// the exposure run's figures (and the streets' legend in Chinese), the others say
// there is none.
#include "CliEnvironment.h"
#include "TestSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

using namespace refuge::test;

namespace {

QString gpkg() { return sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")); }

// Two sites 40 m apart at a point inside the first neighbourhood (OGR's point on
// surface), written in the neighbourhoods' CRS; returns that neighbourhood's NAME.
QString writeSites(const QString &path)
{
    GDALAllRegister();
    GDALDatasetH in = GDALOpenEx(gpkg().toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    OGRLayerH hoods = GDALDatasetGetLayerByName(in, "neighborhoods");
    OGR_L_ResetReading(hoods);
    OGRFeatureH first = OGR_L_GetNextFeature(hoods);
    const QString name = QString::fromUtf8(OGR_F_GetFieldAsString(first, OGR_F_GetFieldIndex(first, "NAME")));
    OGRGeometryH inside = OGR_G_PointOnSurface(OGR_F_GetGeometryRef(first));
    const double x = OGR_G_GetX(inside, 0), y = OGR_G_GetY(inside, 0);
    GDALDatasetH out = GDALCreate(GDALGetDriverByName("GPKG"), path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    OGRLayerH sites = GDALDatasetCreateLayer(out, "sites", OGR_L_GetSpatialRef(hoods), wkbPoint, nullptr);
    for (const char *f : {"code", "title"}) {
        OGRFieldDefnH d = OGR_Fld_Create(f, OFTString);
        OGR_L_CreateField(sites, d, TRUE);
        OGR_Fld_Destroy(d);
    }
    for (const char *f : {"iso", "prot"}) {
        OGRFieldDefnH d = OGR_Fld_Create(f, OFTReal);
        OGR_L_CreateField(sites, d, TRUE);
        OGR_Fld_Destroy(d);
    }
    const struct { const char *code, *title; double dx, iso, prot; } rows[] = {{"HZ-1", "Exercise site A", 0, 100, 600}, {"HZ-2", "Exercise site B", 40, 50, 300}};
    for (const auto &row : rows) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(sites));
        OGR_F_SetFieldString(f, 0, row.code);
        OGR_F_SetFieldString(f, 1, row.title);
        OGR_F_SetFieldDouble(f, 2, row.iso);
        OGR_F_SetFieldDouble(f, 3, row.prot);
        OGRGeometryH p = OGR_G_CreateGeometry(wkbPoint);
        OGR_G_SetPoint_2D(p, 0, x + row.dx, y);
        OGR_F_SetGeometryDirectly(f, p);
        OGR_L_CreateFeature(sites, f);
        OGR_F_Destroy(f);
    }
    GDALClose(out);
    OGR_G_DestroyGeometry(inside);
    OGR_F_Destroy(first);
    GDALClose(in);
    return name;
}

// The sample project with absolute sources, the register as a hazmat layer, no atlas section.
QString writeProject(const QString &dir, const QString &sites)
{
    QFile in(sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")));
    in.open(QIODevice::ReadOnly);
    QJsonObject p = QJsonDocument::fromJson(in.readAll()).object();
    QJsonArray layers;
    for (const QJsonValue &v : p.value(QStringLiteral("layers")).toArray()) {
        QJsonObject l = v.toObject();
        l.insert(QStringLiteral("source"), gpkg());
        layers.append(l);
    }
    layers.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("hazmat")},
                              {QStringLiteral("name"), QStringLiteral("Hazardous-chemical sites")},
                              {QStringLiteral("source"), sites},
                              {QStringLiteral("role"), QStringLiteral("hazard")},
                              {QStringLiteral("fields"), QJsonObject{{QStringLiteral("id"), QStringLiteral("code")}, {QStringLiteral("name"), QStringLiteral("title")}}},
                              {QStringLiteral("hazard"), QJsonObject{{QStringLiteral("type"), QStringLiteral("hazmat")},
                                                                     {QStringLiteral("level"), QJsonObject{{QStringLiteral("constant"), 5}}},
                                                                     {QStringLiteral("isolation_field"), QStringLiteral("iso")},
                                                                     {QStringLiteral("protection_field"), QStringLiteral("prot")}}}});
    p.insert(QStringLiteral("layers"), layers);
    p.remove(QStringLiteral("atlas"));
    const QString path = QDir(dir).filePath(QStringLiteral("hazmat.refuge"));
    QFile out(path);
    out.open(QIODevice::WriteOnly);
    out.write(QJsonDocument(p).toJson());
    return path;
}

QString pdfText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestHazmatAtlasCli : public QObject {
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_xdg;
    QTemporaryDir m_cache;
private slots:
    void initTestCase()
    {
        m_xdg = ensureXdgRuntimeDir();
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_cache.path()));
    }

    void onePagePerNeighbourhood()
    {
        QTemporaryDir dir;
        const QString sites = dir.filePath(QStringLiteral("sites.gpkg"));
        const QString hood = writeSites(sites);
        QVERIFY(!hood.isEmpty());
        const QString project = writeProject(dir.path(), sites);
        const QString results = dir.filePath(QStringLiteral("exposure"));
        CliResult r = runCli({QStringLiteral("exposure"), project, QStringLiteral("--out"), results});
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(r.err));

        // The sources table: the register's codes, names and distances, in its order.
        QFile csv(QDir(results).filePath(QStringLiteral("exposure_sources.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        const QStringList header = lines[0].split(QLatin1Char(','));
        auto cell = [&](int row, const char *column) { return lines[row].split(QLatin1Char(','))[header.indexOf(QLatin1String(column))]; };
        QCOMPARE(cell(1, "id"), QStringLiteral("HZ-1"));
        QCOMPARE(cell(1, "name"), QStringLiteral("Exercise site A"));
        QCOMPARE(cell(1, "community"), hood);
        QCOMPARE(cell(1, "isolation_m").toDouble(), 100.0);
        QCOMPARE(cell(1, "protection_m").toDouble(), 600.0);
        QCOMPARE(cell(2, "protection_m").toDouble(), 300.0);
        const double protA = cell(1, "pop_protection").toDouble(), protB = cell(2, "pop_protection").toDouble();
        QVERIFY(protA > protB && protB > 0); // 600 m around A holds more people than 300 m around B, 40 m away

        const QString atlas = dir.filePath(QStringLiteral("atlas"));
        r = runCli({QStringLiteral("atlas"), project, QStringLiteral("--coverage"), QStringLiteral("neighborhoods"), QStringLiteral("--layout"),
                    QStringLiteral("hazmat-sites-a4"), QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--field"), QStringLiteral("NAME"),
                    QStringLiteral("--results"), results, QStringLiteral("--out"), atlas});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QVERIFY2(r.out.contains(QLatin1String("13 pages exported, 0 failed")), qPrintable(r.out));
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("poppler-utils is not installed");
        const QString text = pdfText(QDir(atlas).filePath(hood + QStringLiteral(".pdf")));
        for (const QString &expected : {QStringLiteral("辖区内危险化学品企业 2 家"), QStringLiteral("Exercise site A"), QStringLiteral("Exercise site B"),
                                        QString::number(std::llround(protA)), QString::number(std::llround(protB)),
                                        QString::number(std::llround(protA + protB))})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in: ") + text));
        // The streets' default legend in Chinese on a Chinese page.
        QVERIFY2(!text.contains(QLatin1String(" road")) && (text.contains(QStringLiteral("支路")) || text.contains(QStringLiteral("主干道"))), qPrintable(text));
        int without = 0;
        for (const QString &pdf : QDir(atlas).entryList({QStringLiteral("*.pdf")}))
            without += pdfText(QDir(atlas).filePath(pdf)).contains(QStringLiteral("本辖区内没有危险化学品企业")) ? 1 : 0;
        QCOMPARE(without, 12);
    }
};

QTEST_GUILESS_MAIN(TestHazmatAtlasCli)
#include "tst_hazmat_atlas_cli.moc"
