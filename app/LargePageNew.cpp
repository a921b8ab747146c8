// operator new and delete for the applications (refuge, refuge-cli): malloc and free
// as the default ones, but allocations of LargePages::kThreshold bytes or more (road
// graph arrays, point lists, cost tables) get their whole 2 MiB pages advised as huge
// pages (util/LargePages.h). Opening a 900k-edge network from its GeoPackage: 1.7 ->
// 1.05 s on a virtual machine with THP in "madvise" mode. Linux only; under the
// sanitizers, which bring their own operator new, and elsewhere this file defines
// nothing. Aligned new/delete (align_val_t) stay libstdc++'s (aligned_alloc/free,
// always paired with each other), so those blocks are never advised.
// Where CMake found mimalloc (REFUGE_MIMALLOC), malloc and free are mimalloc's.
#include "util/LargePages.h"

#include <cstdlib>
#include <new>

#if defined(REFUGE_MIMALLOC)
#include <mimalloc.h>
// A reference to libmimalloc, so no linker drops it as unused: its malloc replaces
// glibc's only while it is loaded ahead of glibc.
[[maybe_unused]] static const int kMimallocVersion = mi_version();
#endif

#if defined(REFUGE_LARGE_PAGE_NEW)

namespace {

void *allocate(std::size_t n)
{
    if (n == 0)
        n = 1;
    void *p = nullptr;
    while (!(p = std::malloc(n))) {
        std::new_handler handler = std::get_new_handler();
        if (!handler)
            throw std::bad_alloc();
        handler();
    }
    if (n >= refuge::LargePages::kThreshold)
        refuge::LargePages::advise(p, n);
    return p;
}

void *allocateNoThrow(std::size_t n) noexcept
{
    try {
        return allocate(n);
    } catch (...) {
        return nullptr;
    }
}

} // namespace

void *operator new(std::size_t n) { return allocate(n); }
void *operator new[](std::size_t n) { return allocate(n); }
void *operator new(std::size_t n, const std::nothrow_t &) noexcept { return allocateNoThrow(n); }
void *operator new[](std::size_t n, const std::nothrow_t &) noexcept { return allocateNoThrow(n); }
void operator delete(void *p) noexcept { std::free(p); }
void operator delete[](void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }
void operator delete[](void *p, std::size_t) noexcept { std::free(p); }
void operator delete(void *p, const std::nothrow_t &) noexcept { std::free(p); }
void operator delete[](void *p, const std::nothrow_t &) noexcept { std::free(p); }

#endif
