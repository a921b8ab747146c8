// WindowFit: keeps top-level windows inside the screen's available area (see header).
#include "mainwindow/WindowFit.h"

#include <algorithm>

namespace refuge::desktop::WindowFit {

QRect fit(const QRect &wanted, const QRect &available)
{
    if (available.isEmpty())
        return wanted;
    const int w = std::max(1, std::min(wanted.width(), available.width() - kFrameWidth));
    const int h = std::max(1, std::min(wanted.height(), available.height() - kFrameHeight));
    QPoint topLeft = wanted.topLeft();
    if (topLeft.isNull()) // centred
        topLeft = QPoint(available.left() + (available.width() - w) / 2, available.top() + (available.height() - h) / 2);
    const int left = std::clamp(topLeft.x(), available.left() + kFrameWidth / 2,
                                std::max(available.left() + kFrameWidth / 2, available.right() + 1 - kFrameWidth / 2 - w));
    const int top = std::clamp(topLeft.y(), available.top() + kFrameHeight - kFrameWidth / 2,
                               std::max(available.top() + kFrameHeight - kFrameWidth / 2, available.bottom() + 1 - kFrameWidth / 2 - h));
    return QRect(left, top, w, h);
}

} // namespace refuge::desktop::WindowFit
