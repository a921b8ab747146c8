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
    percent = std::clamp(percent, 0.0, 100.0);
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

} // namespace refuge
