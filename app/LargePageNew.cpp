// operator new and delete for the applications (refuge, refuge-cli): malloc and free
// as the default ones, but allocations of LargePages::kThreshold bytes or more (road
// graph arrays, point lists, cost tables) get their whole 2 MiB pages advised as huge
// pages (util/LargePages.h). Opening a 900k-edge network from its GeoPackage: 1.7 ->
// 1.05 s on a virtual machine with THP in "madvise" mode. Linux only; under the
// sanitizers, which bring their own operator new, and elsewhere this file defines
// nothing. Aligned new/delete (align_val_t) stay libstdc++'s (aligned_alloc/free,
// always paired with each other), so those blocks are never advised.
// Where CMake found mimalloc (REFUGE_MIMALLOC), malloc and free are mimalloc's, and its
// memory is on huge pages too (below).
#include "util/LargePages.h"

#include <cstdint>
#include <cstdlib>
#include <new>

#if defined(REFUGE_MIMALLOC) && !defined(REFUGE_SANITIZED)
#include <mimalloc.h>

namespace {
// mimalloc's memory on transparent huge pages: its "large OS pages" option (every
// segment it maps from now on is advised MADV_HUGEPAGE), unless MIMALLOC_LARGE_OS_PAGES
// says otherwise; and the memory it mapped before this runs (the main thread's first
// segment, where start-up and the small objects of a run live), advised as the kernel
// lists its mapping (LargePages::adviseMappingOf), not by mimalloc's internal segment
// size and alignment, which change between releases. Without the latter, N=300 cold
// service area (lines): 6,500 more page faults and 0.50-0.64 instead of 0.35-0.41 s
// (bench/network, quiet 2-core VM). The calls also reference libmimalloc, so no linker
// drops it as unused (its malloc replaces glibc's only while it is loaded ahead of glibc).
bool useHugePages()
{
    // Threads' first segments too (mimalloc commits them lazily by default, and so off
    // huge pages): GDAL's reader threads and the analysis workers. N=700 cold lines
    // 0.87-1.01 -> 0.65-0.82 s, peak 201 -> 221 MB (memory in huge-page segments is not
    // given back until exit).
    if (!std::getenv("MIMALLOC_EAGER_COMMIT_DELAY"))
        mi_option_set(mi_option_eager_commit_delay, 0);
    if (std::getenv("MIMALLOC_LARGE_OS_PAGES"))
        return mi_option_is_enabled(mi_option_large_os_pages);
    mi_option_enable(mi_option_large_os_pages);
    void *probe = mi_malloc(16); // in the first segment
    refuge::LargePages::adviseMappingOf(probe);
    mi_free(probe);
    return true;
}

const bool kMimallocHugePages = useHugePages();
} // namespace

namespace refuge::LargePages {
bool mimallocOnHugePages() { return kMimallocHugePages; }
} // namespace refuge::LargePages
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
