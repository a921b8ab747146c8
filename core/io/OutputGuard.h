#pragma once
// OutputGuard: the input files of one run, and the check every writer makes before it
// opens an output. An output is refused (InvalidInput, one line naming the output)
// when it is one of the inputs or one of their side files (GeoPackage/SQLite -wal,
// -shm, -journal; a shapefile's .shp/.shx/.dbf/.prj/.cpg...; a raster's .aux.xml/.ovr),
// compared by canonical path (symbolic links resolved, and the same file under two
// names — hard links, case-insensitive file systems — found by file identity), or
// when an output folder is an input file. Connection strings are not files and are
// not compared. A value; any thread.
#include "model/DataSource.h"

#include <QString>
#include <filesystem>
#include <QStringList>
#include <vector>

namespace refuge {

class Project;

class OutputGuard {
public:
    // A file path (a GDAL "|layername=" tail is ignored) or a connection string.
    void addInput(const QString &path);
    void addInput(const DataSource &source) { addInput(source.path); }
    // The project file and every layer's source.
    void addProject(const Project &project);

    // Throws InvalidInput naming `output` when writing it would replace an input.
    void checkFile(const QString &output) const;
    // The same for a results folder and the files an analysis writes into it.
    void checkFolder(const QString &dir, const QStringList &fileNames) const;

    // A path as std::filesystem takes it (UTF-16 on Windows, the locale's bytes elsewhere).
    static std::filesystem::path nativePath(const QString &path);

private:
    struct Input {
        QString given;     // as the user gave it (for the message)
        QString canonical; // canonical path of the file or side file name
    };
    const Input *find(const QString &output) const;
    std::vector<Input> m_inputs;
};

} // namespace refuge
