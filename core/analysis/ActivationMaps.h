#pragma once

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

// One block's activation map (paper Fig. 1 and 5, DESIGN.md §5): the channel sum of the
// (masked) block output, min-max normalized to [0, 1], resized to the input image.
struct ActivationMap
{
    int height = 0;
    int width = 0;
    std::vector<float> values;  // row-major, height * width

    float at(int y, int x) const { return values[std::size_t(y) * std::size_t(width) + std::size_t(x)]; }
};

// Per block hit rate over many random composites: how much of a path's top-k % activation
// falls on its own concept's tile (chance: 1 / tiles).
struct HitRateStudy
{
    std::vector<std::string> blockNames;
    std::vector<double> pathMean, pathStd;          // with the concept's path applied
    std::vector<double> originalMean, originalStd;  // the unmasked network, same tiles
    int composites = 0;
    int samples = 0;                                // composites × tiles
    double chance = 0;
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
    // Exactly round(N · percent / 100) pixels (at least 1) set: the highest values, ties broken
    // by the lower pixel index, so a flat map still keeps k %.
    static std::vector<std::uint8_t> topPercentMask(const ActivationMap& map, double percent);
    // Share of the mask's pixels inside `tile` of `composite` (the map has the composite's size).
    static double hitRate(const std::vector<std::uint8_t>& mask, const ActivationMap& map,
                          const CompositeImage& composite, int tile);
    // Mean ± std of the per-block hit rate over seeded random composites of the concepts that
    // have a path in `paths` (one path per concept). `cancel` is checked per composite.
    using Progress = std::function<void(int done, int total)>;
    static HitRateStudy hitRates(BlockNetwork& network, const ImageSet& heldOut, const Normalization& normalization,
                                 const std::vector<LearnedPath>& paths, const HitRateOptions& options,
                                 const Progress& progress = {}, const std::atomic<bool>* cancel = nullptr);
};

} // namespace nad
