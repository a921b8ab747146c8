#pragma once
// ProjectController: the File menu's project actions — New, Open, Save, Save As, recent
// projects (QSettings), the unsaved-changes prompt, and after loading: the report of
// layers that cannot be drawn, with an offer to relocate missing files. Errors end here
// in message boxes. GUI thread only.
#include <QObject>
#include <QStringList>

class QAction;
class QMenu;
class QWidget;

namespace refuge::desktop {

class ProjectDocument;

class ProjectController : public QObject {
    Q_OBJECT
public:
    ProjectController(ProjectDocument *doc, QWidget *window);

    QAction *newAction() const { return m_new; }
    QAction *openAction() const { return m_open; }
    QAction *saveAction() const { return m_save; }
    QAction *saveAsAction() const { return m_saveAs; }
    QMenu *recentMenu() const { return m_recentMenu; }

    // Asks to save unsaved changes; false when the user cancels.
    bool maybeSave();
    // Opens a project (after maybeSave); errors shown in a message box. Returns success.
    bool openProject(const QString &path);
    bool save();
    bool saveAs();
    void newProject();
    // Set false for unattended runs (screenshots, tests): no dialogs after loading.
    void setInteractive(bool interactive) { m_interactive = interactive; }

    static QStringList recentProjects();

private:
    void addRecent(const QString &path);
    void rebuildRecentMenu();
    void reportBrokenLayers();

    ProjectDocument *m_doc;
    QWidget *m_window;
    QAction *m_new;
    QAction *m_open;
    QAction *m_save;
    QAction *m_saveAs;
    QMenu *m_recentMenu;
    QStringList m_broken; // layer ids reported broken during the current load
    bool m_interactive = true;
};

} // namespace refuge::desktop
