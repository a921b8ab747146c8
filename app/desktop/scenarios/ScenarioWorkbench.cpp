// ScenarioWorkbench: the what-if session, overlay, tools, runner and panel, wired.
#include "scenarios/ScenarioWorkbench.h"

#include "analysis/ResultLayersCommand.h"
#include "canvas/MapCanvas.h"
#include "document/ProjectDocument.h"
#include "model/VectorLayer.h"
#include "scenarios/ScenarioOverlay.h"
#include "scenarios/ScenarioRunner.h"
#include "scenarios/ScenarioSession.h"
#include "scenarios/ScenarioTools.h"
#include "scenarios/ScenariosPanel.h"

#include <QAction>
#include <QMessageBox>

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
    m_fromSites = new QAction(tr("New Scenario from Chosen Sites"), this);
    m_fromSites->setStatusTip(tr("A scenario adding the latest siting run's chosen sites as shelters"));
    connect(m_fromSites, &QAction::triggered, this, [this, window] {
        QString error;
        if (scenarioFromChosenSites(&error).isEmpty())
            QMessageBox::information(window, tr("New Scenario from Chosen Sites"), error);
    });
}

QString ScenarioWorkbench::scenarioFromChosenSites(QString *error)
{
    ProjectDocument *doc = m_session->document();
    const ProjectLayer *sites = nullptr;
    for (const ProjectLayer &l : doc->project().layers)
        if (l.layer == QLatin1String("sites") && l.extra.value(ResultLayersCommand::kAnalysisKey).toString() == QLatin1String("site"))
            sites = &l;
    const LayerData data = sites ? doc->layerData(sites->id) : LayerData();
    if (!data.vector || data.vector->featureCount() == 0) {
        *error = tr("No chosen sites: run Analysis → Siting of new facilities first (its \"Chosen new sites\" layer).");
        return {};
    }
    const VectorLayer &v = *data.vector;
    const int nameF = v.fieldIndex(QStringLiteral("name")), capF = v.fieldIndex(QStringLiteral("capacity"));
    std::vector<FacilityAddition> add;
    for (int r = 0; r < v.featureCount(); ++r) {
        if (v.geometry(r).isEmpty())
            continue;
        FacilityAddition a;
        a.name = nameF >= 0 ? v.attribute(r, nameF).toString() : QString();
        bool ok = false;
        const double capacity = capF >= 0 ? v.attribute(r, capF).toDouble(&ok) : 0;
        if (ok)
            a.capacity = capacity;
        a.at = ScenarioPoint{v.geometry(r).ringPoints(0)[0], false};
        add.push_back(a);
    }
    const QString name = m_session->uniqueName(tr("Chosen sites (%1)").arg(add.size()));
    if (!m_session->create(name, add)) {
        *error = m_session->problem();
        return {};
    }
    return name;
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
