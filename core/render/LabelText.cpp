#include "render/LabelText.h"

#include "model/VectorLayer.h"

#include <cmath>

namespace refuge::detail {

LabelText::LabelText(const QString &text, const VectorLayer &layer) : m_layer(layer)
{
    if (!text.contains(QLatin1Char('{'))) {
        const int f = layer.fieldIndex(text.trimmed());
        m_valid = f >= 0;
        m_parts.push_back({QString(), f});
        return;
    }
    QString literal;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if ((ch == QLatin1Char('{') || ch == QLatin1Char('}')) && i + 1 < text.size() && text[i + 1] == ch) {
            literal += ch;
            ++i;
        } else if (ch == QLatin1Char('{')) {
            const qsizetype close = text.indexOf(QLatin1Char('}'), i + 1);
            if (close < 0) {
                literal += text.mid(i);
                break;
            }
            if (!literal.isEmpty())
                m_parts.push_back({literal, -1});
            literal.clear();
            const int f = layer.fieldIndex(text.mid(i + 1, close - i - 1).trimmed());
            if (f < 0)
                m_valid = false;
            m_parts.push_back({QString(), f});
            i = close;
        } else {
            literal += ch;
        }
    }
    if (!literal.isEmpty())
        m_parts.push_back({literal, -1});
}

QString LabelText::evaluate(int feature) const
{
    QString out;
    for (const Part &p : m_parts) {
        if (p.field < 0) {
            out += p.literal;
            continue;
        }
        const QVariant v = m_layer.attribute(feature, p.field);
        if (v.isNull())
            continue;
        if (v.typeId() == QMetaType::Double) {
            const double d = v.toDouble();
            out += (std::abs(d - std::round(d)) < 1e-9 && std::abs(d) < 1e15) ? QString::number(qint64(std::llround(d)))
                                                                            : QString::number(d, 'g', 10);
        } else {
            out += v.toString();
        }
    }
    // A null field inside brackets leaves "()" behind: drop empty bracket pairs.
    for (const char *empty : {"()", "（）", "[]", "【】"})
        out.remove(QString::fromUtf8(empty));
    return out.simplified();
}

} // namespace refuge::detail
