// Error hierarchy: messages (UTF-8 kept), what(), subclass relations, Canceled is not an Error.
#include "util/Error.h"

#include <QTest>

using namespace refuge;

class TestError : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void messageAndWhat()
    {
        const QString msg = QStringLiteral("人民广场.shp: no .dbf file");
        const IoError e(msg);
        QCOMPARE(e.message(), msg);
        QCOMPARE(QString::fromUtf8(e.what()), msg);
    }

    void hierarchy()
    {
        auto catchAsError = [](auto thrower) -> QString {
            try {
                thrower();
            } catch (const Error &e) {
                return e.message();
            }
            return {};
        };
        QCOMPARE(catchAsError([] { throw IoError(QStringLiteral("io")); }), QStringLiteral("io"));
        QCOMPARE(catchAsError([] { throw CrsError(QStringLiteral("crs")); }), QStringLiteral("crs"));
        QCOMPARE(catchAsError([] { throw GeometryError(QStringLiteral("geom")); }), QStringLiteral("geom"));
        QCOMPARE(catchAsError([] { throw InvalidInput(QStringLiteral("input")); }), QStringLiteral("input"));
        bool asRuntime = false;
        try {
            throw CrsError(QStringLiteral("x"));
        } catch (const std::runtime_error &e) {
            asRuntime = std::string(e.what()) == "x";
        }
        QVERIFY(asRuntime);
    }

    void canceledIsNotAnError()
    {
        QVERIFY(!(std::is_base_of_v<Error, Canceled>));
        QVERIFY((std::is_base_of_v<std::exception, Canceled>));
        QCOMPARE(QByteArray(Canceled().what()), QByteArray("canceled"));
        int caughtBy = 0;
        try {
            try {
                throw Canceled();
            } catch (const Error &) {
                caughtBy = 1;
            }
        } catch (const Canceled &) {
            caughtBy = 2;
        }
        QCOMPARE(caughtBy, 2);
    }

    void fileMessageFormat()
    {
        QCOMPARE(fileMessage(QStringLiteral("a/b.gpkg"), QStringLiteral("no layer 'x'")), QStringLiteral("a/b.gpkg: no layer 'x'"));
    }
};

QTEST_GUILESS_MAIN(TestError)
#include "tst_error.moc"
