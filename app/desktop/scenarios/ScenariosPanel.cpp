// ScenariosPanel: the Scenarios dock (see the header).
#include "scenarios/ScenariosPanel.h"

#include "scenarios/ScenarioEditing.h"
#include "scenarios/ScenarioRunner.h"
#include "scenarios/ScenarioSession.h"

#include <QAction>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QToolBar>
#include <QVBoxLayout>

namespace refuge::desktop {

ScenariosPanel::ScenariosPanel(ScenarioSession *session, ScenarioRunner *runner, QWidget *parent)
    : QWidget(parent), m_session(session), m_runner(runner), m_list(new QListWidget(this)), m_new(new QPushButton(tr("New…"), this)),
      m_rename(new QPushButton(tr("Rename…"), this)), m_delete(new QPushButton(tr("Delete"), this)), m_summary(new QLabel(this)),
      m_tools(new QToolBar(this)), m_coverage(new QPushButton(tr("Run coverage under this scenario"), this)),
      m_compare(new QPushButton(tr("Compare with baseline"), this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_progress(new QProgressBar(this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("ScenariosPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_new, m_rename, m_delete})
        buttons->addWidget(b);
    layout->addLayout(buttons);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_tools->setOrientation(Qt::Vertical);
    layout->addWidget(m_tools);
    layout->addWidget(m_coverage);
    layout->addWidget(m_compare);
    auto *progress = new QHBoxLayout;
    progress->addWidget(m_progress, 1);
    progress->addWidget(m_cancel);
    layout->addLayout(progress);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_progress->hide();
    m_cancel->hide();

    connect(m_new, &QPushButton::clicked, this, &ScenariosPanel::newScenario);
    connect(m_rename, &QPushButton::clicked, this, &ScenariosPanel::renameScenario);
    connect(m_delete, &QPushButton::clicked, this, &ScenariosPanel::deleteScenario);
    connect(m_coverage, &QPushButton::clicked, this, &ScenariosPanel::runCoverage);
    connect(m_compare, &QPushButton::clicked, this, &ScenariosPanel::compareWithBaseline);
    connect(m_cancel, &QPushButton::clicked, m_runner, &ScenarioRunner::cancel);
    connect(m_runner, &ScenarioRunner::progress, m_progress, &QProgressBar::setValue);
    connect(m_runner, &ScenarioRunner::finished, this, &ScenariosPanel::runFinished);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!m_rebuilding && item)
            m_session->setActive(item->data(Qt::UserRole).toString());
    });
    connect(m_session, &ScenarioSession::scenariosChanged, this, &ScenariosPanel::rebuild);
    connect(m_session, &ScenarioSession::activeChanged, this, &ScenariosPanel::markActive);
    rebuild();
}

void ScenariosPanel::setToolActions(const QList<QAction *> &actions)
{
    m_toolActions = actions;
    m_tools->addActions(actions);
    updateState();
}

void ScenariosPanel::rebuild()
{
    m_rebuilding = true;
    m_list->clear();
    auto add = [this](const QString &text, const QString &name) { (new QListWidgetItem(text, m_list))->setData(Qt::UserRole, name); };
    add(tr("Baseline (the project as it is)"), Scenario::kBaseline);
    for (const QString &name : m_session->names())
        add(name, name);
    m_rebuilding = false;
    markActive();
}

void ScenariosPanel::markActive()
{
    m_rebuilding = true; // also when called from the list's own signal: items are kept, not rebuilt
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const bool active = item->data(Qt::UserRole).toString() == m_session->activeName();
        QFont f = item->font();
        f.setBold(active);
        item->setFont(f);
        if (active && m_list->currentItem() != item)
            m_list->setCurrentItem(item);
    }
    m_rebuilding = false;
    updateState();
}

void ScenariosPanel::updateState()
{
    const bool named = !m_session->isBaselineActive();
    m_rename->setEnabled(named);
    m_delete->setEnabled(named);
    m_compare->setEnabled(named && !m_runner->isRunning());
    m_coverage->setEnabled(!m_runner->isRunning());
    for (QAction *a : m_toolActions)
        a->setEnabled(named);
    if (!m_session->problem().isEmpty()) {
        m_summary->setText(m_session->problem());
        return;
    }
    if (!named) {
        m_summary->setText(tr("The baseline is the project as it is. Create or choose a scenario to edit shelters and fire stations."));
        return;
    }
    const Scenario s = m_session->active();
    const ScenarioEditing::Counts c = ScenarioEditing::counts(s);
    QString text = tr("%1 added, %2 moved, %3 deleted, %4 capacity changes.").arg(c.added).arg(c.moved).arg(c.deleted).arg(c.capacity);
    if (s.hazard)
        text += QLatin1Char(' ') + tr("With hazard rules.");
    m_summary->setText(text);
}

void ScenariosPanel::newScenario()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New scenario"), tr("Name:"), QLineEdit::Normal,
                                               m_session->uniqueName(tr("What-if")), &ok);
    if (ok && !m_session->create(name))
        QMessageBox::warning(this, tr("New scenario"), tr("'%1' cannot be used: the name is empty, taken or reserved (baseline).").arg(name));
}

void ScenariosPanel::renameScenario()
{
    const QString from = m_session->activeName();
    bool ok = false;
    const QString to = QInputDialog::getText(this, tr("Rename scenario"), tr("Name:"), QLineEdit::Normal, from, &ok);
    if (ok && to != from && !m_session->rename(from, to))
        QMessageBox::warning(this, tr("Rename scenario"), tr("'%1' cannot be used: the name is empty, taken or reserved (baseline).").arg(to));
}

void ScenariosPanel::deleteScenario()
{
    const QString name = m_session->activeName();
    if (QMessageBox::question(this, tr("Delete scenario"), tr("Delete the scenario '%1' and its edits? (Undo brings it back.)").arg(name))
        == QMessageBox::Yes)
        m_session->remove(name);
}

void ScenariosPanel::runCoverage()
{
    m_running = tr("Coverage under '%1'").arg(m_session->isBaselineActive() ? tr("baseline") : m_session->activeName());
    runStarted(m_runner->start(ScenarioRunner::Kind::Coverage, m_session->activeName()));
}

void ScenariosPanel::compareWithBaseline()
{
    m_running = tr("'%1' compared with the baseline").arg(m_session->activeName());
    runStarted(m_runner->start(ScenarioRunner::Kind::Compare, m_session->activeName()));
}

void ScenariosPanel::runStarted(bool started)
{
    if (!started) {
        m_status->setText(m_runner->lastError());
        return;
    }
    m_status->setText(tr("%1: running…").arg(m_running));
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    updateState();
}

void ScenariosPanel::runFinished(bool ok, const QString &message, qint64 milliseconds)
{
    m_progress->hide();
    m_cancel->hide();
    if (ok)
        m_status->setText(tr("%1: updated in %2 s.").arg(m_running, QLocale().toString(milliseconds / 1000.0, 'f', 2)));
    else
        m_status->setText(message.isEmpty() ? tr("%1: canceled.").arg(m_running) : message);
    updateState();
}

} // namespace refuge::desktop
