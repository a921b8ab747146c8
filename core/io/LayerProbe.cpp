// LayerProbe: a layer's declared geometry dimension and fields (no features read).
#include "io/LayerProbe.h"
#include "io/Gdal.h"
#include "io/VectorReader.h"

#include <ogr_api.h>

namespace refuge {

LayerProbe LayerProbe::of(const DataSource &source)
{
    const GdalErrorCollector errors;
    const VectorSourceReading reading = VectorReader::open(source, LoadOptions{}, errors);
    LayerProbe probe;
    probe.dimension = VectorReader::declaredDimension(reading.layer);
    probe.featureCount = OGR_L_GetFeatureCount(reading.layer, FALSE);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(reading.layer);
    const int n = OGR_FD_GetFieldCount(defn);
    for (int i = 0; i < n; ++i) {
        OGRFieldDefnH f = OGR_FD_GetFieldDefn(defn, i);
        probe.fields << QString::fromUtf8(OGR_Fld_GetNameRef(f));
        probe.types.push_back(VectorReader::fieldType(f));
    }
    return probe;
}

} // namespace refuge
