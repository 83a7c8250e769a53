#pragma once

#include "data/ImageSet.h"
#include "data/Normalization.h"

#include <torch/torch.h>

#include <vector>

namespace nad {

// Converts stored 8-bit images to the float tensors a network takes ("to tensor" and
// normalization, as torchvision's ToTensor + Normalize do), in batches.
class ImageBatch
{
public:
    // Images `indices` of `set` as a [B, C, H, W] float tensor on `device`.
    static torch::Tensor images(const ImageSet& set, const std::vector<std::size_t>& indices,
                                const Normalization& normalization, const torch::Device& device);
    // Images `indices` of `set` as stored: a [B, C, H, W] uint8 tensor on the CPU (4× smaller than
    // floats; ConceptImages normalizes it per batch).
    static torch::Tensor pixels(const ImageSet& set, const std::vector<std::size_t>& indices);
    // A contiguous range [first, first + count).
    static torch::Tensor range(const ImageSet& set, std::size_t first, std::size_t count,
                               const Normalization& normalization, const torch::Device& device);
    // At most `largest` images of `set`, and as many as fit in `bytes` as floats: a batch of 500
    // 224-px images is 300 MB before the network has run.
    static int imagesWithin(const ImageSet& set, int largest, std::size_t bytes = std::size_t(64) << 20);
    static torch::Tensor labels(const ImageSet& set, const std::vector<std::size_t>& indices,
                                const torch::Device& device);
};

}  // namespace nad
