#pragma once
// LargePages: big allocations on transparent huge pages (Linux). Filling a fresh
// 100 MB array costs one page fault per 4 KiB page; with huge pages one per 2 MiB.
// On virtual machines, where faults are dear, that is a third of the time of
// building a large road graph (bench/network). The applications' operator new
// (app/LargePageNew.cpp) calls advise() for allocations of kThreshold bytes or more.
#include <cstddef>
#include <cstdint>

// Sanitizers bring their own operator new: the applications keep it under them.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || defined(__SANITIZE_HWADDRESS__)
#define REFUGE_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer) \
    || __has_feature(hwaddress_sanitizer)
#define REFUGE_SANITIZED 1
#endif
#endif
// Defined where app/LargePageNew.cpp replaces operator new.
#if defined(__linux__) && !defined(REFUGE_SANITIZED)
#define REFUGE_LARGE_PAGE_NEW 1
#endif

namespace refuge::LargePages {

constexpr std::size_t kHugePage = std::size_t(2) << 20;
constexpr std::size_t kThreshold = std::size_t(4) << 20;

struct Range {
    std::uintptr_t begin = 0, end = 0; // empty when begin == end
};

// The whole huge pages inside [p, p + n): the part that can be advised.
constexpr Range wholeHugePages(std::uintptr_t p, std::size_t n)
{
    const std::uintptr_t begin = (p + kHugePage - 1) / kHugePage * kHugePage;
    const std::uintptr_t end = (p + n) / kHugePage * kHugePage;
    return end > begin ? Range{begin, end} : Range{begin, begin};
}

// Asks the kernel to back those pages with huge pages (madvise MADV_HUGEPAGE); the
// memory stays ordinary malloc memory. True when advised; false when the range holds
// no whole huge page, the kernel refuses, or off Linux (a no-op there).
bool advise(void *p, std::size_t n);

// The whole huge pages of the memory mapping that holds `p` (as the kernel lists it in
// /proc/self/maps), advised as advise() does: for memory an allocator mapped before we
// could ask it for huge pages, found without knowing how that allocator lays out its
// memory. False off Linux, when `p` is in no mapping, or the kernel refuses.
bool adviseMappingOf(const void *p);

// Whether mimalloc's memory is on huge pages. Defined by the applications' allocator
// (app/LargePageNew.cpp) only where they use mimalloc (REFUGE_MIMALLOC).
bool mimallocOnHugePages();

} // namespace refuge::LargePages
