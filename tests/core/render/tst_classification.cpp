// Class breaks against hand-computed values.
#include "util/Classification.h"

#include <QTest>
#include <cmath>

using namespace refuge;
using Breaks = std::vector<double>;

class TestClassification : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void breaks_data();
    void breaks();
    void jenksIsOptimal();
    void jenksSamplesLargeInput();
    void classOf();
};

void TestClassification::breaks_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<Breaks>("values");
    QTest::addColumn<int>("classes");
    QTest::addColumn<Breaks>("expected");
    const int eq = int(ClassificationMethod::EqualInterval), qu = int(ClassificationMethod::Quantile),
              jk = int(ClassificationMethod::NaturalBreaks);
    QTest::newRow("equal 0..100 / 4") << eq << Breaks{0, 100, 37, 12} << 4 << Breaks{0, 25, 50, 75, 100};
    QTest::newRow("equal ignores NaN") << eq << Breaks{2, NAN, 8} << 3 << Breaks{2, 4, 6, 8};
    QTest::newRow("equal single value") << eq << Breaks{5, 5} << 3 << Breaks{5, 5};
    // 1..10, 2 classes: nearest rank ceil(1*10/2)=5 → 5.
    QTest::newRow("quantile 1..10 / 2") << qu << Breaks{10, 9, 8, 7, 6, 5, 4, 3, 2, 1} << 2 << Breaks{1, 5, 10};
    // 4 classes: ranks ceil(2.5)=3 → 3, 5 → 5, ceil(7.5)=8 → 8.
    QTest::newRow("quantile 1..10 / 4") << qu << Breaks{1, 2, 3, 4, 5, 6, 7, 8, 9, 10} << 4 << Breaks{1, 3, 5, 8, 10};
    // Ranks 3 and 5 are both 1: merged; the first class holds the minimum alone.
    QTest::newRow("quantile merges ties") << qu << Breaks{1, 1, 1, 1, 1, 1, 2} << 3 << Breaks{1, 1, 2};
    // Three obvious clusters.
    QTest::newRow("jenks clusters") << jk << Breaks{1, 2, 3, 10, 11, 12, 20, 21, 22} << 3 << Breaks{1, 3, 12, 22};
    // By hand (sum of squared deviations): {1..10 | 20} = 69.71 beats {1..7 | 9,10,20} = 96.8
    // and {1..9 | 10,20} = 95.33.
    QTest::newRow("jenks outlier") << jk << Breaks{20, 1, 2, 4, 5, 7, 9, 10} << 2 << Breaks{1, 10, 20};
    QTest::newRow("jenks fewer distinct than classes") << jk << Breaks{3, 3, 7, 7} << 5 << Breaks{3, 3, 7};
    QTest::newRow("jenks all equal") << jk << Breaks{4, 4, 4} << 3 << Breaks{4, 4};
    QTest::newRow("jenks empty") << jk << Breaks{} << 5 << Breaks{};
}

void TestClassification::breaks()
{
    QFETCH(int, method);
    QFETCH(Breaks, values);
    QFETCH(int, classes);
    QFETCH(Breaks, expected);
    const Breaks got = Classification::breaks(ClassificationMethod(method), values, classes);
    QCOMPARE(got, expected);
}

static double ssd(const Breaks &sorted, const Breaks &b)
{
    double total = 0;
    for (std::size_t c = 0; c + 1 < b.size(); ++c) {
        double s = 0, s2 = 0, n = 0;
        for (double v : sorted)
            if ((v > b[c] || (c == 0 && v == b[c])) && v <= b[c + 1]) {
                s += v;
                s2 += v * v;
                ++n;
            }
        if (n > 0)
            total += s2 - s * s / n;
    }
    return total;
}

void TestClassification::jenksIsOptimal()
{
    // Brute force over all 3-class splits of 12 values.
    const Breaks v{1, 4, 5, 6, 13, 14, 15, 22, 23, 40, 41, 44};
    const Breaks b = Classification::jenks(v, 3);
    QCOMPARE(int(b.size()), 4);
    double best = 1e300;
    for (std::size_t i = 0; i + 2 < v.size(); ++i)
        for (std::size_t j = i + 1; j + 1 < v.size(); ++j)
            best = std::min(best, ssd(v, {v.front(), v[i], v[j], v.back()}));
    QCOMPARE(ssd(v, b), best);
    QCOMPARE(b, Breaks({1, 6, 23, 44}));
}

void TestClassification::jenksSamplesLargeInput()
{
    Breaks v;
    for (int i = 0; i < 20000; ++i)
        v.push_back(i < 10000 ? i % 100 : 1000 + i % 100);
    const Breaks b = Classification::jenks(v, 2, 500);
    QCOMPARE(b, Breaks({0, 99, 1099}));
}

void TestClassification::classOf()
{
    const Breaks b{0, 10, 20};
    QCOMPARE(Classification::classOf(b, 0), 0);
    QCOMPARE(Classification::classOf(b, 10), 0);
    QCOMPARE(Classification::classOf(b, 10.5), 1);
    QCOMPARE(Classification::classOf(b, 20), 1);
    QCOMPARE(Classification::classOf(b, 21), -1);
    QCOMPARE(Classification::classOf(b, -1), -1);
}

QTEST_MAIN(TestClassification)
#include "tst_classification.moc"
