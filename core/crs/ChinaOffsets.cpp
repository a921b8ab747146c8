#include "crs/ChinaOffsets.h"
#include "util/Error.h"

#include <cmath>
#include <numbers>

namespace refuge {

namespace {

constexpr double kPi = std::numbers::pi;
// Krasovsky 1940 ellipsoid, as in the published GCJ-02 formulas.
constexpr double kA = 6378245.0;
constexpr double kEe = 0.00669342162296594323;
constexpr double kXPi = kPi * 3000.0 / 180.0;
// The box the published libraries treat as China.
constexpr double kMinLon = 72.004, kMaxLon = 137.8347, kMinLat = 0.8293, kMaxLat = 55.8271;
// Inverse iteration: stop when the forward image is this close to the input (degrees,
// about 0.1 mm); the offsets change slowly, so a few steps suffice.
constexpr double kInverseTolerance = 1e-9;
constexpr int kMaxIterations = 50;

double offsetLatUnits(double x, double y)
{
    double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
    r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
    r += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
    return r;
}

double offsetLonUnits(double x, double y)
{
    double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
    r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
    r += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
    return r;
}

// WGS 84 → GCJ-02 without the area check (also used inside the inverse iteration).
QPointF gcjForward(QPointF w)
{
    const double lon = w.x(), lat = w.y();
    const double radLat = lat / 180.0 * kPi;
    const double s = std::sin(radLat);
    const double magic = 1.0 - kEe * s * s;
    const double sqrtMagic = std::sqrt(magic);
    const double dLat = offsetLatUnits(lon - 105.0, lat - 35.0) * 180.0 / ((kA * (1.0 - kEe)) / (magic * sqrtMagic) * kPi);
    const double dLon = offsetLonUnits(lon - 105.0, lat - 35.0) * 180.0 / (kA / sqrtMagic * std::cos(radLat) * kPi);
    return {lon + dLon, lat + dLat};
}

QPointF bdForward(QPointF g)
{
    const double x = g.x(), y = g.y();
    const double z = std::sqrt(x * x + y * y) + 0.00002 * std::sin(y * kXPi);
    const double theta = std::atan2(y, x) + 0.000003 * std::cos(x * kXPi);
    return {z * std::cos(theta) + 0.0065, z * std::sin(theta) + 0.006};
}

// Solves forward(p) == target by fixed-point iteration p ← p − (forward(p) − target).
template <typename Forward>
QPointF invert(Forward forward, QPointF target, const char *what)
{
    QPointF p = target - (forward(target) - target);
    for (int i = 0; i < kMaxIterations; ++i) {
        const QPointF miss = forward(p) - target;
        if (std::abs(miss.x()) < kInverseTolerance && std::abs(miss.y()) < kInverseTolerance)
            return p;
        p -= miss;
    }
    throw InvalidInput(QStringLiteral("the %1 inverse did not converge at lon %2, lat %3")
                           .arg(QLatin1String(what)).arg(target.x(), 0, 'f', 7).arg(target.y(), 0, 'f', 7));
}

} // namespace

std::optional<ChinaOffset> chinaOffsetFromName(const QString &name)
{
    QString n = name.trimmed().toUpper();
    n.remove(QLatin1Char('-'));
    n.remove(QLatin1Char('_'));
    if (n == QLatin1String("GCJ02"))
        return ChinaOffset::Gcj02;
    if (n == QLatin1String("BD09"))
        return ChinaOffset::Bd09;
    return std::nullopt;
}

QString chinaOffsetName(ChinaOffset offset)
{
    return offset == ChinaOffset::Gcj02 ? QStringLiteral("GCJ-02") : QStringLiteral("BD-09");
}

bool isInsideChinaOffsetArea(QPointF p)
{
    return std::isfinite(p.x()) && std::isfinite(p.y()) && p.x() >= kMinLon && p.x() <= kMaxLon && p.y() >= kMinLat
        && p.y() <= kMaxLat;
}

void requireInsideChinaOffsetArea(QPointF lonLat, ChinaOffset offset)
{
    if (isInsideChinaOffsetArea(lonLat))
        return;
    throw OutsideChinaOffsetArea(QStringLiteral("lon %1, lat %2 is outside China: the %3 offset is defined only inside China "
                                      "(%4–%5° E, %6–%7° N)")
                           .arg(lonLat.x(), 0, 'f', 6).arg(lonLat.y(), 0, 'f', 6).arg(chinaOffsetName(offset))
                           .arg(kMinLon, 0, 'g', 8).arg(kMaxLon, 0, 'g', 8).arg(kMinLat, 0, 'g', 8).arg(kMaxLat, 0, 'g', 8));
}

QPointF wgs84ToGcj02(QPointF lonLat)
{
    requireInsideChinaOffsetArea(lonLat, ChinaOffset::Gcj02);
    return gcjForward(lonLat);
}

QPointF gcj02ToWgs84(QPointF lonLat)
{
    requireInsideChinaOffsetArea(lonLat, ChinaOffset::Gcj02);
    return invert(gcjForward, lonLat, "GCJ-02");
}

QPointF gcj02ToBd09(QPointF lonLat)
{
    requireInsideChinaOffsetArea(lonLat, ChinaOffset::Bd09);
    return bdForward(lonLat);
}

QPointF bd09ToGcj02(QPointF lonLat)
{
    requireInsideChinaOffsetArea(lonLat, ChinaOffset::Bd09);
    return invert(bdForward, lonLat, "BD-09");
}

QPointF wgs84ToBd09(QPointF lonLat) { return gcj02ToBd09(wgs84ToGcj02(lonLat)); }
QPointF bd09ToWgs84(QPointF lonLat) { return gcj02ToWgs84(bd09ToGcj02(lonLat)); }

QPointF chinaOffsetToWgs84(ChinaOffset from, QPointF lonLat)
{
    return from == ChinaOffset::Gcj02 ? gcj02ToWgs84(lonLat) : bd09ToWgs84(lonLat);
}

QPointF wgs84ToChinaOffset(ChinaOffset to, QPointF lonLat)
{
    return to == ChinaOffset::Gcj02 ? wgs84ToGcj02(lonLat) : wgs84ToBd09(lonLat);
}

} // namespace refuge
