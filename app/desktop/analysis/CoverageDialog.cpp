#include "analysis/CoverageDialog.h"
#include "analysis/AnalysisController.h"
#include "analysis/InputWidgets.h"
#include "analysis/NetworkSection.h"
#include "analysis/jobs/ProjectJobSettings.h"
#include "app/Language.h"
#include "document/ProjectDocument.h"
#include "standards/StandardsProfile.h"
#include "util/Error.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <cmath>

namespace refuge::desktop {

void fillStandards(QComboBox *combo, const QString &current)
{
    for (const QString &id : StandardsProfile::available()) {
        QString text = id;
        try {
            const StandardsProfile p = StandardsProfile::load(id);
            const bool zh = Language::resolve(Language::stored()) == QLatin1String("zh_CN") && !p.nameZh().isEmpty();
            text = zh ? p.nameZh() : p.name().isEmpty() ? id : p.name();
        } catch (const Error &) {
        }
        combo->addItem(text, id);
    }
    const int i = combo->findData(current);
    combo->setCurrentIndex(i >= 0 ? i : 0);
}

CoverageDialog::CoverageDialog(ProjectDocument *doc, AnalysisController *controller, QWidget *parent)
    : AnalysisDialog(parent), m_doc(doc), m_controller(controller)
{
    setWindowTitle(tr("Shelter Coverage & Capacity"));
    setObjectName(QStringLiteral("CoverageDialog"));
    const CoverageSettings prefill = ProjectJobSettings::coverage(doc->project());
    auto heading = [this](const QString &text) {
        auto *l = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), this);
        form()->addRow(l);
    };
    heading(tr("Shelters"));
    m_shelters = new LayerCombo(doc, Role::Shelters, false, this);
    m_shelters->setObjectName(QStringLiteral("shelters"));
    m_shelterId = new FieldCombo(doc, m_shelters, QStringLiteral("id|name"), true, {}, this);
    m_shelterName = new FieldCombo(doc, m_shelters, QStringLiteral("name"), true, {}, this);
    m_capacity = new FieldCombo(doc, m_shelters, QStringLiteral("capacity"), true, {QStringLiteral("capacity")}, this);
    m_capacity->setObjectName(QStringLiteral("capacityField"));
    m_area = new FieldCombo(doc, m_shelters, QStringLiteral("area"), true, {}, this);
    form()->addRow(tr("Shelter layer:"), m_shelters);
    form()->addRow(tr("Id field:"), m_shelterId);
    form()->addRow(tr("Name field:"), m_shelterName);
    form()->addRow(tr("Capacity field (persons):"), m_capacity);
    form()->addRow(tr("Effective area field (m²):"), m_area);
    m_areaFromCapacity = new QDoubleSpinBox(this);
    m_areaFromCapacity->setObjectName(QStringLiteral("areaFromCapacity"));
    m_areaFromCapacity->setRange(0, 100);
    m_areaFromCapacity->setDecimals(2);
    m_areaFromCapacity->setSpecialValueText(tr("none (no area is invented)"));
    m_areaFromCapacity->setSuffix(tr(" m² per person"));
    m_areaFromCapacity->setValue(std::isfinite(prefill.areaFromCapacityM2) ? prefill.areaFromCapacityM2 : 0.0);
    m_areaFromCapacity->setToolTip(tr("Shelters without an effective area: take capacity × this as their area (each one is listed "
                                      "in the notes). Without it their area is unknown and the per-capita area check is not evaluated."));
    form()->addRow(tr("Area from capacity:"), m_areaFromCapacity);

    heading(tr("Population"));
    m_population = new LayerCombo(doc, Role::Population, false, this);
    m_population->setObjectName(QStringLiteral("population"));
    m_populationField = new FieldCombo(doc, m_population, QStringLiteral("population"), false, {QStringLiteral("population"), QStringLiteral("pop")}, this);
    m_populationField->setObjectName(QStringLiteral("populationField"));
    m_areas = new LayerCombo(doc, Role::Communities, true, this);
    m_areas->setObjectName(QStringLiteral("areas"));
    m_areaName = new FieldCombo(doc, m_areas, QStringLiteral("name"), true, {QStringLiteral("name")}, this);
    form()->addRow(tr("Population layer:"), m_population);
    form()->addRow(tr("Population field:"), m_populationField);
    form()->addRow(tr("Sum by areas:"), m_areas);
    form()->addRow(tr("Area name field:"), m_areaName);

    heading(tr("Reach"));
    m_straight = new QCheckBox(tr("Straight-line distance instead of the road network"), this);
    m_straight->setChecked(prefill.euclidean);
    form()->addRow(QString(), m_straight);
    m_network = std::make_unique<NetworkSection>(doc, form(), this, prefill.network,
                                                 NetworkSection::MetersAllowed | NetworkSection::RoadsOptional);
    auto updateNetwork = [this] {
        const bool network = !m_straight->isChecked();
        for (QWidget *w : {static_cast<QWidget *>(m_network->roads), static_cast<QWidget *>(m_network->oneway),
                           static_cast<QWidget *>(m_network->speed), static_cast<QWidget *>(m_network->profile)})
            w->setEnabled(network);
    };
    connect(m_straight, &QCheckBox::toggled, this, updateNetwork);
    updateNetwork();

    heading(tr("Capacity and standard"));
    m_assignment = new QComboBox(this);
    m_assignment->setObjectName(QStringLiteral("assignment"));
    m_assignment->addItem(tr("Nearer people first: each shelter fills with the people closest to it"), QStringLiteral("nearest"));
    m_assignment->addItem(tr("Optimal (least total distance)"), QStringLiteral("optimal"));
    m_assignment->setCurrentIndex(std::max(0, m_assignment->findData(prefill.assignment)));
    m_standard = new QComboBox(this);
    m_standard->setObjectName(QStringLiteral("standard"));
    fillStandards(m_standard, prefill.standard);
    form()->addRow(tr("Assignment:"), m_assignment);
    form()->addRow(tr("Standard:"), m_standard);
    resize(560, sizeHint().height());
}

CoverageDialog::~CoverageDialog() = default;

CoverageSettings CoverageDialog::settings() const
{
    CoverageSettings s = ProjectJobSettings::coverage(m_doc->project(), true); // the map shows the per-unit layer
    s.euclidean = m_straight->isChecked();
    s.network = m_network->settings(s.network);
    s.network.facilities = m_shelters->source();
    s.fields = {m_shelterId->field(), m_shelterName->field(), m_capacity->field(), m_area->field(), {}, {}};
    s.demand = m_population->source();
    s.populationField = m_populationField->field();
    s.areas = m_areaName->field().isEmpty() ? DataSource() : m_areas->source();
    s.areaField = s.areas.path.isEmpty() ? QString() : m_areaName->field();
    s.assignment = m_assignment->currentData().toString();
    s.areaFromCapacityM2 = m_areaFromCapacity->value();
    const QString standard = m_standard->currentData().toString();
    if (standard != s.standard)
        s.standardOverrides.clear(); // the project's overrides belong to its own standard
    s.standard = standard;
    return s;
}

QString CoverageDialog::validate() const
{
    if (m_shelters->layerId().isEmpty())
        return tr("Choose the shelters (a layer with the role Shelters).");
    if (m_capacity->field().isEmpty() && m_area->field().isEmpty())
        return tr("Choose the shelters' capacity field or their effective area field.");
    if (m_population->layerId().isEmpty())
        return tr("Choose the population (a layer with the role Population).");
    if (m_populationField->field().isEmpty())
        return tr("Choose the population field.");
    if (!m_areas->layerId().isEmpty() && m_areaName->field().isEmpty())
        return tr("Choose the name field of the areas to sum by.");
    if (m_straight->isChecked())
        return m_network->limit->value() > 0 ? QString() : tr("The limit must be greater than 0.");
    return m_network->validate();
}

std::function<void(Feedback &)> CoverageDialog::makeJob()
{
    CoverageSettings s = settings();
    s.outDir = m_controller->newRunDirectory(QStringLiteral("coverage"));
    setRunDirectory(s.outDir);
    auto result = std::make_shared<CoverageJobResult>();
    m_result = result;
    return [s, result](Feedback &feedback) { *result = CoverageJob::run(s, feedback); };
}

void CoverageDialog::finish()
{
    if (m_result)
        m_controller->applyCoverage(*m_result);
}

} // namespace refuge::desktop
