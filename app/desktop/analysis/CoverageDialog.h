#pragma once
// CoverageDialog: Shelter Coverage & Capacity — road network (or straight lines),
// shelters with id/name/capacity/effective-area fields (and area from capacity, only
// when asked), population and its field,
// communities to sum by, limit, assignment method and standards profile — prefilled
// from the project's roles and `analysis.coverage`; runs CoverageJob. GUI thread only.
#include "analysis/AnalysisDialog.h"
#include "analysis/jobs/CoverageJob.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;

namespace refuge::desktop {

class AnalysisController;
class FieldCombo;
class LayerCombo;
class NetworkSection;
class ProjectDocument;

class CoverageDialog : public AnalysisDialog {
    Q_OBJECT
public:
    CoverageDialog(ProjectDocument *doc, AnalysisController *controller, QWidget *parent = nullptr);
    ~CoverageDialog() override;

    NetworkSection *network() const { return m_network.get(); }
    LayerCombo *shelters() const { return m_shelters; }
    FieldCombo *capacityField() const { return m_capacity; }
    LayerCombo *population() const { return m_population; }
    FieldCombo *populationField() const { return m_populationField; }
    LayerCombo *areas() const { return m_areas; }
    QComboBox *assignment() const { return m_assignment; }
    QComboBox *standard() const { return m_standard; }
    CoverageSettings settings() const;

protected:
    QString validate() const override;
    std::function<void(Feedback &)> makeJob() override;
    void finish() override;

private:
    ProjectDocument *m_doc;
    AnalysisController *m_controller;
    std::unique_ptr<NetworkSection> m_network;
    QCheckBox *m_straight;
    LayerCombo *m_shelters;
    FieldCombo *m_shelterId, *m_shelterName, *m_capacity, *m_area;
    QDoubleSpinBox *m_areaFromCapacity;
    LayerCombo *m_population;
    FieldCombo *m_populationField;
    LayerCombo *m_areas;
    FieldCombo *m_areaName;
    QComboBox *m_assignment;
    QComboBox *m_standard;
    std::shared_ptr<CoverageJobResult> m_result;
};

// The standards profiles (resources/standards) in a combo, `current` selected.
void fillStandards(QComboBox *combo, const QString &current);

} // namespace refuge::desktop
