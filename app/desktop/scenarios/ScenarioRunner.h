#pragma once
// ScenarioRunner: the Scenarios panel's two runs, through the analysis framework and
// AnalysisController like every analysis of the desktop — "Run coverage under this
// scenario" (the scenario applied into the run folder's scenario/ with ScenarioApply,
// then the registered "coverage" analysis on the derived project, its closed streets as
// barriers) and "Compare with baseline" (the registered "compare" analysis,
// CompareAnalysis::runOn, on the project in memory, so unsaved edits count). Both run
// on a worker thread on a copy of the project (QtConcurrent + Feedback, cancelable);
// the result goes to AnalysisController::applyResult on the GUI thread (result layers
// in one undo step, the Results dock). GUI thread only, except the job.
#include "analysis/framework/AnalysisResult.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QObject>
#include <memory>

namespace refuge {
class CoverageReuse;
class Feedback;
}

namespace refuge::desktop {

class AnalysisController;
class ProjectDocument;

class ScenarioRunner : public QObject {
    Q_OBJECT
public:
    enum class Kind { Coverage, Compare };

    ScenarioRunner(ProjectDocument *doc, AnalysisController *controller, QObject *parent = nullptr);
    ~ScenarioRunner() override; // cancels and waits

    // Starts a run for scenario `name` ("baseline" for coverage: the project as it is).
    // False (lastError() says why) when one runs already or the folder cannot be made.
    bool start(Kind kind, const QString &name);
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }
    QString lastError() const { return m_lastError; }
    // The last successful run's result (figures, tables, detail).
    const AnalysisResult *lastResult() const { return m_last.get(); }
    // What the last coverage run took from earlier ones (CoverageReuse::lastRun); not
    // while a run is going.
    QJsonObject lastReuse() const;

Q_SIGNALS:
    void progress(int percent);
    // ok: applied; else `message` says why (empty when canceled). `milliseconds`: from
    // start() to the result layers added.
    void finished(bool ok, const QString &message, qint64 milliseconds);

private:
    struct Outcome {
        bool ok = false, canceled = false;
        QString message;
    };
    void done();

    ProjectDocument *m_doc;
    AnalysisController *m_controller;
    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<Feedback> m_feedback;
    // Kept between "Run coverage under this scenario" runs (CoverageReuse): what did not
    // change is not read, snapped or searched again. Used by one worker at a time.
    std::shared_ptr<CoverageReuse> m_reuse;
    std::shared_ptr<AnalysisResult> m_running, m_last;
    QString m_analysisId, m_runDirectory, m_lastError;
    QElapsedTimer m_clock;
};

} // namespace refuge::desktop
