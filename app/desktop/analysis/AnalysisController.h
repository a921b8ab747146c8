#pragma once
// AnalysisController: the Analysis menu — one action per analysis of the registry
// (AnalysisRegistry), each opening its generated dialog (AnalysisFormDialog) on the open
// project, and the handling of a finished run for any analysis. Results live beside
// the project in results/ (a temporary folder for a project never saved), laid out
// like `refuge-cli run --out results`: the run writes into a fresh folder
// results/history/<key>-<time>/, which the result layers point to (so undoing a re-run
// brings back the earlier data), and a copy goes to results/<key>/ (key: the analysis's
// project section — coverage, fire, service_area, zones, network_check —: the latest
// run, for the report). The run's output layers are added with their default styles
// through one undo step replacing the previous run's layers; coverage and fire outcomes
// and scenario comparisons are handed on (coverageFinished / fireFinished /
// compareFinished, for the results dock). GUI thread only.
#include "analysis/AnalysisDialog.h"
#include "analysis/framework/Analysis.h"
#include "analysis/jobs/CoverageJob.h"
#include "analysis/jobs/FireJob.h"
#include "analysis/scenario/ScenarioCompare.h"
#include "analysis/siting/SitingJob.h"
#include "model/Project.h"

#include <QObject>
#include <QPointer>
#include <QTemporaryDir>
#include <map>
#include <memory>

class QAction;
class QMenu;
class QWidget;

namespace refuge::desktop {

class AnalysisFormDialog;
class ProjectDocument;

class AnalysisController : public QObject {
    Q_OBJECT
public:
    AnalysisController(ProjectDocument *doc, QWidget *window);
    ~AnalysisController() override;

    // The action of the analysis `id` ("service-area"...); nullptr when none.
    QAction *action(const QString &id) const;
    // Adds the registry's actions to `menu`, in its order.
    void addTo(QMenu *menu) const;
    // Opens (or raises, while one runs) the dialog of analysis `id`, window-modal;
    // returns it (nullptr when the project's settings for it are unusable: said in a box).
    AnalysisFormDialog *openDialog(const QString &id);
    AnalysisDialog *currentDialog() const { return m_dialog; }

    // The results folder name of `analysis`: its project section, else its id with '_'.
    static QString resultsKey(const Analysis &analysis);
    // A new, empty folder for a run of `analysis`. Throws IoError.
    QString newRunDirectory(const Analysis &analysis);
    // results/<key>: where the latest run of `analysis` is published (shown in the form).
    QString latestDirectory(const Analysis &analysis);
    // The results folder once a run finished (results/, holding coverage/, fire/ ...;
    // empty before the first run).
    QString resultsDirectory() const { return m_lastResults; }

    // A finished run of `analysis` (GUI thread): publishes it, adds its layers. Throws
    // refuge::Error.
    void applyResult(const Analysis &analysis, const AnalysisResult &result);

    // File → Open Results Folder…: asks for a folder, then openResultsFolder.
    QAction *openResultsAction() const { return m_openResults; }
    // Adds the layers of a results folder (refuge-cli's out folder, one analysis's folder,
    // or this app's results/): one group per analysis folder, each layer titled and styled
    // as its run stored it (ResultsFolder, GpkgStyles), as one undo step; opening the same
    // folder again replaces its layers. Returns the number of layers added;
    // `incompleteGroups` gets the analysis folders whose summary.json is not marked
    // complete. Throws refuge::Error naming the folder.
    int openResultsFolder(const QString &dir, QStringList *incompleteGroups = nullptr);

    // The latest coverage, fire, siting runs and scenario comparison of the open project
    // (results/coverage, fire, site, compare; complete) handed on again (coverageFinished,
    // fireFinished, sitingFinished, compareFinished), so the
    // Results dock shows them after the project is reopened; nothing when there are none.
    // Called when a project is opened.
    void restoreResults();

Q_SIGNALS:
    void coverageFinished(const refuge::CoverageRequest &request, const refuge::CoverageOutcome &outcome);
    void fireFinished(const refuge::FireRequest &request, const refuge::FireOutcome &outcome);
    void compareFinished(const refuge::CompareResult &result);
    void sitingFinished(const refuge::SitingJobResult &result);
    void resultsDirectoryChanged(const QString &directory);

private:
    struct ResultLayer {
        ProjectLayer layer;
        bool polygons = false;
    };
    ProjectLayer resultLayer(const QString &key, const QString &group, const OutputLayer &output) const;
    // Adds a run's layers as one undo step replacing the earlier layers of `key`.
    void addResultLayers(const QString &key, std::vector<ResultLayer> layers, const QString &text);
    QString resultsRoot();
    void publish(const QString &runDir, const QString &key);
    void finishRun(const QString &key, std::vector<ResultLayer> layers, const QString &text, const QString &dir);
    void emitDetails(const AnalysisResult &result);

    ProjectDocument *m_doc;
    QWidget *m_window;
    std::map<QString, QAction *> m_actions;
    QAction *m_openResults = nullptr;
    QPointer<AnalysisDialog> m_dialog;
    std::unique_ptr<QTemporaryDir> m_tempResults; // for unsaved projects
    QString m_lastResults;
};

} // namespace refuge::desktop
