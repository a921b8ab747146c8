#pragma once
// ResultsDock: the dock where analysis results are read — a "Coverage" and a "Fire"
// tab, each appearing once it has results (CoverageResultsView, FireResultsView), and a
// "Scenarios" tab for a scenario comparison's delta table (CompareResultsView).
// Clicking a table row emits zoomRequested with an extent in the project CRS; the main
// window points the map canvas at it. The analysis runner calls showCoverage/showFire
// on the GUI thread with the finished request and outcome. GUI thread only.
#include "analysis/CoverageAnalysis.h"
#include "analysis/FireCoverage.h"
#include "analysis/scenario/ScenarioCompare.h"
#include "analysis/siting/SitingJob.h"

#include <QDockWidget>
#include <QRectF>

class QStackedWidget;
class QTabWidget;

namespace refuge::desktop {

class CompareResultsView;
class SitingResultsView;
class CoverageResultsView;
class FireResultsView;

class ResultsDock : public QDockWidget {
    Q_OBJECT
public:
    explicit ResultsDock(QWidget *parent = nullptr);
    void showCoverage(const refuge::CoverageRequest &request, const refuge::CoverageOutcome &outcome);
    void showFire(const refuge::FireRequest &request, const refuge::FireOutcome &outcome);
    void showCompare(const refuge::CompareResult &result);
    void showSiting(const refuge::SitingJobResult &result);

    CoverageResultsView *coverageView() const { return m_coverage; }
    FireResultsView *fireView() const { return m_fire; }
    CompareResultsView *compareView() const { return m_compare; }
    SitingResultsView *sitingView() const { return m_siting; }
    QTabWidget *tabs() const { return m_tabs; }

signals:
    void zoomRequested(const QRectF &extent); // in the project CRS

private:
    void showTab(QWidget *page, const QString &title, int preferredIndex);

    QStackedWidget *m_stack;
    QTabWidget *m_tabs;
    CoverageResultsView *m_coverage;
    FireResultsView *m_fire;
    CompareResultsView *m_compare;
    SitingResultsView *m_siting;
};

} // namespace refuge::desktop
