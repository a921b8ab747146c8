// refuge-cli site end to end on the Cambridge sample (real streets, 2000 census blocks,
// the 15 shelters kept, the 18 public schools as candidates, 800 m walk): the curve
// starts at exactly the population `refuge-cli coverage` finds within reach of the
// existing shelters, grows with k, and the chosen sites' gains add up to it; the
// files agree with each other; bad input is refused with exit 2 and one line naming it.
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace refuge::test;

namespace {

QString gpkg() { return sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg")); }

QStringList networkArgs()
{
    return {QStringLiteral("--network"), gpkg() + QStringLiteral(":streets"), QStringLiteral("--from-node-field"), QStringLiteral("FromNode"),
            QStringLiteral("--to-node-field"), QStringLiteral("ToNode"), QStringLiteral("--oneway-field"), QStringLiteral("Direction"),
            QStringLiteral("--max-meters"), QStringLiteral("800"), QStringLiteral("--demand"), gpkg() + QStringLiteral(":blocks_2000"),
            QStringLiteral("--population-field"), QStringLiteral("POP_LAB"), QStringLiteral("--no-cache")};
}

QStringList siteArgs(const QString &out)
{
    return QStringList{QStringLiteral("site")} + networkArgs()
        + QStringList{QStringLiteral("--candidates"), sourcePath(QStringLiteral("maps/cambridge/public_schools.gpkg")), QStringLiteral("--name-field"),
                      QStringLiteral("SITE_NAME"), QStringLiteral("--existing"), gpkg() + QStringLiteral(":shelters"), QStringLiteral("--out"), out};
}

QJsonObject summaryOf(const QString &dir)
{
    QFile f(QDir(dir).filePath(QStringLiteral("summary.json")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QList<QStringList> csv(const QString &path)
{
    QFile f(path);
    QList<QStringList> rows;
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (!line.trimmed().isEmpty() && !line.contains('"'))
            rows << QString::fromUtf8(line.trimmed()).split(QLatin1Char(','));
    return rows;
}

} // namespace

class TestSitingJob : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cambridgeCurveStartsAtCoverage();
    void badInputRefused_data();
    void badInputRefused();
};

void TestSitingJob::cambridgeCurveStartsAtCoverage()
{
    QTemporaryDir dir;
    const QString siteOut = dir.filePath(QStringLiteral("site")), covOut = dir.filePath(QStringLiteral("coverage"));
    const CliResult cov = runCli(QStringList{QStringLiteral("coverage")} + networkArgs()
                                 + QStringList{QStringLiteral("--facilities"), gpkg() + QStringLiteral(":shelters"), QStringLiteral("--capacity-field"),
                                               QStringLiteral("Capacity"), QStringLiteral("--out"), covOut});
    QVERIFY2(cov.exitCode == 0 || cov.exitCode == 1, qPrintable(cov.err));
    const double existingCovered = summaryOf(covOut).value(QStringLiteral("covered_population")).toDouble();
    QVERIFY(existingCovered > 0);

    QStringList args = siteArgs(siteOut);
    args << QStringLiteral("--k") << QStringLiteral("3") << QStringLiteral("--solver") << QStringLiteral("exact");
    const CliResult r = runCli(args);
    // Exit 1: some blocks are beyond 800 m of every school and shelter (listed by row).
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QLatin1String("unreachable demand units: row ")), qPrintable(r.out + r.err));
    const QJsonObject s = summaryOf(siteOut);
    QVERIFY(s.value(QStringLiteral("complete")).toBool());
    QCOMPARE(s.value(QStringLiteral("k")).toInt(), 3);
    QVERIFY(s.value(QStringLiteral("optimal")).toBool());
    QVERIFY(s.value(QStringLiteral("feasible")).toBool()); // MCLP leaves people out by design: not a failure
    QVERIFY(s.value(QStringLiteral("partial")).toBool());  // ... but the unreachable blocks are
    QCOMPARE(s.value(QStringLiteral("gap")).toDouble(), 0.0);
    QCOMPARE(s.value(QStringLiteral("sites")).toArray().size(), 3);
    QCOMPARE(s.value(QStringLiteral("candidates")).toInt(), 18);
    QCOMPARE(s.value(QStringLiteral("existing")).toInt(), 15);
    QCOMPARE(s.value(QStringLiteral("total_population")).toDouble(), 101355.0);
    const double objective = s.value(QStringLiteral("objective")).toDouble();
    QCOMPARE(objective, s.value(QStringLiteral("covered_population")).toDouble());

    // curve.csv: k = 0 (existing shelters only) is coverage's own figure; never falls.
    const QList<QStringList> curve = csv(QDir(siteOut).filePath(QStringLiteral("curve.csv")));
    QCOMPARE(curve.size(), 5); // header + k = 0..3
    QCOMPARE(curve[1][0], QStringLiteral("0"));
    QCOMPARE(curve[1][1].toDouble(), existingCovered);
    for (int k = 2; k < curve.size(); ++k)
        QVERIFY(curve[k][1].toDouble() >= curve[k - 1][1].toDouble());
    QCOMPARE(curve.last()[1].toDouble(), objective);

    // sites.csv: ranked, gains adding up from the existing coverage to the objective.
    QFile sites(QDir(siteOut).filePath(QStringLiteral("sites.csv")));
    QVERIFY(sites.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(sites.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines[1].startsWith(QLatin1String("1,")));
    QVERIFY(QFile::exists(QDir(siteOut).filePath(QStringLiteral("sites.gpkg"))));
}

void TestSitingJob::badInputRefused_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("message");
    QTest::newRow("k larger than the candidates") << QStringList{QStringLiteral("--k"), QStringLiteral("40")}
                                                  << QStringLiteral("k = 40 new sites asked, but there are 18 candidate sites");
    QTest::newRow("unknown model") << QStringList{QStringLiteral("--model"), QStringLiteral("nearest")} << QStringLiteral("--model");
    QTest::newRow("k with lscp") << QStringList{QStringLiteral("--model"), QStringLiteral("lscp"), QStringLiteral("--k"), QStringLiteral("2")}
                                 << QStringLiteral("does not apply to lscp");
    QTest::newRow("k not whole") << QStringList{QStringLiteral("--k"), QStringLiteral("2.5")} << QStringLiteral("whole number");
    QTest::newRow("grid and candidates") << QStringList{QStringLiteral("--grid"), QStringLiteral("200")} << QStringLiteral("not both");
    QTest::newRow("capacity with pcenter") << QStringList{QStringLiteral("--model"), QStringLiteral("pcenter"), QStringLiteral("--capacity-field"), QStringLiteral("SHEL_CAP")}
                                           << QStringLiteral("--capacity-field");
}

void TestSitingJob::badInputRefused()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const CliResult r = runCli(siteArgs(dir.filePath(QStringLiteral("out"))) + extra);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0); // one line
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out/summary.json"))));
}

QTEST_GUILESS_MAIN(TestSitingJob)
#include "tst_sitingjob.moc"
