#include "results/ResultTableModel.h"

#include "results/ResultFormat.h"

#include <QBrush>
#include <QColor>

namespace refuge::desktop {

ResultTableModel::ResultTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ResultTableModel::setTable(std::vector<ResultColumn> columns, int rowCount)
{
    beginResetModel();
    m_columns = std::move(columns);
    m_rows = rowCount;
    m_highlight = nullptr;
    endResetModel();
}

void ResultTableModel::setHighlight(std::function<bool(int)> highlighted)
{
    m_highlight = std::move(highlighted);
    if (m_rows > 0 && !m_columns.empty())
        emit dataChanged(index(0, 0), index(m_rows - 1, int(m_columns.size()) - 1), {Qt::BackgroundRole});
}

int ResultTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : m_rows; }

int ResultTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_columns.size()); }

QString ResultTableModel::text(int row, int column) const
{
    const ResultColumn &c = m_columns[std::size_t(column)];
    const QVariant v = c.value(row);
    switch (c.kind) {
    case ResultColumn::Kind::Text:
        return v.toString();
    case ResultColumn::Kind::Number:
        return ResultFormat::number(v.toDouble(), c.decimals);
    case ResultColumn::Kind::Percent:
        return ResultFormat::percent(v.toDouble(), c.decimals);
    case ResultColumn::Kind::PassFail:
        if (!v.isValid())
            return QStringLiteral("—");
        return v.toBool() ? tr("pass") : tr("fail");
    }
    return {};
}

QVariant ResultTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows || index.column() >= int(m_columns.size()))
        return {};
    const ResultColumn &c = m_columns[std::size_t(index.column())];
    switch (role) {
    case Qt::DisplayRole:
        return text(index.row(), index.column());
    case SortRole: {
        const QVariant v = c.value(index.row());
        return c.kind == ResultColumn::Kind::PassFail ? QVariant(v.isValid() ? int(v.toBool()) : -1) : v;
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(c.kind == ResultColumn::Kind::Text ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (c.kind == ResultColumn::Kind::PassFail && c.value(index.row()).isValid())
            return QBrush(c.value(index.row()).toBool() ? QColor(26, 127, 55) : QColor(198, 40, 40));
        return {};
    case Qt::BackgroundRole:
        if (isHighlighted(index.row()))
            return QBrush(QColor(253, 221, 215));
        return {};
    default:
        return {};
    }
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= int(m_columns.size()))
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return m_columns[std::size_t(section)].header;
    if (role == Qt::ToolTipRole && !m_columns[std::size_t(section)].toolTip.isEmpty())
        return m_columns[std::size_t(section)].toolTip;
    return {};
}

} // namespace refuge::desktop
