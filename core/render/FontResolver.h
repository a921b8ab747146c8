#pragma once
// FontResolver: picks label fonts that can show the text. Chinese/Japanese/Korean text
// uses a CJK family from QFontDatabase (Linux: "Noto Sans CJK SC"; Windows:
// "Microsoft YaHei", then "SimSun"; macOS: "PingFang SC"), since Qt's own fallback is
// not reliable offscreen or in PDFs. Latin letters and digits are drawn with a Latin
// family listed first (a CJK family's digits vanish from a PDF's text). Needs a QGuiApplication (fonts do). Thread-safe:
// results are computed once and cached.
#include <QFont>
#include <QString>
#include <QStringList>

namespace refuge {

class FontResolver {
public:
    // The preferred CJK family installed on this system; empty if none is found.
    static QString cjkFamily();
    // True if text contains CJK ideographs, kana, hangul or CJK punctuation.
    static bool containsCjk(const QString &text);
    // A Latin family (DejaVu Sans, Arial, ...) that is not a CJK family; empty if none.
    static QString latinFamily();
    // True if the family supports Chinese, Japanese or Korean writing.
    static bool isCjkFamily(const QString &family);
    // The families to draw with, in order: `family` unless it is a CJK family, the Latin
    // family, `family` (if CJK), the CJK family. Qt takes each character from the first
    // family that has it.
    static QStringList families(const QString &family);
    // A font of `family` (empty: default) and size that can show `text` and any other
    // text: the families() list.
    static QFont fontFor(const QString &text, const QString &family, double pointSize, bool bold = false);
};

} // namespace refuge
