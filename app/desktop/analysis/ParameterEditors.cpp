// ParameterEditors: the generic form's widgets, one class per parameter type, and the
// custom ones (barriers, standard, output folder).
#include "analysis/ParameterEditors.h"
#include "analysis/InputWidgets.h"
#include "analysis/framework/ParameterValues.h"
#include "document/ProjectDocument.h"
#include "network/Profile.h"
#include "standards/StandardsProfile.h"
#include "util/Error.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <cmath>

namespace refuge::desktop {

SpinRange spinRange(const ParameterSpec &spec)
{
    SpinRange r;
    r.decimals = spec.max <= 10 ? 2 : 1;
    const double step = std::pow(10.0, -r.decimals);
    r.min = spec.minExclusive ? spec.min + step : spec.min;
    r.unset = r.min - step;
    r.max = spec.max;
    return r;
}

namespace {

bool isZh(const QString &language) { return language == QLatin1String("zh"); }

// "Walking (adult)" / "步行" from resources/profiles/<name>.json; the name if none.
QString profileTitle(const QString &name, const QString &language)
{
    QFile f(QDir(Profile::profileDirectory()).filePath(name + QStringLiteral(".json")));
    if (!f.open(QIODevice::ReadOnly))
        return name;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    const QString title = o.value(isZh(language) ? QStringLiteral("title_zh") : QStringLiteral("title")).toString();
    return title.isEmpty() ? name : title;
}

QString standardTitle(const QString &id, const QString &language)
{
    try {
        const StandardsProfile p = StandardsProfile::load(id);
        if (isZh(language) && !p.nameZh().isEmpty())
            return p.nameZh();
        return p.name().isEmpty() ? id : p.name();
    } catch (const Error &) {
        return id;
    }
}

// Selects the item whose data is `text`, adding it when missing (a value the project
// names that the list lacks: validate() then says what is wrong with it).
void selectOrAdd(QComboBox *combo, const QString &text)
{
    int i = combo->findData(text);
    if (i < 0) {
        combo->addItem(text, text);
        i = combo->count() - 1;
    }
    combo->setCurrentIndex(i);
}

class LayerEditor : public ParameterEditor {
public:
    LayerEditor(const Parameter &p, ProjectDocument *doc, QWidget *parent, Role preferred, bool noneByDefault)
        : ParameterEditor(p), m_doc(doc), m_combo(new LayerCombo(doc, preferred, !p.required, parent))
    {
        m_combo->setGeometries(p.geometries);
        if (noneByDefault)
            m_combo->setNoneByDefault();
        connect(m_combo, &QComboBox::currentIndexChanged, this, &ParameterEditor::changed);
    }
    QWidget *widget() const override { return m_combo; }
    LayerCombo *layerCombo() const override { return m_combo; }
    QVariant value() const override
    {
        const ProjectLayer *l = m_combo->layer();
        if (!l)
            return {};
        LayerValue v;
        v.source = m_doc->project().dataSource(*l);
        if (l->role != Role::Other)
            v.role = l->role;
        v.layerId = l->id;
        v.encoding = l->encoding;
        v.crs = l->crs;
        return QVariant::fromValue(v);
    }
    void setValue(const QVariant &value) override
    {
        if (!value.isValid()) {
            if (const int none = m_combo->findData(QString()); none >= 0)
                m_combo->setCurrentIndex(none);
            return;
        }
        const LayerValue want = value.canConvert<LayerValue>() ? value.value<LayerValue>() : LayerValue{DataSource::parse(value.toString()), {}, {}, {}, {}};
        for (int i = 0; i < m_combo->count(); ++i) {
            const ProjectLayer *l = m_doc->layerById(m_combo->itemData(i).toString());
            if (!l)
                continue;
            const DataSource s = m_doc->project().dataSource(*l);
            if (l->id == want.layerId || (s.path == want.source.path && s.layer == want.source.layer)) {
                m_combo->setCurrentIndex(i);
                return;
            }
        }
    }

private:
    ProjectDocument *m_doc;
    LayerCombo *m_combo;
};

class FieldEditor : public ParameterEditor {
public:
    FieldEditor(const Parameter &p, ProjectDocument *doc, LayerCombo *layers, QWidget *parent)
        : ParameterEditor(p), m_combo(new FieldCombo(doc, layers, p.project.fieldKey, !p.required, {}, parent))
    {
        connect(m_combo, &QComboBox::currentIndexChanged, this, &ParameterEditor::changed);
    }
    QWidget *widget() const override { return m_combo; }
    QVariant value() const override
    {
        const QString f = m_combo->field();
        return f.isEmpty() ? QVariant() : QVariant(f);
    }
    void setValue(const QVariant &value) override
    {
        if (value.toString().isEmpty())
            m_combo->setCurrentIndex(0);
        else
            selectOrAdd(m_combo, value.toString());
    }

private:
    FieldCombo *m_combo;
};

class NumberEditor : public ParameterEditor {
public:
    NumberEditor(const Parameter &p, const QString &language, QWidget *parent)
        : ParameterEditor(p), m_spin(new QDoubleSpinBox(parent)), m_range(spinRange(*p.spec()))
    {
        m_spin->setRange(m_range.unset, m_range.max);
        m_spin->setDecimals(m_range.decimals);
        m_spin->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
        if (!p.unit().isEmpty())
            m_spin->setSuffix(QLatin1Char(' ') + p.unit());
        QString unset = p.defaultNote.in(language);
        if (unset.isEmpty() && p.defaultValue.isValid())
            unset = ParameterEditor::tr("default: %1 %2").arg(p.defaultText(), p.unit()).trimmed();
        m_spin->setSpecialValueText(unset.isEmpty() ? ParameterEditor::tr("not set") : unset);
        // Unset until the project or the user gives a value: the analysis then takes its
        // default, as refuge-cli does without the option (a limit shown as a number would
        // be given, and two limits of different units conflict).
        setValue(QVariant());
        connect(m_spin, &QDoubleSpinBox::valueChanged, this, &ParameterEditor::changed);
    }
    QWidget *widget() const override { return m_spin; }
    QVariant value() const override { return m_spin->value() <= m_range.unset ? QVariant() : QVariant(m_spin->value()); }
    void setValue(const QVariant &value) override
    {
        bool ok = false;
        const double v = value.toDouble(&ok);
        m_spin->setValue(ok && std::isfinite(v) ? v : m_range.unset);
    }

private:
    QDoubleSpinBox *m_spin;
    SpinRange m_range;
};

class LineEditor : public ParameterEditor {
public:
    LineEditor(const Parameter &p, const QString &language, QWidget *parent) : ParameterEditor(p), m_line(new QLineEdit(parent))
    {
        QString hint = p.defaultNote.in(language);
        if (hint.isEmpty() && p.defaultValue.isValid())
            hint = ParameterEditor::tr("default: %1").arg(p.defaultText());
        if (p.type == ParameterType::NumberList)
            hint = ParameterEditor::tr("e.g. 5, 10, 15 (empty: the limit)");
        m_line->setPlaceholderText(hint);
        connect(m_line, &QLineEdit::textChanged, this, &ParameterEditor::changed);
    }
    QWidget *widget() const override { return m_line; }
    QVariant value() const override
    {
        const QString t = m_line->text().trimmed();
        if (t.isEmpty())
            return {};
        if (parameter().repeatable)
            return t.split(QLatin1Char(';'), Qt::SkipEmptyParts);
        return t;
    }
    void setValue(const QVariant &value) override
    {
        QStringList parts;
        if (value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QStringList)
            for (const QVariant &v : value.toList())
                parts << v.toString();
        else if (value.isValid())
            parts << value.toString();
        m_line->setText(parts.join(parameter().repeatable ? QStringLiteral("; ") : QStringLiteral(", ")));
    }

private:
    QLineEdit *m_line;
};

// Choice, profile and standard: a combo whose item data is the value.
class ComboEditor : public ParameterEditor {
public:
    ComboEditor(const Parameter &p, QWidget *parent) : ParameterEditor(p), m_combo(new QComboBox(parent))
    {
        connect(m_combo, &QComboBox::currentIndexChanged, this, &ParameterEditor::changed);
    }
    QComboBox *combo() const { return m_combo; }
    QWidget *widget() const override { return m_combo; }
    QVariant value() const override
    {
        const QString v = m_combo->currentData().toString();
        return v.isEmpty() ? QVariant() : QVariant(v);
    }
    void setValue(const QVariant &value) override
    {
        if (value.toString().isEmpty())
            m_combo->setCurrentIndex(std::max(0, m_combo->findData(parameter().defaultText())));
        else
            selectOrAdd(m_combo, value.toString());
    }

private:
    QComboBox *m_combo;
};

std::unique_ptr<ParameterEditor> comboEditor(const Parameter &p, const QString &language, QWidget *parent)
{
    auto editor = std::make_unique<ComboEditor>(p, parent);
    QComboBox *combo = editor->combo();
    if (!p.required && !p.defaultValue.isValid())
        combo->addItem(p.defaultNote.isEmpty() ? ParameterEditor::tr("(default)") : p.defaultNote.in(language), QString());
    if (p.type == ParameterType::Profile) {
        for (const QString &name : Profile::available())
            combo->addItem(profileTitle(name, language), name);
    } else if (p.type == ParameterType::Choice) {
        for (int i = 0; i < p.choices.size(); ++i)
            combo->addItem(std::size_t(i) < p.choiceLabels.size() ? p.choiceLabels[std::size_t(i)].in(language) : p.choices[i], p.choices[i]);
    } else { // the standards profile
        for (const QString &id : StandardsProfile::available())
            combo->addItem(standardTitle(id, language), id);
    }
    editor->setValue(p.defaultValue);
    return editor;
}

class FlagEditor : public ParameterEditor {
public:
    FlagEditor(const Parameter &p, const QString &language, QWidget *parent) : ParameterEditor(p), m_box(new QCheckBox(p.label.in(language), parent))
    {
        setValue(p.defaultValue);
        connect(m_box, &QCheckBox::toggled, this, &ParameterEditor::changed);
    }
    QWidget *widget() const override { return m_box; }
    QVariant value() const override { return m_box->isChecked() ? QVariant(true) : QVariant(); }
    void setValue(const QVariant &value) override
    {
        const QString t = value.toString().trimmed().toLower();
        m_box->setChecked(value.typeId() == QMetaType::Bool ? value.toBool() : (t == QLatin1String("true") || t == QLatin1String("1") || t == QLatin1String("yes")));
    }

private:
    QCheckBox *m_box;
};

// The output folder: chosen by the desktop (results/history/<analysis>-<time>/ beside
// the project), shown, not edited.
class OutputEditor : public ParameterEditor {
public:
    OutputEditor(const Parameter &p, QWidget *parent) : ParameterEditor(p), m_label(new QLabel(parent))
    {
        m_label->setWordWrap(true);
        m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QWidget *widget() const override { return m_label; }
    QVariant value() const override { return m_value.isEmpty() ? QVariant() : QVariant(m_value); }
    void setValue(const QVariant &value) override
    {
        m_value = value.toString();
        m_label->setText(QDir::toNativeSeparators(m_value));
    }

private:
    QLabel *m_label;
    QString m_value;
};

} // namespace

std::unique_ptr<ParameterEditor> makeParameterEditor(const Parameter &p, const EditorContext &context, QWidget *parent)
{
    std::unique_ptr<ParameterEditor> editor;
    if (p.name == QLatin1String("out")) {
        editor = std::make_unique<OutputEditor>(p, parent);
    } else if (p.name == QLatin1String("standard") && p.type == ParameterType::Text) {
        editor = comboEditor(p, context.language, parent);
    } else {
        switch (p.type) {
        case ParameterType::Layer: {
            const bool barriers = p.name == QLatin1String("barriers"); // hazards are not barriers until chosen
            editor = std::make_unique<LayerEditor>(p, context.doc, parent, barriers ? Role::Hazard : p.role.value_or(Role::Other), barriers);
            break;
        }
        case ParameterType::Field: {
            ParameterEditor *layer = context.editor ? context.editor(p.layerParameter) : nullptr;
            if (!layer || !layer->layerCombo())
                throw std::logic_error("field parameter " + p.name.toStdString() + " before its layer");
            editor = std::make_unique<FieldEditor>(p, context.doc, layer->layerCombo(), parent);
            break;
        }
        case ParameterType::Number: editor = std::make_unique<NumberEditor>(p, context.language, parent); break;
        case ParameterType::Choice:
        case ParameterType::Profile: editor = comboEditor(p, context.language, parent); break;
        case ParameterType::Flag: editor = std::make_unique<FlagEditor>(p, context.language, parent); break;
        case ParameterType::NumberList:
        case ParameterType::Crs:
        case ParameterType::Text: editor = std::make_unique<LineEditor>(p, context.language, parent); break;
        }
    }
    editor->widget()->setObjectName(p.name);
    editor->widget()->setToolTip(p.helpText(context.language));
    return editor;
}

} // namespace refuge::desktop
