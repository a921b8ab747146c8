#pragma once
// JsonKeyOrder: a JSON document written with its objects' keys in the order a person
// wrote them in an earlier text of it. QJsonObject sorts keys; a project file saved by
// Refuge would otherwise come back alphabetised. Keys of the earlier text come first, in
// its order; keys it does not have follow (sorted); keys that went are dropped. Array
// elements are matched to the earlier text's by their "id" (or "name") where they have
// one, else by position. Values are always the new document's: only the order changes.
// nlohmann::json's ordered_json (Debian's nlohmann-json3-dev) keeps the order.
#include <QByteArray>
#include <QJsonObject>

namespace refuge::JsonKeyOrder {

// `document` indented by 4 spaces (as QJsonDocument::Indented), ordered like `earlier`;
// when `earlier` is empty or no JSON object, QJsonDocument's own text.
QByteArray indented(const QJsonObject &document, const QByteArray &earlier);

} // namespace refuge::JsonKeyOrder
