#pragma once
// Project: the contents of a *.refuge file — one CRS, an ordered list of layers with
// a role each, field mappings, styles and analysis settings. Pure data (no layers are
// opened here). Paths are stored relative to the project file. Keys this version does
// not know are kept and written back unchanged. A connection string's password is
// never written: it lives only in memory (see warnings()). Owned by the caller; not
// thread-safe.
#include "crs/Crs.h"
#include "model/DataSource.h"
#include "model/Role.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <vector>

namespace refuge {

struct ProjectLayer {
    QString id;                     // unique within the project
    QString name;                   // shown in the layer tree
    QString path;                   // as written in the file: relative to it, absolute, or a PG: string
                                    // (which may carry a password in memory, never in the file)
    QString layer;                  // layer inside the dataset (empty: the first)
    Role role = Role::Other;
    QMap<QString, QString> fields;  // role key ("capacity") → field name ("Capacity")
    bool visible = true;
    double opacity = 1.0;
    QString crs;                    // stated CRS for sources without one (optional)
    QString encoding;               // stated text encoding (optional)
    QJsonObject style;              // symbology (see the desktop/renderer)
    QJsonObject extra;              // unknown keys, kept

    QString field(const QString &key) const { return fields.value(key); }
    bool operator==(const ProjectLayer &) const = default;
};

class Project {
public:
    static constexpr int kFormatVersion = 1;

    Project() = default;

    // Throws IoError (unreadable), InvalidInput (syntax, wrong types, newer version),
    // CrsError (bad CRS), each naming the file.
    static Project load(const QString &filePath);
    // Atomic write (QSaveFile). Throws IoError. Sets filePath().
    void save(const QString &filePath);

    static Project fromJson(const QJsonObject &json, const QString &filePath);
    QJsonObject toJson() const; // without passwords
    // Problems found when the file was read that did not stop it, one line each naming
    // the file ("<file>: warning: ..."): a stored database password.
    const QStringList &warnings() const { return m_warnings; }

    const QString &filePath() const { return m_filePath; }
    void setFilePath(const QString &path) { m_filePath = path; }
    QString directory() const;

    QString title;
    Crs crs;
    QJsonObject metadata;  // title, description, credits (array of strings)...
    QJsonObject analysis;  // analysis settings (limits, profiles, standard...)
    std::vector<ProjectLayer> layers;

    // Absolute path (or connection string) of a layer's source.
    QString resolvedPath(const ProjectLayer &layer) const;
    DataSource dataSource(const ProjectLayer &layer) const;
    // The path to store for an absolute file path (relative to the project when possible).
    QString storedPath(const QString &absolutePath) const;

    const ProjectLayer *layerWithRole(Role role) const;
    const ProjectLayer *layerById(const QString &id) const;
    QString uniqueLayerId(const QString &base) const;
    QStringList credits() const;

private:
    QString m_filePath;
    QJsonObject m_extra;
    QStringList m_warnings;
};

} // namespace refuge
