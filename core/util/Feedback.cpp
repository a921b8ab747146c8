#include "util/Feedback.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>

namespace refuge {

std::atomic<bool> Feedback::s_cancelAll{false};

void Feedback::throwIfCanceled() const
{
    if (isCanceled())
        throw Canceled();
}

void Feedback::throwIfCancelAllRequested()
{
    if (s_cancelAll.load())
        throw Canceled();
}

void Feedback::setProgress(double percent)
{
    if (std::isnan(percent))
        return;
    const double from = m_spanFrom.load(), to = m_spanTo.load();
    percent = from + std::clamp(percent, 0.0, 100.0) * (to - from) / 100.0;
    m_progress.store(percent);
    if (!m_onProgress)
        return;
    {
        std::lock_guard lock(m_mutex);
        const bool finished = percent >= 100.0 && m_lastReported < 100.0;
        if (!finished && !(std::abs(percent - m_lastReported) >= 0.5))
            return;
        m_lastReported = percent;
    }
    // Outside the lock: the callback may call warn()/warnings() on this Feedback.
    m_onProgress(percent);
}

void Feedback::setProgressSpan(double from, double to)
{
    from = std::clamp(from, 0.0, 100.0);
    m_spanFrom.store(from);
    m_spanTo.store(std::clamp(to, from, 100.0));
}

void Feedback::warn(const QString &message)
{
    std::lock_guard lock(m_mutex);
    m_warnings << message;
}

QStringList Feedback::warnings() const
{
    std::lock_guard lock(m_mutex);
    return m_warnings;
}

QString droppedFeaturesMessage(qint64 read, qint64 used, qint64 n, const std::vector<DroppedFeature> &features, const QString &what)
{
    // By reason, in the order first met: "fid 7, fid 9 'S9' (non-finite coordinate)".
    constexpr int kListed = 10;
    QStringList reasons;
    QList<QStringList> listed;
    int shown = 0;
    for (const DroppedFeature &d : features) {
        if (shown == kListed)
            break;
        qsizetype r = reasons.indexOf(d.reason);
        if (r < 0) {
            reasons << d.reason;
            listed.append(QStringList());
            r = reasons.size() - 1;
        }
        QString name = d.fid >= 0 ? QStringLiteral("fid %1").arg(d.fid) : QStringLiteral("a feature");
        if (!d.id.isEmpty())
            name += QStringLiteral(" '%1'").arg(d.id);
        listed[r] << name;
        ++shown;
    }
    QStringList parts;
    for (qsizetype r = 0; r < reasons.size(); ++r)
        parts << QStringLiteral("%1 (%2)").arg(listed[r].join(QStringLiteral(", ")), reasons[r]);
    if (n > shown)
        parts << (shown == 0 ? QStringLiteral("%1 unreadable or cut off").arg(n) : QStringLiteral("%1 more").arg(n - shown));
    return QStringLiteral("%1 of %2 %3 used; %4 dropped: %5").arg(used).arg(read).arg(what).arg(n).arg(parts.join(QStringLiteral("; ")));
}

void Feedback::reportDropped(const QString &source, const QString &what, qint64 read, qint64 used, qint64 droppedCount,
                             std::vector<DroppedFeature> features)
{
    if (droppedCount <= 0)
        return;
    for (DroppedFeature &d : features)
        d.source = source;
    inputProblem(fileMessage(source, droppedFeaturesMessage(read, used, droppedCount, features, what)), features);
}

void Feedback::inputProblem(const QString &message, const std::vector<DroppedFeature> &features)
{
    std::lock_guard lock(m_mutex);
    m_warnings << message;
    m_inputProblems << message;
    m_dropped.insert(m_dropped.end(), features.begin(), features.end());
}

QStringList Feedback::inputProblems() const
{
    std::lock_guard lock(m_mutex);
    return m_inputProblems;
}

std::vector<DroppedFeature> Feedback::droppedFeatures() const
{
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

} // namespace refuge
