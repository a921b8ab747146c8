#include "model/VectorLayer.h"
#include "crs/CoordinateTransform.h"
#include "util/Error.h"

#include <algorithm>

namespace refuge {

QStringList LoadReport::messages() const
{
    QStringList out;
    auto add = [&](qint64 n, const char *what) {
        if (n > 0)
            out << QStringLiteral("%1 %2").arg(n).arg(QString::fromUtf8(what));
    };
    // A point table's rows without usable coordinates (PointTable: "row 3: 经度 is empty")
    // are null geometries named by row.
    QStringList rows;
    qint64 tableRows = 0;
    for (const DroppedFeature &d : dropped)
        if (d.reason.startsWith(QLatin1String("row ")) && ++tableRows <= 10)
            rows << d.reason;
    if (tableRows > 10)
        rows << QStringLiteral("… %1 more").arg(tableRows - 10);
    add(nullGeometry - tableRows, "features without geometry skipped");
    if (tableRows > 0)
        out << QStringLiteral("%1 rows without usable coordinates skipped (%2)").arg(tableRows).arg(rows.join(QStringLiteral("; ")));
    add(emptyGeometry, "features with empty geometry skipped");
    add(nonFinite, "features with NaN/infinite coordinates skipped");
    add(outsideCrs, "features outside the valid area of the CRS skipped");
    add(otherDimension, "features of another geometry type (mixed geometry types) skipped");
    add(repaired, "invalid geometries repaired (GEOSMakeValid)");
    add(unrepairable, "invalid geometries that could not be repaired skipped");
    if (unreadable > 0)
        out << QStringLiteral("%1 features could not be read (truncated or corrupt file?): %2").arg(unreadable).arg(readError);
    else if (!readError.isEmpty())
        out << QStringLiteral("GDAL reported an error while reading: %1").arg(readError);
    if (!encodingNote.isEmpty())
        out << encodingNote;
    if (!crsNote.isEmpty())
        out << crsNote;
    return out;
}

void LoadReport::drop(qint64 fid, const QString &reason, const QString &id) { dropped.push_back({{}, fid, id, reason}); }

QString LoadReport::droppedMessage(const QString &what) const
{
    return skipped() == 0 ? QString() : droppedFeaturesMessage(read, loaded, skipped(), dropped, what);
}

void LoadReport::reportTo(Feedback &feedback, const QString &source, const QString &what) const
{
    feedback.reportDropped(source, what, read, loaded, skipped(), dropped);
}

VectorLayer::VectorLayer(QString name, GeometryType type, Crs crs)
    : m_name(std::move(name)), m_type(type), m_crs(crs), m_sourceCrs(std::move(crs))
{
}

QVariant VectorLayer::attribute(int feature, const QString &field) const
{
    const int idx = fieldIndex(field);
    return idx < 0 ? QVariant() : attribute(feature, idx);
}

int VectorLayer::requireField(const QString &name) const
{
    const int idx = fieldIndex(name);
    if (idx < 0) {
        if (m_fields.empty() && featureCount() == 0)
            throw InvalidInput(fileMessage(m_source.path.isEmpty() ? m_name : m_source.displayName(),
                                           QStringLiteral("the layer has no features (so no field '%1')").arg(name)));
        QStringList names;
        for (const Field &f : m_fields)
            names << f.name;
        throw InvalidInput(fileMessage(m_source.path.isEmpty() ? m_name : m_source.displayName(),
                                       QStringLiteral("no field '%1' (fields: %2)").arg(name, names.join(QStringLiteral(", ")))));
    }
    return idx;
}

void VectorLayer::requireGeometry(const QString &role, std::initializer_list<int> dimensions) const
{
    const int d = dimension(m_type);
    if (m_type == GeometryType::Unknown || std::find(dimensions.begin(), dimensions.end(), d) != dimensions.end())
        return;
    const QString names[] = {QStringLiteral("points"), QStringLiteral("lines"), QStringLiteral("polygons")};
    QStringList allowed;
    for (int a : dimensions)
        allowed << names[a];
    throw InvalidInput(fileMessage(m_source.path.isEmpty() ? m_name : m_source.displayName(),
                                   QStringLiteral("%1 must be %2, not %3 (%4); is this the right layer?")
                                       .arg(role, allowed.join(QStringLiteral(" or ")), names[d], geometryTypeName(m_type))));
}

void VectorLayer::buildIndex()
{
    std::vector<QRectF> boxes;
    boxes.reserve(m_geometries.size());
    QRectF ext;
    bool first = true;
    for (const Geometry &g : m_geometries) {
        if (g.isEmpty()) {
            boxes.push_back(SpatialIndex::noBox());
            continue;
        }
        const QRectF b = g.bounds();
        boxes.push_back(b);
        if (first) {
            ext = b;
            first = false;
        } else {
            ext.setLeft(std::min(ext.left(), b.left()));
            ext.setTop(std::min(ext.top(), b.top()));
            ext.setRight(std::max(ext.right(), b.right()));
            ext.setBottom(std::max(ext.bottom(), b.bottom()));
        }
    }
    m_extent = ext;
    m_index = SpatialIndex(boxes);
}

int VectorLayer::addField(const Field &field)
{
    m_fields.push_back(field);
    m_columns.emplace_back(m_geometries.size());
    return int(m_fields.size()) - 1;
}

int VectorLayer::addFeature(Geometry geometry, const QVariantList &attributes, qint64 fid)
{
    const int row = int(m_geometries.size());
    m_geometries.push_back(std::move(geometry));
    m_fids.push_back(fid >= 0 ? fid : row);
    for (std::size_t c = 0; c < m_columns.size(); ++c)
        m_columns[c].push_back(c < std::size_t(attributes.size()) ? attributes[qsizetype(c)] : QVariant());
    return row;
}

VectorLayer VectorLayer::reprojected(const Crs &target) const
{
    VectorLayer copy = *this;
    if (m_crs == target)
        return copy;
    CoordinateTransform ct(m_crs, target);
    for (Geometry &g : copy.m_geometries)
        ct.transformInPlace(g);
    copy.m_crs = target;
    copy.buildIndex();
    return copy;
}

} // namespace refuge
