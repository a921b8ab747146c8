// DataSource::parse: "PATH[:LAYER]", "|layername=", Windows drive letters, PG: strings.
#include "model/DataSource.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace refuge;

class TestDataSource : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const char *name : {"roads.gpkg", "odd:name.geojson", "人民广场.gpkg"}) {
            QFile f(path(QString::fromUtf8(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("x");
        }
    }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("layer");
        QTest::newRow("plain file") << path("roads.gpkg") << path("roads.gpkg") << "";
        QTest::newRow("file:layer") << path("roads.gpkg") + ":streets" << path("roads.gpkg") << "streets";
        QTest::newRow("chinese file:layer") << path("人民广场.gpkg") + ":避难场所" << path("人民广场.gpkg") << "避难场所";
        // the part before the colon does not exist: no split, the loader reports the missing file
        QTest::newRow("missing file:layer") << path("missing.gpkg") + ":streets" << path("missing.gpkg") + ":streets" << "";
        // a file whose name contains a colon is not split
        QTest::newRow("colon in file name") << path("odd:name.geojson") << path("odd:name.geojson") << "";
        QTest::newRow("relative") << "data/roads.gpkg" << "data/roads.gpkg" << "";
        QTest::newRow("windows drive") << "C:\\data\\a.shp" << "C:\\data\\a.shp" << "";
        QTest::newRow("windows drive slashes") << "D:/gis/roads.gpkg" << "D:/gis/roads.gpkg" << "";
        QTest::newRow("drive only") << "C:" << "C:" << "";
        QTest::newRow("layername") << "a.gpkg|layername=streets" << "a.gpkg" << "streets";
        QTest::newRow("windows layername") << "C:\\data\\a.gpkg|layername=b" << "C:\\data\\a.gpkg" << "b";
        QTest::newRow("PG plain") << "PG:dbname=refuge host=localhost port=5432" << "PG:dbname=refuge host=localhost port=5432" << "";
        QTest::newRow("PG with layer") << "PG:dbname=x host=y|layername=public.roads" << "PG:dbname=x host=y" << "public.roads";
        QTest::newRow("pg lower case") << "pg:dbname=x" << "pg:dbname=x" << "";
        QTest::newRow("postgresql URI") << "postgresql://u:pw@localhost:5432/db" << "postgresql://u:pw@localhost:5432/db" << "";
        QTest::newRow("empty") << "" << "" << "";
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QString, path);
        QFETCH(QString, layer);
        const DataSource src = DataSource::parse(text);
        QCOMPARE(src.path, path);
        QCOMPARE(src.layer, layer);
    }

    void toStringRoundTrip_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("layer");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("display");
        QTest::newRow("file") << path("roads.gpkg") << "" << path("roads.gpkg") << path("roads.gpkg");
        QTest::newRow("file + layer") << path("roads.gpkg") << "streets" << path("roads.gpkg") + ":streets" << path("roads.gpkg") + ":streets";
        QTest::newRow("PG") << "PG:dbname=x" << "" << "PG:dbname=x" << "PostGIS";
        QTest::newRow("PG + layer") << "PG:dbname=x" << "public.roads" << "PG:dbname=x|layername=public.roads" << "PostGIS:public.roads";
    }

    void toStringRoundTrip()
    {
        QFETCH(QString, path);
        QFETCH(QString, layer);
        QFETCH(QString, text);
        QFETCH(QString, display);
        const DataSource src{path, layer};
        QCOMPARE(src.toString(), text);
        QCOMPARE(src.displayName(), display);
        const DataSource back = DataSource::parse(text);
        QCOMPARE(back.path, path);
        QCOMPARE(back.layer, layer);
    }

    void connectionStrings()
    {
        QVERIFY(isConnectionString(QStringLiteral("PG:dbname=x")));
        QVERIFY(isConnectionString(QStringLiteral("pg:host=y")));
        QVERIFY(isConnectionString(QStringLiteral("postgresql://localhost/db")));
        QVERIFY(!isConnectionString(QStringLiteral("/data/PG:x.gpkg")));
        QVERIFY(!isConnectionString(QStringLiteral("C:\\PG\\a.shp")));
        QVERIFY(!isConnectionString(QString()));
    }

    // Passwords go only to the connection: redacted for outputs, stripped for project files.
    void passwords_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("redacted");
        QTest::addColumn<QString>("stripped");
        QTest::newRow("keyword") << "PG:host=h dbname=d user=u password=s3cret port=5"
                                 << "PG:host=h dbname=d user=u password=*** port=5" << "PG:host=h dbname=d user=u port=5";
        QTest::newRow("keyword first") << "PG:password=s3cret dbname=d" << "PG:password=*** dbname=d" << "PG:dbname=d";
        QTest::newRow("keyword last, spaces") << "PG:dbname=d PASSWORD = s3cret" << "PG:dbname=d password=***" << "PG:dbname=d";
        QTest::newRow("quoted with space and quote") << R"(PG:dbname=d password='s3 c\'ret' user=u)"
                                                     << "PG:dbname=d password=*** user=u" << "PG:dbname=d user=u";
        QTest::newRow("uri user:password") << "postgresql://u:s3cret@h:5432/d" << "postgresql://u:***@h:5432/d"
                                           << "postgresql://u@h:5432/d";
        QTest::newRow("uri parameter") << "postgresql://u@h/d?password=s3cret&sslmode=disable"
                                       << "postgresql://u@h/d?password=***&sslmode=disable" << "postgresql://u@h/d?sslmode=disable";
        QTest::newRow("ssl key passphrase too") << "PG:dbname=d sslpassword=s3cret password=s3cret"
                                                << "PG:dbname=d sslpassword=*** password=***" << "PG:dbname=d";
        QTest::newRow("no password") << "PG:dbname=d user=u" << "PG:dbname=d user=u" << "PG:dbname=d user=u";
        QTest::newRow("file named like a keyword") << "/data/password=x.gpkg" << "/data/password=x.gpkg" << "/data/password=x.gpkg";
    }
    void passwords()
    {
        QFETCH(QString, source);
        QFETCH(QString, redacted);
        QFETCH(QString, stripped);
        QCOMPARE(redactedSource(source), redacted);
        QCOMPARE(withoutPassword(source), stripped);
        QCOMPARE(hasPassword(source), stripped != source);
        QCOMPARE(DataSource({source, QStringLiteral("public.roads")}).redacted(),
                 isConnectionString(source) ? redacted + QStringLiteral("|layername=public.roads") : redacted + QStringLiteral(":public.roads"));
        // withPassword puts one back (replacing any); the stripped form is what it started from.
        if (isConnectionString(source)) {
            const QString with = withPassword(source, QStringLiteral("n3w 'pw'"));
            QVERIFY2(hasPassword(with), qPrintable(with));
            QCOMPARE(withoutPassword(with), stripped);
            QVERIFY(!with.contains(QLatin1String("s3cret")));
            QVERIFY(!redactedSource(with).contains(QLatin1String("n3w")));
        }
    }
};

QTEST_GUILESS_MAIN(TestDataSource)
#include "tst_datasource.moc"
