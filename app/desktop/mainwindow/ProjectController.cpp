#include "mainwindow/ProjectController.h"

#include "commands/LayerCommands.h"
#include "document/ProjectDocument.h"
#include "util/Error.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QUndoStack>

namespace refuge::desktop {

namespace {
const QString kRecentKey = QStringLiteral("project/recent");

// libpq's words when the server wants a password it did not get, or refused it.
bool isPasswordFailure(const QString &error)
{
    return error.contains(QLatin1String("password authentication failed"), Qt::CaseInsensitive)
        || error.contains(QLatin1String("no password supplied"), Qt::CaseInsensitive);
}
} // namespace

ProjectController::ProjectController(ProjectDocument *doc, QWidget *window)
    : QObject(window), m_doc(doc), m_window(window), m_new(new QAction(tr("&New Project"), this)),
      m_open(new QAction(tr("&Open Project…"), this)), m_save(new QAction(tr("&Save"), this)),
      m_saveAs(new QAction(tr("Save &As…"), this)), m_recentMenu(new QMenu(tr("Recent Projects"), window))
{
    m_new->setShortcut(QKeySequence::New);
    m_open->setShortcut(QKeySequence::Open);
    m_save->setShortcut(QKeySequence::Save);
    m_saveAs->setShortcut(QKeySequence::SaveAs);
    m_new->setIcon(QIcon::fromTheme(QStringLiteral("document-new")));
    m_open->setIcon(QIcon::fromTheme(QStringLiteral("document-open")));
    m_save->setIcon(QIcon::fromTheme(QStringLiteral("document-save")));
    connect(m_new, &QAction::triggered, this, &ProjectController::newProject);
    connect(m_open, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Open project"), QString(), tr("Refuge projects (*.refuge)"));
        if (!path.isEmpty())
            openProject(path);
    });
    connect(m_save, &QAction::triggered, this, &ProjectController::save);
    connect(m_saveAs, &QAction::triggered, this, &ProjectController::saveAs);
    connect(doc, &ProjectDocument::projectReset, this, [this] { m_broken.clear(); });
    connect(doc, &ProjectDocument::layerBroken, this, [this](const QString &id) {
        if (!m_broken.contains(id))
            m_broken << id;
    });
    connect(doc, &ProjectDocument::loadingFinished, this, &ProjectController::reportBrokenLayers);
    rebuildRecentMenu();
}

bool ProjectController::maybeSave()
{
    if (!m_doc->isModified())
        return true;
    const auto answer = QMessageBox::warning(m_window, tr("Unsaved changes"),
                                             tr("The project “%1” has unsaved changes. Save them?").arg(m_doc->displayName()),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool ProjectController::openProject(const QString &path)
{
    if (!maybeSave())
        return false;
    try {
        m_doc->open(path);
    } catch (const Error &e) {
        QMessageBox::critical(m_window, tr("Cannot open project"), e.message());
        return false;
    }
    addRecent(m_doc->filePath());
    const QStringList warnings = m_doc->project().warnings(); // a stored password: used, never saved again
    if (!warnings.isEmpty() && m_interactive)
        QMessageBox::warning(m_window, tr("Open project"), warnings.join(QLatin1Char('\n')));
    return true;
}

bool ProjectController::save()
{
    if (m_doc->filePath().isEmpty())
        return saveAs();
    try {
        m_doc->save(m_doc->filePath());
    } catch (const Error &e) {
        QMessageBox::critical(m_window, tr("Cannot save project"), e.message());
        return false;
    }
    return true;
}

bool ProjectController::saveAs()
{
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save project as"), m_doc->filePath(), tr("Refuge projects (*.refuge)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".refuge");
    try {
        m_doc->save(path);
    } catch (const Error &e) {
        QMessageBox::critical(m_window, tr("Cannot save project"), e.message());
        return false;
    }
    addRecent(m_doc->filePath());
    return true;
}

void ProjectController::newProject()
{
    if (!maybeSave())
        return;
    Crs crs = m_doc->project().crs;
    if (!crs.isValid())
        crs = Crs::fromEpsg(4326);
    m_doc->newProject(crs);
}

QStringList ProjectController::recentProjects() { return QSettings().value(kRecentKey).toStringList(); }

void ProjectController::addRecent(const QString &path)
{
    QStringList list = recentProjects();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > 10)
        list.removeLast();
    QSettings().setValue(kRecentKey, list);
    rebuildRecentMenu();
}

void ProjectController::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList list = recentProjects();
    for (const QString &path : list) {
        QAction *a = m_recentMenu->addAction(QFileInfo(path).fileName());
        a->setToolTip(path);
        a->setStatusTip(path);
        connect(a, &QAction::triggered, this, [this, path] { openProject(path); });
    }
    m_recentMenu->setEnabled(!list.isEmpty());
}

void ProjectController::reportBrokenLayers()
{
    QStringList ids = m_broken;
    m_broken.clear();
    if (ids.isEmpty() || !m_interactive)
        return;
    // A database that wants a password: ask once per connection, keep it in memory.
    QStringList asked;
    for (const QString &id : std::as_const(ids)) {
        const ProjectLayer *l = m_doc->layerById(id);
        const QString connection = l ? withoutPassword(m_doc->project().resolvedPath(*l)) : QString();
        if (!l || !isConnectionString(connection) || asked.contains(connection) || !isPasswordFailure(m_doc->layerData(id).error))
            continue;
        asked << connection;
        bool ok = false;
        const QString password = QInputDialog::getText(m_window, tr("Database password"),
                                                       tr("Password for %1\n(kept for this session only, never saved in the project)")
                                                           .arg(redactedSource(connection)),
                                                       QLineEdit::Password, QString(), &ok);
        if (ok && !password.isEmpty())
            m_doc->setConnectionPassword(connection, password); // reloads: a new failure is reported then
    }
    ids.removeIf([&](const QString &id) {
        const ProjectLayer *l = m_doc->layerById(id);
        return l && asked.contains(withoutPassword(m_doc->project().resolvedPath(*l))) && !m_doc->layerData(id).isBroken();
    });
    QStringList lines;
    QStringList missing;
    for (const QString &id : ids) {
        const ProjectLayer *l = m_doc->layerById(id);
        const LayerData d = m_doc->layerData(id);
        if (!l || !d.isBroken())
            continue;
        lines << QStringLiteral("• %1: %2").arg(l->name, d.error);
        if (d.missingSource)
            missing << id;
    }
    if (lines.isEmpty())
        return;
    QMessageBox box(QMessageBox::Warning, tr("Layers not drawn"),
                    tr("%n layer(s) cannot be drawn:", nullptr, int(lines.size())), QMessageBox::Close, m_window);
    box.setInformativeText(lines.join(QLatin1Char('\n')));
    QPushButton *relocate = missing.isEmpty() ? nullptr : box.addButton(tr("Relocate…"), QMessageBox::ActionRole);
    box.exec();
    if (!relocate || box.clickedButton() != relocate)
        return;
    for (const QString &id : missing) {
        const ProjectLayer *l = m_doc->layerById(id);
        if (!l)
            continue;
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Locate the file of layer “%1”").arg(l->name),
                                                          QFileInfo(m_doc->project().resolvedPath(*l)).absolutePath());
        if (path.isEmpty())
            continue;
        m_doc->undoStack()->push(new SetLayerSourceCommand(m_doc, id, m_doc->project().storedPath(path)));
    }
}

} // namespace refuge::desktop
