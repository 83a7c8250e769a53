#include "nn/ImageBatch.h"

#include <algorithm>
#include <cstring>

namespace nad {

torch::Tensor ImageBatch::images(const ImageSet& set, const std::vector<std::size_t>& indices,
                                 const Normalization& normalization, const torch::Device& device)
{
    torch::Tensor batch = torch::empty({std::int64_t(indices.size()), set.channels, set.height, set.width});
    float* out = batch.data_ptr<float>();
    const std::size_t perImage = set.imageBytes();
    for (std::size_t k = 0; k < indices.size(); ++k)
        normalization.toFloats(set, indices[k], 1, out + k * perImage);
    return batch.to(device);
}

torch::Tensor ImageBatch::pixels(const ImageSet& set, const std::vector<std::size_t>& indices)
{
    torch::Tensor batch =
        torch::empty({std::int64_t(indices.size()), set.channels, set.height, set.width}, torch::kUInt8);
    std::uint8_t* out = batch.data_ptr<std::uint8_t>();
    const std::size_t perImage = set.imageBytes();
    for (std::size_t k = 0; k < indices.size(); ++k)  // ImageSet holds CHW per image, as the tensor does
        std::memcpy(out + k * perImage, set.image(indices.at(k)), perImage);
    return batch;
}

torch::Tensor ImageBatch::range(const ImageSet& set, std::size_t first, std::size_t count,
                                const Normalization& normalization, const torch::Device& device)
{
    torch::Tensor batch = torch::empty({std::int64_t(count), set.channels, set.height, set.width});
    normalization.toFloats(set, first, count, batch.data_ptr<float>());
    return batch.to(device);
}

int ImageBatch::imagesWithin(const ImageSet& set, int largest, std::size_t bytes)
{
    const std::size_t perImage = std::max<std::size_t>(set.imageBytes(), 1) * sizeof(float);
    return int(std::clamp<std::size_t>(bytes / perImage, 1, std::size_t(std::max(largest, 1))));
}

torch::Tensor ImageBatch::labels(const ImageSet& set, const std::vector<std::size_t>& indices,
                                 const torch::Device& device)
{
    torch::Tensor out = torch::empty({std::int64_t(indices.size())}, torch::kInt64);
    auto* p = out.data_ptr<std::int64_t>();
    for (std::size_t k = 0; k < indices.size(); ++k)
        p[k] = set.labels[indices[k]];
    return out.to(device);
}

}  // namespace nad
