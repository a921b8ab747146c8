#pragma once
// Thin RAII handles over the GDAL/OGR C API. Owned handles (datasets, features,
// geometries, spatial references) are unique_ptrs; borrowed ones (OGRLayerH, bands)
// are plain and never outlive their dataset. GDAL objects never cross threads.
#include "io/LayerProbe.h"
#include "model/DataSource.h"

#include <QString>
#include <QStringList>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <type_traits>
#include <memory>

namespace refuge {

// Registers GDAL drivers once (thread-safe) and sets quiet error handling.
void ensureGdal();

// GDAL's last error message on this thread ("" if none), and reset it.
QString lastGdalError();
void resetGdalError();

struct GdalDatasetDeleter {
    void operator()(GDALDatasetH h) const noexcept { GDALClose(h); }
};
struct OgrFeatureDeleter {
    void operator()(OGRFeatureH h) const noexcept { OGR_F_Destroy(h); }
};
struct OgrGeometryDeleter {
    void operator()(OGRGeometryH h) const noexcept { OGR_G_DestroyGeometry(h); }
};
struct OgrSrsDeleter {
    void operator()(OGRSpatialReferenceH h) const noexcept { OSRRelease(h); }
};
struct CslDeleter {
    void operator()(char **h) const noexcept { CSLDestroy(h); }
};

using GdalDataset = std::unique_ptr<void, GdalDatasetDeleter>;
using OgrFeature = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, OgrFeatureDeleter>;
using OgrGeometry = std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, OgrGeometryDeleter>;
using OgrSrs = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, OgrSrsDeleter>;
using CslList = std::unique_ptr<char *, CslDeleter>;

CslList toCsl(const QStringList &items);

// Collects the GDAL/PROJ errors and warnings raised on this thread while it lives
// (instead of dropping them), e.g. "PROJ: proj_create: crs not found" when a file
// declares a CRS GDAL cannot interpret and silently carries on without it.
// Scoped: create on the stack, never share across threads.
class GdalErrorCollector {
public:
    GdalErrorCollector();
    ~GdalErrorCollector();
    GdalErrorCollector(const GdalErrorCollector &) = delete;
    GdalErrorCollector &operator=(const GdalErrorCollector &) = delete;

    // Messages of at least CE_Warning, in order, whitespace simplified.
    const QStringList &messages() const { return m_messages; }
    // The first message starting with prefix ("PROJ:"), or "".
    QString first(const QString &prefix) const;
    // Errors (CE_Failure and worse) so far, in order.
    const QStringList &failures() const { return m_failures; }

private:
    static void CPL_STDCALL handler(CPLErr cls, CPLErrorNum num, const char *msg);
    QStringList m_messages;
    QStringList m_failures;
};

// redactedSource() (model/DataSource.h): a source for messages, without its password.

// Opens a dataset read-only; throws IoError "<path>: <reason>" naming the problem.
GdalDataset openDataset(const QString &path, unsigned flags, const QStringList &openOptions = {});


// probeDataset (what a file holds): io/LayerProbe.h.

} // namespace refuge
