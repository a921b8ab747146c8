#pragma once
// SymbologyWidget: edits a vector layer's Style — single symbol, categorized by a
// field, or graduated by a numeric field (equal interval, quantile, natural breaks /
// Jenks) with a colour ramp (incl. the 5-class risk palette 高…低 / High…Low); marker
// shape and size (optionally by a field), stroke, dash, fill and hatch. Classes are
// computed by core/render (Style::categorized / Style::graduated); this widget only
// collects choices. Labels are edited elsewhere and passed through untouched.
#include "render/Style.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;
class QTreeWidget;

namespace refuge {
class VectorLayer;
}

namespace refuge::desktop {

class ColorButton;

class SymbologyWidget : public QWidget {
    Q_OBJECT
public:
    SymbologyWidget(std::shared_ptr<const VectorLayer> layer, QWidget *parent = nullptr);
    void setStyle(const Style &style);
    // The edited style; classes are recomputed if the type, field, method, classes or
    // ramp changed since the last classification. Throws refuge::Error (e.g. no field).
    Style style();

private:
    Symbol baseSymbol() const;
    void setBaseSymbol(const Symbol &s);
    void updateVisibility();
    void classify();
    void showClasses();

    std::shared_ptr<const VectorLayer> m_layer;
    Style m_style;          // last classification (categories / ranges)
    QString m_classifiedKey; // the choices m_style was classified with
    QComboBox *m_type;
    QComboBox *m_field;
    QComboBox *m_method;
    QSpinBox *m_classes;
    QComboBox *m_ramp;
    ColorButton *m_fill;
    ColorButton *m_stroke;
    QDoubleSpinBox *m_strokeWidth;
    QComboBox *m_dash;
    QComboBox *m_hatch;
    QComboBox *m_marker;
    QDoubleSpinBox *m_size;
    QComboBox *m_sizeField;
    QDoubleSpinBox *m_minSize;
    QDoubleSpinBox *m_maxSize;
    QTreeWidget *m_classList;
    QWidget *m_classBox;
    QWidget *m_pointBox;
    QString classificationKey() const;
};

} // namespace refuge::desktop
