#include "util/LargePages.h"

#if defined(__linux__)
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

} // namespace refuge::LargePages
