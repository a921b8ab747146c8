#include "geom/Geos.h"
#include "util/Error.h"

#include <cstdarg>
#include <cstdio>

namespace refuge {

namespace {

struct ThreadGeos {
    GEOSContextHandle_t handle = nullptr;
    char lastError[1024] = {0};

    ThreadGeos()
    {
        handle = GEOS_init_r();
        GEOSContext_setErrorMessageHandler_r(handle, &ThreadGeos::onError, this);
        GEOSContext_setNoticeMessageHandler_r(handle, &ThreadGeos::onNotice, this);
    }
    ~ThreadGeos() { GEOS_finish_r(handle); }
    ThreadGeos(const ThreadGeos &) = delete;
    ThreadGeos &operator=(const ThreadGeos &) = delete;

    static void onError(const char *message, void *userdata)
    {
        auto *self = static_cast<ThreadGeos *>(userdata);
        std::snprintf(self->lastError, sizeof(self->lastError), "%s", message);
    }
    static void onNotice(const char *, void *) {}
};

ThreadGeos &threadGeos()
{
    thread_local ThreadGeos geos;
    return geos;
}

} // namespace

GEOSContextHandle_t geosContext() { return threadGeos().handle; }

QString lastGeosError()
{
    // Taken, not peeked: a later failure must not carry an earlier call's message.
    ThreadGeos &geos = threadGeos();
    const QString message = geos.lastError[0] ? QString::fromUtf8(geos.lastError) : QStringLiteral("no message from GEOS");
    geos.lastError[0] = 0;
    return message;
}

void GeosGeometryDeleter::operator()(GEOSGeometry *g) const noexcept
{
    if (g)
        GEOSGeom_destroy_r(geosContext(), g);
}

void GeosPreparedDeleter::operator()(const GEOSPreparedGeometry *g) const noexcept
{
    if (g)
        GEOSPreparedGeom_destroy_r(geosContext(), g);
}

void GeosSTRtreeDeleter::operator()(GEOSSTRtree *t) const noexcept
{
    if (t)
        GEOSSTRtree_destroy_r(geosContext(), t);
}

GeosGeom checkedGeos(GEOSGeometry *g, const char *operation)
{
    if (!g)
        throw GeometryError(QStringLiteral("GEOS %1 failed: %2").arg(QString::fromUtf8(operation), lastGeosError()));
    return GeosGeom(g);
}

GeosPrepared prepare(const GEOSGeometry *g)
{
    const GEOSPreparedGeometry *p = GEOSPrepare_r(geosContext(), g);
    if (!p)
        throw GeometryError(QStringLiteral("GEOS prepare failed: %1").arg(lastGeosError()));
    return GeosPrepared(p);
}

} // namespace refuge
