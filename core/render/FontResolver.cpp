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

QFont FontResolver::fontFor(const QString &text, const QString &family, double pointSize, bool bold)
{
    QFont font;
    if (containsCjk(text) && !cjkFamily().isEmpty())
        font.setFamilies({cjkFamily()});
    else if (!family.isEmpty())
        font.setFamilies(cjkFamily().isEmpty() ? QStringList{family} : QStringList{family, cjkFamily()});
    else if (!cjkFamily().isEmpty())
        font.setFamilies({font.defaultFamily(), cjkFamily()});
    font.setPointSizeF(pointSize > 0 ? pointSize : 9.0);
    font.setBold(bold);
    return font;
}

} // namespace refuge
