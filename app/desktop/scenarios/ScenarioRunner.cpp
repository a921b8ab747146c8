// ScenarioRunner: coverage under a scenario and compare with baseline, in the background.
#include "scenarios/ScenarioRunner.h"

#include "analysis/AnalysisController.h"
#include "analysis/algorithms/CoverageAlgorithm.h"
#include "analysis/jobs/CoverageReuse.h"
#include "analysis/framework/AnalysisRegistry.h"
#include "analysis/scenario/CompareAnalysis.h"
#include "analysis/scenario/ScenarioApply.h"
#include "analysis/scenario/ScenarioParameters.h"
#include "document/ProjectDocument.h"
#include "model/Scenario.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QDir>
#include <QtConcurrent/QtConcurrentRun>

namespace refuge::desktop {

namespace {

// The registered coverage analysis on the scenario's derived project, with what the
// runner's earlier coverage runs read kept (`reuse`: network, demand, unchanged shelters'
// searches; the results equal a from-scratch run).
AnalysisResult coverageUnder(const Project &project, const QString &name, const QString &dir, Feedback &feedback,
                             CoverageReuse &reuse)
{
    const Analysis &coverage = *AnalysisRegistry::find(QStringLiteral("coverage"));
    feedback.setProgressSpan(0, 20);
    const AppliedScenario applied = ScenarioApply::apply(project, name, QDir(dir).filePath(QStringLiteral("scenario")), feedback);
    feedback.setProgressSpan(20, 100);
    ParameterValues values = coverage.projectValues(applied.project);
    values.set(QStringLiteral("out"), dir);
    ScenarioParameters::apply(coverage, applied, values);
    const ValidationIssues issues = coverage.validate(values);
    if (!issues.empty())
        throw InvalidInput(issues.front().line(project.filePath() + QStringLiteral(": coverage")));
    AnalysisResult result = CoverageAlgorithm::result(CoverageJob::run(CoverageAlgorithm::settings(values), feedback, &reuse));
    ScenarioApply::stampSummary(dir, applied); // summary.json names the scenario, as `run --scenario` writes it
    return result;
}

} // namespace

ScenarioRunner::ScenarioRunner(ProjectDocument *doc, AnalysisController *controller, QObject *parent)
    : QObject(parent), m_doc(doc), m_controller(controller), m_reuse(std::make_shared<CoverageReuse>())
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &ScenarioRunner::done);
}

ScenarioRunner::~ScenarioRunner()
{
    if (m_feedback)
        m_feedback->cancel();
    m_watcher.waitForFinished();
}

bool ScenarioRunner::start(Kind kind, const QString &name)
{
    if (isRunning()) {
        m_lastError = tr("A scenario run is already in progress.");
        return false;
    }
    m_clock.start();
    m_analysisId = kind == Kind::Coverage ? QStringLiteral("coverage") : QStringLiteral("compare");
    const Analysis *analysis = AnalysisRegistry::find(m_analysisId);
    try {
        m_runDirectory = m_controller->newRunDirectory(*analysis);
    } catch (const Error &e) {
        m_lastError = e.message();
        return false;
    }
    m_lastError.clear();
    auto result = std::make_shared<AnalysisResult>();
    m_running = result;
    m_feedback = std::make_shared<Feedback>([this](double percent) {
        // Queued to the GUI thread; the destructor waits for the worker.
        QMetaObject::invokeMethod(this, [this, percent] { Q_EMIT progress(int(percent)); }, Qt::QueuedConnection);
    });
    const Project project = m_doc->project(); // a copy: the worker never sees the document
    const QString dir = m_runDirectory;
    std::shared_ptr<Feedback> feedback = m_feedback;
    std::shared_ptr<CoverageReuse> reuse = m_reuse; // one run at a time uses it
    m_watcher.setFuture(QtConcurrent::run([kind, project, name, dir, result, feedback, reuse]() -> Outcome {
        try {
            if (kind == Kind::Coverage)
                *result = coverageUnder(project, name, dir, *feedback, *reuse);
            else
                *result = static_cast<const CompareAnalysis *>(AnalysisRegistry::find(QStringLiteral("compare")))
                              ->runOn(project, Scenario::kBaseline, name, dir, *feedback);
            return {true, false, {}};
        } catch (const Canceled &) {
            return {false, true, {}};
        } catch (const Error &e) {
            return {false, false, e.message()};
        } catch (const std::exception &e) {
            return {false, false, QString::fromUtf8(e.what())};
        }
    }));
    return true;
}

QJsonObject ScenarioRunner::lastReuse() const { return isRunning() ? QJsonObject() : m_reuse->lastRun(); }

void ScenarioRunner::cancel()
{
    if (m_feedback)
        m_feedback->cancel();
}

void ScenarioRunner::done()
{
    Outcome outcome = m_watcher.result();
    if (outcome.ok) {
        try {
            m_controller->applyResult(*AnalysisRegistry::find(m_analysisId), *m_running);
            m_last = m_running;
        } catch (const Error &e) {
            outcome = {false, false, e.message()};
        }
    }
    if (!outcome.ok)
        QDir(m_runDirectory).removeRecursively();
    m_lastError = outcome.message;
    m_running.reset();
    Q_EMIT finished(outcome.ok, outcome.message, m_clock.elapsed());
}

} // namespace refuge::desktop
