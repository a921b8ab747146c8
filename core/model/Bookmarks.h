#pragma once
// Bookmarks: named map extents saved in a project — the project file's top-level
// "bookmarks" array of {"name", "crs", "extent": [xmin, ymin, xmax, ymax]}, in the
// order the user made them. The CRS is the one the extent is in (the project's when it
// was made), so a bookmark still shows the same place after the project's CRS changes.
// Read and written through Project's JSON (Project keeps keys it does not know), like
// ProjectLayouts. Pure functions.
#include <QRectF>
#include <QString>
#include <vector>

namespace refuge {

class Project;

struct Bookmark {
    QString name;
    QString crs;   // "EPSG:2249" or WKT: what Crs::fromUserInput reads
    QRectF extent; // in `crs`
    bool operator==(const Bookmark &) const = default;
};

class Bookmarks {
public:
    // The project's bookmarks in file order. Throws InvalidInput naming the project file
    // and the bookmark: not a list, no name, two with one name, an extent that is not
    // four numbers with min < max, a CRS PROJ does not know.
    static std::vector<Bookmark> read(const Project &project);
    // Replaces the project's bookmarks (saved with the project); none removes the key.
    // Throws InvalidInput as read() does.
    static void store(Project &project, const std::vector<Bookmark> &bookmarks);
};

} // namespace refuge
