#pragma once
// Internal: typed reads from style JSON objects that throw InvalidInput("style: …")
// on wrong types and return the fallback for absent/null keys.
#include <QColor>
#include <QJsonObject>
#include <QString>

namespace refuge::detail {

QColor jsonColor(const QJsonObject &json, const char *key, const QColor &fallback);
double jsonNumber(const QJsonObject &json, const char *key, double fallback);
QString jsonString(const QJsonObject &json, const char *key, const QString &fallback);

} // namespace refuge::detail
