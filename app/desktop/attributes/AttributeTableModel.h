#pragma once
// AttributeTableModel: a read-only table over one loaded vector layer's attributes
// (rows = features in layer order, columns = fields). EditRole gives the raw value so
// a QSortFilterProxyModel sorts numbers numerically. Holds the layer data by
// shared_ptr, so it stays valid whatever the project does. GUI thread only.
#include <QAbstractTableModel>
#include <memory>

namespace refuge {
class VectorLayer;
}

namespace refuge::desktop {

class AttributeTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit AttributeTableModel(QObject *parent = nullptr);
    void setLayer(std::shared_ptr<const VectorLayer> layer);
    const std::shared_ptr<const VectorLayer> &layer() const { return m_layer; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const VectorLayer> m_layer;
};

} // namespace refuge::desktop
