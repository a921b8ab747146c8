#pragma once
// BookmarkController: spatial bookmarks of the desktop (issue 18) — View → Bookmarks:
// "New Bookmark…" (Ctrl+B: the map's extent under a name), one entry per bookmark that
// zooms to it (its extent transformed from the CRS it was made in to the project's),
// "Delete Bookmark" per bookmark. Saved in the project (Bookmarks, core/model); adding
// and deleting are undoable project edits. GUI thread only.
#include "model/Bookmarks.h"

#include <QObject>
#include <QUndoCommand>

class QAction;
class QMenu;
class QWidget;

namespace refuge::desktop {

class MapCanvas;
class ProjectDocument;

class BookmarkController : public QObject {
    Q_OBJECT
public:
    BookmarkController(ProjectDocument *doc, MapCanvas *canvas, QWidget *parent);

    QMenu *menu() const { return m_menu; }
    QAction *newAction() const { return m_new; }
    // Without dialogs (tests): errors go to lastError() only.
    void setInteractive(bool interactive) { m_interactive = interactive; }

    // The project's bookmarks (none when the project's list is unreadable: lastError()).
    std::vector<Bookmark> bookmarks() const;
    // The map's current extent as bookmark `name`, one undo step. False (lastError()
    // says why) for an empty or taken name, or an unreadable list.
    bool add(const QString &name);
    bool remove(const QString &name);
    // Zooms the map to bookmark `name`. False when there is none or its extent cannot be
    // brought into the project's CRS.
    bool zoomTo(const QString &name);
    QString lastError() const { return m_lastError; }

private:
    void askAndAdd();
    void rebuildMenu();
    bool fail(const QString &message);

    ProjectDocument *m_doc;
    MapCanvas *m_canvas;
    QWidget *m_parent;
    QMenu *m_menu;
    QAction *m_new;
    bool m_interactive = true;
    QString m_lastError;
};

// The project's bookmarks replaced (on the project's undo stack).
class StoreBookmarksCommand : public QUndoCommand {
public:
    StoreBookmarksCommand(ProjectDocument *doc, std::vector<Bookmark> before, std::vector<Bookmark> after, const QString &text);
    void redo() override;
    void undo() override;

private:
    ProjectDocument *m_doc;
    std::vector<Bookmark> m_before, m_after;
};

} // namespace refuge::desktop
