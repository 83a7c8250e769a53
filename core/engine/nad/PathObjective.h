#pragma once

#include "nad/LearnerOptions.h"
#include "nn/BlockNetwork.h"

#include <vector>

namespace nad {

// One step's images as the loss sees them. Rows of `images` are concept images: `owner` holds
// each row's concept (its row in the mask logits), `labels` its class. `originals` may hold the
// frozen network's outputs on `images` (computed when its logits are undefined). The negatives
// are other concepts' images, each tagged with the concept whose path must stay silent on it;
// they are only used by the negative-aware terms (LearnerOptions::negatives).
struct LossBatch
{
    torch::Tensor images;
    torch::Tensor owner;
    torch::Tensor labels;
    BlockForward originals;
    torch::Tensor negativeImages;          // undefined: no negatives this step
    torch::Tensor negativeOwner;           // concept row of each negative
    torch::Tensor negativeClasses;         // class of that concept (the class the path must not answer)
    torch::Tensor negativeOriginalLogits;  // the frozen network's logits on them; computed when undefined
    bool hasNegatives() const { return negativeImages.defined() && negativeImages.size(0) > 0; }
};

// The loss of one step, to differentiate (`total`), and its terms per concept row.
struct LossTerms
{
    torch::Tensor total;
    std::vector<double> distance;  // L_dif (paper, with the chosen distance) or the official CE + MSE
    std::vector<double> sparsity;  // L_reg before λ (paper, with the chosen sparsity) or the official penalty before β
    std::vector<double> negative;  // the weighted negative-aware terms (0 when off)
};

// The objective Algorithm 1 minimises (LearnerOptions says which): the paper's Eq. 4, 6, 7 with
// the distance and sparsity chosen, or the authors' official loss, plus the negative-aware
// terms. Concepts are independent: concept c's terms depend only on its own mask row, so the
// gradient of the total gives every concept the gradient of its own loss.
class PathObjective
{
public:
    PathObjective(BlockNetwork& network, const LearnerOptions& options) : m_network(network), m_options(options) {}

    // `maskLogits[i]` holds block i's soft mask logits, one row per concept.
    LossTerms evaluate(const std::vector<torch::Tensor>& maskLogits, const LossBatch& batch) const;

private:
    torch::Tensor paperDistance(const BlockForward& original, const BlockForward& masked) const;
    torch::Tensor paperSparsity(const std::vector<torch::Tensor>& maskLogits) const;
    // Per concept row: the weighted sum of the negative-aware terms (and the one-vs-rest term's
    // part on the concept's own images, `positiveLogits` rows owned by `owner`).
    torch::Tensor negativeTerms(const LossBatch& batch, const torch::Tensor& negativeLogits,
                                const torch::Tensor& positiveLogits, std::int64_t concepts) const;

    BlockNetwork& m_network;
    LearnerOptions m_options;
};

}  // namespace nad
