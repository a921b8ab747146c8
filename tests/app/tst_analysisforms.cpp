// The generated analysis dialogs, walking the registry on the Cambridge sample (a copy
// in a temporary folder), on a 1366×768 screen: each dialog has one editor per declared
// parameter and is valid as the project prefills it; a crafted bad value of every
// parameter gives a validate() issue naming it, shown under that field, with Run
// disabled; typing a bad value in the form does the same live; each dialog fits the
// screen (≤ 700 px tall); and running each analysis from its dialog gives the same
// summary figures as refuge-cli run with the same values.
#include "AppTestSupport.h"
#include "analysis/AnalysisController.h"
#include "analysis/AnalysisForm.h"
#include "analysis/AnalysisFormDialog.h"
#include "analysis/ParameterEditors.h"
#include "analysis/framework/AnalysisRegistry.h"
#include "mainwindow/MainWindow.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>
#include <algorithm>
#include <cmath>

using namespace refuge;
using namespace refuge::desktop;

namespace {

QString cambridgeLayer(const QString &dir, const char *layer)
{
    return QDir(dir).filePath(QStringLiteral("cambridge.gpkg:") + QLatin1String(layer));
}

// Values of `p` that its own checks refuse, tried in turn until one gives an issue
// naming `p`: a number out of range, a list with a negative number, an unknown choice
// or profile, a geographic CRS, a flag that is not true/false, a layer of another
// geometry, else a missing file, a field the layer lacks (else not text: a field whose
// partner is missing is reported on the pair's first), text of the wrong type; the
// output folder removed (invalid: remove).
QList<QVariant> badValues(const Parameter &p, const QString &dir)
{
    switch (p.type) {
    case ParameterType::Number: return {1e308};
    case ParameterType::NumberList: return {QStringLiteral("-1, 5")};
    case ParameterType::Choice: return {QStringLiteral("no-such-choice")};
    case ParameterType::Profile: return {QStringLiteral("no-such-profile")};
    case ParameterType::Crs: return {QStringLiteral("EPSG:4326")};
    case ParameterType::Flag: return {QStringLiteral("maybe")};
    case ParameterType::Layer: {
        LayerValue wrong, missing;
        missing.source = DataSource::parse(QDir(dir).filePath(QStringLiteral("nowhere.gpkg")));
        if (p.geometries & LineLayer)
            wrong.source = DataSource::parse(cambridgeLayer(dir, "shelters")); // points for lines
        else
            wrong.source = DataSource::parse(cambridgeLayer(dir, "streets")); // lines for points or polygons
        if (p.geometries == AnyGeometry)
            return {QVariant::fromValue(missing)};
        return {QVariant::fromValue(wrong), QVariant::fromValue(missing)};
    }
    case ParameterType::Field: return {QStringLiteral("NO_SUCH_FIELD"), 42.0};
    case ParameterType::Text: return {p.name == QLatin1String("out") ? QVariant() : QVariant(42.0)};
    }
    return {};
}

// The refuge-cli arguments for `values`: --name VALUE per value, flags bare.
QStringList cliArguments(const Analysis &a, const ParameterValues &values)
{
    QStringList args{a.id()};
    for (const Parameter &p : a.parameters()) {
        if (!values.has(p.name))
            continue;
        const QVariant v = values.raw(p.name);
        const QString option = QStringLiteral("--") + p.name;
        switch (p.type) {
        case ParameterType::Flag:
            if (values.flag(p.name))
                args << option;
            break;
        case ParameterType::Layer: args << option << values.layer(p.name).source.toString(); break;
        case ParameterType::Number: args << option << QString::number(v.toDouble(), 'g', 17); break;
        case ParameterType::NumberList: {
            QStringList parts;
            for (double n : values.numbers(p.name))
                parts << QString::number(n, 'g', 17);
            args << option << parts.join(QLatin1Char(','));
            break;
        }
        default:
            if (p.repeatable)
                for (const QString &t : values.texts(p.name))
                    args << option << t;
            else
                args << option << values.text(p.name);
        }
    }
    return args;
}

// The numbers of a summary.json, by path ("coverage/covered_population"), leaving out
// timings and the parts that name files.
void numbers(const QJsonValue &v, const QString &path, QMap<QString, double> &out)
{
    static const QStringList skip{QStringLiteral("seconds"), QStringLiteral("time_ms"), QStringLiteral("elapsed"), QStringLiteral("cache"),
                                  QStringLiteral("timing_ms")};
    for (const QString &s : skip)
        if (path.contains(s))
            return;
    if (v.isDouble())
        out.insert(path, v.toDouble());
    else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            numbers(it.value(), path + QLatin1Char('/') + it.key(), out);
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            numbers(a.at(i), path + QStringLiteral("/%1").arg(i), out);
    }
}

QMap<QString, double> summaryNumbers(const QString &file)
{
    QFile f(file);
    QMap<QString, double> out;
    if (f.open(QIODevice::ReadOnly))
        numbers(QJsonDocument::fromJson(f.readAll()).object(), QString(), out);
    return out;
}

} // namespace

class TestAnalysisForms : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    ProjectDocument *doc() const { return m_window->document(); }
    AnalysisController *controller() const { return m_window->analysis(); }

    AnalysisFormDialog *open(const QString &id)
    {
        AnalysisFormDialog *d = controller()->openDialog(id);
        if (d)
            QApplication::processEvents();
        return d;
    }

    static void shot(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("REFUGE_SHOTS_DIR");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QApplication::processEvents();
        w->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // graph cache in a test location
        QVERIFY(m_dir.isValid());
        for (const char *f : {"cambridge.refuge", "cambridge.gpkg"})
            QVERIFY(QFile::copy(test::sourcePath(QStringLiteral("maps/cambridge/") + QLatin1String(f)),
                                QDir(m_dir.path()).filePath(QLatin1String(f))));
        QFile::setPermissions(QDir(m_dir.path()).filePath(QStringLiteral("cambridge.gpkg")), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        m_window = std::make_unique<MainWindow>();
        m_window->setInteractive(false);
        doc()->open(QDir(m_dir.path()).filePath(QStringLiteral("cambridge.refuge")));
        QVERIFY(test::waitForLayers(*doc()));
        QCOMPARE(QApplication::primaryScreen()->geometry().size(), QSize(1366, 768));
        QVERIFY(AnalysisRegistry::all().size() >= 5);
    }

    void cleanupTestCase() { m_window.reset(); }

    void oneEditorPerParameter_data()
    {
        QTest::addColumn<QString>("id");
        for (const Analysis *a : AnalysisRegistry::all())
            QTest::newRow(qPrintable(a->id())) << a->id();
    }
    void oneEditorPerParameter()
    {
        QFETCH(QString, id);
        AnalysisFormDialog *d = open(id);
        QVERIFY(d);
        QCOMPARE(d->windowTitle(), d->analysis().title(u"en"));
        QCOMPARE(controller()->action(id)->text(), d->analysis().title(u"en") + QStringLiteral("…"));
        for (const Parameter &p : d->analysis().parameters()) {
            ParameterEditor *e = d->form()->editor(p.name);
            QVERIFY2(e, qPrintable(p.name));
            QCOMPARE(d->findChild<QWidget *>(p.name), e->widget());
            QVERIFY(d->form()->issueLabel(p.name));
            QCOMPARE(e->widget()->toolTip(), p.helpText(u"en"));
            if (p.type == ParameterType::Number) { // the spin box holds the declared range
                auto *spin = qobject_cast<QDoubleSpinBox *>(e->widget());
                QVERIFY(spin);
                QCOMPARE(spin->maximum(), p.spec()->max);
                spin->setValue(1e308);
                QCOMPARE(spin->value(), p.spec()->max);
                QVERIFY(p.spec()->contains(e->value().toDouble()));
                e->setValue(QVariant()); // unset again: the analysis's default
                QVERIFY(!e->value().isValid());
            }
        }
        // The project's values are complete and valid: Run is enabled.
        d->form()->setValues(d->analysis().projectValues(doc()->project()));
        d->form()->editor(QStringLiteral("out"))->setValue(controller()->latestDirectory(d->analysis()));
        const ValidationIssues issues = d->revalidate();
        QStringList lines;
        for (const ValidationIssue &i : issues)
            lines << i.line();
        QVERIFY2(issues.empty(), qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY(d->runButton()->isEnabled());
        for (const Parameter &p : d->analysis().parameters())
            QVERIFY(d->form()->issueLabel(p.name)->isHidden());
        d->close();
    }

    void badValueShownUnderItsField_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("parameter");
        for (const Analysis *a : AnalysisRegistry::all())
            for (const Parameter &p : a->parameters())
                QTest::newRow(qPrintable(a->id() + QLatin1Char(' ') + p.name)) << a->id() << p.name;
    }
    void badValueShownUnderItsField()
    {
        QFETCH(QString, id);
        QFETCH(QString, parameter);
        AnalysisFormDialog *d = qobject_cast<AnalysisFormDialog *>(controller()->currentDialog());
        if (!d || !d->isVisible() || d->analysis().id() != id)
            d = open(id);
        QVERIFY(d);
        const Parameter *p = d->analysis().parameter(parameter);
        ValidationIssues issues;
        ValidationIssue mine;
        QStringList lines;
        for (const QVariant &bad : badValues(*p, m_dir.path())) {
            ParameterValues values = d->values();
            if (bad.isValid())
                values.set(parameter, bad);
            else
                values.remove(parameter);
            issues = d->showValidation(values);
            for (const ValidationIssue &i : issues)
                lines << i.line();
            auto it = std::find_if(issues.begin(), issues.end(), [&](const ValidationIssue &i) { return i.parameter == parameter; });
            if (it != issues.end()) {
                mine = *it;
                break;
            }
        }
        QVERIFY2(!mine.parameter.isEmpty(), qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY(mine.line().contains(parameter)); // the CLI's line names it
        QLabel *label = d->form()->issueLabel(parameter);
        QVERIFY(!label->isHidden());
        QVERIFY2(label->text().contains(d->form()->issueText(mine)), qPrintable(label->text()));
        QVERIFY(!d->runButton()->isEnabled());
        // Back to the form's own values: valid again.
        QVERIFY(d->revalidate().empty());
        QVERIFY(label->isHidden());
        QVERIFY(d->runButton()->isEnabled());
    }

    // Typing in the form revalidates by itself: breaks beyond the limit, a field the
    // layer lacks.
    // A time limit typed over the project's distance limit empties the distance: the form
    // stays valid, as the CLI's options replace the project's values.
    void alternativeEmptiesTheOther()
    {
        AnalysisFormDialog *d = open(QStringLiteral("coverage"));
        ParameterEditor *meters = d->form()->editor(QStringLiteral("max-meters"));
        ParameterEditor *minutes = d->form()->editor(QStringLiteral("max-minutes"));
        QCOMPARE(meters->value().toDouble(), 800.0);
        QVERIFY(!minutes->value().isValid());
        minutes->setValue(10.0);
        QTRY_VERIFY(!meters->value().isValid());
        QCOMPARE(minutes->value().toDouble(), 10.0);
        QVERIFY(d->revalidate().empty());
        QVERIFY(d->runButton()->isEnabled());
        d->close();
    }

    void typedBadValuesShowLive()
    {
        AnalysisFormDialog *d = open(QStringLiteral("service-area"));
        auto *breaks = d->findChild<QLineEdit *>(QStringLiteral("breaks"));
        QVERIFY(breaks);
        breaks->setText(QStringLiteral("400, 900"));
        QLabel *label = d->form()->issueLabel(QStringLiteral("breaks"));
        QTRY_VERIFY(!label->isHidden());
        QVERIFY2(label->text().contains(QLatin1String("900")), qPrintable(label->text()));
        QVERIFY(!d->runButton()->isEnabled());
        shot(d, QStringLiteral("service_area_bad_breaks"));
        breaks->setText(QStringLiteral("400, 800"));
        QTRY_VERIFY(label->isHidden());
        QVERIFY(d->runButton()->isEnabled());
        auto *id = d->findChild<QComboBox *>(QStringLiteral("facility-id"));
        QVERIFY(id);
        id->addItem(QStringLiteral("NOPE"), QStringLiteral("NOPE"));
        id->setCurrentIndex(id->count() - 1);
        QLabel *idLabel = d->form()->issueLabel(QStringLiteral("facility-id"));
        QTRY_VERIFY(!idLabel->isHidden());
        QVERIFY2(idLabel->text().contains(QLatin1String("NOPE")), qPrintable(idLabel->text()));
        QVERIFY(!d->runButton()->isEnabled());
        d->close();
    }

    void fitsTheScreen_data() { oneEditorPerParameter_data(); }
    void fitsTheScreen()
    {
        QFETCH(QString, id);
        AnalysisFormDialog *d = open(id);
        QVERIFY(d);
        d->form()->setAdvancedVisible(true); // the longest form
        d->fitTo(d->screen()->availableGeometry());
        QVERIFY2(d->height() <= 700, qPrintable(QString::number(d->height())));
        QVERIFY(d->runButton()->isVisible());
        QVERIFY(d->screen()->availableGeometry().contains(d->frameGeometry()));
        d->form()->setAdvancedVisible(false);
        shot(d, id + QStringLiteral("_en"));
        d->close();
    }

    void speaksChinese()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(REFUGE_QM_DIR "/refuge_zh_CN.qm")));
        QCoreApplication::installTranslator(&translator);
        QCOMPARE(AnalysisForm::language(), QStringLiteral("zh"));
        for (const Analysis *a : AnalysisRegistry::all()) {
            AnalysisFormDialog *d = open(a->id());
            QVERIFY(d);
            QCOMPARE(d->windowTitle(), a->title(u"zh"));
            QCOMPARE(d->runButton()->text(), QStringLiteral("运行(&R)"));
            const Parameter &first = a->parameters().front();
            QCOMPARE(d->form()->editor(first.name)->widget()->toolTip(), first.helpText(u"zh"));
            shot(d, a->id() + QStringLiteral("_zh"));
            d->close();
        }
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(AnalysisForm::language(), QStringLiteral("en"));
    }

    // Each analysis run from its dialog gives the summary figures refuge-cli gives with
    // the same values.
    void dialogEqualsCli_data() { oneEditorPerParameter_data(); }
    void dialogEqualsCli()
    {
        QFETCH(QString, id);
        AnalysisFormDialog *d = open(id);
        QVERIFY(d);
        const Analysis &analysis = d->analysis();
        const ParameterValues values = d->values();
        QSignalSpy done(d, &AnalysisDialog::runFinished);
        QVERIFY(d->run());
        QVERIFY(done.wait(120000) || done.count() > 0);
        QCOMPARE(d->state(), AnalysisDialog::State::Succeeded);
        const QString dialogSummary = QDir(controller()->latestDirectory(analysis)).filePath(QStringLiteral("summary.json"));

        QTemporaryDir out;
        ParameterValues cliValues = values;
        cliValues.set(QStringLiteral("out"), out.path());
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CACHE_HOME"), out.filePath(QStringLiteral(".cache")));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(REFUGE_CLI_PATH), cliArguments(analysis, cliValues));
        QVERIFY(cli.waitForFinished(120000));
        QVERIFY2(cli.exitCode() <= 1, cli.readAllStandardError().constData()); // 1: input data left out, listed
        const QMap<QString, double> fromDialog = summaryNumbers(dialogSummary);
        const QMap<QString, double> fromCli = summaryNumbers(out.filePath(QStringLiteral("summary.json")));
        QVERIFY(fromDialog.size() >= 3);
        QCOMPARE(fromDialog.keys(), fromCli.keys());
        for (auto it = fromDialog.begin(); it != fromDialog.end(); ++it)
            QVERIFY2(std::abs(it.value() - fromCli.value(it.key())) <= 1e-9 * std::max(1.0, std::abs(it.value())),
                     qPrintable(QStringLiteral("%1: dialog %2, cli %3").arg(it.key()).arg(it.value()).arg(fromCli.value(it.key()))));
    }
};

// A 1366×768 screen for the offscreen platform (its configfile option), set before
// the application starts.
int main(int argc, char *argv[])
{
    QTemporaryDir config;
    const QString file = config.filePath(QStringLiteral("screen.json"));
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        return 2;
    f.write(R"({"screens": [{"name": "small", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    f.close();
    qputenv("QT_QPA_PLATFORM", QByteArray("offscreen:configfile=") + QFile::encodeName(file));
    QApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    TestAnalysisForms test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_analysisforms.moc"
