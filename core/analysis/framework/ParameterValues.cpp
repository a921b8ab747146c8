// ParameterValues: typed reads of values given as text or as typed values, and the one
// parser of number lists (breaks).
#include "analysis/framework/ParameterValues.h"
#include "analysis/ParameterRanges.h"
#include "util/Error.h"

#include <algorithm>

namespace refuge {

namespace {

QString shown(double v) { return QString::number(v, 'g', 12); }

} // namespace

std::vector<double> parseNumberList(const QVariant &value, const ParameterSpec &spec, const QString &label, double limit)
{
    std::vector<double> out;
    auto take = [&](double v, const QString &typed) {
        if (typed.isNull())
            ParameterRanges::check(spec, v, label);
        else
            v = ParameterRanges::parse(spec, typed, label);
        if (limit > 0 && v > limit)
            throw InvalidInput(QStringLiteral("%1: %2 exceeds the limit %3").arg(label, typed.isNull() ? shown(v) : typed.trimmed(), shown(limit)));
        out.push_back(v);
    };
    if (value.canConvert<std::vector<double>>() && value.typeId() == QMetaType::fromType<std::vector<double>>().id()) {
        for (double v : value.value<std::vector<double>>())
            take(v, QString());
    } else if (value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QStringList) {
        for (const QVariant &v : value.toList()) {
            if (v.typeId() == QMetaType::QString)
                take(0, v.toString());
            else
                take(v.toDouble(), QString());
        }
    } else if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Int) {
        take(value.toDouble(), QString());
    } else {
        const QString text = value.toString();
        for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
            take(0, part);
        if (out.empty() && !text.trimmed().isEmpty())
            throw InvalidInput(QStringLiteral("%1: expected numbers separated by commas (got '%2')").arg(label, text));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

double ParameterValues::number(const QString &name, double fallback) const
{
    if (!has(name))
        return fallback;
    const QVariant v = raw(name);
    if (v.typeId() == QMetaType::Double || v.typeId() == QMetaType::Int || v.typeId() == QMetaType::LongLong)
        return v.toDouble();
    bool ok = false;
    const double d = v.toString().trimmed().toDouble(&ok);
    if (!ok)
        throw InvalidInput(QStringLiteral("%1: must be a number (got '%2')").arg(name, v.toString()));
    return d;
}

std::vector<double> ParameterValues::numbers(const QString &name) const
{
    if (!has(name))
        return {};
    const QString range = m_listRanges.value(name, QStringLiteral("breaks"));
    return parseNumberList(raw(name), ParameterRanges::spec(range), name);
}

QString ParameterValues::text(const QString &name, const QString &fallback) const
{
    if (!has(name))
        return fallback;
    const QVariant v = raw(name);
    if (v.canConvert<LayerValue>() && v.typeId() == QMetaType::fromType<LayerValue>().id())
        return v.value<LayerValue>().source.toString();
    if (v.typeId() == QMetaType::QStringList)
        return v.toStringList().join(QLatin1Char(','));
    return v.toString();
}

QStringList ParameterValues::texts(const QString &name) const
{
    if (!has(name))
        return {};
    const QVariant v = raw(name);
    if (v.typeId() == QMetaType::QStringList || v.typeId() == QMetaType::QVariantList)
        return v.toStringList();
    return {v.toString()};
}

bool ParameterValues::flag(const QString &name) const
{
    if (!has(name))
        return false;
    const QVariant v = raw(name);
    if (v.typeId() == QMetaType::Bool)
        return v.toBool();
    const QString t = v.toString().trimmed().toLower();
    return t == QLatin1String("true") || t == QLatin1String("1") || t == QLatin1String("yes") || t == QLatin1String("on");
}

LayerValue ParameterValues::layer(const QString &name) const
{
    if (!has(name))
        return {};
    const QVariant v = raw(name);
    if (v.typeId() == QMetaType::fromType<LayerValue>().id())
        return v.value<LayerValue>();
    LayerValue l;
    const QString t = v.toString();
    if (!t.isEmpty())
        l.source = DataSource::parse(t);
    return l;
}

} // namespace refuge
