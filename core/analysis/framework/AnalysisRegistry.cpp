// AnalysisRegistry: the list of analyses (one line per analysis).
#include "analysis/framework/AnalysisRegistry.h"

namespace refuge {

const std::vector<const Analysis *> &AnalysisRegistry::all()
{
    static const std::vector<const Analysis *> list = [] {
        std::vector<const Analysis *> l;
        return l;
    }();
    return list;
}

const Analysis *AnalysisRegistry::find(QStringView id)
{
    for (const Analysis *a : all())
        if (a->id() == id)
            return a;
    return nullptr;
}

} // namespace refuge
