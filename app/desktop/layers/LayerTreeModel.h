#pragma once
// LayerTreeModel: the layer panel's model — groups, layers (top of the tree = drawn
// last) and legend entries (swatch + class label) under each layer. Reads the
// ProjectDocument; edits (visibility, rename, drag-and-drop reorder, grouping) are
// pushed as undo commands, never applied directly. Groups are runs of consecutive
// layers sharing a "group" name. GUI thread only.
#include <QAbstractItemModel>
#include <QHash>
#include <QPixmap>
#include <memory>
#include <vector>

namespace refuge::desktop {

class ProjectDocument;

class LayerTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class Kind { Group, Layer, Legend };
    enum Roles { LayerIdRole = Qt::UserRole + 1, KindRole, GroupNameRole };
    static QString mimeType() { return QStringLiteral("application/x-refuge-layer-ids"); }

    explicit LayerTreeModel(ProjectDocument *doc, QObject *parent = nullptr);
    ~LayerTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override { return {mimeType()}; }
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;

    Kind kind(const QModelIndex &index) const;
    QString layerId(const QModelIndex &index) const; // layer (or legend entry's layer); empty for groups
    QString groupName(const QModelIndex &index) const;
    QModelIndex indexOfLayer(const QString &layerId) const;
    // Layer ids top first (tree order).
    QStringList layerIdsInTreeOrder() const;

    // Moves `ids` so they sit at tree position `row` of the container `parent`
    // (root or a group), joining that group. One undo step. Returns false if nothing moved.
    bool moveLayers(const QStringList &ids, int row, const QModelIndex &parent);

private:
    struct Node;
    void rebuild();
    void onLayerChanged(const QString &layerId);
    QString structureSignature() const;
    void buildLegend(const QString &layerId);
    Node *node(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node) const;

    ProjectDocument *m_doc;
    std::unique_ptr<Node> m_root;
    struct LegendItem {
        QString label;
        QPixmap swatch;
    };
    QHash<QString, std::vector<LegendItem>> m_legend;
    QString m_signature;
};

} // namespace refuge::desktop
