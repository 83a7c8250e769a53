#include "nad/PathObjective.h"

#include <limits>

namespace nad {
namespace {

// Mean of `values` (one per sample) over the samples of each concept row.
torch::Tensor meanPerConcept(const torch::Tensor& values, const torch::Tensor& owner, std::int64_t concepts)
{
    const auto options = values.options();
    const torch::Tensor counts =
        torch::zeros({concepts}, options).index_add(0, owner, torch::ones_like(owner, options));
    return torch::zeros({concepts}, options).index_add(0, owner, values) / counts.clamp_min(1);
}

std::vector<double> toVector(const torch::Tensor& t)
{
    const torch::Tensor cpu = t.detach().to(torch::kCPU, torch::kDouble).contiguous();
    return std::vector<double>(cpu.data_ptr<double>(), cpu.data_ptr<double>() + cpu.numel());
}

// The logits with each row's class `classes[r]` pushed to −∞: what "max over k ≠ c" and
// "Σ over k ≠ c" read.
torch::Tensor withoutClass(const torch::Tensor& logits, const torch::Tensor& classes)
{
    const torch::Tensor isClass = torch::zeros_like(logits, torch::kBool).scatter(1, classes.view({-1, 1}), true);
    return logits.masked_fill(isClass, -std::numeric_limits<double>::infinity());
}

// Per sample, KL(softmax `reference` ‖ softmax `logits`).
torch::Tensor softmaxKl(const torch::Tensor& reference, const torch::Tensor& logits)
{
    const torch::Tensor logReference = torch::log_softmax(reference, 1);
    return (logReference.exp() * (logReference - torch::log_softmax(logits, 1))).sum(1);
}

BlockForward rows(const BlockForward& all, std::int64_t first, std::int64_t end)
{
    BlockForward part;
    part.logits = all.logits.slice(0, first, end);
    for (const auto& block : all.blockOutputs)
        part.blockOutputs.push_back(block.slice(0, first, end));
    return part;
}

}  // namespace

LossTerms PathObjective::evaluate(const std::vector<torch::Tensor>& maskLogits, const LossBatch& batch) const
{
    const std::int64_t concepts = maskLogits.front().size(0);
    const std::int64_t positives = batch.images.size(0);
    BlockForward original = batch.originals;
    if (!original.logits.defined()) {
        torch::NoGradGuard noGrad;
        original = m_network.forward(batch.images, {}, true);
    }
    // The concept images and the negatives go through the masked network in one forward.
    const bool useNegatives = m_options.negatives.any() && batch.hasNegatives();
    const torch::Tensor images = useNegatives ? torch::cat({batch.images, batch.negativeImages}) : batch.images;
    const torch::Tensor owner = useNegatives ? torch::cat({batch.owner, batch.negativeOwner}) : batch.owner;
    BlockMasks masks;
    for (const auto& s : maskLogits)
        masks.push_back(torch::sigmoid(s).index_select(0, owner));
    const BlockForward maskedAll = m_network.forward(images, masks, true);
    const BlockForward masked = useNegatives ? rows(maskedAll, 0, positives) : maskedAll;

    const auto options = batch.images.options();
    torch::Tensor distance, sparsity;
    torch::Tensor takesPart = torch::ones({concepts}, options);  // 0: the official preset skips it
    if (m_options.preset == LearnerPreset::Paper) {
        distance = meanPerConcept(paperDistance(original, masked), batch.owner, concepts);
        sparsity = paperSparsity(maskLogits);
    } else {
        // The authors' findpath.py: cross-entropy on every sample of the batch, the MSE of each
        // mask's output only on the samples the frozen network classifies correctly, both divided
        // by the number of masks. A concept whose batch has no correct sample is skipped (its
        // term is zeroed, so its gradient is zero and Eq. 8 leaves its masks where they are).
        const torch::Tensor correct = (original.logits.argmax(1) == batch.labels).to(options.dtype());
        const torch::Tensor crossEntropy = torch::nn::functional::cross_entropy(
            masked.logits, batch.labels, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kNone));
        torch::Tensor squaredError = torch::zeros({positives}, options);
        for (std::size_t i = 0; i < masks.size(); ++i)
            squaredError = squaredError + (masked.blockOutputs[i] - original.blockOutputs[i]).pow(2).flatten(1).mean(1);
        const torch::Tensor correctCounts = torch::zeros({concepts}, options).index_add(0, batch.owner, correct);
        const torch::Tensor mseMean =
            torch::zeros({concepts}, options).index_add(0, batch.owner, squaredError * correct) /
            correctCounts.clamp_min(1);
        distance = (meanPerConcept(crossEntropy, batch.owner, concepts) + mseMean) / double(masks.size());
        for (const auto& s : maskLogits)
            sparsity =
                (sparsity.defined() ? sparsity : torch::zeros({concepts}, options)) + torch::sigmoid(s).pow(2).mean(1);
        sparsity = sparsity / double(maskLogits.size());
        takesPart = (correctCounts > 0).to(options.dtype());
    }
    const torch::Tensor negative =
        useNegatives ? negativeTerms(batch, maskedAll.logits.slice(0, positives), masked.logits, concepts)
                     : torch::zeros({concepts}, options);
    LossTerms terms;
    terms.distance = toVector(distance);
    terms.sparsity = toVector(sparsity);
    terms.negative = toVector(negative);
    terms.total = ((distance + m_options.lambda * sparsity + negative) * takesPart).sum();
    return terms;
}

// Per sample, summed over the blocks and the logits (Eq. 4 with the chosen distance).
torch::Tensor PathObjective::paperDistance(const BlockForward& original, const BlockForward& masked) const
{
    if (m_options.distance == PathDistance::Distillation)  // CDRP-style: only what the network answers counts
        return softmaxKl(original.logits, masked.logits);
    torch::Tensor perSample = torch::zeros({original.logits.size(0)}, original.logits.options());
    auto add = [&](const torch::Tensor& o, const torch::Tensor& m) {
        // m − o, not o − m: the same norm, and the gradient reaches m without a negation pass.
        const torch::Tensor difference = (m - o).flatten(1);
        switch (m_options.distance) {
        case PathDistance::Norm:
            perSample = perSample + difference.norm(2, 1);
            break;
        case PathDistance::ScaleFree:
            perSample = perSample + difference.norm(2, 1) / o.flatten(1).norm(2, 1).clamp_min(1e-12);
            break;
        case PathDistance::RelativeSquared:
            perSample = perSample + difference.pow(2).sum(1) / o.flatten(1).pow(2).sum(1).clamp_min(1e-24);
            break;
        case PathDistance::Distillation:
            break;  // the logits only, below
        }
    };
    for (std::size_t i = 0; i < masked.blockOutputs.size(); ++i)
        add(original.blockOutputs[i], masked.blockOutputs[i]);
    add(original.logits, masked.logits);
    return perSample;
}

// Eq. 6 (Sum) or its per-block balanced form (BlockMean), per concept row.
torch::Tensor PathObjective::paperSparsity(const std::vector<torch::Tensor>& maskLogits) const
{
    torch::Tensor sparsity = torch::zeros({maskLogits.front().size(0)}, maskLogits.front().options());
    for (const auto& s : maskLogits) {
        const torch::Tensor on = torch::sigmoid(s);
        sparsity = sparsity + (m_options.sparsity == PathSparsity::Sum ? on.sum(1) : on.mean(1));
    }
    return sparsity;
}

torch::Tensor PathObjective::negativeTerms(const LossBatch& batch, const torch::Tensor& negativeLogits,
                                           const torch::Tensor& positiveLogits, std::int64_t concepts) const
{
    const NegativeTerms& w = m_options.negatives;
    torch::Tensor originalLogits = batch.negativeOriginalLogits;
    if (!originalLogits.defined()) {
        torch::NoGradGuard noGrad;
        originalLogits = m_network.forward(batch.negativeImages, {}, false).logits;
    }
    const torch::Tensor& z = negativeLogits;
    const torch::Tensor classes = batch.negativeClasses.view({-1, 1});
    const torch::Tensor conceptLogit = z.gather(1, classes).squeeze(1);
    const torch::Tensor others = withoutClass(z, batch.negativeClasses);
    torch::Tensor perNegative = torch::zeros({z.size(0)}, z.options());
    if (w.margin > 0)
        perNegative = perNegative + w.margin * torch::relu(conceptLogit - std::get<0>(others.max(1)) + 1.0);
    if (w.hinge > 0)
        perNegative = perNegative + w.hinge * torch::relu(conceptLogit - originalLogits.gather(1, classes).squeeze(1));
    if (w.kl > 0)
        perNegative = perNegative + w.kl * softmaxKl(originalLogits, z);
    if (w.oneVsRest > 0)  // −log(1 − p_c) = logsumexp(z) − logsumexp_{k≠c}(z)
        perNegative = perNegative + w.oneVsRest * (torch::logsumexp(z, 1) - torch::logsumexp(others, 1));
    torch::Tensor terms = meanPerConcept(perNegative, batch.negativeOwner, concepts);
    if (w.oneVsRest > 0) {
        const torch::Tensor ownLogProbability =
            torch::log_softmax(positiveLogits, 1).gather(1, batch.labels.view({-1, 1})).squeeze(1);
        terms = terms + w.oneVsRest * meanPerConcept(-ownLogProbability, batch.owner, concepts);
    }
    return terms;
}

}  // namespace nad
