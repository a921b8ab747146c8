#pragma once
// LabelsWidget: edits a layer's LabelSettings (text field or {template}, font, size,
// colour, halo, placement, collision avoidance).
#include "render/LabelSettings.h"

#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFontComboBox;

namespace refuge::desktop {

class ColorButton;

class LabelsWidget : public QWidget {
    Q_OBJECT
public:
    LabelsWidget(const QStringList &fields, QWidget *parent = nullptr);
    void setLabels(const LabelSettings &labels);
    LabelSettings labels() const;

private:
    QCheckBox *m_enabled;
    QComboBox *m_text;
    QFontComboBox *m_font;
    QCheckBox *m_defaultFont;
    QDoubleSpinBox *m_size;
    QCheckBox *m_bold;
    ColorButton *m_color;
    ColorButton *m_haloColor;
    QDoubleSpinBox *m_halo;
    QComboBox *m_placement;
    QCheckBox *m_avoid;
};

} // namespace refuge::desktop
