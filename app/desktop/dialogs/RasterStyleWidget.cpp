#include "dialogs/RasterStyleWidget.h"

#include "render/ColorRamp.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>

namespace refuge::desktop {

RasterStyleWidget::RasterStyleWidget(int bandCount, QWidget *parent)
    : QWidget(parent), m_mode(new QComboBox(this)), m_band(new QSpinBox(this)), m_ramp(new QComboBox(this)),
      m_auto(new QCheckBox(tr("Stretch to the data's minimum and maximum"), this)), m_min(new QDoubleSpinBox(this)),
      m_max(new QDoubleSpinBox(this))
{
    m_mode->addItem(tr("Greyscale"), int(RasterStyle::Mode::Greyscale));
    m_mode->addItem(tr("Pseudocolour"), int(RasterStyle::Mode::Pseudocolor));
    m_mode->addItem(tr("Own colours (RGB, palette)"), int(RasterStyle::Mode::Colour));
    m_band->setRange(1, std::max(1, bandCount));
    for (const QString &name : ColorRamp::names())
        m_ramp->addItem(name, name);
    for (QDoubleSpinBox *s : {m_min, m_max}) {
        s->setRange(-1e12, 1e12);
        s->setDecimals(3);
    }
    auto *form = new QFormLayout(this);
    form->addRow(tr("Render as:"), m_mode);
    form->addRow(tr("Band:"), m_band);
    form->addRow(tr("Colour ramp:"), m_ramp);
    form->addRow(m_auto);
    form->addRow(tr("Minimum:"), m_min);
    form->addRow(tr("Maximum:"), m_max);
    auto update = [this] {
        m_ramp->setEnabled(m_mode->currentData().toInt() == int(RasterStyle::Mode::Pseudocolor));
        const bool values = m_mode->currentData().toInt() != int(RasterStyle::Mode::Colour);
        m_band->setEnabled(values);
        m_auto->setEnabled(values);
        m_min->setEnabled(values && !m_auto->isChecked());
        m_max->setEnabled(values && !m_auto->isChecked());
    };
    connect(m_mode, &QComboBox::currentIndexChanged, this, update);
    connect(m_auto, &QCheckBox::toggled, this, update);
    update();
}

void RasterStyleWidget::setStyle(const Style &style)
{
    m_style = style;
    const RasterStyle &r = style.raster;
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(int(r.mode))));
    m_band->setValue(r.band);
    m_ramp->setCurrentIndex(std::max(0, m_ramp->findData(r.ramp)));
    m_auto->setChecked(!r.min || !r.max);
    m_min->setValue(r.min.value_or(0.0));
    m_max->setValue(r.max.value_or(1.0));
}

Style RasterStyleWidget::style() const
{
    Style s = m_style;
    s.type = Style::Type::Raster;
    s.raster.mode = RasterStyle::Mode(m_mode->currentData().toInt());
    s.raster.band = m_band->value();
    s.raster.ramp = m_ramp->currentData().toString();
    if (m_auto->isChecked()) {
        s.raster.min.reset();
        s.raster.max.reset();
    } else {
        s.raster.min = m_min->value();
        s.raster.max = m_max->value();
    }
    return s;
}

} // namespace refuge::desktop
