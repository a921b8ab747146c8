#include "model/Field.h"

namespace refuge {

QString fieldTypeName(FieldType type)
{
    switch (type) {
    case FieldType::Integer: return QStringLiteral("Integer");
    case FieldType::Real: return QStringLiteral("Real");
    case FieldType::String: return QStringLiteral("String");
    case FieldType::Date: return QStringLiteral("Date");
    case FieldType::DateTime: return QStringLiteral("DateTime");
    case FieldType::Boolean: return QStringLiteral("Boolean");
    }
    return QStringLiteral("String");
}

int fieldIndex(const Fields &fields, const QString &name)
{
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name.compare(name, Qt::CaseInsensitive) == 0)
            return int(i);
    return -1;
}

} // namespace refuge
