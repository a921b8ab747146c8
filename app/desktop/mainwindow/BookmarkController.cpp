// BookmarkController: View → Bookmarks (see the header).
#include "mainwindow/BookmarkController.h"

#include "canvas/MapCanvas.h"
#include "crs/CoordinateTransform.h"
#include "document/ProjectDocument.h"
#include "util/Error.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QUndoStack>
#include <algorithm>

namespace refuge::desktop {

namespace {

// The CRS text a bookmark stores for the project's CRS: its code, else its WKT.
QString crsText(const Crs &crs) { return crs.authId().isEmpty() ? crs.wkt() : crs.authId(); }

} // namespace

StoreBookmarksCommand::StoreBookmarksCommand(ProjectDocument *doc, std::vector<Bookmark> before, std::vector<Bookmark> after,
                                             const QString &text)
    : QUndoCommand(text), m_doc(doc), m_before(std::move(before)), m_after(std::move(after))
{
}

void StoreBookmarksCommand::redo() { m_doc->setBookmarks(m_after); }

void StoreBookmarksCommand::undo() { m_doc->setBookmarks(m_before); }

BookmarkController::BookmarkController(ProjectDocument *doc, MapCanvas *canvas, QWidget *parent)
    : QObject(parent), m_doc(doc), m_canvas(canvas), m_parent(parent), m_menu(new QMenu(tr("Bookmarks"), parent)),
      m_new(new QAction(tr("New Bookmark…"), this))
{
    m_new->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_new->setToolTip(tr("Save the map's current extent under a name, in the project"));
    connect(m_new, &QAction::triggered, this, &BookmarkController::askAndAdd);
    connect(m_menu, &QMenu::aboutToShow, this, &BookmarkController::rebuildMenu);
    rebuildMenu();
}

bool BookmarkController::fail(const QString &message)
{
    m_lastError = message;
    return false;
}

std::vector<Bookmark> BookmarkController::bookmarks() const
{
    try {
        return Bookmarks::read(m_doc->project());
    } catch (const Error &) {
        return {};
    }
}

bool BookmarkController::add(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return fail(tr("A bookmark needs a name."));
    if (!m_doc->project().crs.isValid() || m_canvas->extent().isEmpty())
        return fail(tr("The map shows nothing to bookmark yet."));
    std::vector<Bookmark> before;
    try {
        before = Bookmarks::read(m_doc->project());
    } catch (const Error &e) {
        return fail(e.message());
    }
    if (std::any_of(before.begin(), before.end(), [&](const Bookmark &b) { return b.name == trimmed; }))
        return fail(tr("There is a bookmark named '%1' already.").arg(trimmed));
    std::vector<Bookmark> after = before;
    after.push_back({trimmed, crsText(m_doc->project().crs), m_canvas->extent().normalized()});
    m_doc->undoStack()->push(new StoreBookmarksCommand(m_doc, before, after, tr("New bookmark '%1'").arg(trimmed)));
    m_lastError.clear();
    return true;
}

bool BookmarkController::remove(const QString &name)
{
    std::vector<Bookmark> before = bookmarks(), after;
    std::copy_if(before.begin(), before.end(), std::back_inserter(after), [&](const Bookmark &b) { return b.name != name; });
    if (after.size() == before.size())
        return fail(tr("There is no bookmark named '%1'.").arg(name));
    m_doc->undoStack()->push(new StoreBookmarksCommand(m_doc, before, after, tr("Delete bookmark '%1'").arg(name)));
    m_lastError.clear();
    return true;
}

bool BookmarkController::zoomTo(const QString &name)
{
    const std::vector<Bookmark> all = bookmarks();
    const auto it = std::find_if(all.begin(), all.end(), [&](const Bookmark &b) { return b.name == name; });
    if (it == all.end())
        return fail(tr("There is no bookmark named '%1'.").arg(name));
    QRectF extent = it->extent;
    try {
        const Crs &project = m_doc->project().crs;
        if (it->crs != crsText(project))
            extent = CoordinateTransform(Crs::fromUserInput(it->crs), project).transformBounds(extent);
    } catch (const Error &e) {
        return fail(tr("Bookmark '%1' cannot be shown in the project's CRS: %2").arg(name, e.message()));
    }
    m_canvas->setExtent(extent);
    m_lastError.clear();
    return true;
}

void BookmarkController::askAndAdd()
{
    const QString suggested = tr("Bookmark %1").arg(bookmarks().size() + 1);
    bool ok = false;
    const QString name = m_interactive ? QInputDialog::getText(m_parent, tr("New Bookmark"), tr("Name of the map's current extent:"),
                                                               QLineEdit::Normal, suggested, &ok)
                                       : suggested;
    if (m_interactive && !ok)
        return;
    if (!add(name) && m_interactive)
        QMessageBox::warning(m_parent, tr("New Bookmark"), m_lastError);
}

void BookmarkController::rebuildMenu()
{
    m_menu->clear();
    m_menu->addAction(m_new);
    std::vector<Bookmark> all;
    try {
        all = Bookmarks::read(m_doc->project());
    } catch (const Error &e) {
        m_menu->addAction(e.message())->setEnabled(false);
        return;
    }
    if (all.empty())
        return;
    m_menu->addSeparator();
    for (const Bookmark &b : all)
        m_menu->addAction(b.name, this, [this, name = b.name] {
            if (!zoomTo(name) && m_interactive)
                QMessageBox::warning(m_parent, tr("Bookmarks"), m_lastError);
        });
    m_menu->addSeparator();
    QMenu *remove = m_menu->addMenu(tr("Delete Bookmark"));
    for (const Bookmark &b : all)
        remove->addAction(b.name, this, [this, name = b.name] { this->remove(name); });
}

} // namespace refuge::desktop
