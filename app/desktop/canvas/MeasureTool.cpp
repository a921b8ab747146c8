#include "canvas/MeasureTool.h"

#include "canvas/MapCanvas.h"
#include "crs/CoordinateTransform.h"
#include "crs/Geodesic.h"
#include "document/ProjectDocument.h"
#include "util/Error.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <cmath>

namespace refuge::desktop {

namespace {

double planarLength(const std::vector<QPointF> &pts)
{
    double total = 0;
    for (std::size_t i = 1; i < pts.size(); ++i)
        total += std::hypot(pts[i].x() - pts[i - 1].x(), pts[i].y() - pts[i - 1].y());
    return total;
}

double planarArea(const std::vector<QPointF> &pts)
{
    double twice = 0; // shoelace
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const QPointF &a = pts[i], &b = pts[(i + 1) % pts.size()];
        twice += a.x() * b.y() - b.x() * a.y();
    }
    return pts.size() < 3 ? 0 : std::abs(twice) / 2;
}

QString lengthText(double m)
{
    const QLocale l;
    return m >= 1000 ? MeasureTool::tr("%1 km").arg(l.toString(m / 1000, 'f', 3)) : MeasureTool::tr("%1 m").arg(l.toString(m, 'f', 1));
}

QString areaText(double m2)
{
    const QLocale l;
    if (m2 >= 1e6)
        return MeasureTool::tr("%1 km²").arg(l.toString(m2 / 1e6, 'f', 3));
    if (m2 >= 1e4)
        return MeasureTool::tr("%1 ha").arg(l.toString(m2 / 1e4, 'f', 2));
    return MeasureTool::tr("%1 m²").arg(l.toString(m2, 'f', 0));
}

} // namespace

MeasureTool::MeasureTool(MapCanvas *canvas) : MapTool(canvas) {}
MeasureTool::~MeasureTool() = default;

void MeasureTool::mousePress(QMouseEvent *e)
{
    const QPointF at = canvas()->toMap(e->position());
    if (e->button() == Qt::RightButton) { // ends the measurement, the live point dropped
        m_finished = true;
        m_live.reset();
    } else if (e->button() == Qt::LeftButton) {
        if (m_finished)
            m_points.clear();
        m_finished = false;
        m_points.push_back(at);
        m_live.reset();
    } else {
        return;
    }
    update();
}

void MeasureTool::mouseMove(QMouseEvent *e)
{
    if (m_points.empty() || m_finished)
        return;
    m_live = canvas()->toMap(e->position());
    update();
}

void MeasureTool::cancel()
{
    m_points.clear();
    m_live.reset();
    m_finished = false;
    update();
}

std::vector<QPointF> MeasureTool::points() const
{
    std::vector<QPointF> pts = m_points;
    if (m_live)
        pts.push_back(*m_live);
    return pts;
}

double MeasureTool::length() const { return m_length; }
double MeasureTool::area() const { return m_area; }

// The points as lon/lat; empty when the project has no CRS or a point is outside it.
std::vector<QPointF> MeasureTool::lonLat(const std::vector<QPointF> &map) const
{
    const Crs &crs = canvas()->document()->project().crs;
    if (!crs.isValid())
        return {};
    try {
        const CoordinateTransform toLonLat(crs, Crs::fromUserInput(QStringLiteral("OGC:CRS84")));
        std::vector<QPointF> out;
        out.reserve(map.size());
        for (const QPointF &p : map)
            out.push_back(toLonLat.transform(p));
        return out;
    } catch (const Error &) {
        return {};
    }
}

void MeasureTool::update()
{
    const std::vector<QPointF> pts = points();
    const std::vector<QPointF> ll = lonLat(pts);
    m_ellipsoidal = !pts.empty() && ll.size() == pts.size();
    m_length = m_ellipsoidal ? Geodesic::pathLength(ll) : planarLength(pts);
    m_area = m_ellipsoidal ? Geodesic::polygonArea(ll) : planarArea(pts);
    canvas()->update();
    Q_EMIT measured(text());
}

QString MeasureTool::text() const
{
    if (points().size() < 2)
        return m_points.empty() ? QString() : tr("Click the next point; right click ends");
    QString t = tr("Length %1").arg(lengthText(m_length));
    if (points().size() >= 3)
        t += tr(" · Area %1").arg(areaText(m_area));
    return t + (m_ellipsoidal ? tr(" (ellipsoidal, WGS 84)") : tr(" (planar, map units)"));
}

void MeasureTool::paint(QPainter &p)
{
    const std::vector<QPointF> pts = points();
    if (pts.empty())
        return;
    QPolygonF line;
    for (const QPointF &m : pts)
        line << canvas()->toPixel(m);
    p.setRenderHint(QPainter::Antialiasing, true);
    if (pts.size() >= 3) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(200, 40, 40, 40));
        p.drawPolygon(line);
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(200, 40, 40), 2));
    p.drawPolyline(line);
    if (line.size() >= 3) { // the edge that closes the measured area
        p.setPen(QPen(QColor(200, 40, 40), 1, Qt::DashLine));
        p.drawLine(line.back(), line.front());
        p.setPen(QPen(QColor(200, 40, 40), 2));
    }
    p.setBrush(QColor(200, 40, 40));
    for (const QPointF &v : line)
        p.drawEllipse(v, 3, 3);
    const QString label = text();
    if (label.isEmpty())
        return;
    const QRectF box = p.fontMetrics().boundingRect(label).adjusted(-6, -4, 6, 4).translated(12 - p.fontMetrics().boundingRect(label).left() + 6, 24);
    p.setPen(QColor(120, 20, 20));
    p.setBrush(QColor(255, 255, 255, 230));
    p.drawRect(box);
    p.drawText(box, Qt::AlignCenter, label);
}

} // namespace refuge::desktop
