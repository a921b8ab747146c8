// LargePages: the huge-page range arithmetic, advised memory behaving as memory, and
// the applications' operator new and malloc.
#include "util/LargePages.h"

#include <QByteArray>
#include <QFile>
#include <QTest>
#include <cstdlib>
#include <numeric>
#include <vector>

#if defined(REFUGE_MIMALLOC) && !defined(REFUGE_SANITIZED)
#include <cpl_conv.h>
#include <mimalloc.h>
#endif

using namespace refuge;
using LargePages::kHugePage;

class TestLargePages : public QObject {
    Q_OBJECT
private slots:
    void wholeHugePages()
    {
        const std::uintptr_t base = 100 * kHugePage;
        // Exactly one aligned huge page.
        QCOMPARE(LargePages::wholeHugePages(base, kHugePage).begin, base);
        QCOMPARE(LargePages::wholeHugePages(base, kHugePage).end, base + kHugePage);
        // Starting 16 bytes in (a malloc header): the first whole page begins at the next boundary.
        const LargePages::Range r = LargePages::wholeHugePages(base + 16, 5 * kHugePage);
        QCOMPARE(r.begin, base + kHugePage);
        QCOMPARE(r.end, base + 5 * kHugePage);
        // 4 MiB starting off a boundary holds one whole page; 2 MiB off a boundary none.
        QCOMPARE(LargePages::wholeHugePages(base + 4096, 4 << 20).end - LargePages::wholeHugePages(base + 4096, 4 << 20).begin,
                 std::uintptr_t(kHugePage));
        const LargePages::Range none = LargePages::wholeHugePages(base + 4096, kHugePage);
        QCOMPARE(none.begin, none.end);
        QCOMPARE(LargePages::wholeHugePages(base, 0).end, LargePages::wholeHugePages(base, 0).begin);
    }

    void advisedMemoryIsOrdinaryMemory()
    {
        QVERIFY(!LargePages::advise(nullptr, 0));
        const std::size_t n = 3 * kHugePage / sizeof(std::uint32_t);
        std::uint32_t *p = static_cast<std::uint32_t *>(std::malloc(n * sizeof(std::uint32_t)));
        QVERIFY(p);
        const bool advised = LargePages::advise(p, n * sizeof(std::uint32_t));
#if defined(__linux__)
        // Kernels built with transparent huge pages accept the advice in every mode.
        if (QFile::exists(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled")))
            QVERIFY(advised);
#else
        QVERIFY(!advised);
#endif
        // The whole mapping around p, found in the kernel's list (/proc/self/maps).
        QVERIFY(!LargePages::adviseMappingOf(nullptr));
#if defined(__linux__)
        if (QFile::exists(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled"))) {
            QVERIFY(LargePages::adviseMappingOf(p + n / 2));
            QVERIFY(advisedAt(LargePages::wholeHugePages(reinterpret_cast<std::uintptr_t>(p), n * sizeof(std::uint32_t)).begin));
        }
#endif
        std::iota(p, p + n, 7u);
        QCOMPARE(std::accumulate(p, p + n, std::uint64_t(0)), std::uint64_t(n) * (n - 1) / 2 + 7 * std::uint64_t(n));
        std::free(p);
    }

    // The applications' operator new (app/LargePageNew.cpp, linked into this test too):
    // a big block is advised (VmFlags "hg" in /proc/self/smaps), a small one is not (unless
    // all of mimalloc's memory is), and
    // every new/delete pair works.
    void operatorNew()
    {
#if !defined(REFUGE_LARGE_PAGE_NEW)
        QSKIP("operator new is the default one here (not Linux, or a sanitizer build)");
#else
        if (!QFile::exists(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled")))
            QSKIP("this kernel has no transparent huge pages");
        auto *big = new std::uint64_t[(8 << 20) / sizeof(std::uint64_t)];
        auto *small = new std::uint64_t[1000];
        const LargePages::Range r = LargePages::wholeHugePages(reinterpret_cast<std::uintptr_t>(big), 8 << 20);
        QVERIFY(r.end - r.begin >= 3 * kHugePage);
        QVERIFY(advisedAt(r.begin));
#if defined(REFUGE_MIMALLOC) && !defined(REFUGE_SANITIZED)
        const bool everything = LargePages::mimallocOnHugePages(); // all of mimalloc's memory is advised
#else
        const bool everything = false;
#endif
        if (!everything)
            QVERIFY(!advisedAt(reinterpret_cast<std::uintptr_t>(small)));
        big[0] = 1;
        big[(8 << 20) / sizeof(std::uint64_t) - 1] = 2;
        QCOMPARE(big[0] + big[(8 << 20) / sizeof(std::uint64_t) - 1], std::uint64_t(3));
        delete[] big;
        delete[] small;
        std::vector<double> v(std::size_t(5) << 20, 1.5); // 40 MB through std::allocator
        QCOMPARE(std::accumulate(v.begin(), v.end(), 0.0), 1.5 * double(std::size_t(5) << 20));
        auto *one = new (std::nothrow) std::uint64_t(42);
        QVERIFY(one && *one == 42);
        delete one;
        auto *huge = new (std::nothrow) char[std::size_t(1) << 62]; // far beyond any memory
        QVERIFY(huge == nullptr);
#endif
    }

    // Where the applications use mimalloc (app/CMakeLists.txt; linked into this test
    // too), every malloc in the process is its own: ours, Qt's and GDAL's.
    void mimallocServesTheProcess()
    {
#if !defined(REFUGE_MIMALLOC) || defined(REFUGE_SANITIZED)
        QSKIP("the applications keep the C library's malloc here (no mimalloc, or a sanitizer build)");
#else
        auto *ours = static_cast<char *>(std::malloc(100));
        QVERIFY(ours);
        ours[0] = 1;
        QVERIFY(mi_is_in_heap_region(ours));
        std::free(ours);
        void *gdal = CPLMalloc(100);
        QVERIFY(mi_is_in_heap_region(gdal));
        CPLFree(gdal);
        const QByteArray qt(100000, 'x'); // Qt's own allocation
        QVERIFY(mi_is_in_heap_region(qt.constData()));
        auto *big = new char[std::size_t(64) << 20]; // beyond mimalloc's large objects
        QVERIFY(mi_is_in_heap_region(big));
        delete[] big;
        // Its memory on huge pages, unless the environment says otherwise: every segment
        // mapped after start-up (a 40 MiB block gets a segment of its own), and the one
        // mapped before the option was set, where a small block lives (app/LargePageNew.cpp).
        if (qEnvironmentVariableIsSet("MIMALLOC_LARGE_OS_PAGES"))
            return;
        QVERIFY(LargePages::mimallocOnHugePages());
        QVERIFY(mi_option_is_enabled(mi_option_large_os_pages));
        if (!QFile::exists(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled")))
            return;
        auto *block = static_cast<char *>(std::malloc(std::size_t(40) << 20));
        QVERIFY(block);
        block[0] = 1;
        block[(std::size_t(40) << 20) - 1] = 2;
        QVERIFY(advisedAt(reinterpret_cast<std::uintptr_t>(block) + (std::size_t(20) << 20)));
        QCOMPARE(block[0] + block[(std::size_t(40) << 20) - 1], 3);
        std::free(block);
        auto *small = static_cast<char *>(std::malloc(64));
        QVERIFY(small);
        small[0] = 1;
        QVERIFY(advisedAt(reinterpret_cast<std::uintptr_t>(small)));
        std::free(small);
#endif
    }

private:
    // Whether the mapping holding address a carries the huge-page advice.
    static bool advisedAt(std::uintptr_t a)
    {
        QFile smaps(QStringLiteral("/proc/self/smaps"));
        if (!smaps.open(QIODevice::ReadOnly | QIODevice::Text))
            return false;
        bool inside = false;
        for (const QByteArray &line : smaps.readAll().split('\n')) {
            const int dash = line.indexOf('-'), space = line.indexOf(' ');
            if (dash > 0 && space > dash && line.at(0) != 'V') { // "start-end perms ..." opens a mapping
                bool ok1 = false, ok2 = false;
                const auto start = line.left(dash).toULongLong(&ok1, 16), end = line.mid(dash + 1, space - dash - 1).toULongLong(&ok2, 16);
                if (ok1 && ok2)
                    inside = a >= start && a < end;
            } else if (inside && line.startsWith("VmFlags:")) {
                return line.split(' ').contains("hg");
            }
        }
        return false;
    }
};

QTEST_GUILESS_MAIN(TestLargePages)
#include "tst_largepages.moc"
