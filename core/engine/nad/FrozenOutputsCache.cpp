#include "nad/FrozenOutputsCache.h"

#include <algorithm>

namespace nad {

BlockForward FrozenOutputsCache::compute(BlockNetwork& network, const ConceptImages& images, bool keepBlockOutputs,
                                         const torch::Device& device)
{
    torch::NoGradGuard noGrad;
    std::vector<std::vector<torch::Tensor>> blockParts(keepBlockOutputs ? network.blockCount() : 0);
    std::vector<torch::Tensor> logitParts;
    for (std::int64_t first = 0; first < images.count(); first += 256) {
        const BlockForward part =
            network.forward(images.range(first, std::min(first + 256, images.count()), device), {}, keepBlockOutputs);
        for (std::size_t i = 0; i < blockParts.size(); ++i)
            blockParts[i].push_back(part.blockOutputs[i]);
        logitParts.push_back(part.logits);
    }
    BlockForward all;
    for (auto& parts : blockParts)
        all.blockOutputs.push_back(torch::cat(parts));
    all.logits = torch::cat(logitParts);
    return all;
}

const FrozenOutputsCache::Entry* FrozenOutputsCache::find(const ConceptImages& concept) const
{
    for (const auto& entry : m_entries) {
        if (entry.classIndex != concept.classIndex || !entry.images.defined() || !concept.images.defined())
            continue;
        const torch::Tensor& a = entry.images;
        const torch::Tensor& b = concept.images;
        if (a.is_same(b) || (a.sizes() == b.sizes() && a.scalar_type() == b.scalar_type() && a.device() == b.device() &&
                             torch::equal(a, b)))
            return &entry;
    }
    return nullptr;
}

std::vector<FrozenOutputsCache::Outputs> FrozenOutputsCache::outputsFor(BlockNetwork& network,
                                                                        const std::vector<ConceptImages>& concepts,
                                                                        const torch::Device& device)
{
    std::vector<Outputs> outputs;
    for (const auto& concept : concepts) {
        const Entry* reused = find(concept);
        outputs.push_back(reused ? reused->outputs : nullptr);
    }
    m_entries.clear();  // what this call does not reuse is freed before anything new is computed
    m_computedByLastCall = 0;
    for (std::size_t c = 0; c < concepts.size(); ++c) {
        if (!outputs[c]) {
            outputs[c] = std::make_shared<const BlockForward>(compute(network, concepts[c], true, device));
            ++m_computedByLastCall;
        }
        m_entries.push_back({concepts[c].classIndex, concepts[c].images, outputs[c]});
    }
    return outputs;
}

}  // namespace nad
