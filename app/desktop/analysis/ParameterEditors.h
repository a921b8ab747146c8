#pragma once
// ParameterEditors: one input widget per declared analysis parameter (Parameter of the
// analysis framework), for the generic analysis form — a layer combo from the project
// (filtered by the declared geometry, the declared role first), a field combo following
// its layer's combo, a spin box limited to the ParameterRanges range with its unit, a
// choice or travel-profile combo, a CRS line, a flag check box, a text line — and the
// custom editors: barriers (polygons, none until chosen), breaks (a list typed as
// "5, 10, 15"), the standards profile and the output folder (chosen by the desktop,
// shown read-only). Each editor gives its value as ParameterValues wants it (an invalid
// QVariant: not set, the analysis's default applies) and takes the values a project
// supplies. GUI thread only.
#include "analysis/framework/Parameter.h"

#include <QObject>
#include <QVariant>
#include <functional>
#include <memory>

class QWidget;

namespace refuge::desktop {

class LayerCombo;
class ProjectDocument;

class ParameterEditor : public QObject {
    Q_OBJECT
public:
    explicit ParameterEditor(const Parameter &parameter) : m_parameter(parameter) {}
    const Parameter &parameter() const { return m_parameter; }
    virtual QWidget *widget() const = 0;
    // The value for ParameterValues; invalid when not set.
    virtual QVariant value() const = 0;
    // A value as a project (Analysis::projectValues) or a test gives it; invalid: unset.
    virtual void setValue(const QVariant &value) = 0;
    // The LayerCombo of a layer editor (field editors follow it); nullptr otherwise.
    virtual LayerCombo *layerCombo() const { return nullptr; }

Q_SIGNALS:
    void changed();

private:
    Parameter m_parameter;
};

// What an editor needs from its surroundings: the document, the UI language ("en"/"zh")
// and the editors made before it (a field editor finds its layer's).
struct EditorContext {
    ProjectDocument *doc = nullptr;
    QString language;
    std::function<ParameterEditor *(const QString &name)> editor;
};

// The editor for `parameter`; its widget is parented to `parent`.
std::unique_ptr<ParameterEditor> makeParameterEditor(const Parameter &parameter, const EditorContext &context, QWidget *parent);

// The spin box range for a number of `spec`: [min, max] with one step below the
// smallest valid value standing for "not set" (shown as the default's note).
struct SpinRange {
    double unset = 0, min = 0, max = 0;
    int decimals = 2;
};
SpinRange spinRange(const ParameterSpec &spec);

} // namespace refuge::desktop
