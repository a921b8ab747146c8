#pragma once
// LabelSettings: whether and how a layer's features are labelled. `text` is either a
// field name ("Name") or a template with fields in braces ("{Name} ({Capacity})");
// "{{" and "}}" stand for literal braces. Labels are placed after all layers are drawn,
// top layer first, with greedy collision avoidance across all layers.
// Chinese/Japanese/Korean text is drawn with a CJK font when the chosen family lacks
// the glyphs (see FontResolver). JSON form (a Style's "labels"):
//   {"enabled": true, "text": "{Name}", "font": "", "size_pt": 9, "bold": false,
//    "color": "#ff000000", "halo_color": "#ffffffff", "halo_mm": 0.6,
//    "placement": "auto|around|along|inside", "avoid_collisions": true, "priority": 5}
// Priority (0–10): higher labels are placed first, and a layer's symbols keep off only
// the labels of its priority or lower — shelters and fire stations (9) are labelled over
// per-block result points (1), communities (7) over roads (3).
#include <QColor>
#include <QJsonObject>
#include <QString>

namespace refuge {

enum class LabelPlacement {
    Auto,    // around for points, along for lines, inside for polygons
    Around,  // candidates around a point: right, left, above, below, diagonals
    Along,   // along the longest visible line segment run, rotated, kept upright
    Inside   // inside the polygon (at a point on its surface)
};

QString labelPlacementName(LabelPlacement placement);
LabelPlacement labelPlacementFromName(const QString &name); // unknown → Auto

struct LabelSettings {
    bool enabled = false;
    QString text;              // field name or "{Field} template"
    QString fontFamily;        // empty: the application default (CJK fallback applies)
    double sizePt = 9.0;
    bool bold = false;
    QColor color = QColor(0, 0, 0);
    QColor haloColor = QColor(255, 255, 255);
    double haloMm = 0.6;       // 0: no halo
    LabelPlacement placement = LabelPlacement::Auto;
    bool avoidCollisions = true;
    int priority = kDefaultPriority;

    static constexpr int kDefaultPriority = 5;
    static constexpr int kMaxPriority = 10;

    static LabelSettings fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    bool operator==(const LabelSettings &) const = default;
};

} // namespace refuge
