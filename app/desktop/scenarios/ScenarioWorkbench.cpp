// ScenarioWorkbench: the what-if session, overlay, tools, runner and panel, wired.
#include "scenarios/ScenarioWorkbench.h"

#include "canvas/MapCanvas.h"
#include "scenarios/ScenarioOverlay.h"
#include "scenarios/ScenarioRunner.h"
#include "scenarios/ScenarioSession.h"
#include "scenarios/ScenarioTools.h"
#include "scenarios/ScenariosPanel.h"

#include <QAction>

namespace refuge::desktop {

ScenarioWorkbench::ScenarioWorkbench(ProjectDocument *doc, MapCanvas *canvas, AnalysisController *analysis, QWidget *window)
    : QObject(window), m_canvas(canvas), m_session(new ScenarioSession(doc, this)), m_overlay(new ScenarioOverlay(m_session, canvas)),
      m_runner(new ScenarioRunner(doc, analysis, this)),
      m_addShelter(new AddFacilityTool(canvas, m_session, m_overlay, QStringLiteral("shelters"))),
      m_addStation(new AddFacilityTool(canvas, m_session, m_overlay, QStringLiteral("fire_stations"))),
      m_move(new MoveFacilityTool(canvas, m_session, m_overlay)), m_delete(new DeleteFacilityTool(canvas, m_session, m_overlay)),
      m_capacity(new CapacityTool(canvas, m_session, m_overlay))
{
    m_actions = {toolAction(tr("Add Shelter"), m_addShelter), toolAction(tr("Add Fire Station"), m_addStation),
                 toolAction(tr("Move Facility"), m_move), toolAction(tr("Delete / Restore Facility"), m_delete),
                 toolAction(tr("Edit Capacity"), m_capacity)};
    m_panel = new ScenariosPanel(m_session, m_runner, window);
    m_panel->setToolActions(m_actions);
}

QAction *ScenarioWorkbench::toolAction(const QString &text, ScenarioTool *tool)
{
    auto *a = new QAction(text, this);
    a->setCheckable(true);
    a->setStatusTip(tr("What-if edit of the active scenario (the source files are not changed)"));
    connect(a, &QAction::triggered, this, [this, tool] { m_canvas->setTool(tool); });
    connect(tool, &ScenarioTool::message, this, &ScenarioWorkbench::message);
    return a;
}

} // namespace refuge::desktop
