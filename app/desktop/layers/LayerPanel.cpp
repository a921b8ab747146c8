#include "layers/LayerPanel.h"

#include "app/RoleNames.h"
#include "commands/LayerCommands.h"
#include "document/ProjectDocument.h"
#include "layers/LayerTreeModel.h"

#include <QActionGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QSlider>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace refuge::desktop {

namespace {
QString expansionKey(const QModelIndex &i)
{
    const auto kind = LayerTreeModel::Kind(i.data(LayerTreeModel::KindRole).toInt());
    return kind == LayerTreeModel::Kind::Group ? QStringLiteral("group:") + i.data(LayerTreeModel::GroupNameRole).toString()
                                               : i.data(LayerTreeModel::LayerIdRole).toString();
}
} // namespace

LayerPanel::LayerPanel(ProjectDocument *doc, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_model(new LayerTreeModel(doc, this)), m_view(new QTreeView(this))
{
    m_view->setModel(m_model);
    m_view->setHeaderHidden(true);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setDragDropMode(QAbstractItemView::InternalMove);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setIconSize(QSize(16, 16));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(m_view, &QTreeView::customContextMenuRequested, this, &LayerPanel::showContextMenu);
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &i) {
        const QString id = m_model->layerId(i);
        if (!id.isEmpty() && m_model->kind(i) == LayerTreeModel::Kind::Layer)
            Q_EMIT propertiesRequested(id);
    });
    connect(m_view, &QTreeView::collapsed, this, [this](const QModelIndex &i) { m_collapsed.insert(expansionKey(i)); });
    connect(m_view, &QTreeView::expanded, this, [this](const QModelIndex &i) { m_collapsed.remove(expansionKey(i)); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &LayerPanel::restoreExpansion);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &i) { Q_EMIT currentLayerChanged(m_model->layerId(i)); });
    restoreExpansion();
}

void LayerPanel::restoreExpansion()
{
    const QSet<QString> collapsed = m_collapsed;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < m_model->rowCount(parent); ++r) {
            const QModelIndex i = m_model->index(r, 0, parent);
            if (m_model->rowCount(i) == 0)
                continue;
            m_view->setExpanded(i, !collapsed.contains(expansionKey(i)));
            walk(i);
        }
    };
    walk({});
    m_collapsed = collapsed;
}

QString LayerPanel::currentLayerId() const { return m_model->layerId(m_view->currentIndex()); }

QStringList LayerPanel::selectedLayerIds() const
{
    QStringList ids;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        if (m_model->kind(i) == LayerTreeModel::Kind::Layer)
            ids << m_model->layerId(i);
    return ids;
}

void LayerPanel::removeSelectedLayers()
{
    QStringList ids = selectedLayerIds();
    if (ids.isEmpty() && !currentLayerId().isEmpty())
        ids << currentLayerId();
    if (ids.isEmpty())
        return;
    QUndoStack *stack = m_doc->undoStack();
    stack->beginMacro(tr("Remove %n layer(s)", nullptr, int(ids.size())));
    for (const QString &id : ids)
        if (m_doc->layerById(id))
            stack->push(new RemoveLayerCommand(m_doc, id));
    stack->endMacro();
}

void LayerPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    QMenu menu(this);
    if (!index.isValid()) {
        menu.addAction(tr("Add layer…"), this, &LayerPanel::addLayerRequested);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
        return;
    }
    if (m_model->kind(index) == LayerTreeModel::Kind::Group) {
        const QString group = m_model->groupName(index);
        menu.addAction(tr("Rename group…"), this, [this, index] { m_view->edit(index); });
        menu.addAction(tr("Ungroup"), this, [this, index] {
            QStringList ids;
            for (int r = 0; r < m_model->rowCount(index); ++r)
                ids << m_model->layerId(m_model->index(r, 0, index));
            QUndoStack *stack = m_doc->undoStack();
            stack->beginMacro(tr("Ungroup"));
            for (const QString &id : ids)
                stack->push(new SetLayerGroupCommand(m_doc, id, QString()));
            stack->endMacro();
        });
        menu.exec(m_view->viewport()->mapToGlobal(pos));
        return;
    }
    const QString id = m_model->layerId(index);
    const ProjectLayer *layer = m_doc->layerById(id);
    if (!layer)
        return;
    const LayerData data = m_doc->layerData(id);
    menu.addAction(tr("Zoom to layer"), this, [this, id] { Q_EMIT zoomToLayerRequested(id); })->setEnabled(data.isReady());
    menu.addAction(tr("Open attribute table"), this, [this, id] { Q_EMIT attributeTableRequested(id); })
        ->setEnabled(data.vector != nullptr);
    menu.addSeparator();

    QMenu *roleMenu = menu.addMenu(tr("Set role"));
    auto *roles = new QActionGroup(roleMenu);
    for (Role r : RoleNames::all()) {
        QAction *a = roleMenu->addAction(RoleNames::displayName(r));
        a->setCheckable(true);
        a->setChecked(r == layer->role);
        roles->addAction(a);
        connect(a, &QAction::triggered, this, [this, id, r] {
            if (m_doc->layerById(id) && m_doc->layerById(id)->role != r)
                m_doc->undoStack()->push(new SetLayerRoleCommand(m_doc, id, r));
        });
    }

    QMenu *opacityMenu = menu.addMenu(tr("Opacity"));
    auto *sliderAction = new QWidgetAction(opacityMenu);
    auto *box = new QWidget(opacityMenu);
    auto *row = new QHBoxLayout(box);
    auto *slider = new QSlider(Qt::Horizontal, box);
    slider->setRange(0, 100);
    slider->setValue(qRound(layer->opacity * 100));
    slider->setMinimumWidth(160);
    auto *value = new QLabel(QStringLiteral("%1 %").arg(slider->value()), box);
    row->addWidget(slider);
    row->addWidget(value);
    sliderAction->setDefaultWidget(box);
    opacityMenu->addAction(sliderAction);
    connect(slider, &QSlider::valueChanged, this, [this, id, value](int v) {
        value->setText(QStringLiteral("%1 %").arg(v));
        if (m_doc->layerById(id))
            m_doc->undoStack()->push(new SetLayerOpacityCommand(m_doc, id, v / 100.0));
    });

    QMenu *groupMenu = menu.addMenu(tr("Group"));
    groupMenu->addAction(tr("New group…"), this, [this, id] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("New group"), tr("Group name:"), QLineEdit::Normal, QString(), &ok).trimmed();
        if (!ok || name.isEmpty())
            return;
        QStringList ids = selectedLayerIds();
        if (!ids.contains(id))
            ids = {id};
        QUndoStack *stack = m_doc->undoStack();
        stack->beginMacro(tr("Group layers"));
        for (const QString &l : ids)
            stack->push(new SetLayerGroupCommand(m_doc, l, name));
        stack->endMacro();
    });
    if (!m_doc->groupOf(*layer).isEmpty())
        groupMenu->addAction(tr("Remove from group"), this, [this, id] {
            m_doc->undoStack()->push(new SetLayerGroupCommand(m_doc, id, QString()));
        });
    menu.addAction(tr("Rename"), this, [this, index] { m_view->edit(index); });
    menu.addAction(tr("Remove layer"), this, [this, id] {
        if (m_doc->layerById(id))
            m_doc->undoStack()->push(new RemoveLayerCommand(m_doc, id));
    });
    menu.addSeparator();
    menu.addAction(tr("Properties…"), this, [this, id] { Q_EMIT propertiesRequested(id); });
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace refuge::desktop
