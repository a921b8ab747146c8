#pragma once
// ReportText: the report's fixed wording in English and Chinese (zh_CN). The report
// language is chosen per run (--lang), independent of the UI locale, so the strings
// live in one table here rather than in Qt's translation catalogue. Any thread.
#include <QString>

namespace refuge {

class ReportText {
public:
    // lang "zh" or "en" (anything else: en). Unknown keys return the key.
    static QString get(const QString &key, const QString &lang);
};

} // namespace refuge
