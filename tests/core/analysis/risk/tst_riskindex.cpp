// RiskIndex on a small table computed by hand: min–max and rank normalisation (ties,
// reversed indicators), the INFORM-style weighted geometric mean and the weighted sum,
// fixed and natural-breaks classes, labels, missing values and bad settings.
#include "TestSupport.h"
#include "analysis/risk/RiskIndex.h"
#include "util/Error.h"

#include <QJsonArray>
#include <QTest>
#include <cmath>

using namespace refuge;

namespace {

// Exposure share (weight 2) and population density (weight 1) of four communities.
std::vector<RiskIndicator> table()
{
    return {{QStringLiteral("exposure_share"), QStringLiteral("Exposure"), 2, true, {0.0, 0.5, 1.0, 0.25}},
            {QStringLiteral("density"), QStringLiteral("Density"), 1, true, {100, 300, 200, 500}}};
}

double inform(double x1, double x2) // weights 2 and 1 on the 1–10 scale, back to 0–1
{
    return (std::cbrt((1 + 9 * x1) * (1 + 9 * x1) * (1 + 9 * x2)) - 1) / 9;
}

} // namespace

class TestRiskIndex : public QObject {
    Q_OBJECT
private slots:
    void normalisation()
    {
        QCOMPARE(RiskIndex::normalise({100, 300, 200, 500}, RiskNormalisation::MinMax, true), (std::vector<double>{0, 0.5, 0.25, 1}));
        QCOMPARE(RiskIndex::normalise({100, 300, 200, 500}, RiskNormalisation::MinMax, false), (std::vector<double>{1, 0.5, 0.75, 0}));
        QCOMPARE(RiskIndex::normalise({7, 7}, RiskNormalisation::MinMax, true), (std::vector<double>{0, 0}));
        // Ranks 0…n−1 over n−1; ties share their average rank.
        QCOMPARE(RiskIndex::normalise({0.0, 0.5, 1.0, 0.25}, RiskNormalisation::Rank, true), (std::vector<double>{0, 2.0 / 3, 1, 1.0 / 3}));
        QCOMPARE(RiskIndex::normalise({1, 1, 2}, RiskNormalisation::Rank, true), (std::vector<double>{0.25, 0.25, 1}));
        const auto missing = RiskIndex::normalise({1, std::nan(""), 3}, RiskNormalisation::MinMax, true);
        QCOMPARE(missing[0], 0.0);
        QVERIFY(std::isnan(missing[1]));
        QCOMPARE(missing[2], 1.0);
    }

    void geometricMeanAndFixedClasses()
    {
        RiskSettings s;
        s.classMethod = RiskClassMethod::Fixed; // 0.2, 0.4, 0.6, 0.8
        const RiskResult r = RiskIndex::compute(table(), s);
        // Normalised: exposure 0, .5, 1, .25; density 0, .5, .25, 1.
        const std::vector<double> expected{inform(0, 0), inform(0.5, 0.5), inform(1, 0.25), inform(0.25, 1)};
        for (std::size_t c = 0; c < 4; ++c)
            QVERIFY2(std::abs(r.index[c] - expected[c]) < 1e-12, qPrintable(QString::number(r.index[c])));
        QCOMPARE(r.index[0], 0.0);
        QVERIFY(std::abs(r.index[1] - 0.5) < 1e-12);                         // (5.5 − 1) / 9
        QVERIFY(std::abs(r.index[2] - (std::cbrt(325.0) - 1) / 9) < 1e-12);  // 0.65281…
        QCOMPARE(r.riskClass, (std::vector<int>{1, 3, 4, 3}));
        QCOMPARE(RiskIndex::classLabel(4, true), QStringLiteral("较高"));
        QCOMPARE(RiskIndex::classLabel(5, false), QStringLiteral("High"));
    }

    void weightedSum()
    {
        RiskSettings s;
        s.aggregation = RiskAggregation::WeightedSum;
        s.classMethod = RiskClassMethod::Fixed;
        const RiskResult r = RiskIndex::compute(table(), s);
        QCOMPARE(r.index, (std::vector<double>{0.0, 0.5, 2.25 / 3, 1.5 / 3}));
        QCOMPARE(r.riskClass, (std::vector<int>{1, 3, 4, 3}));
        // A weight override from the settings: density only.
        s.weights = {{QStringLiteral("exposure_share"), 0.0}};
        QCOMPARE(RiskIndex::compute(table(), s).index, (std::vector<double>{0, 0.5, 0.25, 1}));
    }

    void missingValueLeavesIndicatorOut()
    {
        auto t = table();
        t[1].values[3] = std::nan("");
        RiskSettings s;
        s.aggregation = RiskAggregation::WeightedSum;
        const RiskResult r = RiskIndex::compute(t, s);
        QCOMPARE(r.index[3], 0.25); // exposure alone (density renormalised over the other three)
        QCOMPARE(r.normalised[1][2], 0.5); // 200 between 100 and 300
    }

    void naturalBreaks()
    {
        // Five clear clusters: one class each.
        RiskIndicator ind{QStringLiteral("x"), QStringLiteral("x"), 1, true, {0, 0.02, 0.3, 0.31, 0.5, 0.52, 0.7, 0.71, 0.98, 1}};
        RiskSettings s;
        s.aggregation = RiskAggregation::WeightedSum;
        const RiskResult r = RiskIndex::compute({ind}, s);
        QCOMPARE(r.riskClass, (std::vector<int>{1, 1, 2, 2, 3, 3, 4, 4, 5, 5}));
        QCOMPARE(int(r.breaks.size()), 4);
    }

    void badInput()
    {
        QVERIFY_THROWS_EXCEPTION(InvalidInput, RiskIndex::compute({}, RiskSettings()));
        auto t = table();
        t[1].values.pop_back();
        QVERIFY_THROWS_EXCEPTION(InvalidInput, RiskIndex::compute(t, RiskSettings()));
        try {
            RiskSettings::fromJson(QJsonObject{{QStringLiteral("aggregation"), QStringLiteral("max")}}, QStringLiteral("analysis.risk"));
            QFAIL("accepted");
        } catch (const InvalidInput &e) {
            QCOMPARE(e.message(), QStringLiteral("analysis.risk.aggregation: 'max' is not one of geometric_mean, weighted_sum"));
        }
        QVERIFY_THROWS_EXCEPTION(InvalidInput, RiskSettings::fromJson(QJsonObject{{QStringLiteral("fixed_breaks"), QJsonArray{0.1, 0.2}}}, QStringLiteral("r")));
        const RiskSettings back = RiskSettings::fromJson(RiskSettings().toJson(), QStringLiteral("r"));
        QCOMPARE(back.toJson(), RiskSettings().toJson());
    }
};

QTEST_GUILESS_MAIN(TestRiskIndex)
#include "tst_riskindex.moc"
