#include "nad/NegativePool.h"

#include "Errors.h"
#include "nad/ImageCycle.h"
#include "nn/ImageBatch.h"

#include <algorithm>
#include <map>

namespace nad {

NegativeImages NegativePool::draw(const ImageSet& set, const std::vector<std::size_t>& candidates, int size,
                                  std::uint64_t seed, const Normalization& normalization, const torch::Device& device)
{
    std::map<std::int64_t, std::vector<std::size_t>> byClass;
    if (candidates.empty()) {
        for (std::size_t i = 0; i < set.count(); ++i)
            byClass[set.labels[i]].push_back(i);
    } else {
        for (std::size_t i : candidates)
            byClass[set.labels.at(i)].push_back(i);
    }
    if (byClass.size() < 2)
        throw InvalidArgument("the negative-aware terms need training images of at least two classes");
    const std::size_t perClass = (std::size_t(std::max(size, 1)) + byClass.size() - 1) / byClass.size();
    std::vector<std::size_t> chosen;
    for (const auto& [label, indices] : byClass) {
        ImageCycle order(std::int64_t(indices.size()), mixSeed(seed ^ std::uint64_t(label)) ^ 4);
        for (std::int64_t k : order.next(int(std::min(perClass, indices.size()))))
            chosen.push_back(indices[std::size_t(k)]);
    }
    std::sort(chosen.begin(), chosen.end());
    NegativeImages pool;
    pool.images = ImageBatch::images(set, chosen, normalization, device);
    for (std::size_t i : chosen)
        pool.labels.push_back(set.labels[i]);
    return pool;
}

}  // namespace nad
