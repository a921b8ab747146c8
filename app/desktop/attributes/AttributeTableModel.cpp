#include "attributes/AttributeTableModel.h"

#include "model/VectorLayer.h"

#include <QColor>
#include <QLocale>

namespace refuge::desktop {

AttributeTableModel::AttributeTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void AttributeTableModel::setLayer(std::shared_ptr<const VectorLayer> layer)
{
    beginResetModel();
    m_layer = std::move(layer);
    endResetModel();
}

int AttributeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_layer ? 0 : m_layer->featureCount();
}

int AttributeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_layer ? 0 : int(m_layer->fields().size());
}

QVariant AttributeTableModel::data(const QModelIndex &index, int role) const
{
    if (!m_layer || !index.isValid())
        return {};
    const QVariant v = m_layer->attribute(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (v.isNull())
            return QStringLiteral("NULL");
        if (v.typeId() == QMetaType::Double)
            return QLocale().toString(v.toDouble(), 'g', 10);
        return v.toString();
    case Qt::EditRole:
        return v;
    case Qt::ForegroundRole:
        return v.isNull() ? QVariant(QColor(150, 150, 150)) : QVariant();
    case Qt::TextAlignmentRole: {
        const int t = v.typeId();
        const bool number = t == QMetaType::Int || t == QMetaType::LongLong || t == QMetaType::Double;
        return QVariant::fromValue(Qt::Alignment((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    }
    default:
        return {};
    }
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || !m_layer)
        return {};
    if (orientation == Qt::Horizontal)
        return section < int(m_layer->fields().size()) ? m_layer->fields()[std::size_t(section)].name : QVariant();
    return section + 1;
}

} // namespace refuge::desktop
