#pragma once
// NetworkSection: the rows every network analysis dialog shares, added to its form —
// road layer with its one-way and speed fields, travel profile (resources/profiles),
// limit in minutes or metres and, optionally, breaks; barrier polygons (e.g. a flood
// zone: streets crossing it closed or slowed) and the snap distance — prefilled from
// the project's roles and analysis settings, and read back into NetworkSettings. GUI
// thread only.
#include "analysis/jobs/NetworkInputs.h"

#include <QCoreApplication>
#include <QString>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLineEdit;
class QWidget;

namespace refuge::desktop {

class FieldCombo;
class LayerCombo;
class ProjectDocument;

class NetworkSection {
    Q_DECLARE_TR_FUNCTIONS(NetworkSection)
public:
    enum Option { WithBreaks = 1, MetersAllowed = 2, LimitOptional = 4, RoadsOptional = 8 };

    // `limitLabel`: the limit row's label (default "Limit:").
    NetworkSection(ProjectDocument *doc, QFormLayout *form, QWidget *parent, const NetworkSettings &prefill, int options,
                   const QString &limitLabel = {});

    // `base` with the road source, fields, profile, limit and breaks of the form.
    NetworkSettings settings(NetworkSettings base) const;
    // Empty, or what is missing or wrong.
    QString validate() const;
    bool hasRoads() const;

    LayerCombo *roads = nullptr;
    FieldCombo *oneway = nullptr;
    FieldCombo *speed = nullptr;
    QComboBox *profile = nullptr;
    QDoubleSpinBox *limit = nullptr;
    QComboBox *unit = nullptr;
    QLineEdit *breaks = nullptr;
    LayerCombo *barriers = nullptr;         // (none) by default
    QDoubleSpinBox *barrierFactor = nullptr; // 0 = closed, else × travel cost
    QDoubleSpinBox *snapMax = nullptr;       // metres

private:
    std::vector<double> parseBreaks(QString *error) const;
    ProjectDocument *m_doc;
    int m_options;
};

} // namespace refuge::desktop
