#pragma once
// Translated, user-facing names of layer roles ("Shelters" / "避难场所"); the project
// file keeps the stable English keys (roleName()).
#include "model/Role.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace refuge::desktop {

class RoleNames {
    Q_DECLARE_TR_FUNCTIONS(RoleNames)
public:
    static QString displayName(Role role);
    static QList<Role> all();
};

} // namespace refuge::desktop
