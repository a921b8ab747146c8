#include "util/Feedback.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>

namespace refuge {

void Feedback::throwIfCanceled() const
{
    if (isCanceled())
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
