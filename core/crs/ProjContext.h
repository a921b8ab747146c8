#pragma once
// Per-thread PROJ context and an RAII handle for PJ objects (internal to core/crs).
#include <proj.h>
#include <memory>

namespace refuge::detail {

PJ_CONTEXT *projContext();

struct PjDeleter {
    void operator()(PJ *p) const noexcept { proj_destroy(p); }
};
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

} // namespace refuge::detail
