// CLI contract of refuge-cli coverage / fire-coverage / report / run on the Cambridge
// sample: files and keys exist, values are consistent with each other and with the
// tables, and bad input gives exit code 2 with a one-line message.
#include "TestSupport.h"
#include "model/VectorLayer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace refuge;
using namespace refuge::test;

namespace {

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QList<QStringList> readCsv(const QString &path)
{
    QFile f(path);
    QList<QStringList> rows;
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        // Fields here hold no commas except the quoted clause, which comes last.
        const qsizetype q = line.indexOf(QLatin1Char('"'));
        QStringList cells = (q < 0 ? line : line.left(q)).split(QLatin1Char(','));
        if (q >= 0)
            cells.last() = line.mid(q);
        rows << cells;
    }
    return rows;
}

QString gpkg() { return sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")); }

QStringList coverageArgs(const QString &out)
{
    const QString g = gpkg();
    return {QStringLiteral("coverage"), QStringLiteral("--network"), g + QStringLiteral(":streets"), QStringLiteral("--profile"),
            QStringLiteral("walk"), QStringLiteral("--facilities"), g + QStringLiteral(":shelters"), QStringLiteral("--facility-id"),
            QStringLiteral("Name"), QStringLiteral("--capacity-field"), QStringLiteral("Capacity"), QStringLiteral("--demand"),
            g + QStringLiteral(":blocks_2000"), QStringLiteral("--population-field"), QStringLiteral("POP_LAB"), QStringLiteral("--areas"),
            g + QStringLiteral(":neighborhoods"), QStringLiteral("--area-field"), QStringLiteral("NAME"), QStringLiteral("--max-meters"),
            QStringLiteral("800"), QStringLiteral("--no-cache"), QStringLiteral("--out"), out};
}

} // namespace

class TestCoverageCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void coverageContract()
    {
        QTemporaryDir dir;
        const CliResult r = runCli(coverageArgs(dir.path()));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject s = readJson(dir.filePath(QStringLiteral("summary.json")));
        for (const char *k : {"total_population", "covered_population", "covered_share", "assigned_population",
                              "unassigned_population", "unsnapped_facilities", "unsnapped_demand"})
            QVERIFY2(s.contains(QLatin1String(k)), k);
        const double total = s.value("total_population").toDouble(), covered = s.value("covered_population").toDouble();
        QCOMPARE(total, 101355.0);
        QCOMPARE(s.value("covered_share").toDouble(), covered / total);
        QCOMPARE(s.value("assigned_population").toDouble() + s.value("unassigned_population").toDouble(), total);
        QCOMPARE(s.value("unsnapped_facilities").toInt(), 0);

        const QList<QStringList> areas = readCsv(dir.filePath(QStringLiteral("areas.csv")));
        QCOMPARE(areas[0].mid(0, 8), (QStringList{"area", "population", "covered_population", "covered_share", "assigned_population",
                                                  "unassigned_population", "unassigned_no_reach", "unassigned_full"}));
        QVERIFY(areas[0].contains(QStringLiteral("shelter_area_per_resident")) && areas[0].contains(QStringLiteral("pass")));
        double sumPop = 0, sumCovered = 0, sumAssigned = 0;
        for (int i = 1; i < areas.size(); ++i) {
            sumPop += areas[i][1].toDouble();
            sumCovered += areas[i][2].toDouble();
            sumAssigned += areas[i][4].toDouble();
        }
        QCOMPARE(areas.size(), 14); // 13 neighbourhoods + header (everyone lives inside one)
        QCOMPARE(sumPop, total);
        QCOMPARE(sumCovered, covered);
        QCOMPARE(sumAssigned, s.value("assigned_population").toDouble());

        const QList<QStringList> fac = readCsv(dir.filePath(QStringLiteral("facilities.csv")));
        QCOMPARE(fac[0].mid(0, 5), (QStringList{"facility", "capacity", "population_in_reach", "assigned_population", "load_ratio"}));
        QCOMPARE(fac.size(), 16);
        double assigned = 0;
        for (int i = 1; i < fac.size(); ++i) {
            assigned += fac[i][3].toDouble();
            QVERIFY(fac[i][3].toDouble() <= fac[i][1].toDouble() + 1e-6);
        }
        QCOMPARE(assigned, s.value("assigned_population").toDouble());
        // Issue 12 item 13: by default no per-unit layer (demand, uncovered): the GeoPackage
        // holds the areas, the shelters and their service areas, as summary.json says.
        const QString gpkgOut = dir.filePath(QStringLiteral("coverage.gpkg"));
        QVERIFY(QFile::exists(gpkgOut));
        const QStringList layers{QStringLiteral("areas"), QStringLiteral("facilities"), QStringLiteral("service_areas")};
        QStringList written = VectorLayer::layerNames(gpkgOut);
        written.sort();
        QCOMPARE(written, layers);
        QCOMPARE(s.value("outputs").toObject().value("layers").toObject().value("coverage.gpkg").toArray(), QJsonArray::fromStringList(layers));
        QCOMPARE(VectorLayer::load(DataSource{gpkgOut, QStringLiteral("areas")}).featureCount(), 13);
        QCOMPARE(VectorLayer::load(DataSource{gpkgOut, QStringLiteral("facilities")}).featureCount(), 15);
    }
    // --demand-layer: coverage.gpkg also gets `demand`, one row per demand unit, and
    // `uncovered`, a view of the rows not covered; their people add up to the summary's.
    void demandLayerWhenAsked()
    {
        QTemporaryDir dir;
        const CliResult r = runCli(coverageArgs(dir.path()) << QStringLiteral("--demand-layer"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject s = readJson(dir.filePath(QStringLiteral("summary.json")));
        const double total = s.value("total_population").toDouble(), covered = s.value("covered_population").toDouble();
        QCOMPARE(total, 101355.0);
        QCOMPARE(covered, 52529.0);
        const QString gpkgOut = dir.filePath(QStringLiteral("coverage.gpkg"));
        QStringList written = VectorLayer::layerNames(gpkgOut);
        written.sort();
        QCOMPARE(written, (QStringList{"areas", "demand", "facilities", "service_areas", "uncovered"}));
        QCOMPARE(s.value("outputs").toObject().value("layers").toObject().value("coverage.gpkg").toArray(),
                 (QJsonArray{"demand", "areas", "facilities", "service_areas", "uncovered"}));
        const CliResult info = runCli({QStringLiteral("info"), gpkgOut});
        for (const char *layer : {"demand", "uncovered", "areas", "facilities", "service_areas"})
            QVERIFY2(info.out.contains(QLatin1String(layer)), layer);
        const VectorLayer demand = VectorLayer::load(DataSource{gpkgOut, QStringLiteral("demand")});
        const VectorLayer uncovered = VectorLayer::load(DataSource{gpkgOut, QStringLiteral("uncovered")});
        QCOMPARE(demand.featureCount(), s.value("demand_units").toInt());
        int notCovered = 0;
        double demandPop = 0, coveredPop = 0, uncoveredPop = 0;
        for (int i = 0; i < demand.featureCount(); ++i) {
            const double pop = demand.attribute(i, QStringLiteral("population")).toDouble();
            const bool isCovered = demand.attribute(i, QStringLiteral("covered")).toBool();
            demandPop += pop;
            coveredPop += isCovered ? pop : 0;
            notCovered += isCovered ? 0 : 1;
        }
        QCOMPARE(demandPop, total);
        QCOMPARE(coveredPop, covered);
        // "uncovered" (a view) holds exactly the demand rows not covered: their people are
        // the total minus the covered.
        for (int i = 0; i < uncovered.featureCount(); ++i) {
            QVERIFY(!uncovered.attribute(i, QStringLiteral("covered")).toBool());
            uncoveredPop += uncovered.attribute(i, QStringLiteral("population")).toDouble();
        }
        QVERIFY(notCovered > 100);
        QCOMPARE(uncovered.featureCount(), notCovered);
        QCOMPARE(uncovered.fields().size(), demand.fields().size());
        QVERIFY(std::abs(uncoveredPop - (total - covered)) < 1e-6 * total);
    }
    void euclideanAndOptimal()
    {
        QTemporaryDir dir;
        QStringList a = coverageArgs(dir.path());
        const qsizetype n = a.indexOf(QStringLiteral("--network"));
        a.remove(n, 2);
        a << QStringLiteral("--euclidean") << QStringLiteral("--assignment") << QStringLiteral("optimal");
        const CliResult r = runCli(a);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject s = readJson(dir.filePath(QStringLiteral("summary.json")));
        QCOMPARE(s.value("assignment").toString(), QStringLiteral("optimal"));
        QCOMPARE(s.value("method").toString(), QStringLiteral("straight line"));
        // Optimal assigns at least as many as the total capacity allows and no more.
        QVERIFY(s.value("assigned_population").toDouble() <= s.value("total_capacity").toDouble() + 1e-6);
    }
    void badInput_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing population field") << "--population-field" << "POP100" << "no field 'POP100'";
        QTest::newRow("missing capacity field") << "--capacity-field" << "Beds" << "no field 'Beds'";
        QTest::newRow("limit zero") << "--max-meters" << "0" << "max-meters";
        QTest::newRow("bad assignment") << "--assignment" << "random" << "unknown assignment";
        QTest::newRow("bad standard") << "--standard" << "atlantis" << "unknown standard";
        QTest::newRow("duplicate ids") << "--facility-id" << "Type" << "duplicate facility id";
    }
    void badInput()
    {
        QFETCH(QString, flag);
        QFETCH(QString, value);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QStringList a = coverageArgs(dir.path());
        const qsizetype i = a.indexOf(flag);
        if (i >= 0)
            a[i + 1] = value;
        else
            a << flag << value;
        const CliResult r = runCli(a);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.err.count(QStringLiteral("refuge-cli: ")), 1); // one line, one message
    }
    void fireContract()
    {
        QTemporaryDir dir;
        const QString g = gpkg();
        const CliResult r = runCli({QStringLiteral("fire-coverage"), QStringLiteral("--network"), g + QStringLiteral(":streets"),
                                    QStringLiteral("--oneway-field"), QStringLiteral("Direction"), QStringLiteral("--facilities"),
                                    g + QStringLiteral(":fire_stations"), QStringLiteral("--facility-id"), QStringLiteral("ENGINE"),
                                    QStringLiteral("--official"), g + QStringLiteral(":engine_districts"), QStringLiteral("--official-field"),
                                    QStringLiteral("ENGINE"), QStringLiteral("--demand"), g + QStringLiteral(":blocks_2000"),
                                    QStringLiteral("--population-field"), QStringLiteral("POP_LAB"), QStringLiteral("--max-minutes"),
                                    QStringLiteral("5"), QStringLiteral("--no-cache"), QStringLiteral("--out"), dir.path()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject s = readJson(dir.filePath(QStringLiteral("summary.json")));
        for (const char *k : {"total_population", "reached_population", "reached_share", "agreement_area_share",
                              "agreement_population_share", "study_area_km2", "reached_area_km2"})
            QVERIFY2(s.contains(QLatin1String(k)), k);
        QCOMPARE(s.value("total_population").toDouble(), 101355.0);
        const double share = s.value("agreement_area_share").toDouble();
        QVERIFY(share > 0.5 && share <= 1.0);
        const QList<QStringList> zones = readCsv(dir.filePath(QStringLiteral("zones.csv")));
        QCOMPARE(zones.size(), 9);
        double area = 0, pop = 0;
        for (int i = 1; i < zones.size(); ++i) {
            area += zones[i][3].toDouble();
            pop += zones[i][8].toDouble();
        }
        // Cells no street reaches (the river, parks beyond --snap-max) belong to no zone.
        QVERIFY(area <= s.value("study_area_km2").toDouble() + 1e-9);
        QVERIFY(area >= 0.9 * s.value("study_area_km2").toDouble());
        QVERIFY(pop <= s.value("total_population").toDouble() + 1e-6);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("fire.gpkg"))));
    }
};

QTEST_MAIN(TestCoverageCli)
#include "tst_coverage_cli.moc"
