#include "print/PageItems.h"

#include "model/VectorLayer.h"
#include "render/FontResolver.h"
#include "util/MessageText.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QTextLayout>
#include <QSet>
#include <cmath>
#include <functional>

namespace refuge::detail {
namespace {

const QColor kRoute(0, 87, 231);
const QColor kHere(215, 25, 28);
const QColor kShelter(26, 150, 65);
const QColor kSite(117, 107, 177);
const QColor kIsolation(215, 25, 28);
const QColor kProtection(230, 85, 13);

QString label(const QVariantMap &labels, const char *key, const char *fallback)
{
    const QString v = labels.value(QLatin1String(key)).toString();
    return v.isEmpty() ? QString::fromUtf8(fallback) : v;
}

void drawRouteLine(QPainter &p, const QPolygonF &line, double mm)
{
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(Qt::white, 2.0 * mm, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPolyline(line);
    p.setPen(QPen(kRoute, 1.1 * mm, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPolyline(line);
}

void drawShelterRing(QPainter &p, QPointF at, double mm)
{
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(Qt::white, 1.4 * mm));
    p.drawEllipse(at, 3.2 * mm, 3.2 * mm);
    p.setPen(QPen(kShelter, 0.8 * mm));
    p.drawEllipse(at, 3.2 * mm, 3.2 * mm);
}

void drawHereMarker(QPainter &p, QPointF at, double mm)
{
    QPainterPath pin;
    pin.moveTo(at);
    pin.lineTo(at + QPointF(-1.6 * mm, -3.0 * mm));
    pin.arcTo(QRectF(at.x() - 2.2 * mm, at.y() - 6.6 * mm, 4.4 * mm, 4.4 * mm), 215, -250);
    pin.closeSubpath();
    p.setPen(QPen(Qt::white, 0.4 * mm));
    p.setBrush(kHere);
    p.drawPath(pin);
    p.setBrush(Qt::white);
    p.setPen(Qt::NoPen);
    p.drawEllipse(QPointF(at.x(), at.y() - 4.4 * mm), 0.8 * mm, 0.8 * mm);
}

void drawSiteMarker(QPainter &p, QPointF at, double mm)
{
    const double s = 2.4 * mm;
    const QPolygonF triangle({at + QPointF(0, -s), at + QPointF(s * 0.9, s * 0.6), at + QPointF(-s * 0.9, s * 0.6)});
    p.setPen(QPen(Qt::white, 0.4 * mm));
    p.setBrush(kSite);
    p.drawPolygon(triangle);
}

void drawRing(QPainter &p, const QPolygonF &ring, const QColor &colour, Qt::PenStyle style, double mm)
{
    QColor fill = colour;
    fill.setAlpha(40);
    p.setPen(QPen(colour, 0.5 * mm, style));
    p.setBrush(fill);
    p.drawPolygon(ring);
}

// The site's name beside its marker: to the right, else below or above it, else to
// its left — the first place clear of the labels already drawn (`taken`).
void drawSiteLabel(QPainter &p, QPointF at, const QString &text, double mm, std::vector<QRectF> &taken)
{
    if (text.isEmpty())
        return;
    const QFont font = FontResolver::fontFor(text, QString(), 7, true);
    const double w = QFontMetricsF(font, p.device()).horizontalAdvance(text) + 1.4 * mm, h = 4.0 * mm;
    const QRectF places[] = {QRectF(at.x() + 2.6 * mm, at.y() - h / 2, w, h), QRectF(at.x() + 2.6 * mm, at.y() + h / 2 + 0.4 * mm, w, h),
                             QRectF(at.x() + 2.6 * mm, at.y() - 1.5 * h - 0.4 * mm, w, h), QRectF(at.x() - 2.6 * mm - w, at.y() - h / 2, w, h)};
    QRectF box = places[0];
    for (const QRectF &place : places)
        if (std::none_of(taken.begin(), taken.end(), [&](const QRectF &t) { return t.intersects(place); })) {
            box = place;
            break;
        }
    taken.push_back(box);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 210));
    p.drawRect(box);
    p.setFont(font);
    p.setPen(kSite.darker(140));
    p.drawText(box, Qt::AlignCenter, text);
}

// The symbols features inside `extent` are drawn with (categorized/graduated: the
// class's; single: the layer's), or none when no feature lies there.
QSet<const Symbol *> symbolsIn(const VectorLayer &layer, const Style &style, const QRectF &extent)
{
    QSet<const Symbol *> used;
    const int field = style.type == Style::Type::Single ? -1 : layer.fieldIndex(style.field);
    auto visit = [&](int i) {
        if (!layer.geometry(i).bounds().intersects(extent) && !extent.contains(layer.geometry(i).bounds().topLeft()))
            return;
        if (const Symbol *s = style.symbolFor(field >= 0 ? layer.attribute(i, field) : QVariant()))
            used.insert(s);
    };
    if (layer.index().size() == std::size_t(layer.featureCount()))
        for (const std::uint32_t i : layer.index().query(extent))
            visit(int(i));
    else
        for (int i = 0; i < layer.featureCount(); ++i)
            visit(i);
    return used;
}

// Legend::entries filtered to the classes drawn in `extent` (same order as Legend's).
std::vector<LegendEntry> presentEntries(const MapLayer &l, const QRectF &extent, double dpi)
{
    std::vector<LegendEntry> all = Legend::entries(l.style, l.vector->geometryType(), dpi);
    const QSet<const Symbol *> used = symbolsIn(*l.vector, l.style, extent);
    std::vector<const Symbol *> order;
    if (l.style.type == Style::Type::Categorized) {
        for (const StyleCategory &c : l.style.categories)
            if (c.visible)
                order.push_back(&c.symbol);
    } else if (l.style.type == Style::Type::Graduated) {
        for (const StyleRange &r : l.style.ranges)
            order.push_back(&r.symbol);
    } else {
        order.push_back(&l.style.symbol);
    }
    std::vector<LegendEntry> out;
    for (std::size_t i = 0; i < all.size() && i < order.size(); ++i)
        if (used.contains(order[i])) {
            out.push_back(all[i]);
            if (out.back().label.isEmpty())
                out.back().label = l.name;
        }
    return out;
}

void drawLine(QPainter &p, const QRectF &rect, const QString &text, double pt, bool bold, int flags)
{
    p.setFont(FontResolver::fontFor(text, QString(), pt, bold));
    p.setPen(Qt::black);
    p.drawText(rect, flags, text);
}

// `text` broken into lines of at most `width` (at word boundaries, else anywhere), at
// most `maxLines` of them, the last one elided when the rest does not fit.
QStringList wrapLines(const QString &text, const QFont &font, double width, int maxLines, QPaintDevice *device)
{
    const QFontMetricsF metrics(font, device);
    if (maxLines <= 1 || metrics.horizontalAdvance(text) <= width)
        return {metrics.elidedText(text, Qt::ElideRight, width)};
    QTextLayout layout(text, font, device);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    QStringList lines;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        if (int(lines.size()) == maxLines - 1) {
            lines << metrics.elidedText(text.mid(line.textStart()).trimmed(), Qt::ElideRight, width);
            break;
        }
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines.isEmpty() ? QStringList{QString()} : lines;
}

} // namespace

std::vector<LegendEntry> frameLegend(const MapSettings &map, const PageOverlay &overlay, const QVariantMap &labels, double dpi,
                                     const QString &lang)
{
    const double mm = dpi / 25.4;
    std::vector<LegendEntry> out;
    if (overlay.here)
        out.push_back({label(labels, "here", "You are here"), [mm](QPainter &p, const QRectF &r) {
                           drawHereMarker(p, QPointF(r.center().x(), r.bottom()), std::min(mm, r.height() / 7.0));
                       }});
    if (!overlay.shelters.empty())
        out.push_back({label(labels, "shelter", "Your assigned shelter"), [mm](QPainter &p, const QRectF &r) {
                           drawShelterRing(p, r.center(), std::min(mm, r.height() / 7.5));
                       }});
    if (!overlay.routes.empty())
        out.push_back({label(labels, "route", "Walking route to the shelter"), [mm](QPainter &p, const QRectF &r) {
                           drawRouteLine(p, QPolygonF({QPointF(r.left(), r.center().y()), QPointF(r.right(), r.center().y())}),
                                         std::min(mm, r.height() / 2.5));
                       }});
    if (!overlay.sites.empty())
        out.push_back({label(labels, "site", "Hazardous-chemical site"), [mm](QPainter &p, const QRectF &r) {
                           drawSiteMarker(p, r.center(), std::min(mm, r.height() / 5.0));
                       }});
    const bool isolation = std::any_of(overlay.sites.begin(), overlay.sites.end(), [](const SiteMark &s) { return !s.isolation.isEmpty(); });
    const bool protection = std::any_of(overlay.sites.begin(), overlay.sites.end(), [](const SiteMark &s) { return !s.protection.isEmpty(); });
    if (isolation)
        out.push_back({label(labels, "isolation", "Isolation distance"), [mm](QPainter &p, const QRectF &r) {
                           drawRing(p, QPolygonF(r.adjusted(1, 1, -1, -1)), kIsolation, Qt::SolidLine, std::min(mm, r.height() / 5.0));
                       }});
    if (protection)
        out.push_back({label(labels, "protection", "Protection distance"), [mm](QPainter &p, const QRectF &r) {
                           drawRing(p, QPolygonF(r.adjusted(1, 1, -1, -1)), kProtection, Qt::DashLine, std::min(mm, r.height() / 5.0));
                       }});
    const QRectF extent = map.visibleExtent();
    for (auto it = map.layers.rbegin(); it != map.layers.rend(); ++it) {
        if (!it->visible || !it->vector)
            continue;
        std::vector<LegendEntry> entries = presentEntries(*it, extent, dpi);
        for (LegendEntry &e : entries)
            e.label = MessageText::translate(e.label, lang);
        out.insert(out.end(), entries.begin(), entries.end());
    }
    return out;
}

void drawOverlay(QPainter &p, const MapSettings &map, const PageOverlay &overlay, const QVariantMap &labels, double dpi)
{
    if (overlay.isEmpty())
        return;
    const double mm = dpi / 25.4;
    const QTransform toPixel = map.mapToPixel();
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    for (const SiteMark &s : overlay.sites)
        if (!s.protection.isEmpty())
            drawRing(p, toPixel.map(s.protection), kProtection, Qt::DashLine, mm);
    for (const SiteMark &s : overlay.sites)
        if (!s.isolation.isEmpty())
            drawRing(p, toPixel.map(s.isolation), kIsolation, Qt::SolidLine, mm);
    for (const SiteMark &s : overlay.sites)
        drawSiteMarker(p, toPixel.map(s.point), mm);
    std::vector<QRectF> placed;
    for (const SiteMark &s : overlay.sites)
        drawSiteLabel(p, toPixel.map(s.point), s.label, mm, placed);
    for (const QPolygonF &route : overlay.routes)
        drawRouteLine(p, toPixel.map(route), mm);
    for (const QPointF &s : overlay.shelters)
        drawShelterRing(p, toPixel.map(s), mm);
    if (overlay.here) {
        const QPointF at = toPixel.map(*overlay.here);
        drawHereMarker(p, at, mm);
        const QString text = labels.value(QStringLiteral("here")).toString();
        if (!text.isEmpty()) {
            const QFont font = FontResolver::fontFor(text, QString(), 8, true);
            const double w = QFontMetricsF(font, p.device()).horizontalAdvance(text) + 2 * mm;
            const QRectF box(at.x() + 2.8 * mm, at.y() - 8.2 * mm, w, 4.6 * mm);
            p.setPen(QPen(kHere, 0.3 * mm));
            p.setBrush(QColor(255, 255, 255, 230));
            p.drawRect(box);
            p.setFont(font);
            p.setPen(kHere);
            p.drawText(box, Qt::AlignCenter, text);
        }
    }
    p.restore();
}

bool isSiteTable(const PrintItem &item)
{
    return std::any_of(item.columns.begin(), item.columns.end(), [](const PrintColumn &c) {
        return c.key.endsWith(QLatin1String("isolation")) || c.key.endsWith(QLatin1String("protection")) || c.key == QLatin1String("isolation_m") ||
               c.key == QLatin1String("protection_m");
    });
}

QString cellText(const QString &key, const QVariant &value)
{
    if (value.isNull() || !value.isValid() || value.toString().isEmpty())
        return QStringLiteral("—");
    bool number = false;
    const double v = value.toDouble(&number);
    if (!number || value.typeId() == QMetaType::QString)
        return value.toString();
    if (key == QLatin1String("minutes") && v < 10)
        return QString::number(v, 'f', 1);
    return QString::number(std::llround(v));
}

void drawTable(QPainter &p, const QRectF &rect, const PrintItem &item, const std::vector<QVariantMap> &rows, const QString &emptyText,
               double dpi)
{
    const double mm = dpi / 25.4, pt = item.fontPt;
    const double rowH = pt * dpi / 72.0 * 1.55, lineStep = pt * dpi / 72.0 * 1.25;
    double total = 0;
    for (const PrintColumn &c : item.columns)
        total += c.width;
    if (total <= 0 || rect.height() < rowH)
        return;
    // A row's cells as lines (wrapped to their column, at most maxLines each), and its height.
    struct Row {
        std::vector<QStringList> cells;
        std::vector<bool> numeric;
        double height = 0;
    };
    auto layoutRow = [&](const std::function<QString(const PrintColumn &)> &text, bool header, int maxLines) {
        Row row;
        int lines = 1;
        for (const PrintColumn &c : item.columns) {
            const QString s = text(c);
            bool numeric = false;
            if (!header && c.key != QLatin1String("name"))
                s.toDouble(&numeric);
            numeric = numeric || (!header && s == QStringLiteral("—"));
            const double w = rect.width() * c.width / total - 1.2 * mm;
            row.cells.push_back(wrapLines(s, FontResolver::fontFor(s, QString(), pt, header), w, numeric ? 1 : maxLines, p.device()));
            row.numeric.push_back(numeric);
            lines = std::max(lines, int(row.cells.back().size()));
        }
        row.height = rowH + (lines - 1) * lineStep;
        return row;
    };
    auto drawRow = [&](double y, const Row &row, bool header) {
        double x = rect.left();
        for (std::size_t i = 0; i < item.columns.size(); ++i) {
            const double w = rect.width() * item.columns[i].width / total;
            const QStringList &lines = row.cells[i];
            for (int l = 0; l < int(lines.size()); ++l) {
                const QRectF box = lines.size() == 1 ? QRectF(x + 0.6 * mm, y, w - 1.2 * mm, rowH)
                                                     : QRectF(x + 0.6 * mm, y + (rowH - lineStep) / 2 + l * lineStep, w - 1.2 * mm, lineStep);
                drawLine(p, box, lines[l], pt, header, (row.numeric[i] ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
            }
            x += w;
        }
    };
    p.save();
    p.setClipRect(rect);
    const Row header = layoutRow([](const PrintColumn &c) { return c.title; }, true, 2);
    drawRow(rect.top(), header, true);
    double y = rect.top() + header.height;
    p.setPen(QPen(Qt::black, 0.25 * mm));
    p.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y));
    if (rows.empty())
        drawLine(p, QRectF(rect.left() + 0.6 * mm, y, rect.width() - 1.2 * mm, rect.bottom() - y), emptyText, pt, false,
                 Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const Row row = layoutRow([&](const PrintColumn &c) { return cellText(c.key, rows[r].value(c.key)); }, false, 3);
        const bool last = r + 1 == rows.size();
        if (y + row.height > rect.bottom() + 0.5 || (!last && y + row.height + rowH > rect.bottom() + 0.5)) {
            // No room for this row and what follows: say how many are left out.
            drawLine(p, QRectF(rect.left() + 0.6 * mm, y, rect.width(), rowH), QStringLiteral("… +%1").arg(rows.size() - r), pt, false,
                     Qt::AlignLeft | Qt::AlignVCenter);
            break;
        }
        drawRow(y, row, false);
        y += row.height;
    }
    p.restore();
}

void drawContacts(QPainter &p, const QRectF &rect, const PrintItem &item, const QVariantMap &feature, const QString &emptyText)
{
    QStringList lines;
    for (const PrintColumn &c : item.columns) {
        for (auto it = feature.begin(); it != feature.end(); ++it)
            if (it.key().compare(c.key, Qt::CaseInsensitive) == 0 && !it.value().toString().trimmed().isEmpty()) {
                lines << (c.title.isEmpty() ? it.value().toString() : QStringLiteral("%1: %2").arg(c.title, it.value().toString().trimmed()));
                break;
            }
    }
    const QString text = lines.isEmpty() ? emptyText : lines.join(QLatin1Char('\n'));
    p.save();
    p.setClipRect(rect);
    drawLine(p, rect, text, item.fontPt, item.bold, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);
    p.restore();
}

} // namespace refuge::detail
