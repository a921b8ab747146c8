// Layouts saved in the project: every item type (with table columns, contact fields and
// legend labels) survives PrintLayout's JSON round trip; a project saved with layouts
// and loaded again gives the same layouts and keeps its other keys; unnamed, repeated
// or broken layouts are refused naming the project file; the templates all load.
#include "TestSupport.h"
#include "model/Project.h"
#include "print/ProjectLayouts.h"
#include "util/Error.h"
#include "util/Resources.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace refuge;

namespace {

PrintLayout rich(const QString &name)
{
    PrintLayout l = PrintLayout::standard(QStringLiteral("A3"), PrintLayout::Orientation::Landscape);
    l.name = name;
    PrintItem table;
    table.type = PrintItem::Type::Table;
    table.rectMm = QRectF(20, 250, 150, 30);
    table.text = QStringLiteral("无");
    table.columns = {{QStringLiteral("name"), QStringLiteral("避难场所"), 3}, {QStringLiteral("minutes"), QStringLiteral("分钟"), 0.8}};
    PrintItem contacts;
    contacts.type = PrintItem::Type::Contacts;
    contacts.rectMm = QRectF(200, 250, 80, 20);
    contacts.columns = {{QStringLiteral("PHONE"), QStringLiteral("电话"), 1}};
    contacts.text = QStringLiteral("110");
    l.items.push_back(table);
    l.items.push_back(contacts);
    for (PrintItem &item : l.items)
        if (item.type == PrintItem::Type::Legend)
            item.labels = {{QStringLiteral("here"), QStringLiteral("您在这里")}, {QStringLiteral("route"), QStringLiteral("步行路线")}};
    return l;
}

QString writeProject(const QTemporaryDir &dir, const QByteArray &layouts)
{
    const QString path = dir.filePath(QStringLiteral("p.refuge"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(R"({"format": "refuge-project", "version": 1, "title": "T", "crs": "EPSG:26986", "layers": [], "layouts": )" + layouts + "}");
    return path;
}

} // namespace

class TestProjectLayouts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void itemRoundTrip();
    void projectRoundTrip();
    void refused_data();
    void refused();
    void templatesLoad();
};

void TestProjectLayouts::itemRoundTrip()
{
    const PrintLayout l = rich(QStringLiteral("a"));
    const PrintLayout back = PrintLayout::fromJson(QJsonDocument::fromJson(QJsonDocument(l.toJson()).toJson()).object());
    QCOMPARE(back.items.size(), l.items.size());
    for (std::size_t i = 0; i < l.items.size(); ++i)
        QVERIFY2(back.items[i] == l.items[i], qPrintable(QString::number(i)));
    QVERIFY(back == l);
    QCOMPARE(back.items[back.items.size() - 2].columns[1].width, 0.8);
}

void TestProjectLayouts::projectRoundTrip()
{
    QTemporaryDir dir;
    const QString path = writeProject(dir, "[]");
    Project project = Project::load(path);
    QJsonObject json = project.toJson();
    json.insert(QStringLiteral("future_key"), QStringLiteral("kept"));
    project = Project::fromJson(json, path);
    QVERIFY(ProjectLayouts::read(project).empty());
    const std::vector<PrintLayout> layouts{rich(QStringLiteral("公告栏 A3")), PrintLayout::standard(QStringLiteral("A4"), PrintLayout::Orientation::Portrait)};
    ProjectLayouts::store(project, layouts);
    project.save(path);
    const Project loaded = Project::load(path);
    const std::vector<PrintLayout> back = ProjectLayouts::read(loaded);
    QCOMPARE(back.size(), std::size_t(2));
    QVERIFY(back[0] == layouts[0]);
    QVERIFY(back[1] == layouts[1]);
    QCOMPARE(ProjectLayouts::find(loaded, QStringLiteral("standard"))->paper, QStringLiteral("A4"));
    QVERIFY(!ProjectLayouts::find(loaded, QStringLiteral("Standard")));
    QCOMPARE(loaded.toJson().value(QStringLiteral("future_key")).toString(), QStringLiteral("kept"));
    QCOMPARE(loaded.title, QStringLiteral("T"));
    // Storing none removes the key.
    Project cleared = loaded;
    ProjectLayouts::store(cleared, {});
    QVERIFY(!cleared.toJson().contains(QStringLiteral("layouts")));
}

void TestProjectLayouts::refused_data()
{
    QTest::addColumn<QByteArray>("layouts");
    QTest::addColumn<QString>("words");
    QTest::newRow("not a list") << QByteArray(R"({"name": "x"})") << QStringLiteral("layouts must be a list");
    QTest::newRow("unnamed") << QByteArray(R"([{"paper": "A4", "items": []}])") << QStringLiteral("a layout without a \"name\"");
    QTest::newRow("twice") << QByteArray(R"([{"name": "a"}, {"name": "a"}])") << QStringLiteral("two layouts named 'a'");
    QTest::newRow("item") << QByteArray(R"([{"name": "a", "items": [{"type": "chart", "rect_mm": [1, 1, 5, 5]}]}])")
                          << QStringLiteral("layouts: layout 'a', item 1: unknown type 'chart'");
    QTest::newRow("column") << QByteArray(R"([{"name": "a", "items": [{"type": "table", "rect_mm": [1, 1, 5, 5], "columns": [{"title": "x"}]}]}])")
                            << QStringLiteral("each column needs a \"key\"");
}

void TestProjectLayouts::refused()
{
    QFETCH(QByteArray, layouts);
    QFETCH(QString, words);
    QTemporaryDir dir;
    const QString path = writeProject(dir, layouts);
    try {
        ProjectLayouts::read(Project::load(path));
        QFAIL("accepted");
    } catch (const InvalidInput &e) {
        QVERIFY2(e.message().startsWith(path) && e.message().contains(words), qPrintable(e.message()));
    }
}

void TestProjectLayouts::templatesLoad()
{
    // Every template loads, and the community ones carry the page's own items.
    const QDir templates(resourcePath(QStringLiteral("templates")));
    const QStringList files = templates.entryList({QStringLiteral("*.json")}, QDir::Files);
    QVERIFY(files.size() >= 4);
    for (const QString &file : files) {
        const PrintLayout l = PrintLayout::load(templates.filePath(file));
        QCOMPARE(l.name + QStringLiteral(".json"), file);
        if (!file.startsWith(QLatin1String("community-evacuation")))
            continue;
        int tables = 0, contacts = 0;
        for (const PrintItem &item : l.items) {
            tables += item.type == PrintItem::Type::Table;
            contacts += item.type == PrintItem::Type::Contacts;
            if (item.type == PrintItem::Type::Legend)
                QVERIFY(item.labels.contains(QStringLiteral("route")));
        }
        QCOMPARE(tables, 1);
        QCOMPARE(contacts, 1);
    }
}

QTEST_MAIN(TestProjectLayouts)
#include "tst_projectlayouts.moc"
