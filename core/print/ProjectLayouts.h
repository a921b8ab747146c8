#pragma once
// ProjectLayouts: the print layouts saved in a project — the project file's top-level
// "layouts" array of PrintLayout JSON objects (see PrintLayout.h), each named. Project
// keeps keys it does not know when it saves, so this class reads and writes them
// through Project's JSON without a field of its own in the model. Pure functions.
#include "print/PrintLayout.h"

#include <optional>
#include <vector>

namespace refuge {

class Project;

class ProjectLayouts {
public:
    // The project's layouts in file order. Throws InvalidInput naming the project file
    // and the layout (not a list, an unnamed layout, two with one name, a bad item).
    static std::vector<PrintLayout> read(const Project &project);
    // The layout named `name` (case-sensitive), or nullopt.
    static std::optional<PrintLayout> find(const Project &project, const QString &name);
    // Replaces the project's layouts (saved with the project). Throws InvalidInput for
    // an unnamed layout or a repeated name.
    static void store(Project &project, const std::vector<PrintLayout> &layouts);
};

} // namespace refuge
