#pragma once
// LayerPanel: the layer tree (left dock): checkboxes, drag to reorder and into groups,
// legend entries, and the layer context menu (zoom to layer, properties, attribute
// table, remove, set role, opacity, grouping). Edits go through undo commands; what
// needs other parts of the window (zoom, dialogs, the table) is requested by signal.
#include <QSet>
#include <QWidget>

class QTreeView;

namespace refuge::desktop {

class LayerTreeModel;
class ProjectDocument;

class LayerPanel : public QWidget {
    Q_OBJECT
public:
    explicit LayerPanel(ProjectDocument *doc, QWidget *parent = nullptr);
    LayerTreeModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QString currentLayerId() const;
    void removeSelectedLayers();

Q_SIGNALS:
    void currentLayerChanged(const QString &layerId);
    void zoomToLayerRequested(const QString &layerId);
    void propertiesRequested(const QString &layerId);
    void attributeTableRequested(const QString &layerId);
    void addLayerRequested();

private:
    void showContextMenu(const QPoint &pos);
    void restoreExpansion();
    QStringList selectedLayerIds() const;

    ProjectDocument *m_doc;
    LayerTreeModel *m_model;
    QTreeView *m_view;
    QSet<QString> m_collapsed; // layer ids / "group:" + name the user collapsed
};

} // namespace refuge::desktop
