// NumberText: a table of field values as people write them -> the number read and how
// (plain, reformatted, unusable, missing), per kind of field (the units it accepts).
#include "util/NumberText.h"

#include <QTest>
#include <cmath>

using namespace refuge;
using Status = NumberRead::Status;

Q_DECLARE_METATYPE(NumberKind)
Q_DECLARE_METATYPE(NumberRead::Status)

class TstNumberText : public QObject {
    Q_OBJECT
private slots:
    void text_data();
    void text();
    void variants();
};

void TstNumberText::text_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<NumberKind>("kind");
    QTest::addColumn<Status>("status");
    QTest::addColumn<double>("value");
    const auto count = NumberKind::Count, area = NumberKind::AreaM2, secs = NumberKind::Seconds;
    auto row = [](const char *name, const QString &in, NumberKind k, Status s, double v) { QTest::newRow(name) << in << k << s << v; };

    // Plain numbers: read as they are.
    row("integer", "14495", count, Status::Plain, 14495);
    row("decimal", "12.5", area, Status::Plain, 12.5);
    row("padded", "  300 ", count, Status::Plain, 300);
    row("negative", "-5", count, Status::Plain, -5);
    row("exponent", "1e3", count, Status::Plain, 1000);
    // Written as people write them: reformatted.
    row("thousands comma", "14,495", count, Status::Reformatted, 14495);
    row("millions comma", "1,234,567", count, Status::Reformatted, 1234567);
    row("comma and decimals", "1,234.5", area, Status::Reformatted, 1234.5);
    row("thousands space", "1 234", count, Status::Reformatted, 1234);
    row("thousands no-break space", QStringLiteral("12\u00a0345"), count, Status::Reformatted, 12345);
    row("thousands thin space", QStringLiteral("12\u202f345"), count, Status::Reformatted, 12345);
    row("thousands apostrophe", "12'345", count, Status::Reformatted, 12345);
    row("full-width digits", QStringLiteral("１２３"), count, Status::Reformatted, 123);
    row("full-width comma", QStringLiteral("１４，４９５"), count, Status::Reformatted, 14495);
    row("full-width minus", QStringLiteral("－５"), count, Status::Reformatted, -5);
    row("unit m² spaced", QStringLiteral("300 m²"), area, Status::Reformatted, 300);
    row("unit m2", "300m2", area, Status::Reformatted, 300);
    row("unit ㎡", QStringLiteral("2,500㎡"), area, Status::Reformatted, 2500);
    row("unit 平方米", QStringLiteral("1200平方米"), area, Status::Reformatted, 1200);
    row("unit sqm", "450 sqm", area, Status::Reformatted, 450);
    row("about 约", QStringLiteral("约300"), count, Status::Reformatted, 300);
    row("about ~", "~300", count, Status::Reformatted, 300);
    row("persons 人", QStringLiteral("500人"), count, Status::Reformatted, 500);
    row("ten thousand 万", QStringLiteral("1.2万"), count, Status::Reformatted, 12000);
    row("ten thousand persons", QStringLiteral("约3万人"), count, Status::Reformatted, 30000);
    row("seconds", "90 s", secs, Status::Reformatted, 90);
    row("seconds 秒", QStringLiteral("60秒"), secs, Status::Reformatted, 60);
    // Unusable: never a number by accident.
    row("words", "big", count, Status::Unusable, 0);
    row("unknown", "unknown", area, Status::Unusable, 0);
    row("decimal comma", "1,5", area, Status::Unusable, 0);
    row("bad grouping", "1,2345", count, Status::Unusable, 0);
    row("mixed separators", "1,234 567", count, Status::Unusable, 0);
    row("area unit on a count", "300 m2", count, Status::Unusable, 0);
    row("hectares", "3 ha", area, Status::Unusable, 0);
    row("minutes as seconds", "2 min", secs, Status::Unusable, 0);
    row("nan", "nan", count, Status::Unusable, 0);
    row("infinity", "inf", count, Status::Unusable, 0);
    row("huge", "1e400", count, Status::Unusable, 0);
    row("two numbers", "300-400", count, Status::Unusable, 0);
    // Missing.
    row("empty", "", count, Status::Missing, 0);
    row("blank", "   ", count, Status::Missing, 0);
}

void TstNumberText::text()
{
    QFETCH(QString, input);
    QFETCH(NumberKind, kind);
    QFETCH(Status, status);
    QFETCH(double, value);
    const NumberRead r = readNumberText(input, kind);
    QCOMPARE(int(r.status), int(status));
    if (r.usable())
        QCOMPARE(r.value, value);
    QCOMPARE(r.usable(), status == Status::Plain || status == Status::Reformatted);
}

void TstNumberText::variants()
{
    QCOMPARE(int(readNumber(QVariant(), NumberKind::Count).status), int(Status::Missing));
    const NumberRead i = readNumber(QVariant::fromValue<qint64>(14495), NumberKind::Count);
    QCOMPARE(int(i.status), int(Status::Plain));
    QCOMPARE(i.value, 14495.0);
    QCOMPARE(int(readNumber(QVariant(std::nan("")), NumberKind::Count).status), int(Status::Unusable));
    QCOMPARE(int(readNumber(QVariant(HUGE_VAL), NumberKind::Count).status), int(Status::Unusable));
    const NumberRead t = readNumber(QVariant(QStringLiteral("14,495")), NumberKind::Count);
    QCOMPARE(int(t.status), int(Status::Reformatted));
    QCOMPARE(t.value, 14495.0);
    QCOMPARE(int(readNumber(QVariant(QByteArray("1 234")), NumberKind::Count).status), int(Status::Reformatted));
}

QTEST_GUILESS_MAIN(TstNumberText)
#include "tst_numbertext.moc"
