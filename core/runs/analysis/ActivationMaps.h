#pragma once

#include "analysis/ActivationMap.h"
#include "analysis/CompositeImage.h"
#include "data/Normalization.h"
#include "nad/PathLearner.h"
#include "nn/BlockNetwork.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace nad {

// Per block hit rate over many random composites: how much of a path's top-k % activation
// falls on its own concept's tile. The baseline is chance, 1 / tiles: the unmasked network's
// top-k pixels, averaged over every tile of a composite, hit exactly that by construction.
struct HitRateStudy
{
    std::vector<std::string> blockNames;
    std::vector<double> pathMean, pathStd;  // with the concept's path applied
    int composites = 0;
    int samples = 0;  // composites × tiles
    double chance = 0;
    double topPercent = 0;
};

struct HitRateOptions
{
    int rows = 2;
    int cols = 2;
    int composites = 100;
    double topPercent = 5.0;
    std::uint64_t seed = 1;
};

class ActivationMaps
{
public:
    // Every block's map for `image` (one image of `set`, index `index`) under `masks`
    // (empty: the original network). Runs under NoGradGuard.
    static std::vector<ActivationMap> compute(BlockNetwork& network, const ImageSet& set, std::size_t index,
                                              const Normalization& normalization, const BlockMasks& masks = {});
    // A map from one block output [C, h, w]: channel sum, min-max normalization (a constant
    // map becomes 0), bilinear resize to height × width (OpenCV).
    static ActivationMap fromBlockOutput(const torch::Tensor& output, int height, int width);
    // Mean ± std of the per-block hit rate over seeded random composites of the concepts that
    // have a path in `paths` (one path per concept). `cancel` is checked per composite.
    using Progress = std::function<void(int done, int total)>;
    static HitRateStudy hitRates(BlockNetwork& network, const ImageSource& heldOut, const Normalization& normalization,
                                 const std::vector<LearnedPath>& paths, const HitRateOptions& options,
                                 const Progress& progress = {}, const std::atomic<bool>* cancel = nullptr);
};

}  // namespace nad
