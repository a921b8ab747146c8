#pragma once
// LayerPropertiesDialog: one layer's properties — General (name, role, opacity, source,
// CRS, load report), Symbology (SymbologyWidget) and Labels (LabelsWidget). OK/Apply
// push one undoable macro; the project keeps an empty style while the role's default
// style is left unchanged. GUI thread only.
#include <QDialog>

class QComboBox;
class QLineEdit;
class QSlider;
class QTabWidget;

namespace refuge::desktop {

class LabelsWidget;
class RasterStyleWidget;
class ProjectDocument;
class SymbologyWidget;

class LayerPropertiesDialog : public QDialog {
    Q_OBJECT
public:
    LayerPropertiesDialog(ProjectDocument *doc, const QString &layerId, QWidget *parent = nullptr);
    void accept() override;
    bool apply(); // false (with a message) when the style cannot be built
    QTabWidget *tabs() const { return m_tabs; }

private:
    ProjectDocument *m_doc;
    QString m_layerId;
    QTabWidget *m_tabs;
    QLineEdit *m_name;
    QComboBox *m_role;
    QSlider *m_opacity;
    SymbologyWidget *m_symbology = nullptr;
    LabelsWidget *m_labels = nullptr;
    RasterStyleWidget *m_raster = nullptr;
};

} // namespace refuge::desktop
