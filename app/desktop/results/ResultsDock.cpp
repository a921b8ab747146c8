#include "results/ResultsDock.h"

#include "results/CompareResultsView.h"
#include "results/CoverageResultsView.h"
#include "results/FireResultsView.h"
#include "results/SitingResultsView.h"

#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>

namespace refuge::desktop {

ResultsDock::ResultsDock(QWidget *parent)
    : QDockWidget(tr("Results"), parent), m_stack(new QStackedWidget(this)), m_tabs(new QTabWidget(m_stack)),
      m_coverage(new CoverageResultsView(m_tabs)), m_fire(new FireResultsView(m_tabs)), m_compare(new CompareResultsView(m_tabs)),
      m_siting(new SitingResultsView(m_tabs))
{
    setObjectName(QStringLiteral("ResultsDock"));
    auto *empty = new QLabel(tr("No results yet. Run an analysis from the Analysis menu."), m_stack);
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setMargin(12);
    m_stack->addWidget(empty);
    m_stack->addWidget(m_tabs);
    m_coverage->hide();
    m_fire->hide();
    m_compare->hide();
    m_siting->hide();
    setWidget(m_stack);
    connect(m_coverage, &CoverageResultsView::zoomRequested, this, &ResultsDock::zoomRequested);
    connect(m_fire, &FireResultsView::zoomRequested, this, &ResultsDock::zoomRequested);
}

void ResultsDock::showCoverage(const CoverageRequest &request, const CoverageOutcome &outcome)
{
    m_coverage->setResults(request, outcome);
    showTab(m_coverage, tr("Coverage"), 0);
}

void ResultsDock::showFire(const FireRequest &request, const FireOutcome &outcome)
{
    m_fire->setResults(request, outcome);
    showTab(m_fire, tr("Fire"), 1);
}

void ResultsDock::showCompare(const CompareResult &result)
{
    m_compare->setResults(result);
    showTab(m_compare, tr("Scenarios"), 2);
}

void ResultsDock::showSiting(const SitingJobResult &result)
{
    m_siting->setResults(result);
    showTab(m_siting, tr("Siting"), 3);
}

void ResultsDock::showTab(QWidget *page, const QString &title, int preferredIndex)
{
    if (m_tabs->indexOf(page) < 0)
        m_tabs->insertTab(std::min(preferredIndex, m_tabs->count()), page, title);
    m_tabs->setCurrentWidget(page);
    m_stack->setCurrentWidget(m_tabs);
    show();
    raise();
}

} // namespace refuge::desktop
