#pragma once
// AnalysisController: the Analysis menu — opens the Service Area, Zones, Coverage and
// Fire dialogs on the open project, and applies a finished run. Results live beside
// the project in results/ (a temporary folder for a project never saved), laid out
// like `refuge-cli run --out results`: the job writes into a fresh folder
// results/history/<analysis>-<time>/, which the result layers point to (so undoing a
// re-run brings back the earlier data), and a copy goes to results/<analysis>/
// (coverage, fire, service_area, zones: the latest run, for the report). The layers
// are added, styled, through one undo step replacing the previous run's layers;
// coverage and fire outcomes are handed on (coverageFinished / fireFinished, for the
// results dock). GUI thread only.
#include "analysis/AnalysisDialog.h"
#include "analysis/jobs/CoverageJob.h"
#include "analysis/jobs/FireJob.h"
#include "analysis/jobs/ServiceAreaJob.h"
#include "analysis/jobs/ZonesJob.h"
#include "model/Project.h"

#include <QObject>
#include <QPointer>
#include <QTemporaryDir>
#include <memory>

class QAction;
class QMenu;
class QWidget;

namespace refuge::desktop {

class ProjectDocument;

class AnalysisController : public QObject {
    Q_OBJECT
public:
    enum class Kind { ServiceArea, Zones, Coverage, Fire };

    AnalysisController(ProjectDocument *doc, QWidget *window);
    ~AnalysisController() override;

    QAction *action(Kind kind) const;
    // Adds the four actions to `menu`.
    void addTo(QMenu *menu) const;
    // Opens (or raises) the dialog of `kind`, window-modal; returns it.
    AnalysisDialog *openDialog(Kind kind);
    AnalysisDialog *currentDialog() const { return m_dialog; }

    // A new, empty folder for a run of `analysis` ("coverage"...). Throws IoError.
    QString newRunDirectory(const QString &analysis);
    // The results folder once a run finished (results/, holding coverage/, fire/ ...;
    // empty before the first run).
    QString resultsDirectory() const { return m_lastResults; }

    // Called by the dialogs with a finished run (GUI thread). Throw refuge::Error.
    void applyServiceArea(const ServiceAreaJobResult &result, const ServiceAreaSettings &settings);
    void applyZones(const ZonesJobResult &result);
    void applyCoverage(const CoverageJobResult &result);
    void applyFire(const FireJobResult &result);

Q_SIGNALS:
    void coverageFinished(const refuge::CoverageRequest &request, const refuge::CoverageOutcome &outcome);
    void fireFinished(const refuge::FireRequest &request, const refuge::FireOutcome &outcome);
    void resultsDirectoryChanged(const QString &directory);

private:
    ProjectLayer resultLayer(const QString &analysis, const QString &group, const QString &gpkg, const QString &layer,
                             const QString &name, const QJsonObject &style) const;
    QString resultsRoot();
    void publish(const QString &runDir, const QString &analysis);
    void finishRun(const QString &analysis, const std::vector<ProjectLayer> &layers, const QString &text, const QString &dir);

    ProjectDocument *m_doc;
    QWidget *m_window;
    QAction *m_actions[4];
    QPointer<AnalysisDialog> m_dialog;
    std::unique_ptr<QTemporaryDir> m_tempResults; // for unsaved projects
    QString m_lastResults;
};

} // namespace refuge::desktop
