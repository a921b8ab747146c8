#pragma once
// LabelEngine: places map labels after the layers are drawn — greedy, highest priority
// first and, within a priority, in the order candidates were added (the renderer adds
// the top layer first), each candidate trying
// its positions in turn and taking the first whose (possibly rotated) box fits inside
// the output and overlaps no label placed before it (a uniform grid indexes the placed
// boxes). Line labels also skip repeats of the same text close by. One engine per frame;
// not thread-safe (fill it on one thread, then place() and draw()).
#include "render/LabelSettings.h"

#include <QColor>
#include <QFont>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <vector>

class QPainter;

namespace refuge {

struct LabelCandidate {
    enum class Kind { Point, Line, Polygon };
    Kind kind = Kind::Point;
    QString text;
    QFont font;                    // already resolved for the text (FontResolver)
    QColor color = Qt::black;
    QColor haloColor = Qt::white;
    double haloPx = 0;
    bool avoidCollisions = true;
    int priority = 5;              // LabelSettings::priority: higher first
    QPointF anchor;                // point / polygon interior point, device pixels
    double offsetPx = 0;           // point: gap from the anchor (marker radius + margin)
    QPolygonF line;                // line: device-pixel polyline
};

struct PlacedLabel {
    QString text;
    QFont font;
    QColor color, haloColor;
    double haloPx = 0;
    QPointF centre;     // box centre, device pixels
    double angleDeg = 0;
    QSizeF size;        // unrotated text box
    QPolygonF box() const; // the 4 corners
};

class LabelEngine {
public:
    explicit LabelEngine(QSizeF outputSize, double cellPx = 64.0);

    void add(LabelCandidate candidate);
    // Something labels must not cover (a point symbol's box, device pixels), for labels
    // of `priority` or lower (the symbol's layer's label priority; higher labels may
    // cover it). Add obstacles before place().
    void addObstacle(const QRectF &box, int priority = kAlways);
    std::size_t candidateCount() const { return m_candidates.size(); }
    // Places all candidates (measuring text with QFontMetricsF: needs a QGuiApplication).
    void place();
    const std::vector<PlacedLabel> &placed() const { return m_placed; }
    // Draws the placed labels: halo as a stroked text outline, then the text itself
    // (kept as text on PDF/SVG devices).
    void draw(QPainter &painter) const;

    static constexpr int kAlways = 1000; // placed labels: nothing covers them

private:
    bool fits(const QPolygonF &box, const QRectF &bounds, int priority) const;
    void insert(const QPolygonF &box, const QRectF &bounds, int priority);

    QSizeF m_outputSize;
    double m_cell;
    int m_cols, m_rows;
    std::vector<LabelCandidate> m_candidates;
    std::vector<PlacedLabel> m_placed;
    std::vector<QPolygonF> m_boxes;
    std::vector<int> m_boxPriority; // per box: labels of this priority or lower keep off
    std::vector<std::vector<int>> m_grid;
};

} // namespace refuge
