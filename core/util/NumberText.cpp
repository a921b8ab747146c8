#include "util/NumberText.h"

#include <QRegularExpression>
#include <cmath>

namespace refuge {

namespace {

NumberRead make(NumberRead::Status status, double value = 0)
{
    if (status != NumberRead::Status::Missing && status != NumberRead::Status::Unusable && !std::isfinite(value))
        return {NumberRead::Status::Unusable, 0};
    return {status, value};
}

// Units a kind accepts, lower case without spaces (after NFKC: "m²" and "㎡" are "m2").
bool unitAllowed(const QString &unit, NumberKind kind)
{
    if (unit.isEmpty())
        return true;
    static const QStringList count = {QStringLiteral("人"), QStringLiteral("名"), QStringLiteral("person"), QStringLiteral("persons"),
                                      QStringLiteral("people"), QStringLiteral("pax")};
    static const QStringList area = {QStringLiteral("m2"), QStringLiteral("m^2"), QStringLiteral("sqm"), QStringLiteral("sq.m"),
                                     QStringLiteral("sq.m."), QStringLiteral("平方米"), QStringLiteral("平米")};
    static const QStringList seconds = {QStringLiteral("s"), QStringLiteral("sec"), QStringLiteral("secs"), QStringLiteral("second"),
                                        QStringLiteral("seconds"), QStringLiteral("秒")};
    switch (kind) {
    case NumberKind::Count: return count.contains(unit);
    case NumberKind::AreaM2: return area.contains(unit);
    case NumberKind::Seconds: return seconds.contains(unit);
    }
    return false;
}

} // namespace

NumberRead readNumber(const QVariant &value, NumberKind kind)
{
    if (!value.isValid() || value.isNull())
        return {};
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Double:
    case QMetaType::Float:
        return make(NumberRead::Status::Plain, value.toDouble());
    case QMetaType::QString:
    case QMetaType::QByteArray:
        return readNumberText(value.toString(), kind);
    default:
        return {NumberRead::Status::Unusable, 0};
    }
}

NumberRead readNumberText(const QString &text, NumberKind kind)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    bool ok = false;
    const double plain = trimmed.toDouble(&ok);
    if (ok)
        return std::isfinite(plain) ? make(NumberRead::Status::Plain, plain) : NumberRead{NumberRead::Status::Unusable, 0};

    // Full-width digits and signs, ㎡, m², no-break and ideographic spaces become plain.
    QString t = trimmed.normalized(QString::NormalizationForm_KC);
    t.replace(QChar(0x2212), QLatin1Char('-')).replace(QChar(0x2019), QLatin1Char('\''));
    t = t.simplified();
    for (const char *approx : {"approximately", "approx.", "about", "ca.", "大约", "约", "~", "≈"}) {
        const QString prefix = QString::fromUtf8(approx);
        if (t.startsWith(prefix, Qt::CaseInsensitive)) {
            t = t.mid(prefix.size()).trimmed();
            break;
        }
    }
    // Digits in groups of three (one separator: comma, space or apostrophe), or plain
    // digits; a decimal point; 万 (ten thousand); then a unit.
    static const QRegularExpression re(QStringLiteral(R"(^([+-]?)(\d{1,3}([, '])\d{3}(?:\3\d{3})*|\d+)(\.\d+)?\s*(万)?\s*(.*)$)"));
    const QRegularExpressionMatch m = re.match(t);
    if (!m.hasMatch())
        return {NumberRead::Status::Unusable, 0};
    QString unit = m.captured(6).toLower();
    unit.remove(QLatin1Char(' '));
    if (!unitAllowed(unit, kind))
        return {NumberRead::Status::Unusable, 0};
    QString digits = m.captured(2);
    if (!m.captured(3).isEmpty())
        digits.remove(m.captured(3).at(0));
    const double v = (m.captured(1) + digits + m.captured(4)).toDouble(&ok);
    if (!ok)
        return {NumberRead::Status::Unusable, 0};
    return make(NumberRead::Status::Reformatted, m.captured(5).isEmpty() ? v : v * 10000.0);
}

} // namespace refuge
