#pragma once
// ItemPropertiesPanel: the designer's side panel for the selected layout item — its
// kind, text (with fields such as {feature.NAME}), font size, bold, and position and
// size in mm. Each edit becomes one undoable command on the LayoutDocument; the panel
// follows undo/redo through itemChanged(). GUI thread only.
#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace refuge::desktop {

class LayoutDocument;

class ItemPropertiesPanel : public QWidget {
    Q_OBJECT
public:
    explicit ItemPropertiesPanel(LayoutDocument *doc, QWidget *parent = nullptr);
    // Shows item `index` (-1: none).
    void setItem(int index);
    int item() const { return m_index; }
    // The item kind as shown (translated).
    static QString typeName(int type);

    // Applies the text box's text to the item (the "Apply text" button).
    void applyText();
    void setTextForTest(const QString &text);

private:
    void load();
    void applyGeometry();
    void applyFont();

    LayoutDocument *m_doc;
    int m_index = -1;
    bool m_loading = false;
    QLabel *m_type;
    QPlainTextEdit *m_text;
    QPushButton *m_applyText;
    QDoubleSpinBox *m_fontPt;
    QCheckBox *m_bold;
    QDoubleSpinBox *m_x, *m_y, *m_w, *m_h;
};

} // namespace refuge::desktop
