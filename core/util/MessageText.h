#pragma once
// MessageText: core's English messages (warnings, counted problems) shown in another
// language. Core keeps one wording (logs, summary.json, stderr); the desktop's Results
// dock and the Chinese report translate at display time with the pattern table in
// resources/messages/<lang>.json: regular expressions matched against the whole
// message, each with a template whose %1…%9 take the captures (translated in turn, so
// an embedded message is translated too). A message with no match is tried without a
// "FILE: " prefix; failing that it stays as written. Any thread.
#include <QString>
#include <QStringList>

namespace refuge {

class MessageText {
public:
    // `lang` "zh" or "zh_CN": Chinese; anything else returns `message` as is.
    static QString translate(const QString &message, const QString &lang);
    static QStringList translate(const QStringList &messages, const QString &lang);
};

} // namespace refuge
