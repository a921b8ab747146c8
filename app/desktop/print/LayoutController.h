#pragma once
// LayoutController: the main window's print layout actions — "New Print Layout from
// Template…" (the templates of resources/templates/ and the standard A4/A3/A2 pages,
// named in the UI's language) and "Open Project Layout…" (the layouts saved in the
// project) — each opening a LayoutDesigner window on the open project. GUI thread only.
#include "print/PrintLayout.h"

#include <QObject>
#include <QStringList>

class QAction;
class QWidget;

namespace refuge::desktop {

class LayoutDesigner;
class ProjectDocument;

class LayoutController : public QObject {
    Q_OBJECT
public:
    LayoutController(ProjectDocument *doc, QWidget *window);

    QAction *newAction() const { return m_new; }
    QAction *openAction() const { return m_open; }

    // Template names: resources/templates/*.json base names (Chinese ones first in a
    // Chinese UI), then standard-a4, standard-a4-landscape, ... standard-a2-landscape.
    static QStringList templateNames();
    // How a template is named in the UI (translated).
    static QString templateLabel(const QString &name);
    // Throws IoError / InvalidInput naming the template file.
    static PrintLayout loadTemplate(const QString &name);
    // A designer window (deleted when closed) on `layout`, shown.
    LayoutDesigner *openDesigner(const PrintLayout &layout);

private:
    void chooseTemplate();
    void chooseProjectLayout();

    ProjectDocument *m_doc;
    QWidget *m_window;
    QAction *m_new;
    QAction *m_open;
};

} // namespace refuge::desktop
