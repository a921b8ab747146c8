#pragma once
// ResultTableModel: a read-only results table (per area, per shelter, per fire zone)
// described by columns, each a function from row to raw value. DisplayRole shows the
// value formatted in the UI locale; SortRole gives the raw number or text, so a
// QSortFilterProxyModel sorts numbers as numbers. Pass/fail columns are coloured, and
// rows the highlight function picks (overloaded shelters) get a warning background.
// The functions usually capture a copy of the outcome. GUI thread only.
#include <QAbstractTableModel>
#include <functional>
#include <vector>

namespace refuge::desktop {

struct ResultColumn {
    enum class Kind { Text, Number, Percent, PassFail };
    QString header;
    Kind kind = Kind::Number;
    int decimals = 0;
    std::function<QVariant(int row)> value; // QString, double or bool (PassFail)
    QString toolTip;                         // header tool tip (e.g. the clause)
};

class ResultTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int SortRole = Qt::UserRole;

    explicit ResultTableModel(QObject *parent = nullptr);
    void setTable(std::vector<ResultColumn> columns, int rowCount);
    void setHighlight(std::function<bool(int row)> highlighted);
    bool isHighlighted(int row) const { return m_highlight && m_highlight(row); }
    // The text shown in a cell.
    QString text(int row, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<ResultColumn> m_columns;
    int m_rows = 0;
    std::function<bool(int)> m_highlight;
};

} // namespace refuge::desktop
