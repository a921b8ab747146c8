#include "dialogs/ColorButton.h"

#include <QColorDialog>
#include <QPainter>
#include <QPixmap>

namespace refuge::desktop {

ColorButton::ColorButton(QWidget *parent) : QToolButton(parent)
{
    setIconSize(QSize(36, 14));
    connect(this, &QToolButton::clicked, this, [this] {
        const QColor c = QColorDialog::getColor(m_color, this, tr("Choose colour"), QColorDialog::ShowAlphaChannel);
        if (c.isValid())
            setColor(c);
    });
    setColor(Qt::black);
}

void ColorButton::setColor(const QColor &color)
{
    const bool changed = color != m_color;
    m_color = color;
    QPixmap pm(iconSize());
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    for (int x = 0; x < pm.width(); x += 6) // checkerboard under translucent colours
        for (int y = 0; y < pm.height(); y += 6)
            p.fillRect(x, y, 3, 3, QColor(200, 200, 200));
    p.fillRect(pm.rect(), color);
    p.setPen(Qt::darkGray);
    p.drawRect(pm.rect().adjusted(0, 0, -1, -1));
    p.end();
    setIcon(pm);
    setToolTip(color.name(QColor::HexArgb));
    if (changed)
        Q_EMIT colorChanged(color);
}

} // namespace refuge::desktop
