#pragma once

#include "nad/ConceptImages.h"
#include "nn/BlockNetwork.h"

#include <memory>
#include <vector>

namespace nad {

// The frozen network's block outputs and logits on every image of a pass's concepts, kept from
// one call to the next. A run learns the same concepts on the same images once per
// initialization; on densenet-w8 (10 concepts × 1,000 images) computing these outputs again
// took about 7 s of every initialization. Only the latest call's concepts are kept, so memory
// stays that of one pass.
class FrozenOutputsCache
{
public:
    using Outputs = std::shared_ptr<const BlockForward>;

    // One entry per concept, in order: reused when the last call had the same class with the
    // same images (compared by content), computed otherwise.
    std::vector<Outputs> outputsFor(BlockNetwork& network, const std::vector<ConceptImages>& concepts,
                                    const torch::Device& device);
    void clear() { m_entries.clear(); }
    // How many concepts' outputs the last call computed rather than reused (for the tests).
    int computedByLastCall() const { return m_computedByLastCall; }

    // The frozen network on every image of `images` in chunks of 256, without gradients.
    static BlockForward compute(BlockNetwork& network, const ConceptImages& images, bool keepBlockOutputs,
                                const torch::Device& device);

private:
    struct Entry
    {
        std::int64_t classIndex;
        torch::Tensor images;
        Outputs outputs;
    };
    const Entry* find(const ConceptImages& concept) const;

    std::vector<Entry> m_entries;
    int m_computedByLastCall = 0;
};

}  // namespace nad
