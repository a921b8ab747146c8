#include "results/ResultTableView.h"

#include "results/ResultTableModel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QScrollBar>
#include <algorithm>
#include <QSortFilterProxyModel>

namespace refuge::desktop {

ResultTableView::ResultTableView(QWidget *parent)
    : QTableView(parent), m_model(new ResultTableModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ResultTableModel::SortRole);
    m_proxy->setSortLocaleAware(true);
    setModel(m_proxy);
    setSortingEnabled(true);
    sortByColumn(-1, Qt::AscendingOrder); // model order until the user sorts
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(true);
    connect(this, &QAbstractItemView::clicked, this, [this](const QModelIndex &i) { emit rowActivated(sourceRow(i)); });
}

void ResultTableView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid()) {
        emit rowActivated(sourceRow(currentIndex()));
        return;
    }
    QTableView::keyPressEvent(event);
}

int ResultTableView::sourceRow(const QModelIndex &proxyIndex) const
{
    const QModelIndex s = m_proxy->mapToSource(proxyIndex);
    return s.isValid() ? s.row() : -1;
}

void ResultTableView::fitColumns()
{
    resizeColumnsToContents();
    updateGeometry();
}

QSize ResultTableView::sizeHint() const
{
    const int rows = std::clamp(m_proxy->rowCount(), 2, 10);
    const int h = horizontalHeader()->sizeHint().height() + rows * verticalHeader()->defaultSectionSize() + 2 * frameWidth()
        + horizontalScrollBar()->sizeHint().height();
    return {QTableView::sizeHint().width(), h};
}

} // namespace refuge::desktop
