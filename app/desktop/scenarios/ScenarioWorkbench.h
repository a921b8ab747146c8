#pragma once
// ScenarioWorkbench: the desktop's what-if parts made and wired once for the main
// window — the ScenarioSession (active scenario, undoable edits), the map overlay, the
// five edit tools with their checkable actions (Add shelter, Add fire station, Move,
// Delete, Edit capacity), the ScenarioRunner, the Scenarios panel, and a scenario made
// from a siting run's chosen sites. The main window
// puts the actions into its tool group and the panel into a dock. GUI thread only.
#include <QList>
#include <QObject>

class QAction;
class QWidget;

namespace refuge::desktop {

class AddFacilityTool;
class AnalysisController;
class CapacityTool;
class DeleteFacilityTool;
class MapCanvas;
class MoveFacilityTool;
class ProjectDocument;
class ScenarioOverlay;
class ScenarioRunner;
class ScenarioSession;
class ScenarioTool;
class ScenariosPanel;

class ScenarioWorkbench : public QObject {
    Q_OBJECT
public:
    ScenarioWorkbench(ProjectDocument *doc, MapCanvas *canvas, AnalysisController *analysis, QWidget *window);

    ScenarioSession *session() const { return m_session; }
    ScenarioOverlay *overlay() const { return m_overlay; }
    ScenarioRunner *runner() const { return m_runner; }
    ScenariosPanel *panel() const { return m_panel; }
    AddFacilityTool *addShelterTool() const { return m_addShelter; }
    AddFacilityTool *addFireStationTool() const { return m_addStation; }
    MoveFacilityTool *moveTool() const { return m_move; }
    DeleteFacilityTool *deleteTool() const { return m_delete; }
    CapacityTool *capacityTool() const { return m_capacity; }
    // The tools' actions (checkable; triggering one sets its tool on the canvas).
    QList<QAction *> actions() const { return m_actions; }
    // Scenario → New Scenario from Chosen Sites.
    QAction *fromSitesAction() const { return m_fromSites; }
    // A new active scenario adding the latest siting run's chosen sites (its "sites"
    // layer in the project) as shelters with their names and capacities (issue 17).
    // Returns its name; empty with `error` set when there is no siting result.
    QString scenarioFromChosenSites(QString *error);

Q_SIGNALS:
    void message(const QString &text); // the tools' hints, for the status bar

private:
    QAction *toolAction(const QString &text, ScenarioTool *tool);

    MapCanvas *m_canvas;
    ScenarioSession *m_session;
    ScenarioOverlay *m_overlay;
    ScenarioRunner *m_runner;
    AddFacilityTool *m_addShelter, *m_addStation;
    MoveFacilityTool *m_move;
    DeleteFacilityTool *m_delete;
    CapacityTool *m_capacity;
    QList<QAction *> m_actions;
    QAction *m_fromSites;
    ScenariosPanel *m_panel;
};

} // namespace refuge::desktop
