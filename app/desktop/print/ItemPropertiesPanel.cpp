// ItemPropertiesPanel: properties of the selected layout item (see the header).
#include "print/ItemPropertiesPanel.h"

#include "print/LayoutDocument.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace refuge::desktop {

namespace {
QDoubleSpinBox *mmBox(QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, 2000);
    box->setDecimals(1);
    box->setSuffix(QStringLiteral(" mm"));
    box->setKeyboardTracking(false);
    return box;
}
} // namespace

ItemPropertiesPanel::ItemPropertiesPanel(LayoutDocument *doc, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_type(new QLabel(this)), m_text(new QPlainTextEdit(this)),
      m_applyText(new QPushButton(tr("Apply text"), this)), m_fontPt(new QDoubleSpinBox(this)), m_bold(new QCheckBox(tr("Bold"), this)),
      m_x(mmBox(this)), m_y(mmBox(this)), m_w(mmBox(this)), m_h(mmBox(this))
{
    m_type->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_type->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_text->setObjectName(QStringLiteral("itemText"));
    m_text->setPlaceholderText(tr("Text with fields: {title}, {date}, {page}, {pages}, {feature.NAME}…"));
    m_text->setMaximumHeight(110);
    m_fontPt->setRange(3, 120);
    m_fontPt->setDecimals(1);
    m_fontPt->setSuffix(QStringLiteral(" pt"));
    m_fontPt->setKeyboardTracking(false);
    auto *form = new QFormLayout;
    form->addRow(tr("Item:"), m_type);
    form->addRow(tr("Text:"), m_text);
    form->addRow(QString(), m_applyText);
    form->addRow(tr("Font size:"), m_fontPt);
    form->addRow(QString(), m_bold);
    form->addRow(tr("Left:"), m_x);
    form->addRow(tr("Top:"), m_y);
    form->addRow(tr("Width:"), m_w);
    form->addRow(tr("Height:"), m_h);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    connect(m_applyText, &QPushButton::clicked, this, &ItemPropertiesPanel::applyText);
    for (QDoubleSpinBox *box : {m_x, m_y, m_w, m_h})
        connect(box, &QDoubleSpinBox::valueChanged, this, &ItemPropertiesPanel::applyGeometry);
    connect(m_fontPt, &QDoubleSpinBox::valueChanged, this, &ItemPropertiesPanel::applyFont);
    connect(m_bold, &QCheckBox::toggled, this, &ItemPropertiesPanel::applyFont);
    connect(doc, &LayoutDocument::itemChanged, this, [this](int i) {
        if (i == m_index)
            load();
    });
    setItem(-1);
}

QString ItemPropertiesPanel::typeName(int type)
{
    switch (PrintItem::Type(type)) {
    case PrintItem::Type::Map: return tr("Map frame");
    case PrintItem::Type::Legend: return tr("Legend");
    case PrintItem::Type::ScaleBar: return tr("Scale bar");
    case PrintItem::Type::NorthArrow: return tr("North arrow");
    case PrintItem::Type::Text: return tr("Text");
    case PrintItem::Type::Credits: return tr("Credits");
    case PrintItem::Type::Table: return tr("Table");
    case PrintItem::Type::Contacts: return tr("Contacts");
    }
    return {};
}

void ItemPropertiesPanel::setItem(int index)
{
    m_index = index;
    load();
}

void ItemPropertiesPanel::load()
{
    const bool valid = m_index >= 0 && m_index < m_doc->itemCount();
    for (QWidget *w : std::initializer_list<QWidget *>{m_text, m_applyText, m_fontPt, m_bold, m_x, m_y, m_w, m_h})
        w->setEnabled(valid);
    m_loading = true;
    if (!valid) {
        m_type->setText(tr("Click an item on the page"));
        m_text->clear();
    } else {
        const PrintItem &item = m_doc->item(m_index);
        const bool hasText = item.type == PrintItem::Type::Text || item.type == PrintItem::Type::Credits ||
                             item.type == PrintItem::Type::Table || item.type == PrintItem::Type::Contacts;
        m_type->setText(typeName(int(item.type)));
        m_text->setPlainText(item.text);
        m_text->setEnabled(hasText);
        m_applyText->setEnabled(hasText);
        m_fontPt->setValue(item.fontPt);
        m_bold->setChecked(item.bold);
        m_x->setValue(item.rectMm.x());
        m_y->setValue(item.rectMm.y());
        m_w->setValue(item.rectMm.width());
        m_h->setValue(item.rectMm.height());
    }
    m_loading = false;
}

void ItemPropertiesPanel::setTextForTest(const QString &text) { m_text->setPlainText(text); }

void ItemPropertiesPanel::applyText()
{
    if (m_index < 0)
        return;
    PrintItem item = m_doc->item(m_index);
    item.text = m_text->toPlainText();
    m_doc->editItem(m_index, item, tr("Edit text"));
}

void ItemPropertiesPanel::applyGeometry()
{
    if (m_loading || m_index < 0)
        return;
    const QRectF shown(m_x->value(), m_y->value(), m_w->value(), m_h->value());
    const QRectF current = m_doc->item(m_index).rectMm;
    // The boxes show 0.1 mm: a box left alone keeps the item's exact value.
    auto keep = [](double shownValue, double exact) { return qAbs(shownValue - exact) < 0.05 ? exact : shownValue; };
    m_doc->moveItem(m_index, QRectF(keep(shown.x(), current.x()), keep(shown.y(), current.y()), keep(shown.width(), current.width()),
                                    keep(shown.height(), current.height())));
    load(); // shows the value after clamping to the page
}

void ItemPropertiesPanel::applyFont()
{
    if (m_loading || m_index < 0)
        return;
    PrintItem item = m_doc->item(m_index);
    item.fontPt = m_fontPt->value();
    item.bold = m_bold->isChecked();
    m_doc->editItem(m_index, item, tr("Change font"));
}

} // namespace refuge::desktop
