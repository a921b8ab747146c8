#include "print/PageItems.h"

#include "model/VectorLayer.h"
#include "render/FontResolver.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QSet>
#include <cmath>
#include <functional>

namespace refuge::detail {
namespace {

const QColor kRoute(0, 87, 231);
const QColor kHere(215, 25, 28);
const QColor kShelter(26, 150, 65);

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

} // namespace

std::vector<LegendEntry> frameLegend(const MapSettings &map, const PageOverlay &overlay, const QVariantMap &labels, double dpi)
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
    const QRectF extent = map.visibleExtent();
    for (auto it = map.layers.rbegin(); it != map.layers.rend(); ++it) {
        if (!it->visible || !it->vector)
            continue;
        std::vector<LegendEntry> entries = presentEntries(*it, extent, dpi);
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
    const double rowH = pt * dpi / 72.0 * 1.55;
    double total = 0;
    for (const PrintColumn &c : item.columns)
        total += c.width;
    if (total <= 0 || rect.height() < rowH)
        return;
    p.save();
    p.setClipRect(rect);
    auto drawRow = [&](double y, const std::function<QString(const PrintColumn &)> &text, bool header) {
        double x = rect.left();
        for (const PrintColumn &c : item.columns) {
            const double w = rect.width() * c.width / total;
            const QString s = text(c);
            const QFont font = FontResolver::fontFor(s, QString(), pt, header);
            const QString shown = QFontMetricsF(font, p.device()).elidedText(s, Qt::ElideRight, w - 1.2 * mm);
            const bool numeric = c.key != QLatin1String("name") && !header;
            drawLine(p, QRectF(x + 0.6 * mm, y, w - 1.2 * mm, rowH), shown, pt, header,
                     (numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
            x += w;
        }
    };
    drawRow(rect.top(), [](const PrintColumn &c) { return c.title; }, true);
    p.setPen(QPen(Qt::black, 0.25 * mm));
    p.drawLine(QPointF(rect.left(), rect.top() + rowH), QPointF(rect.right(), rect.top() + rowH));
    const int fit = int((rect.height() - rowH) / rowH);
    if (rows.empty())
        drawLine(p, QRectF(rect.left() + 0.6 * mm, rect.top() + rowH, rect.width() - 1.2 * mm, rect.height() - rowH), emptyText, pt, false,
                 Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);
    const int shown = int(rows.size()) <= fit ? int(rows.size()) : std::max(0, fit - 1);
    for (int r = 0; r < shown; ++r)
        drawRow(rect.top() + rowH * (r + 1), [&](const PrintColumn &c) { return cellText(c.key, rows[std::size_t(r)].value(c.key)); }, false);
    if (shown < int(rows.size()))
        drawLine(p, QRectF(rect.left() + 0.6 * mm, rect.top() + rowH * (shown + 1), rect.width(), rowH),
                 QStringLiteral("… +%1").arg(rows.size() - std::size_t(shown)), pt, false, Qt::AlignLeft | Qt::AlignVCenter);
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
