// StandardsProfile: the shipped profiles carry source, clause and status for every
// value; unverified values are labelled; overrides are marked and checks cite clauses.
#include "standards/StandardsProfile.h"
#include "util/Error.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace refuge;

class TestStandards : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shipped_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("shanghai") << QStringLiteral("shanghai");
        QTest::newRow("china-national") << QStringLiteral("china-national");
        QTest::newRow("nfpa1710") << QStringLiteral("nfpa1710");
    }
    void shipped()
    {
        QFETCH(QString, id);
        const StandardsProfile p = StandardsProfile::load(id);
        QCOMPARE(p.id(), id);
        QVERIFY(p.keys().size() >= 10);
        for (const StandardValue &v : p.values()) {
            QVERIFY2(!v.source.isEmpty() && !v.clause.isEmpty(), qPrintable(v.key));
            QVERIFY2(QStringList({"V", "S", "U"}).contains(v.status), qPrintable(v.key));
            QCOMPARE(v.isUnverified(), v.status == QLatin1String("U"));
            if (v.isUnverified())
                QCOMPARE(v.statusLabel(), QStringLiteral("unverified"));
            QVERIFY(!v.label.isEmpty() && !v.labelZh.isEmpty());
        }
        QVERIFY(StandardsProfile::available().contains(id));
    }
    void shanghaiValues()
    {
        const StandardsProfile p = StandardsProfile::load(QStringLiteral("shanghai"));
        QCOMPARE(p.number(QStringLiteral("shelter.district_supply_m2_per_resident")), 1.5);
        QCOMPARE(p.value(QStringLiteral("shelter.district_supply_m2_per_resident")).status, QStringLiteral("V"));
        QCOMPARE(p.number(QStringLiteral("shelter.walk_emergency_m")), 500.0);
        QCOMPARE(p.number(QStringLiteral("shelter.walk_fixed_m")), 1000.0);
        QCOMPARE(p.number(QStringLiteral("fire.response_s")), 300.0);
        QCOMPARE(p.number(QStringLiteral("fire.response_suburban_s")), 600.0);
        QCOMPARE(p.number(QStringLiteral("fire.district_km2.grade1")), 7.0);
        QCOMPARE(p.number(QStringLiteral("fire.district_km2.grade2")), 4.0);
        QCOMPARE(p.number(QStringLiteral("fire.district_km2.small")), 2.0);
        QCOMPARE(p.number(QStringLiteral("fire.district_km2.suburban")), 15.0);
        QVERIFY(p.value(QStringLiteral("fire.district_km2.grade1")).citation().contains(QStringLiteral("建标152")));
    }
    void nfpa()
    {
        const StandardsProfile p = StandardsProfile::load(QStringLiteral("nfpa1710"));
        QCOMPARE(p.number(QStringLiteral("fire.turnout_s")), 80.0);
        QCOMPARE(p.number(QStringLiteral("fire.turnout_ems_s")), 60.0);
        QCOMPARE(p.number(QStringLiteral("fire.travel_s")), 240.0);
        QCOMPARE(p.value(QStringLiteral("fire.travel_s")).status, QStringLiteral("V"));
    }
    // Every citation reads in Chinese: a source or clause with English words has its
    // _zh wording (acronyms, codes and numbers stay), and results' citations map to it.
    void citationsInChinese_data() { shipped_data(); }
    void citationsInChinese()
    {
        QFETCH(QString, id);
        static const QRegularExpression english(QStringLiteral("\\b(?!(?:FEMA|FNSS|NFPA|MUTCD|TCRP|NCHRP|FDMA|GB|DB|JGJ|US|min)\\b)[A-Za-z]{3,}\\b"));
        const StandardsProfile profile = StandardsProfile::load(id);
        for (const StandardValue &v : profile.values()) {
            const QString zh = v.citationZh();
            QVERIFY2(!english.match(zh).hasMatch(), qPrintable(v.key + QStringLiteral(": ") + zh));
            QCOMPARE(StandardsProfile::citationIn(v.citation(), QStringLiteral("zh")), zh);
            QCOMPARE(StandardsProfile::citationIn(v.citation(), QStringLiteral("en")), v.citation());
        }
        const CheckResult r = StandardsProfile::load(QStringLiteral("shanghai")).check(QStringLiteral("fire.response_s"), 280);
        QCOMPARE(r.citation, QStringLiteral("Shanghai target (press reports); GB 51080-2015 §4.1.3(1) 5 min urban"));
        QCOMPARE(r.citationZh, QStringLiteral("上海市目标（媒体报道）；GB 51080-2015 §4.1.3(1) 城区 5 分钟"));
        QCOMPARE(r.toJson().value(QStringLiteral("clause_zh")).toString(), r.citationZh);
        QCOMPARE(StandardsProfile::citationIn(QStringLiteral("a citation no profile has"), QStringLiteral("zh")), QStringLiteral("a citation no profile has"));
    }
    void checksCiteClause()
    {
        const StandardsProfile p = StandardsProfile::load(QStringLiteral("shanghai"));
        const CheckResult below = p.check(QStringLiteral("shelter.district_supply_m2_per_resident"), 1.2);
        QVERIFY(!below.pass);
        QVERIFY(below.citation.contains(QStringLiteral("沪府办发〔2021〕18号")));
        QVERIFY(p.check(QStringLiteral("shelter.district_supply_m2_per_resident"), 1.6).pass);
        QVERIFY(!p.check(QStringLiteral("shelter.district_supply_m2_per_resident"), 1.5).pass); // "> 1.5"
        QVERIFY(p.check(QStringLiteral("fire.district_km2.grade1"), 7.0).pass);
        QVERIFY(!p.check(QStringLiteral("fire.district_km2.grade1"), 7.01).pass);
    }
    void overrides()
    {
        StandardsProfile p = StandardsProfile::fromAnalysisSettings(
            QJsonObject{{"standard", "shanghai"}, {"standard_overrides", QJsonObject{{"shelter.district_supply_m2_per_resident", 2.0}}}});
        const StandardValue &v = p.value(QStringLiteral("shelter.district_supply_m2_per_resident"));
        QCOMPARE(v.value, 2.0);
        QCOMPARE(v.defaultValue, 1.5);
        QVERIFY(v.isOverridden());
        QCOMPARE(p.overrides().value("shelter.district_supply_m2_per_resident").toDouble(), 2.0);
        QVERIFY(!p.check(QStringLiteral("shelter.district_supply_m2_per_resident"), 1.8).pass);
        QVERIFY_THROWS_EXCEPTION(InvalidInput, p.applyOverrides(QJsonObject{{"no.such.value", 1}}));
        QVERIFY_THROWS_EXCEPTION(InvalidInput, StandardsProfile::load(QStringLiteral("atlantis")));
        QVERIFY_THROWS_EXCEPTION(InvalidInput, StandardsProfile::load(QStringLiteral("../standards/shanghai")));
    }
    void roundTrip()
    {
        const StandardsProfile p = StandardsProfile::load(QStringLiteral("china-national"));
        const StandardsProfile q = StandardsProfile::fromJson(p.toJson(), QStringLiteral("memory"));
        QCOMPARE(q.keys(), p.keys());
        QCOMPARE(q.number(QStringLiteral("fire.response_s")), 300.0);
        QVERIFY_THROWS_EXCEPTION(InvalidInput, StandardsProfile::fromJson(QJsonObject{{"format", "other"}}, QStringLiteral("x")));
    }
};

QTEST_MAIN(TestStandards)
#include "tst_standards.moc"
