#pragma once
// ColorButton: a tool button showing a colour swatch; click opens QColorDialog (with alpha).
#include <QColor>
#include <QToolButton>

namespace refuge::desktop {

class ColorButton : public QToolButton {
    Q_OBJECT
public:
    explicit ColorButton(QWidget *parent = nullptr);
    QColor color() const { return m_color; }
    void setColor(const QColor &color);

Q_SIGNALS:
    void colorChanged(const QColor &color);

private:
    QColor m_color;
};

} // namespace refuge::desktop
