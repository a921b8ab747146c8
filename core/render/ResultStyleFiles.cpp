// ResultStyleFiles: result styles stored in the results GeoPackages (see the header).
#include "render/ResultStyleFiles.h"

#include "io/GpkgStyles.h"
#include "render/ResultStyles.h"
#include "render/StyleExport.h"
#include "util/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace refuge {

namespace {

// summary.json renamed while the styles are written: a folder left in between reads
// as incomplete, as it should.
class SummaryAside {
public:
    explicit SummaryAside(const QString &dir)
        : m_summary(dir.isEmpty() ? QString() : QDir(dir).filePath(QStringLiteral("summary.json"))),
          m_aside(dir.isEmpty() ? QString() : QDir(dir).filePath(QStringLiteral(".summary.json.styling")))
    {
        if (m_summary.isEmpty() || !QFileInfo::exists(m_summary))
            return;
        QFile::remove(m_aside);
        if (!QFile::rename(m_summary, m_aside))
            throw IoError(fileMessage(m_summary, QStringLiteral("cannot be moved aside while the styles are written")));
        m_moved = true;
    }
    void restore()
    {
        if (m_moved && !QFile::rename(m_aside, m_summary))
            throw IoError(fileMessage(m_summary, QStringLiteral("cannot be put back (it is %1)").arg(m_aside)));
        m_moved = false;
    }
    ~SummaryAside()
    {
        if (m_moved)
            QFile::rename(m_aside, m_summary);
    }
    SummaryAside(const SummaryAside &) = delete;
    SummaryAside &operator=(const SummaryAside &) = delete;

private:
    QString m_summary, m_aside;
    bool m_moved = false;
};

bool isLocalGeoPackage(const QString &file)
{
    return file.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive) && QFileInfo(file).isFile();
}

} // namespace

QStringList ResultStyleFiles::write(const AnalysisResult &result, QStringView lang, int *styled)
{
    QStringList warnings;
    int count = 0;
    // Per GeoPackage, in the order of the outputs: one read of its layers, one write.
    QStringList files;
    for (const OutputLayer &l : result.layers)
        if (isLocalGeoPackage(l.file) && !files.contains(l.file))
            files << l.file;
    if (styled)
        *styled = 0;
    if (files.isEmpty())
        return warnings;
    SummaryAside aside(result.outDir);
    for (const QString &file : files) {
        try {
            const std::map<QString, GpkgLayerInfo> infos = GpkgStyles::layerInfos(file);
            std::vector<GpkgStyle> rows;
            for (const OutputLayer &l : result.layers) {
                const auto info = infos.find(l.id);
                if (l.file != file || info == infos.end())
                    continue; // an optional layer the run did not write
                const Style style = ResultStyles::forOutput(l, lang);
                QMap<QString, QString> properties;
                if (l.detail)
                    properties.insert(GpkgStyles::kDetailProperty, QStringLiteral("true"));
                rows.push_back({l.id, info->second.geometryColumn, l.id, StyleExport::qml(style, info->second.dimension, properties),
                                StyleExport::sld(style, info->second.dimension, l.id),
                                l.title.in(lang)}); // the description: the layer's title when the folder is opened (ResultsFolder)
            }
            GpkgStyles::write(file, rows);
            count += int(rows.size());
        } catch (const Error &e) {
            warnings << e.message();
        }
    }
    aside.restore();
    if (styled)
        *styled = count;
    return warnings;
}

} // namespace refuge
