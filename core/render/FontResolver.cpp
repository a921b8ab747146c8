#include "render/FontResolver.h"

#include <QFontDatabase>
#include <QStringList>
#include <mutex>

namespace refuge {

QString FontResolver::cjkFamily()
{
    static std::once_flag once;
    static QString family;
    std::call_once(once, [] {
        const QStringList preferred = {
            QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans SC"), QStringLiteral("Source Han Sans SC"),
            QStringLiteral("Microsoft YaHei"), QStringLiteral("微软雅黑"), QStringLiteral("PingFang SC"),
            QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("SimSun"), QStringLiteral("宋体"),
            QStringLiteral("Noto Sans CJK TC"), QStringLiteral("Noto Sans CJK JP")};
        const QStringList installed = QFontDatabase::families();
        for (const QString &want : preferred) {
            for (const QString &have : installed) {
                if (have.compare(want, Qt::CaseInsensitive) == 0) {
                    family = have;
                    return;
                }
            }
        }
        // Any family declaring Simplified Chinese support.
        const QStringList chinese = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
        if (!chinese.isEmpty())
            family = chinese.front();
    });
    return family;
}

bool FontResolver::containsCjk(const QString &text)
{
    for (const QChar ch : text) {
        const char16_t u = ch.unicode();
        if ((u >= 0x2E80 && u <= 0x9FFF)      // CJK radicals, kana, CJK symbols, unified ideographs
            || (u >= 0xAC00 && u <= 0xD7AF)   // hangul
            || (u >= 0xF900 && u <= 0xFAFF)   // compatibility ideographs
            || (u >= 0xFF00 && u <= 0xFFEF)   // full-width forms
            || ch.isHighSurrogate())          // extension B+ ideographs
            return true;
    }
    return false;
}

QString FontResolver::latinFamily()
{
    static std::once_flag once;
    static QString family;
    std::call_once(once, [] {
        const QStringList preferred = {QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans"),
                                       QStringLiteral("Liberation Sans"), QStringLiteral("Arial"),
                                       QStringLiteral("Helvetica"), QStringLiteral("Segoe UI")};
        const QStringList installed = QFontDatabase::families();
        for (const QString &want : preferred)
            for (const QString &have : installed)
                if (have.compare(want, Qt::CaseInsensitive) == 0) {
                    family = have;
                    return;
                }
        // Else any Latin family that is not a CJK one (those lose digits in PDFs).
        for (const QString &have : QFontDatabase::families(QFontDatabase::Latin))
            if (!isCjkFamily(have)) {
                family = have;
                return;
            }
    });
    return family;
}

bool FontResolver::isCjkFamily(const QString &family)
{
    const QList<QFontDatabase::WritingSystem> systems = QFontDatabase::writingSystems(family);
    return systems.contains(QFontDatabase::SimplifiedChinese) || systems.contains(QFontDatabase::TraditionalChinese) ||
           systems.contains(QFontDatabase::Japanese) || systems.contains(QFontDatabase::Korean);
}

QStringList FontResolver::families(const QString &family)
{
    QStringList list;
    const auto add = [&list](const QString &f) {
        if (!f.isEmpty() && !list.contains(f, Qt::CaseInsensitive))
            list.append(f);
    };
    // Latin letters and digits never come from a CJK family: its digits do not survive
    // in a PDF's text (see PdfText.h), so a CJK family only serves the CJK characters.
    if (!family.isEmpty() && !isCjkFamily(family))
        add(family);
    add(latinFamily());
    add(family);
    add(cjkFamily());
    return list;
}

QFont FontResolver::fontFor(const QString &text, const QString &family, double pointSize, bool bold)
{
    Q_UNUSED(text)
    QFont font;
    const QStringList list = families(family);
    if (!list.isEmpty())
        font.setFamilies(list);
    font.setPointSizeF(pointSize > 0 ? pointSize : 9.0);
    font.setBold(bold);
    return font;
}

} // namespace refuge
