// Feedback: progress clamping and throttling, cancel, warnings, thread safety.
#include "util/Error.h"
#include "util/Feedback.h"

#include <QTest>
#include <limits>
#include <thread>
#include <vector>

using namespace refuge;

class TestFeedback : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void progressIsThrottledToHalfPercentSteps()
    {
        std::vector<double> calls;
        Feedback fb([&](double p) { calls.push_back(p); });
        for (double p : {0.0, 0.2, 0.6, 0.7, 1.2, 50.0, 50.4, 100.0, 100.0, 100.0})
            fb.setProgress(p);
        const std::vector<double> expected = {0.0, 0.6, 1.2, 50.0, 100.0};
        QCOMPARE(calls, expected);
        QCOMPARE(fb.progress(), 100.0);
    }

    void progressIsClamped()
    {
        std::vector<double> calls;
        Feedback fb([&](double p) { calls.push_back(p); });
        fb.setProgress(-20);
        QCOMPARE(fb.progress(), 0.0);
        fb.setProgress(250);
        QCOMPARE(fb.progress(), 100.0);
        const std::vector<double> expected = {0.0, 100.0};
        QCOMPARE(calls, expected);
    }

    void nanProgressIsIgnored()
    {
        int calls = 0;
        Feedback fb([&](double) { ++calls; });
        fb.setProgress(30);
        fb.setProgress(std::numeric_limits<double>::quiet_NaN());
        QCOMPARE(fb.progress(), 30.0);
        QCOMPARE(calls, 1);
    }

    void progressSpanMapsSteps()
    {
        std::vector<double> calls;
        Feedback fb([&](double p) { calls.push_back(p); });
        fb.setProgressSpan(0, 40);
        fb.setProgress(50);
        fb.setProgress(100);
        fb.setProgressSpan(40, 100);
        fb.setProgress(0);   // same as 40: not reported again
        fb.setProgress(50);
        fb.setProgress(100);
        const std::vector<double> expected = {20.0, 40.0, 70.0, 100.0};
        QCOMPARE(calls, expected);
        QCOMPARE(fb.progress(), 100.0);
    }

    void progressWithoutCallback()
    {
        Feedback fb;
        fb.setProgress(42.5);
        QCOMPARE(fb.progress(), 42.5);
    }

    void cancel()
    {
        Feedback fb;
        QVERIFY(!fb.isCanceled());
        fb.throwIfCanceled(); // no throw
        fb.cancel();
        QVERIFY(fb.isCanceled());
        QVERIFY_THROWS_EXCEPTION(Canceled, fb.throwIfCanceled());
    }

    void cancelFromAnotherThread()
    {
        Feedback fb;
        std::thread t([&] { fb.cancel(); });
        t.join();
        QVERIFY_THROWS_EXCEPTION(Canceled, fb.throwIfCanceled());
    }

    void warnings()
    {
        Feedback fb;
        QVERIFY(fb.warnings().isEmpty());
        fb.warn(QStringLiteral("3 features skipped"));
        fb.warn(QStringLiteral("编码: GBK"));
        QCOMPARE(fb.warnings(), (QStringList{QStringLiteral("3 features skipped"), QStringLiteral("编码: GBK")}));
    }

    void warningsFromManyThreads()
    {
        Feedback fb;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&fb, t] {
                for (int i = 0; i < 250; ++i) {
                    fb.warn(QStringLiteral("t%1 #%2").arg(t).arg(i));
                    fb.setProgress(i / 2.5);
                }
            });
        for (auto &t : threads)
            t.join();
        QCOMPARE(fb.warnings().size(), 1000);
    }

    // A progress callback may itself use the Feedback (e.g. read warnings or warn).
    void callbackMayUseTheFeedback()
    {
        Feedback *self = nullptr;
        int seen = -1;
        Feedback fb([&](double) {
            self->warn(QStringLiteral("progress"));
            seen = int(self->warnings().size());
        });
        self = &fb;
        fb.setProgress(10);
        fb.setProgress(20);
        QCOMPARE(seen, 2);
    }
};

QTEST_GUILESS_MAIN(TestFeedback)
#include "tst_feedback.moc"
