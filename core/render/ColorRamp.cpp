#include "render/ColorRamp.h"

#include "util/Error.h"

#include <algorithm>
#include <cmath>

namespace refuge {

namespace {

QGradientStops evenStops(std::initializer_list<QRgb> colors)
{
    QGradientStops stops;
    const int n = int(colors.size());
    int i = 0;
    for (QRgb c : colors)
        stops.append({n == 1 ? 0.0 : double(i++) / (n - 1), QColor::fromRgb(c)});
    return stops;
}

} // namespace

ColorRamp::ColorRamp(QString name, QGradientStops stops, bool discrete)
    : m_name(std::move(name)), m_stops(std::move(stops)), m_discrete(discrete)
{
}

ColorRamp ColorRamp::risk()
{
    return ColorRamp(QStringLiteral("risk"), evenStops({0xff1a9641, 0xffa6d96a, 0xffffffbf, 0xfffdae61, 0xffd7191c}), true);
}

QStringList ColorRamp::riskLabels(bool chinese)
{
    if (chinese)
        return {QStringLiteral("低"), QStringLiteral("较低"), QStringLiteral("中"), QStringLiteral("较高"), QStringLiteral("高")};
    return {QStringLiteral("Low"), QStringLiteral("Moderately low"), QStringLiteral("Moderate"),
            QStringLiteral("Moderately high"), QStringLiteral("High")};
}

QStringList ColorRamp::names()
{
    return {QStringLiteral("risk"), QStringLiteral("reds"), QStringLiteral("blues"), QStringLiteral("greens"),
            QStringLiteral("oranges"), QStringLiteral("greys"), QStringLiteral("viridis"), QStringLiteral("spectral"),
            QStringLiteral("yellow_red"), QStringLiteral("categorical")};
}

ColorRamp ColorRamp::named(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("risk"))
        return risk();
    if (n == QLatin1String("reds"))
        return ColorRamp(n, evenStops({0xfffee5d9, 0xfffcae91, 0xfffb6a4a, 0xffde2d26, 0xffa50f15}));
    if (n == QLatin1String("blues"))
        return ColorRamp(n, evenStops({0xffeff3ff, 0xffbdd7e7, 0xff6baed6, 0xff3182bd, 0xff08519c}));
    if (n == QLatin1String("greens"))
        return ColorRamp(n, evenStops({0xffedf8e9, 0xffbae4b3, 0xff74c476, 0xff31a354, 0xff006d2c}));
    if (n == QLatin1String("oranges"))
        return ColorRamp(n, evenStops({0xfffeedde, 0xfffdbe85, 0xfffd8d3c, 0xffe6550d, 0xffa63603}));
    if (n == QLatin1String("greys"))
        return ColorRamp(n, evenStops({0xff000000, 0xffffffff}));
    if (n == QLatin1String("viridis"))
        return ColorRamp(n, evenStops({0xff440154, 0xff3b528b, 0xff21918c, 0xff5ec962, 0xfffde725}));
    if (n == QLatin1String("spectral"))
        return ColorRamp(n, evenStops({0xff2b83ba, 0xffabdda4, 0xffffffbf, 0xfffdae61, 0xffd7191c}));
    if (n == QLatin1String("yellow_red"))
        return ColorRamp(n, evenStops({0xffffffb2, 0xfffecc5c, 0xfffd8d3c, 0xfff03b20, 0xffbd0026}));
    if (n == QLatin1String("categorical"))
        return ColorRamp(n, evenStops({0xff1f78b4, 0xff33a02c, 0xffe31a1c, 0xffff7f00, 0xff6a3d9a, 0xffb15928,
                                       0xffa6cee3, 0xffb2df8a, 0xfffb9a99, 0xfffdbf6f, 0xffcab2d6, 0xffffff99}),
                         true);
    throw InvalidInput(QStringLiteral("unknown colour ramp '%1' (known: %2)").arg(name, names().join(QStringLiteral(", "))));
}

QColor ColorRamp::colorAt(double t) const
{
    if (m_stops.isEmpty())
        return QColor(128, 128, 128);
    t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0);
    if (m_discrete) {
        const auto it = std::min_element(m_stops.begin(), m_stops.end(), [t](const QGradientStop &a, const QGradientStop &b) {
            return std::abs(a.first - t) < std::abs(b.first - t);
        });
        return it->second;
    }
    if (t <= m_stops.front().first)
        return m_stops.front().second;
    for (qsizetype i = 1; i < m_stops.size(); ++i) {
        const QGradientStop &a = m_stops[i - 1];
        const QGradientStop &b = m_stops[i];
        if (t <= b.first) {
            const double f = b.first > a.first ? (t - a.first) / (b.first - a.first) : 0.0;
            auto mix = [f](int x, int y) { return int(std::lround(x + (y - x) * f)); };
            return QColor(mix(a.second.red(), b.second.red()), mix(a.second.green(), b.second.green()),
                          mix(a.second.blue(), b.second.blue()), mix(a.second.alpha(), b.second.alpha()));
        }
    }
    return m_stops.back().second;
}

std::vector<QColor> ColorRamp::colors(int n) const
{
    std::vector<QColor> out;
    if (n <= 0)
        return out;
    out.reserve(std::size_t(n));
    if (m_discrete && n <= m_stops.size() && m_name != QLatin1String("categorical")) {
        // Spread over the stops; with as many classes as stops, each stop exactly once.
        for (int i = 0; i < n; ++i) {
            const qsizetype k = n == 1 ? 0 : qsizetype(std::lround(double(i) * double(m_stops.size() - 1) / double(n - 1)));
            out.push_back(m_stops[k].second);
        }
        return out;
    }
    if (m_discrete) {
        for (int i = 0; i < n; ++i)
            out.push_back(m_stops[i % m_stops.size()].second);
        return out;
    }
    for (int i = 0; i < n; ++i)
        out.push_back(colorAt(n == 1 ? 0.5 : double(i) / (n - 1)));
    return out;
}

ColorRamp ColorRamp::reversed() const
{
    QGradientStops stops;
    for (auto it = m_stops.rbegin(); it != m_stops.rend(); ++it)
        stops.append({1.0 - it->first, it->second});
    return ColorRamp(m_name, stops, m_discrete);
}

} // namespace refuge
