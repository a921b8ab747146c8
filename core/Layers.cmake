# The layers of refuge_core, lowest first. A layer may use (include, call) its own
# code and the layers before it in this list, never one after it. core/CMakeLists.txt
# builds one static library per layer linked to the layer below it only, and links each
# library alone (tests/layers), so a call up a layer fails to link; tests/layers'
# include check (check_layers.cmake) reads this same list.
#   model below io: model is pure data (VectorLayer, RasterLayer, Project, Style); io
#   reads and writes it through GDAL (loadVectorLayer, openRasterLayer, the writers).
#   print below report: the report draws its maps with print's renderer.
set(REFUGE_LAYERS util geom crs standards model io network analysis render print report)
