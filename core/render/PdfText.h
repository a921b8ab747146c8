#pragma once
// PdfText: makes the text of PDFs written by QPdfWriter extract and search correctly.
//
// Qt writes each embedded font's ToUnicode map by asking, for every code point of the
// BMP in ascending order, which glyph the font's cmap gives it; the first code point
// found wins. CJK fonts such as Noto Sans CJK / Source Han Sans map the Kangxi radicals
// (U+2F00..U+2FD5) and CJK radicals (U+2E80..) onto the same glyphs as the ordinary
// ideographs, and those code points come first, so 人 is extracted as ⼈ (U+2F08), 口
// as ⼝ and 面 as ⾯ (112 common characters). Tab (U+0009) likewise wins over space, and
// a ligature glyph gives U+FB01 (ﬁ) where a search looks for "fi".
// repairToUnicode() rewrites those maps with the ordinary characters (the Unicode
// compatibility decomposition of each radical or ligature) and fixes the
// cross-reference table.
//
// The other defect (digits missing from extracted text) comes from fonts whose layout
// features replace digits by glyphs that no cmap entry reaches (Noto Sans CJK does for
// Chinese text): Qt then writes no mapping at all. FontResolver avoids it by drawing
// Latin letters and digits with a Latin family first. Call repairToUnicode() after
// the QPainter on a QPdfWriter has ended (that completes the file).
#include <QByteArray>
#include <QString>

namespace refuge::PdfText {

// The PDF bytes with every ToUnicode CMap mapped to ordinary characters; `pdf`
// unchanged if nothing needs fixing (or it is not a PDF of the form Qt writes).
QByteArray repaired(const QByteArray &pdf);

// Applies repaired() to the file at `path` in place. Throws IoError naming the file if
// it cannot be read or written.
void repairToUnicode(const QString &path);

} // namespace refuge::PdfText
