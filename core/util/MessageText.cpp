#include "util/MessageText.h"

#include "util/Resources.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <vector>

namespace refuge {
namespace {

struct Pattern {
    QRegularExpression en;
    QString zh;
};

// The Chinese table, read once (an unreadable or malformed file: no translation).
const std::vector<Pattern> &chinese()
{
    static const std::vector<Pattern> table = [] {
        std::vector<Pattern> out;
        QFile file(resourcePath(QStringLiteral("messages/zh_CN.json")));
        if (!file.open(QIODevice::ReadOnly))
            return out;
        for (const QJsonValue &v : QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("messages")).toArray()) {
            const QJsonObject o = v.toObject();
            QRegularExpression re(QStringLiteral("\\A(?:%1)\\z").arg(o.value(QStringLiteral("en")).toString()));
            if (re.isValid() && !o.value(QStringLiteral("zh")).toString().isEmpty()) {
                re.optimize();
                out.push_back({re, o.value(QStringLiteral("zh")).toString()});
            }
        }
        return out;
    }();
    return table;
}

QString translateZh(const QString &message, int depth)
{
    if (depth > 4 || message.isEmpty())
        return message;
    for (const Pattern &p : chinese()) {
        const QRegularExpressionMatch m = p.en.match(message);
        if (!m.hasMatch())
            continue;
        QString out;
        for (qsizetype i = 0; i < p.zh.size(); ++i) {
            const QChar c = p.zh.at(i);
            if (c == QLatin1Char('%') && i + 1 < p.zh.size() && p.zh.at(i + 1).isDigit() && p.zh.at(i + 1) != QLatin1Char('0')) {
                out += translateZh(m.captured(p.zh.at(i + 1).digitValue()), depth + 1);
                ++i;
            } else {
                out += c;
            }
        }
        return out;
    }
    // "FILE: message": the file stays, the message is translated.
    const qsizetype colon = message.indexOf(QLatin1String(": "));
    if (colon > 0) {
        const QString rest = message.mid(colon + 2), translated = translateZh(rest, depth + 1);
        if (translated != rest)
            return message.left(colon) + QStringLiteral("：") + translated;
    }
    return message;
}

} // namespace

QString MessageText::translate(const QString &message, const QString &lang)
{
    return lang.startsWith(QLatin1String("zh")) ? translateZh(message, 0) : message;
}

QStringList MessageText::translate(const QStringList &messages, const QString &lang)
{
    QStringList out;
    for (const QString &m : messages)
        out << translate(m, lang);
    return out;
}

} // namespace refuge
