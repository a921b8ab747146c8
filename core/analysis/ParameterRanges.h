#pragma once
// ParameterRanges now lives in util/ (it is used from standards, network and io, below
// analysis); this header keeps analysis code that includes it here building.
#include "util/ParameterRanges.h"
