#include "analysis/InputWidgets.h"
#include "analysis/framework/Parameter.h"
#include "app/RoleNames.h"
#include "document/ProjectDocument.h"
#include "model/VectorLayer.h"

namespace refuge::desktop {

LayerCombo::LayerCombo(ProjectDocument *doc, Role role, bool optional, QWidget *parent)
    : QComboBox(parent), m_doc(doc), m_role(role), m_optional(optional)
{
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(24);
    refill();
    connect(doc, &ProjectDocument::layersReordered, this, &LayerCombo::refill);
    connect(doc, &ProjectDocument::projectReset, this, &LayerCombo::refill);
    connect(doc, &ProjectDocument::layerDataChanged, this, [this] {
        if (m_geometries != AnyGeometry)
            refill(); // a layer finished loading: its geometry is known now
    });
}

void LayerCombo::refill()
{
    const QString current = count() > 0 ? layerId() : QString();
    QSignalBlocker block(this);
    clear();
    if (m_optional)
        addItem(tr("(none)"), QString());
    const Project &project = m_doc->project();
    // The layers with the wanted role first, then the other vector layers.
    for (int pass = 0; pass < 2; ++pass) {
        for (const ProjectLayer &l : project.layers) {
            if ((l.role == m_role) != (pass == 0))
                continue;
            if (l.extra.contains(QStringLiteral("analysis")))
                continue; // results of earlier runs
            if (!accepts(l.id))
                continue;
            const QString text = l.role == Role::Other ? l.name : QStringLiteral("%1 — %2").arg(l.name, RoleNames::displayName(l.role));
            addItem(text, l.id);
        }
    }
    int index = current.isEmpty() ? -1 : findData(current);
    if (index < 0) {
        const ProjectLayer *withRole = project.layerWithRole(m_role);
        index = withRole && !(m_optional && m_noneByDefault) ? findData(withRole->id) : (m_optional ? 0 : -1);
    }
    setCurrentIndex(index >= 0 ? index : 0);
    block.unblock();
    Q_EMIT currentIndexChanged(currentIndex());
}

bool LayerCombo::accepts(const QString &layerId) const
{
    const LayerData data = m_doc->layerData(layerId);
    if (data.raster)
        return (m_geometries & RasterLayerKind) != 0;
    if (m_geometries == AnyGeometry || !data.vector || data.vector->featureCount() == 0)
        return true; // not loaded yet, or empty: validate() says what is wrong
    static constexpr unsigned byDimension[] = {PointLayer, LineLayer, PolygonLayer};
    const int d = dimension(data.vector->geometryType());
    return d < 0 || d > 2 || (m_geometries & byDimension[d]) != 0;
}

void LayerCombo::setGeometries(unsigned geometries)
{
    m_geometries = geometries;
    refill();
}

QString LayerCombo::layerId() const
{
    return currentData().toString();
}

const ProjectLayer *LayerCombo::layer() const
{
    const QString id = layerId();
    return id.isEmpty() ? nullptr : m_doc->layerById(id);
}

DataSource LayerCombo::source() const
{
    const ProjectLayer *l = layer();
    return l ? m_doc->project().dataSource(*l) : DataSource();
}

void LayerCombo::setNoneByDefault()
{
    m_noneByDefault = true;
    if (m_optional)
        setCurrentIndex(0);
}

void LayerCombo::selectLayer(const QString &layerId)
{
    const int i = findData(layerId);
    if (i >= 0)
        setCurrentIndex(i);
}

FieldCombo::FieldCombo(ProjectDocument *doc, LayerCombo *layers, const QString &key, bool optional, const QStringList &fallbacks,
                       QWidget *parent)
    : QComboBox(parent), m_doc(doc), m_layers(layers), m_key(key), m_optional(optional), m_fallbacks(fallbacks)
{
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(16);
    refill();
    connect(layers, &QComboBox::currentIndexChanged, this, &FieldCombo::refill);
    connect(doc, &ProjectDocument::layerDataChanged, this, [this](const QString &id) {
        if (id == m_layers->layerId())
            refill();
    });
}

void FieldCombo::refill()
{
    const QString previous = field();
    QSignalBlocker block(this);
    clear();
    if (m_optional)
        addItem(tr("(none)"), QString());
    const ProjectLayer *layer = m_layers->layer();
    if (!layer)
        return;
    const LayerData data = m_doc->layerData(layer->id);
    QStringList names;
    if (data.vector)
        for (const Field &f : data.vector->fields())
            names << f.name;
    QString mapped; // the first of the keys ("id|name") the project maps
    for (const QString &k : m_key.split(QLatin1Char('|')))
        if (mapped.isEmpty())
            mapped = layer->field(k);
    if (!mapped.isEmpty() && !names.contains(mapped))
        names.prepend(mapped); // not loaded yet (or missing: the run will say so)
    for (const QString &n : names)
        addItem(n, n);
    QString want = !previous.isEmpty() && names.contains(previous) ? previous : mapped;
    if (want.isEmpty()) {
        for (const QString &f : m_fallbacks)
            for (const QString &n : names)
                if (want.isEmpty() && n.compare(f, Qt::CaseInsensitive) == 0)
                    want = n;
    }
    const int index = want.isEmpty() ? 0 : findData(want);
    setCurrentIndex(index >= 0 ? index : 0);
}

QString FieldCombo::field() const
{
    return currentData().toString();
}

void FieldCombo::selectField(const QString &name)
{
    const int i = findData(name);
    if (i >= 0)
        setCurrentIndex(i);
}

} // namespace refuge::desktop
