#include "dialogs/LayerPropertiesDialog.h"
#include "results/ResultFormat.h"

#include "app/RoleNames.h"
#include "commands/LayerCommands.h"
#include "dialogs/LabelsWidget.h"
#include "dialogs/RasterStyleWidget.h"
#include "dialogs/SymbologyWidget.h"
#include "document/ProjectDocument.h"
#include "model/RasterLayer.h"
#include "model/VectorLayer.h"
#include "util/Error.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace refuge::desktop {

namespace {
// The geometry type in the UI language ("Point", "点").
QString geometryLabel(GeometryType type)
{
    switch (type) {
    case GeometryType::Point: return LayerPropertiesDialog::tr("Point");
    case GeometryType::LineString: return LayerPropertiesDialog::tr("Line");
    case GeometryType::Polygon: return LayerPropertiesDialog::tr("Polygon");
    case GeometryType::MultiPoint: return LayerPropertiesDialog::tr("Multi-point");
    case GeometryType::MultiLineString: return LayerPropertiesDialog::tr("Multi-line");
    case GeometryType::MultiPolygon: return LayerPropertiesDialog::tr("Multi-polygon");
    case GeometryType::Unknown: break;
    }
    return LayerPropertiesDialog::tr("Unknown");
}
} // namespace

LayerPropertiesDialog::LayerPropertiesDialog(ProjectDocument *doc, const QString &layerId, QWidget *parent)
    : QDialog(parent), m_doc(doc), m_layerId(layerId), m_tabs(new QTabWidget(this)), m_name(new QLineEdit(this)),
      m_role(new QComboBox(this)), m_opacity(new QSlider(Qt::Horizontal, this))
{
    const ProjectLayer &layer = *doc->layerById(layerId);
    const LayerData data = doc->layerData(layerId);
    setWindowTitle(tr("Layer properties — %1").arg(layer.name));
    resize(560, 640);

    auto *general = new QWidget(this);
    auto *form = new QFormLayout(general);
    m_name->setText(layer.name);
    for (Role r : RoleNames::all())
        m_role->addItem(RoleNames::displayName(r), int(r));
    m_role->setCurrentIndex(m_role->findData(int(layer.role)));
    m_opacity->setRange(0, 100);
    m_opacity->setValue(qRound(layer.opacity * 100));
    auto *opacityLabel = new QLabel(QStringLiteral("%1 %").arg(m_opacity->value()), this);
    connect(m_opacity, &QSlider::valueChanged, opacityLabel, [opacityLabel](int v) { opacityLabel->setText(QStringLiteral("%1 %").arg(v)); });
    auto *opacityRow = new QHBoxLayout;
    opacityRow->addWidget(m_opacity, 1);
    opacityRow->addWidget(opacityLabel);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Role:"), m_role);
    form->addRow(tr("Opacity:"), opacityRow);
    auto info = [&](const QString &label, const QString &text) {
        auto *l = new QLabel(text, general);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setWordWrap(true);
        form->addRow(label, l);
    };
    info(tr("Source:"), doc->project().dataSource(layer).displayName());
    if (data.vector) {
        info(tr("Geometry:"), geometryLabel(data.vector->geometryType()));
        info(tr("Features:"), QLocale().toString(data.vector->featureCount()));
        info(tr("Source CRS:"), data.vector->sourceCrs().label());
        info(tr("Encoding:"), data.vector->report().encoding);
    } else if (data.raster) {
        info(tr("Raster:"), tr("%1 × %2 pixels, %n band(s)", nullptr, data.raster->bandCount())
                                .arg(data.raster->width()).arg(data.raster->height()));
        info(tr("Source CRS:"), data.raster->crs().label());
    }
    if (data.isBroken())
        info(tr("Problem:"), data.error);
    if (!data.warnings.isEmpty())
        info(tr("Notes:"), ResultFormat::messages(data.warnings).join(QLatin1Char('\n')));
    m_tabs->addTab(general, tr("General"));

    if (data.vector) {
        const Style style = doc->effectiveStyle(layerId);
        m_symbology = new SymbologyWidget(data.vector, this);
        m_symbology->setStyle(style);
        auto *scroll = new QScrollArea(this);
        scroll->setWidget(m_symbology);
        scroll->setWidgetResizable(true);
        m_tabs->addTab(scroll, tr("Symbology"));
        QStringList fields;
        for (const Field &f : data.vector->fields())
            fields << f.name;
        m_labels = new LabelsWidget(fields, this);
        m_labels->setLabels(style.labels);
        m_tabs->addTab(m_labels, tr("Labels"));
    } else if (data.raster) {
        m_raster = new RasterStyleWidget(data.raster->bandCount(), this);
        m_raster->setStyle(doc->effectiveStyle(layerId));
        m_tabs->addTab(m_raster, tr("Symbology"));
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &LayerPropertiesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &LayerPropertiesDialog::apply);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
}

bool LayerPropertiesDialog::apply()
{
    const ProjectLayer *layer = m_doc->layerById(m_layerId);
    if (!layer)
        return true;
    QJsonObject styleJson = layer->style;
    if (m_symbology) {
        try {
            Style style = m_symbology->style();
            style.labels = m_labels->labels();
            const bool unchanged = layer->style.isEmpty() && style == m_doc->effectiveStyle(m_layerId);
            if (!unchanged)
                styleJson = style.toJson();
        } catch (const Error &e) {
            QMessageBox::warning(this, tr("Symbology"), e.message());
            return false;
        }
    } else if (m_raster) {
        const Style style = m_raster->style();
        if (!(layer->style.isEmpty() && style == m_doc->effectiveStyle(m_layerId)))
            styleJson = style.toJson();
    }
    const QString name = m_name->text().trimmed();
    const auto role = Role(m_role->currentData().toInt());
    const double opacity = m_opacity->value() / 100.0;
    const bool rename = !name.isEmpty() && name != layer->name;
    const bool newRole = role != layer->role;
    const bool newOpacity = std::abs(opacity - layer->opacity) > 1e-9;
    const bool newStyle = styleJson != layer->style;
    if (!rename && !newRole && !newOpacity && !newStyle)
        return true; // nothing changed: no undo step
    QUndoStack *stack = m_doc->undoStack();
    stack->beginMacro(tr("Layer properties of %1").arg(layer->name));
    if (rename)
        stack->push(new RenameLayerCommand(m_doc, m_layerId, name));
    if (newRole)
        stack->push(new SetLayerRoleCommand(m_doc, m_layerId, role));
    if (newOpacity)
        stack->push(new SetLayerOpacityCommand(m_doc, m_layerId, opacity));
    if (newStyle)
        stack->push(new SetLayerStyleCommand(m_doc, m_layerId, styleJson));
    stack->endMacro();
    return true;
}

void LayerPropertiesDialog::accept()
{
    if (apply())
        QDialog::accept();
}

} // namespace refuge::desktop
