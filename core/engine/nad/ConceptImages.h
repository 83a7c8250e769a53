#pragma once

#include "data/Normalization.h"

#include <torch/torch.h>

#include <cstdint>

namespace nad {

// The images one concept's path is learned on, and the concept's class index (the label the
// official preset's cross-entropy uses). Held either as normalized floats or as 8-bit pixels
// that are normalized when a batch is gathered, on the device that runs it: a 224 × 224 ImageNet
// image takes 150 KB so instead of 600 KB, and crosses to a GPU as a quarter of the bytes. Both
// give the same floats: (pixel · 1/(255·std)) + (−mean/std), as Normalization::toFloats.
struct ConceptImages
{
    ConceptImages() = default;
    // Normalized float images.
    ConceptImages(std::int64_t classIndex, torch::Tensor images) : classIndex(classIndex), images(std::move(images)) {}

    std::int64_t classIndex = 0;
    torch::Tensor images;      // [N, C, H, W]: float (normalized) or uint8 (pixels)
    torch::Tensor pixelScale;  // uint8 images only: [1, C, 1, 1], 1 / (255 · std) per channel
    torch::Tensor pixelShift;  // uint8 images only: [1, C, 1, 1], −mean / std per channel

    // `pixels` is uint8 [N, C, H, W]; `normalization` is applied per batch.
    static ConceptImages ofPixels(std::int64_t classIndex, torch::Tensor pixels, const Normalization& normalization);

    std::int64_t count() const { return images.defined() ? images.size(0) : 0; }
    bool holdsPixels() const { return images.defined() && images.scalar_type() == torch::kUInt8; }
    // Rows `index` (int64) as normalized floats on `device`.
    torch::Tensor rows(const torch::Tensor& index, const torch::Device& device) const;
    // Rows [first, last) as normalized floats on `device`.
    torch::Tensor range(std::int64_t first, std::int64_t last, const torch::Device& device) const;
    // The same images held on `device` (as they are held: floats or pixels).
    ConceptImages to(const torch::Device& device) const;
    // Bytes the images take where they are held.
    std::int64_t bytes() const;

private:
    torch::Tensor normalized(const torch::Tensor& part, const torch::Device& device) const;
};

}  // namespace nad
