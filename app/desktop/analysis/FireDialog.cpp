#include "analysis/FireDialog.h"
#include "analysis/AnalysisController.h"
#include "analysis/CoverageDialog.h"
#include "analysis/ParameterRanges.h"
#include "analysis/InputWidgets.h"
#include "analysis/NetworkSection.h"
#include "analysis/jobs/ProjectJobSettings.h"
#include "document/ProjectDocument.h"
#include "standards/StandardsProfile.h"
#include "util/Error.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>

namespace refuge::desktop {

FireDialog::FireDialog(ProjectDocument *doc, AnalysisController *controller, QWidget *parent)
    : AnalysisDialog(parent), m_doc(doc), m_controller(controller)
{
    setWindowTitle(tr("Fire Response"));
    setObjectName(QStringLiteral("FireDialog"));
    FireSettings prefill = ProjectJobSettings::fire(doc->project());
    StandardsProfile standard;
    try {
        standard = StandardsProfile::load(prefill.standard);
        standard.applyOverrides(prefill.standardOverrides);
    } catch (const Error &) {
    }
    auto heading = [this](const QString &text) { form()->addRow(new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), this)); };

    heading(tr("Fire stations"));
    m_stations = new LayerCombo(doc, Role::FireStations, false, this);
    m_stations->setObjectName(QStringLiteral("stations"));
    m_stationId = new FieldCombo(doc, m_stations, QStringLiteral("id|name"), true, {}, this);
    m_stationId->setObjectName(QStringLiteral("stationId"));
    m_stationName = new FieldCombo(doc, m_stations, QStringLiteral("name"), true, {}, this);
    m_grade = new FieldCombo(doc, m_stations, QStringLiteral("grade"), true, {}, this);
    m_turnoutField = new FieldCombo(doc, m_stations, QStringLiteral("turnout"), true, {}, this);
    form()->addRow(tr("Station layer:"), m_stations);
    form()->addRow(tr("Id field:"), m_stationId);
    form()->addRow(tr("Name field:"), m_stationName);
    form()->addRow(tr("Grade field:"), m_grade);
    form()->addRow(tr("Turnout field (s):"), m_turnoutField);
    m_turnout = new QDoubleSpinBox(this);
    m_turnout->setObjectName(QStringLiteral("turnout"));
    m_turnout->setRange(ParameterRanges::spec(u"turnout-seconds").min, ParameterRanges::spec(u"turnout-seconds").max);
    m_turnout->setDecimals(0);
    m_turnout->setSuffix(tr(" s"));
    m_turnout->setValue(prefill.turnoutSeconds >= 0 ? prefill.turnoutSeconds : standard.number(QStringLiteral("fire.turnout_s"), 60));
    form()->addRow(tr("Turnout time:"), m_turnout);

    heading(tr("Districts and population"));
    m_official = new LayerCombo(doc, Role::OfficialDistricts, true, this);
    m_official->setObjectName(QStringLiteral("official"));
    m_officialField = new FieldCombo(doc, m_official, QStringLiteral("facility"), true, {}, this);
    m_officialField->setObjectName(QStringLiteral("officialField"));
    m_population = new LayerCombo(doc, Role::Population, true, this);
    m_populationField = new FieldCombo(doc, m_population, QStringLiteral("population"), true, {QStringLiteral("population")}, this);
    form()->addRow(tr("Official districts:"), m_official);
    form()->addRow(tr("Station field of the districts:"), m_officialField);
    form()->addRow(tr("Population layer:"), m_population);
    form()->addRow(tr("Population field:"), m_populationField);

    heading(tr("Response"));
    m_straight = new QCheckBox(tr("Straight-line distance instead of the road network"), this);
    m_straight->setChecked(prefill.euclidean);
    form()->addRow(QString(), m_straight);
    if (!(prefill.network.limit > 0))
        prefill.network.limit = standard.number(QStringLiteral("fire.response_s"), 300) / 60.0;
    prefill.network.unit = CostUnit::Seconds;
    m_network = std::make_unique<NetworkSection>(doc, form(), this, prefill.network, NetworkSection::RoadsOptional,
                                                 tr("Response time:"));
    connect(m_straight, &QCheckBox::toggled, this, [this](bool straight) {
        for (QWidget *w : {static_cast<QWidget *>(m_network->roads), static_cast<QWidget *>(m_network->oneway),
                           static_cast<QWidget *>(m_network->speed), static_cast<QWidget *>(m_network->profile)})
            w->setEnabled(!straight);
    });
    Q_EMIT m_straight->toggled(m_straight->isChecked());
    m_suburban = new QCheckBox(tr("Suburban district area limits"), this);
    m_suburban->setChecked(prefill.suburban);
    form()->addRow(QString(), m_suburban);
    m_standard = new QComboBox(this);
    m_standard->setObjectName(QStringLiteral("standard"));
    fillStandards(m_standard, prefill.standard);
    form()->addRow(tr("Standard:"), m_standard);
    resize(560, sizeHint().height());
}

FireDialog::~FireDialog() = default;

FireSettings FireDialog::settings() const
{
    FireSettings s = ProjectJobSettings::fire(m_doc->project());
    s.euclidean = m_straight->isChecked();
    s.network = m_network->settings(s.network);
    s.network.facilities = m_stations->source();
    s.fields = {m_stationId->field(), m_stationName->field(), {}, {}, m_grade->field(), m_turnoutField->field()};
    s.turnoutSeconds = m_turnout->value();
    s.responseMinutes = m_network->limit->value();
    s.official = m_officialField->field().isEmpty() ? DataSource() : m_official->source();
    s.officialField = s.official.path.isEmpty() ? QString() : m_officialField->field();
    s.demand = m_populationField->field().isEmpty() ? DataSource() : m_population->source();
    s.populationField = s.demand.path.isEmpty() ? QString() : m_populationField->field();
    s.suburban = m_suburban->isChecked();
    const QString standard = m_standard->currentData().toString();
    if (standard != s.standard)
        s.standardOverrides.clear();
    s.standard = standard;
    return s;
}

QString FireDialog::validate() const
{
    if (m_stations->layerId().isEmpty())
        return tr("Choose the fire stations (a layer with the role Fire stations).");
    if (!m_official->layerId().isEmpty() && m_officialField->field().isEmpty())
        return tr("Choose the field of the official districts that names the station.");
    if (!m_population->layerId().isEmpty() && m_populationField->field().isEmpty())
        return tr("Choose the population field.");
    if (m_official->layerId().isEmpty() && m_population->layerId().isEmpty())
        return tr("Choose the official districts or a population layer to bound the analysis.");
    if (m_straight->isChecked())
        return m_network->limit->value() > 0 ? QString() : tr("The response time must be greater than 0.");
    return m_network->validate();
}

std::function<void(Feedback &)> FireDialog::makeJob()
{
    FireSettings s = settings();
    s.outDir = m_controller->newRunDirectory(QStringLiteral("fire"));
    setRunDirectory(s.outDir);
    auto result = std::make_shared<FireJobResult>();
    m_result = result;
    return [s, result](Feedback &feedback) { *result = FireJob::run(s, feedback); };
}

void FireDialog::finish()
{
    if (m_result)
        m_controller->applyFire(*m_result);
}

} // namespace refuge::desktop
