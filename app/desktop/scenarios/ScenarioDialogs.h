#pragma once
// The small questions of the what-if edit tools: a new facility's name and capacity,
// and a facility's new capacity. Modal dialogs; nullopt when canceled. GUI thread only.
#include "scenarios/ScenarioTools.h"

#include <QCoreApplication>

class QWidget;

namespace refuge::desktop {

class ScenarioDialogs {
    Q_DECLARE_TR_FUNCTIONS(ScenarioDialogs)
public:
    static std::optional<NewFacility> askNewFacility(QWidget *parent, const QString &role, bool hasCapacity);
    static std::optional<double> askCapacity(QWidget *parent, const ScenarioFacility &facility);
};

} // namespace refuge::desktop
