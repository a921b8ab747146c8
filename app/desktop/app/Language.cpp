#include "app/Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace refuge::desktop::Language {

namespace {
// Standard button texts come from Qt's own QPlatformTheme context; Debian ships no
// qtbase_zh_CN.qm, so the application's translation carries them.
[[maybe_unused]] const char *const kPlatformThemeStrings[] = {
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),      QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Don't Save"), QT_TRANSLATE_NOOP("QPlatformTheme", "Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "No"),      QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),   QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),   QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to All"), QT_TRANSLATE_NOOP("QPlatformTheme", "No to All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),   QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),  QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
};
} // namespace

QString settingsKey() { return QStringLiteral("ui/language"); }

QString stored() { return QSettings().value(settingsKey(), QStringLiteral("system")).toString(); }

void store(const QString &choice) { QSettings().setValue(settingsKey(), choice); }

QString resolve(const QString &choice)
{
    if (choice == QLatin1String("en") || choice == QLatin1String("zh_CN"))
        return choice;
    const QLocale system;
    return system.language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QString installTranslators(QCoreApplication &app, const QString &language)
{
    const QString lang = resolve(language);
    if (lang == QLatin1String("en"))
        return lang;
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_") + lang, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/refuge_") + lang + QStringLiteral(".qm")))
        QCoreApplication::installTranslator(own);
    else
        delete own;
    QLocale::setDefault(QLocale(lang));
    return lang;
}

} // namespace refuge::desktop::Language
