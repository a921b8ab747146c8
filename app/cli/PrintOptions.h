#pragma once
// What `refuge-cli print` and `refuge-cli atlas` share: the --layout value and the
// page context of a project.
#include "print/PrintLayout.h"
#include "print/PrintRenderer.h"

#include <QString>

namespace refuge {
class Feedback;
class Project;
}

namespace refuge::cli {

// --layout: a layout file (*.json), a template of resources/templates/ by name
// (community-evacuation-a4, ...), or standard-a4|a3|a2[-landscape]. `lang` "zh_CN" (or
// "zh") picks a template's NAME-zh_CN version; "" or "en" the name as given. Throws
// UsageError naming `command`, or the file's IoError/InvalidInput.
// With a project, a layout saved in it under that name (ProjectLayouts) comes first.
PrintLayout layoutFor(const QString &command, const QString &value, const QString &lang = {}, const Project *project = nullptr);
// The project's map (all layers), title and credits (PrintCredits). Throws InvalidInput
// naming `command` when nothing can be drawn.
PrintContext projectContext(const QString &command, const Project &project, Feedback *feedback);

} // namespace refuge::cli
