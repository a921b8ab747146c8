// The graph cache through refuge-cli coverage on the Cambridge sample (issue 12 item 10):
// link lengths zeroed inside a cache file are caught by its checksum — a warning naming
// the file (a note on stdout and in summary.json's warnings), the graph rebuilt, the
// same figures as the first run, exit 0 —
// and the rebuilt file is used by the next run.
#include "GraphCacheLayout.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace refuge::test;

namespace {

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

QStringList coverageArgs(const QString &out, const QString &cacheDir)
{
    const QString g = sourcePath(QStringLiteral("maps/cambridge/cambridge.gpkg"));
    return {QStringLiteral("coverage"), QStringLiteral("--network"), g + QStringLiteral(":streets"), QStringLiteral("--profile"),
            QStringLiteral("walk"), QStringLiteral("--facilities"), g + QStringLiteral(":shelters"), QStringLiteral("--facility-id"),
            QStringLiteral("Name"), QStringLiteral("--capacity-field"), QStringLiteral("Capacity"), QStringLiteral("--demand"),
            g + QStringLiteral(":blocks_2000"), QStringLiteral("--population-field"), QStringLiteral("POP_LAB"), QStringLiteral("--max-meters"),
            QStringLiteral("800"), QStringLiteral("--cache-dir"), cacheDir, QStringLiteral("--out"), out};
}

} // namespace

class TestGraphCacheCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void zeroedLinkLengthsAreDetected()
    {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("cache"));
        const CliResult first = runCli(coverageArgs(dir.filePath(QStringLiteral("first")), cache));
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QJsonObject a = readJson(dir.filePath(QStringLiteral("first/summary.json")));
        const QString cacheFile = a.value(QStringLiteral("network")).toObject().value(QStringLiteral("cache_file")).toString();
        QVERIFY2(QFileInfo(cacheFile).isFile(), qPrintable(cacheFile));
        QVERIFY(!a.value(QStringLiteral("network")).toObject().value(QStringLiteral("from_cache")).toBool());

        // Every street 0 m long in the cache file: before the checksum, every block was "covered".
        QFile f(cacheFile);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        const GraphCacheLayout layout(bytes);
        const qsizetype links = layout.count(9);
        QVERIFY(links > 2000);
        bytes.replace(layout.valuesAt(9), links * 4, QByteArray(int(links * 4), '\0'));
        QVERIFY(f.seek(0) && f.write(bytes) == bytes.size());
        f.close();

        const CliResult second = runCli(coverageArgs(dir.filePath(QStringLiteral("second")), cache));
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        const QString warning = QStringLiteral("%1: graph cache damaged (checksum mismatch); rebuilding it").arg(cacheFile);
        QVERIFY2((second.out + second.err).count(warning) == 1, qPrintable(second.out + second.err));
        const QJsonObject b = readJson(dir.filePath(QStringLiteral("second/summary.json")));
        QVERIFY(!b.value(QStringLiteral("network")).toObject().value(QStringLiteral("from_cache")).toBool());
        QVERIFY2(b.value(QStringLiteral("warnings")).toArray().contains(warning), qPrintable(second.out));
        for (const char *key : {"total_population", "covered_population", "covered_share", "assigned_population"})
            QVERIFY2(b.value(QLatin1String(key)) == a.value(QLatin1String(key)), key);
        QVERIFY(a.value(QStringLiteral("covered_share")).toDouble() > 0.3 && a.value(QStringLiteral("covered_share")).toDouble() < 0.9);

        // The rebuilt file is good: the third run reads it, without a warning, same figures.
        const CliResult third = runCli(coverageArgs(dir.filePath(QStringLiteral("third")), cache));
        QVERIFY2(third.exitCode == 0 && !(third.out + third.err).contains(QLatin1String("graph cache")), qPrintable(third.out + third.err));
        const QJsonObject c = readJson(dir.filePath(QStringLiteral("third/summary.json")));
        QVERIFY(c.value(QStringLiteral("network")).toObject().value(QStringLiteral("from_cache")).toBool());
        QCOMPARE(c.value(QStringLiteral("covered_population")), a.value(QStringLiteral("covered_population")));
    }
};

QTEST_GUILESS_MAIN(TestGraphCacheCli)
#include "tst_graphcache_cli.moc"
