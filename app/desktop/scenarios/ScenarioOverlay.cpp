// ScenarioOverlay: the active scenario's edited facilities over the map.
#include "scenarios/ScenarioOverlay.h"

#include "canvas/MapCanvas.h"
#include "document/ProjectDocument.h"
#include "model/VectorLayer.h"
#include "scenarios/ScenarioSession.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace refuge::desktop {

namespace {

constexpr double kRadius = 7.0;
const QColor kAdded(26, 152, 80), kMoved(241, 105, 19), kDeleted(215, 25, 28), kCapacity(33, 102, 172);

void marker(QPainter &p, QPointF at, bool square, const QColor &fill, bool hollow = false)
{
    p.setPen(QPen(hollow ? fill : QColor(20, 20, 20), hollow ? 2.0 : 1.2));
    p.setBrush(hollow ? QBrush(Qt::NoBrush) : QBrush(fill));
    const QRectF r(at.x() - kRadius, at.y() - kRadius, 2 * kRadius, 2 * kRadius);
    square ? p.drawRect(r) : p.drawEllipse(r);
}

void label(QPainter &p, QPointF at, const QString &text, const QColor &color)
{
    QPainterPath path;
    path.addText(at + QPointF(kRadius + 3, 4), p.font(), text);
    p.setPen(QPen(Qt::white, 3));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path); // halo
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawPath(path);
}

QString capacityText(const ScenarioFacility &f)
{
    return f.capacity ? QLocale().toString(*f.capacity, 'f', 0) : QString();
}

void drawFacility(QPainter &p, const MapCanvas &canvas, const ScenarioFacility &f, bool square)
{
    const QPointF at = canvas.toPixel(f.at);
    if (f.deleted) {
        p.setPen(QPen(kDeleted, 3));
        p.drawLine(at + QPointF(-kRadius, -kRadius), at + QPointF(kRadius, kRadius));
        p.drawLine(at + QPointF(-kRadius, kRadius), at + QPointF(kRadius, -kRadius));
        return;
    }
    if (f.added) {
        marker(p, at, square, kAdded);
        p.setPen(QPen(Qt::white, 2));
        p.drawLine(at + QPointF(-4, 0), at + QPointF(4, 0));
        p.drawLine(at + QPointF(0, -4), at + QPointF(0, 4));
        const QString cap = capacityText(f);
        label(p, at, cap.isEmpty() ? f.name : QStringLiteral("%1 (%2)").arg(f.name, cap), kAdded.darker(130));
        return;
    }
    if (f.moved) {
        const QPointF from = canvas.toPixel(f.original);
        p.setPen(QPen(kMoved, 1.5, Qt::DashLine));
        p.drawLine(from, at);
        marker(p, from, square, kMoved, true);
        marker(p, at, square, kMoved);
    }
    if (f.capacityChanged) {
        if (!f.moved)
            marker(p, at, square, kCapacity);
        label(p, at, QStringLiteral("%1 → %2").arg(f.name, capacityText(f)), kCapacity);
    }
}

} // namespace

ScenarioOverlay::ScenarioOverlay(ScenarioSession *session, MapCanvas *canvas) : MapOverlay(canvas), m_session(session)
{
    ProjectDocument *doc = session->document();
    connect(session, &ScenarioSession::scenariosChanged, canvas, qOverload<>(&QWidget::update));
    connect(session, &ScenarioSession::activeChanged, canvas, qOverload<>(&QWidget::update));
    connect(doc, &ProjectDocument::layerDataChanged, canvas, qOverload<>(&QWidget::update));
    canvas->addOverlay(this);
}

ScenarioFacilities ScenarioOverlay::facilities(const QString &role) const
{
    const ProjectDocument *doc = m_session->document();
    const Scenario s = m_session->active();
    const ProjectLayer *l = ScenarioEditing::layerFor(doc->project(), s, role);
    const LayerData data = l ? doc->layerData(l->id) : LayerData();
    return ScenarioEditing::facilities(doc->project(), s, role, data.vector.get());
}

void ScenarioOverlay::paint(QPainter &p, const MapCanvas &canvas)
{
    if (m_session->isBaselineActive())
        return;
    p.setRenderHint(QPainter::Antialiasing);
    QFont f = p.font();
    f.setBold(true);
    p.setFont(f);
    for (const QString &role : ScenarioEditing::kRoles) {
        const ScenarioFacilities set = facilities(role);
        for (const ScenarioFacility &facility : set.items)
            if (facility.added || facility.moved || facility.deleted || facility.capacityChanged)
                drawFacility(p, canvas, facility, role == QLatin1String("fire_stations"));
    }
}

} // namespace refuge::desktop
