#pragma once
// PageItems: the atlas page's own items, drawn by PrintRenderer — the overlay on a map
// frame (routes to the assigned shelters, the shelters ringed, "you are here", the
// hazardous sites with their isolation and protection rings), the assigned-shelters
// and hazardous-sites tables, the contacts block, and the legend's entries limited to the
// classes present in the frame plus the overlay's. Pure drawing on a QPainter in device
// pixels; safe from any thread (each page its own painter).
#include "print/PrintRenderer.h"
#include "render/Legend.h"

#include <QString>
#include <QVariant>
#include <vector>

class QPainter;

namespace refuge::detail {

// One legend row: its swatch and label ("" label: the layer's name is used).
// `lang` "zh": core's default labels ("Minor road") in Chinese (MessageText).
std::vector<LegendEntry> frameLegend(const MapSettings &map, const PageOverlay &overlay, const QVariantMap &labels, double dpi,
                                     const QString &lang = {});
// The overlay on a frame already translated so that (0, 0) is its top left.
void drawOverlay(QPainter &p, const MapSettings &map, const PageOverlay &overlay, const QVariantMap &labels, double dpi);
// Header + rows within rect; text cells wrapped to their column (header 2 lines, rows
// 3, the last line elided), numbers on one line, rows that do not fit summarised as "… +N"; `emptyText` when there is no row (the caller's: item.text
// when the page has coverage results, else "—").
void drawTable(QPainter &p, const QRectF &rect, const PrintItem &item, const std::vector<QVariantMap> &rows, const QString &emptyText,
               double dpi);
// "title: value" per column whose feature field has a value; else `emptyText`.
void drawContacts(QPainter &p, const QRectF &rect, const PrintItem &item, const QVariantMap &feature, const QString &emptyText);
// True when the table lists hazardous sites (a column of the exposure run's sources:
// isolation_m, protection_m, pop_isolation, pop_protection or <kind>_isolation /
// <kind>_protection) rather than assigned shelters.
bool isSiteTable(const PrintItem &item);
// A table cell as printed: numbers rounded (minutes to 0.1 below 10), null "—".
QString cellText(const QString &key, const QVariant &value);

} // namespace refuge::detail
