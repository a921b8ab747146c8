// MessageText: core's English messages in Chinese at display time — every pattern of
// the shipped table compiles and each template uses only the captures it has; known
// messages (as core writes them: Demand, CoverageAnalysis, NetworkInputs, the atlas)
// come out with no English word left and their numbers, ids and file kept; a "FILE: "
// prefix stays while the message after it is translated; an embedded message is
// translated inside its frame; English and unknown messages are left as they are.
#include "TestSupport.h"
#include "util/MessageText.h"
#include "util/Resources.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace refuge;

namespace {

// Latin words left in a translation (ids, fids, file names and units aside).
QStringList englishWords(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{3,}"));
    static const QStringList allowed{QStringLiteral("fid"), QStringLiteral("gpkg"), QStringLiteral("csv"), QStringLiteral("OSM"), QStringLiteral("GDAL")};
    QStringList out;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QString w = it.next().captured(0);
        if (!allowed.contains(w, Qt::CaseInsensitive))
            out << w;
    }
    return out;
}

} // namespace

class TestMessageText : public QObject {
    Q_OBJECT
private slots:
    void tableIsWellFormed()
    {
        QFile f(resourcePath(QStringLiteral("messages/zh_CN.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray messages = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("messages")).toArray();
        QVERIFY(messages.size() >= 30);
        static const QRegularExpression placeholder(QStringLiteral("%(\\d)"));
        for (const QJsonValue &v : messages) {
            const QString en = v.toObject().value(QStringLiteral("en")).toString(), zh = v.toObject().value(QStringLiteral("zh")).toString();
            const QRegularExpression re(en);
            QVERIFY2(re.isValid(), qPrintable(en + QStringLiteral(": ") + re.errorString()));
            QVERIFY2(!zh.isEmpty(), qPrintable(en));
            for (auto it = placeholder.globalMatch(zh); it.hasNext();)
                QVERIFY2(it.next().captured(1).toInt() <= re.captureCount(), qPrintable(en + QStringLiteral(" → ") + zh));
        }
    }

    void knownMessages_data()
    {
        QTest::addColumn<QString>("english");
        QTest::addColumn<QStringList>("kept");
        QTest::newRow("zero population") << QStringLiteral("203 features with zero population") << QStringList{QStringLiteral("203")};
        QTest::newRow("null population") << QStringLiteral("4 features with a null population left out") << QStringList{QStringLiteral("4")};
        QTest::newRow("null capacity") << QStringLiteral("2 shelters with a null capacity value") << QStringList{QStringLiteral("2")};
        QTest::newRow("unsnapped demand") << QStringLiteral("17 demand units could not be placed on the network (not covered)")
                                          << QStringList{QStringLiteral("17")};
        QTest::newRow("outside areas") << QStringLiteral("12 demand units outside every area") << QStringList{QStringLiteral("12")};
        QTest::newRow("unsnapped facility, with its file")
            << QStringLiteral("/data/shelters.gpkg: facility S7 is farther than 300 m from any street (unsnapped)")
            << QStringList{QStringLiteral("/data/shelters.gpkg"), QStringLiteral("S7"), QStringLiteral("300")};
        QTest::newRow("sites on no page") << QStringLiteral("atlas: 1 hazardous sites lie on no page's area and are printed nowhere: 'Far'")
                                          << QStringList{QStringLiteral("1"), QStringLiteral("'Far'")};
    }
    void knownMessages()
    {
        QFETCH(QString, english);
        QFETCH(QStringList, kept);
        const QString zh = MessageText::translate(english, QStringLiteral("zh_CN"));
        QVERIFY2(zh != english, qPrintable(english));
        QString rest = zh;
        for (const QString &k : kept) {
            QVERIFY2(zh.contains(k), qPrintable(k + QStringLiteral(" not in ") + zh));
            rest.remove(k);
        }
        QVERIFY2(englishWords(rest).isEmpty(), qPrintable(zh));
        QCOMPARE(MessageText::translate(english, QStringLiteral("zh")), zh);
        QCOMPARE(MessageText::translate(english, QStringLiteral("en")), english);
    }

    void unknownStaysAsWritten()
    {
        const QString odd = QStringLiteral("/x/y.gpkg: something no table knows");
        QCOMPARE(MessageText::translate(odd, QStringLiteral("zh_CN")), odd);
        QCOMPARE(MessageText::translate(QString(), QStringLiteral("zh_CN")), QString());
        const QStringList both{QStringLiteral("203 features with zero population"), odd};
        const QStringList zh = MessageText::translate(both, QStringLiteral("zh_CN"));
        QCOMPARE(zh.size(), 2);
        QCOMPARE(zh[1], odd);
        QCOMPARE(zh[0], MessageText::translate(both[0], QStringLiteral("zh_CN")));
    }

    void defaultLegendLabels()
    {
        for (const char *label : {"Major road", "Secondary road", "Minor road"}) {
            const QString zh = MessageText::translate(QString::fromLatin1(label), QStringLiteral("zh_CN"));
            QVERIFY2(englishWords(zh).isEmpty(), qPrintable(zh));
        }
    }
};

QTEST_GUILESS_MAIN(TestMessageText)
#include "tst_messagetext.moc"
