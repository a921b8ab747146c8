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
    percent = std::clamp(percent, 0.0, 100.0);
    m_progress.store(percent);
    if (!m_onProgress)
        return;
    std::lock_guard lock(m_mutex);
    if (std::abs(percent - m_lastReported) >= 0.5 || percent >= 100.0) {
        m_lastReported = percent;
        m_onProgress(percent);
    }
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
