#include "analysis/FacilityIds.h"
#include "model/VectorLayer.h"

#include <QSet>

namespace refuge {

int FacilityIds::field(const VectorLayer &layer, const QString &requested)
{
    if (!requested.isEmpty())
        return layer.requireField(requested);
    const int f = layer.fieldIndex(QStringLiteral("id"));
    if (f < 0)
        return -1;
    // Only an "id" field that names every row once (a layer made in QGIS often has
    // an empty one): otherwise the row numbers.
    QSet<QString> seen;
    for (int i = 0; i < layer.featureCount(); ++i) {
        const QString v = layer.attribute(i, f).toString().trimmed();
        if (v.isEmpty() || seen.contains(v))
            return -1;
        seen.insert(v);
    }
    return f;
}

QString FacilityIds::id(const VectorLayer &layer, int field, int row)
{
    return field >= 0 ? layer.attribute(row, field).toString().trimmed() : rowNumber(row);
}

} // namespace refuge
