#pragma once
// GraphArray<T>: one of RoadGraph's read-only arrays. It either owns a std::vector
// (a graph just built) or views memory kept alive by a shared owner (a graph cache
// file mapped with QFile::map: opening a cached graph copies nothing, the pages come
// from the operating system's file cache as the analysis touches them).
// Reads like a const std::vector: size, [], data, begin/end, front/back, ==.
#include <algorithm>
#include <cassert>
#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

namespace refuge {

template <typename T>
class GraphArray {
public:
    using value_type = T;

    GraphArray() = default;
    GraphArray(std::vector<T> owned) : m_owned(std::move(owned)), m_ptr(m_owned.data()), m_size(m_owned.size()) {}
    // A view of n values at p, valid while keeper (not null) lives.
    GraphArray(const T *p, std::size_t n, std::shared_ptr<const void> keeper) : m_keeper(std::move(keeper)), m_ptr(p), m_size(n)
    {
        assert(m_keeper);
    }

    GraphArray(const GraphArray &o) : m_owned(o.m_owned), m_keeper(o.m_keeper), m_ptr(o.m_keeper ? o.m_ptr : m_owned.data()), m_size(o.m_size) {}
    GraphArray(GraphArray &&o) noexcept : m_owned(std::move(o.m_owned)), m_keeper(std::move(o.m_keeper)), m_ptr(o.m_ptr), m_size(o.m_size)
    {
        o.m_ptr = nullptr;
        o.m_size = 0;
    }
    GraphArray &operator=(GraphArray o) noexcept
    {
        swap(o);
        return *this;
    }
    void swap(GraphArray &o) noexcept
    {
        m_owned.swap(o.m_owned); // moves the buffers, so the pointers stay right
        m_keeper.swap(o.m_keeper);
        std::swap(m_ptr, o.m_ptr);
        std::swap(m_size, o.m_size);
    }

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const T &operator[](std::size_t i) const { return m_ptr[i]; }
    const T *data() const { return m_ptr; }
    const T *begin() const { return m_ptr; }
    const T *end() const { return m_ptr + m_size; }
    const T &front() const { return m_ptr[0]; }
    const T &back() const { return m_ptr[m_size - 1]; }
    // Bytes of the values (owned or mapped).
    std::size_t bytes() const { return m_size * sizeof(T); }
    // True for a view of memory held elsewhere (a cache file), false for an own vector.
    bool isView() const { return m_keeper != nullptr; }

    friend bool operator==(const GraphArray &a, const GraphArray &b) { return std::equal(a.begin(), a.end(), b.begin(), b.end()); }

private:
    std::vector<T> m_owned;
    std::shared_ptr<const void> m_keeper;
    const T *m_ptr = nullptr;
    std::size_t m_size = 0;
};

} // namespace refuge
