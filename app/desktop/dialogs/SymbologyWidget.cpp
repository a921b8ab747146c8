#include "dialogs/SymbologyWidget.h"

#include "dialogs/ColorButton.h"
#include "model/VectorLayer.h"
#include "render/ColorRamp.h"
#include "render/Legend.h"
#include "util/Error.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace refuge::desktop {

namespace {
bool isNumeric(FieldType t) { return t == FieldType::Integer || t == FieldType::Real; }

// The name shown for a colour ramp of ColorRamp::names() (the style keeps the key).
QString rampLabel(const QString &name)
{
    static const struct {
        const char *key, *label;
    } labels[] = {
        {"risk", QT_TRANSLATE_NOOP("refuge::desktop::SymbologyWidget", "risk (5 classes: high … low)")},
        {"reds", QT_TRANSLATE_NOOP("refuge::desktop::SymbologyWidget", "Reds")},
        {"blues", QT_TRANSLATE_NOOP("refuge::desktop::SymbologyWidget", "Blues")},
        {"greens", QT_TRANSLATE_NOOP("refuge::desktop::SymbologyWidget", "Greens")},
        {"oranges", QT_TRANSLATE_NOOP("refuge::desktop::SymbologyWidget", "Oranges")},
        {"greys", QT_TRANSLATE_NOOP("refuge::desktop::SymbologyWidget", "Greys")},
        {"viridis", QT_TRANSLATE_NOOP("refuge::desktop::SymbologyWidget", "Viridis (blue – green – yellow)")},
        {"spectral", QT_TRANSLATE_NOOP("refuge::desktop::SymbologyWidget", "Spectral")},
        {"yellow_red", QT_TRANSLATE_NOOP("refuge::desktop::SymbologyWidget", "Yellow to red")},
        {"categorical", QT_TRANSLATE_NOOP("refuge::desktop::SymbologyWidget", "Categorical (distinct colours)")},
    };
    for (const auto &l : labels)
        if (name == QLatin1String(l.key))
            return SymbologyWidget::tr(l.label);
    return name;
}
} // namespace

SymbologyWidget::SymbologyWidget(std::shared_ptr<const VectorLayer> layer, QWidget *parent)
    : QWidget(parent), m_layer(std::move(layer)), m_type(new QComboBox(this)), m_field(new QComboBox(this)),
      m_method(new QComboBox(this)), m_classes(new QSpinBox(this)), m_ramp(new QComboBox(this)),
      m_fill(new ColorButton(this)), m_stroke(new ColorButton(this)), m_strokeWidth(new QDoubleSpinBox(this)),
      m_dash(new QComboBox(this)), m_hatch(new QComboBox(this)), m_marker(new QComboBox(this)),
      m_size(new QDoubleSpinBox(this)), m_sizeField(new QComboBox(this)), m_minSize(new QDoubleSpinBox(this)),
      m_maxSize(new QDoubleSpinBox(this)), m_classList(new QTreeWidget(this))
{
    m_type->addItem(tr("Single symbol"), int(Style::Type::Single));
    m_type->addItem(tr("Categorized"), int(Style::Type::Categorized));
    m_type->addItem(tr("Graduated"), int(Style::Type::Graduated));
    m_method->addItem(tr("Natural breaks (Jenks)"), int(ClassificationMethod::NaturalBreaks));
    m_method->addItem(tr("Equal interval"), int(ClassificationMethod::EqualInterval));
    m_method->addItem(tr("Quantile (equal count)"), int(ClassificationMethod::Quantile));
    m_classes->setRange(2, 12);
    m_classes->setValue(5);
    for (const QString &name : ColorRamp::names())
        m_ramp->addItem(rampLabel(name), name);
    m_sizeField->addItem(tr("(fixed size)"), QString());
    if (m_layer) {
        for (const Field &f : m_layer->fields()) {
            m_field->addItem(f.name, f.name);
            if (isNumeric(f.type))
                m_sizeField->addItem(f.name, f.name);
        }
    }
    m_strokeWidth->setRange(0, 20);
    m_strokeWidth->setSingleStep(0.1);
    m_strokeWidth->setDecimals(2);
    m_strokeWidth->setSuffix(tr(" mm"));
    for (auto [name, text] : {std::pair{"solid", tr("Solid")}, {"dash", tr("Dashed")}, {"dot", tr("Dotted")},
                              {"dashdot", tr("Dash-dot")}, {"none", tr("No line")}})
        m_dash->addItem(text, QString::fromLatin1(name));
    for (auto [name, text] : {std::pair{"none", tr("No hatch")}, {"horizontal", tr("Horizontal")}, {"vertical", tr("Vertical")},
                              {"cross", tr("Cross")}, {"bdiagonal", tr("Diagonal /")}, {"fdiagonal", tr("Diagonal \\")},
                              {"diagcross", tr("Diagonal cross")}})
        m_hatch->addItem(text, QString::fromLatin1(name));
    for (auto [name, text] : {std::pair{"circle", tr("Circle")}, {"square", tr("Square")}, {"triangle", tr("Triangle")},
                              {"star", tr("Star")}, {"diamond", tr("Diamond")}, {"cross", tr("Cross")}})
        m_marker->addItem(text, QString::fromLatin1(name));
    for (QDoubleSpinBox *s : {m_size, m_minSize, m_maxSize}) {
        s->setRange(0.2, 50);
        s->setSingleStep(0.5);
        s->setSuffix(tr(" mm"));
    }

    auto *symbolBox = new QGroupBox(tr("Symbol"), this);
    auto *symbolForm = new QFormLayout(symbolBox);
    symbolForm->addRow(tr("Fill:"), m_fill);
    symbolForm->addRow(tr("Hatch:"), m_hatch);
    symbolForm->addRow(tr("Line / outline:"), m_stroke);
    symbolForm->addRow(tr("Line width:"), m_strokeWidth);
    symbolForm->addRow(tr("Line style:"), m_dash);
    m_pointBox = new QWidget(symbolBox);
    auto *pointForm = new QFormLayout(m_pointBox);
    pointForm->setContentsMargins(0, 0, 0, 0);
    pointForm->addRow(tr("Marker:"), m_marker);
    pointForm->addRow(tr("Size:"), m_size);
    pointForm->addRow(tr("Size by field:"), m_sizeField);
    pointForm->addRow(tr("Smallest / largest:"), [&] {
        auto *w = new QWidget(m_pointBox);
        auto *h = new QHBoxLayout(w);
        h->setContentsMargins(0, 0, 0, 0);
        h->addWidget(m_minSize);
        h->addWidget(m_maxSize);
        return w;
    }());
    symbolForm->addRow(m_pointBox);

    m_classBox = new QGroupBox(tr("Classes"), this);
    auto *classForm = new QFormLayout(m_classBox);
    classForm->addRow(tr("Field:"), m_field);
    classForm->addRow(tr("Method:"), m_method);
    classForm->addRow(tr("Classes:"), m_classes);
    classForm->addRow(tr("Colour ramp:"), m_ramp);
    auto *classifyButton = new QPushButton(tr("Classify"), m_classBox);
    classForm->addRow(QString(), classifyButton);
    m_classList->setHeaderLabels({tr("Symbol"), tr("Value / range"), tr("Label")});
    m_classList->setRootIsDecorated(false);
    m_classList->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    classForm->addRow(m_classList);

    auto *typeForm = new QFormLayout;
    typeForm->addRow(tr("Style:"), m_type);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(typeForm);
    layout->addWidget(symbolBox);
    layout->addWidget(m_classBox, 1);

    connect(m_type, &QComboBox::currentIndexChanged, this, &SymbologyWidget::updateVisibility);
    connect(m_sizeField, &QComboBox::currentIndexChanged, this, &SymbologyWidget::updateVisibility);
    connect(classifyButton, &QPushButton::clicked, this, [this] {
        try {
            classify();
        } catch (const Error &) {
        }
    });
    updateVisibility();
}

QString SymbologyWidget::classificationKey() const
{
    return QStringList{m_type->currentData().toString(), m_field->currentText(), m_method->currentData().toString(),
                       QString::number(m_classes->value()), m_ramp->currentData().toString()}
        .join(QLatin1Char('|'));
}

void SymbologyWidget::updateVisibility()
{
    const auto type = Style::Type(m_type->currentData().toInt());
    m_classBox->setVisible(type != Style::Type::Single);
    m_method->setEnabled(type == Style::Type::Graduated);
    m_classes->setEnabled(type == Style::Type::Graduated);
    const bool points = m_layer && dimension(m_layer->geometryType()) == 0;
    m_pointBox->setVisible(points);
    const bool bySize = !m_sizeField->currentData().toString().isEmpty();
    m_minSize->setEnabled(bySize);
    m_maxSize->setEnabled(bySize);
    const bool polygons = m_layer && dimension(m_layer->geometryType()) == 2;
    m_hatch->setEnabled(polygons);
}

Symbol SymbologyWidget::baseSymbol() const
{
    Symbol s = m_style.symbol;
    s.fillColor = m_fill->color();
    s.strokeColor = m_stroke->color();
    s.strokeWidthMm = m_strokeWidth->value();
    s.strokeStyle = penStyleFromName(m_dash->currentData().toString());
    s.hatch = hatchPatternFromName(m_hatch->currentData().toString());
    if (s.marker != MarkerShape::Svg || m_marker->currentData().toString() != QLatin1String("circle"))
        s.marker = markerShapeFromName(m_marker->currentData().toString());
    s.sizeMm = m_size->value();
    return s;
}

void SymbologyWidget::setBaseSymbol(const Symbol &s)
{
    m_fill->setColor(s.fillColor);
    m_stroke->setColor(s.strokeColor);
    m_strokeWidth->setValue(s.strokeWidthMm);
    m_dash->setCurrentIndex(std::max(0, m_dash->findData(penStyleName(s.strokeStyle))));
    m_hatch->setCurrentIndex(std::max(0, m_hatch->findData(hatchPatternName(s.hatch))));
    m_marker->setCurrentIndex(std::max(0, m_marker->findData(markerShapeName(s.marker))));
    m_size->setValue(s.sizeMm);
}

void SymbologyWidget::setStyle(const Style &style)
{
    m_style = style;
    m_type->setCurrentIndex(std::max(0, m_type->findData(int(style.type))));
    if (!style.field.isEmpty())
        m_field->setCurrentIndex(std::max(0, m_field->findText(style.field, Qt::MatchFixedString)));
    m_method->setCurrentIndex(std::max(0, m_method->findData(int(style.method))));
    m_classes->setValue(style.classes);
    if (!style.ramp.isEmpty())
        m_ramp->setCurrentIndex(std::max(0, m_ramp->findData(style.ramp)));
    setBaseSymbol(style.symbol);
    m_sizeField->setCurrentIndex(std::max(0, m_sizeField->findData(style.size.field)));
    m_minSize->setValue(style.size.field.isEmpty() ? 2.0 : style.size.minMm);
    m_maxSize->setValue(style.size.field.isEmpty() ? 8.0 : style.size.maxMm);
    m_classifiedKey = classificationKey();
    updateVisibility();
    showClasses();
}

void SymbologyWidget::classify()
{
    const auto type = Style::Type(m_type->currentData().toInt());
    const QString rampName = m_ramp->currentData().toString();
    const bool risk = rampName == QLatin1String("risk");
    // The risk palette starts at "high": low values get the low-risk end.
    const ColorRamp ramp = risk ? ColorRamp::risk().reversed() : ColorRamp::named(rampName);
    const Symbol base = baseSymbol();
    const LabelSettings labels = m_style.labels;
    if (type == Style::Type::Categorized && m_layer) {
        m_style = Style::categorized(*m_layer, m_field->currentText(), ramp, base);
    } else if (type == Style::Type::Graduated && m_layer) {
        const auto method = ClassificationMethod(m_method->currentData().toInt());
        m_style = Style::graduated(*m_layer, m_field->currentText(), method, m_classes->value(), ramp, base);
        if (risk && m_style.ranges.size() == 5) {
            const QStringList names = ColorRamp::riskLabels(QLocale().language() == QLocale::Chinese);
            for (int i = 0; i < 5; ++i) // ranges ascend; labels go high first
                m_style.ranges[std::size_t(i)].label = names[4 - i];
        }
    } else {
        m_style = Style::single(base);
    }
    m_style.ramp = rampName;
    m_style.labels = labels;
    m_classifiedKey = classificationKey();
    showClasses();
}

void SymbologyWidget::showClasses()
{
    m_classList->clear();
    const GeometryType gt = m_layer ? m_layer->geometryType() : GeometryType::Polygon;
    const std::vector<LegendEntry> entries = Legend::entries(m_style, gt);
    const QLocale locale;
    auto add = [&](std::size_t i, const QString &value, const QString &label) {
        auto *item = new QTreeWidgetItem(m_classList, {QString(), value, label});
        if (i < entries.size())
            item->setIcon(0, QIcon(QPixmap::fromImage(entries[i].swatch(QSize(16, 16)))));
    };
    if (m_style.type == Style::Type::Categorized)
        for (std::size_t i = 0; i < m_style.categories.size(); ++i)
            add(i, m_style.categories[i].value.toString(), m_style.categories[i].label);
    else if (m_style.type == Style::Type::Graduated)
        for (std::size_t i = 0; i < m_style.ranges.size(); ++i)
            add(i, QStringLiteral("%1 – %2").arg(locale.toString(m_style.ranges[i].lower, 'g', 6), locale.toString(m_style.ranges[i].upper, 'g', 6)),
                m_style.ranges[i].label);
}

Style SymbologyWidget::style()
{
    Style s = m_style;
    const auto type = Style::Type(m_type->currentData().toInt());
    if (type != Style::Type::Single && (classificationKey() != m_classifiedKey || s.type != type))
        classify(); // the user changed choices without pressing Classify
    s = m_style;
    s.type = type;
    const Symbol base = baseSymbol();
    if (type == Style::Type::Single) {
        s.symbol = base;
    } else {
        // Keep class colours; carry the shared parts (outline, marker, size) to every class.
        auto carry = [&](Symbol &sym) {
            sym.strokeColor = base.strokeColor;
            sym.strokeWidthMm = type == Style::Type::Categorized || dimension(m_layer ? m_layer->geometryType() : GeometryType::Polygon) != 1
                ? base.strokeWidthMm : sym.strokeWidthMm;
            sym.strokeStyle = base.strokeStyle;
            sym.marker = base.marker;
            sym.sizeMm = base.sizeMm;
            sym.hatch = base.hatch;
        };
        for (auto &c : s.categories)
            carry(c.symbol);
        for (auto &r : s.ranges)
            carry(r.symbol);
    }
    s.size.field = m_sizeField->currentData().toString();
    if (!s.size.field.isEmpty() && m_layer) {
        const int fi = m_layer->fieldIndex(s.size.field);
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (int f = 0; fi >= 0 && f < m_layer->featureCount(); ++f) {
            bool ok = false;
            const double v = m_layer->attribute(f, fi).toDouble(&ok);
            if (ok) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
        if (lo <= hi) {
            s.size.minValue = lo;
            s.size.maxValue = hi > lo ? hi : lo + 1;
        }
        s.size.minMm = m_minSize->value();
        s.size.maxMm = m_maxSize->value();
    }
    return s;
}

} // namespace refuge::desktop
