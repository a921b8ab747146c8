#pragma once
// IdentifyPanel: the attributes of the features the identify tool hit (one branch
// per feature, top layer first). Selecting a branch asks the canvas to highlight it.
#include "canvas/IdentifyTool.h"

#include <QWidget>

class QTreeWidget;

namespace refuge::desktop {

class ProjectDocument;

class IdentifyPanel : public QWidget {
    Q_OBJECT
public:
    explicit IdentifyPanel(ProjectDocument *doc, QWidget *parent = nullptr);
    void showFeatures(const QList<FeatureRef> &features);
    QTreeWidget *tree() const { return m_tree; }

Q_SIGNALS:
    void featureActivated(const refuge::desktop::FeatureRef &feature);

private:
    ProjectDocument *m_doc;
    QTreeWidget *m_tree;
    QList<FeatureRef> m_features;
};

} // namespace refuge::desktop
