// Parameter: the declaration helpers (texts, help lines, builders).
#include "analysis/framework/Parameter.h"

#include <cmath>

namespace refuge {

QString normalizedLanguage(QStringView lang)
{
    return lang.startsWith(u"zh", Qt::CaseInsensitive) ? QStringLiteral("zh") : QStringLiteral("en");
}

QString LocalText::in(QStringView lang) const
{
    return normalizedLanguage(lang) == QLatin1String("zh") && !zh.isEmpty() ? zh : en;
}

LocalText text(const char *en, const char *zh) { return {QString::fromUtf8(en), QString::fromUtf8(zh)}; }

QString parameterTypeName(ParameterType type)
{
    switch (type) {
    case ParameterType::Layer: return QStringLiteral("layer");
    case ParameterType::Field: return QStringLiteral("field");
    case ParameterType::Number: return QStringLiteral("number");
    case ParameterType::NumberList: return QStringLiteral("number list");
    case ParameterType::Choice: return QStringLiteral("choice");
    case ParameterType::Profile: return QStringLiteral("profile");
    case ParameterType::Crs: return QStringLiteral("crs");
    case ParameterType::Flag: return QStringLiteral("flag");
    case ParameterType::Text: return QStringLiteral("text");
    }
    return QStringLiteral("text");
}

const ParameterSpec *Parameter::spec() const
{
    if (range.isEmpty() || (type != ParameterType::Number && type != ParameterType::NumberList))
        return nullptr;
    return &ParameterRanges::spec(range);
}

QString Parameter::unit() const
{
    const ParameterSpec *s = spec();
    return s ? s->unit : QString();
}

QString Parameter::defaultText() const
{
    if (!defaultValue.isValid() || defaultValue.isNull())
        return {};
    if (defaultValue.typeId() == QMetaType::Double)
        return QString::number(defaultValue.toDouble(), 'g', 12);
    if (defaultValue.typeId() == QMetaType::Bool)
        return defaultValue.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return defaultValue.toString();
}

QString Parameter::helpText(QStringView lang) const
{
    const bool zh = normalizedLanguage(lang) == QLatin1String("zh");
    QString h = help.in(lang);
    const ParameterSpec *s = spec();
    if (h.isEmpty() && s)
        h = zh && !s->helpZh.isEmpty() ? s->helpZh : s->help;
    while (h.endsWith(QLatin1Char('.')) || h.endsWith(QChar(0x3002)))
        h.chop(1);
    QStringList notes;
    if (s)
        notes << s->rangeText();
    if (type == ParameterType::Choice)
        notes << (zh ? QStringLiteral("可选：") : QStringLiteral("one of ")) + choices.join(QStringLiteral(", "));
    const QString def = defaultText();
    if (!def.isEmpty() && type != ParameterType::Flag)
        notes << (zh ? QStringLiteral("默认 %1") : QStringLiteral("default %1")).arg(def + (unit().isEmpty() || type != ParameterType::Number ? QString() : QLatin1Char(' ') + unit()));
    else if (!defaultNote.isEmpty())
        notes << (zh ? QStringLiteral("默认：%1") : QStringLiteral("default: %1")).arg(defaultNote.in(lang));
    if (!notes.isEmpty())
        h += zh ? QStringLiteral("（%1）").arg(notes.join(QStringLiteral("；"))) : QStringLiteral(" (%1)").arg(notes.join(QStringLiteral("; ")));
    return h + (zh ? QStringLiteral("。") : QStringLiteral("."));
}

namespace param {

namespace {
Parameter make(const char *name, ParameterType type, LocalText label, LocalText help, const char *valueName)
{
    Parameter p;
    p.name = QString::fromLatin1(name);
    p.type = type;
    p.label = std::move(label);
    p.help = std::move(help);
    p.valueName = valueName ? QString::fromLatin1(valueName) : QString();
    return p;
}
} // namespace

Parameter layer(const char *name, LocalText label, LocalText help, std::optional<Role> role, unsigned geometries)
{
    Parameter p = make(name, ParameterType::Layer, std::move(label), std::move(help), "path");
    p.role = role;
    p.geometries = geometries;
    p.project.role = role;
    return p;
}

Parameter field(const char *name, LocalText label, LocalText help, const char *layerParameter, bool numeric)
{
    Parameter p = make(name, ParameterType::Field, std::move(label), std::move(help), "field");
    p.layerParameter = QString::fromLatin1(layerParameter);
    p.numericField = numeric;
    return p;
}

Parameter number(const char *name, const char *range, LocalText label, LocalText help)
{
    Parameter p = make(name, ParameterType::Number, std::move(label), std::move(help), nullptr);
    p.range = QString::fromLatin1(range);
    const ParameterSpec &s = ParameterRanges::spec(p.range);
    p.valueName = s.unit.isEmpty() ? QStringLiteral("x") : s.unit;
    if (!std::isnan(s.defaultValue))
        p.defaultValue = s.defaultValue;
    if (p.help.isEmpty())
        p.help = {s.help, s.helpZh};
    return p;
}

Parameter numberList(const char *name, const char *range, LocalText label, LocalText help)
{
    Parameter p = make(name, ParameterType::NumberList, std::move(label), std::move(help), "list");
    p.range = QString::fromLatin1(range);
    return p;
}

Parameter choice(const char *name, QStringList choices, const char *defaultValue, LocalText label, LocalText help)
{
    Parameter p = make(name, ParameterType::Choice, std::move(label), std::move(help), "name");
    p.choices = std::move(choices);
    if (defaultValue)
        p.defaultValue = QString::fromLatin1(defaultValue);
    return p;
}

Parameter profile(const char *name, const char *defaultValue, LocalText label, LocalText help)
{
    Parameter p = make(name, ParameterType::Profile, std::move(label), std::move(help), "name");
    p.defaultValue = QString::fromLatin1(defaultValue);
    return p;
}

Parameter crs(const char *name, LocalText label, LocalText help)
{
    return make(name, ParameterType::Crs, std::move(label), std::move(help), "crs");
}

Parameter flag(const char *name, LocalText label, LocalText help)
{
    Parameter p = make(name, ParameterType::Flag, std::move(label), std::move(help), nullptr);
    p.defaultValue = false;
    return p;
}

Parameter textValue(const char *name, const char *valueName, LocalText label, LocalText help)
{
    return make(name, ParameterType::Text, std::move(label), std::move(help), valueName);
}

} // namespace param

} // namespace refuge
