// AtlasPreview: atlas bar and page context of the layout designer (see the header).
#include "print/AtlasPreview.h"

#include "analysis/jobs/ProjectJobSettings.h"
#include "document/ProjectDocument.h"
#include "model/VectorLayer.h"
#include "print/Atlas.h"
#include "print/CommunityPages.h"
#include "print/SitePages.h"
#include "print/LayoutDocument.h"
#include "print/PrintCredits.h"
#include "render/ProjectLayers.h"
#include "util/Error.h"
#include "util/Feedback.h"

#include <QComboBox>
#include <QLocale>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

namespace refuge::desktop {

PrintContext AtlasPreview::projectContext(const ProjectDocument &project)
{
    std::vector<MapLayer> layers = project.mapLayers();
    for (MapLayer &l : layers)
        l.selection.clear(); // the canvas's selection is not printed
    PrintContext context;
    context.map = ProjectLayers::mapSettings(project.project(), std::move(layers), QSize(1000, 1000));
    context.title = project.project().title;
    context.credits = PrintCredits::forProject(project.project(), context.map.layers).join(QStringLiteral(" · "));
    context.lang = QLocale().language() == QLocale::Chinese ? QStringLiteral("zh") : QStringLiteral("en"); // the legend as the layer tree shows it
    return context;
}

AtlasPreview::AtlasPreview(const ProjectDocument *project, LayoutDocument *layout, QWidget *parent)
    : QWidget(parent), m_project(project), m_layout(layout), m_layers(new QComboBox(this)), m_prev(new QToolButton(this)),
      m_features(new QComboBox(this)), m_next(new QToolButton(this)), m_status(new QLabel(this)), m_base(projectContext(*project))
{
    m_layers->setObjectName(QStringLiteral("atlasLayer"));
    m_features->setObjectName(QStringLiteral("atlasFeature"));
    m_features->setMinimumContentsLength(18);
    m_prev->setIcon(style()->standardIcon(QStyle::SP_ArrowLeft));
    m_prev->setToolTip(tr("Previous feature"));
    m_next->setIcon(style()->standardIcon(QStyle::SP_ArrowRight));
    m_next->setToolTip(tr("Next feature"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Atlas:"), this));
    row->addWidget(m_layers);
    row->addWidget(m_prev);
    row->addWidget(m_features, 1);
    row->addWidget(m_next);
    row->addWidget(m_status, 1);
    fillLayerCombo();
    // The page follows the project's map: layers loaded, shown or hidden, restyled.
    connect(project, &ProjectDocument::mapChanged, this, &AtlasPreview::scheduleRefresh);
    connect(m_layers, &QComboBox::activated, this, [this](int i) { setCoverageLayer(m_layers->itemData(i).toString()); });
    connect(m_features, &QComboBox::activated, this, &AtlasPreview::setPage);
    connect(m_prev, &QToolButton::clicked, this, &AtlasPreview::previous);
    connect(m_next, &QToolButton::clicked, this, &AtlasPreview::next);
    connect(layout, &LayoutDocument::itemChanged, this, [this](int i) {
        if (!m_layerId.isEmpty() && m_layout->item(i).type == PrintItem::Type::Map)
            plan(); // the page extents follow the map frame's shape
    });
    // Layouts printing feature fields open on the project's communities.
    const ProjectLayer *communities = project->project().layerWithRole(Role::Communities);
    if (communities && !Atlas::fieldsUsed(layout->layout(), {}).isEmpty())
        setCoverageLayer(communities->id);
    else
        updateControls();
}

void AtlasPreview::scheduleRefresh()
{
    if (m_refreshPending)
        return;
    m_refreshPending = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshPending = false;
        m_base = projectContext(*m_project);
        fillLayerCombo();
        plan();
    });
}

void AtlasPreview::fillLayerCombo()
{
    m_layers->clear();
    m_layers->addItem(tr("None (whole project)"), QString());
    for (int i = 0; i < m_project->layerCount(); ++i) {
        const ProjectLayer &l = m_project->layerAt(i);
        if (m_project->layerData(l.id).vector)
            m_layers->addItem(l.name, l.id);
    }
    m_layers->setCurrentIndex(std::max(0, m_layers->findData(m_layerId)));
}

const PrintContext &AtlasPreview::context() const { return m_page >= 0 ? m_pages[std::size_t(m_page)] : m_base; }

QString AtlasPreview::warning() const { return m_status->text(); }

void AtlasPreview::setCoverageLayer(const QString &layerId)
{
    m_layerId = layerId;
    m_layers->setCurrentIndex(std::max(0, m_layers->findData(layerId)));
    plan();
}

void AtlasPreview::plan()
{
    const int keep = m_page;
    m_pages.clear();
    m_page = -1;
    m_status->clear();
    m_status->setToolTip(QString());
    m_nameField.clear();
    if (!m_layerId.isEmpty()) {
        const ProjectLayer *layer = m_project->layerById(m_layerId);
        const auto data = m_project->layerData(m_layerId).vector;
        m_nameField = layer ? layer->field(QStringLiteral("name")) : QString();
        if (m_nameField.isEmpty() && data && data->fieldIndex(QStringLiteral("NAME")) >= 0)
            m_nameField = QStringLiteral("NAME");
        AtlasOptions options;
        options.coverageLayerId = m_layerId;
        options.nameField = m_nameField;
        try {
            AtlasPlan plan = Atlas::plan(m_layout->layout(), m_base, options);
            if (!plan.failures.empty())
                m_status->setText(tr("%n feature(s) make no page", nullptr, int(plan.failures.size())));
            fillCommunityPages(plan);
            fillSitePages(plan);
            m_pages = std::move(plan.pages);
        } catch (const Error &e) {
            m_status->setText(e.message());
        }
        if (!m_pages.empty())
            m_page = std::clamp(keep, 0, int(m_pages.size()) - 1);
    }
    updateControls();
    Q_EMIT contextChanged();
}

void AtlasPreview::fillCommunityPages(AtlasPlan &plan)
{
    const QString results = ProjectJobSettings::resultsDirectory(m_project->project());
    if (!CommunityPages::wanted(m_layout->layout()) || results.isEmpty() || CoverageResults::coverageFolder(results).isEmpty())
        return;
    Feedback feedback;
    try {
        CommunityPages::fillFromProject(plan, m_project->project(), m_base.map, m_layerId, m_nameField, results, feedback);
    } catch (const Error &e) {
        // The pages stay, without their shelters, routes and covered share.
        m_status->setText(tr("Assigned shelters left out: the coverage results cannot be used"));
        m_status->setToolTip(e.message());
    }
}

void AtlasPreview::fillSitePages(AtlasPlan &plan)
{
    const QString results = ProjectJobSettings::resultsDirectory(m_project->project());
    if (!SitePages::wanted(m_layout->layout()) || results.isEmpty() || SiteResults::exposureFolder(results).isEmpty())
        return;
    Feedback feedback;
    try {
        SitePages::fillFromResults(plan, m_base.map, m_layerId, results, feedback);
    } catch (const Error &e) {
        // The pages stay, without their sites.
        m_status->setText(tr("Hazardous sites left out: the exposure results cannot be used"));
        m_status->setToolTip(e.message());
    }
}

void AtlasPreview::setPage(int page)
{
    if (page < 0 || page >= pageCount() || page == m_page)
        return;
    m_page = page;
    updateControls();
    Q_EMIT contextChanged();
}

void AtlasPreview::updateControls()
{
    m_features->clear();
    for (int i = 0; i < pageCount(); ++i) {
        const QString name = m_pages[std::size_t(i)].feature.value(m_nameField).toString();
        m_features->addItem(name.isEmpty() ? QString::number(i + 1) : name);
    }
    m_features->setCurrentIndex(m_page);
    m_features->setEnabled(pageCount() > 0);
    m_prev->setEnabled(m_page > 0);
    m_next->setEnabled(m_page >= 0 && m_page + 1 < pageCount());
}

} // namespace refuge::desktop
