// OutputGuard (an output may never be an input of the same run, under any name) and
// OutputFile (a temporary in the target folder, renamed over the final path).
#include "io/OutputFile.h"
#include "io/OutputGuard.h"
#include "util/Error.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <filesystem>

using namespace refuge;

namespace {

void touch(const QString &path, const QByteArray &bytes = "x")
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// The message of the InvalidInput checkFile() throws; empty when it accepts.
QString refusal(const OutputGuard &guard, const QString &output)
{
    try {
        guard.checkFile(output);
    } catch (const InvalidInput &e) {
        return e.message();
    }
    return {};
}

} // namespace

class TestOutputGuard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        for (const char *f : {"data/city.gpkg", "data/roads.shp", "data/roads.dbf", "data/roads.shx", "data/p.refuge"})
            touch(path(QLatin1String(f)));
    }

    void refusesTheSameFileUnderAnyName_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("words");
        QTest::newRow("same path") << "data/city.gpkg" << "is an input of this run";
        QTest::newRow("dots in the path") << "data/../data/./city.gpkg" << "input of this run";
        QTest::newRow("geopackage -wal") << "data/city.gpkg-wal" << "would write over";
        QTest::newRow("geopackage -journal") << "data/city.gpkg-journal" << "would write over";
        QTest::newRow("shapefile .dbf") << "data/roads.dbf" << "would write over";
        QTest::newRow("shapefile .prj (not there yet)") << "data/roads.prj" << "would write over";
        QTest::newRow("the project") << "data/p.refuge" << "is an input of this run";
    }
    void refusesTheSameFileUnderAnyName()
    {
        QFETCH(QString, output);
        QFETCH(QString, words);
        OutputGuard guard;
        guard.addInput(DataSource{path(QStringLiteral("data/city.gpkg")), QStringLiteral("roads")});
        guard.addInput(path(QStringLiteral("data/roads.shp")));
        guard.addInput(path(QStringLiteral("data/p.refuge")));
        guard.addInput(QStringLiteral("PG:dbname=x password=y")); // not a file: never compared
        const QString message = refusal(guard, path(output));
        QVERIFY2(message.startsWith(path(output) + QStringLiteral(": ")), qPrintable(message));
        QVERIFY2(message.contains(words), qPrintable(message));
    }

    void acceptsOtherFiles()
    {
        OutputGuard guard;
        guard.addInput(path(QStringLiteral("data/city.gpkg")) + QStringLiteral("|layername=roads"));
        guard.addInput(path(QStringLiteral("data/roads.shp")));
        guard.addInput(QStringLiteral("PG:dbname=x"));
        for (const char *ok : {"data/roads.csv", "data/city2.gpkg", "out/city.gpkg", "data/new/deeper/city.gpkg"})
            QCOMPARE(refusal(guard, path(QLatin1String(ok))), QString());
        guard.checkFolder(path(QStringLiteral("out")), {QStringLiteral("coverage.gpkg"), QStringLiteral("summary.json")});
    }

    void linksAreTheSameFile()
    {
        OutputGuard guard;
        guard.addInput(path(QStringLiteral("data/city.gpkg")));
#ifdef Q_OS_UNIX
        QVERIFY(QFile::link(path(QStringLiteral("data/city.gpkg")), path(QStringLiteral("soft.gpkg"))));
        QVERIFY(refusal(guard, path(QStringLiteral("soft.gpkg"))).contains(QStringLiteral("would write over")));
#endif
        std::error_code ec;
        std::filesystem::create_hard_link(QFile::encodeName(path(QStringLiteral("data/city.gpkg"))).toStdString(),
                                          QFile::encodeName(path(QStringLiteral("hard.gpkg"))).toStdString(), ec);
        if (ec)
            QSKIP("no hard links on this file system");
        QVERIFY(refusal(guard, path(QStringLiteral("hard.gpkg"))).contains(QStringLiteral("would write over")));
    }

    void foldersAreChecked()
    {
        OutputGuard guard;
        guard.addInput(path(QStringLiteral("data/city.gpkg")));
        auto folderRefusal = [&](const QString &dir, const QStringList &names) {
            try {
                guard.checkFolder(dir, names);
            } catch (const InvalidInput &e) {
                return e.message();
            }
            return QString();
        };
        // the out folder is the input file
        QVERIFY(folderRefusal(path(QStringLiteral("data/city.gpkg")), {}).contains(QStringLiteral("is a file, not an output folder")));
        // an output of the folder is the input, by name or as the temporary written first
        QVERIFY(folderRefusal(path(QStringLiteral("data")), {QStringLiteral("city.gpkg")}).startsWith(path(QStringLiteral("data/city.gpkg"))));
        touch(path(QStringLiteral("tmp/.coverage.tmp.gpkg")));
        guard.addInput(path(QStringLiteral("tmp/.coverage.tmp.gpkg")));
        QVERIFY(!folderRefusal(path(QStringLiteral("tmp")), {QStringLiteral("coverage.gpkg")}).isEmpty());
        // an output file that is a folder
        QVERIFY(refusal(guard, path(QStringLiteral("data"))).contains(QStringLiteral("is a folder")));
    }

    // commit() replaces the final file in one step; without it the temporary goes.
    void outputFileCommitsOrLeavesNothing()
    {
        const QString target = path(QStringLiteral("out/map.png"));
        touch(target, "old");
        {
            OutputFile out(target);
            QCOMPARE(out.tempPath(), path(QStringLiteral("out/.map.tmp.png")));
            touch(out.tempPath(), "new");
            touch(out.tempPath() + QStringLiteral("-journal"));
        } // not committed
        QCOMPARE(QDir(path(QStringLiteral("out"))).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("map.png")});
        QFile old(target);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("old"));
        old.close();
        {
            OutputFile out(target);
            touch(out.tempPath(), "new");
            out.commit();
        }
        QFile replaced(target);
        QVERIFY(replaced.open(QIODevice::ReadOnly));
        QCOMPARE(replaced.readAll(), QByteArray("new"));
        QCOMPARE(QDir(path(QStringLiteral("out"))).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("map.png")});
        // nothing written: commit() refuses and the old file stays
        OutputFile empty(target);
        QVERIFY_THROWS_EXCEPTION(IoError, empty.commit());
        QVERIFY(QFile::exists(target));
    }

private:
    QString path(const QString &rel) const { return m_dir->filePath(rel); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestOutputGuard)
#include "tst_outputguard.moc"
