#pragma once
// CompareResultsView: the Results dock's "Scenarios" tab — a scenario comparison
// (ScenarioCompare) as a headline (covered and assigned residents a → b) and the
// delta table per community, the same rows as delta.csv (population, covered,
// assigned and unassigned residents in a and b and b − a, risk classes when the
// project has a risk index), plus the total row. Sortable. GUI thread only.
#include "analysis/scenario/ScenarioCompare.h"

#include <QWidget>

class QLabel;

namespace refuge::desktop {

class ResultTableView;

class CompareResultsView : public QWidget {
    Q_OBJECT
public:
    explicit CompareResultsView(QWidget *parent = nullptr);
    void setResults(const CompareResult &result);
    ResultTableView *table() const { return m_table; }
    QLabel *headline() const { return m_headline; }

private:
    QLabel *m_headline;
    ResultTableView *m_table;
};

} // namespace refuge::desktop
