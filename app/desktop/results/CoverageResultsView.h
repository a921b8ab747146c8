#pragma once
// CoverageResultsView: the "Coverage" page of the results dock — headline figures
// (population, covered, assigned, unassigned, per-capita shelter area against the
// standard with its clause), sortable tables per area and per shelter (overloaded
// shelters — more nearest residents than places — highlighted) and bar charts (coverage
// share by area; nearest residents ÷ capacity per shelter with a 100 % line).
// Clicking a row asks to zoom to the area's extent or 500 m around the shelter. Keeps
// copies of the result rows it shows, never the request's demand. GUI thread only.
#include "analysis/CoverageAnalysis.h"

#include <QRectF>
#include <QWidget>
#include <vector>

class QTabWidget;

namespace refuge::desktop {

class KpiPanel;
class ResultChart;
class ResultTableView;

class CoverageResultsView : public QWidget {
    Q_OBJECT
public:
    // Charts show at most this many bars (the lowest coverage / highest loads first).
    static constexpr int kMaxBars = 30;
    // Half the side of the square shown around a shelter, metres.
    static constexpr double kPointBufferMeters = 500;

    explicit CoverageResultsView(QWidget *parent = nullptr);
    void setResults(const CoverageRequest &request, const CoverageOutcome &outcome);

    KpiPanel *kpis() const { return m_kpis; }
    ResultTableView *areaTable() const { return m_areaTable; }
    ResultTableView *shelterTable() const { return m_shelterTable; }
    QTabWidget *pages() const { return m_pages; }
    // Null when built without Qt Charts.
    ResultChart *coverageChart() const { return m_coverageChart; }
    ResultChart *loadChart() const { return m_loadChart; }
    // Extent of a row of the area / shelter table model (invalid: nothing to zoom to).
    QRectF areaExtent(int row) const;
    QRectF shelterExtent(int row) const;

signals:
    void zoomRequested(const QRectF &extent);

private:
    void fillKpis(const CoverageRequest &request, const CoverageOutcome &o);
    void fillAreas(const CoverageRequest &request, const CoverageOutcome &o);
    void fillShelters(const CoverageRequest &request, const CoverageOutcome &o);
    void fillCharts(const CoverageOutcome &o);
    void zoomTo(const QRectF &extent);

    KpiPanel *m_kpis;
    QTabWidget *m_pages;
    ResultTableView *m_areaTable;
    ResultTableView *m_shelterTable;
    ResultChart *m_coverageChart = nullptr;
    ResultChart *m_loadChart = nullptr;
    std::vector<QRectF> m_areaExtents;
    std::vector<QRectF> m_shelterExtents;
};

} // namespace refuge::desktop
