#pragma once
// WindowFit: places a top-level window (the main window, a tall dialog) inside the
// screen's available area — the part not taken by task bars — so its edges, buttons
// and status bar stay reachable on small screens (1366 × 768). Pure geometry.
#include <QRect>

namespace refuge::desktop::WindowFit {

// Room left for the window manager's frame and title bar around the client area.
inline constexpr int kFrameWidth = 16;
inline constexpr int kFrameHeight = 48;

// `wanted` (client geometry; a null position means "centre it") shrunk to fit
// `available` with the frame allowance, and moved inside it.
QRect fit(const QRect &wanted, const QRect &available);

} // namespace refuge::desktop::WindowFit
