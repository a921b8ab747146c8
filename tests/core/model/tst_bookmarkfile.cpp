// Bookmarks in the project file: read in file order, stored and read back equal, and
// every malformed entry refused with one line naming the file and the bookmark.
#include "model/Bookmarks.h"
#include "model/Project.h"
#include "util/Error.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace refuge;

namespace {

const char *kHead = R"({"format": "refuge-project", "version": 1, "crs": "EPSG:26986", "title": "b", "layers": [], "bookmarks": )";

} // namespace

class TestBookmarkFile : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;

    Project projectWith(const QByteArray &bookmarks)
    {
        const QString path = m_tmp.filePath(QStringLiteral("p.refuge"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(QByteArray(kHead) + bookmarks + "}");
        f.close();
        return Project::load(path);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void readInOrder()
    {
        const Project p = projectWith(R"([{"name": "Zeta", "crs": "EPSG:26986", "extent": [1, 2, 3, 4]},
                                          {"name": "Alpha", "crs": "EPSG:4326", "extent": [-71.1, 42.3, -71.0, 42.4]}])");
        const std::vector<Bookmark> b = Bookmarks::read(p);
        QCOMPARE(int(b.size()), 2);
        QCOMPARE(b[0].name, QStringLiteral("Zeta"));
        QCOMPARE(b[0].extent, QRectF(QPointF(1, 2), QPointF(3, 4)));
        QCOMPARE(b[1].name, QStringLiteral("Alpha"));
        QCOMPARE(b[1].crs, QStringLiteral("EPSG:4326"));
        QCOMPARE(b[1].extent.left(), -71.1);
        QCOMPARE(b[1].extent.bottom(), 42.4);
    }

    void storeSaveReadBack()
    {
        Project p = projectWith("[]");
        QVERIFY(Bookmarks::read(p).empty());
        const std::vector<Bookmark> list{{QStringLiteral("城隍庙"), QStringLiteral("EPSG:4490"), QRectF(QPointF(121.49, 31.22), QPointF(121.50, 31.23))},
                                         {QStringLiteral("Central Square"), QStringLiteral("EPSG:26986"), QRectF(QPointF(232000.5, 901000.25), QPointF(233000, 901700))}};
        Bookmarks::store(p, list);
        const QString out = m_tmp.filePath(QStringLiteral("saved.refuge"));
        p.save(out);
        QCOMPARE(Bookmarks::read(Project::load(out)), list);
        Bookmarks::store(p, {});
        p.save(out);
        QVERIFY(!Project::load(out).toJson().contains(QStringLiteral("bookmarks")));
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not a list") << QByteArray(R"({"name": "a"})") << QStringLiteral("bookmarks must be a list");
        QTest::newRow("not an object") << QByteArray(R"([3])") << QStringLiteral("bookmark 1 is not an object");
        QTest::newRow("no name") << QByteArray(R"([{"crs": "EPSG:26986", "extent": [1, 2, 3, 4]}])") << QStringLiteral("bookmark 1 has no \"name\"");
        QTest::newRow("three numbers") << QByteArray(R"([{"name": "a", "crs": "EPSG:26986", "extent": [1, 2, 3]}])")
                                       << QStringLiteral("bookmark 1 'a': the extent must be");
        QTest::newRow("text in extent") << QByteArray(R"([{"name": "a", "crs": "EPSG:26986", "extent": [1, 2, "3", 4]}])")
                                        << QStringLiteral("bookmark 1 'a': the extent must be");
        QTest::newRow("min above max") << QByteArray(R"([{"name": "a", "crs": "EPSG:26986", "extent": [5, 2, 3, 4]}])")
                                       << QStringLiteral("with xmin < xmax");
        QTest::newRow("same name") << QByteArray(R"([{"name": "a", "crs": "EPSG:26986", "extent": [1, 2, 3, 4]},
                                                    {"name": "a", "crs": "EPSG:26986", "extent": [1, 2, 3, 4]}])")
                                   << QStringLiteral("bookmark 2 'a': two bookmarks have this name");
        QTest::newRow("unknown crs") << QByteArray(R"([{"name": "a", "crs": "EPSG:999999", "extent": [1, 2, 3, 4]}])")
                                     << QStringLiteral("bookmark 1 'a': crs:");
    }

    void refused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const Project p = projectWith(json);
        try {
            Bookmarks::read(p);
            QFAIL("accepted");
        } catch (const InvalidInput &e) {
            QVERIFY2(e.message().contains(expected), qPrintable(e.message()));
            QVERIFY2(e.message().startsWith(p.filePath() + QStringLiteral(": bookmarks")), qPrintable(e.message()));
            QVERIFY(!e.message().contains(QLatin1Char('\n')));
        }
    }
};

QTEST_GUILESS_MAIN(TestBookmarkFile)
#include "tst_bookmarkfile.moc"
