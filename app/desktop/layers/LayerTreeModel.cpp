#include "layers/LayerTreeModel.h"
#include "results/ResultFormat.h"

#include "commands/LayerCommands.h"
#include "document/ProjectDocument.h"
#include "model/VectorLayer.h"
#include "render/Legend.h"

#include <QApplication>
#include <QFont>
#include <QIODevice>
#include <QMimeData>
#include <QStyle>
#include <QUndoStack>

namespace refuge::desktop {

struct LayerTreeModel::Node {
    Kind kind = Kind::Group;
    QString group;     // Group
    QString layerId;   // Layer, Legend
    int legendIndex = -1;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    Node *add(std::unique_ptr<Node> child)
    {
        child->parent = this;
        children.push_back(std::move(child));
        return children.back().get();
    }
    int row() const
    {
        if (!parent)
            return 0;
        for (std::size_t i = 0; i < parent->children.size(); ++i)
            if (parent->children[i].get() == this)
                return int(i);
        return 0;
    }
    // Layer ids in this subtree, top first.
    void collect(QStringList &out) const
    {
        if (kind == Kind::Layer)
            out << layerId;
        for (const auto &c : children)
            if (c->kind != Kind::Legend)
                c->collect(out);
    }
};

LayerTreeModel::LayerTreeModel(ProjectDocument *doc, QObject *parent)
    : QAbstractItemModel(parent), m_doc(doc), m_root(std::make_unique<Node>())
{
    connect(doc, &ProjectDocument::projectReset, this, &LayerTreeModel::rebuild);
    connect(doc, &ProjectDocument::layersReordered, this, &LayerTreeModel::rebuild);
    connect(doc, &ProjectDocument::layerChanged, this, &LayerTreeModel::onLayerChanged);
    connect(doc, &ProjectDocument::layerDataChanged, this, &LayerTreeModel::onLayerChanged);
    rebuild();
}

LayerTreeModel::~LayerTreeModel() = default;

void LayerTreeModel::buildLegend(const QString &layerId)
{
    std::vector<LegendItem> items;
    const LayerData data = m_doc->layerData(layerId);
    if (data.isReady()) {
        const GeometryType type = data.vector ? data.vector->geometryType() : GeometryType::Unknown;
        for (const LegendEntry &e : Legend::entries(m_doc->effectiveStyle(layerId), type))
            items.push_back({ResultFormat::message(e.label), QPixmap::fromImage(e.swatch(QSize(16, 16)))}); // core's default labels ("Minor road") in the UI language
    }
    m_legend.insert(layerId, std::move(items));
}

QString LayerTreeModel::structureSignature() const
{
    QStringList parts;
    for (int i = m_doc->layerCount() - 1; i >= 0; --i) {
        const ProjectLayer &l = m_doc->layerAt(i);
        const auto &legend = m_legend.value(l.id);
        const int children = legend.size() == 1 && legend.front().label.isEmpty() ? 0 : int(legend.size());
        parts << l.id + QLatin1Char('/') + m_doc->groupOf(l) + QLatin1Char('/') + QString::number(children);
    }
    return parts.join(QLatin1Char('|'));
}

void LayerTreeModel::rebuild()
{
    beginResetModel();
    m_legend.clear();
    m_root = std::make_unique<Node>();
    Node *currentGroup = nullptr;
    for (int i = m_doc->layerCount() - 1; i >= 0; --i) {
        const ProjectLayer &l = m_doc->layerAt(i);
        buildLegend(l.id);
        const QString group = m_doc->groupOf(l);
        Node *container = m_root.get();
        if (!group.isEmpty()) {
            if (!currentGroup || currentGroup->group != group) {
                auto g = std::make_unique<Node>();
                g->kind = Kind::Group;
                g->group = group;
                currentGroup = m_root->add(std::move(g));
            }
            container = currentGroup;
        } else {
            currentGroup = nullptr;
        }
        auto layerNode = std::make_unique<Node>();
        layerNode->kind = Kind::Layer;
        layerNode->layerId = l.id;
        Node *ln = container->add(std::move(layerNode));
        const auto &legend = m_legend.value(l.id);
        if (!(legend.size() == 1 && legend.front().label.isEmpty())) {
            for (int k = 0; k < int(legend.size()); ++k) {
                auto e = std::make_unique<Node>();
                e->kind = Kind::Legend;
                e->layerId = l.id;
                e->legendIndex = k;
                ln->add(std::move(e));
            }
        }
    }
    m_signature = structureSignature();
    endResetModel();
}

void LayerTreeModel::onLayerChanged(const QString &layerId)
{
    buildLegend(layerId);
    if (structureSignature() != m_signature) {
        rebuild();
        return;
    }
    const QModelIndex idx = indexOfLayer(layerId);
    if (!idx.isValid())
        return;
    Q_EMIT dataChanged(idx, idx);
    const int n = rowCount(idx);
    if (n > 0)
        Q_EMIT dataChanged(index(0, 0, idx), index(n - 1, 0, idx));
    if (idx.parent().isValid())
        Q_EMIT dataChanged(idx.parent(), idx.parent(), {Qt::CheckStateRole});
}

LayerTreeModel::Node *LayerTreeModel::node(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex LayerTreeModel::indexOf(const Node *n) const
{
    if (!n || n == m_root.get())
        return {};
    return createIndex(n->row(), 0, const_cast<Node *>(n));
}

QModelIndex LayerTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0 || (parent.isValid() && parent.column() != 0))
        return {};
    const Node *p = node(parent);
    if (row >= int(p->children.size()))
        return {};
    return createIndex(row, 0, p->children[std::size_t(row)].get());
}

QModelIndex LayerTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(node(child)->parent);
}

int LayerTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(node(parent)->children.size());
}

int LayerTreeModel::columnCount(const QModelIndex &) const { return 1; }

LayerTreeModel::Kind LayerTreeModel::kind(const QModelIndex &index) const { return node(index)->kind; }

QString LayerTreeModel::layerId(const QModelIndex &index) const { return index.isValid() ? node(index)->layerId : QString(); }

QString LayerTreeModel::groupName(const QModelIndex &index) const
{
    const Node *n = node(index);
    while (n && n->kind != Kind::Group)
        n = n->parent;
    return n ? n->group : QString();
}

QModelIndex LayerTreeModel::indexOfLayer(const QString &layerId) const
{
    for (const auto &top : m_root->children) {
        if (top->kind == Kind::Layer && top->layerId == layerId)
            return indexOf(top.get());
        for (const auto &c : top->children)
            if (c->kind == Kind::Layer && c->layerId == layerId)
                return indexOf(c.get());
    }
    return {};
}

QStringList LayerTreeModel::layerIdsInTreeOrder() const
{
    QStringList out;
    m_root->collect(out);
    return out;
}

QVariant LayerTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *n = node(index);
    if (role == KindRole)
        return int(n->kind);
    if (role == LayerIdRole)
        return n->layerId;
    if (role == GroupNameRole)
        return groupName(index);
    switch (n->kind) {
    case Kind::Group: {
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return n->group;
        if (role == Qt::DecorationRole)
            return QApplication::style()->standardIcon(QStyle::SP_DirIcon);
        if (role == Qt::CheckStateRole) {
            int shown = 0;
            for (const auto &c : n->children)
                shown += m_doc->layerById(c->layerId)->visible ? 1 : 0;
            return shown == 0 ? Qt::Unchecked : shown == int(n->children.size()) ? Qt::Checked : Qt::PartiallyChecked;
        }
        return {};
    }
    case Kind::Layer: {
        const ProjectLayer *l = m_doc->layerById(n->layerId);
        if (!l)
            return {};
        const LayerData d = m_doc->layerData(n->layerId);
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
            return l->name;
        case Qt::CheckStateRole:
            return l->visible ? Qt::Checked : Qt::Unchecked;
        case Qt::DecorationRole: {
            if (d.isBroken())
                return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
            const auto &legend = m_legend.value(n->layerId);
            if (legend.size() == 1 && legend.front().label.isEmpty())
                return legend.front().swatch;
            return {};
        }
        case Qt::FontRole:
            if (d.isBroken() || d.state == LayerData::State::Loading) {
                QFont f;
                f.setItalic(true);
                return f;
            }
            return {};
        case Qt::ForegroundRole:
            if (d.isBroken())
                return QColor(170, 0, 0);
            return {};
        case Qt::ToolTipRole: {
            QString tip = tr("%1\nSource: %2\nRole: %3").arg(l->name, m_doc->project().dataSource(*l).displayName(), roleName(l->role));
            if (d.isBroken())
                tip += QLatin1Char('\n') + tr("Cannot be drawn: %1").arg(d.error);
            else if (d.state == LayerData::State::Loading)
                tip += QLatin1Char('\n') + tr("Loading…");
            else if (d.vector)
                tip += QLatin1Char('\n') + tr("%n feature(s)", nullptr, d.vector->featureCount());
            for (const QString &w : ResultFormat::messages(d.warnings))
                tip += QLatin1Char('\n') + w;
            return tip;
        }
        default:
            return {};
        }
    }
    case Kind::Legend: {
        const auto &legend = m_legend.value(n->layerId);
        if (n->legendIndex >= int(legend.size()))
            return {};
        const LegendItem &item = legend[std::size_t(n->legendIndex)];
        if (role == Qt::DisplayRole)
            return item.label;
        if (role == Qt::DecorationRole)
            return item.swatch;
        return {};
    }
    }
    return {};
}

bool LayerTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid())
        return false;
    const Node *n = node(index);
    QUndoStack *stack = m_doc->undoStack();
    if (n->kind == Kind::Layer && role == Qt::CheckStateRole) {
        const bool visible = value.toInt() == Qt::Checked;
        if (m_doc->layerById(n->layerId)->visible != visible)
            stack->push(new SetLayerVisibilityCommand(m_doc, n->layerId, visible));
        return true;
    }
    if (n->kind == Kind::Layer && role == Qt::EditRole) {
        const QString name = value.toString().trimmed();
        if (name.isEmpty() || name == m_doc->layerById(n->layerId)->name)
            return false;
        stack->push(new RenameLayerCommand(m_doc, n->layerId, name));
        return true;
    }
    if (n->kind == Kind::Group && (role == Qt::CheckStateRole || role == Qt::EditRole)) {
        QStringList ids;
        n->collect(ids);
        const QString newName = value.toString().trimmed();
        if (role == Qt::EditRole && (newName.isEmpty() || newName == n->group))
            return false;
        const bool visible = role == Qt::CheckStateRole && value.toInt() != Qt::Unchecked;
        stack->beginMacro(role == Qt::CheckStateRole ? (visible ? tr("Show group %1") : tr("Hide group %1")).arg(n->group)
                                                     : tr("Rename group %1").arg(n->group));
        for (const QString &id : ids) {
            if (role == Qt::CheckStateRole) {
                if (m_doc->layerById(id)->visible != visible)
                    stack->push(new SetLayerVisibilityCommand(m_doc, id, visible));
            } else {
                stack->push(new SetLayerGroupCommand(m_doc, id, newName));
            }
        }
        stack->endMacro();
        return true;
    }
    return false;
}

Qt::ItemFlags LayerTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    switch (node(index)->kind) {
    case Kind::Group:
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemIsEditable | Qt::ItemIsDropEnabled;
    case Kind::Layer:
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemIsEditable | Qt::ItemIsDragEnabled;
    case Kind::Legend:
        return Qt::ItemIsEnabled;
    }
    return Qt::NoItemFlags;
}

QMimeData *LayerTreeModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList ids;
    for (const QModelIndex &i : indexes)
        if (kind(i) == Kind::Layer && !ids.contains(layerId(i)))
            ids << layerId(i);
    if (ids.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(mimeType(), ids.join(QLatin1Char('\n')).toUtf8());
    return mime;
}

bool LayerTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int, const QModelIndex &parent) const
{
    return data && data->hasFormat(mimeType()) && action == Qt::MoveAction
        && (!parent.isValid() || kind(parent) != Kind::Legend);
}

bool LayerTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, 0, parent))
        return false;
    const QStringList ids = QString::fromUtf8(data->data(mimeType())).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QModelIndex container = parent;
    if (container.isValid() && kind(container) == Kind::Layer) { // dropped onto a layer: just above it
        row = container.row();
        container = container.parent();
    }
    moveLayers(ids, row, container);
    return false; // the move is done; the view must not remove any rows
}

bool LayerTreeModel::moveLayers(const QStringList &ids, int row, const QModelIndex &parent)
{
    const Node *container = node(parent);
    if (container->kind == Kind::Layer || container->kind == Kind::Legend)
        return false;
    QStringList treeOrder = layerIdsInTreeOrder();
    // Flat (top-first) position where the dropped layers go.
    int pos = 0;
    if (row >= 0 && row < int(container->children.size())) {
        QStringList first;
        container->children[std::size_t(row)]->collect(first);
        pos = first.isEmpty() ? 0 : int(treeOrder.indexOf(first.front()));
    } else if (!container->children.empty()) {
        QStringList last;
        container->children.back()->collect(last);
        pos = int(treeOrder.indexOf(last.back())) + 1;
    } else {
        pos = container == m_root.get() ? int(treeOrder.size()) : 0;
    }
    QStringList moving;
    for (const QString &id : treeOrder)
        if (ids.contains(id))
            moving << id;
    if (moving.isEmpty())
        return false;
    int before = 0;
    for (int i = 0; i < pos && i < int(treeOrder.size()); ++i)
        before += moving.contains(treeOrder[i]) ? 1 : 0;
    for (const QString &id : moving)
        treeOrder.removeAll(id);
    pos -= before;
    for (int i = 0; i < int(moving.size()); ++i)
        treeOrder.insert(pos + i, moving[i]);

    const QString group = container == m_root.get() ? QString() : container->group;
    QUndoStack *stack = m_doc->undoStack();
    stack->beginMacro(tr("Move layers"));
    for (const QString &id : moving)
        if (m_doc->groupOf(*m_doc->layerById(id)) != group)
            stack->push(new SetLayerGroupCommand(m_doc, id, group));
    const int n = int(treeOrder.size());
    for (int i = 0; i < n; ++i) { // project index i holds tree position n-1-i
        const QString &id = treeOrder[n - 1 - i];
        if (m_doc->indexOf(id) != i)
            stack->push(new MoveLayerCommand(m_doc, id, i));
    }
    stack->endMacro();
    return true;
}

} // namespace refuge::desktop
