#pragma once
// ScenarioOverlay: the active scenario's facility edits drawn over the map — additions
// as green markers with their name and capacity, moved facilities at their new place
// (orange) joined by a dashed line to a hollow marker where the layer has them,
// deleted ones crossed out in red, changed capacities labelled. Shelters are circles,
// fire stations squares. Nothing is drawn for the baseline. Repaints (no re-render)
// when the scenarios, the active scenario or the facility layers change. GUI thread only.
#include "canvas/MapOverlay.h"
#include "scenarios/ScenarioEditing.h"

namespace refuge::desktop {

class MapCanvas;
class ScenarioSession;

class ScenarioOverlay : public MapOverlay {
    Q_OBJECT
public:
    ScenarioOverlay(ScenarioSession *session, MapCanvas *canvas);
    void paint(QPainter &painter, const MapCanvas &canvas) override;

    // The facilities of `role` under the active scenario (also for the edit tools).
    ScenarioFacilities facilities(const QString &role) const;

private:
    ScenarioSession *m_session;
};

} // namespace refuge::desktop
