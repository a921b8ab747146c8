#include "dialogs/LabelsWidget.h"

#include "dialogs/ColorButton.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QHBoxLayout>

namespace refuge::desktop {

LabelsWidget::LabelsWidget(const QStringList &fields, QWidget *parent)
    : QWidget(parent), m_enabled(new QCheckBox(tr("Label features"), this)), m_text(new QComboBox(this)),
      m_font(new QFontComboBox(this)), m_defaultFont(new QCheckBox(tr("Default font (CJK fallback)"), this)),
      m_size(new QDoubleSpinBox(this)), m_bold(new QCheckBox(tr("Bold"), this)), m_color(new ColorButton(this)),
      m_haloColor(new ColorButton(this)), m_halo(new QDoubleSpinBox(this)), m_placement(new QComboBox(this)),
      m_avoid(new QCheckBox(tr("Avoid overlapping labels"), this))
{
    m_text->setEditable(true);
    m_text->addItems(fields);
    m_text->setToolTip(tr("A field name, or a template with fields in braces, e.g. {Name} ({Capacity})"));
    m_size->setRange(4, 72);
    m_size->setSuffix(tr(" pt"));
    m_halo->setRange(0, 5);
    m_halo->setSingleStep(0.1);
    m_halo->setSuffix(tr(" mm"));
    m_placement->addItem(tr("Automatic"), int(LabelPlacement::Auto));
    m_placement->addItem(tr("Around point"), int(LabelPlacement::Around));
    m_placement->addItem(tr("Along line"), int(LabelPlacement::Along));
    m_placement->addItem(tr("Inside polygon"), int(LabelPlacement::Inside));

    auto *fontRow = new QHBoxLayout;
    fontRow->addWidget(m_defaultFont);
    fontRow->addWidget(m_font, 1);
    auto *form = new QFormLayout(this);
    form->addRow(m_enabled);
    form->addRow(tr("Text:"), m_text);
    form->addRow(tr("Font:"), fontRow);
    form->addRow(tr("Size:"), m_size);
    form->addRow(QString(), m_bold);
    form->addRow(tr("Colour:"), m_color);
    form->addRow(tr("Halo colour:"), m_haloColor);
    form->addRow(tr("Halo width:"), m_halo);
    form->addRow(tr("Placement:"), m_placement);
    form->addRow(QString(), m_avoid);
    connect(m_defaultFont, &QCheckBox::toggled, m_font, &QWidget::setDisabled);
    setLabels(LabelSettings());
}

void LabelsWidget::setLabels(const LabelSettings &l)
{
    m_enabled->setChecked(l.enabled);
    m_text->setCurrentText(l.text);
    m_defaultFont->setChecked(l.fontFamily.isEmpty());
    if (!l.fontFamily.isEmpty())
        m_font->setCurrentFont(QFont(l.fontFamily));
    m_size->setValue(l.sizePt);
    m_bold->setChecked(l.bold);
    m_color->setColor(l.color);
    m_haloColor->setColor(l.haloColor);
    m_halo->setValue(l.haloMm);
    m_placement->setCurrentIndex(std::max(0, m_placement->findData(int(l.placement))));
    m_avoid->setChecked(l.avoidCollisions);
}

LabelSettings LabelsWidget::labels() const
{
    LabelSettings l;
    l.enabled = m_enabled->isChecked();
    l.text = m_text->currentText().trimmed();
    l.fontFamily = m_defaultFont->isChecked() ? QString() : m_font->currentFont().family();
    l.sizePt = m_size->value();
    l.bold = m_bold->isChecked();
    l.color = m_color->color();
    l.haloColor = m_haloColor->color();
    l.haloMm = m_halo->value();
    l.placement = LabelPlacement(m_placement->currentData().toInt());
    l.avoidCollisions = m_avoid->isChecked();
    return l;
}

} // namespace refuge::desktop
