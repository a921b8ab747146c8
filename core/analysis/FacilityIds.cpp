#include "analysis/FacilityIds.h"
#include "model/VectorLayer.h"

namespace refuge {

int FacilityIds::field(const VectorLayer &layer, const QString &requested)
{
    if (!requested.isEmpty())
        return layer.requireField(requested);
    return layer.fieldIndex(QStringLiteral("id"));
}

QString FacilityIds::id(const VectorLayer &layer, int field, int row)
{
    return field >= 0 ? layer.attribute(row, field).toString().trimmed() : rowNumber(row);
}

} // namespace refuge
