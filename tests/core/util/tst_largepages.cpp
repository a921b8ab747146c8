// LargePages: the huge-page range arithmetic, and advised memory behaving as memory.
#include "util/LargePages.h"

#include <QFile>
#include <QTest>
#include <cstdlib>
#include <numeric>
#include <vector>

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
        std::iota(p, p + n, 7u);
        QCOMPARE(std::accumulate(p, p + n, std::uint64_t(0)), std::uint64_t(n) * (n - 1) / 2 + 7 * std::uint64_t(n));
        std::free(p);
    }
};

QTEST_GUILESS_MAIN(TestLargePages)
#include "tst_largepages.moc"
