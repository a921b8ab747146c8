#pragma once
// Internal: a label text source — a field name ("Name") or a template with fields in
// braces ("{Name} ({Capacity})", "{{"/"}}" for literal braces) — resolved once against
// a layer's fields, then evaluated per feature. Numbers print without trailing zeros.
#include <QString>
#include <vector>

namespace refuge {

class VectorLayer;

namespace detail {

class LabelText {
public:
    LabelText(const QString &text, const VectorLayer &layer);
    // False when a referenced field does not exist.
    bool isValid() const { return m_valid; }
    QString evaluate(int feature) const;

private:
    struct Part {
        QString literal;
        int field = -1; // -1: literal
    };
    const VectorLayer &m_layer;
    std::vector<Part> m_parts;
    bool m_valid = true;
};

} // namespace detail
} // namespace refuge
