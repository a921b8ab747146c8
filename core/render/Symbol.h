#pragma once
// Symbol: how one class of features is drawn — marker (points), stroke (lines and
// outlines), fill and hatch (polygons). A plain value; sizes are in millimetres on the
// output device (converted with MapSettings::dpi), so a symbol looks the same on screen,
// in PNG exports and on paper. JSON form (inside a Style's "symbol", "categories"[i],
// "ranges"[i]):
//   {"fill": "#80336699", "stroke": "#ff000000", "stroke_width_mm": 0.26,
//    "dash": "solid|dash|dot|dashdot|none", "hatch": "none|horizontal|vertical|cross|
//    bdiagonal|fdiagonal|diagcross", "hatch_color": "#ff0000ff", "hatch_width_mm": 0.2,
//    "hatch_spacing_mm": 2.0,
//    "marker": "circle|square|triangle|star|diamond|cross|svg", "size_mm": 3.0,
//    "icon": "shelter"}   (icon: a name in resources/icons/ or an absolute .svg path)
// Colours are "#aarrggbb" (QColor::HexArgb); "#rrggbb" is accepted on read.
// Keys that are absent keep their defaults; unknown keys are ignored.
#include <QColor>
#include <QJsonObject>
#include <QString>

namespace refuge {

enum class MarkerShape { Circle, Square, Triangle, Star, Diamond, Cross, Svg };
enum class HatchPattern { None, Horizontal, Vertical, Cross, BDiagonal, FDiagonal, DiagCross };

QString markerShapeName(MarkerShape shape);
MarkerShape markerShapeFromName(const QString &name); // unknown → Circle
QString hatchPatternName(HatchPattern hatch);
HatchPattern hatchPatternFromName(const QString &name); // unknown → None
QString penStyleName(Qt::PenStyle style);                // "solid", "dash", "dot", "dashdot", "none"
Qt::PenStyle penStyleFromName(const QString &name);      // unknown → Qt::SolidLine

struct Symbol {
    // Polygons and markers
    QColor fillColor = QColor(190, 207, 80);
    HatchPattern hatch = HatchPattern::None;
    QColor hatchColor = QColor(0, 0, 0);
    double hatchWidthMm = 0.2;
    double hatchSpacingMm = 2.0;
    // Lines, polygon outlines and marker outlines
    QColor strokeColor = QColor(35, 35, 35);
    double strokeWidthMm = 0.26;
    Qt::PenStyle strokeStyle = Qt::SolidLine;
    // Points
    MarkerShape marker = MarkerShape::Circle;
    double sizeMm = 3.0;   // marker diameter / icon height
    QString icon;          // for MarkerShape::Svg

    static Symbol fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    bool operator==(const Symbol &) const = default;
};

} // namespace refuge
