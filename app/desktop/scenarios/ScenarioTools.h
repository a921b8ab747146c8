#pragma once
// The what-if edit tools on the canvas, recording into the active scenario through
// ScenarioSession (one undo step each; never into a layer's source file):
// AddFacilityTool (click → name and capacity → an addition), MoveFacilityTool (drag a
// shelter or fire station to its new place), DeleteFacilityTool (click: delete, or
// restore a deleted one; an addition is removed) and CapacityTool (click → new
// capacity). The questions go through replaceable prompts (the dialogs by default) so
// tests drive the tools with real mouse events. With the baseline active the tools
// only say that a scenario must be chosen (the message signal). GUI thread only.
#include "canvas/MapTool.h"
#include "scenarios/ScenarioEditing.h"

#include <functional>
#include <optional>

namespace refuge::desktop {

class ScenarioOverlay;
class ScenarioSession;

struct NewFacility {
    QString name;
    std::optional<double> capacity;
};

class ScenarioTool : public MapTool {
    Q_OBJECT
public:
    ScenarioTool(MapCanvas *canvas, ScenarioSession *session, ScenarioOverlay *overlay);
    QCursor cursor() const override { return Qt::CrossCursor; }

Q_SIGNALS:
    void message(const QString &text); // for the status bar

protected:
    struct Pick {
        QString role;
        ScenarioFacility facility;
    };
    // The facility under `pixel` (shelters first), within a few pixels.
    std::optional<Pick> pick(QPoint pixel, bool withDeleted) const;
    // False (and a message) when the baseline is active.
    bool editable();
    ScenarioSession *session() const { return m_session; }
    ScenarioOverlay *overlay() const { return m_overlay; }

private:
    ScenarioSession *m_session;
    ScenarioOverlay *m_overlay;
};

class AddFacilityTool : public ScenarioTool {
    Q_OBJECT
public:
    using Prompt = std::function<std::optional<NewFacility>(const QString &role, bool hasCapacity)>;
    AddFacilityTool(MapCanvas *canvas, ScenarioSession *session, ScenarioOverlay *overlay, const QString &role);
    void setPrompt(Prompt prompt) { m_prompt = std::move(prompt); }
    void mouseRelease(QMouseEvent *e) override;

private:
    QString m_role;
    Prompt m_prompt;
};

class MoveFacilityTool : public ScenarioTool {
    Q_OBJECT
public:
    using ScenarioTool::ScenarioTool;
    void mousePress(QMouseEvent *e) override;
    void mouseMove(QMouseEvent *e) override;
    void mouseRelease(QMouseEvent *e) override;
    void paint(QPainter &p) override;
    void cancel() override;
    QCursor cursor() const override { return m_picked ? Qt::ClosedHandCursor : Qt::SizeAllCursor; }

private:
    std::optional<Pick> m_picked;
    QPoint m_start, m_pixel;
};

class DeleteFacilityTool : public ScenarioTool {
    Q_OBJECT
public:
    using ScenarioTool::ScenarioTool;
    void mouseRelease(QMouseEvent *e) override;
};

class CapacityTool : public ScenarioTool {
    Q_OBJECT
public:
    using Prompt = std::function<std::optional<double>(const ScenarioFacility &facility)>;
    CapacityTool(MapCanvas *canvas, ScenarioSession *session, ScenarioOverlay *overlay);
    void setPrompt(Prompt prompt) { m_prompt = std::move(prompt); }
    void mouseRelease(QMouseEvent *e) override;

private:
    Prompt m_prompt;
};

} // namespace refuge::desktop
