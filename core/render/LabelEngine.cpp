#include "render/LabelEngine.h"

#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QTransform>
#include <algorithm>
#include <cmath>

namespace refuge {

namespace {

QPolygonF orientedBox(QPointF centre, QSizeF size, double angleDeg)
{
    QTransform t;
    t.translate(centre.x(), centre.y());
    t.rotate(angleDeg);
    const double w = size.width() / 2, h = size.height() / 2;
    // Four corners (QPolygonF(QRectF) would repeat the first one, giving a null axis below).
    return t.map(QPolygonF({QPointF(-w, -h), QPointF(w, -h), QPointF(w, h), QPointF(-w, h)}));
}

// Separating-axis test for two convex quads.
bool overlaps(const QPolygonF &a, const QPolygonF &b)
{
    for (const QPolygonF *poly : {&a, &b}) {
        const int n = int(poly->size());
        for (int i = 0; i < n; ++i) {
            const QPointF e = (*poly)[(i + 1) % n] - (*poly)[i];
            const QPointF axis(-e.y(), e.x());
            if (axis.x() == 0 && axis.y() == 0)
                continue;
            double amin = 1e300, amax = -1e300, bmin = 1e300, bmax = -1e300;
            for (const QPointF &p : a) {
                const double d = p.x() * axis.x() + p.y() * axis.y();
                amin = std::min(amin, d);
                amax = std::max(amax, d);
            }
            for (const QPointF &p : b) {
                const double d = p.x() * axis.x() + p.y() * axis.y();
                bmin = std::min(bmin, d);
                bmax = std::max(bmax, d);
            }
            if (amax <= bmin || bmax <= amin)
                return false;
        }
    }
    return true;
}

} // namespace

QPolygonF PlacedLabel::box() const { return orientedBox(centre, size, angleDeg); }

LabelEngine::LabelEngine(QSizeF outputSize, double cellPx)
    : m_outputSize(outputSize), m_cell(cellPx),
      m_cols(std::max(1, int(std::ceil(outputSize.width() / cellPx)))),
      m_rows(std::max(1, int(std::ceil(outputSize.height() / cellPx)))),
      m_grid(std::size_t(m_cols) * std::size_t(m_rows))
{
}

void LabelEngine::add(LabelCandidate candidate)
{
    if (!candidate.text.trimmed().isEmpty())
        m_candidates.push_back(std::move(candidate));
}

void LabelEngine::addObstacle(const QRectF &box, int priority)
{
    const QRectF b = box.intersected(QRectF(QPointF(0, 0), m_outputSize));
    if (b.isEmpty())
        return;
    insert(QPolygonF({b.topLeft(), b.topRight(), b.bottomRight(), b.bottomLeft()}), b, priority);
}

bool LabelEngine::fits(const QPolygonF &box, const QRectF &bounds, int priority) const
{
    if (bounds.left() < 0 || bounds.top() < 0 || bounds.right() > m_outputSize.width() || bounds.bottom() > m_outputSize.height())
        return false;
    const int c0 = std::clamp(int(bounds.left() / m_cell), 0, m_cols - 1), c1 = std::clamp(int(bounds.right() / m_cell), 0, m_cols - 1);
    const int r0 = std::clamp(int(bounds.top() / m_cell), 0, m_rows - 1), r1 = std::clamp(int(bounds.bottom() / m_cell), 0, m_rows - 1);
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c)
            for (int i : m_grid[std::size_t(r) * std::size_t(m_cols) + std::size_t(c)])
                if (m_boxPriority[std::size_t(i)] >= priority && m_boxes[std::size_t(i)].boundingRect().intersects(bounds)
                    && overlaps(m_boxes[std::size_t(i)], box))
                    return false;
    return true;
}

void LabelEngine::insert(const QPolygonF &box, const QRectF &bounds, int priority)
{
    const int id = int(m_boxes.size());
    m_boxes.push_back(box);
    m_boxPriority.push_back(priority);
    const int c0 = std::clamp(int(bounds.left() / m_cell), 0, m_cols - 1), c1 = std::clamp(int(bounds.right() / m_cell), 0, m_cols - 1);
    const int r0 = std::clamp(int(bounds.top() / m_cell), 0, m_rows - 1), r1 = std::clamp(int(bounds.bottom() / m_cell), 0, m_rows - 1);
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c)
            m_grid[std::size_t(r) * std::size_t(m_cols) + std::size_t(c)].push_back(id);
}

void LabelEngine::place()
{
    QHash<QString, std::vector<QPointF>> lineLabels; // text → placed centres (line labels)
    std::stable_sort(m_candidates.begin(), m_candidates.end(),
                     [](const LabelCandidate &a, const LabelCandidate &b) { return a.priority > b.priority; });
    for (const LabelCandidate &c : m_candidates) {
        const QFontMetricsF fm(c.font);
        const double pad = std::max(1.0, c.haloPx);
        const QSizeF size(fm.horizontalAdvance(c.text) + 2 * pad, fm.height() + pad);
        std::vector<std::pair<QPointF, double>> positions; // centre, angle
        switch (c.kind) {
        case LabelCandidate::Kind::Point: {
            const double dx = c.offsetPx + size.width() / 2, dy = c.offsetPx + size.height() / 2;
            const double d = c.offsetPx * 0.7071;
            const QPointF a = c.anchor;
            positions = {{a + QPointF(dx, 0), 0}, {a + QPointF(-dx, 0), 0}, {a + QPointF(0, -dy), 0},
                         {a + QPointF(0, dy), 0}, {a + QPointF(d + size.width() / 2, -d - size.height() / 2), 0},
                         {a + QPointF(d + size.width() / 2, d + size.height() / 2), 0},
                         {a + QPointF(-d - size.width() / 2, -d - size.height() / 2), 0},
                         {a + QPointF(-d - size.width() / 2, d + size.height() / 2), 0}};
            break;
        }
        case LabelCandidate::Kind::Polygon:
            positions = {{c.anchor, 0}, {c.anchor + QPointF(0, -size.height()), 0}, {c.anchor + QPointF(0, size.height()), 0}};
            break;
        case LabelCandidate::Kind::Line: {
            // Segments long enough for the text, longest first; centre and quarter points.
            std::vector<std::pair<double, int>> segs;
            for (int i = 0; i + 1 < c.line.size(); ++i) {
                const QPointF d = c.line[i + 1] - c.line[i];
                const double len = std::hypot(d.x(), d.y());
                if (len >= size.width() * 1.05)
                    segs.push_back({len, i});
            }
            std::sort(segs.begin(), segs.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
            if (segs.size() > 3)
                segs.resize(3);
            for (const auto &[len, i] : segs) {
                const QPointF p = c.line[i], q = c.line[i + 1];
                double angle = std::atan2(q.y() - p.y(), q.x() - p.x()) * 180.0 / M_PI;
                if (angle > 90)
                    angle -= 180;
                else if (angle <= -90)
                    angle += 180;
                const double slack = (len - size.width()) / 2;
                for (double f : {0.0, -0.5, 0.5}) {
                    const double t = (len / 2 + f * slack) / len;
                    positions.push_back({p + (q - p) * t, angle});
                }
            }
            break;
        }
        }
        for (const auto &[centre, angle] : positions) {
            const QPolygonF box = orientedBox(centre, size, angle);
            const QRectF bounds = box.boundingRect();
            if (c.kind == LabelCandidate::Kind::Line) {
                const auto &seen = lineLabels[c.text];
                const double minDist = std::max(200.0, 3 * size.width());
                if (std::any_of(seen.begin(), seen.end(), [&](const QPointF &s) {
                        return std::hypot(s.x() - centre.x(), s.y() - centre.y()) < minDist; }))
                    break;
            }
            if (c.avoidCollisions && !fits(box, bounds, c.priority))
                continue;
            if (!c.avoidCollisions && !QRectF(QPointF(0, 0), m_outputSize).intersects(bounds))
                continue;
            insert(box, bounds, kAlways);
            if (c.kind == LabelCandidate::Kind::Line)
                lineLabels[c.text].push_back(centre);
            m_placed.push_back({c.text, c.font, c.color, c.haloColor, c.haloPx, centre, angle, size});
            break;
        }
    }
}

void LabelEngine::draw(QPainter &painter) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    for (const PlacedLabel &l : m_placed) {
        const QFontMetricsF fm(l.font);
        const double w = fm.horizontalAdvance(l.text);
        // Baseline so the text's ascent+descent box is centred on `centre`.
        const QPointF origin(-w / 2, (fm.ascent() - fm.descent()) / 2);
        painter.save();
        painter.translate(l.centre);
        painter.rotate(l.angleDeg);
        if (l.haloPx > 0 && l.haloColor.alpha() > 0) {
            QPainterPath path;
            path.addText(origin, l.font, l.text);
            QPen pen(l.haloColor, 2 * l.haloPx, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
            painter.strokePath(path, pen);
        }
        painter.setFont(l.font);
        painter.setPen(l.color);
        painter.drawText(origin, l.text);
        painter.restore();
    }
    painter.restore();
}

} // namespace refuge
