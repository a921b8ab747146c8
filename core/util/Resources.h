#pragma once
// Where Refuge's data files (profiles/, standards/, icons/, osmconf.ini) live:
// $REFUGE_RESOURCE_DIR if set; else a "resources" folder next to the executable or
// ../share/refuge/resources (the installed layout, bin/ + share/refuge/); else the folder
// named in a "refuge-resources.path" file next to the executable, which only the build
// tree has (CMake writes it, pointing to the source tree's resources/). No source path is
// compiled in, so an installed binary finds only its installed resources. Any thread.
#include <QString>

namespace refuge {

QString resourceDir();
// resourceDir() + "/" + relative
QString resourcePath(const QString &relative);

} // namespace refuge
