#include "network/RoadGraph.h"

#include <algorithm>
#include <cmath>

namespace refuge {

QString costUnitName(CostUnit unit) { return unit == CostUnit::Meters ? QStringLiteral("m") : QStringLiteral("s"); }

namespace {

std::shared_ptr<const std::vector<int>> loopsOf(const RoadGraph::Data &d)
{
    auto loops = std::make_shared<std::vector<int>>();
    for (std::size_t l = 0; l < d.linkFrom.size(); ++l)
        if (d.linkFrom[l] == d.linkTo[l])
            loops->push_back(int(l));
    return loops;
}

} // namespace

RoadGraph::RoadGraph() : d(std::make_shared<const Data>()), m_loops(loopsOf(*d)) {}

RoadGraph::RoadGraph(std::shared_ptr<const Data> data)
    : d(data ? std::move(data) : std::make_shared<const Data>()), m_loops(loopsOf(*d))
{
}

double RoadGraph::linkCost(int l, bool backward, CostUnit unit) const
{
    const float s = backward ? d->linkSecondsBackward[std::size_t(l)] : d->linkSecondsForward[std::size_t(l)];
    if (!std::isfinite(s))
        return std::numeric_limits<double>::infinity();
    return unit == CostUnit::Seconds ? double(s) : double(d->linkMeters[std::size_t(l)]);
}

OneWay RoadGraph::linkOneWay(int l) const
{
    const bool f = std::isfinite(d->linkSecondsForward[std::size_t(l)]);
    const bool b = std::isfinite(d->linkSecondsBackward[std::size_t(l)]);
    return f && b ? OneWay::Both : f ? OneWay::Forward : b ? OneWay::Backward : OneWay::Closed;
}

std::vector<QPointF> RoadGraph::linkGeometry(int l) const
{
    const QPointF *p = linkPoints(l);
    return std::vector<QPointF>(p, p + linkPointCount(l));
}

std::vector<QPointF> RoadGraph::linkSection(int l, double a, double b) const
{
    const QPointF *p = linkPoints(l);
    const int n = linkPointCount(l);
    std::vector<QPointF> out;
    if (n < 2)
        return out;
    // Scale offsets to the polyline's own length (linkMeters may be a float rounding of it).
    double total = 0;
    for (int i = 1; i < n; ++i)
        total += std::hypot(p[i].x() - p[i - 1].x(), p[i].y() - p[i - 1].y());
    const double scale = linkMeters(l) > 0 ? total / linkMeters(l) : 1.0;
    a = std::clamp(a * scale, 0.0, total);
    b = std::clamp(b * scale, 0.0, total);
    if (b < a)
        std::swap(a, b);
    double s = 0;
    for (int i = 1; i < n; ++i) {
        const double seg = std::hypot(p[i].x() - p[i - 1].x(), p[i].y() - p[i - 1].y());
        const double s1 = s + seg;
        auto at = [&](double t) {
            const double f = seg > 0 ? (t - s) / seg : 0.0;
            return QPointF(p[i - 1].x() + f * (p[i].x() - p[i - 1].x()), p[i - 1].y() + f * (p[i].y() - p[i - 1].y()));
        };
        if (out.empty() && a <= s1)
            out.push_back(at(a));
        if (!out.empty()) {
            if (b <= s1) {
                out.push_back(at(b));
                break;
            }
            out.push_back(p[i]);
        }
        s = s1;
    }
    if (out.size() == 1)
        out.push_back(out.front());
    return out;
}

QPointF RoadGraph::linkPointAt(int l, double s) const
{
    const std::vector<QPointF> sec = linkSection(l, s, s);
    return sec.empty() ? linkPoints(l)[0] : sec.front();
}

QRectF RoadGraph::linkBounds(int l) const
{
    const QPointF *p = linkPoints(l);
    const int n = linkPointCount(l);
    double x0 = p[0].x(), x1 = x0, y0 = p[0].y(), y1 = y0;
    for (int i = 1; i < n; ++i) {
        x0 = std::min(x0, p[i].x());
        x1 = std::max(x1, p[i].x());
        y0 = std::min(y0, p[i].y());
        y1 = std::max(y1, p[i].y());
    }
    return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

QRectF RoadGraph::extent() const
{
    if (d->nodeX.empty())
        return {};
    const auto [xmin, xmax] = std::minmax_element(d->nodeX.begin(), d->nodeX.end());
    const auto [ymin, ymax] = std::minmax_element(d->nodeY.begin(), d->nodeY.end());
    return QRectF(QPointF(*xmin, *ymin), QPointF(*xmax, *ymax));
}

std::size_t RoadGraph::memoryBytes() const
{
    std::size_t total = 0;
    d->forEachArray([&](const auto &a) { total += a.bytes(); });
    return total;
}

} // namespace refuge
