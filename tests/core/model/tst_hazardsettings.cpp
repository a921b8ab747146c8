// HazardSettings: the "hazard" object of a project layer — JSON round trip through a
// saved project, level mappings (values, breaks, constant, a numeric level field),
// labels, guessing from the fields map, and one-line errors for bad settings.
#include "TestSupport.h"
#include "model/HazardSettings.h"
#include "model/Project.h"
#include "util/Error.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace refuge;

namespace {

QJsonObject json(const char *text) { return QJsonDocument::fromJson(QByteArray(text)).object(); }

} // namespace

class TestHazardSettings : public QObject {
    Q_OBJECT
private slots:
    void roundTripThroughProject()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.refuge"));
        Project p = Project::fromJson(json(R"({"format": "refuge-project", "crs": "EPSG:26986", "layers": [
            {"id": "f", "source": "x.gpkg", "role": "hazard", "hazard": {"type": "flood",
              "level": {"field": "zone", "values": {"AE": 4, "X": 2}}, "depth_field": "depth", "depth_nodata": -9999}},
            {"id": "c", "source": "c.gpkg", "role": "hazard", "hazard": {"type": "hazmat", "level": {"constant": 5},
              "radius_field": "r", "radius_m": 300, "isolation_m": 100, "protection_m": 800}},
            {"id": "d", "source": "d.tif", "role": "hazard", "hazard": {"type": "waterlogging", "band": 2,
              "level": {"breaks": [0.05, 0.15, 0.3, 0.6, 1.2]}}}]})"), path);
        const HazardSettings f = HazardSettings::of(p.layers[0]);
        QCOMPARE(f.type, HazardType::Flood);
        QCOMPARE(f.level.kind, HazardLevelMapping::Kind::Field);
        QCOMPARE(f.level.values.value(QStringLiteral("AE")), 4);
        QCOMPARE(f.depthField, QStringLiteral("depth"));
        QCOMPARE(*f.depthNodata, -9999.0);
        const HazardSettings c = HazardSettings::of(p.layers[1]);
        QCOMPARE(c.level.constant, 5);
        QCOMPARE(c.protectionMeters, 800.0);
        const HazardSettings d = HazardSettings::of(p.layers[2]);
        QCOMPARE(d.band, 2);
        QCOMPARE(int(d.level.breaks.size()), 5);

        // Saved and read again: the same settings; set through storeIn: the same too.
        p.save(path);
        const Project q = Project::load(path);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(HazardSettings::of(q.layers[std::size_t(i)]), HazardSettings::of(p.layers[std::size_t(i)]));
        ProjectLayer l;
        l.id = QStringLiteral("x");
        d.storeIn(l);
        QCOMPARE(HazardSettings::of(l), d);
        QCOMPARE(HazardSettings::fromJson(f.toJson(), QStringLiteral("w")), f);
    }

    void levels()
    {
        HazardLevelMapping values;
        values.values = {{QStringLiteral("AE"), 4}, {QStringLiteral("X"), 2}};
        QCOMPARE(values.levelOf(QStringLiteral("AE")), 4);
        QCOMPARE(values.levelOf(QStringLiteral(" X ")), 2);
        QCOMPARE(values.levelOf(QStringLiteral("VE")), -1); // outside the mapping
        QCOMPARE(values.levelOf(QVariant()), -1);
        HazardLevelMapping numeric; // the value is the level
        QCOMPARE(numeric.levelOf(3), 3);
        QCOMPARE(numeric.levelOf(6), -1);
        QCOMPARE(numeric.levelOf(2.5), -1);
        HazardLevelMapping breaks;
        breaks.kind = HazardLevelMapping::Kind::Breaks;
        breaks.breaks = {0.05, 0.15, 0.3, 0.6, 1.2};
        QCOMPARE(breaks.levelOf(0.01), 0); // no hazard
        QCOMPARE(breaks.levelOf(0.05), 1);
        QCOMPARE(breaks.levelOf(0.2), 2);
        QCOMPARE(breaks.levelOf(0.3), 3);
        QCOMPARE(breaks.levelOf(5.0), 5);
        QCOMPARE(breaks.levelOfNumber(std::nan("")), 0);
        QCOMPARE(hazardLevelLabel(5, true), QStringLiteral("高"));
        QCOMPARE(hazardLevelLabel(4, true), QStringLiteral("较高"));
        QCOMPARE(hazardLevelLabel(1, false), QStringLiteral("Low"));
        QCOMPARE(hazardLevelLabel(0, false), QString());
    }

    void guessedFromFields()
    {
        ProjectLayer l;
        l.id = QStringLiteral("flood_100yr");
        l.name = QStringLiteral("FEMA 100-year flood zone");
        l.fields = {{QStringLiteral("level"), QStringLiteral("zone")}, {QStringLiteral("depth"), QStringLiteral("depth")}};
        const HazardSettings s = HazardSettings::of(l);
        QVERIFY(!s.isConfigured());
        QCOMPARE(s.type, HazardType::Flood);
        QCOMPARE(s.level.field, QStringLiteral("zone"));
        QCOMPARE(s.depthField, QStringLiteral("depth"));
        l.name = QStringLiteral("危化品企业");
        l.id = QStringLiteral("sites");
        QCOMPARE(HazardSettings::of(l).type, HazardType::Hazmat);
    }

    void badSettings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("type") << R"({"type": "tsunami"})" << "w.type: unknown hazard type 'tsunami'";
        QTest::newRow("level 6") << R"({"level": {"constant": 6}})" << "w.level.constant: a level must be a whole number from 1";
        QTest::newRow("value level") << R"({"level": {"field": "z", "values": {"A": 0}}})" << "w.level.values.A: a level must be";
        QTest::newRow("breaks order") << R"({"level": {"breaks": [0.3, 0.15]}})" << "w.level.breaks: expected 1 to 5 ascending";
        QTest::newRow("breaks 6") << R"({"level": {"breaks": [1, 2, 3, 4, 5, 6]}})" << "w.level.breaks: expected 1 to 5 ascending";
        QTest::newRow("radius") << R"({"radius_m": -5})" << "w.radius_m: must be 0 or more";
        QTest::newRow("level type") << R"({"level": 3})" << "w.level: expected an object";
    }
    void badSettings()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        try {
            HazardSettings::fromJson(QJsonDocument::fromJson(text.toUtf8()).object(), QStringLiteral("w"));
            QFAIL("accepted");
        } catch (const InvalidInput &e) {
            QVERIFY2(e.message().startsWith(message), qPrintable(e.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestHazardSettings)
#include "tst_hazardsettings.moc"
