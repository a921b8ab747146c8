#pragma once
// Language: which UI language the desktop uses. The choice ("system", "en", "zh_CN")
// is stored in QSettings and applied at start-up by installTranslators(); changing
// it in the Settings dialog takes effect after a restart. GUI thread only.
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace refuge::desktop {

namespace Language {

QString settingsKey();
// The stored choice: "system" (default), "en" or "zh_CN".
QString stored();
void store(const QString &choice);
// The locale name a choice resolves to ("en" or "zh_CN"); "system" follows QLocale::system().
QString resolve(const QString &choice);
// Loads and installs the application's (and, when present, Qt's) translators for
// `language` ("en"/"zh_CN"/"system"). Returns the resolved language.
QString installTranslators(QCoreApplication &app, const QString &language);

} // namespace Language

} // namespace refuge::desktop
