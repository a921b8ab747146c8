#pragma once
// Progress and cancellation for long-running core functions. A Feedback is owned by
// the caller (GUI or CLI); the worker calls setProgress()/throwIfCanceled()/warn()
// from any thread. cancel() may be called from any thread.
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <mutex>

namespace refuge {

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
};

} // namespace refuge
