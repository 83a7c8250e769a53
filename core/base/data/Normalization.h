#pragma once

#include "data/ImageSet.h"

#include <string>
#include <vector>

namespace nad {

// Per-channel mean/std on the [0, 1] pixel scale, as torchvision's Normalize takes them.
// "To tensor" is pixel / 255, then (value - mean) / std, in CHW order.
struct Normalization
{
    std::vector<float> mean{0.0f};
    std::vector<float> std{1.0f};

    static Normalization imageNet() { return {{0.485f, 0.456f, 0.406f}, {0.229f, 0.224f, 0.225f}}; }
    // The training split's pixel mean and std; the zoo models are trained with it.
    static Normalization fashionMnist() { return {{0.2860f}, {0.3530f}}; }

    // Throws InvalidArgument when the channel counts differ from `channels` (a single value
    // is broadcast to every channel) or a std is not positive.
    void validate(int channels) const;
    float meanOf(int channel) const { return mean.size() == 1 ? mean[0] : mean[std::size_t(channel)]; }
    float stdOf(int channel) const { return std.size() == 1 ? std[0] : std[std::size_t(channel)]; }

    // Writes images [first, first + count) of `set` as normalized floats into `out`
    // (count * C * H * W values, CHW per image).
    void toFloats(const ImageSet& set, std::size_t first, std::size_t count, float* out) const;
};

}  // namespace nad
