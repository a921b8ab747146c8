// AnalysisDialog: the shared frame of the analysis dialogs (see the header).
#include "analysis/AnalysisDialog.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QCloseEvent>
#include <QDir>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace refuge::desktop {

AnalysisDialog::AnalysisDialog(QWidget *parent)
    : QDialog(parent), m_scroll(new QScrollArea(this)), m_inputs(new QWidget), m_form(new QFormLayout(m_inputs)), m_progress(new QProgressBar(this)), m_status(new QLabel(this)),
      m_run(new QPushButton(tr("&Run"), this)), m_cancel(new QPushButton(tr("Cancel"), this)), m_close(new QPushButton(tr("Close"), this))
{
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->setVisible(false);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_run, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    m_run->setDefault(true);
    m_cancel->setEnabled(false);
    m_cancel->setVisible(false);
    connect(m_run, &QPushButton::clicked, this, [this] { run(); });
    disconnect(buttons, &QDialogButtonBox::rejected, nullptr, nullptr);
    connect(m_cancel, &QPushButton::clicked, this, &AnalysisDialog::cancel);
    connect(m_close, &QPushButton::clicked, this, &AnalysisDialog::reject);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &AnalysisDialog::finished);

    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setWidget(m_inputs);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);
}

AnalysisDialog::~AnalysisDialog()
{
    if (m_feedback)
        m_feedback->cancel();
    m_watcher.waitForFinished();
    if (isRunning() && !m_runDirectory.isEmpty())
        QDir(m_runDirectory).removeRecursively();
}

bool AnalysisDialog::run()
{
    if (isRunning())
        return false;
    const QString problem = validate();
    if (!problem.isEmpty()) {
        m_lastError = problem;
        m_status->setText(problem);
        showError(problem);
        return false;
    }
    std::function<void(Feedback &)> job;
    m_runDirectory.clear();
    try {
        job = makeJob();
    } catch (const Error &e) {
        m_lastError = e.message();
        m_status->setText(e.message());
        showError(e.message());
        return false;
    }
    m_lastError.clear();
    QProgressBar *target = m_progress;
    m_feedback = std::make_shared<Feedback>([target](double percent) {
        // Queued to the GUI thread; the dialog waits for the worker before it is
        // destroyed, so the bar outlives every call.
        QMetaObject::invokeMethod(target, [target, percent] { target->setValue(int(percent)); }, Qt::QueuedConnection);
    });
    setRunning(true);
    m_status->setText(tr("Running…"));
    std::shared_ptr<Feedback> feedback = m_feedback;
    m_watcher.setFuture(QtConcurrent::run([job, feedback]() -> Outcome {
        try {
            job(*feedback);
            return {};
        } catch (const Canceled &) {
            return {State::Canceled, {}};
        } catch (const Error &e) {
            return {State::Failed, e.message()};
        } catch (const std::exception &e) {
            return {State::Failed, QString::fromUtf8(e.what())};
        }
    }));
    return true;
}

void AnalysisDialog::cancel()
{
    if (!isRunning() || !m_feedback)
        return;
    m_feedback->cancel();
    m_cancel->setEnabled(false);
    m_status->setText(tr("Canceling…"));
}

void AnalysisDialog::finished()
{
    Outcome outcome = m_watcher.result();
    if (outcome.state == State::Succeeded) {
        try {
            finish();
        } catch (const Error &e) {
            outcome = {State::Failed, e.message()};
        }
    }
    setRunning(false);
    m_state = outcome.state;
    if (outcome.state != State::Succeeded && !m_runDirectory.isEmpty())
        QDir(m_runDirectory).removeRecursively();
    m_runDirectory.clear();
    switch (outcome.state) {
    case State::Succeeded:
        m_status->setText(tr("Done."));
        Q_EMIT runFinished(m_state);
        accept();
        return;
    case State::Canceled:
        m_status->setText(tr("Canceled: nothing was changed."));
        break;
    case State::Failed:
        m_lastError = outcome.message;
        m_status->setText(outcome.message);
        showError(outcome.message);
        break;
    default:
        break;
    }
    Q_EMIT runFinished(m_state);
}

void AnalysisDialog::setRunAllowed(bool allowed)
{
    m_runAllowed = allowed;
    m_run->setEnabled(allowed && !isRunning());
}

void AnalysisDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!m_fitted && screen()) {
        m_fitted = true;
        fitTo(screen()->availableGeometry());
    }
}

void AnalysisDialog::fitTo(const QRect &available)
{
    // The frame a window manager adds (title bar, borders) is not part of the dialog's
    // height: leave room for it.
    constexpr int kFrameAllowance = 80;
    const int chrome = sizeHint().height() - m_scroll->sizeHint().height();
    const int full = chrome + m_inputs->sizeHint().height() + 2 * m_scroll->frameWidth();
    const int height = std::min(full, available.height() - kFrameAllowance);
    const int width = std::min(std::max(this->width(), m_inputs->sizeHint().width() + m_scroll->verticalScrollBar()->sizeHint().width() + 24),
                               available.width() - 40);
    resize(width, height);
    if (const QRect frame = frameGeometry(); !available.contains(frame))
        move(available.left() + std::max(0, (available.width() - width) / 2), available.top() + std::max(0, (available.height() - height - kFrameAllowance / 2) / 2));
}

void AnalysisDialog::setRunning(bool running)
{
    m_state = running ? State::Running : State::Idle;
    m_run->setEnabled(!running && m_runAllowed);
    m_close->setEnabled(!running);
    m_cancel->setVisible(running);
    m_cancel->setEnabled(running);
    m_progress->setVisible(running);
    m_progress->setValue(0);
    m_inputs->setEnabled(!running); // keeps each input's own enabled state
}

void AnalysisDialog::showError(const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Warning, windowTitle(), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void AnalysisDialog::closeEvent(QCloseEvent *event)
{
    if (isRunning()) {
        cancel();
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

void AnalysisDialog::reject()
{
    if (isRunning()) {
        cancel();
        return;
    }
    QDialog::reject();
}

} // namespace refuge::desktop
