#include "analysis/ServiceAreaDialog.h"
#include "analysis/AnalysisController.h"
#include "analysis/InputWidgets.h"
#include "analysis/NetworkSection.h"
#include "analysis/jobs/ProjectJobSettings.h"
#include "document/ProjectDocument.h"

#include <QCheckBox>
#include <QFormLayout>

namespace refuge::desktop {

ServiceAreaDialog::ServiceAreaDialog(ProjectDocument *doc, AnalysisController *controller, Mode mode, QWidget *parent)
    : AnalysisDialog(parent), m_doc(doc), m_controller(controller), m_mode(mode)
{
    const bool zones = mode == Mode::Zones;
    setWindowTitle(zones ? tr("Nearest-Facility Zones") : tr("Service Area"));
    setObjectName(zones ? QStringLiteral("ZonesDialog") : QStringLiteral("ServiceAreaDialog"));
    const ServiceAreaSettings prefill = ProjectJobSettings::serviceArea(doc->project());
    m_facilities = new LayerCombo(doc, Role::Shelters, false, this);
    m_facilities->setObjectName(QStringLiteral("facilities"));
    m_facilityId = new FieldCombo(doc, m_facilities, QStringLiteral("id|name"), true, {}, this);
    m_facilityId->setObjectName(QStringLiteral("facilityId"));
    form()->addRow(tr("Facilities:"), m_facilities);
    form()->addRow(tr("Facility id field:"), m_facilityId);
    int options = NetworkSection::MetersAllowed;
    if (zones)
        options |= NetworkSection::LimitOptional;
    else
        options |= NetworkSection::WithBreaks;
    NetworkSettings net = prefill.network;
    if (zones)
        net.limit = 0;
    m_network = std::make_unique<NetworkSection>(doc, form(), this, net, options);
    if (!zones) {
        m_dissolve = new QCheckBox(tr("One polygon per break for all facilities together"), this);
        m_dissolve->setObjectName(QStringLiteral("dissolve"));
        form()->addRow(QString(), m_dissolve);
    }
    resize(520, sizeHint().height());
}

ServiceAreaDialog::~ServiceAreaDialog() = default;

ServiceAreaSettings ServiceAreaDialog::settings() const
{
    ServiceAreaSettings s = ProjectJobSettings::serviceArea(m_doc->project());
    s.network = m_network->settings(s.network);
    s.network.facilities = m_facilities->source();
    s.network.facilityIdField = m_facilityId->field();
    s.dissolve = m_dissolve && m_dissolve->isChecked();
    return s;
}

QString ServiceAreaDialog::validate() const
{
    if (m_facilities->layerId().isEmpty())
        return tr("Choose the facilities (e.g. the layer with the role Shelters).");
    return m_network->validate();
}

std::function<void(Feedback &)> ServiceAreaDialog::makeJob()
{
    const QString kind = m_mode == Mode::Zones ? QStringLiteral("zones") : QStringLiteral("service_area");
    m_running = settings();
    m_running.outDir = m_controller->newRunDirectory(kind);
    setRunDirectory(m_running.outDir);
    m_areas.reset();
    m_zones.reset();
    if (m_mode == Mode::Zones) {
        ZonesSettings z;
        z.network = m_running.network;
        z.outDir = m_running.outDir;
        auto result = std::make_shared<ZonesJobResult>();
        m_zones = result;
        return [z, result](Feedback &feedback) { *result = ZonesJob::run(z, feedback); };
    }
    auto result = std::make_shared<ServiceAreaJobResult>();
    m_areas = result;
    const ServiceAreaSettings s = m_running;
    return [s, result](Feedback &feedback) { *result = ServiceAreaJob::run(s, feedback); };
}

void ServiceAreaDialog::finish()
{
    if (m_zones)
        m_controller->applyZones(*m_zones);
    else if (m_areas)
        m_controller->applyServiceArea(*m_areas, m_running);
}

} // namespace refuge::desktop
