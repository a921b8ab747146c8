#pragma once
// AnalysisDialog: the frame every analysis dialog shares — a form the subclass fills
// (inputs prefilled from the project), Run, a progress bar with Cancel, and a status
// line. Run validates (a clear message, nothing started), then runs the subclass's job
// on a worker thread (QtConcurrent) with a Feedback wired to the progress bar; Cancel
// calls Feedback::cancel(). Errors (refuge::Error) are shown in a message box naming
// the file and the problem; a canceled or failed run changes nothing. On success the
// subclass's finish() runs on the GUI thread and the dialog closes. Closing the
// dialog while running cancels and waits. The inputs sit in a scroll area and the
// dialog opens no taller than its screen's available height (a long form scrolls on a
// 1366×768 screen; Run and Close stay visible). GUI thread only, except the job function.
#include <QDialog>
#include <QFutureWatcher>
#include <functional>
#include <memory>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QScrollArea;

namespace refuge {
class Feedback;
}

namespace refuge::desktop {

class AnalysisDialog : public QDialog {
    Q_OBJECT
public:
    enum class State { Idle, Running, Succeeded, Canceled, Failed };

    explicit AnalysisDialog(QWidget *parent = nullptr);
    ~AnalysisDialog() override;

    // Validates and starts the run (the Run button). False when validation failed.
    bool run();
    void cancel();
    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    // The validation or run error shown last (empty: none).
    QString lastError() const { return m_lastError; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }
    // Resizes to the inputs' full height, at most what `available` (a screen's available
    // geometry) leaves for the window frame; called when the dialog is first shown.
    void fitTo(const QRect &available);

Q_SIGNALS:
    void runFinished(State state);

protected:
    QFormLayout *form() const { return m_form; }
    // The folder the running job writes into: removed when the run is canceled or fails.
    void setRunDirectory(const QString &dir) { m_runDirectory = dir; }
    // Run stays disabled while the inputs are known to be invalid (the form shows why).
    void setRunAllowed(bool allowed);
    // Empty when the inputs are complete, else one line saying what is missing.
    virtual QString validate() const = 0;
    // The work for the worker thread: everything it needs captured by value. It must
    // touch no QObject and no project; its result is kept by the subclass (shared_ptr).
    virtual std::function<void(Feedback &)> makeJob() = 0;
    // On the GUI thread after a successful job. Throws refuge::Error to report a failure.
    virtual void finish() = 0;

    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void reject() override;

private:
    struct Outcome {
        State state = State::Succeeded;
        QString message;
    };
    void finished();
    void setRunning(bool running);
    void showError(const QString &message);

    QScrollArea *m_scroll;
    QWidget *m_inputs;
    QFormLayout *m_form;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QPushButton *m_close;
    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<Feedback> m_feedback;
    State m_state = State::Idle;
    QString m_lastError;
    QString m_runDirectory;
    bool m_runAllowed = true;
    bool m_fitted = false;
};

} // namespace refuge::desktop
