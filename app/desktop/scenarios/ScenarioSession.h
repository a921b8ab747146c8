#pragma once
// ScenarioSession: the desktop's what-if state — which scenario of the project is
// active ("baseline": none, the project as it is) and every change to the project's
// "scenarios" list (new, rename, delete, and the edit tools' additions, moves,
// deletions and capacity changes of the active scenario), each pushed as one
// ScenarioCommand on the document's undo stack. The edits live only in the project
// file's "scenarios" (saved with the project): the layers' source files are never
// written. The active name is not part of undo; when an undo removes the active
// scenario the session falls back to the baseline. GUI thread only.
#include "model/Scenario.h"

#include <QJsonArray>
#include <QObject>
#include <QUndoCommand>
#include <functional>
#include <vector>

namespace refuge::desktop {

class ProjectDocument;

// Replaces the project's whole "scenarios" list (before/after kept for undo).
class ScenarioCommand : public QUndoCommand {
public:
    ScenarioCommand(ProjectDocument *doc, QJsonArray before, QJsonArray after, const QString &text);
    void redo() override;
    void undo() override;

private:
    ProjectDocument *m_doc;
    QJsonArray m_before, m_after;
};

class ScenarioSession : public QObject {
    Q_OBJECT
public:
    explicit ScenarioSession(ProjectDocument *doc, QObject *parent = nullptr);
    ProjectDocument *document() const { return m_doc; }

    // The project's scenarios (empty with problem() set when its list is malformed).
    std::vector<Scenario> scenarios() const;
    QString problem() const { return m_problem; }
    QStringList names() const;

    QString activeName() const { return m_active; }
    bool isBaselineActive() const { return m_active == Scenario::kBaseline; }
    // The active scenario (an empty one named "baseline" for the baseline).
    Scenario active() const;
    void setActive(const QString &name);

    // A free name "<base>", "<base> 2"...
    QString uniqueName(const QString &base) const;
    // New (optionally with shelters to add), rename, delete: one undo step each. Return false (nothing pushed) for an empty,
    // taken or reserved name, or an unknown scenario.
    bool create(const QString &name, const std::vector<FacilityAddition> &shelters = {});
    bool rename(const QString &from, const QString &to);
    bool remove(const QString &name);
    // An edit of the active scenario (not the baseline) as one undo step named `text`.
    bool editActive(const QString &text, const std::function<void(Scenario &)> &change);

Q_SIGNALS:
    void activeChanged(const QString &name);
    void scenariosChanged(); // the list or the active scenario's edits

private:
    QJsonArray list() const;
    void push(const QJsonArray &after, const QString &text);
    void followDocument();

    ProjectDocument *m_doc;
    QString m_active = Scenario::kBaseline;
    QStringList m_names; // the scenario names at the last change: a rename (or its undo) is followed
    mutable QString m_problem;
};

} // namespace refuge::desktop
