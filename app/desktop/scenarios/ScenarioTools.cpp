// The what-if edit tools: add, move, delete facilities and edit capacity (see the header).
#include "scenarios/ScenarioTools.h"

#include "canvas/MapCanvas.h"
#include "scenarios/ScenarioDialogs.h"
#include "scenarios/ScenarioOverlay.h"
#include "scenarios/ScenarioSession.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

namespace refuge::desktop {

namespace {
constexpr double kTolerancePixels = 8.0;

QString roleNoun(const QString &role)
{
    return role == QLatin1String("shelters") ? ScenarioTool::tr("shelter") : ScenarioTool::tr("fire station");
}
} // namespace

ScenarioTool::ScenarioTool(MapCanvas *canvas, ScenarioSession *session, ScenarioOverlay *overlay)
    : MapTool(canvas), m_session(session), m_overlay(overlay)
{
}

std::optional<ScenarioTool::Pick> ScenarioTool::pick(QPoint pixel, bool withDeleted) const
{
    const QPointF p = canvas()->toMap(pixel);
    const double tolerance = kTolerancePixels * canvas()->mapUnitsPerPixel();
    for (const QString &role : ScenarioEditing::kRoles) {
        const ScenarioFacilities set = m_overlay->facilities(role);
        if (const ScenarioFacility *f = ScenarioEditing::nearest(set, p, tolerance, withDeleted))
            return Pick{role, *f};
    }
    return std::nullopt;
}

bool ScenarioTool::editable()
{
    if (!m_session->isBaselineActive())
        return true;
    Q_EMIT message(tr("Choose or create a scenario in the Scenarios panel first: the baseline is the project as it is."));
    return false;
}

AddFacilityTool::AddFacilityTool(MapCanvas *canvas, ScenarioSession *session, ScenarioOverlay *overlay, const QString &role)
    : ScenarioTool(canvas, session, overlay), m_role(role),
      m_prompt([canvas](const QString &r, bool hasCapacity) { return ScenarioDialogs::askNewFacility(canvas, r, hasCapacity); })
{
}

void AddFacilityTool::mouseRelease(QMouseEvent *e)
{
    if (e->button() != Qt::LeftButton || !editable())
        return;
    const QPointF at = canvas()->toMap(e->position());
    const ScenarioFacilities set = overlay()->facilities(m_role);
    if (set.layerId.isEmpty()) {
        Q_EMIT message(tr("The project has no %1 layer to add to.").arg(roleNoun(m_role)));
        return;
    }
    const std::optional<NewFacility> f = m_prompt(m_role, set.hasCapacity);
    if (!f)
        return;
    const QString name = f->name.isEmpty() ? roleNoun(m_role) : f->name;
    session()->editActive(tr("Add %1 '%2'").arg(roleNoun(m_role), name),
                          [&](Scenario &s) { ScenarioEditing::add(s, m_role, f->name, f->capacity, at); });
}

void MoveFacilityTool::mousePress(QMouseEvent *e)
{
    if (e->button() != Qt::LeftButton || !editable())
        return;
    m_picked = pick(e->position().toPoint(), false);
    m_pixel = m_start = e->position().toPoint();
    canvas()->setCursor(cursor());
}

void MoveFacilityTool::mouseMove(QMouseEvent *e)
{
    if (!m_picked)
        return;
    m_pixel = e->position().toPoint();
    canvas()->update();
}

void MoveFacilityTool::mouseRelease(QMouseEvent *e)
{
    if (e->button() != Qt::LeftButton || !m_picked)
        return;
    const Pick picked = *m_picked;
    m_picked.reset();
    canvas()->setCursor(cursor());
    const QPointF to = canvas()->toMap(e->position());
    if ((e->position().toPoint() - m_start).manhattanLength() < 2)
        return; // a click, not a drag
    session()->editActive(tr("Move %1 '%2'").arg(roleNoun(picked.role), picked.facility.name),
                          [&](Scenario &s) { ScenarioEditing::move(s, picked.role, picked.facility, to); });
}

void MoveFacilityTool::paint(QPainter &p)
{
    if (!m_picked)
        return;
    const QPointF from = canvas()->toPixel(m_picked->facility.at);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(241, 105, 19), 1.5, Qt::DashLine));
    p.drawLine(from, m_pixel);
    p.setBrush(QColor(241, 105, 19, 160));
    p.drawEllipse(QPointF(m_pixel), 7, 7);
}

void MoveFacilityTool::cancel()
{
    m_picked.reset();
    canvas()->update();
}

void DeleteFacilityTool::mouseRelease(QMouseEvent *e)
{
    if (e->button() != Qt::LeftButton || !editable())
        return;
    const std::optional<Pick> picked = pick(e->position().toPoint(), true);
    if (!picked)
        return;
    const ScenarioFacility &f = picked->facility;
    const QString text = f.deleted ? tr("Restore %1 '%2'") : tr("Delete %1 '%2'");
    session()->editActive(text.arg(roleNoun(picked->role), f.name),
                          [&](Scenario &s) { ScenarioEditing::toggleDelete(s, picked->role, f); });
}

CapacityTool::CapacityTool(MapCanvas *canvas, ScenarioSession *session, ScenarioOverlay *overlay)
    : ScenarioTool(canvas, session, overlay), m_prompt([canvas](const ScenarioFacility &f) { return ScenarioDialogs::askCapacity(canvas, f); })
{
}

void CapacityTool::mouseRelease(QMouseEvent *e)
{
    if (e->button() != Qt::LeftButton || !editable())
        return;
    const std::optional<Pick> picked = pick(e->position().toPoint(), false);
    if (!picked)
        return;
    if (!overlay()->facilities(picked->role).hasCapacity) {
        Q_EMIT message(tr("The %1 layer has no capacity field (map one in the layer's properties).").arg(roleNoun(picked->role)));
        return;
    }
    const std::optional<double> capacity = m_prompt(picked->facility);
    if (!capacity)
        return;
    session()->editActive(tr("Capacity of '%1' to %2").arg(picked->facility.name, QLocale().toString(*capacity, 'f', 0)),
                          [&](Scenario &s) { ScenarioEditing::setCapacity(s, picked->role, picked->facility, *capacity); });
}

} // namespace refuge::desktop
