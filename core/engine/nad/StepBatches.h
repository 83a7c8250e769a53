#pragma once

#include "nad/ConceptImages.h"
#include "nad/FrozenOutputsCache.h"
#include "nad/ImageCycle.h"
#include "nad/LearnerOptions.h"
#include "nad/PathObjective.h"
#include "nn/BlockNetwork.h"

#include <vector>

namespace nad {

// Training images of many classes that the negative-aware terms draw other concepts' images
// from: normalized [N, C, H, W] on the network's device, and the class of each.
struct NegativeImages
{
    torch::Tensor images;
    std::vector<std::int64_t> labels;
    bool empty() const { return labels.empty(); }
};

// Each step's LossBatch for one pass of Algorithm 1: `batchSize` images of every still active
// concept, in each concept's seeded order, with the frozen network's outputs on them when they
// fit in the cache, and — when a negative-aware term is on — as many images of other classes
// from the negative pool, in each concept's own seeded order. A concept's batches depend only
// on the seed, its class and the initialization, never on the other concepts in the pass.
class StepBatches
{
public:
    StepBatches(BlockNetwork& network, const LearnerOptions& options, const std::vector<ConceptImages>& concepts,
                const NegativeImages& negatives, int initialization, FrozenOutputsCache& frozenOutputs);

    // Replays `steps` steps of every concept's order (a resumed pass).
    void skip(int steps);
    // The next step's batch of the active concepts; no images when none is active.
    LossBatch next(const std::vector<bool>& active);
    bool cachesOriginals() const { return !m_cached.empty(); }
    // Bytes of the frozen network's block outputs and logits for one image.
    static std::int64_t originalBytesPerImage(BlockNetwork& network, const torch::Tensor& image);

private:
    void addNegatives(std::size_t concept, std::vector<torch::Tensor>& images, std::vector<std::int64_t>& owner,
                      std::vector<std::int64_t>& classes, std::vector<torch::Tensor>& originalLogits);

    const std::vector<ConceptImages>& m_concepts;
    const NegativeImages& m_negatives;
    int m_batchSize;
    torch::Device m_device;
    std::vector<ImageCycle> m_cycles;
    std::vector<FrozenOutputsCache::Outputs> m_cached;  // per concept; empty without a cache
    bool m_useNegatives = false;
    std::vector<std::vector<std::int64_t>> m_negativeIndices;  // per concept: pool rows of other classes
    std::vector<ImageCycle> m_negativeCycles;
    torch::Tensor m_negativeLogits;  // the frozen network's logits on the pool
};

}  // namespace nad
