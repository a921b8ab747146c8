#pragma once
// PrintLayout: one printed page as pure data — paper (A4/A3/A2 or custom, in mm),
// orientation, margins and the items placed on it in millimetres from the page's top
// left corner. Saved as JSON (in the project or a file); PrintRenderer draws it.
//
// JSON form:
//   {"name": "community", "paper": "A3", "orientation": "portrait",
//    "width_mm": 420, "height_mm": 297,                 // only for "paper": "custom"
//    "margins_mm": [10, 10, 10, 10],                    // left, top, right, bottom
//    "items": [{"type": "map", "id": "map", "rect_mm": [10, 25, 277, 160]},
//              {"type": "legend", "map": "map", "rect_mm": [...], "font_pt": 8},
//              {"type": "scalebar", "map": "map", "rect_mm": [...]},
//              {"type": "north_arrow", "map": "map", "rect_mm": [...]},
//              {"type": "text", "text": "{title} — {date}", "rect_mm": [...], "font_pt": 18, "bold": true},
//              {"type": "credits", "text": "© OpenStreetMap contributors", "rect_mm": [...]},
//              {"type": "table", "rect_mm": [...], "text": "shown when there are no rows",
//               "columns": [{"key": "name", "title": "Shelter", "width": 3}, ...]},
//              {"type": "contacts", "rect_mm": [...], "text": "shown when no field has a value",
//               "columns": [{"key": "PHONE", "title": "Phone"}, ...]}]}
// Text items may hold the fields {title}, {date}, {page}, {pages}, {credits},
// {feature.FIELD}, {result.FIELD} and {covered_share} (see PrintRenderer::expand).
// A table lists the page's rows (PrintContext::table: the community's assigned shelters,
// keys name, capacity, residents, distance_m, minutes); contacts print "title: value" for
// each column naming a feature field with a value. A legend's "labels" name the page's
// overlay entries: {"route": "...", "here": "...", "shelter": "..."}.
#include <QJsonObject>
#include <QMarginsF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QVariantMap>
#include <vector>

namespace refuge {

struct PrintColumn {
    QString key;        // table: the row's key; contacts: a feature field
    QString title;      // header / label as printed
    double width = 1;   // share of the item's width (table)
    bool operator==(const PrintColumn &) const = default;
};

struct PrintItem {
    enum class Type { Map, Legend, ScaleBar, NorthArrow, Text, Credits, Table, Contacts };
    Type type = Type::Text;
    QString id;         // items refer to a map frame by its id
    QString map;        // legend, scale bar, north arrow: the id of their map frame
    QRectF rectMm;      // x, y, width, height in mm from the page's top left
    QString text;       // text and credits (with fields)
    double fontPt = 9;
    bool bold = false;
    std::vector<PrintColumn> columns; // table and contacts
    QVariantMap labels;               // legend: overlay entry labels (route, here, shelter)
    bool operator==(const PrintItem &) const = default;
};

struct PrintLayout {
    enum class Orientation { Portrait, Landscape };
    QString name;
    QString paper = QStringLiteral("A4"); // A4, A3, A2 or custom
    QSizeF customSizeMm;                  // portrait width x height for "custom"
    Orientation orientation = Orientation::Portrait;
    QMarginsF marginsMm = QMarginsF(10, 10, 10, 10);
    std::vector<PrintItem> items;
    bool operator==(const PrintLayout &) const = default;

    // The page in mm, orientation applied (A4 portrait: 210 x 297).
    QSizeF pageSizeMm() const;
    const PrintItem *item(const QString &id) const;

    // Throws InvalidInput naming the problem (unknown paper or item type, an item
    // outside the page, a legend/scale bar referring to a missing map frame).
    static PrintLayout fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    // Reads a layout file; throws IoError / InvalidInput naming the file.
    static PrintLayout load(const QString &path);
    // A default layout for the paper: title, map, legend, scale bar, north arrow,
    // date line and credits.
    static PrintLayout standard(const QString &paper, Orientation orientation);
};

} // namespace refuge
