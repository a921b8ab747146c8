// The analysis registry (core/analysis/framework): every registered analysis declares
// id, title and help in English and Chinese, parameters with unique names and defaults
// within their ranges; and for each analysis and each parameter a crafted bad value —
// text where a number goes, a number out of range, an unknown choice or profile, a
// geographic CRS, a layer of the wrong geometry or role, a field the layer lacks, one of
// two parameters that go together — makes validate() return an issue naming that
// parameter, starting from the Cambridge project's values, which validate clean.
#include "TestSupport.h"
#include "analysis/framework/AnalysisRegistry.h"
#include "analysis/jobs/NetworkInputs.h"
#include "util/Error.h"
#include "model/Project.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace refuge;
using namespace refuge::test;

namespace {

// An issue whose CLI line names --NAME (as its parameter or in its text).
bool hasIssueFor(const ValidationIssues &issues, const QString &name)
{
    const QRegularExpression named(QStringLiteral("--%1(?![a-z-])").arg(QRegularExpression::escape(name)));
    for (const ValidationIssue &i : issues)
        if (i.line(QStringLiteral("--")).contains(named))
            return true;
    return false;
}

QString describe(const ValidationIssues &issues)
{
    QStringList lines;
    for (const ValidationIssue &i : issues)
        lines << i.line(QStringLiteral("--"));
    return lines.isEmpty() ? QStringLiteral("(no issue)") : lines.join(QLatin1Char('\n'));
}

bool containsHan(const QString &s)
{
    for (QChar c : s)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    return false;
}

} // namespace

class TestRegistry : public QObject {
    Q_OBJECT

    Project m_project;
    QTemporaryDir m_out;

    // The project's values for `a`, with an output folder: the clean baseline.
    ParameterValues baseline(const Analysis &a) const
    {
        ParameterValues v = a.projectValues(m_project);
        v.set(QStringLiteral("out"), m_out.filePath(a.id()));
        return v;
    }

    // A file whose geometry the parameter does not accept.
    static QString wrongGeometryFile(const Parameter &p)
    {
        if (!(p.geometries & LineLayer))
            return dataPath(QStringLiteral("bad/lines_as_shelters.geojson"));
        return dataPath(QStringLiteral("bad/ok_points.geojson"));
    }

    // Crafted bad values of `p` (each must give an issue naming it), with what they are.
    static std::vector<std::pair<QVariant, QString>> badValues(const Parameter &p)
    {
        switch (p.type) {
        case ParameterType::Number: {
            const ParameterSpec &s = *p.spec();
            return {{QStringLiteral("five"), "text"}, {s.max * 10 + 1, "above the range"}, {std::nan(""), "NaN"}, {QVariantMap{}, "a map"}};
        }
        case ParameterType::NumberList:
            return {{QStringLiteral("5,-1"), "a negative item"}, {QStringLiteral("5,x"), "text item"}};
        case ParameterType::Choice:
            return {{QStringLiteral("nope"), "unknown choice"}};
        case ParameterType::Profile:
            return {{QStringLiteral("hovercraft"), "unknown profile"}};
        case ParameterType::Crs:
            return {{QStringLiteral("EPSG:4326"), "geographic"}, {QStringLiteral("EPSG:999999"), "unknown"}};
        case ParameterType::Flag:
            return {{QStringLiteral("maybe"), "not a boolean"}};
        case ParameterType::Text:
            return {{QVariant::fromValue(QVariantMap{}), "a map"}};
        case ParameterType::Field:
            return {{QStringLiteral("no_such_field"), "missing field"}};
        case ParameterType::Layer: {
            std::vector<std::pair<QVariant, QString>> out{{wrongGeometryFile(p), "wrong geometry"}, {QString(), "empty"}};
            if (p.role) {
                LayerValue l;
                l.source = DataSource::parse(dataPath(QStringLiteral("bad/ok_points.geojson")));
                l.role = *p.role == Role::Hazard ? Role::Basemap : Role::Hazard;
                l.layerId = QStringLiteral("other");
                out.emplace_back(QVariant::fromValue(l), "wrong role");
            }
            return out;
        }
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_project = Project::load(sourcePath(QStringLiteral("maps/cambridge/cambridge.refuge")));
        QVERIFY(m_out.isValid());
        QCOMPARE(AnalysisRegistry::all().size(), std::size_t(10));
        for (const char *id : {"service-area", "zones", "network-check", "coverage", "fire-coverage", "exposure", "hazard-scenario", "risk", "site", "compare"})
            QVERIFY2(AnalysisRegistry::find(QString::fromLatin1(id)), id);
        QVERIFY(!AnalysisRegistry::find(u"nope"));
    }

    void declarations()
    {
        QStringList ids;
        for (const Analysis *a : AnalysisRegistry::all()) {
            const QString id = a->id();
            QVERIFY2(!ids.contains(id), qPrintable(id));
            ids << id;
            for (const LocalText &t : {a->title(), a->summary(), a->help()}) {
                QVERIFY2(!t.en.isEmpty() && !containsHan(t.en), qPrintable(id + QStringLiteral(": ") + t.en));
                QVERIFY2(containsHan(t.zh), qPrintable(id + QStringLiteral(": ") + t.zh));
            }
            QCOMPARE(a->title(u"zh_CN"), a->title().zh);
            QCOMPARE(a->title(u"en"), a->title().en);
            QStringList names;
            for (const Parameter &p : a->parameters()) {
                const QString where = id + QStringLiteral(" --") + p.name;
                QVERIFY2(!names.contains(p.name), qPrintable(where));
                names << p.name;
                QVERIFY2(!p.label.en.isEmpty() && containsHan(p.label.zh), qPrintable(where));
                QVERIFY2(!p.helpText(u"en").isEmpty() && containsHan(p.helpText(u"zh")), qPrintable(where));
                if (p.type == ParameterType::Field)
                    QVERIFY2(a->parameter(p.layerParameter) && a->parameter(p.layerParameter)->type == ParameterType::Layer, qPrintable(where));
                if (p.type == ParameterType::Number || p.type == ParameterType::NumberList)
                    QVERIFY2(p.spec(), qPrintable(where));
                if (p.type == ParameterType::Choice) // a fixed default among the choices, or one the project supplies (said in defaultNote)
                    QVERIFY2(p.choices.contains(p.defaultText()) || (!p.defaultValue.isValid() && !p.defaultNote.en.isEmpty()), qPrintable(where));
                if (p.type == ParameterType::Number && p.defaultValue.isValid()) {
                    // The default lies in the range, and --help states it with the unit.
                    QVERIFY2(p.spec()->contains(p.defaultValue.toDouble()), qPrintable(where));
                    QVERIFY2(p.helpText(u"en").contains(QStringLiteral("default ") + p.defaultText()), qPrintable(where + QStringLiteral(": ") + p.helpText(u"en")));
                }
                if (!p.unit().isEmpty())
                    QVERIFY2(p.helpText(u"en").contains(p.unit()) && p.helpText(u"zh").contains(p.unit()), qPrintable(where));
            }
            QVERIFY2(names.contains(QStringLiteral("out")), qPrintable(id));
            for (const Parameter &p : a->parameters())
                for (const QString &alt : p.alternatives) { // declared, and both ways
                    const Parameter *other = a->parameter(alt);
                    QVERIFY2(other && other->alternatives.contains(p.name), qPrintable(id + QLatin1Char(' ') + p.name + QLatin1Char(' ') + alt));
                }
        }
    }

    // The project's own values pass, for every analysis.
    // A user's value for one of a parameter's alternatives replaces the project's value of it.
    void overlayDropsReplacedValues()
    {
        const Analysis *coverage = AnalysisRegistry::find(u"coverage");
        ParameterValues supplied = coverage->projectValues(m_project);
        QCOMPARE(supplied.number(QStringLiteral("max-meters"), 0), 800.0);
        ParameterValues given;
        given.set(QStringLiteral("max-minutes"), 10.0);
        given.set(QStringLiteral("out"), m_out.filePath(QStringLiteral("overlay")));
        ParameterValues v = coverage->overlay(supplied, given);
        QVERIFY(!v.has(QStringLiteral("max-meters")));
        QCOMPARE(v.number(QStringLiteral("max-minutes"), 0), 10.0);
        QVERIFY(v.has(QStringLiteral("demand"))); // the rest of the project's values stay
        QVERIFY2(coverage->validate(v).empty(), qPrintable(describe(coverage->validate(v))));
        given.set(QStringLiteral("max-meters"), 300.0); // both from the user: kept, and refused
        v = coverage->overlay(supplied, given);
        QCOMPARE(v.number(QStringLiteral("max-meters"), 0), 300.0);
        QVERIFY(!coverage->validate(v).empty());
        const Analysis *site = AnalysisRegistry::find(u"site");
        LayerValue schools;
        schools.source = DataSource::parse(sourcePath(QStringLiteral("maps/cambridge/public_schools.gpkg")));
        ParameterValues points;
        points.set(QStringLiteral("candidates"), QVariant::fromValue(schools));
        points.set(QStringLiteral("out"), m_out.filePath(QStringLiteral("overlay-site")));
        v = site->overlay(site->projectValues(m_project), points);
        QVERIFY(!v.has(QStringLiteral("grid")));
        QVERIFY2(site->validate(v).empty(), qPrintable(describe(site->validate(v))));
    }

    void projectValuesAreValid()
    {
        for (const Analysis *a : AnalysisRegistry::all()) {
            const ValidationIssues issues = a->validate(baseline(*a));
            QVERIFY2(issues.empty(), qPrintable(a->id() + QStringLiteral(": ") + describe(issues)));
        }
    }

    void badValueOfEveryParameter_data()
    {
        QTest::addColumn<QString>("analysis");
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<QVariant>("value");
        for (const Analysis *a : AnalysisRegistry::all())
            for (const Parameter &p : a->parameters())
                for (const auto &[value, what] : badValues(p))
                    QTest::addRow("%s --%s %s", qPrintable(a->id()), qPrintable(p.name), qPrintable(what)) << a->id() << p.name << value;
    }

    void badValueOfEveryParameter()
    {
        QFETCH(QString, analysis);
        QFETCH(QString, parameter);
        QFETCH(QVariant, value);
        const Analysis *a = AnalysisRegistry::find(analysis);
        const Parameter *p = a->parameter(parameter);
        ParameterValues v = baseline(*a);
        if (p->type == ParameterType::Field && !v.has(p->layerParameter)) // a field is checked against its layer
            v.set(p->layerParameter, dataPath(QStringLiteral("bad/ok_points.geojson")));
        v.set(parameter, value);
        const ValidationIssues issues = a->validate(v);
        QVERIFY2(hasIssueFor(issues, parameter), qPrintable(describe(issues)));
    }

    // Required parameters, and parameters that go together: leaving one out is an issue
    // naming it (or its partner).
    void missingAndPairedParameters_data()
    {
        QTest::addColumn<QString>("analysis");
        QTest::addColumn<QStringList>("removed");
        QTest::addColumn<QString>("named");
        QTest::newRow("service-area without facilities") << "service-area" << QStringList{"facilities"} << "facilities";
        QTest::newRow("service-area without limit") << "service-area" << QStringList{"max-meters"} << "max-minutes";
        QTest::newRow("zones without network") << "zones" << QStringList{"network"} << "network";
        QTest::newRow("network-check without out") << "network-check" << QStringList{"out"} << "out";
        QTest::newRow("coverage without demand") << "coverage" << QStringList{"demand"} << "demand";
        QTest::newRow("coverage areas without field") << "coverage" << QStringList{"area-field"} << "areas";
        QTest::newRow("coverage area field without areas") << "coverage" << QStringList{"areas"} << "areas";
        QTest::newRow("coverage without capacity or area") << "coverage" << QStringList{"capacity-field"} << "capacity-field";
        QTest::newRow("coverage vector demand without field") << "coverage" << QStringList{"population-field"} << "population-field";
        QTest::newRow("fire official without field") << "fire-coverage" << QStringList{"official-field"} << "official";
        QTest::newRow("fire official field without layer") << "fire-coverage" << QStringList{"official"} << "official";
        QTest::newRow("fire demand without field") << "fire-coverage" << QStringList{"population-field"} << "demand";
        QTest::newRow("fire nothing to bound") << "fire-coverage" << QStringList{"official", "official-field", "demand", "population-field"} << "study-area";
        QTest::newRow("fire without network or euclidean") << "fire-coverage" << QStringList{"network"} << "network";
    }

    void missingAndPairedParameters()
    {
        QFETCH(QString, analysis);
        QFETCH(QStringList, removed);
        QFETCH(QString, named);
        const Analysis *a = AnalysisRegistry::find(analysis);
        ParameterValues v = baseline(*a);
        for (const QString &r : removed) {
            QVERIFY2(v.has(r), qPrintable(r));
            v.remove(r);
        }
        const ValidationIssues issues = a->validate(v);
        QVERIFY2(hasIssueFor(issues, named), qPrintable(describe(issues)));
    }

    void rulesOverTwoParameters()
    {
        const Analysis *sa = AnalysisRegistry::find(u"service-area");
        ParameterValues v = baseline(*sa);
        v.set(QStringLiteral("max-minutes"), 10.0);
        QVERIFY2(hasIssueFor(sa->validate(v), QStringLiteral("max-meters")), "both limits");
        v = baseline(*sa);
        v.set(QStringLiteral("breaks"), QStringLiteral("400,900")); // the limit is 800 m
        const ValidationIssues beyond = sa->validate(v);
        QVERIFY2(hasIssueFor(beyond, QStringLiteral("breaks")) && describe(beyond).contains(QLatin1String("900 exceeds the limit 800")), qPrintable(describe(beyond)));
        v = baseline(*sa);
        v.set(QStringLiteral("turnout-seconds"), 60.0); // a start time with a distance limit
        QVERIFY(hasIssueFor(sa->validate(v), QStringLiteral("turnout-seconds")));
        v = baseline(*sa);
        v.set(QStringLiteral("from-node-field"), QStringLiteral("FromNode"));
        QVERIFY(hasIssueFor(sa->validate(v), QStringLiteral("from-node-field")));
        v.set(QStringLiteral("to-node-field"), QStringLiteral("ToNode"));
        QVERIFY2(sa->validate(v).empty(), qPrintable(describe(sa->validate(v))));
        v = baseline(*sa);
        v.set(QStringLiteral("barrier-factor"), 3.0); // a factor without barriers
        QVERIFY(hasIssueFor(sa->validate(v), QStringLiteral("barrier-factor")));
        const Analysis *fire = AnalysisRegistry::find(u"fire-coverage");
        v = baseline(*fire);
        v.set(QStringLiteral("max-meters"), 1000.0);
        v.remove(QStringLiteral("max-minutes"));
        QVERIFY(hasIssueFor(fire->validate(v), QStringLiteral("max-meters")));
        v = baseline(*fire);
        v.set(QStringLiteral("standard-override"), QStringList{QStringLiteral("fire.response_s=1e308")});
        const ValidationIssues over = fire->validate(v);
        QVERIFY2(hasIssueFor(over, QStringLiteral("standard-override")) && describe(over).contains(QLatin1String("86400 s")), qPrintable(describe(over)));
    }

    // The one breaks parser: text, lists and numbers, sorted, duplicates removed.
    void breaksParser()
    {
        const ParameterSpec &spec = ParameterRanges::spec(u"breaks");
        QCOMPARE(parseNumberList(QStringLiteral("15, 5,10,5"), spec, QStringLiteral("breaks")), (std::vector<double>{5, 10, 15}));
        QCOMPARE(parseNumberList(QVariantList{10.0, 2.5}, spec, QStringLiteral("breaks")), (std::vector<double>{2.5, 10}));
        QCOMPARE(parseNumberList(QVariant(7.0), spec, QStringLiteral("breaks")), (std::vector<double>{7}));
        QVERIFY_THROWS_EXCEPTION(InvalidInput, parseNumberList(QStringLiteral("5,-1"), spec, QStringLiteral("breaks")));
        QVERIFY_THROWS_EXCEPTION(InvalidInput, parseNumberList(QStringLiteral("5,nan"), spec, QStringLiteral("breaks")));
        QVERIFY_THROWS_EXCEPTION(InvalidInput, parseNumberList(QStringLiteral(",,"), spec, QStringLiteral("breaks")));
        try {
            parseNumberList(QStringLiteral("5,20"), spec, QStringLiteral("--breaks"), 10);
            QFAIL("expected InvalidInput");
        } catch (const InvalidInput &e) {
            QCOMPARE(e.message(), QStringLiteral("--breaks: 20 exceeds the limit 10"));
        }
        NetworkSettings s;
        s.limit = 15;
        s.breaks = {10, 5};
        QCOMPARE(s.effectiveBreaks(), (std::vector<double>{5, 10}));
        s.breaks.clear();
        QCOMPARE(s.effectiveBreaks(), (std::vector<double>{15}));
    }

    // Values the project supplies carry the layers' roles; a layer of another role is refused.
    void projectLayersCarryRoles()
    {
        const Analysis *coverage = AnalysisRegistry::find(u"coverage");
        const ParameterValues v = coverage->projectValues(m_project);
        QCOMPARE(v.layer(QStringLiteral("facilities")).role, std::optional<Role>(Role::Shelters));
        QCOMPARE(v.layer(QStringLiteral("demand")).role, std::optional<Role>(Role::Population));
        QCOMPARE(v.text(QStringLiteral("population-field")), QStringLiteral("POP_LAB"));
        QCOMPARE(v.number(QStringLiteral("max-meters"), 0), 800.0);
        const ParameterValues f = AnalysisRegistry::find(u"fire-coverage")->projectValues(m_project);
        QCOMPARE(f.number(QStringLiteral("max-minutes"), 0), 5.0);
        QCOMPARE(f.number(QStringLiteral("turnout-seconds"), 0), 60.0);
        QCOMPARE(f.text(QStringLiteral("profile")), QStringLiteral("drive"));
    }
};

QTEST_GUILESS_MAIN(TestRegistry)
#include "tst_registry.moc"
