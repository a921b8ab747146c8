#pragma once
// ResultTableView: a sortable results table — a ResultTableModel behind a
// QSortFilterProxyModel (sorting by the model's raw SortRole). Clicking a row (or Enter
// on it) reports the row of the underlying model, whatever the sort order. GUI thread only.
#include <QTableView>

class QSortFilterProxyModel;

namespace refuge::desktop {

class ResultTableModel;

class ResultTableView : public QTableView {
    Q_OBJECT
public:
    explicit ResultTableView(QWidget *parent = nullptr);
    ResultTableModel *resultModel() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    int sourceRow(const QModelIndex &proxyIndex) const;
    // Call after the model's table changed: column widths follow the contents.
    void fitColumns();
    // Tall enough for every row up to about ten, so a splitter gives the rest to the chart.
    QSize sizeHint() const override;

signals:
    void rowActivated(int sourceRow);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    ResultTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
};

} // namespace refuge::desktop
