#pragma once
// SitingResultsView: the Results dock's "Siting" tab — what each additional site buys:
// the covered population (or, for p-median / p-center, the model's objective) as the
// number of new sites k grows, as a line chart (Qt Charts, where the build has it) and
// as a table of the curve (k, objective, covered, share, solver, gap), then the chosen
// sites ranked by their gain. GUI thread only.
#include "analysis/siting/SitingJob.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace refuge::desktop {

class SitingResultsView : public QWidget {
    Q_OBJECT
public:
    explicit SitingResultsView(QWidget *parent = nullptr);
    void setResults(const refuge::SitingJobResult &result);
    // A run's solver line (summary.json / curve.csv keep it in English) in the UI's
    // language: "exact (CBC), stopped: …" → its parts translated.
    static QString solverText(const QString &solver);

    QTableWidget *curveTable() const { return m_curve; }
    QWidget *chart() const { return m_chart; } // nullptr without Qt Charts
    // The chart's points (k, value), as drawn.
    QList<QPointF> chartPoints() const;

private:
    QLabel *m_headline;
    QWidget *m_chart = nullptr;
    QTableWidget *m_curve;
};

} // namespace refuge::desktop
