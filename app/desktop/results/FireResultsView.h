#pragma once
// FireResultsView: the "Fire" page of the results dock — share of residents and area
// reached within the response limit (with the standard's clause), agreement with the
// official districts when there are any, a sortable table of first-due zones (station,
// grade, zone km² against the grade limit, pass/fail, population, reached) and a chart
// of zone area beside its limit. Clicking a row asks to zoom to the zone. GUI thread only.
#include "analysis/FireCoverage.h"

#include <QRectF>
#include <QWidget>
#include <vector>

namespace refuge::desktop {

class KpiPanel;
class ResultChart;
class ResultTableView;

class FireResultsView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxBars = 30;
    static constexpr double kPointBufferMeters = 500;

    explicit FireResultsView(QWidget *parent = nullptr);
    void setResults(const FireRequest &request, const FireOutcome &outcome);

    KpiPanel *kpis() const { return m_kpis; }
    ResultTableView *zoneTable() const { return m_zoneTable; }
    ResultChart *zoneChart() const { return m_zoneChart; } // null without Qt Charts
    QRectF zoneExtent(int row) const;

signals:
    void zoomRequested(const QRectF &extent);

private:
    void fillKpis(const FireRequest &request, const FireOutcome &o);
    void fillZones(const FireRequest &request, const FireOutcome &o);
    void fillChart(const FireOutcome &o);

    KpiPanel *m_kpis;
    ResultTableView *m_zoneTable;
    ResultChart *m_zoneChart = nullptr;
    std::vector<QRectF> m_zoneExtents;
};

} // namespace refuge::desktop
