// The WKB fast paths (see Wkb.h).
#include "io/Wkb.h"

#include <QtEndian>
#include <cstring>

namespace refuge::wkb {

namespace {

// A cursor over one WKB buffer; every read checks the size.
class Reader {
public:
    Reader(const unsigned char *data, std::size_t size) : m_data(data), m_size(size) {}

    // A geometry's header: byte order, base type (1..7) and coordinates per point.
    bool header(std::uint32_t &type, int &dims)
    {
        if (m_at + 5 > m_size || m_data[m_at] > 1)
            return false;
        m_little = m_data[m_at++] == 1;
        std::uint32_t raw = 0;
        u32(raw);
        const bool z = raw & 0x80000000u, m = raw & 0x40000000u;
        raw &= 0x0FFFFFFFu;
        type = raw % 1000;
        switch (raw / 1000) {
        case 0: dims = 2 + int(z) + int(m); break;
        case 1: case 2: dims = 3; break;
        case 3: dims = 4; break;
        default: return false;
        }
        return !((z || m) && raw >= 1000);
    }
    bool u32(std::uint32_t &v)
    {
        if (m_at + 4 > m_size)
            return false;
        v = m_little ? qFromLittleEndian<std::uint32_t>(m_data + m_at) : qFromBigEndian<std::uint32_t>(m_data + m_at);
        m_at += 4;
        return true;
    }
    // n points of `dims` coordinates: their x/y appended.
    bool points(std::uint32_t n, int dims, std::vector<QPointF> &out)
    {
        const std::size_t stride = 8 * std::size_t(dims);
        if ((m_size - m_at) / stride < n)
            return false;
        const std::size_t first = out.size();
        out.resize(first + n);
        const unsigned char *p = m_data + m_at;
        for (std::uint32_t i = 0; i < n; ++i, p += stride)
            out[first + i] = QPointF(f64(p), f64(p + 8));
        m_at += stride * n;
        return true;
    }
    bool atEnd() const { return m_at == m_size; }

private:
    double f64(const unsigned char *p) const
    {
        const std::uint64_t bits = m_little ? qFromLittleEndian<std::uint64_t>(p) : qFromBigEndian<std::uint64_t>(p);
        double v = 0;
        std::memcpy(&v, &bits, sizeof v);
        return v;
    }
    const unsigned char *m_data;
    std::size_t m_size, m_at = 0;
    bool m_little = true;
};

} // namespace

bool appendLineString(const unsigned char *data, std::size_t size, std::vector<QPointF> &points, std::uint32_t &count)
{
    Reader in(data, size);
    std::uint32_t type = 0;
    int dims = 0;
    const std::size_t first = points.size();
    if (in.header(type, dims) && type == 2 && in.u32(count) && in.points(count, dims, points) && in.atEnd())
        return true;
    points.resize(first);
    return false;
}

bool appendSingleRing(const unsigned char *data, std::size_t size, std::uint32_t maxPoints, std::vector<QPointF> &points, bool &multi)
{
    Reader in(data, size);
    std::uint32_t type = 0, count = 0, n = 0;
    int dims = 0;
    if (!in.header(type, dims))
        return false;
    multi = type == 6;
    if (multi && !(in.u32(count) && count == 1 && in.header(type, dims)))
        return false;
    const std::size_t first = points.size();
    if (type == 3 && in.u32(count) && count == 1 && in.u32(n) && n >= 4 && n <= maxPoints && in.points(n, dims, points) && in.atEnd())
        return true;
    points.resize(first);
    return false;
}

} // namespace refuge::wkb
