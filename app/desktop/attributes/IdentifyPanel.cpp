#include "attributes/IdentifyPanel.h"

#include "document/ProjectDocument.h"
#include "model/VectorLayer.h"

#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace refuge::desktop {

IdentifyPanel::IdentifyPanel(ProjectDocument *doc, QWidget *parent) : QWidget(parent), m_doc(doc), m_tree(new QTreeWidget(this))
{
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Field"), tr("Value")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setAlternatingRowColors(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_tree);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        while (item && item->parent())
            item = item->parent();
        const int i = item ? m_tree->indexOfTopLevelItem(item) : -1;
        if (i >= 0 && i < m_features.size())
            Q_EMIT featureActivated(m_features[i]);
    });
    connect(doc, &ProjectDocument::projectReset, this, [this] { showFeatures({}); });
}

void IdentifyPanel::showFeatures(const QList<FeatureRef> &features)
{
    m_features = features;
    m_tree->clear();
    for (const FeatureRef &ref : features) {
        const ProjectLayer *l = m_doc->layerById(ref.layerId);
        const LayerData d = m_doc->layerData(ref.layerId);
        if (!l || !d.vector || ref.feature >= d.vector->featureCount())
            continue;
        auto *top = new QTreeWidgetItem(m_tree, {l->name, tr("Feature %1").arg(d.vector->sourceFid(ref.feature))});
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        const Fields &fields = d.vector->fields();
        for (int f = 0; f < int(fields.size()); ++f) {
            const QVariant v = d.vector->attribute(ref.feature, f);
            new QTreeWidgetItem(top, {fields[std::size_t(f)].name, v.isNull() ? QStringLiteral("NULL") : v.toString()});
        }
        const Geometry &g = d.vector->geometry(ref.feature);
        new QTreeWidgetItem(top, {tr("(geometry)"), geometryTypeName(g.type())});
        const double m = m_doc->project().crs.metresPerUnit(); // 0 for degrees: no planar measures
        if (dimension(g.type()) == 2 && m > 0)
            new QTreeWidgetItem(top, {tr("(area)"), tr("%L1 m²").arg(g.area() * m * m, 0, 'f', 0)});
        else if (dimension(g.type()) == 1 && m > 0)
            new QTreeWidgetItem(top, {tr("(length)"), tr("%L1 m").arg(g.length() * m, 0, 'f', 1)});
    }
    if (m_tree->topLevelItemCount() > 0) {
        m_tree->expandItem(m_tree->topLevelItem(0));
        QSignalBlocker block(m_tree);
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    }
}

} // namespace refuge::desktop
