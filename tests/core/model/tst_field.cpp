// Field: type names and case-insensitive lookup.
#include "model/Field.h"

#include <QTest>

using namespace refuge;

class TestField : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void typeNames()
    {
        QCOMPARE(fieldTypeName(FieldType::Integer), QStringLiteral("Integer"));
        QCOMPARE(fieldTypeName(FieldType::Real), QStringLiteral("Real"));
        QCOMPARE(fieldTypeName(FieldType::String), QStringLiteral("String"));
        QCOMPARE(fieldTypeName(FieldType::Date), QStringLiteral("Date"));
        QCOMPARE(fieldTypeName(FieldType::DateTime), QStringLiteral("DateTime"));
        QCOMPARE(fieldTypeName(FieldType::Boolean), QStringLiteral("Boolean"));
    }

    void lookup()
    {
        const Fields fields = {{QStringLiteral("Name"), FieldType::String},
                               {QStringLiteral("Capacity"), FieldType::Integer},
                               {QStringLiteral("容量"), FieldType::Real}};
        QCOMPARE(fieldIndex(fields, QStringLiteral("Name")), 0);
        QCOMPARE(fieldIndex(fields, QStringLiteral("capacity")), 1);
        QCOMPARE(fieldIndex(fields, QStringLiteral("CAPACITY")), 1);
        QCOMPARE(fieldIndex(fields, QStringLiteral("容量")), 2);
        QCOMPARE(fieldIndex(fields, QStringLiteral("cap")), -1);
        QCOMPARE(fieldIndex(fields, QString()), -1);
        QCOMPARE(fieldIndex(Fields{}, QStringLiteral("Name")), -1);
    }

    void equality()
    {
        const Field a{QStringLiteral("POP_LAB"), FieldType::Real};
        QVERIFY(a == (Field{QStringLiteral("POP_LAB"), FieldType::Real}));
        QVERIFY(!(a == (Field{QStringLiteral("POP_LAB"), FieldType::Integer})));
        QVERIFY(!(a == (Field{QStringLiteral("pop_lab"), FieldType::Real})));
        QCOMPARE(Field{}.type, FieldType::String);
    }
};

QTEST_GUILESS_MAIN(TestField)
#include "tst_field.moc"
