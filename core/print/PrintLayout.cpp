#include "print/PrintLayout.h"

#include "util/Error.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <array>

namespace refuge {
namespace {

struct Paper {
    const char *name;
    double widthMm, heightMm; // portrait
};
constexpr std::array<Paper, 5> kPapers = {{{"A5", 148, 210}, {"A4", 210, 297}, {"A3", 297, 420}, {"A2", 420, 594}, {"A1", 594, 841}}};

struct TypeName {
    PrintItem::Type type;
    const char *name;
};
constexpr std::array<TypeName, 8> kTypes = {{{PrintItem::Type::Map, "map"},
                                             {PrintItem::Type::Legend, "legend"},
                                             {PrintItem::Type::ScaleBar, "scalebar"},
                                             {PrintItem::Type::NorthArrow, "north_arrow"},
                                             {PrintItem::Type::Text, "text"},
                                             {PrintItem::Type::Credits, "credits"},
                                             {PrintItem::Type::Table, "table"},
                                             {PrintItem::Type::Contacts, "contacts"}}};

bool hasText(PrintItem::Type t)
{
    return t == PrintItem::Type::Text || t == PrintItem::Type::Credits || t == PrintItem::Type::Table || t == PrintItem::Type::Contacts;
}

std::vector<PrintColumn> columnsFrom(const QJsonArray &array, const QString &where)
{
    std::vector<PrintColumn> columns;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        PrintColumn c{o.value(QLatin1String("key")).toString(), o.value(QLatin1String("title")).toString(),
                      o.value(QLatin1String("width")).toDouble(1)};
        if (c.key.isEmpty() || !(c.width > 0))
            throw InvalidInput(QStringLiteral("%1: each column needs a \"key\" and a positive \"width\"").arg(where));
        columns.push_back(c);
    }
    return columns;
}

QJsonArray columnsJson(const std::vector<PrintColumn> &columns)
{
    QJsonArray a;
    for (const PrintColumn &c : columns)
        a.append(QJsonObject{{QStringLiteral("key"), c.key}, {QStringLiteral("title"), c.title}, {QStringLiteral("width"), c.width}});
    return a;
}

QJsonArray numbers(std::initializer_list<double> values)
{
    QJsonArray a;
    for (double v : values)
        a.append(v);
    return a;
}

QString where(const QString &layout, int index) { return QStringLiteral("layout '%1', item %2").arg(layout).arg(index + 1); }

} // namespace

QSizeF PrintLayout::pageSizeMm() const
{
    QSizeF size = customSizeMm;
    for (const Paper &p : kPapers)
        if (paper.compare(QLatin1String(p.name), Qt::CaseInsensitive) == 0)
            size = QSizeF(p.widthMm, p.heightMm);
    const bool landscape = orientation == Orientation::Landscape;
    return landscape == (size.width() < size.height()) ? size.transposed() : size;
}

const PrintItem *PrintLayout::item(const QString &id) const
{
    for (const PrintItem &i : items)
        if (!id.isEmpty() && i.id == id)
            return &i;
    return nullptr;
}

PrintLayout PrintLayout::fromJson(const QJsonObject &json)
{
    PrintLayout l;
    l.name = json.value(QLatin1String("name")).toString();
    l.paper = json.value(QLatin1String("paper")).toString(QStringLiteral("A4"));
    const QString orientation = json.value(QLatin1String("orientation")).toString(QStringLiteral("portrait"));
    if (orientation != QLatin1String("portrait") && orientation != QLatin1String("landscape"))
        throw InvalidInput(QStringLiteral("layout '%1': orientation must be portrait or landscape, not '%2'").arg(l.name, orientation));
    l.orientation = orientation == QLatin1String("landscape") ? Orientation::Landscape : Orientation::Portrait;
    if (l.paper.compare(QLatin1String("custom"), Qt::CaseInsensitive) == 0) {
        l.customSizeMm = QSizeF(json.value(QLatin1String("width_mm")).toDouble(), json.value(QLatin1String("height_mm")).toDouble());
        if (!(l.customSizeMm.width() >= 20 && l.customSizeMm.height() >= 20 && l.customSizeMm.width() <= 5000 &&
              l.customSizeMm.height() <= 5000))
            throw InvalidInput(QStringLiteral("layout '%1': custom paper needs width_mm and height_mm between 20 and 5000").arg(l.name));
    } else if (!std::any_of(kPapers.begin(), kPapers.end(), [&](const Paper &p) { return l.paper.compare(QLatin1String(p.name), Qt::CaseInsensitive) == 0; })) {
        throw InvalidInput(QStringLiteral("layout '%1': unknown paper '%2' (A5, A4, A3, A2, A1 or custom)").arg(l.name, l.paper));
    }
    const QJsonArray m = json.value(QLatin1String("margins_mm")).toArray();
    if (m.size() == 4)
        l.marginsMm = QMarginsF(m[0].toDouble(), m[1].toDouble(), m[2].toDouble(), m[3].toDouble());
    const QRectF page(QPointF(0, 0), l.pageSizeMm());
    const QJsonArray items = json.value(QLatin1String("items")).toArray();
    for (int i = 0; i < items.size(); ++i) {
        const QJsonObject o = items[i].toObject();
        PrintItem item;
        const QString type = o.value(QLatin1String("type")).toString();
        const auto t = std::find_if(kTypes.begin(), kTypes.end(), [&](const TypeName &n) { return type == QLatin1String(n.name); });
        if (t == kTypes.end())
            throw InvalidInput(QStringLiteral("%1: unknown type '%2'").arg(where(l.name, i), type));
        item.type = t->type;
        item.id = o.value(QLatin1String("id")).toString();
        item.map = o.value(QLatin1String("map")).toString(QStringLiteral("map"));
        const QJsonArray r = o.value(QLatin1String("rect_mm")).toArray();
        item.rectMm = QRectF(r.at(0).toDouble(), r.at(1).toDouble(), r.at(2).toDouble(), r.at(3).toDouble());
        if (r.size() != 4 || item.rectMm.width() <= 0 || item.rectMm.height() <= 0 || !page.contains(item.rectMm))
            throw InvalidInput(QStringLiteral("%1: rect_mm must be [x, y, width, height] inside the %2 x %3 mm page")
                                   .arg(where(l.name, i)).arg(page.width()).arg(page.height()));
        item.text = o.value(QLatin1String("text")).toString();
        item.fontPt = o.value(QLatin1String("font_pt")).toDouble(9);
        item.bold = o.value(QLatin1String("bold")).toBool(false);
        item.columns = columnsFrom(o.value(QLatin1String("columns")).toArray(), where(l.name, i));
        item.labels = o.value(QLatin1String("labels")).toObject().toVariantMap();
        l.items.push_back(item);
    }
    for (size_t i = 0; i < l.items.size(); ++i) {
        const PrintItem &item = l.items[i];
        const bool needsMap = item.type == PrintItem::Type::Legend || item.type == PrintItem::Type::ScaleBar ||
                              item.type == PrintItem::Type::NorthArrow;
        const PrintItem *frame = l.item(item.map);
        if (needsMap && (!frame || frame->type != PrintItem::Type::Map))
            throw InvalidInput(QStringLiteral("%1: no map frame with id '%2'").arg(where(l.name, int(i)), item.map));
    }
    return l;
}

QJsonObject PrintLayout::toJson() const
{
    QJsonObject json;
    json.insert(QLatin1String("name"), name);
    json.insert(QLatin1String("paper"), paper);
    json.insert(QLatin1String("orientation"), orientation == Orientation::Landscape ? QStringLiteral("landscape") : QStringLiteral("portrait"));
    if (paper.compare(QLatin1String("custom"), Qt::CaseInsensitive) == 0) {
        json.insert(QLatin1String("width_mm"), customSizeMm.width());
        json.insert(QLatin1String("height_mm"), customSizeMm.height());
    }
    json.insert(QLatin1String("margins_mm"), numbers({marginsMm.left(), marginsMm.top(), marginsMm.right(), marginsMm.bottom()}));
    QJsonArray items;
    for (const PrintItem &item : this->items) {
        QJsonObject o;
        const auto t = std::find_if(kTypes.begin(), kTypes.end(), [&](const TypeName &n) { return n.type == item.type; });
        o.insert(QLatin1String("type"), QLatin1String(t->name));
        if (!item.id.isEmpty())
            o.insert(QLatin1String("id"), item.id);
        if (item.type == PrintItem::Type::Legend || item.type == PrintItem::Type::ScaleBar || item.type == PrintItem::Type::NorthArrow ||
            item.map != QLatin1String("map"))
            o.insert(QLatin1String("map"), item.map);
        o.insert(QLatin1String("rect_mm"), numbers({item.rectMm.x(), item.rectMm.y(), item.rectMm.width(), item.rectMm.height()}));
        if (hasText(item.type))
            o.insert(QLatin1String("text"), item.text);
        if (!item.columns.empty())
            o.insert(QLatin1String("columns"), columnsJson(item.columns));
        if (!item.labels.isEmpty())
            o.insert(QLatin1String("labels"), QJsonObject::fromVariantMap(item.labels));
        o.insert(QLatin1String("font_pt"), item.fontPt);
        if (item.bold)
            o.insert(QLatin1String("bold"), true);
        items.append(o);
    }
    json.insert(QLatin1String("items"), items);
    return json;
}

PrintLayout PrintLayout::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw IoError(fileMessage(path, QStringLiteral("cannot be read")));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (!doc.isObject())
        throw InvalidInput(fileMessage(path, QStringLiteral("is not a layout (JSON object): %1").arg(error.errorString())));
    try {
        return fromJson(doc.object());
    } catch (const InvalidInput &e) {
        throw InvalidInput(fileMessage(path, QString::fromUtf8(e.what())));
    }
}

PrintLayout PrintLayout::standard(const QString &paper, Orientation orientation)
{
    PrintLayout l;
    l.name = QStringLiteral("standard");
    l.paper = paper;
    l.orientation = orientation;
    const QSizeF page = l.pageSizeMm();
    const double m = 10, w = page.width() - 2 * m, h = page.height() - 2 * m;
    const double title = 14, foot = 22;
    const double mapH = h - title - foot;
    auto add = [&l](PrintItem::Type type, QRectF rect, QString id = {}, QString text = {}, double pt = 9, bool bold = false) {
        PrintItem item;
        item.type = type;
        item.rectMm = rect;
        item.id = std::move(id);
        item.map = QStringLiteral("map");
        item.text = std::move(text);
        item.fontPt = pt;
        item.bold = bold;
        l.items.push_back(item);
    };
    add(PrintItem::Type::Text, QRectF(m, m, w, title - 2), {}, QStringLiteral("{title}"), 18, true);
    add(PrintItem::Type::Map, QRectF(m, m + title, w, mapH), QStringLiteral("map"));
    add(PrintItem::Type::Legend, QRectF(m, m + title + mapH + 2, w * 0.55, foot - 2));
    add(PrintItem::Type::ScaleBar, QRectF(m + w * 0.57, m + title + mapH + 2, w * 0.3, 10));
    add(PrintItem::Type::NorthArrow, QRectF(m + w - 12, m + title + mapH + 2, 12, 12));
    add(PrintItem::Type::Text, QRectF(m + w * 0.57, m + title + mapH + 13, w * 0.3, 5), {}, QStringLiteral("{date} · {page}/{pages}"), 8);
    add(PrintItem::Type::Credits, QRectF(m, m + h - 4, w, 4), {}, QStringLiteral("{credits}"), 7);
    return l;
}

} // namespace refuge
