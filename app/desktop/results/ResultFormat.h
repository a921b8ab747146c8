#pragma once
// ResultFormat: how the results dock writes numbers — the UI locale's digit grouping
// (English grouping when the locale is "C", so 101,355 never shows as 101355), fixed
// decimals, percentages, and "—" for values that are not finite; core's messages and
// citations in the UI language. Any thread.
#include <QLocale>
#include <QString>
#include <QStringList>

namespace refuge {
struct CheckResult;
}

namespace refuge::desktop::ResultFormat {

QLocale locale();
QString number(double value, int decimals = 0);
// 0.518 → "51.8 %".
QString percent(double share, int decimals = 1);
// ">=" → "≥", "<=" → "≤".
QString compareSign(const QString &compare);
// Core's method names for the UI: "straight line", "network (walk)", "nearest", "optimal".
QString methodName(const QString &method);
// Core's English messages (warnings, counted problems) in the UI language (MessageText).
QStringList messages(const QStringList &english);
QString message(const QString &english);
// A standard's citation in the UI language (StandardsProfile::citationIn).
QString citation(const QString &citation);
// A standards check for the UI: "≥ 1.00 · GB 21734-2008 §5.4", "(unverified)" or
// "(changed in this project)" appended for such values; empty when there was no check.
QString checkNote(const CheckResult &check, int decimals, const QString &unit = {});

} // namespace refuge::desktop::ResultFormat
