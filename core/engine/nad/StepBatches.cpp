#include "nad/StepBatches.h"

#include "Errors.h"

#include <algorithm>

namespace nad {

std::int64_t StepBatches::originalBytesPerImage(BlockNetwork& network, const torch::Tensor& image)
{
    const BlockForward out = FrozenOutputsCache::compute(network, {0, image.unsqueeze(0)}, true, network.device());
    std::int64_t bytes = out.logits.numel() * std::int64_t(out.logits.element_size());
    for (const auto& block : out.blockOutputs)
        bytes += block.numel() * std::int64_t(block.element_size());
    return bytes;
}

StepBatches::StepBatches(BlockNetwork& network, const LearnerOptions& options,
                         const std::vector<ConceptImages>& concepts, const NegativeImages& negatives,
                         int initialization, FrozenOutputsCache& frozenOutputs)
    : m_concepts(concepts), m_negatives(negatives), m_batchSize(options.batchSize), m_device(network.device())
{
    for (const auto& c : concepts)
        m_cycles.emplace_back(c.count(), derivedSeed(options.seed, c.classIndex, initialization, 2));
    // The frozen network's outputs on every image, once, when they fit in the memory budget.
    std::int64_t imageCount = 0;
    for (const auto& c : concepts)
        imageCount += c.count();
    const std::int64_t budget = options.originalsCacheMiB << 20;
    if (budget > 0 && imageCount * originalBytesPerImage(network, concepts.front().range(0, 1, m_device)[0]) <= budget)
        m_cached = frozenOutputs.outputsFor(network, concepts, m_device);
    else
        frozenOutputs.clear();
    m_useNegatives = options.negatives.any();
    if (!m_useNegatives)
        return;
    for (const auto& c : concepts) {
        std::vector<std::int64_t> others;
        for (std::size_t r = 0; r < negatives.labels.size(); ++r)
            if (negatives.labels[r] != c.classIndex)
                others.push_back(std::int64_t(r));
        if (others.empty())
            throw InvalidArgument("the negative-aware terms need images of classes other than concept " +
                                  std::to_string(c.classIndex) + ", and the negative pool has none");
        m_negativeCycles.emplace_back(std::int64_t(others.size()),
                                      derivedSeed(options.seed, c.classIndex, initialization, 3));
        m_negativeIndices.push_back(std::move(others));
    }
    m_negativeLogits = FrozenOutputsCache::compute(network, {0, negatives.images}, false, m_device).logits;
}

void StepBatches::skip(int steps)
{
    for (int s = 0; s < steps; ++s) {
        for (auto& cycle : m_cycles)
            cycle.next(m_batchSize);
        for (auto& cycle : m_negativeCycles)
            cycle.next(m_batchSize);
    }
}

LossBatch StepBatches::next(const std::vector<bool>& active)
{
    std::vector<torch::Tensor> images, logits, negativeImages, negativeLogits;
    std::vector<std::vector<torch::Tensor>> blocks(m_cached.empty() ? 0 : m_cached.front()->blockOutputs.size());
    std::vector<std::int64_t> owner, labels, negativeOwner, negativeClasses;
    for (std::size_t c = 0; c < m_concepts.size(); ++c) {
        if (!active[c])
            continue;
        const auto indices = m_cycles[c].next(m_batchSize);
        const torch::Tensor index = torch::tensor(indices, torch::kInt64);
        images.push_back(m_concepts[c].rows(index, m_device));
        if (!m_cached.empty()) {
            const torch::Tensor onDevice = index.to(m_device);
            for (std::size_t i = 0; i < blocks.size(); ++i)
                blocks[i].push_back(m_cached[c]->blockOutputs[i].index_select(0, onDevice));
            logits.push_back(m_cached[c]->logits.index_select(0, onDevice));
        }
        owner.insert(owner.end(), indices.size(), std::int64_t(c));
        labels.insert(labels.end(), indices.size(), m_concepts[c].classIndex);
        if (m_useNegatives)
            addNegatives(c, negativeImages, negativeOwner, negativeClasses, negativeLogits);
    }
    LossBatch batch;
    if (images.empty())
        return batch;  // every concept converged
    auto indexTensor = [&](const std::vector<std::int64_t>& v) { return torch::tensor(v, torch::kInt64).to(m_device); };
    batch.images = torch::cat(images);
    for (auto& parts : blocks)
        batch.originals.blockOutputs.push_back(torch::cat(parts));
    if (!logits.empty())
        batch.originals.logits = torch::cat(logits);
    batch.owner = indexTensor(owner);
    batch.labels = indexTensor(labels);
    if (!negativeImages.empty()) {
        batch.negativeImages = torch::cat(negativeImages);
        batch.negativeOwner = indexTensor(negativeOwner);
        batch.negativeClasses = indexTensor(negativeClasses);
        batch.negativeOriginalLogits = torch::cat(negativeLogits);
    }
    return batch;
}

void StepBatches::addNegatives(std::size_t concept, std::vector<torch::Tensor>& images,
                               std::vector<std::int64_t>& owner, std::vector<std::int64_t>& classes,
                               std::vector<torch::Tensor>& originalLogits)
{
    std::vector<std::int64_t> rows;
    for (std::int64_t k : m_negativeCycles[concept].next(m_batchSize))
        rows.push_back(m_negativeIndices[concept][std::size_t(k)]);
    const torch::Tensor index = torch::tensor(rows, torch::kInt64);
    images.push_back(m_negatives.images.index_select(0, index.to(m_negatives.images.device())).to(m_device));
    originalLogits.push_back(m_negativeLogits.index_select(0, index.to(m_device)));
    owner.insert(owner.end(), rows.size(), std::int64_t(concept));
    classes.insert(classes.end(), rows.size(), m_concepts[concept].classIndex);
}

}  // namespace nad
