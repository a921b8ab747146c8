#pragma once
// ServiceAreaDialog: Service Area and Nearest-Facility Zones — road network, facilities
// (shelters by default) and their id field, profile, limit and breaks (service area) —
// prefilled from the project; runs ServiceAreaJob / ZonesJob. GUI thread only.
#include "analysis/AnalysisDialog.h"
#include "analysis/jobs/ServiceAreaJob.h"
#include "analysis/jobs/ZonesJob.h"

class QCheckBox;

namespace refuge::desktop {

class AnalysisController;
class FieldCombo;
class LayerCombo;
class NetworkSection;
class ProjectDocument;

class ServiceAreaDialog : public AnalysisDialog {
    Q_OBJECT
public:
    enum class Mode { ServiceArea, Zones };

    ServiceAreaDialog(ProjectDocument *doc, AnalysisController *controller, Mode mode, QWidget *parent = nullptr);
    ~ServiceAreaDialog() override;

    NetworkSection *network() const { return m_network.get(); }
    LayerCombo *facilities() const { return m_facilities; }
    FieldCombo *facilityId() const { return m_facilityId; }
    QCheckBox *dissolve() const { return m_dissolve; }
    // The settings the form describes (no output folder).
    ServiceAreaSettings settings() const;

protected:
    QString validate() const override;
    std::function<void(Feedback &)> makeJob() override;
    void finish() override;

private:
    ProjectDocument *m_doc;
    AnalysisController *m_controller;
    Mode m_mode;
    std::unique_ptr<NetworkSection> m_network;
    LayerCombo *m_facilities;
    FieldCombo *m_facilityId;
    QCheckBox *m_dissolve = nullptr;
    ServiceAreaSettings m_running;
    std::shared_ptr<ServiceAreaJobResult> m_areas;
    std::shared_ptr<ZonesJobResult> m_zones;
};

} // namespace refuge::desktop
