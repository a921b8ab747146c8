#pragma once
// AtlasPreview: the designer's atlas bar and the page context it selects. Without an
// atlas the page shows the whole project (layers, title, credits, as `refuge-cli
// print`); with a coverage layer chosen, Atlas::plan() makes one page per feature (as
// `refuge-cli atlas`: the map zoomed to the feature, the outside dimmed, its fields
// filled, and — when the project has a coverage run — its assigned shelters, routes
// and covered share, or with an exposure run the hazardous sites inside it), and
// previous/next or the feature list pick the page shown.
// The page follows the project's map (layers loaded, shown or hidden in the main
// window's layer panel, restyled). GUI thread only; planning is synchronous.
#include "print/Atlas.h"

#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;
class QToolButton;

namespace refuge::desktop {

class LayoutDocument;
class ProjectDocument;

class AtlasPreview : public QWidget {
    Q_OBJECT
public:
    AtlasPreview(const ProjectDocument *project, LayoutDocument *layout, QWidget *parent = nullptr);

    // The whole project as one page: its map (all loaded layers, no selection), title, credits.
    static PrintContext projectContext(const ProjectDocument &project);
    // The page shown: the atlas page, or the project's context without an atlas.
    const PrintContext &context() const;
    // "" for none; a vector layer's id. Plans the pages (failures in warning()).
    void setCoverageLayer(const QString &layerId);
    QString coverageLayer() const { return m_layerId; }
    int pageCount() const { return int(m_pages.size()); }
    int page() const { return m_page; }
    void setPage(int page);
    void next() { setPage(m_page + 1); }
    void previous() { setPage(m_page - 1); }
    QString warning() const;
    // The field naming the coverage layer's features (its "name" mapping, else NAME).
    QString nameField() const { return m_nameField; }
    // The project's page context the atlas pages start from.
    const PrintContext &baseContext() const { return m_base; }
    // The community content of the pages from the project's coverage run, when there
    // is one (a run that cannot be used leaves the pages as they are, with a note).
    void fillCommunityPages(AtlasPlan &plan);
    void fillSitePages(AtlasPlan &plan);

Q_SIGNALS:
    void contextChanged();

private:
    void fillLayerCombo();
    // After the project's map changed (coalesced): new base context, layers and pages.
    void scheduleRefresh();
    void plan();
    void updateControls();

    const ProjectDocument *m_project;
    LayoutDocument *m_layout;
    QComboBox *m_layers;
    QToolButton *m_prev;
    QComboBox *m_features;
    QToolButton *m_next;
    QLabel *m_status;
    PrintContext m_base;
    std::vector<PrintContext> m_pages;
    QString m_layerId;
    QString m_nameField;
    int m_page = -1;
    bool m_refreshPending = false;
};

} // namespace refuge::desktop
