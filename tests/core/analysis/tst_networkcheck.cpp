// NetworkCheck on a hand-made network with every kind of problem, and the CLI's exit
// codes on Cambridge.
#include "../network/NetworkTestData.h"
#include "TestSupport.h"
#include "analysis/NetworkCheck.h"
#include "util/Feedback.h"

#include <QTemporaryDir>
#include <QTest>

using namespace refuge;
using namespace refuge::test;

class TestNetworkCheck : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void findsProblems()
    {
        const QString yes = QStringLiteral("yes");
        const RoadGraph g = buildGraph({{{{0, 0}, {100, 0}}},
                                        {{{100, 0}, {200, 0}}},
                                        {{{100, 0}, {200, 0}}},                 // duplicate
                                        {{{200, 0}, {300, 0}}, yes},            // one-way into a dead end: trap at 300
                                        {{{1000, 0}, {1100, 0}}}},              // island
                                       QStringLiteral("drive"));
        const Snapper s(g);
        const SnappedLayer fac = s.snapAll({{50, 5}, {1050, 5}, {5000, 5000}}, 300);
        Feedback fb;
        RoadGraphReport build;
        const NetworkCheckReport r = NetworkCheck::run(g, build, fac, {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}, fb);
        QCOMPARE(r.components(), 2);
        QCOMPARE(r.componentNodes[0], 4);
        QCOMPARE(r.componentNodes[1], 2);
        QCOMPARE(r.duplicateLinks, 1);
        QCOMPARE(r.oneWayTraps, 1);
        QCOMPARE(r.danglingEnds, 4); // 0, 300, 1000, 1100
        QCOMPARE(r.facilitiesOnIslands, QStringList{QStringLiteral("B")});
        QCOMPARE(r.unsnappedFacilities, QStringList{QStringLiteral("C")});
        QCOMPARE(r.problemCount(), 1 + 1 + 1 + 1 + 1);
        QVERIFY(r.problems.featureCount() >= 5);
        std::vector<int> sizes;
        const std::vector<int> comp = NetworkCheck::nodeComponents(g, &sizes);
        QCOMPARE(sizes, (std::vector<int>{4, 2}));
        QCOMPARE(comp[std::size_t(nodeAt(g, {1000, 0}))], 1);
        QCOMPARE(comp[std::size_t(nodeAt(g, {0, 0}))], 0);
    }

    void cliExitCodes()
    {
        QTemporaryDir dir;
        const QString gpkg = sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg"));
        const CliResult r = runCli({QStringLiteral("network-check"), QStringLiteral("--network"), gpkg + QStringLiteral(":streets"),
                                    QStringLiteral("--profile"), QStringLiteral("drive"), QStringLiteral("--oneway-field"),
                                    QStringLiteral("Direction"), QStringLiteral("--out"), dir.path(), QStringLiteral("--no-cache")});
        QCOMPARE(r.exitCode, 1); // Cambridge has a 2-node island and one-way dead ends
        QVERIFY(r.out.contains(QStringLiteral("connected component")));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("network_check.gpkg"))));
        const CliResult bad = runCli({QStringLiteral("network-check"), QStringLiteral("--network"), gpkg + QStringLiteral(":hospitals"),
                                      QStringLiteral("--out"), dir.path(), QStringLiteral("--no-cache")});
        QCOMPARE(bad.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestNetworkCheck)
#include "tst_networkcheck.moc"
