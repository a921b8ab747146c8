// CompareResultsView: a scenario comparison's delta table per community.
#include "results/CompareResultsView.h"

#include "results/ResultTableModel.h"
#include "results/ResultTableView.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <memory>

namespace refuge::desktop {

CompareResultsView::CompareResultsView(QWidget *parent) : QWidget(parent), m_headline(new QLabel(this)), m_table(new ResultTableView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_headline);
    layout->addWidget(m_table, 1);
}

void CompareResultsView::setResults(const CompareResult &result)
{
    const QLocale locale;
    const CompareAreaRow &o = result.overall;
    const QString a = result.a.applied.scenario.name, b = result.b.applied.scenario.name;
    m_headline->setText(tr("<b>%1</b> → <b>%2</b>: residents covered %3 → %4 (%5), assigned to a shelter with room %6 → %7 (%8), "
                           "of %9 residents.")
                            .arg(a.toHtmlEscaped(), b.toHtmlEscaped(), locale.toString(o.coveredA, 'f', 0), locale.toString(o.coveredB, 'f', 0),
                                 locale.toString(o.coveredDelta(), 'f', 0), locale.toString(o.assignedA, 'f', 0),
                                 locale.toString(o.assignedB, 'f', 0), locale.toString(o.assignedDelta(), 'f', 0))
                            .arg(locale.toString(o.population, 'f', 0)));
    auto rows = std::make_shared<std::vector<CompareAreaRow>>(result.areas);
    CompareAreaRow total = o;
    total.name = tr("Total");
    rows->push_back(total);
    using K = ResultColumn::Kind;
    auto number = [rows](double CompareAreaRow::*member) { return [rows, member](int r) { return QVariant((*rows)[std::size_t(r)].*member); }; };
    auto delta = [rows](double (CompareAreaRow::*fn)() const) { return [rows, fn](int r) { return QVariant(((*rows)[std::size_t(r)].*fn)()); }; };
    std::vector<ResultColumn> columns{
        {tr("Community"), K::Text, 0, [rows](int r) { return QVariant((*rows)[std::size_t(r)].name); }, {}},
        {tr("Residents"), K::Number, 0, number(&CompareAreaRow::population), {}},
        {tr("Covered (A)"), K::Number, 0, number(&CompareAreaRow::coveredA), {}},
        {tr("Covered (B)"), K::Number, 0, number(&CompareAreaRow::coveredB), {}},
        {tr("Covered, B − A"), K::Number, 0, delta(&CompareAreaRow::coveredDelta), {}},
        {tr("Assigned (A)"), K::Number, 0, number(&CompareAreaRow::assignedA), {}},
        {tr("Assigned (B)"), K::Number, 0, number(&CompareAreaRow::assignedB), {}},
        {tr("Assigned, B − A"), K::Number, 0, delta(&CompareAreaRow::assignedDelta), {}},
        {tr("Unassigned, B − A"), K::Number, 0, delta(&CompareAreaRow::unassignedDelta), {}}};
    const bool risk = std::any_of(rows->begin(), rows->end(), [](const CompareAreaRow &r) { return r.riskA > 0 || r.riskB > 0; });
    if (risk) {
        columns.push_back({tr("Risk class (A)"), K::Number, 0, [rows](int r) { return QVariant((*rows)[std::size_t(r)].riskA); }, tr("1 low … 5 high")});
        columns.push_back({tr("Risk class (B)"), K::Number, 0, [rows](int r) { return QVariant((*rows)[std::size_t(r)].riskB); }, tr("1 low … 5 high")});
    }
    m_table->resultModel()->setTable(std::move(columns), int(rows->size()));
    m_table->resultModel()->setHighlight([rows](int r) { return (*rows)[std::size_t(r)].coveredDelta() < -0.5; });
    m_table->fitColumns();
}

} // namespace refuge::desktop
