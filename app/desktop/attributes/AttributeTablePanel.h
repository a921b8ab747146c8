#pragma once
// AttributeTablePanel: the attribute table of one layer (bottom dock): sortable, a text
// filter over all columns, row selection mirrored to and from the document's feature
// selection (so the map highlights it), "zoom to selection". GUI thread only.
#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace refuge::desktop {

class AttributeTableModel;
class ProjectDocument;

class AttributeTablePanel : public QWidget {
    Q_OBJECT
public:
    explicit AttributeTablePanel(ProjectDocument *doc, QWidget *parent = nullptr);
    void setLayer(const QString &layerId);
    const QString &layerId() const { return m_layerId; }

    QTableView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    void setFilterText(const QString &text);

Q_SIGNALS:
    void zoomToSelectionRequested();
    void titleChanged(const QString &title);

private:
    void pushSelectionToDocument();
    void pullSelectionFromDocument();
    void updateCount();

    ProjectDocument *m_doc;
    QString m_layerId;
    AttributeTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    QLabel *m_count;
    bool m_syncing = false;
};

} // namespace refuge::desktop
