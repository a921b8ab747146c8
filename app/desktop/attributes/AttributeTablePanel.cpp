#include "attributes/AttributeTablePanel.h"

#include "attributes/AttributeTableModel.h"
#include "document/ProjectDocument.h"
#include "model/VectorLayer.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelection>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace refuge::desktop {

AttributeTablePanel::AttributeTablePanel(ProjectDocument *doc, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_model(new AttributeTableModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTableView(this)), m_filter(new QLineEdit(this)), m_count(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(Qt::EditRole);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setSectionsMovable(true);

    m_filter->setPlaceholderText(tr("Filter rows (any column)…"));
    m_filter->setClearButtonEnabled(true);
    auto *zoom = new QToolButton(this);
    zoom->setText(tr("Zoom to selection"));
    auto *clear = new QToolButton(this);
    clear->setText(tr("Clear selection"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(zoom);
    bar->addWidget(clear);
    bar->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &AttributeTablePanel::setFilterText);
    connect(zoom, &QToolButton::clicked, this, &AttributeTablePanel::zoomToSelectionRequested);
    connect(clear, &QToolButton::clicked, this, [this] {
        if (!m_layerId.isEmpty())
            m_doc->setSelection(m_layerId, {});
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AttributeTablePanel::pushSelectionToDocument);
    connect(doc, &ProjectDocument::selectionChanged, this, [this](const QString &id) {
        if (id == m_layerId)
            pullSelectionFromDocument();
    });
    connect(doc, &ProjectDocument::layerDataChanged, this, [this](const QString &id) {
        if (id == m_layerId)
            setLayer(id);
    });
    connect(doc, &ProjectDocument::layersReordered, this, [this] {
        if (!m_layerId.isEmpty() && !m_doc->layerById(m_layerId))
            setLayer({});
    });
    connect(doc, &ProjectDocument::projectReset, this, [this] { setLayer({}); });
    updateCount();
}

void AttributeTablePanel::setLayer(const QString &layerId)
{
    m_layerId = layerId;
    const LayerData d = layerId.isEmpty() ? LayerData() : m_doc->layerData(layerId);
    m_model->setLayer(d.vector);
    m_view->resizeColumnsToContents();
    pullSelectionFromDocument();
    const ProjectLayer *l = layerId.isEmpty() ? nullptr : m_doc->layerById(layerId);
    Q_EMIT titleChanged(l ? tr("Attributes — %1").arg(l->name) : tr("Attributes"));
}

void AttributeTablePanel::setFilterText(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    m_proxy->setFilterFixedString(text);
    updateCount();
}

void AttributeTablePanel::pushSelectionToDocument()
{
    if (m_syncing || m_layerId.isEmpty())
        return;
    QSet<int> features;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        features.insert(m_proxy->mapToSource(i).row());
    m_syncing = true;
    m_doc->setSelection(m_layerId, features);
    m_syncing = false;
    updateCount();
}

void AttributeTablePanel::pullSelectionFromDocument()
{
    if (m_syncing)
        return;
    m_syncing = true;
    QItemSelection selection;
    const int lastColumn = m_model->columnCount() - 1;
    if (!m_layerId.isEmpty() && lastColumn >= 0) {
        for (int f : m_doc->selection(m_layerId)) {
            const QModelIndex a = m_proxy->mapFromSource(m_model->index(f, 0));
            if (a.isValid())
                selection.select(a, a.siblingAtColumn(lastColumn));
        }
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_syncing = false;
    updateCount();
}

void AttributeTablePanel::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    const int selected = m_layerId.isEmpty() ? 0 : int(m_doc->selection(m_layerId).size());
    m_count->setText(tr("%1 of %2 shown, %3 selected").arg(shown).arg(total).arg(selected));
}

} // namespace refuge::desktop
