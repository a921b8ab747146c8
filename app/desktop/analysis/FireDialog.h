#pragma once
// FireDialog: Fire Response — road network (drive), fire stations with id/name/grade/
// turnout fields, official first-due districts, population, response time, turnout,
// suburban limits and standards profile — prefilled from the project's roles and
// `analysis.fire`; runs FireJob. GUI thread only.
#include "analysis/AnalysisDialog.h"
#include "analysis/jobs/FireJob.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;

namespace refuge::desktop {

class AnalysisController;
class FieldCombo;
class LayerCombo;
class NetworkSection;
class ProjectDocument;

class FireDialog : public AnalysisDialog {
    Q_OBJECT
public:
    FireDialog(ProjectDocument *doc, AnalysisController *controller, QWidget *parent = nullptr);
    ~FireDialog() override;

    NetworkSection *network() const { return m_network.get(); }
    LayerCombo *stations() const { return m_stations; }
    FieldCombo *stationId() const { return m_stationId; }
    LayerCombo *official() const { return m_official; }
    FieldCombo *officialField() const { return m_officialField; }
    QDoubleSpinBox *turnout() const { return m_turnout; }
    FireSettings settings() const;

protected:
    QString validate() const override;
    std::function<void(Feedback &)> makeJob() override;
    void finish() override;

private:
    ProjectDocument *m_doc;
    AnalysisController *m_controller;
    std::unique_ptr<NetworkSection> m_network;
    QCheckBox *m_straight;
    LayerCombo *m_stations;
    FieldCombo *m_stationId, *m_stationName, *m_grade, *m_turnoutField;
    LayerCombo *m_official;
    FieldCombo *m_officialField;
    LayerCombo *m_population;
    FieldCombo *m_populationField;
    QDoubleSpinBox *m_turnout;
    QCheckBox *m_suburban;
    QComboBox *m_standard;
    std::shared_ptr<FireJobResult> m_result;
};

} // namespace refuge::desktop
