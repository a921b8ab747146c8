// A probe for tests/layers: code that calls into the model layer (LoadReport::messages,
// defined in core/model/VectorLayer.cpp). Built into a layer below model it must not link.
#include "model/VectorLayer.h"

int refugeProbeCallsModel()
{
    return int(refuge::LoadReport().messages().size());
}
