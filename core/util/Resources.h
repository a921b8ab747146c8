#pragma once
// Where Refuge's data files (profiles/, standards/, icons/, osmconf.ini) live:
// $REFUGE_RESOURCE_DIR if set; else a "resources" folder next to the executable or in
// ../share/refuge/ (an installed or copied build, e.g. on Windows); else the source
// tree's resources/ this build was made from. Any thread.
#include <QString>

namespace refuge {

QString resourceDir();
// resourceDir() + "/" + relative
QString resourcePath(const QString &relative);

} // namespace refuge
