#pragma once
// FontResolver: picks label fonts that can show the text. Chinese/Japanese/Korean text
// uses a CJK family from QFontDatabase (Linux: "Noto Sans CJK SC"; Windows:
// "Microsoft YaHei", then "SimSun"; macOS: "PingFang SC"), since Qt's own fallback is
// not reliable offscreen or in PDFs. Needs a QGuiApplication (fonts do). Thread-safe:
// results are computed once and cached.
#include <QFont>
#include <QString>

namespace refuge {

class FontResolver {
public:
    // The preferred CJK family installed on this system; empty if none is found.
    static QString cjkFamily();
    // True if text contains CJK ideographs, kana, hangul or CJK punctuation.
    static bool containsCjk(const QString &text);
    // A font of `family` (empty: default) and size that can show `text`: the CJK family
    // when the text has CJK characters, else the requested family.
    static QFont fontFor(const QString &text, const QString &family, double pointSize, bool bold = false);
};

} // namespace refuge
