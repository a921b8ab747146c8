// JsonKeyOrder: keys in the order of an earlier text (nlohmann::ordered_json).
#include "model/JsonKeyOrder.h"

#include <QJsonDocument>
#include <nlohmann/json.hpp>

namespace refuge::JsonKeyOrder {

namespace {

using Ordered = nlohmann::ordered_json;

// The string member that names an array element ("id", else "name"); empty when none.
std::string elementKey(const Ordered &element)
{
    if (!element.is_object())
        return {};
    for (const char *key : {"id", "name"}) {
        const auto it = element.find(key);
        if (it != element.end() && it->is_string())
            return std::string(key) + '=' + it->get<std::string>();
    }
    return {};
}

// The earlier array's element for `now[index]`: the one with the same key, else the
// one at the same position when neither has a key.
const Ordered *earlierElement(const Ordered &now, std::size_t index, const Ordered *earlier)
{
    if (!earlier || !earlier->is_array())
        return nullptr;
    const std::string key = elementKey(now[index]);
    if (!key.empty()) {
        for (const Ordered &e : *earlier)
            if (elementKey(e) == key)
                return &e;
        return nullptr;
    }
    return index < earlier->size() && elementKey((*earlier)[index]).empty() ? &(*earlier)[index] : nullptr;
}

Ordered orderedLike(const Ordered &now, const Ordered *earlier)
{
    if (now.is_object()) {
        Ordered out = Ordered::object();
        if (earlier && earlier->is_object())
            for (const auto &[key, value] : earlier->items())
                if (const auto it = now.find(key); it != now.end())
                    out[key] = orderedLike(*it, &value);
        for (const auto &[key, value] : now.items())
            if (!out.contains(key))
                out[key] = orderedLike(value, nullptr);
        return out;
    }
    if (now.is_array()) {
        Ordered out = Ordered::array();
        for (std::size_t i = 0; i < now.size(); ++i)
            out.push_back(orderedLike(now[i], earlierElement(now, i, earlier)));
        return out;
    }
    return now;
}

} // namespace

QByteArray indented(const QJsonObject &document, const QByteArray &earlier)
{
    const QByteArray plain = QJsonDocument(document).toJson(QJsonDocument::Indented);
    const Ordered before = Ordered::parse(earlier.constBegin(), earlier.constEnd(), nullptr, false);
    if (before.is_discarded() || !before.is_object())
        return plain;
    const Ordered now = Ordered::parse(plain.constBegin(), plain.constEnd(), nullptr, false);
    if (now.is_discarded())
        return plain;
    const std::string text = orderedLike(now, &before).dump(4, ' ', false, Ordered::error_handler_t::strict);
    return QByteArray::fromStdString(text) + '\n';
}

} // namespace refuge::JsonKeyOrder
