#pragma once

#include "analysis/ActivationMap.h"
#include "data/ImageSet.h"

#include <cstdint>
#include <string>
#include <vector>

namespace nad {

// One unit (an output channel of a block), as the unit explorer shows it: the held-out images
// it responds to most, where in them it fires, its mean response per concept, and which
// concepts' paths keep it. Responses are the channel's mean over positions in the original
// network (see BlockUnitStatistics).
struct UnitProfile
{
    std::int64_t runId = 0;
    std::size_t block = 0;
    std::string blockName;
    std::size_t unit = 0;
    std::size_t units = 0;                      // channels of the block
    std::size_t heldOutImages = 0;              // images the statistics were measured on
    ImageSet topImages;                         // strongest first; labels are class indices
    std::vector<std::int64_t> topImageIndices;  // in the held-out split
    std::vector<float> topResponses;
    // The unit's map on each top image: its channel, resized to the input and divided by the
    // largest value over all the top images, so the maps share one scale (unlike the
    // per-image min-max of the block maps: here the strength matters).
    std::vector<ActivationMap> topMaps;
    std::vector<std::int64_t> classes;    // class index per entry below
    std::vector<std::string> classNames;  // their names
    std::vector<float> classMeans;        // mean response per class
    std::vector<double> keptShare;  // share of the class's initializations whose path keeps the unit (-1: no path)
    int initializations = 0;
    bool fromCache = false;
};

}  // namespace nad
