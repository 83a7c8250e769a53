#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nad {

// Images of one fixed size, stored as 8-bit pixels in CHW order (channel planes one after
// the other), with one class label per image. Pixels stay 8-bit so the whole 60,000-image
// Fashion-MNIST training split takes 47 MB; conversion to normalized floats happens per batch.
struct ImageSet
{
    int channels = 0;
    int height = 0;
    int width = 0;
    std::vector<std::uint8_t> pixels;  // size() == count() * channels * height * width
    std::vector<std::int64_t> labels;  // class index per image
    std::vector<std::string> classNames;

    std::size_t imageBytes() const { return std::size_t(channels) * height * width; }
    std::size_t count() const { return labels.size(); }
    const std::uint8_t* image(std::size_t index) const { return pixels.data() + index * imageBytes(); }

    // Number of images of each class, indexed by class.
    std::vector<std::size_t> countsPerClass() const;
    // Indices of the images whose label is `classIndex`, in storage order.
    std::vector<std::size_t> indicesOfClass(std::int64_t classIndex) const;
    // A new set holding the images at `indices`, in that order.
    ImageSet subset(const std::vector<std::size_t>& indices) const;
};

}  // namespace nad
