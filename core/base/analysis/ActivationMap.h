#pragma once

#include <cstdint>
#include <vector>

namespace nad {

// One block's activation map (paper Fig. 1 and 5, DESIGN.md §5): the channel sum of the
// (masked) block output, min-max normalized to [0, 1], resized to the input image. A plain
// value type (no LibTorch), so the views take it as it is.
struct ActivationMap
{
    int height = 0;
    int width = 0;
    std::vector<float> values;  // row-major, height * width, min-max normalized to [0, 1]
    // The block's channel sum before normalization ranged over [rawMin, rawMax]: a value v of
    // the map is the channel sum rawMin + v · (rawMax − rawMin) (interpolated between pixels).
    float rawMin = 0;
    float rawMax = 0;

    float at(int y, int x) const { return values[std::size_t(y) * std::size_t(width) + std::size_t(x)]; }
    // Exactly round(N · percent / 100) pixels (at least 1) set: the highest values, ties broken
    // by the lower pixel index, so a flat map still keeps k %. Throws for percent outside (0, 100].
    // CompositeImage::hitRate says how much of such a mask lies on a concept's tile.
    std::vector<std::uint8_t> topPercentMask(double percent) const;
};

}  // namespace nad
