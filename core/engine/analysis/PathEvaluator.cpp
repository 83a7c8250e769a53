#include "analysis/PathEvaluator.h"

#include "Errors.h"
#include "analysis/Auroc.h"
#include "nad/ImageCycle.h"
#include "nn/ImageBatch.h"

#include <algorithm>

namespace nad {
namespace {

// The network's logits on every image of `set` (CPU), with optional masks.
torch::Tensor logitsOn(BlockNetwork& network, const ImageSet& set, const Normalization& normalization,
                       const BlockMasks& masks, int batchSize)
{
    std::vector<torch::Tensor> parts;
    batchSize = ImageBatch::imagesWithin(set, batchSize);
    for (std::size_t first = 0; first < set.count(); first += std::size_t(batchSize)) {
        const std::size_t count = std::min(std::size_t(batchSize), set.count() - first);
        parts.push_back(network.forward(ImageBatch::range(set, first, count, normalization, network.device()), masks)
                            .logits.to(torch::kCPU, torch::kFloat));
    }
    return torch::cat(parts);
}

// One-vs-rest AUROC of logit column `c`: concept c's images against all the others.
double aurocOf(const torch::Tensor& logits, const std::vector<std::int64_t>& labels, std::int64_t c)
{
    const torch::Tensor column = logits.select(1, c).contiguous();
    const std::vector<float> scores(column.data_ptr<float>(), column.data_ptr<float>() + column.numel());
    std::vector<bool> positive;
    for (std::int64_t label : labels)
        positive.push_back(label == c);
    return auroc(scores, positive);
}

// Precision (share of c's images called c) and specificity (share of the others not called c).
std::pair<double, double> rates(const torch::Tensor& labels, const torch::Tensor& predicted, std::int64_t c)
{
    const torch::Tensor isC = labels == c;
    const double ofC = isC.sum().item<double>();
    const double others = double(labels.numel()) - ofC;
    const double hit = (predicted.eq(c) & isC).sum().item<double>();
    const double rejected = (predicted.ne(c) & isC.logical_not()).sum().item<double>();
    return std::make_pair(ofC > 0 ? hit / ofC : 0.0, others > 0 ? rejected / others : 1.0);
}

}  // namespace

std::vector<std::size_t> PathEvaluator::evaluationImages(const ImageSet& heldOut, std::int64_t c, std::size_t negatives)
{
    std::vector<std::size_t> own, others;
    for (std::size_t i = 0; i < heldOut.count(); ++i)
        (heldOut.labels[i] == c ? own : others).push_back(i);
    if (negatives > 0 && negatives < others.size()) {
        ImageCycle order(std::int64_t(others.size()), mixSeed(std::uint64_t(c)) ^ 5);
        std::vector<std::size_t> sample;
        for (std::int64_t k : order.next(int(negatives)))
            sample.push_back(others[std::size_t(k)]);
        others = std::move(sample);
    }
    own.insert(own.end(), others.begin(), others.end());
    std::sort(own.begin(), own.end());
    return own;
}

BlockMasks PathEvaluator::masksOf(const LearnedPath& path, const torch::Device& device)
{
    BlockMasks masks;
    for (const auto& block : path.binary) {
        std::vector<float> values(block.begin(), block.end());
        masks.push_back(torch::tensor(values).to(device));
    }
    return masks;
}

bool PathEvaluator::isDegenerate(const ConceptEvaluation& e)
{
    return e.usage < 0.02 || e.pathSpecificity < e.originalSpecificity - 0.20;
}

std::vector<ConceptEvaluation> PathEvaluator::evaluate(BlockNetwork& network, const ImageSet& heldOut,
                                                       const Normalization& normalization,
                                                       const std::vector<LearnedPath>& paths, int batchSize,
                                                       std::size_t negativesPerConcept)
{
    if (heldOut.count() == 0)
        throw InvalidArgument("no held-out images to evaluate paths on");
    torch::NoGradGuard noGrad;
    const torch::Tensor labels = torch::tensor(heldOut.labels, torch::kInt64);
    const torch::Tensor originalLogits = logitsOn(network, heldOut, normalization, {}, batchSize);
    bool bothKinds = false;  // AUROC needs images of c and of another class
    for (std::int64_t label : heldOut.labels)
        bothKinds = bothKinds || label != heldOut.labels.front();

    std::vector<ConceptEvaluation> results;
    for (const auto& path : paths) {
        if (path.binary.size() != network.blockCount())
            throw InvalidArgument("a path with " + std::to_string(path.binary.size()) +
                                  " blocks cannot run on a network with " + std::to_string(network.blockCount()));
        const std::int64_t c = path.classIndex;
        // The images this path is measured on: every held-out image, or c's and a sample of others.
        const bool sampled = negativesPerConcept > 0;
        const auto chosen = sampled ? evaluationImages(heldOut, c, negativesPerConcept) : std::vector<std::size_t>{};
        const ImageSet subset = sampled ? heldOut.subset(chosen) : ImageSet{};
        const ImageSet& images = sampled ? subset : heldOut;
        const torch::Tensor index =
            sampled ? torch::tensor(std::vector<std::int64_t>(chosen.begin(), chosen.end()), torch::kInt64)
                    : torch::Tensor{};
        const torch::Tensor unmasked = sampled ? originalLogits.index_select(0, index) : originalLogits;
        const torch::Tensor imageLabels = sampled ? labels.index_select(0, index) : labels;

        ConceptEvaluation e;
        e.classIndex = c;
        std::tie(e.originalPrecision, e.originalSpecificity) = rates(imageLabels, unmasked.argmax(1), c);
        const torch::Tensor maskedLogits =
            logitsOn(network, images, normalization, masksOf(path, network.device()), batchSize);
        std::tie(e.pathPrecision, e.pathSpecificity) = rates(imageLabels, maskedLogits.argmax(1), c);
        const bool hasC = std::find(images.labels.begin(), images.labels.end(), c) != images.labels.end();
        if (bothKinds && hasC) {
            e.originalAuroc = aurocOf(unmasked, images.labels, c);
            e.pathAuroc = aurocOf(maskedLogits, images.labels, c);
        }
        e.usage = path.meanBlockUsage();
        e.degenerate = isDegenerate(e);
        results.push_back(e);
    }
    return results;
}

}  // namespace nad
