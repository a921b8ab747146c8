// Hazard cartography defaults: zones coloured by level in the five-colour risk palette
// (categories per mapped value, ranges per break, one symbol for a constant level),
// translucent and hatched by type, legend "较高 Higher · AE"; the Cambridge 100-year
// and 500-year flood zones no longer look alike; risk classes styled 1…5.
#include "TestSupport.h"
#include "model/Project.h"
#include "model/VectorLayer.h"
#include "render/DefaultStyles.h"
#include "render/HazardStyles.h"

#include <QJsonDocument>
#include <QTest>

using namespace refuge;

namespace {

VectorLayer zonesLayer()
{
    VectorLayer l(QStringLiteral("flood"), GeometryType::Polygon, Crs::fromEpsg(26986));
    l.addField({QStringLiteral("fld_zone"), FieldType::String});
    l.addFeature(Geometry::polygon({{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}), {QStringLiteral("AE")});
    return l;
}

} // namespace

class TestHazardStyles : public QObject {
    Q_OBJECT
private slots:
    void palette()
    {
        QCOMPARE(riskLevelColor(5), QColor(215, 25, 28));
        QCOMPARE(riskLevelColor(1), QColor(26, 150, 65));
        QCOMPARE(riskLevelLegend(3), QStringLiteral("中 Medium"));
    }

    void byMappedValues()
    {
        HazardSettings s;
        s.type = HazardType::Flood;
        s.level.field = QStringLiteral("fld_zone");
        s.level.values = {{QStringLiteral("AE"), 4}, {QStringLiteral("X"), 2}};
        const Style st = hazardStyle(zonesLayer(), s);
        QCOMPARE(st.type, Style::Type::Categorized);
        QCOMPARE(int(st.categories.size()), 2);
        QCOMPARE(st.categories[0].value.toString(), QStringLiteral("AE")); // high first
        QCOMPARE(st.categories[0].label, QStringLiteral("较高 Higher · AE"));
        QCOMPARE(st.categories[0].symbol.fillColor.rgb(), riskLevelColor(4).rgb());
        QVERIFY(st.categories[0].symbol.fillColor.alpha() < 255); // translucent
        QCOMPARE(st.categories[0].symbol.hatch, HatchPattern::BDiagonal);
        QCOMPARE(st.categories[1].symbol.fillColor.rgb(), riskLevelColor(2).rgb());
    }

    void byBreaksAndConstant()
    {
        HazardSettings s;
        s.type = HazardType::Waterlogging;
        s.level.kind = HazardLevelMapping::Kind::Breaks;
        s.level.field = QStringLiteral("fld_zone");
        s.level.breaks = {0.15, 0.3, 0.6};
        const Style st = hazardStyle(zonesLayer(), s);
        QCOMPARE(st.type, Style::Type::Graduated);
        QCOMPARE(int(st.ranges.size()), 3);
        QCOMPARE(st.ranges[1].lower, 0.3);
        QCOMPARE(st.ranges[1].symbol.fillColor.rgb(), riskLevelColor(2).rgb());
        QCOMPARE(st.ranges[0].symbol.hatch, HatchPattern::Horizontal);
        s.level.kind = HazardLevelMapping::Kind::Constant;
        s.level.constant = 5;
        const Style c = hazardStyle(zonesLayer(), s);
        QCOMPARE(c.type, Style::Type::Single);
        QCOMPARE(c.symbol.fillColor.rgb(), riskLevelColor(5).rgb());
    }

    void cambridgeFloodZonesDiffer()
    {
        const Project p = Project::load(test::sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")));
        const ProjectLayer *y100 = p.layerById(QStringLiteral("flood_100yr"));
        const ProjectLayer *y500 = p.layerById(QStringLiteral("flood_500yr"));
        QVERIFY(y100 && y500);
        const VectorLayer l = zonesLayer();
        const Style a = defaultStyle(*y100, l), b = defaultStyle(*y500, l);
        QVERIFY(!(a == b));
        // The 500-year layer's X zone (0.2 % annual chance) is drawn lower than the 100-year zone.
        QCOMPARE(a.symbol.fillColor.rgb(), riskLevelColor(4).rgb());
        QCOMPARE(b.type, Style::Type::Categorized);
        bool hasX = false;
        for (const StyleCategory &c : b.categories)
            if (c.value.toString() == QLatin1String("X")) {
                hasX = true;
                QCOMPARE(c.symbol.fillColor.rgb(), riskLevelColor(2).rgb());
            }
        QVERIFY(hasX);
        // Drawn above the population's area fill.
        int blocks = -1, flood = -1;
        for (int i = 0; i < int(p.layers.size()); ++i) {
            if (p.layers[std::size_t(i)].role == Role::Population)
                blocks = i;
            if (p.layers[std::size_t(i)].id == QLatin1String("flood_100yr"))
                flood = i;
        }
        QVERIFY(flood > blocks);
    }

    void riskClasses()
    {
        const Style st = riskClassStyle(QStringLiteral("risk_class"), 2);
        QCOMPARE(int(st.categories.size()), 5);
        QCOMPARE(st.categories[0].value.toInt(), 5);
        QCOMPARE(st.categories[0].label, QStringLiteral("高 High"));
        QCOMPARE(st.categories[4].symbol.fillColor.rgb(), riskLevelColor(1).rgb());
        QCOMPARE(Style::fromJson(st.toJson()).toJson(), st.toJson()); // as saved in a project
    }
};

QTEST_GUILESS_MAIN(TestHazardStyles)
#include "tst_hazardstyles.moc"
