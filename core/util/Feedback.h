#pragma once
// Progress and cancellation for long-running core functions. A Feedback is owned by
// the caller (GUI or CLI); the worker calls setProgress()/throwIfCanceled()/warn()
// from any thread. cancel() may be called from any thread.
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <mutex>
#include <vector>

namespace refuge {

// A source feature left out of an analysis: where from, which (the FID GDAL gives,
// -1 when unknown; the value of the layer's id field when there is one) and why.
// summary.json lists every one under "dropped".
struct DroppedFeature {
    QString source;
    qint64 fid = -1;
    QString id;
    QString reason;
};

// "13 of 14 facilities used; 1 dropped: fid 7 'S7' (non-finite coordinate)": up to 10
// features named, grouped by reason; `features` may name fewer than `droppedCount`.
QString droppedFeaturesMessage(qint64 read, qint64 used, qint64 droppedCount, const std::vector<DroppedFeature> &features, const QString &what);

class Feedback {
public:
    using ProgressCallback = std::function<void(double percent)>;

    Feedback() = default;
    explicit Feedback(ProgressCallback onProgress) : m_onProgress(std::move(onProgress)) {}

    void cancel() noexcept { m_canceled.store(true); }
    bool isCanceled() const noexcept { return m_canceled.load() || s_cancelAll.load(); }
    void throwIfCanceled() const;

    // A process-wide cancel request (refuge-cli on SIGINT/SIGTERM or console close):
    // from then on every Feedback reads as canceled. Async-signal-safe (a lock-free
    // atomic store), so a signal handler may call it.
    static void requestCancelAll() noexcept { s_cancelAll.store(true); }
    static bool cancelAllRequested() noexcept { return s_cancelAll.load(); }
    // For loops that have no Feedback of their own (file writers): throws Canceled
    // after requestCancelAll().
    static void throwIfCancelAllRequested();

    // percent in [0, 100]; calls the callback when it changes by at least 0.5.
    void setProgress(double percent);
    // A job of several steps that each report 0–100: the steps' progress from now on
    // is mapped into [from, to] of the whole (default [0, 100]). Any thread.
    void setProgressSpan(double from, double to);
    double progress() const noexcept { return m_progress.load(); }

    // Non-fatal problems (skipped features, guessed encodings...) collected for reports.
    void warn(const QString &message);
    QStringList warnings() const;
    // Input data left out (dropped features, unusable attribute values): a warning
    // (naming the file) that the CLI also prints on stderr, plus the features it names.
    void inputProblem(const QString &message, const std::vector<DroppedFeature> &features = {});
    // droppedFeaturesMessage() naming `source` as an inputProblem (nothing when none was dropped).
    void reportDropped(const QString &source, const QString &what, qint64 read, qint64 used, qint64 droppedCount,
                       std::vector<DroppedFeature> features);
    QStringList inputProblems() const;
    std::vector<DroppedFeature> droppedFeatures() const;

private:
    ProgressCallback m_onProgress;
    std::atomic<bool> m_canceled{false};
    std::atomic<double> m_progress{0.0};
    std::atomic<double> m_spanFrom{0.0}, m_spanTo{100.0};
    double m_lastReported = -1.0;
    mutable std::mutex m_mutex;
    QStringList m_warnings;
    static std::atomic<bool> s_cancelAll;
    static_assert(std::atomic<bool>::is_always_lock_free, "signal handlers need a lock-free flag");
    QStringList m_inputProblems;
    std::vector<DroppedFeature> m_dropped;
};

} // namespace refuge
