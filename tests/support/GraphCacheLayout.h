#pragma once
// GraphCacheLayout: where things are in a graph cache file (GraphCache format 5), read
// independently of GraphCache so tests can damage a file at a chosen place. Layout:
// magic 8, version 4, byte-order mark 4, key 16, meta size 4, meta; then per array, at
// 64-byte boundaries, its count (8 bytes) and its values; then the 8-byte checksum.
// Arrays in RoadGraph::Data::forEachArray order: 0 nodeX, 1 nodeY (double), 2 firstArc,
// 3 arcTarget, 4 arcLink, 5 arcSeconds, 6 arcMeters, 7 linkFrom, 8 linkTo, 9 linkMeters,
// 10-11 link seconds, 12 linkFeature, 13 linkFirstPoint (4 bytes), 14 points (16 bytes).
#include <QByteArray>
#include <cstring>

namespace refuge::test {

class GraphCacheLayout {
public:
    static constexpr int kArrays = 15;
    explicit GraphCacheLayout(const QByteArray &bytes) : m_bytes(bytes)
    {
        quint32 metaSize = 0;
        std::memcpy(&metaSize, bytes.constData() + 32, 4);
        m_metaEnd = 36 + qsizetype(metaSize);
    }
    static qsizetype align(qsizetype p) { return (p + 63) / 64 * 64; }
    static int valueSize(int array) { return array == 14 ? 16 : (array < 2 ? 8 : 4); }
    qsizetype metaEnd() const { return m_metaEnd; }
    // Offset of array `index`'s count.
    qsizetype countAt(int index) const
    {
        qsizetype p = m_metaEnd;
        for (int i = 0;; ++i) {
            p = align(p);
            if (i == index)
                return p;
            p = align(p + 8) + count(i) * valueSize(i);
        }
    }
    qsizetype count(int index) const
    {
        quint64 n = 0;
        std::memcpy(&n, m_bytes.constData() + countAt(index), 8);
        return qsizetype(n);
    }
    // Offset of array `index`'s first value.
    qsizetype valuesAt(int index) const { return align(countAt(index) + 8); }
    // Where the arrays end (the checksum follows).
    qsizetype arraysEnd() const { return valuesAt(kArrays - 1) + count(kArrays - 1) * valueSize(kArrays - 1); }

private:
    const QByteArray &m_bytes;
    qsizetype m_metaEnd = 0;
};

} // namespace refuge::test
