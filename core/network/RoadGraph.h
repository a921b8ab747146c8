#pragma once
// RoadGraph: the routing network as compact, immutable arrays, built for one Profile.
//
//  - nodes: junctions and dead ends, renumbered in Hilbert (spatial) order;
//  - links: the street pieces between two nodes, with their geometry, length and
//    the index of the source feature they came from (one link is traversable in 0, 1
//    or 2 directions), in the spatial (Hilbert) order of their source lines;
//  - arcs: the directed, traversable halves of links in CSR form: the arcs leaving
//    node n are [firstArc(n), firstArc(n + 1)), each with its target node, its link
//    (arcLink) and its cost in seconds and metres as float.
//
// A RoadGraph is a value with shared immutable data: copying is O(1), the copies can
// be read from any number of threads, and analyses take it by value. Build one with
// RoadGraphBuilder (core/network/RoadGraphBuilder.h) or load it from the cache.
#include "crs/Crs.h"
#include "network/GraphArray.h"
#include "network/OneWay.h"

#include <QPointF>
#include <QRectF>
#include <QString>
#include <cstdint>
#include <memory>
#include <vector>

namespace refuge {

enum class CostUnit { Meters, Seconds };
QString costUnitName(CostUnit unit); // "m" / "s"

class RoadGraph {
public:
    // The arrays; public so the builder, the cache and tests can set them (each is
    // read-only: a vector handed over, or a view of the mapped cache file).
    struct Data {
        Crs crs;                              // metric CRS of all coordinates
        QString profileName;
        double accessMeters = 50.0;           // lateral access distance of the profile
        double snapSpeed = 1.0;               // m/s for snap legs
        GraphArray<double> nodeX, nodeY;      // per node
        GraphArray<std::uint32_t> firstArc;   // nodeCount + 1
        GraphArray<std::uint32_t> arcTarget;  // per arc
        GraphArray<std::uint32_t> arcLink;    // per arc: link index | kBackward if it runs to→from
        GraphArray<float> arcSeconds;         // per arc
        GraphArray<float> arcMeters;          // per arc
        GraphArray<std::uint32_t> linkFrom, linkTo; // per link: end nodes (digitised order)
        GraphArray<float> linkMeters;         // per link
        GraphArray<float> linkSecondsForward, linkSecondsBackward; // per link: +inf when not allowed
        GraphArray<std::uint32_t> linkFeature; // per link: source feature index (VectorLayer row)
        GraphArray<std::uint32_t> linkFirstPoint; // linkCount + 1, into points
        GraphArray<QPointF> points;           // link vertices, digitised order

        // Calls f on every array, in the order of the cache file.
        template <class F>
        void forEachArray(F &&f) const { visit(*this, f); }
        template <class F>
        void forEachArray(F &&f) { visit(*this, f); }

    private:
        template <class Self, class F>
        static void visit(Self &x, F &f)
        {
            f(x.nodeX), f(x.nodeY), f(x.firstArc), f(x.arcTarget), f(x.arcLink), f(x.arcSeconds), f(x.arcMeters);
            f(x.linkFrom), f(x.linkTo), f(x.linkMeters), f(x.linkSecondsForward), f(x.linkSecondsBackward);
            f(x.linkFeature), f(x.linkFirstPoint), f(x.points);
        }
    };
    static constexpr std::uint32_t kBackward = 0x80000000u;
    static constexpr std::uint32_t kLinkMask = 0x7FFFFFFFu;

    RoadGraph();
    explicit RoadGraph(std::shared_ptr<const Data> data);

    const Data &data() const { return *d; }
    const Crs &crs() const { return d->crs; }
    const QString &profileName() const { return d->profileName; }
    double accessMeters() const { return d->accessMeters; }
    double snapSpeed() const { return d->snapSpeed; }
    bool isEmpty() const { return linkCount() == 0; }

    int nodeCount() const { return int(d->nodeX.size()); }
    int linkCount() const { return int(d->linkFrom.size()); }
    int arcCount() const { return int(d->arcTarget.size()); }
    QPointF node(int n) const { return {d->nodeX[std::size_t(n)], d->nodeY[std::size_t(n)]}; }

    std::uint32_t firstArc(int n) const { return d->firstArc[std::size_t(n)]; }
    std::uint32_t endArc(int n) const { return d->firstArc[std::size_t(n) + 1]; }

    int linkFrom(int l) const { return int(d->linkFrom[std::size_t(l)]); }
    int linkTo(int l) const { return int(d->linkTo[std::size_t(l)]); }
    double linkMeters(int l) const { return d->linkMeters[std::size_t(l)]; }
    // Full cost of traversing link l in a direction; +inf when that direction is closed.
    double linkCost(int l, bool backward, CostUnit unit) const;
    OneWay linkOneWay(int l) const;
    int linkFeature(int l) const { return int(d->linkFeature[std::size_t(l)]); }
    const QPointF *linkPoints(int l) const { return d->points.data() + d->linkFirstPoint[std::size_t(l)]; }
    int linkPointCount(int l) const { return int(d->linkFirstPoint[std::size_t(l) + 1] - d->linkFirstPoint[std::size_t(l)]); }
    std::vector<QPointF> linkGeometry(int l) const;
    // The part of link l between distances a ≤ b (metres from its from-node).
    std::vector<QPointF> linkSection(int l, double a, double b) const;
    // The point at distance s (metres) from its from-node.
    QPointF linkPointAt(int l, double s) const;
    QRectF linkBounds(int l) const;
    QRectF extent() const;

    // Links from a node back to itself (the ring of a lollipop street, a closed way):
    // they carry no arc, so a search that reaches their node does not list them. Each
    // analysis adds the ones whose node it reached (at that node's cost from both
    // ends, i.e. min(s, length − s) along the ring). Sorted; listed once per graph.
    const std::vector<int> &loopLinks() const { return *m_loops; }

    // Bytes of the arrays, held or mapped from the cache (for reports and benchmarks).
    std::size_t memoryBytes() const;

private:
    std::shared_ptr<const Data> d;
    std::shared_ptr<const std::vector<int>> m_loops;
};

} // namespace refuge
