#include "nad/ConceptImages.h"

#include "Errors.h"

namespace nad {

ConceptImages ConceptImages::ofPixels(std::int64_t classIndex, torch::Tensor pixels, const Normalization& normalization)
{
    if (pixels.scalar_type() != torch::kUInt8 || pixels.dim() != 4)
        throw InvalidArgument("concept pixels must be a uint8 [N, C, H, W] tensor");
    const int channels = int(pixels.size(1));
    normalization.validate(channels);
    std::vector<float> scale, shift;
    for (int c = 0; c < channels; ++c) {
        // The same float expressions as Normalization::toFloats, so both paths give equal values.
        scale.push_back(1.0f / (255.0f * normalization.stdOf(c)));
        shift.push_back(-normalization.meanOf(c) / normalization.stdOf(c));
    }
    ConceptImages concept(classIndex, std::move(pixels));
    concept.pixelScale = torch::tensor(scale).view({1, channels, 1, 1});
    concept.pixelShift = torch::tensor(shift).view({1, channels, 1, 1});
    return concept;
}

torch::Tensor ConceptImages::normalized(const torch::Tensor& part, const torch::Device& device) const
{
    if (!holdsPixels())
        return part.to(device);
    // Two separate operations, as the scalar loop does without fused multiply-add.
    return part.to(device).to(torch::kFloat).mul(pixelScale.to(device)).add(pixelShift.to(device));
}

torch::Tensor ConceptImages::rows(const torch::Tensor& index, const torch::Device& device) const
{
    return normalized(images.index_select(0, index.to(images.device())), device);
}

torch::Tensor ConceptImages::range(std::int64_t first, std::int64_t last, const torch::Device& device) const
{
    return normalized(images.slice(0, first, last), device);
}

ConceptImages ConceptImages::to(const torch::Device& device) const
{
    ConceptImages moved = *this;
    moved.images = images.to(device);
    return moved;
}

std::int64_t ConceptImages::bytes() const
{
    return images.defined() ? images.numel() * std::int64_t(images.element_size()) : 0;
}

}  // namespace nad
