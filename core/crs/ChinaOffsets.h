#pragma once
// ChinaOffsets: the offset coordinate systems of Chinese web maps, converted to and
// from WGS 84 longitude/latitude (degrees, x = lon, y = lat):
//   GCJ-02 ("Mars coordinates": Amap/Gaode, Tencent, Google China) — WGS 84 plus an
//          obfuscating offset of a few hundred metres;
//   BD-09  (Baidu) — GCJ-02 with a second, polar-coordinate offset.
// The forward directions (WGS 84 → GCJ-02 → BD-09) are the published formulas (the
// constants a = 6378245.0, ee = 0.00669342162296594323, x_pi = π·3000/180 used by
// eviltransform and coordtransform); they are exact by definition. The inverse
// directions have no closed form and are solved by fixed-point iteration until the
// forward image of the result is within 1e-9° (about 0.1 mm) of the input.
//
// The offsets are defined only inside China. "Inside" is the bounding box the published
// libraries use (72.004–137.8347° E, 0.8293–55.8271° N), not the national border: points
// in neighbouring countries inside that box are accepted. Outside it every function
// throws OutsideChinaOffsetArea (an InvalidInput).
#include "util/Error.h"

#include <QPointF>
#include <QString>
#include <optional>

namespace refuge {

// Thrown for a point outside the area where the offsets are defined (message says so);
// readers catch it to add the file name.
class OutsideChinaOffsetArea : public InvalidInput { public: using InvalidInput::InvalidInput; };

enum class ChinaOffset { Gcj02, Bd09 };

// "GCJ-02", "gcj02", "BD-09", "bd09" (case and hyphen insensitive); nullopt otherwise.
std::optional<ChinaOffset> chinaOffsetFromName(const QString &name);
QString chinaOffsetName(ChinaOffset offset); // "GCJ-02" / "BD-09"

// True when lon/lat lies in the box where the offsets are defined (see above).
bool isInsideChinaOffsetArea(QPointF lonLat);
// Throws OutsideChinaOffsetArea, saying why, when lon/lat (in `offset`) is outside it.
void requireInsideChinaOffsetArea(QPointF lonLat, ChinaOffset offset);

QPointF wgs84ToGcj02(QPointF lonLat);
QPointF gcj02ToWgs84(QPointF lonLat);
QPointF gcj02ToBd09(QPointF lonLat);
QPointF bd09ToGcj02(QPointF lonLat);
QPointF wgs84ToBd09(QPointF lonLat);
QPointF bd09ToWgs84(QPointF lonLat);

// Dispatch on the stated offset system.
QPointF chinaOffsetToWgs84(ChinaOffset from, QPointF lonLat);
QPointF wgs84ToChinaOffset(ChinaOffset to, QPointF lonLat);

} // namespace refuge
