#pragma once
// ScenariosPanel: the Scenarios dock — the project's scenarios (the baseline first,
// then the named ones of the project's "scenarios"), New / Rename / Delete (undoable),
// the active one chosen by selecting it (the edit tools record into it; the map shows
// its edits), a summary of its edits, the edit tools' buttons, and "Run coverage under
// this scenario" / "Compare with baseline" (ScenarioRunner) with progress, Cancel and
// the time the last run took. GUI thread only.
#include <QList>
#include <QWidget>

class QAction;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QToolBar;

namespace refuge::desktop {

class ScenarioRunner;
class ScenarioSession;

class ScenariosPanel : public QWidget {
    Q_OBJECT
public:
    ScenariosPanel(ScenarioSession *session, ScenarioRunner *runner, QWidget *parent = nullptr);
    // The edit tools' actions, shown as buttons under the list (enabled for a named scenario).
    void setToolActions(const QList<QAction *> &actions);

    QListWidget *list() const { return m_list; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *renameButton() const { return m_rename; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *coverageButton() const { return m_coverage; }
    QPushButton *compareButton() const { return m_compare; }
    QLabel *summary() const { return m_summary; }
    QLabel *status() const { return m_status; }

public Q_SLOTS:
    void newScenario();
    void renameScenario();
    void deleteScenario();
    void runCoverage();
    void compareWithBaseline();

private:
    void rebuild();
    void markActive();
    void updateState();
    void runStarted(bool started);
    void runFinished(bool ok, const QString &message, qint64 milliseconds);

    ScenarioSession *m_session;
    ScenarioRunner *m_runner;
    QListWidget *m_list;
    QPushButton *m_new, *m_rename, *m_delete;
    QLabel *m_summary;
    QToolBar *m_tools;
    QList<QAction *> m_toolActions;
    QPushButton *m_coverage, *m_compare, *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_status;
    bool m_rebuilding = false;
    QString m_running; // what the run in progress is, for its status line
};

} // namespace refuge::desktop
