#pragma once
// Attribute field description shared by readers, writers and analyses.
#include <QString>
#include <QVariant>
#include <vector>

namespace refuge {

enum class FieldType { Integer, Real, String, Date, DateTime, Boolean };

QString fieldTypeName(FieldType type);

struct Field {
    QString name;
    FieldType type = FieldType::String;
    bool operator==(const Field &) const = default;
};

using Fields = std::vector<Field>;

// Index of a field by name, case-insensitive; -1 if absent.
int fieldIndex(const Fields &fields, const QString &name);

} // namespace refuge
