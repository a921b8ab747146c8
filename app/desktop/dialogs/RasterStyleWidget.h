#pragma once
// RasterStyleWidget: edits a raster layer's Style::raster — greyscale or pseudocolour
// with a colour ramp, the band, and a fixed or data-derived value stretch. Nodata
// pixels are always transparent (the renderer reads them as NaN).
#include "render/Style.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace refuge::desktop {

class RasterStyleWidget : public QWidget {
    Q_OBJECT
public:
    RasterStyleWidget(int bandCount, QWidget *parent = nullptr);
    void setStyle(const Style &style);
    Style style() const;

private:
    Style m_style;
    QComboBox *m_mode;
    QSpinBox *m_band;
    QComboBox *m_ramp;
    QCheckBox *m_auto;
    QDoubleSpinBox *m_min;
    QDoubleSpinBox *m_max;
};

} // namespace refuge::desktop
