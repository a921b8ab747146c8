#pragma once
// The one Hilbert curve of core: the index of a cell of a 2^16 × 2^16 grid along the
// curve, the cell of a point in a box, and points put in its order. Sorting by it puts
// items that are near on the map near in memory (SpatialIndex's packed R-tree,
// RoadGraph's node and link numbering).
// Pure functions: any thread.
#include <QPointF>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace refuge {

// Hilbert index of (x, y), both below 2^16 (Warren's non-recursive variant).
inline std::uint32_t hilbertIndex(std::uint32_t x, std::uint32_t y)
{
    std::uint32_t a = x ^ y, b = 0xFFFF ^ a, c = 0xFFFF ^ (x | y), d = x & (y ^ 0xFFFF);
    std::uint32_t A = a | (b >> 1), B = (a >> 1) ^ a, C = ((c >> 1) ^ (b & (d >> 1))) ^ c, D = ((a & (c >> 1)) ^ (d >> 1)) ^ d;
    a = A; b = B; c = C; d = D;
    A = ((a & (a >> 2)) ^ (b & (b >> 2)));
    B = ((a & (b >> 2)) ^ (b & ((a ^ b) >> 2)));
    C ^= ((a & (c >> 2)) ^ (b & (d >> 2)));
    D ^= ((b & (c >> 2)) ^ ((a ^ b) & (d >> 2)));
    a = A; b = B; c = C; d = D;
    A = ((a & (a >> 4)) ^ (b & (b >> 4)));
    B = ((a & (b >> 4)) ^ (b & ((a ^ b) >> 4)));
    C ^= ((a & (c >> 4)) ^ (b & (d >> 4)));
    D ^= ((b & (c >> 4)) ^ ((a ^ b) & (d >> 4)));
    a = A; b = B; c = C; d = D;
    C ^= ((a & (c >> 8)) ^ (b & (d >> 8)));
    D ^= ((b & (c >> 8)) ^ ((a ^ b) & (d >> 8)));
    a = C ^ (C >> 1);
    b = D ^ (D >> 1);
    std::uint32_t i0 = x ^ y, i1 = b | (0xFFFF ^ (i0 | a));
    i0 = (i0 | (i0 << 8)) & 0x00FF00FF; i0 = (i0 | (i0 << 4)) & 0x0F0F0F0F;
    i0 = (i0 | (i0 << 2)) & 0x33333333; i0 = (i0 | (i0 << 1)) & 0x55555555;
    i1 = (i1 | (i1 << 8)) & 0x00FF00FF; i1 = (i1 | (i1 << 4)) & 0x0F0F0F0F;
    i1 = (i1 | (i1 << 2)) & 0x33333333; i1 = (i1 | (i1 << 1)) & 0x55555555;
    return (i1 << 1) | i0;
}

// The Hilbert index of `p`'s cell when `box` (x0, y0, x1, y1) is cut into 2^16 × 2^16
// cells (a box of no width or height: column or row 0).
inline std::uint32_t hilbertIndexIn(double x, double y, double x0, double y0, double x1, double y1)
{
    const auto hx = std::uint32_t(x1 > x0 ? std::floor(65535.0 * (x - x0) / (x1 - x0)) : 0);
    const auto hy = std::uint32_t(y1 > y0 ? std::floor(65535.0 * (y - y0) / (y1 - y0)) : 0);
    return hilbertIndex(hx, hy);
}

// The positions 0..n-1 ordered by the Hilbert index of pointAt(i) in the box (x0, y0,
// x1, y1), ties in position order: (index << 32 | position) words sorted by two stable
// 16-bit radix passes over the index, no comparator reading scattered points.
template <typename PointAt>
std::vector<std::uint32_t> hilbertOrder(std::size_t n, PointAt pointAt, double x0, double y0, double x1, double y1)
{
    std::vector<std::uint64_t> keys(n), sorted(n);
    for (std::size_t i = 0; i < n; ++i) {
        const QPointF p = pointAt(i);
        keys[i] = (std::uint64_t(hilbertIndexIn(p.x(), p.y(), x0, y0, x1, y1)) << 32) | std::uint64_t(i);
    }
    for (int shift = 32; shift < 64; shift += 16) {
        std::vector<std::size_t> count(65537, 0);
        for (const std::uint64_t k : keys)
            ++count[((k >> shift) & 0xFFFF) + 1];
        for (std::size_t b = 1; b < count.size(); ++b)
            count[b] += count[b - 1];
        for (const std::uint64_t k : keys)
            sorted[count[(k >> shift) & 0xFFFF]++] = k;
        keys.swap(sorted);
    }
    std::vector<std::uint32_t> order(n);
    for (std::size_t i = 0; i < n; ++i)
        order[i] = std::uint32_t(keys[i]);
    return order;
}

// The same in the points' own bounding box.
template <typename PointAt>
std::vector<std::uint32_t> hilbertOrder(std::size_t n, PointAt pointAt)
{
    if (n == 0)
        return {};
    double x0 = pointAt(0).x(), x1 = x0, y0 = pointAt(0).y(), y1 = y0;
    for (std::size_t i = 0; i < n; ++i) {
        const QPointF p = pointAt(i);
        x0 = std::min(x0, p.x());
        x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y());
        y1 = std::max(y1, p.y());
    }
    return hilbertOrder(n, pointAt, x0, y0, x1, y1);
}

} // namespace refuge
