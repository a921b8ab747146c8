#include "util/LargePages.h"

#if defined(__linux__)
#include <cstdio>
#include <sys/mman.h>
#endif

namespace refuge::LargePages {

bool advise(void *p, std::size_t n)
{
    const Range r = wholeHugePages(reinterpret_cast<std::uintptr_t>(p), n);
    if (r.end == r.begin)
        return false;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    return madvise(reinterpret_cast<void *>(r.begin), r.end - r.begin, MADV_HUGEPAGE) == 0;
#else
    return false;
#endif
}

bool adviseMappingOf(const void *p)
{
#if defined(__linux__)
    // Lines "start-end perms offset dev inode path", addresses in hex, sorted.
    std::FILE *maps = std::fopen("/proc/self/maps", "r");
    if (!maps)
        return false;
    const auto a = reinterpret_cast<std::uintptr_t>(p);
    unsigned long long start = 0, end = 0;
    bool found = false;
    char line[512];
    while (std::fgets(line, sizeof line, maps)) {
        if (std::sscanf(line, "%llx-%llx", &start, &end) == 2 && a >= start && a < end) {
            found = true;
            break;
        }
    }
    std::fclose(maps);
    return found && advise(reinterpret_cast<void *>(std::uintptr_t(start)), std::size_t(end - start));
#else
    (void)p;
    return false;
#endif
}

} // namespace refuge::LargePages
